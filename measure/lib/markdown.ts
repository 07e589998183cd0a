/** Small helpers for Markdown reports. */
import {rate, type Ratio} from './corpus-score.js'

/** "3/7 (43%)", or "–" when there is nothing to count. */
export function ratio(value: Ratio): string {
  const fraction = rate(value)
  return fraction === undefined ? '–' : `${value.hits}/${value.total} (${Math.round(fraction * 100)}%)`
}

/** A table cell: pipes and line breaks would break the row. */
export function cell(text: string): string {
  return text.replaceAll('|', '\\|').replace(/\s*\n\s*/g, ' ')
}

/** Inline code that survives backticks in the text. */
export function code(text: string): string {
  const fence = text.includes('`') ? '``' : '`'
  return `${fence}${fence.length > 1 ? ' ' : ''}${text}${fence.length > 1 ? ' ' : ''}${fence}`
}

export function table(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  const lines = [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`]
  for (const row of rows) lines.push(`| ${row.map(cell).join(' | ')} |`)
  return lines.join('\n')
}

export function passMark(pass: boolean | undefined): string {
  return pass === undefined ? 'n/a' : pass ? 'PASS' : 'FAIL'
}
