/** Aligned source/target pairs, with the target's characters mapped to offsets in the file they came from. */

export interface Segment {
  /** Line number, unit id or `tu` index: what a translator would search for. */
  id: string
  source: string
  /** Target text; inline tags are replaced by one U+FFFC placeholder each. */
  target: string
  /** Offset in the file of the target's first character. */
  targetStart: number
  /**
   * File offset of each target character and, last, of the target's end,
   * when the target is not a verbatim slice of the file (escapes, entities,
   * placeholders); absent means `targetStart + index`.
   */
  targetMap?: number[]
  /** With `targetMap`: the file offset just after each target character's raw writing (`&amp;`, `\u00e9`, a whole tag). */
  targetEnds?: number[]
  /** Source language given by the file itself (XLIFF, TMX), if any. */
  sourceLang?: string
}

export interface AlignedFile {
  /** The file findings point into (the target file, or the segment file). */
  path: string
  text: string
  segments: Segment[]
  sourceLang?: string
}

/** Inline tags become this character, so the text keeps one position for each tag. */
export const placeholder = '\uFFFC'

/** The file offset of target index `index` (`index` may be the target's length: its end). */
export function fileOffset(segment: Segment, index: number): number {
  const map = segment.targetMap
  if (!map) return segment.targetStart + index
  return map[Math.min(index, map.length - 1)] ?? segment.targetStart
}

/** The file offset just after target index `index - 1`: where a span ending at `index` ends. */
export function fileEndOffset(segment: Segment, index: number): number {
  const ends = segment.targetEnds
  if (!ends || index === 0) return fileOffset(segment, index)
  return ends[Math.min(index, ends.length) - 1] ?? fileOffset(segment, index)
}

/** A reader's error: one line, naming what was expected. */
export class AlignError extends Error {
  override name = 'AlignError'
}
