/**
 * The gate's one-screen verdict: per file PASS or FAIL, the score, the
 * reasons, and the few worst findings; then the batch totals.
 */
import {plural} from '../engine/plural.js'
import {severityRank} from '../engine/types.js'
import type {LintRun} from '../engine/run.js'
import {stylesFor, type Styles} from './colors.js'
import {formatAll, Totals, type StreamingFormat} from './stream.js'
import {oneLine} from './wrap.js'

/** Findings shown under a failing file; the full list is one `mtlint lint` away. */
const worstShown = 5

export function formatVerdict(run: LintRun, styles: Styles = stylesFor(process.stdout)): string {
  return formatAll(verdictFormat(styles), run)
}

export function verdictFormat(styles: Styles = stylesFor(process.stdout)): StreamingFormat {
  const totals = new Totals()
  return {
    file(file) {
      totals.add(file)
      const {result, verdict} = file
      const badge = verdict.passed ? styles.green('PASS') : styles.bold(styles.red('FAIL'))
      const lines = [`${badge}  ${oneLine(result.path)}  score ${styles.bold(String(result.score))}, ${plural(result.words, 'word')}, ${plural(result.findings.length, 'finding')}`]
      for (const reason of verdict.reasons) lines.push(`      - ${reason}`)
      if (!verdict.passed) {
        const worst = [...result.findings]
          .sort((a, b) => severityRank(b.severity) - severityRank(a.severity) || a.start.offset - b.start.offset)
          .slice(0, worstShown)
        for (const finding of worst) {
          lines.push(styles.dim(`        ${finding.start.line}:${finding.start.column} ${finding.severity} ${finding.ruleId}: ${oneLine(finding.message)}`))
        }
      }

      return lines.map((line) => line + '\n').join('')
    },
    end(errors) {
      return '\n' + totalLines(totals, errors.length).join('\n') + '\n'
    }
  }
}

/** Files, words, findings by category, failing files: the batch summary. */
function totalLines(totals: Totals, errors: number): string[] {
  const byCategory = totals.categoryCounts().map(([category, count]) => `${category} ${count}`)
  return [
    `${plural(totals.files, 'file')}, ${plural(totals.words, 'word')}, ${plural(totals.findings, 'finding')}${byCategory.length > 0 ? ` (${byCategory.join(', ')})` : ''}`,
    `${totals.failing} failing${errors > 0 ? `, ${errors} not linted (errors)` : ''}`
  ]
}
