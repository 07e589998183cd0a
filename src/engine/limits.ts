/**
 * Limits on the shape of an input, and the error that names the one an
 * input exceeds. The markup parsers and their bridges to the prose tree walk
 * nesting recursively, so a document nested deeper than a few thousand
 * levels overflows the stack; no real document comes near these limits.
 */

/** Deepest Markdown nesting linted (block quotes, lists, emphasis, links). */
export const maxMarkdownDepth = 256

/** Deepest HTML element nesting linted (WebKit's HTML parser stops nesting at 512 as well). */
export const maxHtmlDepth = 512

/** An input over one of the limits above: one line, and the file is not linted (exit code 2). */
export class InputLimitError extends Error {
  constructor(
    message: string,
    readonly actual: number,
    readonly expected: number
  ) {
    super(message)
    this.name = 'InputLimitError'
  }
}
