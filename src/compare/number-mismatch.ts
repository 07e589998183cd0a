/** Every number of the source is in the target, in some equivalent writing, and the target adds none. */
import {definePairCheck} from './pair-check.js'
import {cjkNumeralValues, isClarifiedYear, sameValue, sourceNumbers, targetNameNumbers, targetNumbers, targetWordValues, type NumberMention} from './numbers.js'
import {primaryOf} from './language.js'

export const numbersCheck = definePairCheck(
  {
    id: 'number-mismatch',
    category: 'accuracy',
    dimension: 'Accuracy/Mistranslation',
    severity: 'major',
    description: 'A number of the source is missing from the translation, or the translation has a number the source lacks.',
    examples: {
      bad: [
        {
          source: '该公司去年营收增长了15%。',
          target: 'The company’s revenue grew by 16% last year.',
          findings: [
            {range: '1:31-1:33', actual: '16', message: "Unexpected number `16`, expected the source's `15` (segment line 1)", severity: 'major', fix: '15', safe: false}
          ]
        },
        {
          source: 'Der Umsatz stieg um 1,5 Prozent.',
          target: 'Sales rose by 15 percent.',
          findings: [
            {range: '1:15-1:17', actual: '15', message: "Unexpected number `15`, expected the source's `1,5` (segment line 1)", severity: 'major', fix: '1.5', safe: false}
          ],
          sourceLang: 'de'
        },
        {
          source: '共有3人受伤。',
          target: 'A total of people were injured.',
          findings: [
            {range: '1:1-1:32', actual: 'A total of people were injured.', message: "Unexpected translation without the source's number `3`, expected it in some writing (segment line 1)", severity: 'major'}
          ]
        },
        {
          source: 'Il y a 12 candidats.',
          target: 'There are 12 candidates in 2024.',
          findings: [
            {range: '1:28-1:32', actual: '2024', message: "Unexpected number `2024` that the source does not have, expected only the source's numbers (segment line 1)", severity: 'major'}
          ],
          sourceLang: 'fr'
        },
        {
          source: 'Die Wahl findet am 12.05.2023 statt.',
          target: 'The election takes place on May 13, 2023.',
          findings: [
            {range: '1:33-1:35', actual: '13', message: "Unexpected number `13`, expected the source's `12` (segment line 1)", severity: 'major', fix: '12', safe: false}
          ],
          sourceLang: 'de'
        }
      ],
      good: [
        {source: 'Der Umsatz stieg um 1,5 Prozent.', target: 'Sales rose by 1.5 percent.', sourceLang: 'de', why: 'decimal comma'},
        {source: '人口达到2.5万人。', target: 'The population reached 25,000.', why: '万 is ten thousand'},
        {source: '投资1.2亿元，增长20%。', target: 'An investment of 120 million yuan, up 20 percent.'},
        {source: '预计可达1200万至1400万人次。', target: 'It is expected to reach 12 to 14 million visitors.', why: 'a range shares its scale'},
        {source: 'Die Wahl findet am 12.05.2023 statt.', target: 'The election takes place on May 12, 2023.', sourceLang: 'de', why: 'a date in the source’s format'},
        {source: 'Le 03.04.24 à Paris.', target: 'On 3 April 2024 in Paris.', sourceLang: 'fr'},
        {source: '上世纪80年代，新冠疫情', target: 'In the 1980s, the COVID-19 pandemic', why: 'decades, and numbers that belong to a name'},
        {source: 'The fund holds 2000000 dollars.', target: 'The fund holds 2 million dollars.'},
        {source: '2023年5月12日，三名工人获救。', target: 'On May 12, 2023, 3 workers were rescued.', why: 'month name and a Chinese numeral'},
        {source: '美军动用F-22战机。', target: 'The US military used an F-22 fighter.', why: "a name's number carries the source's number"},
        {source: '比前一年增加近半。', target: 'An increase of almost 50% over the previous year.', why: '半 is half'},
        {source: '去年收到92万份申请。', target: 'It received 920,000 applications in 2022.', why: 'a year written out for "last year"'}
      ]
    }
  },
  (segment, {sourceLang, report}) => {
    const lang = primaryOf(sourceLang)
    const required = sourceNumbers(segment.source, lang)
    const found = targetNumbers(segment.target)
    const words = targetWordValues(segment.target)
    const present = [...found.flatMap((mention) => mention.values), ...words, ...targetNameNumbers(segment.target)]
    const missing = required.filter((mention) => !mention.values.some((value) => present.some((other) => sameValue(value, other))))
    const allowed = [...required.flatMap((mention) => mention.values), ...(lang === 'zh' || lang === 'ja' ? cjkNumeralValues(segment.source) : [])]
    const extra = found.filter((mention) => !mention.values.some((value) => allowed.some((other) => sameValue(value, other))) && !isClarifiedYear(mention, segment.source))
    const expected = missing.map((mention) => mention.text)
    for (const mention of extra) {
      report({
        segment,
        start: mention.start,
        end: mention.end,
        message:
          missing.length > 0
            ? `Unexpected number \`${mention.text}\`, expected the source's \`${expected.join('`, `')}\``
            : `Unexpected number \`${mention.text}\` that the source does not have, expected only the source's numbers`,
        expected: missing.length === 1 ? [englishWriting(missing[0]!)] : [],
        dimension: missing.length > 0 ? 'Accuracy/Mistranslation' : 'Accuracy/Addition'
      })
    }

    // A wrong number was reported where it stands; a number with no counterpart is an omission of the segment.
    if (extra.length > 0 || missing.length === 0) return
    report({
      segment,
      start: 0,
      end: segment.target.length,
      message: `Unexpected translation without the source's number \`${expected.join('`, `')}\`, expected it in some writing`,
      dimension: 'Accuracy/Omission'
    })
  }
)

/** The source's number as the English target writes it: `1,5` from German is `1.5`, `2.5万` is `25,000`. */
function englishWriting(mention: NumberMention): string {
  return /^\d+$/.test(mention.text) ? mention.text : mention.values.at(-1)!.toLocaleString('en-US', {maximumFractionDigits: 6})
}
