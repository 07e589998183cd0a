/**
 * Chinese, Japanese or Korean script left inside an English sentence
 * ("released by the 国家统计局 on Friday"): a name or term the system did
 * not translate. Whole passages in another script (a quoted sign, a title
 * given in both languages on its own line) are left alone.
 */
import {defineRule} from '../src/engine/rule.js'

const cjkRun = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}][\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{N}·・ー]*/gu
const latinWord = /\p{Script=Latin}{2,}/gu

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
        {text: '新华社北京2月10日电\n\nXi Jinping met the delegation on Tuesday.', why: 'a line in Chinese on its own, not inside an English sentence'}
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
      report({
        start,
        end,
        message: `Unexpected untranslated \`${match[0]}\`, expected an English translation or transliteration`
      })
    }
  }
)
