/**
 * Hand-written verdicts on findings in ordinary English, a JSON object in
 * corpus/ from a finding's key (measure/lib/finding-keys.ts) to `real: why`
 * (an error the writer left in) or `false CLASS: why` (a false alarm, with
 * the construction of English it took for an error). Keys starting with `$`
 * are comments. Used by measure/pseudo-clean.ts and measure/handbook.ts.
 */
import {existsSync, readFileSync} from 'node:fs'
import {join} from 'node:path'
import {corpusDir} from './gold.js'

export type Verdict = 'real' | 'false' | 'unjudged'

/** The verdicts of corpus/`file`, none when it is absent. */
export function loadVerdicts(file: string): Record<string, string> {
  const path = join(corpusDir(), file)
  if (!existsSync(path)) return {}
  const json = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>
  return Object.fromEntries(Object.entries(json).filter(([key, value]) => !key.startsWith('$') && typeof value === 'string')) as Record<string, string>
}

export function verdictOf(note: string | undefined): {verdict: Verdict; falseClass?: string} {
  if (note === undefined) return {verdict: 'unjudged'}
  if (note.startsWith('real')) return {verdict: 'real'}
  const match = /^false(?: ([^:]+))?:/u.exec(note)
  return match ? {verdict: 'false', falseClass: match[1] ?? 'unclassed'} : {verdict: 'unjudged'}
}
