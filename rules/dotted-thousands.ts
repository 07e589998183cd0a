/**
 * Thousands grouped with points ("1.500.000 euros", "2.000 people"), as
 * machine translation copies them from languages that group digits that way;
 * English groups with commas. Two or more groups cannot be a decimal; a
 * single group is flagged only before a counted noun ("1.500 people"), since
 * "1.500 kg", "1.135 dollars" (an exchange rate) or "1.859 euros per litre"
 * may be precise decimals.
 */
import {defineRule} from '../src/engine/rule.js'

/** Nouns counted in whole units: a point before three digits in front of them groups thousands. */
const countNouns = [
  'people',
  'persons',
  'residents',
  'inhabitants',
  'citizens',
  'civilians',
  'soldiers',
  'troops',
  'police',
  'officers',
  'workers',
  'employees',
  'jobs',
  'students',
  'children',
  'patients',
  'cases',
  'infections',
  'deaths',
  'victims',
  'refugees',
  'migrants',
  'protesters',
  'demonstrators',
  'households',
  'families',
  'homes',
  'houses',
  'apartments',
  'vehicles',
  'cars',
  'visitors',
  'tourists',
  'members',
  'participants',
  'votes',
  'signatures',
  'tickets',
  'fans',
  'spectators',
  'companies',
  'firms',
  'businesses',
  'schools',
  'hospitals',
  'beds',
  'flights',
  'passengers'
]

/** Currencies after a single group: flagged only for round amounts ("2.000 euros"), never for rates ("6.895 yuan"). */
const currencies = ['euros', 'dollars', 'pounds', 'yuan', 'rubles', 'roubles', 'francs', 'kronor', 'zlotys', 'lira', 'pesos', 'rupees']

/** Words after which a dotted number is a version or release: "version 1.100.200". */
const versionWords = /(?:version|release|build|firmware|v)[ \u00a0]?$/iu

/** Integer part, point groups, optional decimal comma ("1.500,50"); not inside a longer number. */
const dottedNumber = /(?<![\p{L}\p{N}.,])([1-9]\p{N}{0,2})((?:\.\p{N}{3})+)(,\p{N}{1,2})?(?![\p{N}]|[.,]\p{N})/gu

const wordAfter = /^[ \u00a0]([\p{L}]+)(?:[ \u00a0]([\p{L}]+))?/u
const counted = new Set(countNouns)
const currency = new Set(currencies)
/** Words that make a currency amount a rate, whose decimals may run to three digits. */
const rateWords = new Set(['per', 'a', 'an', 'each'])

export default defineRule(
  {
    id: 'dotted-thousands',
    category: 'localization',
    severity: 'minor',
    description: 'Thousands grouped with points ("1.500.000 euros", "2.000 people"), where English groups them with commas.',
    examples: {
      bad: [
        {
          text: 'The government will spend 1.500.000 euros on the new flood barriers.',
          findings: [
            {range: '1:27-1:36', actual: '1.500.000', message: 'Unexpected point as thousands separator in `1.500.000`, expected `1,500,000`', severity: 'minor', fix: '1,500,000', safe: true}
          ],
          fixed: 'The government will spend 1,500,000 euros on the new flood barriers.'
        },
        {
          text: 'More than 2.000 people were evacuated from the coastal villages.',
          findings: [
            {range: '1:11-1:16', actual: '2.000', message: 'Unexpected point as thousands separator in `2.000`, expected `2,000`', severity: 'minor', fix: '2,000', safe: true}
          ],
          fixed: 'More than 2,000 people were evacuated from the coastal villages.'
        },
        {
          text: 'Rooms cost 1.500,50 euros a night at the hotel.',
          findings: [
            {range: '1:12-1:20', actual: '1.500,50', message: 'Unexpected point as thousands separator in `1.500,50`, expected `1,500.50`', severity: 'minor', fix: '1,500.50', safe: true}
          ],
          fixed: 'Rooms cost 1,500.50 euros a night at the hotel.'
        },
        {
          text: 'The fund received 12.000 euros in donations and another 3.400.000 from the state.',
          findings: [
            {range: '1:19-1:25', actual: '12.000', message: 'Unexpected point as thousands separator in `12.000`, expected `12,000`', severity: 'minor', fix: '12,000', safe: true},
            {range: '1:57-1:66', actual: '3.400.000', message: 'Unexpected point as thousands separator in `3.400.000`, expected `3,400,000`', severity: 'minor', fix: '3,400,000', safe: true}
          ],
          fixed: 'The fund received 12,000 euros in donations and another 3.400.000 from the state.'
        }
      ],
      good: [
        {text: 'The parcel weighed 1.500 kg according to the shipping records.', why: 'a single group before a unit may be a precise decimal'},
        {text: 'The euro traded at 1.135 dollars in early trading.', why: 'an exchange rate with three decimals'},
        {text: 'Diesel now costs 1.859 euros per litre in Germany.', why: 'a fuel price with three decimals'},
        {text: 'The update to version 1.100.200 fixed the security flaw.', why: 'a version number'},
        {text: 'Traffic was routed through the server at 192.168.100.200 for the test.', why: 'an IP address'},
        {text: 'The inflation index stood at 0.397 in 1967 and rose to 0.485 in 2018.', why: 'decimals with a leading zero'},
        {text: 'About 1,500,000 people live in the region.', why: 'English thousands separators'}
      ]
    }
  },
  ({text, report}) => {
    for (const match of text.matchAll(dottedNumber)) {
      const [number, integer, groups, decimals = ''] = match as unknown as [string, string, string, string?]
      const start = match.index
      const end = start + number.length
      if (!isGroupedNumber(text, start, end, integer, groups, decimals)) continue
      const fixed = integer + groups.replaceAll('.', ',') + decimals.replace(',', '.')
      report({
        start,
        end,
        message: `Unexpected point as thousands separator in \`${number}\`, expected \`${fixed}\``,
        expected: [fixed],
        safe: true
      })
    }
  }
)

function isGroupedNumber(text: string, start: number, end: number, integer: string, groups: string, decimals: string): boolean {
  if (versionWords.test(text.slice(Math.max(0, start - 9), start))) return false
  const parts = [integer, ...groups.slice(1).split('.')]
  if (parts.length === 4 && parts.every((part) => Number(part) <= 255)) return false // an IPv4 address
  if (parts.length >= 3) return true
  const [, next, afterNext] = wordAfter.exec(text.slice(end, end + 40)) ?? []
  if (!next) return false
  const noun = next.toLowerCase()
  if (counted.has(noun)) return true
  // "1.500,50 euros" cannot be a rate; "2.000 euros" is round; "6.895 yuan per dollar" may be a rate.
  const round = decimals !== '' || groups.endsWith('00')
  return currency.has(noun) && round && (decimals !== '' || !rateWords.has(afterNext?.toLowerCase() ?? ''))
}
