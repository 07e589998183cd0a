/**
 * An article stacked on a possessive pronoun ("without the his country’s
 * contribution"): machine translation keeps the source language's article
 * and adds the English possessive, or the reverse.
 */
import {defineRule} from '../src/engine/rule.js'

/** Possessive determiners an article can never precede (lower case: capitalized ones are names, "the My Lai massacre"). */
const possessivePronouns = ['his', 'her', 'its', 'my', 'our', 'their', 'your']

/**
 * Words after the pronoun that show it is talked about as a word, not used as
 * a determiner: "the his and hers towels", "a his or her decision".
 */
const mentionFollowers = new Set(['and', 'or'])

const stackedDeterminer = new RegExp(
  String.raw`(the|an?|The|An?)[ \u00a0]+(${possessivePronouns.join('|')})(?![\p{L}\p{N}'’/-])`,
  'gu'
)
/** The scan starts at the article's letter (cheap); an article inside a word ("bathe his") is dropped after. */
const insideWord = /[\p{L}\p{N}'’-]/u
/** The word after the pronoun, if any. */
const nextWord = /^[ \u00a0]+([\p{L}]+)/u
/** What may stand before a sentence-initial capital "A" ("Plan A his" is a label, "A his" a sentence start). */
const sentenceStart = /(?:^|[.!?]["”’)]*[ \u00a0]+|\n[ \t]*|^[ \t]*["“‘(]|[ \u00a0]["“‘(])$/u

export default defineRule(
  {
    id: 'stacked-determiner',
    category: 'possessive',
    severity: 'major',
    description:
      'An article stacked on a possessive pronoun ("the his country’s"), where English takes one determiner.',
    examples: {
      bad: [
        {
          text: 'Officials assured Kyiv that no decision would be made without the his country’s contribution, State Department spokesman Ned Price said.',
          actual: 'the his',
          fixed:
            'Officials assured Kyiv that no decision would be made without his country’s contribution, State Department spokesman Ned Price said.'
        },
        {
          text: 'The company said the their new plant would open in Texas next year.',
          actual: 'the their',
          fixed: 'The company said their new plant would open in Texas next year.'
        },
        {
          text: 'The his remarks were criticized by opposition leaders on Monday.',
          actual: 'The his',
          fixed: 'His remarks were criticized by opposition leaders on Monday.'
        },
        {
          text: 'The ministry published an its report on the floods and a my colleague read it aloud.',
          actual: 'an its',
          count: 2,
          fixed: 'The ministry published its report on the floods and a my colleague read it aloud.'
        }
      ],
      good: [
        {text: 'He said that his country would not accept the proposal.', why: '"that" is a conjunction here, not an article'},
        {text: 'The coach gave her a new contract after the season.', why: '"her" is the object of the verb, not after an article'},
        {text: 'The hotel sells the his and hers bathrobes in the lobby.', why: 'the pronouns are named as words ("his and hers")'},
        {text: 'Survivors of the My Lai massacre met the delegation in Quang Ngai.', why: 'a capitalized pronoun inside a name'},
        {text: 'Students who chose Plan A his adviser approved were allowed to graduate early.', why: 'a capital "A" inside a sentence is a label, not the article'},
        {text: 'She was wearing a his-and-hers watch set given by her husband.', why: 'a hyphenated compound'}
      ]
    }
  },
  ({text, report}) => {
    for (const match of text.matchAll(stackedDeterminer)) {
      const [whole, article, pronoun] = match as unknown as [string, string, string]
      const start = match.index
      const end = start + whole.length
      if (insideWord.test(text.charAt(start - 1))) continue
      if (article === 'A' && !sentenceStart.test(text.slice(Math.max(0, start - 12), start))) continue
      const following = nextWord.exec(text.slice(end, end + 20))?.[1]
      if (following && mentionFollowers.has(following.toLowerCase())) continue
      const capitalize = article !== article.toLowerCase()
      const keptPronoun = capitalize ? pronoun.charAt(0).toUpperCase() + pronoun.slice(1) : pronoun
      report({
        start,
        end,
        message: `Unexpected article \`${article}\` before possessive \`${pronoun}\`, expected one determiner`,
        expected: [keptPronoun, article],
        safe: true
      })
    }
  }
)
