/**
 * False positives on clean professional English: findings of severity minor
 * and above per 10,000 words, each listed with its document and context;
 * info-level findings are only counted (they do not gate publication).
 */
import type {ResolvedConfig} from '../../src/engine/config.js'
import {lintText} from '../../src/engine/lint.js'
import {severityRank} from '../../src/engine/types.js'
import {contextOf} from './context.js'
import type {CleanDocument} from './datasets.js'
import {findingKeys} from './finding-keys.js'
import {rangeOf} from './corpus-score.js'

export interface CleanFinding {
  key: string
  documentId: string
  /** The item (sentence or paragraph) the finding starts in. */
  segmentId: string
  ruleId: string
  severity: string
  message: string
  actual: string
  context: string
  /** The flagged range in the document's text. */
  start: number
  end: number
  explanation?: string
}

export interface CleanSetResult {
  documents: number
  words: number
  /** Findings of severity minor and above. */
  findings: CleanFinding[]
  perTenThousandWords: number
  byRule: Record<string, number>
  infoByRule: Record<string, number>
}

export function segmentAt(document: CleanDocument, offset: number): string {
  const segment = document.segments.find((each) => offset >= each.start && offset <= each.end)
  return segment?.id ?? document.id
}

export function evaluateCleanSet(documents: readonly CleanDocument[], config: ResolvedConfig, notes: Record<string, string> = {}): CleanSetResult {
  let words = 0
  const findings: CleanFinding[] = []
  const byRule: Record<string, number> = {}
  const infoByRule: Record<string, number> = {}
  for (const document of documents) {
    const result = lintText(document.text, document.id, config)
    words += result.words
    const keys = findingKeys(document.id, result.findings)
    result.findings.forEach((finding, index) => {
      if (severityRank(finding.severity) < severityRank('minor')) {
        infoByRule[finding.ruleId] = (infoByRule[finding.ruleId] ?? 0) + 1
        return
      }

      byRule[finding.ruleId] = (byRule[finding.ruleId] ?? 0) + 1
      const key = keys[index]!
      const row: CleanFinding = {
        key,
        documentId: document.id,
        segmentId: segmentAt(document, finding.start.offset),
        ruleId: finding.ruleId,
        severity: finding.severity,
        message: finding.message,
        actual: finding.actual,
        context: contextOf(document.text, rangeOf(finding)),
        ...rangeOf(finding)
      }
      if (notes[key] !== undefined) row.explanation = notes[key]
      findings.push(row)
    })
  }

  return {documents: documents.length, words, findings, perTenThousandWords: per10k(findings.length, words), byRule, infoByRule}
}

export function per10k(count: number, words: number): number {
  return words === 0 ? 0 : (count * 10_000) / words
}
