/**
 * The Markdown summary of `mtlint report`: per file the score, findings by
 * category (with the MQM dimension) and severity, and the worst findings in
 * context.
 */
import {dimensionOf} from '../engine/dimensions.js'
import {categories, severities, severityRank, type Finding} from '../engine/types.js'
import type {LintRun} from '../engine/run.js'
import {countFindings} from './json.js'
import {oneLine as escapeControls} from './wrap.js'

/** How many findings each file's "worst findings" list shows. */
const worstShown = 10
/** Characters of context on each side of a finding. */
const contextChars = 50

export function formatMarkdownSummary(run: LintRun, generated: Date = new Date()): string {
  const out: string[] = ['# mtlint report', '']
  out.push(`Generated ${generated.toISOString()}. Score = max(0, 100 - 1000 x sum of finding weights / words; a finding weighs its severity times its check factor).`, '')
  out.push('| file | words | score | findings | verdict |', '|---|---:|---:|---:|---|')
  for (const {result, verdict} of run.files) {
    out.push(
      `| ${escapeCell(result.path)} | ${result.words} | ${result.score} | ${result.findings.length} | ${verdict.passed ? 'pass' : 'fail: ' + escapeCell(verdict.reasons.join('; '))} |`
    )
  }

  if (run.errors.length > 0) {
    out.push('', '## Inputs not linted', '')
    for (const error of run.errors) out.push(`- ${error}`)
  }

  for (const {result, text} of run.files) {
    out.push('', `## ${escapeControls(result.path)}`, '', `Score **${result.score}** on ${result.words} words (normed penalty ${result.penalty}).`, '')
    if (result.findings.length === 0) {
      out.push('No findings.')
      continue
    }

    const counts = countFindings(result.findings)
    out.push('| category | MQM dimension | ' + severities.join(' | ') + ' | total |', '|---|---|' + severities.map(() => '---:|').join('') + '---:|')
    for (const category of categories) {
      const inCategory = result.findings.filter((finding) => finding.category === category)
      if (inCategory.length === 0) continue
      const cells = severities.map((severity) => inCategory.filter((finding) => finding.severity === severity).length)
      out.push(`| ${category} | ${dimensionOf[category]} | ${cells.join(' | ')} | ${inCategory.length} |`)
    }

    out.push(`| **all** | | ${severities.map((severity) => counts.bySeverity[severity]).join(' | ')} | ${result.findings.length} |`, '')
    out.push('Worst findings:', '')
    const worst = [...result.findings]
      .sort((a, b) => severityRank(b.severity) - severityRank(a.severity) || a.start.offset - b.start.offset)
      .slice(0, worstShown)
    for (const finding of worst) out.push(describeFinding(finding, text))
  }

  return out.join('\n') + '\n'
}

function describeFinding(finding: Finding, text: string): string {
  const before = text.slice(Math.max(0, finding.start.offset - contextChars), finding.start.offset)
  const after = text.slice(finding.end.offset, finding.end.offset + contextChars)
  const context = `…${oneLine(before)}**${oneLine(finding.actual)}**${oneLine(after)}…`
  const fix = finding.expected.length > 0 ? ` Fix: ${finding.expected.map((value) => (value === '' ? '(delete)' : '`' + value + '`')).join(' or ')}.` : ''
  return `- ${finding.start.line}:${finding.start.column} **${finding.severity}** ${finding.message} (\`${finding.ruleId}\`, ${finding.dimension}).${fix}\n  > ${context}`
}

/**
 * The user's text on one line, its Markdown marks escaped: the context quotes the article as it is, so `<script>`,
 * `*emphasis*` or `[a](b)` in it must not become HTML, formatting or a link in the rendered summary.
 */
function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/[\\`*_{}[\]<>()#+!|~&]/g, (mark) => '\\' + mark)
}

/** A table cell: a | is escaped, a line break (which would end the row) or another control character written as an escape (`\n`, `\u001B`). */
function escapeCell(text: string): string {
  return escapeControls(text).replaceAll('|', '\\|')
}
