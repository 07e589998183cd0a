/**
 * GitHub Actions workflow commands: one `::error` / `::warning` / `::notice`
 * line per finding, which GitHub shows as an annotation on the file.
 */
import type {Severity} from '../engine/types.js'
import type {LintRun} from '../engine/run.js'
import {formatAll, type StreamingFormat} from './stream.js'

const command: Record<Severity, 'error' | 'warning' | 'notice'> = {critical: 'error', major: 'error', minor: 'warning', info: 'notice'}

export function formatGithub(run: LintRun): string {
  return formatAll(githubFormat, run)
}

/** Nothing to hold: every line is about one file, then the errors. */
export const githubFormat: StreamingFormat = {
  file({result, verdict}) {
    let output = ''
    for (const finding of result.findings) {
      const properties = [
        `file=${escapeProperty(result.path)}`,
        `line=${finding.start.line}`,
        `col=${finding.start.column}`,
        `endLine=${finding.end.line}`,
        `endColumn=${finding.end.column}`,
        `title=${escapeProperty(`mtlint ${finding.ruleId} (${finding.severity})`)}`
      ]
      output += `::${command[finding.severity]} ${properties.join(',')}::${escapeData(finding.message)}\n`
    }

    const status = verdict.passed ? 'passed' : `failed: ${verdict.reasons.join('; ')}`
    return output + `::${verdict.passed ? 'notice' : 'error'} file=${escapeProperty(result.path)},title=mtlint score::${escapeData(`score ${result.score}, ${status}`)}\n`
  },
  end(errors) {
    return errors.map((error) => `::error title=mtlint::${escapeData(error)}\n`).join('')
  }
}

/** As @actions/core escapes message data. */
function escapeData(value: string): string {
  return value.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A')
}

/** As @actions/core escapes property values. */
function escapeProperty(value: string): string {
  return escapeData(value).replaceAll(':', '%3A').replaceAll(',', '%2C')
}
