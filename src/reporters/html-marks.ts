/**
 * The article as HTML with one `<mark>` per finding. Findings may overlap in
 * any way, and marks must nest, so the text is split at every finding
 * boundary: a finding that crosses another is rendered as several fragments
 * (same `data-finding`, `data-part` 2, 3, ...), and every character of the
 * text is emitted exactly once, in order. Paragraphs become `<p>` only where
 * no finding touches the blank lines between them.
 */
import {escapeHtml} from './html-escape.js'

/** A highlighted range: `id` is the finding's index, `rank` orders identical ranges (higher rank nests inside). */
export interface MarkSpan {
  id: number
  start: number
  end: number
  rank: number
}

export type MarkNode = {kind: 'text'; start: number; end: number} | {kind: 'mark'; span: MarkSpan; part: number; children: MarkNode[]}

export interface Range {
  start: number
  end: number
}

/** Text ranges rendered as paragraphs; the whitespace between them stays in the DOM but outside any `<p>`. */
export function paragraphRanges(text: string, spans: readonly MarkSpan[]): Range[] {
  const gaps: Range[] = []
  for (const match of text.matchAll(/\s+/g)) {
    const start = match.index
    const end = start + match[0].length
    const breaks = (match[0].match(/\n/g) ?? []).length
    if (start !== 0 && end !== text.length && breaks < 2) continue
    const gap = {start, end}
    if (!spans.some((span) => touchesGap(span, gap, text.length))) gaps.push(gap)
  }

  const paragraphs: Range[] = []
  let position = 0
  for (const gap of gaps) {
    if (gap.start > position) paragraphs.push({start: position, end: gap.start})
    position = gap.end
  }

  if (position < text.length) paragraphs.push({start: position, end: text.length})
  // An empty text can still carry a zero-length finding; give it somewhere to be.
  if (paragraphs.length === 0 && spans.length > 0) paragraphs.push({start: 0, end: text.length})
  return paragraphs
}

/** A zero-length finding at a gap's edge belongs to the paragraph on that side, if there is one. */
function touchesGap(span: MarkSpan, gap: Range, length: number): boolean {
  if (span.start < span.end) return span.start < gap.end && span.end > gap.start
  const x = span.start
  return (x > gap.start || gap.start === 0) && (x < gap.end || gap.end === length)
}

/** The nesting of marks and text inside [range.start, range.end) for the spans that lie inside it. */
export function markTree(range: Range, spans: readonly MarkSpan[]): MarkNode[] {
  const inside = spans.filter((span) => span.start >= range.start && span.end <= range.end)
  const starting = new Map<number, MarkSpan[]>()
  const empty = new Map<number, MarkSpan[]>()
  for (const span of inside) {
    const byPosition = span.start === span.end ? empty : starting
    byPosition.set(span.start, [...(byPosition.get(span.start) ?? []), span])
  }

  const boundaries = [...new Set([range.start, range.end, ...inside.flatMap((span) => [span.start, span.end])])].sort((a, b) => a - b)
  const root: MarkNode[] = []
  // Open marks, outermost first; each knows where its children go.
  const stack: Array<{span: MarkSpan; part: number; children: MarkNode[]}> = []
  const container = () => stack.at(-1)?.children ?? root
  let position = range.start

  for (const boundary of boundaries) {
    if (boundary > position) container().push({kind: 'text', start: position, end: boundary})
    position = boundary

    // Close every mark ending here, and the marks opened inside them; those that go on are reopened below.
    const lowest = stack.findIndex((open) => open.span.end === boundary)
    const continuing = lowest < 0 ? [] : stack.splice(lowest).filter((open) => open.span.end > boundary)

    for (const span of sortForNesting(empty.get(boundary) ?? [])) container().push({kind: 'mark', span, part: 1, children: []})

    const opening = [
      ...continuing.map((open) => ({span: open.span, part: open.part + 1})),
      ...(starting.get(boundary) ?? []).map((span) => ({span, part: 1}))
    ]
    // Longest first so that the ranges still to come cross as little as possible.
    opening.sort((a, b) => b.span.end - a.span.end || a.span.start - b.span.start || a.span.rank - b.span.rank || a.span.id - b.span.id)
    for (const {span, part} of opening) {
      const node = {kind: 'mark' as const, span, part, children: [] as MarkNode[]}
      container().push(node)
      stack.push(node)
    }
  }

  return root
}

function sortForNesting(spans: MarkSpan[]): MarkSpan[] {
  return [...spans].sort((a, b) => a.rank - b.rank || a.id - b.id)
}

/** How many marks deep a node's subtree goes (1 for a mark around plain text). */
export function markHeight(node: MarkNode): number {
  if (node.kind === 'text') return 0
  return 1 + Math.max(0, ...node.children.map(markHeight))
}

export function renderNodes(text: string, nodes: readonly MarkNode[], openTag: (span: MarkSpan, part: number, height: number) => string): string {
  let html = ''
  for (const node of nodes) {
    if (node.kind === 'text') html += escapeHtml(text.slice(node.start, node.end))
    else html += openTag(node.span, node.part, markHeight(node)) + renderNodes(text, node.children, openTag) + '</mark>'
  }

  return html
}

/** The whole article: `<p>` blocks with their marks, and the whitespace between them as plain text. */
export function renderArticle(text: string, spans: readonly MarkSpan[], openTag: (span: MarkSpan, part: number, height: number) => string): string {
  let html = ''
  let position = 0
  for (const paragraph of paragraphRanges(text, spans)) {
    html += escapeHtml(text.slice(position, paragraph.start))
    const own = spans.filter((span) => span.start >= paragraph.start && span.end <= paragraph.end)
    html += '<p>' + renderNodes(text, markTree(paragraph, own), openTag) + '</p>'
    position = paragraph.end
  }

  return html + escapeHtml(text.slice(position))
}
