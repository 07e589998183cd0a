/** The machine-readable report: one JSON document, valid against schemas/report.schema.json. */
import {categories, severities, type Category, type Finding, type Severity} from '../engine/types.js'
import type {LintRun} from '../cli/lint-files.js'
import {version} from '../version.js'

export interface ReportFile {
  path: string
  words: number
  score: number
  penalty: number
  passed: boolean
  reasons: string[]
  counts: {bySeverity: Record<Severity, number>; byCategory: Partial<Record<Category, number>>}
  findings: Finding[]
}

export interface Report {
  tool: {name: 'mtlint'; version: string}
  files: ReportFile[]
  errors: string[]
  summary: {files: number; words: number; findings: number; failing: number; errors: number}
}

export function buildReport(run: LintRun): Report {
  const files = run.files.map(({result, verdict}) => ({
    path: result.path,
    words: result.words,
    score: result.score,
    penalty: result.penalty,
    passed: verdict.passed,
    reasons: verdict.reasons,
    counts: countFindings(result.findings),
    findings: result.findings
  }))
  return {
    tool: {name: 'mtlint', version},
    files,
    errors: run.errors,
    summary: {
      files: files.length,
      words: files.reduce((sum, file) => sum + file.words, 0),
      findings: files.reduce((sum, file) => sum + file.findings.length, 0),
      failing: files.filter((file) => !file.passed).length,
      errors: run.errors.length
    }
  }
}

export function countFindings(findings: readonly Finding[]): ReportFile['counts'] {
  const bySeverity = Object.fromEntries(severities.map((severity) => [severity, 0])) as Record<Severity, number>
  const byCategory: Partial<Record<Category, number>> = {}
  for (const finding of findings) {
    bySeverity[finding.severity]++
    byCategory[finding.category] = (byCategory[finding.category] ?? 0) + 1
  }

  // Keep the category keys in the canonical order so reports diff cleanly.
  const ordered: Partial<Record<Category, number>> = {}
  for (const category of categories) if (byCategory[category]) ordered[category] = byCategory[category]
  return {bySeverity, byCategory: ordered}
}

export function formatJson(run: LintRun): string {
  return JSON.stringify(buildReport(run), null, 2) + '\n'
}
