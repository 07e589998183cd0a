/**
 * The check wrapper for `compare --original` (src/compare/original.ts), in
 * the spirit of definePairCheck: each check (changed-name.ts, ...) is its
 * metadata and examples; the comparison that finds them all is shared, in
 * original.ts, and reports under these ids.
 */
import type {CheckMeta, ExpectedFinding} from '../engine/check.js'
import {docsBase} from '../engine/rule.js'

/** An original article and a text derived from it that must make the check fire. */
export interface BadOriginalExample {
  original: string
  derived: string
  /** Every finding of the check in `derived`, in order, exactly. */
  findings: ExpectedFinding[]
}

export interface GoodOriginalExample {
  original: string
  derived: string
  why?: string
}

export interface OriginalCheck {
  meta: CheckMeta & {examples: {bad: BadOriginalExample[]; good: GoodOriginalExample[]}}
}

export function defineOriginalCheck(
  id: string,
  description: string,
  examples: {bad: BadOriginalExample[]; good: GoodOriginalExample[]}
): OriginalCheck {
  return {meta: {id, kind: 'original', category: 'accuracy', dimension: 'Accuracy/Mistranslation', severity: 'major', description, url: docsBase + id + '.md', examples}}
}
