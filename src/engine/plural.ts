/** `1 finding`, `2 findings`, `0 findings`: a count with its noun (regular plurals only). */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`
}
