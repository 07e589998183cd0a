/**
 * Precision and recall on the annotated corpus. A finding is a true positive
 * when it overlaps a gold range of an artifact whose category it carries;
 * recall is counted per gold artifact (an artifact with seven ranges is
 * found once), by tier.
 */
import type {Category, Finding} from '../../src/engine/types.js'
import {acceptedCategories, type GoldArtifact, type GoldFile} from './gold.js'
import {overlapsAny, type Range} from './ranges.js'

export interface FindingOutcome {
  /** Corpus file the finding is in. */
  text: string
  finding: Finding
  truePositive: boolean
  /** Artifacts of the finding's category that it overlaps. */
  artifacts: string[]
  /** Artifacts it overlaps whose category it does not carry (shown next to false positives). */
  otherArtifacts: string[]
  /** Traps (correct text that looks wrong) it overlaps. */
  traps: string[]
}

export interface ArtifactOutcome {
  text: string
  artifact: GoldArtifact
  /** Rules with a true positive on the artifact; empty when it was missed. */
  rules: string[]
}

export interface TextOutcome {
  findings: FindingOutcome[]
  artifacts: ArtifactOutcome[]
}

export function rangeOf(finding: Finding): Range {
  return {start: finding.start.offset, end: finding.end.offset}
}

/** Match one text's findings against its gold annotation. */
export function matchText(text: string, gold: GoldFile, findings: readonly Finding[]): TextOutcome {
  const artifacts: ArtifactOutcome[] = gold.artifacts.map((artifact) => ({text, artifact, rules: []}))
  const outcomes = findings.map((finding): FindingOutcome => {
    const range = rangeOf(finding)
    const outcome: FindingOutcome = {text, finding, truePositive: false, artifacts: [], otherArtifacts: [], traps: []}
    for (const artifactOutcome of artifacts) {
      const {artifact} = artifactOutcome
      if (!overlapsAny(range, artifact.ranges)) continue
      if (acceptedCategories(artifact).includes(finding.category)) {
        outcome.artifacts.push(artifact.id)
        if (!artifactOutcome.rules.includes(finding.ruleId)) artifactOutcome.rules.push(finding.ruleId)
      } else {
        outcome.otherArtifacts.push(artifact.id)
      }
    }

    outcome.truePositive = outcome.artifacts.length > 0
    outcome.traps = gold.traps.filter((trap) => overlapsAny(range, trap.ranges)).map((trap) => trap.id)
    return outcome
  })
  return {findings: outcomes, artifacts}
}

export interface Ratio {
  hits: number
  total: number
}

/** hits / total, or undefined when there is nothing to divide (shown as "–", never as 0 or 100%). */
export function rate({hits, total}: Ratio): number | undefined {
  return total === 0 ? undefined : hits / total
}

export type Tier = 1 | 2 | 3
export const tiers: readonly Tier[] = [1, 2, 3]

export function recallByTier(artifacts: readonly ArtifactOutcome[]): Record<Tier, Ratio> {
  const result = {1: {hits: 0, total: 0}, 2: {hits: 0, total: 0}, 3: {hits: 0, total: 0}}
  for (const {artifact, rules} of artifacts) {
    result[artifact.tier].total++
    if (rules.length > 0) result[artifact.tier].hits++
  }

  return result
}

export interface RuleScore {
  ruleId: string
  category: Category
  precision: Ratio
  /** Tier-1 artifacts that accept the rule's category, and how many of them this rule found. */
  recall: Ratio
  /** Tier-2/3 artifacts this rule found: a bonus, never counted against tier-1 recall. */
  beyondTier1: string[]
}

/** One row per registered rule (rules without findings too), in registry order. */
export function scoreRules(
  rules: ReadonlyArray<{id: string; category: Category}>,
  findings: readonly FindingOutcome[],
  artifacts: readonly ArtifactOutcome[]
): RuleScore[] {
  return rules.map(({id, category}) => {
    const own = findings.filter((outcome) => outcome.finding.ruleId === id)
    const tier1 = artifacts.filter(({artifact}) => artifact.tier === 1 && acceptedCategories(artifact).includes(category))
    return {
      ruleId: id,
      category,
      precision: {hits: own.filter((outcome) => outcome.truePositive).length, total: own.length},
      recall: {hits: tier1.filter((outcome) => outcome.rules.includes(id)).length, total: tier1.length},
      beyondTier1: artifacts
        .filter((outcome) => outcome.artifact.tier > 1 && outcome.rules.includes(id))
        .map((outcome) => `${outcome.text}#${outcome.artifact.id}`)
    }
  })
}

export interface CategoryScore {
  category: string
  precision: Ratio
  recall: Record<Tier, Ratio>
}

/** One row per category that has a finding or a gold artifact; artifacts count under their main category. */
export function scoreCategories(findings: readonly FindingOutcome[], artifacts: readonly ArtifactOutcome[]): CategoryScore[] {
  const names = new Set<string>([...findings.map((outcome) => outcome.finding.category), ...artifacts.map((outcome) => outcome.artifact.category)])
  return [...names].sort().map((category) => {
    const own = findings.filter((outcome) => outcome.finding.category === category)
    return {
      category,
      precision: {hits: own.filter((outcome) => outcome.truePositive).length, total: own.length},
      recall: recallByTier(artifacts.filter((outcome) => outcome.artifact.category === category))
    }
  })
}
