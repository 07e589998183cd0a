/** The Markdown block splitter of incremental linting (see incremental.ts). */
import {splitBlocks, type Span} from './blocks.js'

/**
 * Markdown blocks: the plain-text boundaries that are also outside fenced
 * code and followed by an unindented line that starts no list item, quote,
 * table or HTML. Undefined (lint whole) when the document has constructs
 * that reach across blocks: front matter, link or footnote definitions, or
 * HTML blocks that may span blank lines (comments, script, pre, style).
 */
export function splitMarkdownBlocks(text: string): Span[] | undefined {
  if (/^(---|\+\+\+)[ \t]*(\r?\n|\r|$)/.test(text)) return undefined
  if (/^ {0,3}\[[^\]\r\n]+\]:/m.test(text)) return undefined
  if (/^ {0,3}<(!|\?|script|pre|style|textarea)/im.test(text)) return undefined
  const fenced = fencedRanges(text)
  const spans = splitBlocks(text)
  const merged: Span[] = []
  for (const span of spans) {
    const previous = merged.at(-1)
    if (previous && !markdownBoundary(text, previous.end, span.start, fenced)) previous.end = span.end
    else merged.push({...span})
  }

  return merged
}

/**
 * Both sides must be plain lines: the next one unindented (so it starts a
 * new paragraph), the last one of the block before indented less than four
 * spaces (indented code would take the blank lines after it), and neither a
 * list item, quote, table row or HTML.
 *
 * The sentence tests of splitBlocks look at the characters beside the blank
 * line, so those characters must reach the nlcst tree. Tables and HTML
 * blocks do not (mdast-util-to-nlcst drops them) and run to the blank line
 * even on lines without `|` or `<` ("|a|b|\n|-|-|\ndays." ends in a table
 * row), and neither does the destination of a link or an image with no alt
 * text ("Text ![](a.)"). Then the text the parser sees before the blank line
 * is "a" or "Text ", not a sentence end, and it merges across the boundary.
 * So the paragraphs touching the blank line (lines up to the next blank line)
 * must hold no `|`, no line starting HTML, and the one before must not end
 * in a link.
 */
function markdownBoundary(text: string, end: number, start: number, fenced: ReadonlyArray<[number, number]>): boolean {
  const lineStart = text.charAt(start - 1) === '\n' || text.charAt(start - 1) === '\r'
  const special = /^(?:[-+*>|<]|\d{1,9}[.)])/
  if (!lineStart || special.test(text.slice(start, start + 11))) return false
  const lastLine = text.slice(Math.max(text.lastIndexOf('\n', end - 1), text.lastIndexOf('\r', end - 1)) + 1, end)
  const indent = /^[ \t]*/.exec(lastLine)![0]
  if (indent.includes('\t') || indent.length >= 4 || special.test(lastLine.slice(indent.length))) return false
  const before = text.slice(0, end).split(blankLine).at(-1)!
  const after = text.slice(start).split(blankLine, 1)[0]!
  if (dropsText.test(before) || dropsText.test(after) || (/\)[”’"')\]»›]*[.!?\u2026\u203D]?[”’"')\]»›]*$/.test(before) && before.includes(']('))) return false
  return !fenced.some(([from, to]) => from < start && to > end)
}

/** A line holding only spaces and tabs, with its line break. */
const blankLine = /(?:\r\n|\n|\r)[ \t]*(?:\r\n|\n|\r)/
/** A table cell separator or a line that starts HTML: content the nlcst tree drops. */
const dropsText = /\||^ {0,3}</m

/** Offsets of fenced code blocks (``` or ~~~), an unclosed fence running to the end. */
function fencedRanges(text: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = []
  const fence = /^ {0,3}(`{3,}|~{3,})/
  let open: {marker: string; start: number} | undefined
  let offset = 0
  for (const line of text.split(/(?<=\r\n|\n|\r)/)) {
    const match = fence.exec(line)
    if (!open && match) open = {marker: match[1]!, start: offset}
    else if (open && match && match[1]![0] === open.marker[0] && match[1]!.length >= open.marker.length && line.trim() === match[1]) {
      ranges.push([open.start, offset + line.length])
      open = undefined
    }

    offset += line.length
  }

  if (open) ranges.push([open.start, text.length])
  return ranges
}
