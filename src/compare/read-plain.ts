/** Two plain files, aligned by line, or by paragraph (blank-line separated) when the line counts differ. */
import {AlignError, type AlignedFile, type Segment} from './segment.js'

interface Block {
  text: string
  start: number
  line: number
}

export function readPlainPair(sourceText: string, targetText: string, targetPath: string): AlignedFile {
  const byLine = [linesOf(sourceText), linesOf(targetText)] as const
  if (byLine[0].length === byLine[1].length) return pair(byLine[0], byLine[1], targetPath, targetText, 'line')
  const byParagraph = [paragraphsOf(sourceText), paragraphsOf(targetText)] as const
  if (byParagraph[0].length === byParagraph[1].length) return pair(byParagraph[0], byParagraph[1], targetPath, targetText, 'paragraph')
  throw new AlignError(
    `cannot align: the source has ${byLine[0].length} lines and ${byParagraph[0].length} paragraphs, ` +
      `the target ${byLine[1].length} lines and ${byParagraph[1].length} paragraphs; expected the same number of either`
  )
}

function pair(sources: Block[], targets: Block[], path: string, text: string, unit: string): AlignedFile {
  const segments: Segment[] = []
  for (const [index, target] of targets.entries()) {
    const source = sources[index]!
    // Blank on both sides is layout, not a segment.
    if (source.text.trim() === '' && target.text.trim() === '') continue
    segments.push({id: `${unit} ${target.line}`, source: source.text, target: target.text, targetStart: target.start})
  }

  return {path, text, segments}
}

/** Lines without their line ending; a final newline does not start another line. */
export function linesOf(text: string): Block[] {
  const blocks: Block[] = []
  let start = 0
  let line = 1
  while (start < text.length) {
    const newline = text.indexOf('\n', start)
    const end = newline === -1 ? text.length : newline
    const content = text.slice(start, end)
    blocks.push({text: content.endsWith('\r') ? content.slice(0, -1) : content, start, line})
    start = end + 1
    line++
  }

  return blocks
}

function paragraphsOf(text: string): Block[] {
  const blocks: Block[] = []
  let current: Block | undefined
  let lastEnd = 0
  for (const line of linesOf(text)) {
    if (line.text.trim() === '') {
      if (current) blocks.push({...current, text: text.slice(current.start, lastEnd)})
      current = undefined
      continue
    }

    current ??= line
    lastEnd = line.start + line.text.length
  }

  if (current) blocks.push({...current, text: text.slice(current.start, lastEnd)})
  return blocks
}
