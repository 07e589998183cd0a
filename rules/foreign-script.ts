/**
 * Chinese, Japanese or Korean script left inside an English sentence
 * ("released by the 国家统计局 on Friday"): a name or term the system did
 * not translate. Whole passages in another script (a quoted sign, a title
 * given in both languages on its own line) are left alone, and so is a run
 * the sentence glosses: `karoshi (過労死)`, `福临门 (Fu Lin Men)`, `the
 * Japanese word 神風`, `神風, meaning 'divine wind'` (English writing that
 * cites the original; an untranslated run is not explained).
 */
import {defineRule} from '../src/engine/rule.js'

const cjkRun = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}][\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{N}·・ー]*/gu
const latinWord = /\p{Script=Latin}{2,}/gu

/** The run alone in brackets right after a word or a quoted title: its original (`Tao Te Ching (道德經)`, `"Gangnam Style" (강남스타일)`). */
const originalInBrackets = /\p{L}[\p{L}'’.-]*["”’]? \($/u
/** A transliteration in brackets, or a meaning, right after the run. */
const glossAfter = /^(?: \([\p{Script=Latin} '’-]+\)|,? (?:meaning|which means|literally)\b)/u
/** The run named as a word of its language. */
const citedAsWord = /\b(?:Chinese|Japanese|Korean|Mandarin|Cantonese) (?:word|words|term|terms|phrase|character|characters|name|expression|idiom|saying|title|script)(?: for [\p{L} '’-]+)?:? $/u

/** How far around the run to look for English words. */
const reach = 80

export default defineRule(
  {
    id: 'foreign-script',
    category: 'untranslated',
    severity: 'major',
    description: 'Chinese, Japanese or Korean characters left untranslated inside an English sentence.',
    examples: {
      bad: [
        {
          text: 'The report was released by the 国家统计局 on Friday and shows a rise in prices.',
          findings: [
            {range: '1:32-1:37', actual: '国家统计局', message: 'Unexpected untranslated `国家统计局`, expected an English translation or transliteration', severity: 'major'}
          ]
        },
        {
          text: 'According to the 新华社 report, the two leaders spoke by telephone on Monday.',
          findings: [
            {range: '1:18-1:21', actual: '新华社', message: 'Unexpected untranslated `新华社`, expected an English translation or transliteration', severity: 'major'}
          ]
        }
      ],
      good: [
        {text: 'The yuan fell against the dollar on Friday, traders in Shanghai said.', why: 'no CJK script'},
        {text: '新华社北京2月10日电\n\nXi Jinping met the delegation on Tuesday.', why: 'a line in Chinese on its own, not inside an English sentence'},
        {text: 'The Japanese term is karoshi (過労死), death from overwork.', why: 'the original of the word before it, in brackets'},
        {text: 'The word kamikaze comes from 神風, meaning divine wind.', why: 'a run the sentence glosses'}
      ]
    }
  },
  ({text, report}) => {
    for (const match of text.matchAll(cjkRun)) {
      const start = match.index
      const end = start + match[0].length
      // The run's own line only, within a bounded reach (the scan stays linear on one huge line).
      const before = text.slice(Math.max(0, start - reach), start).split('\n').pop()!
      const after = text.slice(end, end + reach).split('\n')[0]!
      // Three English words on the run's line: it sits inside an English sentence.
      if ((before.match(latinWord)?.length ?? 0) + (after.match(latinWord)?.length ?? 0) < 3) continue
      if ((originalInBrackets.test(before) && after.startsWith(')')) || glossAfter.test(after) || citedAsWord.test(before)) continue
      report({
        start,
        end,
        message: `Unexpected untranslated \`${match[0]}\`, expected an English translation or transliteration`
      })
    }
  }
)
