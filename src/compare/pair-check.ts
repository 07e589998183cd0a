/**
 * The check wrapper for source-aware checks, in the spirit of defineRule:
 * a check only finds problems in one segment (or across the file's
 * segments); the wrapper owns id, category, severity, dimension and url.
 * Examples are the spec and the generated tests: the lines of `source` and
 * `target` are aligned segments, as two plain files would be.
 */
import type {ExpectedFinding} from '../engine/check.js'
import {docsBase} from '../engine/rule.js'
import type {Category, Severity} from '../engine/types.js'
import type {Segment} from './segment.js'

export interface BadPairExample {
  source: string
  target: string
  /** Every finding of the check in `target`, in order, exactly (places are in the target file). */
  findings: ExpectedFinding[]
  sourceLang?: string
}

export interface GoodPairExample {
  source: string
  target: string
  why?: string
  sourceLang?: string
}

export interface PairCheckMeta {
  id: string
  category: Category
  /** MQM dimension of this check's findings, for example `Accuracy/Omission`. */
  dimension: string
  severity: Severity
  description: string
  examples: {bad: BadPairExample[]; good: GoodPairExample[]}
}

/** A problem in one segment's target; offsets are target indexes (end exclusive). */
export interface PairReport {
  segment: Segment
  start: number
  end: number
  message: string
  expected?: string[]
  /** Overrides the check's dimension (length too short is an omission, too long an addition). */
  dimension?: string
  /** Other places the finding points to (the first translation; the other numbers of one misreading). */
  related?: PairPlace[]
}

export interface PairPlace {
  segment: Segment
  start: number
  end: number
  message: string
}

export interface PairContext {
  segments: readonly Segment[]
  sourceLang: string
  report: (report: PairReport) => void
}

export interface PairCheck {
  meta: PairCheckMeta
  url: string
  run: (context: PairContext) => void
}

/** A check that looks at one segment at a time. */
export function definePairCheck(
  meta: PairCheckMeta,
  check: (segment: Segment, context: PairContext) => void
): PairCheck {
  return defineFileCheck(meta, (context) => {
    for (const segment of context.segments) check(segment, context)
  })
}

/** A check that looks across the segments of a file (consistency). */
export function defineFileCheck(meta: PairCheckMeta, run: (context: PairContext) => void): PairCheck {
  return {meta, url: docsBase + meta.id + '.md', run}
}
