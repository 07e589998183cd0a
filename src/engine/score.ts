import type {Finding, Severity} from './types.js'

/**
 * The one `weights` configuration of every score (lint, gate, compare, the
 * language server): points per finding of each severity, and a factor per
 * check on its severity's points (the registry's defaults are fitted on MQM
 * ratings, src/weights.json; a check without one has factor 1).
 */
export interface Weights extends Record<Severity, number> {
  checks: Readonly<Record<string, number>>
}

/** MQM severity weights (Freitag et al. 2021): minor 1, major 5, critical 25; info costs nothing. No check factors. */
export const defaultWeights: Weights = {info: 0, minor: 1, major: 5, critical: 25, checks: {}}

/** What one finding costs: its severity's weight times its check's factor. */
export function weightOf(finding: Pick<Finding, 'ruleId' | 'severity'>, weights: Weights = defaultWeights): number {
  return weights[finding.severity] * (weights.checks[finding.ruleId] ?? 1)
}

/**
 * MQM-style score: normed penalty = 1000 x sum of weights / words,
 * score = max(0, 100 - normed penalty), rounded to one decimal.
 *
 * With `segmentOf` (compare: the segment a finding is in), a check counts
 * once per segment, at its heaviest finding there: four changed numbers in one
 * segment are one number problem for the ranking, as a reviewer sees it (the
 * cap that made the score rank systems better on both MQM years,
 * reports/compare-weights.md). Every finding is still reported.
 */
export function scoreOf(findings: readonly Finding[], words: number, weights: Weights = defaultWeights, segmentOf?: (finding: Finding) => number): {score: number; penalty: number} {
  let sum = 0
  if (segmentOf) {
    const heaviest = new Map<string, number>()
    for (const finding of findings) {
      const key = `${finding.ruleId}\u0000${segmentOf(finding)}`
      heaviest.set(key, Math.max(heaviest.get(key) ?? 0, weightOf(finding, weights)))
    }

    for (const weight of heaviest.values()) sum += weight
  } else {
    for (const finding of findings) sum += weightOf(finding, weights)
  }

  const penalty = sum === 0 ? 0 : (1000 * sum) / Math.max(words, 1)
  return {score: Math.round(Math.max(0, 100 - penalty) * 10) / 10, penalty: Math.round(penalty * 100) / 100}
}
