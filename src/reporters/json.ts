/** The machine-readable report: one JSON document, valid against schemas/report.schema.json. */
import {categories, severities, type Category, type Finding, type Severity} from '../engine/types.js'
import type {LintRun} from '../engine/run.js'
import {version} from '../version.js'
import {formatAll, indented, Totals, type ReportedFile, type StreamingFormat} from './stream.js'

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
  const files = run.files.map(reportFileOf)
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

export function reportFileOf({result, verdict}: ReportedFile): ReportFile {
  return {
    path: result.path,
    words: result.words,
    score: result.score,
    penalty: result.penalty,
    passed: verdict.passed,
    reasons: verdict.reasons,
    counts: countFindings(result.findings),
    findings: result.findings
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
  return formatAll(jsonFormat(), run)
}

/**
 * The report written file by file: the very bytes of
 * `JSON.stringify(buildReport(run), null, 2)`, with only the totals held.
 */
export function jsonFormat(): StreamingFormat {
  const totals = new Totals()
  const head = `{\n  "tool": ${indented({name: 'mtlint', version}, 2)},\n  "files": [`
  return {
    *file(file) {
      yield totals.files === 0 ? head + '\n    ' : ',\n    '
      totals.add(file)
      // Finding by finding: the entry of a 100 MB text would be one string of hundreds of MB.
      const {findings, ...entry} = reportFileOf(file)
      const empty = indented({...entry, findings: []}, 4)
      if (findings.length === 0) return yield empty
      const cut = empty.lastIndexOf('[]')
      yield empty.slice(0, cut + 1)
      for (const [index, finding] of findings.entries()) yield (index === 0 ? '\n        ' : ',\n        ') + indented(finding, 8)
      yield '\n      ' + empty.slice(cut + 1)
    },
    end(errors) {
      const summary = {files: totals.files, words: totals.words, findings: totals.findings, failing: totals.failing, errors: errors.length}
      const files = totals.files === 0 ? head + ']' : '\n  ]'
      return `${files},\n  "errors": ${indented(errors, 2)},\n  "summary": ${indented(summary, 2)}\n}\n`
    }
  }
}
