/** A finding shown in its surroundings, on one line, with the flagged text in ⟦ ⟧. */
import type {Range} from './ranges.js'

export function contextOf(text: string, range: Range, width = 60): string {
  const before = text.slice(Math.max(0, range.start - width), range.start)
  const after = text.slice(range.end, range.end + width)
  const line = `${range.start > width ? '…' : ''}${before}⟦${text.slice(range.start, range.end)}⟧${after}${range.end + width < text.length ? '…' : ''}`
  return line.replace(/\s*\n\s*/g, ' ¶ ')
}
