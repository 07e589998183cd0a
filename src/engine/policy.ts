/**
 * The pass/fail policy shared by `lint` (exit code) and the pre-publish gate:
 * a file fails when it has a finding at or above `failOn`, scores below
 * `minScore`, or has more findings in a category than `maxFindings` allows.
 * Exceptions adjust the policy for files matching path globs.
 */
import {relative} from 'node:path'
import picomatch from 'picomatch'
import {plural} from './plural.js'
import {severityRank, type Category, type FileResult, type Severity} from './types.js'

export interface Policy {
  failOn: Severity | 'off'
  minScore: number
  /** Per category, the most non-info findings a passing file may have. */
  maxFindings: Partial<Record<Category, number>>
}

export interface PolicyException extends Partial<Policy> {
  files: string[]
}

export interface GatePolicy extends Policy {
  exceptions: PolicyException[]
}

export const defaultPolicy: GatePolicy = {failOn: 'major', minScore: 0, maxFindings: {}, exceptions: []}

export interface Verdict {
  passed: boolean
  /** Why the file failed, one short sentence each. */
  reasons: string[]
}

/**
 * The policy for one file: exceptions whose globs match the file's path
 * (relative to `base`, the configuration's folder) apply in order, so the
 * last one wins for each key it sets.
 */
export function policyFor(gate: GatePolicy, filePath: string, base: string): Policy {
  const path = relative(base, filePath).split('\\').join('/')
  let policy: Policy = {failOn: gate.failOn, minScore: gate.minScore, maxFindings: gate.maxFindings}
  for (const exception of gate.exceptions) {
    if (!picomatch.isMatch(path, exception.files, {dot: true})) continue
    const {files: _files, ...overrides} = exception
    policy = {...policy, ...overrides, maxFindings: {...policy.maxFindings, ...overrides.maxFindings}}
  }

  return policy
}

export function judge(result: FileResult, policy: Policy): Verdict {
  const reasons: string[] = []
  if (policy.failOn !== 'off') {
    const threshold = severityRank(policy.failOn)
    const failing = result.findings.filter((finding) => severityRank(finding.severity) >= threshold)
    if (failing.length > 0) {
      reasons.push(`${plural(failing.length, 'finding')} at or above ${policy.failOn}`)
    }
  }

  if (result.score < policy.minScore) reasons.push(`score ${result.score} is below the minimum ${policy.minScore}`)
  for (const [category, max] of Object.entries(policy.maxFindings) as Array<[Category, number]>) {
    const count = result.findings.filter((finding) => finding.category === category && finding.severity !== 'info').length
    if (count > max) reasons.push(`${plural(count, category + ' finding')}, at most ${max} allowed`)
  }

  return {passed: reasons.length === 0, reasons}
}
