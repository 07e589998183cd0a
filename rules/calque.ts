/**
 * Calques and literal phrases ("make a photo", "since three years", "in the
 * frame of"): word-for-word translations that are grammatical-looking but
 * not English. The phrases are data (data/calques.json, shape:
 * schemas/calques.schema.json): token patterns of the engine's phrase index
 * (src/engine/phrases.ts, docs/phrase-tables.md), so that an editor adds one
 * without writing TypeScript or a regular expression.
 */
import type {ExpectedFinding} from '../src/engine/check.js'
import {defineRule, type BadExample, type GoodExample} from '../src/engine/rule.js'
import {checkTable, PhraseIndex, type PhraseMatch, type PhraseSpec, type ScanInput} from '../src/engine/phrases.js'
import {paragraphTokens, partsOf} from '../src/engine/tokens.js'
import type {Root} from 'nlcst'
import schema from '../schemas/calques.schema.json' with {type: 'json'}
import table from './data/calques.json' with {type: 'json'}

/** One row of data/calques.json. */
export interface CalqueEntry extends PhraseSpec {
  expected: string[]
  message: string
  safe?: boolean
  note?: string
  examples: {bad: Array<{text: string; findings: ExpectedFinding[]; fixed?: string}>; good: string[]}
}

checkTable('calques', table, schema)
export const calqueEntries: readonly CalqueEntry[] = (table as unknown as {entries: CalqueEntry[]}).entries
const index = new PhraseIndex(calqueEntries, 'calques')

export interface CalqueMatch {
  entry: CalqueEntry
  start: number
  end: number
  expected: string[]
}

/** The calques of a parsed file, paragraph by paragraph (a phrase never runs over a blank line). */
export function calquesOf(tree: Root, text: string): CalqueMatch[] {
  return paragraphTokens(tree, text).flatMap((paragraph) => {
    const input: ScanInput = {tokens: partsOf(paragraph), text, tree, floor: paragraph.start}
    return index.scan(input).map((match: PhraseMatch<CalqueEntry>) => ({
      entry: match.entry,
      start: match.start,
      end: match.stop,
      expected: match.entry.expected.map((template) => index.fill(template, match, input))
    }))
  })
}

const bad: BadExample[] = calqueEntries.flatMap((entry) => entry.examples.bad)
const good: GoodExample[] = calqueEntries.flatMap((entry) => entry.examples.good.map((text) => ({text, why: `not the calque ${entry.id}`})))

export default defineRule(
  {
    id: 'calque',
    category: 'redundancy',
    severity: 'minor',
    description:
      'A word-for-word translation of a foreign phrase ("make a photo", "since three years", "in the frame of") from the phrase table rules/data/calques.json.',
    examples: {bad, good}
  },
  ({tree, text, report}) => {
    for (const found of calquesOf(tree, text)) {
      const actual = text.slice(found.start, found.end)
      report({
        start: found.start,
        end: found.end,
        message: `Unexpected \`${actual}\`, expected ${found.expected.map((each) => '`' + each + '`').join(' or ')}: ${found.entry.message}`,
        expected: found.expected,
        safe: found.entry.safe === true
      })
    }
  }
)
