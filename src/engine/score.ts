import type {Finding, Severity} from './types.js'

/** MQM severity weights (Freitag et al. 2021): minor 1, major 5, critical 25; info costs nothing. */
export const defaultWeights: Record<Severity, number> = {info: 0, minor: 1, major: 5, critical: 25}

/**
 * MQM-style score: normed penalty = 1000 x sum of weights / words,
 * score = max(0, 100 - normed penalty), rounded to one decimal.
 */
export function scoreOf(
  findings: readonly Finding[],
  words: number,
  weights: Record<Severity, number> = defaultWeights,
  /** Weights of single rules or checks, over their severity's (compare's calibrated weights). */
  byRule: Readonly<Record<string, number>> = {}
): {score: number; penalty: number} {
  let sum = 0
  for (const finding of findings) sum += byRule[finding.ruleId] ?? weights[finding.severity]
  const penalty = sum === 0 ? 0 : (1000 * sum) / Math.max(words, 1)
  return {score: Math.round(Math.max(0, 100 - penalty) * 10) / 10, penalty: Math.round(penalty * 100) / 100}
}
