/**
 * The human report: per file, `line:column-line:column  severity  message  rule-id`
 * aligned in columns (as vfile-reporter and ESLint's stylish do), then the score.
 */
import type {LintRun} from '../cli/lint-files.js'
import type {Severity} from '../engine/types.js'
import {stylesFor, type Styles} from './colors.js'
import {countFindings} from './json.js'

export function formatPretty(run: LintRun, styles: Styles = stylesFor(process.stdout)): string {
  const lines: string[] = []
  const paint: Record<Severity, (text: string) => string> = {
    info: styles.blue,
    minor: styles.yellow,
    major: styles.red,
    critical: (text) => styles.bold(styles.red(text))
  }
  for (const {result, verdict} of run.files) {
    lines.push(styles.bold(result.path))
    const rows = result.findings.map((finding) => [
      `${result.path}:${finding.start.line}:${finding.start.column}`,
      finding.severity,
      finding.message,
      finding.ruleId
    ])
    const widths = [0, 1, 2].map((column) => Math.max(0, ...rows.map((row) => row[column]!.length)))
    for (const [place, severity, message, ruleId] of rows) {
      lines.push(
        `  ${place!.padEnd(widths[0]!)}  ${paint[severity as Severity](severity!.padEnd(widths[1]!))}  ${message!.padEnd(widths[2]!)}  ${styles.dim(ruleId!)}`
      )
    }

    const counts = countFindings(result.findings).bySeverity
    const tally = (['critical', 'major', 'minor', 'info'] as const)
      .filter((severity) => counts[severity] > 0)
      .map((severity) => `${counts[severity]} ${severity}`)
      .join(', ')
    const status = verdict.passed ? styles.green('pass') : styles.red('fail: ' + verdict.reasons.join('; '))
    lines.push(
      `  score ${styles.bold(String(result.score))} on ${result.words} words, ${result.findings.length} finding${result.findings.length === 1 ? '' : 's'}${tally ? ` (${tally})` : ''}: ${status}`,
      ''
    )
  }

  const failing = run.files.filter((file) => !file.verdict.passed).length
  const findings = run.files.reduce((sum, file) => sum + file.result.findings.length, 0)
  if (run.files.length > 1) {
    lines.push(`${run.files.length} files, ${findings} findings, ${failing} failing`)
  }

  return lines.join('\n') + (lines.length > 0 ? '\n' : '')
}
