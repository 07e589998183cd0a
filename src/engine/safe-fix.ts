/**
 * `--fix`: apply only the fixes rules mark safe, lint again, and repeat
 * until nothing safe is left, so that a second run changes nothing.
 */
import type {ResolvedConfig} from './config.js'
import {applyFixes} from './fix.js'
import {lintText} from './lint.js'
import type {InputFormat} from './parse.js'
import type {Finding} from './types.js'

/** Fixes never cascade far; the cap only guards against two fixes undoing each other forever. */
const maxPasses = 10

export interface SafeFixResult {
  text: string
  /** Every fix applied, with offsets into the text as it was in its pass. */
  applied: Finding[]
  /** Each pass's applied fixes, in order: offsets of pass n are into the text after pass n-1. */
  passes: Finding[][]
}

export function fixSafely(text: string, path: string, config: ResolvedConfig, format?: InputFormat): SafeFixResult {
  const passes: Finding[][] = []
  let current = text
  for (let pass = 0; pass < maxPasses; pass++) {
    const safe = lintText(current, path, config, format).findings.filter((finding) => finding.safe)
    if (safe.length === 0) break
    const {text: next, applied} = applyFixes(current, safe)
    if (applied.length === 0 || next === current) break
    passes.push(applied)
    current = next
  }

  return {text: current, applied: passes.flat(), passes}
}
