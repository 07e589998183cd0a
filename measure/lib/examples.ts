/**
 * Examples as the spec (remark-lint's `@example` blocks): what a check's
 * examples produce, in the form they declare it (ExpectedFinding), and an
 * example's text rewritten as Markdown and as HTML with its offsets mapped,
 * so the generic tests can expect the same findings at the same words.
 * Shared by the tests, the docs generator and measure/pin-examples.ts.
 */
import type {ExpectedFinding} from '../../src/engine/check.js'
import type {Finding} from '../../src/engine/types.js'

/** `line:column-line:column`, 1-based, end exclusive: how vfile and remark-lint print a place. */
export function rangeOf(finding: Pick<Finding, 'start' | 'end'>): string {
  return `${finding.start.line}:${finding.start.column}-${finding.end.line}:${finding.end.column}`
}

/** A finding as an example declares it. */
export function declared(finding: Finding): ExpectedFinding {
  const out: ExpectedFinding = {range: rangeOf(finding), actual: finding.actual, message: finding.message, severity: finding.severity}
  if (finding.expected.length > 0) {
    out.fix = finding.expected[0]!
    out.safe = finding.safe
  }

  return out
}

/**
 * The findings of `after` (the text with one finding fixed) that are not the
 * findings of `before` moved by the fix: empty when the fix removed exactly
 * its own finding and changed nothing else. A finding is its rule, offsets and message.
 * A fix of one place of a finding with several (a misreading's first number)
 * leaves the others reported, in a message of their own: they are no new finding.
 */
export function unexpectedAfterFix(before: readonly Finding[], fixedOne: Finding, after: readonly Finding[]): {appeared: string[]; vanished: string[]} {
  const fix = fixedOne.expected[0] ?? ''
  const shift = fix.length - (fixedOne.end.offset - fixedOne.start.offset)
  const moved = (offset: number) => (offset >= fixedOne.end.offset ? offset + shift : offset)
  const key = (ruleId: string, start: number, end: number, message: string) => `${ruleId} ${start}-${end}: ${message}`
  const expected = before
    .filter((finding) => finding !== fixedOne)
    .map((finding) => key(finding.ruleId, moved(finding.start.offset), moved(finding.end.offset), finding.message))
  const left = new Set((fixedOne.related ?? []).map((place) => key(fixedOne.ruleId, moved(place.start.offset), moved(place.end.offset), '')))
  const remainder = (finding: Finding) => left.has(key(finding.ruleId, finding.start.offset, finding.end.offset, ''))
  const found = after.map((finding) => key(finding.ruleId, finding.start.offset, finding.end.offset, finding.message))
  return {appeared: found.filter((each, index) => !expected.includes(each) && !remainder(after[index]!)), vanished: expected.filter((each) => !found.includes(each))}
}

/** An example's text in another format, and where each of its offsets went. */
export interface Rendered {
  text: string
  /** Offset of the original text -> offset in `text`, for a start and for an end (they differ at a paragraph's end). */
  start: (offset: number) => number
  end: (offset: number) => number
}

const paragraphBreak = /(\n[ \t]*\n\s*)/

/** How one character is written: `prefix` (markup before it, such as an escape's backslash) and `body` (the character or its reference). */
type Escape = (text: string, index: number) => {prefix: string; body: string}

function render(text: string, open: string, close: string, escape: Escape): Rendered {
  const starts = new Array<number>(text.length + 1)
  const ends = new Array<number>(text.length + 1)
  let out = ''
  let offset = 0
  for (const piece of text.split(paragraphBreak)) {
    const isBreak = piece.trim() === ''
    if (!isBreak) out += open
    for (let index = 0; index < piece.length; index++, offset++) {
      const {prefix, body} = isBreak ? {prefix: '', body: piece[index]!} : escape(piece, index)
      starts[offset] = out.length + prefix.length
      out += prefix + body
      ends[offset + 1] = out.length
    }

    if (!isBreak) {
      ends[offset] = out.length
      out += close
    }
  }

  starts[offset] = out.length
  ends[0] ??= starts[0]!
  return {text: out, start: (index) => starts[index]!, end: (index) => ends[index]!}
}

const htmlReferences: Record<string, string> = {'&': '&amp;', '<': '&lt;', '>': '&gt;'}

/** The same prose as HTML: each paragraph in a `<p>`, `&`, `<` and `>` written as references. */
export function asHtml(text: string): Rendered {
  return render(text, '<p>', '</p>', (piece, index) => ({prefix: '', body: htmlReferences[piece[index]!] ?? piece[index]!}))
}

/** Marks Markdown reads as markup anywhere in a line (escaping any ASCII punctuation is valid CommonMark). */
const inlineMarkup = new Set(['\\', '`', '*', '_', '[', ']', '<', '>', '&', '~', '|'])

/** Marks that open a heading, block quote, list item or rule when they start a line. */
const blockMarks = new Set(['#', '>', '=', '+', '-'])

/** The same prose as Markdown: marks Markdown would read as markup escaped with a backslash. */
export function asMarkdown(text: string): Rendered {
  return render(text, '', '', (piece, index) => {
    const char = piece[index]!
    const before = piece.slice(piece.lastIndexOf('\n', index - 1) + 1, index)
    const opensBlock = (blockMarks.has(char) && /^[ \t]*$/.test(before)) || ((char === '.' || char === ')') && /^[ \t]*\d{1,9}$/.test(before))
    return {prefix: inlineMarkup.has(char) || opensBlock ? '\\' : '', body: char}
  })
}
