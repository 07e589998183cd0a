/**
 * GitHub Actions workflow commands: one `::error` / `::warning` / `::notice`
 * line per finding, which GitHub shows as an annotation on the file.
 */
import type {Severity} from '../engine/types.js'
import type {LintRun} from '../cli/lint-files.js'

const command: Record<Severity, 'error' | 'warning' | 'notice'> = {critical: 'error', major: 'error', minor: 'warning', info: 'notice'}

export function formatGithub(run: LintRun): string {
  const lines: string[] = []
  for (const {result, verdict} of run.files) {
    for (const finding of result.findings) {
      const properties = [
        `file=${escapeProperty(result.path)}`,
        `line=${finding.start.line}`,
        `col=${finding.start.column}`,
        `endLine=${finding.end.line}`,
        `endColumn=${finding.end.column}`,
        `title=${escapeProperty(`mtlint ${finding.ruleId} (${finding.severity})`)}`
      ]
      lines.push(`::${command[finding.severity]} ${properties.join(',')}::${escapeData(finding.message)}`)
    }

    const status = verdict.passed ? 'passed' : `failed: ${verdict.reasons.join('; ')}`
    lines.push(`::${verdict.passed ? 'notice' : 'error'} file=${escapeProperty(result.path)},title=mtlint score::${escapeData(`score ${result.score}, ${status}`)}`)
  }

  for (const error of run.errors) lines.push(`::error title=mtlint::${escapeData(error)}`)
  return lines.join('\n') + (lines.length > 0 ? '\n' : '')
}

/** As @actions/core escapes message data. */
function escapeData(value: string): string {
  return value.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A')
}

/** As @actions/core escapes property values. */
function escapeProperty(value: string): string {
  return escapeData(value).replaceAll(':', '%3A').replaceAll(',', '%2C')
}
