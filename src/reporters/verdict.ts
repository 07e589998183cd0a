/**
 * The gate's one-screen verdict: per file PASS or FAIL, the score, the
 * reasons, and the few worst findings; then the batch totals.
 */
import {categories, severityRank} from '../engine/types.js'
import type {LintRun} from '../cli/lint-files.js'
import {stylesFor, type Styles} from './colors.js'

/** Findings shown under a failing file; the full list is one `mtlint lint` away. */
const worstShown = 5

export function formatVerdict(run: LintRun, styles: Styles = stylesFor(process.stdout)): string {
  const lines: string[] = []
  for (const {result, verdict} of run.files) {
    const badge = verdict.passed ? styles.green('PASS') : styles.bold(styles.red('FAIL'))
    lines.push(`${badge}  ${result.path}  score ${styles.bold(String(result.score))}, ${result.words} words, ${result.findings.length} findings`)
    for (const reason of verdict.reasons) lines.push(`      - ${reason}`)
    if (verdict.passed) continue
    const worst = [...result.findings]
      .sort((a, b) => severityRank(b.severity) - severityRank(a.severity) || a.start.offset - b.start.offset)
      .slice(0, worstShown)
    for (const finding of worst) {
      lines.push(styles.dim(`        ${finding.start.line}:${finding.start.column} ${finding.severity} ${finding.ruleId}: ${finding.message}`))
    }
  }

  lines.push('', ...totals(run))
  return lines.join('\n') + '\n'
}

/** Files, words, findings by category, failing files: the batch summary shared by the human formats. */
export function totals(run: LintRun): string[] {
  const findings = run.files.flatMap((file) => file.result.findings)
  const words = run.files.reduce((sum, file) => sum + file.result.words, 0)
  const failing = run.files.filter((file) => !file.verdict.passed).length
  const byCategory = categories
    .map((category) => [category, findings.filter((finding) => finding.category === category).length] as const)
    .filter(([, count]) => count > 0)
    .map(([category, count]) => `${category} ${count}`)
  const lines = [
    `${run.files.length} file${run.files.length === 1 ? '' : 's'}, ${words} words, ${findings.length} findings${byCategory.length > 0 ? ` (${byCategory.join(', ')})` : ''}`,
    `${failing} failing${run.errors.length > 0 ? `, ${run.errors.length} not linted (errors)` : ''}`
  ]
  return lines
}
