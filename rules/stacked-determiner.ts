/**
 * Two determiners stacked before one noun ("without the his country’s
 * contribution", "a the report", "their the budget", "those the talks"):
 * machine translation keeps the source language's article and adds the
 * English determiner, or the reverse. An article before a demonstrative
 * ("the these measures", "the this year's harvest"), "every" or "several" before an article or a
 * possessive ("every the student") and "each" before an article where it is
 * the determiner of its noun phrase ("Each the member state must", "for each
 * the region") are the same collision, and so is "This" + article opening a
 * sentence ("This a measure will cost the state"): inside a sentence "this
 * a" is a question or an object ("is this a joke", "fighting this a little").
 */
import {type Lines, lineBreak, linesOf} from '../src/engine/lines.js'
import {defineRule} from '../src/engine/rule.js'

/** Possessive determiners (lower case: capitalized ones are names, "the My Lai massacre"). */
const possessivePronouns = ['his', 'her', 'its', 'my', 'our', 'their', 'your']
const articles = ['the', 'a', 'an']

/**
 * Which first word may not stand before which second one. "her the" is an
 * object and an article ("gave her the book"); "this the" and "that the" are
 * a question or a conjunction ("is this the end", "said that the"). "its the"
 * is wrong either way: two determiners ("with its the league") or a misspelt
 * "it's" ("its the best").
 */
const collisions = new Map<string, ReadonlySet<string>>([
  // "the these measures", "the this year's harvest": an article before a demonstrative, which is a determiner of its own.
  ...articles.map((article) => [article, new Set([...articles, ...possessivePronouns, 'these', 'those', 'this', 'that'])] as const),
  // "every the student", "several the companies": a quantifier that takes the noun directly ("some" does not: "for some the plan works").
  ...['every', 'several'].map((quantifier) => [quantifier, new Set([...articles, ...possessivePronouns])] as const),
  // "Each the member state": only before an article ("to each his own" is an idiom), and only where "each" is a determiner (see eachIsDeterminer).
  ['each', new Set(articles)] as const,
  ...['his', 'its', 'my', 'our', 'their', 'your'].map((pronoun) => [pronoun, new Set(articles)] as const),
  ...['these', 'those'].map((demonstrative) => [demonstrative, new Set(articles)] as const),
  // "This a measure will ...": only where "This" opens a sentence (see the sentence-start test in the check).
  ['this', new Set(articles)] as const
])

/**
 * Words after the second determiner that show it is talked about as a word,
 * or is part of a fixed foreign phrase: "the his and hers towels", "the a
 * cappella group", "this a priori argument".
 */
const mentionFollowers = new Set(['and', 'or'])
const phrasesWithA = new Set(['cappella', 'capella', 'priori', 'posteriori', 'fortiori', 'la', 'propos'])
/** "Are these the results?", "Were those the days": a demonstrative after a form of "be" is a subject. */
const beForms = new Set(['is', 'are', 'was', 'were', "'s", '’s', 'be', 'been', 'being', 'aren’t', "aren't", 'weren’t', "weren't"])

/**
 * "each" before an article is mostly English: an appositive or a distributive
 * after its noun ("two candidates, each a veteran", "fields each the size of
 * a pitch", "$5 each the first year", "gave them each a copy"). It is the
 * noun phrase's own determiner, and the article a collision, after a
 * preposition ("for each the region"), or at a sentence start with no comma
 * in the rest of the sentence ("Each the member state must ratify the
 * treaty."; "Each a veteran of the war, the two men ..." is an appositive).
 */
const prepositions = new Set(['of', 'in', 'for', 'on', 'at', 'to', 'from', 'with', 'by', 'into', 'across', 'throughout', 'within', 'among', 'under', 'over', 'per'])
function eachIsDeterminer(lines: Lines, end: number, before: string | undefined, capitalized: boolean): boolean {
  if (before !== undefined && prepositions.has(before)) return true
  // The rest of the sentence on its line: a break of any form or the paragraph's end stops it.
  return capitalized && !/^[^.!?]*,/u.test(lines.after(end, 200))
}

/** Words after which a clause starts, so "its the" there is more likely "it's the". */
const clauseStarts = new Set(['that', 'because', 'and', 'but', 'if', 'when', 'said', 'says', 'so', 'think', 'thinks', 'believe'])

/**
 * Two determiners in a row, not inside a word. The "not after a letter, digit, apostrophe or hyphen" test is made on
 * each match (stackedDeterminers) rather than as a lookbehind, which would be tried at every offset of the text.
 */
const stackedDeterminer = /(the|an?|his|her|its|my|our|their|your|these|those|this|every|several|each)[ \u00a0]+(the|an?|his|her|its|my|our|their|your|these|those|this|that)(?![\p{L}\p{N}'’/-])/giu
const wordCharacterEnds = /[\p{L}\p{N}'’-]$/u

/** The matches `(?<![\p{L}\p{N}'’-])` before `stackedDeterminer` would give: one rejected by that test is retried one offset on. */
function* stackedDeterminers(text: string): Generator<RegExpExecArray> {
  const pattern = new RegExp(stackedDeterminer.source, 'giu')
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    if (match.index > 0 && wordCharacterEnds.test(text.slice(Math.max(0, match.index - 2), match.index))) pattern.lastIndex = match.index + 1
    else yield match
  }
}
/** The word after the second determiner, and the word before the first. */
const nextWord = /^[ \u00a0]+([\p{L}]+)/u
const previousWord = /([\p{L}'’]+)[ \u00a0]+$/u
/**
 * What may stand before a sentence-initial capital "A" ("Plan A his" is a label, "A his" a sentence start): the
 * text's start, a sentence end, a line break of any form or U+FFFC (masked markup, an HTML `<p>`) and indentation,
 * or an opening quote or bracket after any of them.
 */
const sentenceStart = new RegExp(`(?:^|[.!?]["”’)]*[ \\u00a0]+|(?:${lineBreak.source}|\\uFFFC)[ \\t]*|^[ \\t]*["“‘(]|[ \\u00a0]["“‘(])$`, 'u')

export default defineRule(
  {
    id: 'stacked-determiner',
    category: 'possessive',
    severity: 'minor',
    description:
      'Two determiners stacked before one noun ("the his country’s", "a the report", "their the budget", "those the talks"), where English takes one.',
    examples: {
      bad: [
        {
          text: 'Officials assured Kyiv that no decision would be made without the his country’s contribution, State Department spokesman Ned Price said.',
          findings: [
            {range: '1:63-1:70', actual: 'the his', message: 'Unexpected `the` before `his`, expected one determiner', severity: 'minor', fix: 'his', safe: true}
          ],
          fixed:
            'Officials assured Kyiv that no decision would be made without his country’s contribution, State Department spokesman Ned Price said.'
        },
        {
          text: 'The company said the their new plant would open in Texas next year.',
          findings: [
            {range: '1:18-1:27', actual: 'the their', message: 'Unexpected `the` before `their`, expected one determiner', severity: 'minor', fix: 'their', safe: true}
          ],
          fixed: 'The company said their new plant would open in Texas next year.'
        },
        {
          text: 'The his remarks were criticized by opposition leaders on Monday.',
          findings: [
            {range: '1:1-1:8', actual: 'The his', message: 'Unexpected `The` before `his`, expected one determiner', severity: 'minor', fix: 'His', safe: true}
          ],
          fixed: 'His remarks were criticized by opposition leaders on Monday.'
        },
        {
          text: 'The agency published a the report on the floods last week.',
          findings: [
            {range: '1:22-1:27', actual: 'a the', message: 'Unexpected `a` before `the`, expected one determiner', severity: 'minor', fix: 'the', safe: false}
          ],
          fixed: 'The agency published the report on the floods last week.'
        },
        {
          text: 'Lawmakers rejected their the budget for next year.',
          findings: [
            {range: '1:20-1:29', actual: 'their the', message: 'Unexpected `their` before `the`, expected one determiner', severity: 'minor', fix: 'their', safe: false}
          ],
          fixed: 'Lawmakers rejected their budget for next year.'
        },
        {
          text: 'Analysts expect the this year’s wheat crop to be the smallest in a decade.',
          findings: [
            {range: '1:17-1:25', actual: 'the this', message: 'Unexpected `the` before `this`, expected one determiner', severity: 'minor', fix: 'this', safe: true}
          ],
          fixed: 'Analysts expect this year’s wheat crop to be the smallest in a decade.'
        },
        {
          text: 'Officials said those the talks had gone well.',
          findings: [
            {range: '1:16-1:25', actual: 'those the', message: 'Unexpected `those` before `the`, expected one determiner', severity: 'minor', fix: 'those', safe: false}
          ],
          fixed: 'Officials said those talks had gone well.'
        },
        {
          text: 'The ministry published an its report on the floods and a my colleague read it aloud.',
          findings: [
            {range: '1:24-1:30', actual: 'an its', message: 'Unexpected `an` before `its`, expected one determiner', severity: 'minor', fix: 'its', safe: true},
            {range: '1:56-1:60', actual: 'a my', message: 'Unexpected `a` before `my`, expected one determiner', severity: 'minor', fix: 'my', safe: true}
          ],
          fixed: 'The ministry published its report on the floods and a my colleague read it aloud.'
        },
        {
          text: 'Each the member country will send two delegates to the summit in Brussels.',
          findings: [
            {range: '1:1-1:9', actual: 'Each the', message: 'Unexpected `Each` before `the`, expected one determiner', severity: 'minor', fix: 'Each', safe: false}
          ],
          fixed: 'Each member country will send two delegates to the summit in Brussels.'
        },
        {
          text: 'Funds were shared out to each the region according to its population.',
          findings: [
            {range: '1:26-1:34', actual: 'each the', message: 'Unexpected `each` before `the`, expected one determiner', severity: 'minor', fix: 'each', safe: false}
          ],
          fixed: 'Funds were shared out to each region according to its population.'
        },
        {
          text: 'This a measure will cost the state about 2 billion euros a year, the auditors said.',
          findings: [
            {range: '1:1-1:7', actual: 'This a', message: 'Unexpected `This` before `a`, expected one determiner', severity: 'minor', fix: 'This', safe: false}
          ],
          fixed: 'This measure will cost the state about 2 billion euros a year, the auditors said.'
        },
        {
          text: 'Residents said its the worst flood the valley has seen in a decade.',
          findings: [
            {range: '1:16-1:23', actual: 'its the', message: "Unexpected `its` before `the`, expected one determiner or `it's`", severity: 'minor', fix: "it's the", safe: false}
          ],
          fixed: "Residents said it's the worst flood the valley has seen in a decade."
        },
        {
          text: 'The club said the coach was done with its the league after the vote.',
          findings: [
            {range: '1:39-1:46', actual: 'its the', message: "Unexpected `its` before `the`, expected one determiner or `it's`", severity: 'minor', fix: 'its', safe: false}
          ],
          fixed: 'The club said the coach was done with its league after the vote.'
        }
      ],
      good: [
        {text: 'This a year ago would have seemed unthinkable, the minister said.', why: '"this" is the subject; the article opens a time adverbial'},
        {text: 'He said that his country would not accept the proposal.', why: '"that" is a conjunction here, not an article'},
        {text: 'Three candidates, each a veteran of the civil service, applied, and the plots are each the size of a football pitch.', why: '"each" after its noun, an appositive or a distributive'},
        {text: 'Each a former minister, the two men now run rival parties.', why: 'a sentence-initial appositive, closed by a comma'},
        {text: 'The coach gave her a new contract after the season.', why: '"her" is the object of the verb, not after an article'},
        {text: 'The hotel sells the his and hers bathrobes in the lobby.', why: 'the pronouns are named as words ("his and hers")'},
        {text: 'Survivors of the My Lai massacre met the delegation in Quang Ngai.', why: 'a capitalized pronoun inside a name'},
        {text: 'Students who chose Plan A his adviser approved were allowed to graduate early.', why: 'a capital "A" inside a sentence is a label, not the article'},
        {text: 'She was wearing a his-and-hers watch set given by her husband.', why: 'a hyphenated compound'},
        {text: 'Are these the results the ministry promised in March?', why: 'a demonstrative after "are" is the subject'},
        {text: 'The fund pays $5 each the first year and $10 after that.', why: '"each" after a figure is no quantifier before the noun'},
        {text: 'Are these those people you met in Vienna?', why: 'two demonstratives: the first is the subject'},
        {text: 'Voters faced a this or that choice between two unpopular candidates.', why: 'the demonstrative is named as a word ("this or that")'},
        {text: 'She sang with the a cappella group at the festival.', why: 'a fixed phrase that starts with "a"'},
        {text: 'He bought a The Beatles album at the market.', why: 'a capitalized article inside a name'},
        {text: 'The coach gave her the ball and told her the plan.', why: '"her" as an object before an article'},
        {text: 'The agency said its a priori estimate had been too low.', why: 'a fixed phrase that starts with "a"'},
        {text: 'Isn’t this a reason to organize the workforce together?', why: '"this" inside a sentence is a pronoun (MLQE-PE ro-en post-edit)'},
        {text: 'We’ve been fighting this a little bit, the pole vaulter said.', why: '"this" as an object before "a little" (clean dev set)'},
        {text: 'The ministers said the the talks would continue.', why: 'one word written twice is repeated-word\'s finding, not a collision'}
      ]
    }
  },
  ({tree, text, report}) => {
    const lines = linesOf(tree, text)
    for (const match of stackedDeterminers(text)) {
      const [whole, first, second] = match as unknown as [string, string, string]
      // Capitals inside a sentence are names ("the My Lai massacre", "a The Beatles album").
      if (second !== second.toLowerCase() || (first !== first.toLowerCase() && first.slice(1) !== first.slice(1).toLowerCase())) continue
      const firstLower = first.toLowerCase()
      // "the the" is one word written twice: repeated-word's.
      if (firstLower === second || !collisions.get(firstLower)?.has(second)) continue
      const start = match.index
      const end = start + whole.length
      if (first !== firstLower && !sentenceStart.test(text.slice(Math.max(0, start - 12), start))) continue
      // "is this a joke", "all this a little earlier": "this" before an article is a determiner only as the sentence's first word.
      if (firstLower === 'this' && first === firstLower) continue
      // "This a year ago would have been unthinkable": "this" is the subject, the article opens a time adverbial.
      if (firstLower === 'this' && /^\s+[\p{L}\p{N}]+\s+(?:ago|later|earlier)\b/iu.test(text.slice(end, end + 40))) continue
      const following = nextWord.exec(text.slice(end, end + 20))?.[1]?.toLowerCase()
      if (following && (mentionFollowers.has(following) || (second === 'a' && phrasesWithA.has(following)))) continue
      const before = previousWord.exec(text.slice(Math.max(0, start - 20), start))?.[1]?.toLowerCase()
      if ((firstLower === 'these' || firstLower === 'those') && before && beForms.has(before)) continue
      if (firstLower === 'each' && !eachIsDeterminer(lines, end, before, first !== firstLower)) continue
      // Keep the possessive or demonstrative, which carries meaning; of two articles keep the second, nearest the noun.
      const secondIsArticle = articles.includes(second)
      const kept = secondIsArticle && !articles.includes(firstLower) ? first : second
      const other = kept === first ? second : first
      const capitalize = first !== firstLower
      const asWritten = (word: string) => (capitalize ? word.charAt(0).toUpperCase() + word.slice(1).toLowerCase() : word.toLowerCase())
      const misspeltItIs = firstLower === 'its' && secondIsArticle
      report({
        start,
        end,
        message: `Unexpected \`${first}\` before \`${second}\`, expected one determiner${misspeltItIs ? ` or \`${asWritten("it's")}\`` : ''}`,
        // Where a clause starts ("Its the best", "said its the"), "it's" is the likelier reading.
        expected: misspeltItIs && (before === undefined || clauseStarts.has(before)) ? [`${asWritten("it's")} ${second}`, asWritten(kept), asWritten(other)] : [asWritten(kept), asWritten(other), ...(misspeltItIs ? [`${asWritten("it's")} ${second}`] : [])],
        // Dropping an article before a possessive cannot change the meaning; other pairs need a reader.
        safe: articles.includes(firstLower) && !secondIsArticle
      })
    }
  }
)
