/** Offset ranges (JavaScript string indices, end exclusive) and when two of them meet. */

export interface Range {
  start: number
  end: number
}

/**
 * Whether two ranges share a character. An empty range is an insertion point
 * (a rule may flag "a space is missing here"): it meets a range that contains
 * it or ends or starts right at it.
 */
export function overlaps(a: Range, b: Range): boolean {
  if (a.start === a.end) return b.start <= a.start && a.start <= b.end
  if (b.start === b.end) return a.start <= b.start && b.start <= a.end
  return a.start < b.end && b.start < a.end
}

export function overlapsAny(range: Range, others: readonly Range[]): boolean {
  return others.some((other) => overlaps(range, other))
}
