/** Shared vocabulary of the engine: severities, categories and findings. */

export const severities = ['info', 'minor', 'major', 'critical'] as const
export type Severity = (typeof severities)[number]

export const categories = [
  'accuracy',
  'agreement',
  'consistency',
  'duplication',
  'fragment',
  'localization',
  'possessive',
  'punctuation',
  'quotation',
  'redundancy',
  'spacing',
  'untranslated',
  'word-order'
] as const
export type Category = (typeof categories)[number]

/** A place in a file: `offset` is a JavaScript string index, `line` and `column` are 1-based. */
export interface Point {
  offset: number
  line: number
  column: number
}

/** A place elsewhere in the document that a finding refers to (for example the first use of a term). */
export interface RelatedPlace {
  message: string
  start: Point
  end: Point
}

export interface Finding {
  ruleId: string
  category: Category
  /** MQM dimension of the category, for example `Fluency/Punctuation`. */
  dimension: string
  severity: Severity
  message: string
  start: Point
  end: Point
  /** The flagged text, exactly as it is in the file. */
  actual: string
  /** Fix candidates, best first; `''` means delete `actual`. Empty when no fix is known. */
  expected: string[]
  /** True when `expected[0]` may be applied without a human looking (`--fix`). */
  safe: boolean
  url: string
  related?: RelatedPlace[]
  /** In `compare` output: `compare` for a source-aware check, `lint` for a monolingual rule run on the target. */
  kind?: 'lint' | 'compare'
}

export interface FileResult {
  path: string
  words: number
  score: number
  penalty: number
  findings: Finding[]
}

export function severityRank(severity: Severity): number {
  return severities.indexOf(severity)
}

export function isSeverity(value: unknown): value is Severity {
  return typeof value === 'string' && (severities as readonly string[]).includes(value)
}
