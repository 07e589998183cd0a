/**
 * Where the Markdown and HTML parser plugs in. parse-markup.ts fills the slot
 * when it loads (on demand: remark, rehype and their bridges cost more
 * start-up than the whole plain-text engine); parse.ts reads it. A module of
 * its own, so that neither of the two imports the other.
 */
import type {Root} from 'nlcst'
import type {VFile} from 'vfile'

/** Markdown or HTML to nlcst; undefined for markup with no positioned content. */
export type MarkupParser = (file: VFile, format: 'markdown' | 'html') => Root | undefined

let markupParser: MarkupParser | undefined

/** Called by parse-markup.ts when it loads. */
export function registerMarkupParser(parser: MarkupParser): void {
  markupParser = parser
}

export function registeredMarkupParser(): MarkupParser | undefined {
  return markupParser
}
