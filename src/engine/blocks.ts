/**
 * The plain-text block splitter of incremental linting: where a text can be
 * cut into blocks that parse alone to the nodes the whole-text parse has
 * there (see incremental.ts).
 */

export interface Span {
  start: number
  end: number
}

/** A white-space run the root splits paragraphs at (parse-latin's `newLine`). */
const newLine = /^[ \t]*((\r?\n|\r)[\t ]*)+$/
const terminalMarker = /[.!?\u2026\u203D]/
const closingMarks = /[”’"')\]»›]/
const openingMarks = /[“‘"'(\[«‹]/
const capitalOrDigit = /[\p{Lu}\p{Lt}\p{Nd}]/u

/**
 * Blocks of a text: the spans between the white-space runs that end a
 * paragraph for certain. White space that leads or trails the text stays in
 * the first and last block, because the parser treats a sentence at the very
 * end differently when white space follows it ("a." vs "a.\n"). A run is such a boundary when the parser's paragraph plugins cannot
 * reach across it: it holds two or more line breaks (and only spaces and
 * tabs besides), the text before it ends a sentence, and the text after it
 * starts one with a capital or a digit (after an opening quote or bracket).
 * Otherwise a sentence there can be merged across the blank line before the
 * parser splits it again ("a few days.\n\nand" moves the full stop into
 * "days"), and the two sides are parsed together.
 */
export function splitBlocks(text: string): Span[] {
  const spans: Span[] = []
  let from = 0
  // Only a run that holds a line break can be a boundary (newLine): the runs are found from their line breaks,
  // each grown to the whole white-space run around it (as parse-latin tokenizes white space), instead of a match
  // object for every space of the text (some 40 MB on the seed x200).
  lineBreak.lastIndex = 0
  for (let found = lineBreak.exec(text); found; found = lineBreak.exec(text)) {
    let start = found.index
    while (start > 0 && isWhiteSpace(text.charCodeAt(start - 1))) start--
    let end = found.index + 1
    while (end < text.length && isWhiteSpace(text.charCodeAt(end))) end++
    lineBreak.lastIndex = end
    const inside = start > 0 && end < text.length
    if (!inside) continue
    const run = text.slice(start, end)
    if (newLine.test(run) && lineBreaks(run) >= 2 && endsSentence(text, start) && startsSentence(text, end)) {
      if (start > from) spans.push({start: from, end: start})
      from = end
    }
  }

  if (from < text.length) spans.push({start: from, end: text.length})
  return spans
}

const lineBreak = /[\n\r]/g

/** White space as parse-latin tokenizes it: a code unit of `[\t-\r \u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]`. */
function isWhiteSpace(code: number): boolean {
  return (
    (code >= 0x09 && code <= 0x0d) ||
    code === 0x20 ||
    code === 0x85 ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000
  )
}

function lineBreaks(value: string): number {
  return value.split(/\r\n|\r|\n/).length - 1
}

function endsSentence(text: string, end: number): boolean {
  let index = end - 1
  while (index >= 0 && closingMarks.test(text.charAt(index))) index--
  return index >= 0 && terminalMarker.test(text.charAt(index))
}

function startsSentence(text: string, start: number): boolean {
  const first = text.charAt(start)
  return capitalOrDigit.test(openingMarks.test(first) ? text.charAt(start + 1) : first)
}
