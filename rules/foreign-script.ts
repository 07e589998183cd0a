/**
 * Chinese, Japanese or Korean script, or a Cyrillic, Greek, Arabic or
 * Hebrew word, left inside an English sentence ("released by the 国家统计局
 * on Friday", "the governor of the Курская region", "the Athens daily Τα
 * Νέα"): a name or term the system did not translate. Whole passages in another script (a quoted sign, a title given
 * in both languages on its own line) are left alone, and so is a run the
 * sentence cites on purpose: glossed (`karoshi (過労死)`, `福临门 (Fu Lin
 * Men)`, `神風, meaning 'divine wind'`), named as a word of its language (`the
 * Japanese word 神風`, `the Greek word κάλλος`), said to be how a name is
 * written (`written 北京 in Chinese characters`, `spelled Київ in
 * Ukrainian`), given after its language's name in brackets (`Moscow
 * (Russian: Москва)`), set in quotes after a word that names it (`known as
 * «Катюша»`), set off by commas after the word it glosses (`the work, ἔργον,
 * the second`), or one half of a title given in both languages (`Война и мир
 * / War and Peace`). English writing cites the original that way; an
 * untranslated run is not explained. Full-width Latin letters and digits
 * (`ＡＢＣ`, `２０２０`) are English written at a Chinese width, not foreign
 * script: fullwidth-punctuation reports them, with the fix.
 */
import {defineRule} from '../src/engine/rule.js'
import {linesOf} from '../src/engine/lines.js'

/**
 * A CJK run; a Cyrillic word or phrase of two letters or more; a Greek,
 * Arabic or Hebrew word or phrase (Arabic and Hebrew vowel marks and the
 * Persian zero-width non-joiner inside a word). Which Greek and Arabic or
 * Hebrew runs count is decided by `isWord`.
 */
const foreignRun =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}][\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{N}·・ー]*|\p{Script=Cyrillic}{2,}(?:[ -]\p{Script=Cyrillic}+)*|(?<greek>\p{Script=Greek}[\p{Script=Greek}\p{M}]*(?:[ -]\p{Script=Greek}[\p{Script=Greek}\p{M}]*)*)|(?<semitic>\p{Script=Arabic}[\p{Script=Arabic}\p{M}\u200c]*(?:[ -]\p{Script=Arabic}[\p{Script=Arabic}\p{M}\u200c]*)*|\p{Script=Hebrew}[\p{Script=Hebrew}\p{M}]*(?:[ -]\p{Script=Hebrew}[\p{Script=Hebrew}\p{M}]*)*)/gu

/**
 * Whether a Greek run is a word and not symbols: a word of four letters or
 * more, or of three with an accent or a final sigma (`από`, `της`). Science
 * writes up to three Greek letters as symbols, never accented and never with
 * a final sigma (`γδ T cells`, `αβγ crystallin`, `the Δ variant`, `1 / λ4`).
 * An Arabic or Hebrew run is a word from two letters on (Arabic-Indic digits
 * alone are a number).
 */
function isWord(match: RegExpMatchArray): boolean {
  const {greek, semitic} = match.groups ?? {}
  if (semitic !== undefined) return (semitic.match(/\p{L}/gu)?.length ?? 0) >= 2
  if (greek === undefined) return true
  return greek.split(/[ -]/u).some((word) => {
    const letters = word.normalize('NFD').match(/\p{L}/gu)?.length ?? 0
    return letters >= 4 || (letters === 3 && (/\p{M}/u.test(word.normalize('NFD')) || word.includes('ς')))
  })
}
const latinWord = /\p{Script=Latin}{2,}/gu

/** Languages and scripts a sentence may name its citation by. */
const languages = String.raw`(?:Chinese|Japanese|Korean|Mandarin|Cantonese|Russian|Ukrainian|Belarusian|Bulgarian|Serbian|Macedonian|Kazakh|Mongolian|Greek|Cyrillic|Arabic|Persian|Farsi|Urdu|Pashto|Hebrew|Yiddish)`
/** The run alone in brackets right after a word or a quoted title: its original (`Tao Te Ching (道德經)`, `"Gangnam Style" (강남스타일)`, `peace ("мир")`). */
const originalInBrackets = /\p{L}[\p{L}'’.-]*["”’]? \(["“«]?$/u
/** A transliteration in brackets, or a meaning, right after the run; or the language it is written in (`北京 in Chinese characters`, `Київ (Ukrainian)`). */
const glossAfter = new RegExp(
  String.raw`^["”’»]?(?: \([\p{Script=Latin} '’-]+\)|,? (?:meaning|means|which means|literally)\b| in (?:the )?${languages}(?: characters| script| letters| alphabet)?\b| \((?:in )?${languages}\))`,
  'u'
)
/** The run named as a word of its language, or as the way a name is written or called (`the Japanese word`, `written`, `spelled`, `called`), maybe in quotes. */
const citedAsWord = new RegExp(
  String.raw`(?:\b${languages} (?:word|words|term|terms|phrase|character|characters|name|names|expression|idiom|saying|title|script|letters|spelling|original)(?: for [\p{L} '’-]+)?,?:?|\b(?:written|spelt|spelled|transliterated|rendered|inscribed|called|named|known as)(?: as)?:?) ["“‘«(]?$`,
  'u'
)
/** The run set off by commas after the lower-case word it glosses (`for the work, ἔργον, the second`); a list of names is capitalised. */
const appositiveBefore = /\b\p{Ll}{2,}, $/u
/** A title given in both languages, the two joined by a slash (`Война и мир / War and Peace`). */
const slashBefore = /\p{L} \/ $/u
const slashAfter = /^ \/ \p{L}/u
/** The run after its language's name in brackets (`Moscow (Russian: Москва)`, `Fatima (in Arabic, فاطمة)`), as reference works give a name's original. */
const languageInBrackets = new RegExp(String.raw`\((?:in )?${languages}[:,]? ["“«]?$`, 'u')
/** The run in quotes after a word that names it (`known as «Катюша»`, `the slogan "Слава Україні"`). */
const quotedAfterName = /\b(?:called|named|known as|nicknamed|titled|entitled|word|name|term|slogan|motto|inscription)(?: for [\p{L} '’-]+)?,?:? ["“‘«]$/u

/** How far around the run to look for English words. */
const reach = 80

export default defineRule(
  {
    id: 'foreign-script',
    category: 'untranslated',
    severity: 'major',
    description: 'Chinese, Japanese or Korean characters, or a Cyrillic, Greek, Arabic or Hebrew word, left untranslated inside an English sentence.',
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
        },
        {
          text: 'Flights to Екатеринбург were cancelled on Tuesday because of heavy snow.',
          findings: [
            {range: '1:12-1:24', actual: 'Екатеринбург', message: 'Unexpected untranslated `Екатеринбург`, expected an English translation or transliteration', severity: 'major'}
          ]
        },
        {
          text: 'The article was retrieved from the archive (дата обращения: 12 March 2019) and cited in the report.',
          findings: [
            {range: '1:45-1:59', actual: 'дата обращения', message: 'Unexpected untranslated `дата обращения`, expected an English translation or transliteration', severity: 'major'}
          ]
        },
        {
          // A name of three Greek letters with an accent: a word, not a symbol.
          text: 'The Athens daily Τα Νέα reported on Sunday that the talks had stalled.',
          findings: [
            {range: '1:18-1:24', actual: 'Τα Νέα', message: 'Unexpected untranslated `Τα Νέα`, expected an English translation or transliteration', severity: 'major'}
          ]
        },
        {
          // WMT23 MT (ONLINE-A, rfi-chinese.19804, segment 1125) with the name left in Persian script.
          text: "Nationwide protests swept Iran after 22-year-old مهسا امینی died in the custody of the country's morality police in September.",
          findings: [
            {range: '1:50-1:60', actual: 'مهسا امینی', message: 'Unexpected untranslated `مهسا امینی`, expected an English translation or transliteration', severity: 'major'}
          ]
        },
        {
          text: 'The Israeli newspaper ידיעות אחרונות reported the talks on Sunday.',
          findings: [
            {range: '1:23-1:37', actual: 'ידיעות אחרונות', message: 'Unexpected untranslated `ידיעות אחרונות`, expected an English translation or transliteration', severity: 'major'}
          ]
        }
      ],
      good: [
        {text: 'The yuan fell against the dollar on Friday, traders in Shanghai said.', why: 'no CJK script'},
        {text: '新华社北京2月10日电\n\nXi Jinping met the delegation on Tuesday.', why: 'a line in Chinese on its own, not inside an English sentence'},
        {text: 'The Japanese term is karoshi (過労死), death from overwork.', why: 'the original of the word before it, in brackets'},
        {text: 'The word kamikaze comes from 神風, meaning divine wind.', why: 'a run the sentence glosses'},
        {text: 'The word Malta may derive from the Greek word μέλι, meli, honey.', why: 'a word named as a word of its language'},
        {text: 'The Ukrainian capital is spelled Київ in Ukrainian and transliterated as Kyiv.', why: 'a name said to be how it is written'},
        {text: 'The rocket launcher known as "Катюша" was used throughout the war.', why: 'a name in quotes after a word that names it'},
        {text: 'The first as far as it is necessary for the work, ἔργον, the second to examine what it is or how it is.', why: 'the original set off by commas after the word it glosses (MLQE-PE et-en post-edit)'},
        {text: 'Человек живет для лучшего / Something Better To Come (2014) was shown at the festival.', why: 'a title given in both languages (MLQE-PE ru-en post-edit)'},
        {text: 'The team studied γδ T cells, αβγ crystallin and the Δ variant in mice.', why: 'up to three Greek letters are symbols'},
        {text: 'The search company is called Яндекс in Russia and Yandex abroad.', why: 'a name said to be what something is called, with or without quotes'},
        {text: 'The αβγ T cells and β-blockers were studied in the trial.', why: 'three Greek letters without an accent, and one before a hyphen, are symbols'},
        {
          text: "The quantity of light from each wave, which is dispersed by the gas molecule, depends on its 'dispersion coefficent' of 1 / λ4, where λ is wavelength.",
          why: 'single Greek letters in a formula (MLQE-PE et-en post-edit)'
        },
        {text: 'Moscow (Russian: Москва) is the capital and largest city of Russia.', why: "the original after its language's name in brackets"},
        {text: 'Her family called her Fatima (in Arabic, فاطمة) until she left for school.', why: "the original after its language's name and a comma in brackets"},
        {
          text: "Nationwide protests swept Iran after 22-year-old Mahsa Amini (Persian: مهسا امینی) died in the custody of the country's morality police in September.",
          why: "the original after its language's name in brackets (WMT23 MT, ONLINE-A, rfi-chinese.19804)"
        }
      ]
    }
  },
  ({tree, text, report}) => {
    const lines = linesOf(tree, text)
    for (const match of text.matchAll(foreignRun)) {
      if (!isWord(match)) continue
      const start = match.index
      const end = start + match[0].length
      // The run's own line only, within a bounded reach (the scan stays linear on one huge line).
      const before = lines.before(start, reach)
      const after = lines.after(end, reach)
      // Three English words on the run's line: it sits inside an English sentence.
      if ((before.match(latinWord)?.length ?? 0) + (after.match(latinWord)?.length ?? 0) < 3) continue
      if ((originalInBrackets.test(before) && /^["”»]?\)/u.test(after)) || glossAfter.test(after) || citedAsWord.test(before) || quotedAfterName.test(before) || languageInBrackets.test(before)) continue
      if ((appositiveBefore.test(before) && after.startsWith(',')) || slashBefore.test(before) || slashAfter.test(after)) continue
      report({
        start,
        end,
        message: `Unexpected untranslated \`${match[0]}\`, expected an English translation or transliteration`
      })
    }
  }
)
