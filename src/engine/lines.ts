import type {Root} from 'nlcst'

/**
 * Lines as rules read them: a line ends at a break of any form (LF, CR,
 * U+2028, U+2029), so a CR-only file reads as its LF copy and a paragraph's
 * findings are the same whether the text is linted whole or block by block
 * (the editor's incremental lint splits at every form).
 */
export const lineBreak = /[\n\r\u2028\u2029]/u

/** One line break as written: CR LF as one, or any one of the break characters (a rule that reads on to the next line). */
export const oneLineBreak = new RegExp(`\\r\\n|${lineBreak.source}`, 'u')

export function isLineBreak(char: string | undefined): boolean {
  return char === '\n' || char === '\r' || char === '\u2028' || char === '\u2029'
}

/** The text of `offset`'s line before it, at most `reach` characters back (a bound keeps a scan linear on one huge line). */
function lineBefore(text: string, offset: number, reach = offset): string {
  return text.slice(Math.max(0, offset - reach), offset).split(lineBreak).at(-1)!
}

/** The text of `offset`'s line from it on, at most `reach` characters. */
function lineAfter(text: string, offset: number, reach = text.length - offset): string {
  return text.slice(offset, offset + reach).split(lineBreak)[0]!
}

/**
 * The lines of a rule's text, each also ended by its paragraph: paragraphs
 * of HTML on one source line (`<p>…</p><p>…</p>`) stay apart, as they are
 * when each is linted alone. Built once per run; any offset, in any order.
 */
export class Lines {
  private readonly starts: number[] = []
  private readonly ends: number[] = []

  constructor(
    tree: Root,
    private readonly text: string
  ) {
    for (const node of tree.children) {
      if (node.type !== 'ParagraphNode' || !node.position) continue
      this.starts.push(node.position.start.offset!)
      this.ends.push(node.position.end.offset!)
    }
  }

  /** The text of `offset`'s line before it, at most `reach` characters back. */
  before(offset: number, reach = offset): string {
    return lineBefore(this.text, offset, Math.min(reach, offset - this.bounds(offset)[0]))
  }

  /** The text of `offset`'s line from it on, at most `reach` characters. */
  after(offset: number, reach = this.text.length - offset): string {
    return lineAfter(this.text, offset, Math.min(reach, this.bounds(offset)[1] - offset))
  }

  /** Where `offset`'s line ends: at its next line break or its paragraph's end (the scan reads that line only). */
  end(offset: number): number {
    const bound = this.bounds(offset)[1]
    let index = offset
    while (index < bound && !isLineBreak(this.text[index])) index++
    return index
  }

  /** The paragraph holding `offset` (its end included), or the gap between two. */
  private bounds(offset: number): [number, number] {
    let low = 0
    let high = this.starts.length
    // The first paragraph that starts after offset.
    while (low < high) {
      const middle = (low + high) >>> 1
      if (this.starts[middle]! <= offset) low = middle + 1
      else high = middle
    }

    const index = low - 1
    if (index >= 0 && offset <= this.ends[index]!) return [this.starts[index]!, this.ends[index]!]
    return [index >= 0 ? this.ends[index]! : 0, this.starts[low] ?? this.text.length]
  }
}

const built = new WeakMap<Root, {text: string; lines: Lines}>()

/** The Lines of a rule's tree and text, built once for all the rules of a run that read them. */
export function linesOf(tree: Root, text: string): Lines {
  const cached = built.get(tree)
  if (cached?.text === text) return cached.lines
  const lines = new Lines(tree, text)
  built.set(tree, {text, lines})
  return lines
}
