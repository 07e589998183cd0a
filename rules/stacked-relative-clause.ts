/**
 * Two relative clauses stacked on one noun ("a NATO exercise, which will
 * continue until February 4, which has been planned since 2020"): machine
 * translation turns each clause of a source sentence into a `which` clause
 * and chains them. The second `which` then hangs on a date or a number that
 * cannot be what it describes, which is what keeps the rule precise: English
 * chains `, which` onto a new noun ("the House, which is controlled by ...").
 */
import {defineRule} from '../src/engine/rule.js'
import {sentencesOf} from '../src/engine/pos.js'
import type {Token} from '../src/engine/tokens.js'

/** At most this many words between the two `which`: the first clause is still open. */
const maxGap = 12

/** Words that end a date or a time: a relative clause after them describes the event, not the date. */
const dateWords = new Set([
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'today', 'tomorrow', 'yesterday'
])

/** Verbs that open a relative clause about an event or a plan, not about a date ("which is a Sunday" stays quiet). */
const eventVerbs = /^(has|have|had|was|were|will|would|is|are)$/

export default defineRule(
  {
    id: 'stacked-relative-clause',
    category: 'fragment',
    severity: 'info',
    description:
      'Two `, which` clauses chained so that the second hangs on a date or number it cannot describe: one noun carrying two stacked relative clauses, as machine translation builds them.',
    examples: {
      bad: [
        {
          text: 'The carrier will take part in a NATO maritime exercise in the Mediterranean, which will continue until February 4, which has been planned since 2020, the secretary said.',
          findings: [
            {range: '1:78-1:121', actual: 'which will continue until February 4, which', message: 'Unexpected second relative clause `which` stacked on the noun of the first, expected one relative clause (start a new sentence or join the clauses with `and`)', severity: 'info'}
          ]
        },
        {
          text: 'The government announced a new round of talks, which will begin on Monday, which was agreed by both sides last week.',
          findings: [
            {range: '1:48-1:81', actual: 'which will begin on Monday, which', message: 'Unexpected second relative clause `which` stacked on the noun of the first, expected one relative clause (start a new sentence or join the clauses with `and`)', severity: 'info'}
          ]
        },
        {
          text: 'The festival, which runs until 12 August, which has been held every year since 1947, sold out in two days.',
          findings: [
            {range: '1:15-1:48', actual: 'which runs until 12 August, which', message: 'Unexpected second relative clause `which` stacked on the noun of the first, expected one relative clause (start a new sentence or join the clauses with `and`)', severity: 'info'}
          ]
        }
      ],
      good: [
        {
          text: 'The bill passed the House, which is controlled by Democrats, which means it now goes to the Senate.',
          why: 'the second clause hangs on a new noun clause, not on a date'
        },
        {
          text: 'The vote is set for February 4, which is a Sunday.',
          why: 'one relative clause, about the date itself'
        },
        {
          text: 'The exercise, which will continue until February 4, has been planned since 2020.',
          why: 'one relative clause, and the second verb belongs to the main clause'
        },
        {
          text: 'The summit, which opened on Monday, ended on Tuesday, which was earlier than planned.',
          why: 'the second `which` is far from the first clause and follows the main verb'
        }
      ]
    }
  },
  ({tree, text, report}) => {
    for (const sentence of sentencesOf(tree, text)) {
      const {tokens} = sentence
      let open: {token: Token; words: number; commas: number} | undefined
      for (let index = 0; index < tokens.length; index++) {
        const token = tokens[index]!
        if (token.kind !== 'word') {
          // A comma inside the first clause may close it (the main clause resumes): too unclear to judge.
          if (open && token.value === ',' && !isCommaBeforeWhich(tokens, index)) open.commas++
          continue
        }

        if (token.value.length === 5 && token.lower === 'which' && followsComma(tokens, index)) {
          if (open && open.words <= maxGap && open.commas === 0 && endsInDate(tokens, index) && opensEventClause(tokens, index)) {
            report({
              start: open.token.start,
              end: token.end,
              message: `Unexpected second relative clause \`${token.value}\` stacked on the noun of the first, expected one relative clause (start a new sentence or join the clauses with \`and\`)`
            })
            open = undefined
            continue
          }

          open = {token, words: 0, commas: 0}
          continue
        }

        if (open) open.words++
      }
    }
  }
)

function isCommaBeforeWhich(tokens: Token[], index: number): boolean {
  return tokens[index + 1]?.lower === 'which'
}

function followsComma(tokens: Token[], index: number): boolean {
  return tokens[index - 1]?.value === ','
}

/** The word before the comma that precedes `which` is a date: a number, a month or a day. */
function endsInDate(tokens: Token[], index: number): boolean {
  let at = index - 1
  while (at >= 0 && tokens[at]!.kind !== 'word') at--
  const word = tokens[at]?.lower ?? ''
  return /^\d{1,4}(st|nd|rd|th)?$/.test(word) || dateWords.has(word)
}

/** The clause after the second `which` starts with an auxiliary: it says something happened or was done. */
function opensEventClause(tokens: Token[], index: number): boolean {
  for (let at = index + 1; at < tokens.length; at++) {
    if (tokens[at]!.kind === 'word') return eventVerbs.test(tokens[at]!.lower)
  }

  return false
}
