/**
 * The human report: per file, `line:column  severity  message  rule-id`, the
 * place and severity aligned in columns (as vfile-reporter and ESLint's
 * stylish do), then the score. Messages are not padded; on a terminal a line
 * longer than its width wraps under the message column.
 */
import type {LintRun} from '../engine/run.js'
import {plural} from '../engine/plural.js'
import type {Severity} from '../engine/types.js'
import {stylesFor, type Styles} from './colors.js'
import {countFindings} from './json.js'
import {formatAll, Totals, type StreamingFormat} from './stream.js'
import {oneLine, wrap} from './wrap.js'

export function formatPretty(run: LintRun, styles: Styles = stylesFor(process.stdout), width = terminalWidth()): string {
  return formatAll(prettyFormat(styles, width), run)
}

/** The width to fit, when stdout is a terminal that says. */
export function terminalWidth(): number | undefined {
  return process.stdout.isTTY && process.stdout.columns > 0 ? process.stdout.columns : undefined
}

/** Below this many columns for the message, it goes on its own lines under the place instead. */
const narrowest = 30

/** File by file; the batch line once all are done. */
export function prettyFormat(styles: Styles = stylesFor(process.stdout), width = terminalWidth()): StreamingFormat {
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
      // A file name may hold an escape sequence or a line break: written as escapes, it cannot drive the terminal or split a line.
      const path = oneLine(result.path)
      const lines = [styles.bold(path)]
      const placeOf = (point: {line: number; column: number}) => `${path}:${point.line}:${point.column}`
      const places = result.findings.map((finding) => placeOf(finding.start))
      const relatedPlaces = result.findings.flatMap((finding) => (finding.related ?? []).map((place) => placeOf(place.start)))
      const placeWidth = Math.max(0, ...places.map((place) => place.length), ...relatedPlaces.map((place) => place.length))
      const severityWidth = Math.max(0, ...result.findings.map((finding) => finding.severity.length))
      for (const [index, finding] of result.findings.entries()) {
        const lead = `  ${places[index]!.padEnd(placeWidth)}  `
        const severity = paint[finding.severity](finding.severity.padEnd(severityWidth))
        const indent = lead.length + severityWidth + 2
        const room = width === undefined ? Infinity : width - indent
        const ruleId = styles.dim(finding.ruleId)
        if (width === undefined || room >= narrowest) {
          const body = withRuleId(wrap(oneLine(finding.message), room), finding.ruleId.length, room)
          const last = body.length - 1
          body[last] = body[last] + ruleId
          lines.push(lead + severity + '  ' + body[0], ...body.slice(1).map((line) => ' '.repeat(indent) + line))
        } else {
          // Too narrow for columns: the message wraps on its own lines under the place.
          const body = withRuleId(wrap(oneLine(finding.message), width - 4), finding.ruleId.length, width - 4)
          body[body.length - 1] += ruleId
          lines.push(lead + severity, ...body.map((line) => '    ' + line))
        }

        // The finding's other places (a misreading's other numbers, a term's first use), each under it in the place column.
        for (const place of finding.related ?? []) {
          if (width !== undefined && room < narrowest) {
            lines.push(...wrap(`${placeOf(place.start)} ${oneLine(place.message)}`, width - 4).map((line) => '    ' + styles.dim(line)))
            continue
          }

          const text = wrap(oneLine(place.message), room)
          lines.push(`  ${placeOf(place.start).padEnd(placeWidth)}  ${' '.repeat(severityWidth)}  ${styles.dim(text[0]!)}`, ...text.slice(1).map((line) => ' '.repeat(indent) + styles.dim(line)))
        }
      }

      const counts = countFindings(result.findings).bySeverity
      const tally = (['critical', 'major', 'minor', 'info'] as const)
        .filter((severity) => counts[severity] > 0)
        .map((severity) => `${counts[severity]} ${severity}`)
        .join(', ')
      const summary = `  score ${styles.bold(String(result.score))} on ${plural(result.words, 'word')}, ${plural(result.findings.length, 'finding')}${tally ? ` (${tally})` : ''}: `
      const reasons = verdict.reasons.join('; ')
      const plainLength = summary.length + (verdict.passed ? 4 : 6 + reasons.length)
      if (verdict.passed) lines.push(summary + styles.green('pass'))
      else if (width === undefined || plainLength <= width) lines.push(summary + styles.red('fail: ' + reasons))
      else lines.push(summary + styles.red('fail'), ...verdict.reasons.flatMap((reason) => wrap(reason, Math.max(narrowest, width - 6)).map((line, index) => (index === 0 ? '    - ' : '      ') + styles.red(line))))
      lines.push('')
      return lines.join('\n') + '\n'
    },
    end() {
      return totals.files > 1 ? `${plural(totals.files, 'file')}, ${plural(totals.findings, 'finding')}, ${totals.failing} failing\n` : ''
    }
  }
}

/** Room for the rule id two spaces after the last line, else a line of its own; the id itself is appended by the caller. */
function withRuleId(lines: string[], idLength: number, room: number): string[] {
  const last = lines.at(-1)!
  if (last.length + 2 + idLength <= room) return [...lines.slice(0, -1), last + '  ']
  return [...lines, '']
}
