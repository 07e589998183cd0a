/**
 * A possessive marked twice: "its’s", "it’s’s", "minister’s’", "ministers’’s",
 * as machine translation leaves it when it adds an English possessive to a
 * word that already carries one.
 */
import {defineRule} from '../src/engine/rule.js'
import {type Lines, linesOf} from '../src/engine/lines.js'

/** Pronouns that are possessive already, so an added "’s" doubles them ("its’s" -> "its"). */
const possessivePronouns = new Set(['its', 'hers', 'ours', 'yours', 'theirs', 'whose'])

/**
 * The scan starts at the apostrophe (cheap): a tail `’s’s` (minister’s’s),
 * `’’s` (ministers’’s), `’s’` (minister’s’), or a plain `’s` right after one
 * of the pronouns above (its’s). The word before is read back in code.
 */
const doubledTail = /['’](?:s['’]s?|['’]s|s(?<=(?<![\p{L}\p{N}'’])(?:its|hers|ours|yours|theirs|whose)['’]s))(?![\p{L}\p{N}'’])/giu
/** The word that ends just before the apostrophe. */
const wordBefore = /(?<![\p{L}\p{N}'’])\p{L}+$/u

/** A tail whose last apostrophe may be a closing single quote. */
const closingApostrophe = /^s['’]$/u

/** An opening single quote earlier in the line: a following `s’` may close it (‘the people’s’). */
const openingSingleQuote = /‘|(?:^|[\s(“"])'/u

export default defineRule(
  {
    id: 'doubled-possessive',
    category: 'possessive',
    severity: 'minor',
    description: 'A possessive marked twice ("its’s", "minister’s’", "ministers’’s"), where English marks it once.',
    examples: {
      bad: [
        {
          text: 'The government said its’s plan to cut emissions would be published in March.',
          findings: [
            {range: '1:21-1:26', actual: 'its’s', message: 'Unexpected doubled possessive `its’s`, expected `its`', severity: 'minor', fix: 'its', safe: true}
          ],
          fixed: 'The government said its plan to cut emissions would be published in March.'
        },
        {
          text: 'Analysts questioned whether the alliance could keep it’s’s promise to Ukraine.',
          findings: [
            {range: '1:53-1:59', actual: 'it’s’s', message: 'Unexpected doubled possessive `it’s’s`, expected `its`', severity: 'minor', fix: 'its', safe: true}
          ],
          fixed: 'Analysts questioned whether the alliance could keep its promise to Ukraine.'
        },
        {
          text: 'The prime minister’s’ office declined to comment on the report.',
          findings: [
            {range: '1:11-1:22', actual: 'minister’s’', message: 'Unexpected doubled possessive `minister’s’`, expected `minister’s`', severity: 'minor', fix: 'minister’s', safe: false}
          ],
          fixed: 'The prime minister’s office declined to comment on the report.'
        },
        {
          text: 'The foreign ministers’’s meeting in Brussels ended without a statement.',
          findings: [
            {range: '1:13-1:25', actual: 'ministers’’s', message: 'Unexpected doubled possessive `ministers’’s`, expected `ministers’`', severity: 'minor', fix: 'ministers’', safe: true}
          ],
          fixed: 'The foreign ministers’ meeting in Brussels ended without a statement.'
        },
        {
          text: "The union's's leaders said the strike would continue.",
          findings: [
            {range: '1:5-1:14', actual: "union's's", message: "Unexpected doubled possessive `union's's`, expected `union's`", severity: 'minor', fix: "union's", safe: true}
          ],
          fixed: "The union's leaders said the strike would continue."
        }
      ],
      good: [
        {text: 'The company said its profits rose 12 percent and it’s expecting more growth.', why: 'possessive "its" and the contraction "it’s"'},
        {text: 'Protesters gathered outside the ministers’ residences on Sunday.', why: 'a plural possessive, marked once'},
        {text: 'He called the reform ‘the people’s’ and said it would pass.', why: 'the apostrophe after the possessive closes a single quotation'},
        {text: 'Charles’s brother and the Joneses’ lawyer attended the hearing.', why: 'singular and plural possessives of names ending in s'},
        {text: 'The band played rock ’n’ roll at the Queen’s birthday party.', why: 'apostrophes that mark no possessive'}
      ]
    }
  },
  ({tree, text, report}) => {
    const lines = linesOf(tree, text)
    for (const match of text.matchAll(doubledTail)) {
      const word = wordBefore.exec(text.slice(Math.max(0, match.index - 40), match.index))?.[0]
      if (!word) continue
      const apostrophe = match[0].charAt(0)
      const tail = match[0].slice(1)
      const start = match.index - word.length
      const whole = word + match[0]
      const expected = singleMark(word, apostrophe, tail)
      if (!expected) continue
      if (closingApostrophe.test(tail) && closesQuotation(lines, start)) continue
      report({
        start,
        end: start + whole.length,
        message: `Unexpected doubled possessive \`${whole}\`, expected \`${expected[0]!}\``,
        expected,
        // `minister’s’` may be singular or plural: a human picks.
        safe: expected.length === 1
      })
    }
  }
)

/** The possessive written once, or undefined when the word is marked only once. */
function singleMark(word: string, apostrophe: string, tail: string): string[] | undefined {
  const lower = word.toLowerCase()
  const pronoun = lower === 'it' ? 'its' : possessivePronouns.has(lower) ? lower : undefined
  const keep = (value: string) => (word === lower ? value : value.charAt(0).toUpperCase() + value.slice(1))
  if (tail === 's') return pronoun && pronoun === lower ? [word] : undefined
  if (pronoun) return [keep(pronoun)]
  if (tail.length === 3) return [word + apostrophe + 's'] // minister’s’s
  if (tail.charAt(0) !== 's') return [word.endsWith('s') ? word + apostrophe : word + apostrophe + 's'] // ministers’’s
  return [word + apostrophe + 's', word + 's' + apostrophe] // minister’s’
}

/** Whether a single quotation is open on this line before `offset`, within a quotation's reach (unbounded, one long line made the scan quadratic). */
function closesQuotation(lines: Lines, offset: number): boolean {
  return openingSingleQuote.test(lines.before(offset, 1000))
}
