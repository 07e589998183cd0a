/**
 * Lines as rules read them: a line ends at a break of any form (LF, CR,
 * U+2028, U+2029), so a CR-only file reads as its LF copy and a paragraph's
 * findings are the same whether the text is linted whole or block by block
 * (the editor's incremental lint splits at every form).
 */
export const lineBreak = /[\n\r\u2028\u2029]/u

export function isLineBreak(char: string | undefined): boolean {
  return char === '\n' || char === '\r' || char === '\u2028' || char === '\u2029'
}

/** The text of `offset`'s line before it, at most `reach` characters back (a bound keeps a scan linear on one huge line). */
export function lineBefore(text: string, offset: number, reach = offset): string {
  return text.slice(Math.max(0, offset - reach), offset).split(lineBreak).at(-1)!
}

/** The text of `offset`'s line from it on, at most `reach` characters. */
export function lineAfter(text: string, offset: number, reach = text.length - offset): string {
  return text.slice(offset, offset + reach).split(lineBreak)[0]!
}
