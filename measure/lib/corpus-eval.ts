/** Lint every annotated corpus text and score the findings against the gold. */
import {allRules} from '../../rules/index.js'
import type {ResolvedConfig} from '../../src/engine/config.js'
import {lintText} from '../../src/engine/lint.js'
import {contextOf} from './context.js'
import {
  matchText,
  rangeOf,
  recallByTier,
  scoreCategories,
  scoreRules,
  type ArtifactOutcome,
  type CategoryScore,
  type FindingOutcome,
  type Ratio,
  type RuleScore,
  type Tier
} from './corpus-score.js'
import type {CorpusText} from './gold.js'

export interface CorpusResult {
  texts: Array<{name: string; words: number; findings: number; score: number}>
  findings: FindingOutcome[]
  /** Context of each finding, by index in `findings`. */
  contexts: string[]
  artifacts: ArtifactOutcome[]
  recall: Record<Tier, Ratio>
  precision: Ratio
  rules: RuleScore[]
  categories: CategoryScore[]
}

export function evaluateCorpus(corpus: readonly CorpusText[], config: ResolvedConfig): CorpusResult {
  const texts: CorpusResult['texts'] = []
  const findings: FindingOutcome[] = []
  const contexts: string[] = []
  const artifacts: ArtifactOutcome[] = []
  for (const {name, text, gold} of corpus) {
    const result = lintText(text, name, config)
    texts.push({name, words: result.words, findings: result.findings.length, score: result.score})
    const outcome = matchText(name, gold, result.findings)
    findings.push(...outcome.findings)
    contexts.push(...outcome.findings.map(({finding}) => contextOf(text, rangeOf(finding), 40)))
    artifacts.push(...outcome.artifacts)
  }

  const enabled = allRules.filter((rule) => config.rules[rule.meta.id]).map((rule) => ({id: rule.meta.id, category: rule.meta.category}))
  return {
    texts,
    findings,
    contexts,
    artifacts,
    recall: recallByTier(artifacts),
    precision: {hits: findings.filter((outcome) => outcome.truePositive).length, total: findings.length},
    rules: scoreRules(enabled, findings, artifacts),
    categories: scoreCategories(findings, artifacts)
  }
}
