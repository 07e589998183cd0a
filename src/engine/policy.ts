/**
 * The pass/fail policy shared by `lint` (exit code) and the pre-publish gate:
 * a file fails when it has a finding at or above `failOn`, or scores below
 * `minScore`.
 */
import {severityRank, type FileResult, type Severity} from './types.js'

export interface Policy {
  failOn: Severity | 'off'
  minScore: number
}

export interface Verdict {
  passed: boolean
  /** Why the file failed, one short sentence each. */
  reasons: string[]
}

export function judge(result: FileResult, policy: Policy): Verdict {
  const reasons: string[] = []
  if (policy.failOn !== 'off') {
    const threshold = severityRank(policy.failOn)
    const failing = result.findings.filter((finding) => severityRank(finding.severity) >= threshold)
    if (failing.length > 0) {
      reasons.push(`${failing.length} finding${failing.length === 1 ? '' : 's'} at or above ${policy.failOn}`)
    }
  }

  if (result.score < policy.minScore) reasons.push(`score ${result.score} is below the minimum ${policy.minScore}`)
  return {passed: reasons.length === 0, reasons}
}
