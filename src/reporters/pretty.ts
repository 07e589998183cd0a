/**
 * The human report: per file, `line:column-line:column  severity  message  rule-id`
 * aligned in columns (as vfile-reporter and ESLint's stylish do), then the score.
 */
import type {LintRun} from '../cli/lint-files.js'
import type {Severity} from '../engine/types.js'
import {stylesFor, type Styles} from './colors.js'
import {countFindings} from './json.js'
import {formatAll, Totals, type StreamingFormat} from './stream.js'

export function formatPretty(run: LintRun, styles: Styles = stylesFor(process.stdout)): string {
  return formatAll(prettyFormat(styles), run)
}

/** File by file; the batch line once all are done. */
export function prettyFormat(styles: Styles = stylesFor(process.stdout)): StreamingFormat {
  const totals = new Totals()
  const paint: Record<Severity, (text: string) => string> = {
    info: styles.blue,
    minor: styles.yellow,
    major: styles.red,
    critical: (text) => styles.bold(styles.red(text))
  }
  return {
    file(file) {
      totals.add(file)
      const {result, verdict} = file
      const lines = [styles.bold(result.path)]
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
      return lines.join('\n') + '\n'
    },
    end() {
      return totals.files > 1 ? `${totals.files} files, ${totals.findings} findings, ${totals.failing} failing\n` : ''
    }
  }
}
