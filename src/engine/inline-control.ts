/**
 * Inline control comments, written as HTML comments so that Markdown hides
 * them and plain text keeps them as a visible, greppable marker:
 *
 *   <!-- mtlint-disable repeated-word -->        off from here ...
 *   <!-- mtlint-enable repeated-word -->         ... to here (or the end)
 *   <!-- mtlint-disable-next-line repeated-word -->  only the next line
 *   <!-- mtlint-disable-line repeated-word -->   only the line it is on
 *
 * No rule ids means every rule. The comments are not prose: before parsing,
 * they are blanked to spaces (line breaks kept, so offsets, lines and columns
 * do not move), which keeps their words out of sentences, the word count and
 * the rules; any finding that still touches a comment is dropped.
 */
import type {Finding} from './types.js'

export type ControlKind = 'disable' | 'enable' | 'disable-line' | 'disable-next-line'

export interface ControlComment {
  kind: ControlKind
  /** Rule ids named in the comment; empty means every rule. */
  ids: string[]
  /** Offsets of the whole comment (end exclusive). */
  start: number
  end: number
  /** 1-based lines the comment starts and ends on. */
  line: number
  endLine: number
}

export interface InlineControls {
  /** The text with every control comment blanked to spaces; same length and line breaks. */
  prose: string
  comments: ControlComment[]
  /** Drop the findings the comments switch off, and any finding inside a comment. */
  filter: (findings: Finding[]) => Finding[]
}

const commentPattern = /<!--\s*mtlint-(disable-next-line|disable-line|disable|enable)(?=[\s,]|-->)([^]*?)-->/g

/** Parse the control comments of a text (cheap when there are none: one indexOf). */
export function inlineControls(text: string): InlineControls {
  if (!text.includes('mtlint-')) return {prose: text, comments: [], filter: (findings) => findings}
  const comments: ControlComment[] = []
  let line = 1
  let counted = 0
  for (const match of text.matchAll(commentPattern)) {
    const start = match.index
    const end = start + match[0].length
    line += countLineBreaks(text, counted, start)
    counted = start
    comments.push({
      kind: match[1] as ControlKind,
      ids: match[2]!.split(/[\s,]+/).filter((id) => id.length > 0),
      start,
      end,
      line,
      endLine: line + countLineBreaks(text, start, end)
    })
  }

  if (comments.length === 0) return {prose: text, comments, filter: (findings) => findings}
  return {prose: blank(text, comments), comments, filter: (findings) => findings.filter((finding) => !suppressed(finding, comments))}
}

/** Whether a comment switches `ruleId` off at the place of `finding`. */
function suppressed(finding: Finding, comments: readonly ControlComment[]): boolean {
  const offset = finding.start.offset
  let disabled = false
  for (const comment of comments) {
    if (touches(finding, comment)) return true
    if (comment.ids.length > 0 && !comment.ids.includes(finding.ruleId)) continue
    switch (comment.kind) {
      case 'disable-line':
        if (finding.start.line >= comment.line && finding.start.line <= comment.endLine) return true
        break
      case 'disable-next-line':
        if (finding.start.line === comment.endLine + 1) return true
        break
      case 'disable':
        if (comment.end <= offset) disabled = true
        break
      case 'enable':
        if (comment.end <= offset) disabled = false
        break
    }
  }

  return disabled
}

function touches(finding: Finding, comment: ControlComment): boolean {
  const start = finding.start.offset
  const end = finding.end.offset
  return start === end ? start >= comment.start && start < comment.end : start < comment.end && end > comment.start
}

function blank(text: string, comments: readonly ControlComment[]): string {
  let result = ''
  let from = 0
  for (const comment of comments) {
    result += text.slice(from, comment.start) + text.slice(comment.start, comment.end).replace(/[^\r\n]/g, ' ')
    from = comment.end
  }

  return result + text.slice(from)
}

/** Line breaks as vfile-location counts them (\r\n, \r and \n each end a line). */
function countLineBreaks(text: string, from: number, to: number): number {
  let count = 0
  for (let index = from; index < to; index++) {
    const code = text.charCodeAt(index)
    if (code === 10 || (code === 13 && text.charCodeAt(index + 1) !== 10)) count++
  }

  return count
}

/** The comment the language server inserts to ignore one rule on one line. */
export function disableComment(kind: 'disable-line' | 'disable-next-line', ruleIds: readonly string[]): string {
  return `<!-- mtlint-${kind}${ruleIds.map((id) => ' ' + id).join('')} -->`
}
