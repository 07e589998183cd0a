/**
 * A hyphen with a space on one side only ("3.70% -4.20%", "trapped people
 * -ChinaNews.com", "collection and query- Economic Observation Network"):
 * machine translation of CJK dashes and ranges, and headlines joined to their
 * source, leave it half spaced. A range or compound takes no space, a dash
 * one on each side. A suspended hyphen ("pre- and post-war") is followed by
 * a lower-case word and a negative figure ("to -3", "UTC -8") by a word, so
 * both stay quiet: the rule wants a capital or a figure after the hyphen,
 * and a figure before a figure.
 */
import {defineRule} from '../src/engine/rule.js'

/** ` -X` and `x- X`, found at the hyphen; what stands before is checked by hand. */
const halfSpaced = / -(?=[\p{Lu}\p{N}])|- (?=[\p{Lu}\p{N}])/gu

export default defineRule(
  {
    id: 'hyphen-spacing',
    category: 'spacing',
    severity: 'minor',
    description: 'A hyphen with a space on one side only between two words or figures ("3.70% -4.20%", "people -ChinaNews.com"): a range or compound takes none, a dash one on each side.',
    examples: {
      bad: [
        {
          text: 'Chinese rescue team continues rescue operation in Turkey, has rescued 4 trapped people -ChinaNews.com',
          findings: [
            {range: '1:87-1:89', actual: ' -', message: 'Unexpected ` -` with a space on one side of the hyphen, expected ` - ` or `-`', severity: 'minor', fix: ' - ', safe: false}
          ]
        },
        {
          text: 'The minimum holding period was 365 days, and the corresponding performance comparison benchmark (annualized) was 3.70% -4.20%.',
          findings: [
            {range: '1:119-1:121', actual: ' -', message: 'Unexpected ` -` with a space on one side of the hyphen, expected `-`', severity: 'minor', fix: '-', safe: true}
          ],
          fixed: 'The minimum holding period was 365 days, and the corresponding performance comparison benchmark (annualized) was 3.70%-4.20%.'
        },
        {
          text: 'The government chose Auto- Urbanos de León as a bus operator for the country in October 2014.',
          findings: [
            {range: '1:26-1:28', actual: '- ', message: 'Unexpected `- ` with a space on one side of the hyphen, expected ` - ` or `-`', severity: 'minor', fix: ' - ', safe: false}
          ]
        }
      ],
      good: [
        {text: 'The levy applies to pre- and post-war buildings alike.', why: 'a suspended hyphen before a lower-case word'},
        {text: 'Overnight temperatures fell from 5 to -3 degrees, the agency said.', why: 'a negative figure after a word'},
        {text: 'The call was set for 9 a.m. UTC -8 on Friday.', why: 'an offset after a time zone'},
        {text: 'China-Japan talks resumed - Xinhua', why: 'a dash spaced on both sides'}
      ]
    }
  },
  ({text, report}) => {
    for (const match of text.matchAll(halfSpaced)) {
      const spaceFirst = match[0] === ' -'
      const before = text.charAt(match.index - 1)
      const figureAfter = /\p{N}/u.test(text.charAt(match.index + 2))
      const figures = figureAfter && /[\p{N}%]/u.test(before)
      // A figure after the hyphen makes a range only after a figure; after a word it is a sign ("to -3", "UTC -8").
      if (figureAfter ? !figures : !(spaceFirst ? /[\p{L}\p{N}%)]/u : /\p{L}/u).test(before)) continue
      report({
        start: match.index,
        end: match.index + 2,
        message: `Unexpected \`${match[0]}\` with a space on one side of the hyphen, expected ${figures ? '`-`' : '` - ` or `-`'}`,
        expected: figures ? ['-'] : [' - ', '-'],
        safe: figures
      })
    }
  }
)
