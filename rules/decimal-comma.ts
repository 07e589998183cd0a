/**
 * A decimal comma ("3,5 percent", "1,5 million"), as machine translation
 * copies it from languages that write decimals with a comma; English writes
 * a point. Only numbers whose comma cannot group thousands are flagged, one
 * or two digits after it before a unit, a magnitude or any word but one that
 * goes on a list ("80,3 years", "7,5 on the Richter scale", "0,5 Gy"; not
 * "grades 9,10 and 11"): "1,500 people" and "3,500 percent" are thousands.
 */
import {defineRule} from '../src/engine/rule.js'

/** Words and signs after which a number is a quantity, so its comma must be a decimal one. */
const units = [
  // percentages and magnitudes
  '%',
  'percent',
  'per cent',
  'percentage points?',
  'million',
  'billion',
  'trillion',
  'bn',
  'mln',
  // measures
  'degrees?',
  '°C?',
  '°F',
  'kilometers?',
  'kilometres?',
  'km',
  'km/h',
  'meters?',
  'metres?',
  'm',
  'cm',
  'mm',
  'miles?',
  'kilograms?',
  'kg',
  'grams?',
  'g',
  'tons?',
  'tonnes?',
  'liters?',
  'litres?',
  'hectares?',
  // currencies written after the number
  'euros?',
  'dollars?',
  'yuan',
  'rubles?',
  'roubles?',
  'pounds?',
  'yen',
  'times',
  'fold'
]

/**
 * A number with a comma and one or two digits after it (three digits are
 * thousands; "0,0025" is a decimal whatever its length), then a unit or a
 * word that does not continue a list of numbers (and, or, to, of: in
 * MLQE-PE every such number before a word is a decimal, and the clean set
 * has none; a four-digit whole part there is a year before a comma with
 * its space lost, "in 2019,20 people died"), or
 * a currency sign before two decimals ("€3,50"). Not inside a longer number
 * ("1.500,50" is dotted-thousands' case, "1,50,000" is Indian grouping).
 */
const decimalComma = new RegExp(
  String.raw`(?<![\p{L}\p{N}.,])(?:0,\d+|[1-9]\d*,\d{1,2})(?!\d|[.,]\d)(?=[ \u00a0]?(?:${units.join('|')})(?!\p{L})|(?<!\d{4},\d{1,2})[ \u00a0](?!(?:and|or|nor|to|through|than|of)\b)\p{L})` +
    String.raw`|[€£$¥][1-9]\d*,\d{2}(?!\d|[.,]\d)`,
  'gu'
)
/**
 * A number starts only where no letter, digit, point or comma stands before it (the lookbehind above): tried at
 * every digit of a long run of digits, `[1-9]\d*` ran to the run's end each time (100,000 digits took 32 s).
 * What stands before a sign is checked after the match.
 */
const insideLongerNumber = /[\p{L}\p{N}.,]/u
const currencySign = /^[€£$¥]/u
const yearLike = /^(?:1[89]|20)\d\d,/u

export default defineRule(
  {
    id: 'decimal-comma',
    category: 'localization',
    severity: 'minor',
    description: 'A decimal comma before a unit, a magnitude or a word ("3,5 percent", "1,5 million", "7,5 on the Richter scale"), where English writes a decimal point.',
    examples: {
      bad: [
        {
          text: 'Consumer prices rose 3,5 percent in January, the statistics office said.',
          findings: [
            {range: '1:22-1:25', actual: '3,5', message: 'Unexpected decimal comma in `3,5`, expected `3.5`', severity: 'minor', fix: '3.5', safe: true}
          ],
          fixed: 'Consumer prices rose 3.5 percent in January, the statistics office said.'
        },
        {
          text: 'The city has about 1,5 million inhabitants and two airports.',
          findings: [
            {range: '1:20-1:23', actual: '1,5', message: 'Unexpected decimal comma in `1,5`, expected `1.5`', severity: 'minor', fix: '1.5', safe: true}
          ],
          fixed: 'The city has about 1.5 million inhabitants and two airports.'
        },
        {
          text: 'Unemployment fell to 6,25% in March while wages rose 0,75 percent.',
          findings: [
            {range: '1:22-1:26', actual: '6,25', message: 'Unexpected decimal comma in `6,25`, expected `6.25`', severity: 'minor', fix: '6.25', safe: true},
            {range: '1:54-1:58', actual: '0,75', message: 'Unexpected decimal comma in `0,75`, expected `0.75`', severity: 'minor', fix: '0.75', safe: true}
          ],
          fixed: 'Unemployment fell to 6.25% in March while wages rose 0,75 percent.'
        },
        {
          text: 'A ticket now costs €3,50, up from €2,90 last year.',
          findings: [
            {range: '1:21-1:25', actual: '3,50', message: 'Unexpected decimal comma in `3,50`, expected `3.50`', severity: 'minor', fix: '3.50', safe: true},
            {range: '1:36-1:40', actual: '2,90', message: 'Unexpected decimal comma in `2,90`, expected `2.90`', severity: 'minor', fix: '2.90', safe: true}
          ],
          fixed: 'A ticket now costs €3.50, up from €2,90 last year.'
        },
        {
          text: 'The life expectancy in Greece is 80,3 years, above the OECD average of 79,5, and one of the largest in the world.',
          findings: [
            {range: '1:34-1:38', actual: '80,3', message: 'Unexpected decimal comma in `80,3`, expected `80.3`', severity: 'minor', fix: '80.3', safe: true}
          ]
        },
        {
          text: 'However, every effort shall be made to keep the absorbed dose below 0,5 Gy and the dose on the skin below 5 Gy.',
          findings: [
            {range: '1:69-1:72', actual: '0,5', message: 'Unexpected decimal comma in `0,5`, expected `0.5`', severity: 'minor', fix: '0.5', safe: true}
          ]
        }
      ],
      good: [
        {text: 'About 1,500 people attended the rally in central London.', why: 'a thousands separator'},
        {text: 'Shares of the start-up have risen 3,500 percent since the listing.', why: 'three digits after the comma are thousands'},
        {text: 'The scheme will cost 1,50,000 rupees per family.', why: 'Indian digit grouping'},
        {text: 'Grades 9,10 and 11 will return to school on Monday.', why: 'a list of numbers with no unit'},
        {text: 'Questions 4,5 or 6 may be skipped, the examiners said.', why: 'a list of numbers continued by a conjunction'},
        {text: 'The temperature hit 1.5 degrees above the average, about 2,700 kilometers away.', why: 'a decimal point and a thousands comma'},
        {text: 'Rooms cost 1.500,50 euros a night at the hotel.', why: 'a European number as a whole is dotted-thousands’ finding'}
      ]
    }
  },
  ({text, report}) => {
    for (const match of text.matchAll(decimalComma)) {
      const sign = currencySign.test(match[0]) ? 1 : 0
      const start = match.index + sign
      if (sign === 0 && insideLongerNumber.test(text.charAt(start - 1))) continue
      const number = match[0].slice(sign)
      const fixed = number.replace(',', '.')
      report({
        start,
        end: start + number.length,
        message: `Unexpected decimal comma in \`${number}\`, expected \`${fixed}\``,
        expected: [fixed],
        // "In 2019,20 percent of": a year whose space was lost reads the same; --fix must not write 2019.20.
        safe: !yearLike.test(number)
      })
    }
  }
)
