/**
 * One parse per file: plain text with retext-english's parser (run by
 * parse-text.ts without its quadratic step, same tree); Markdown and HTML
 * through remark / rehype and their nlcst bridges, which keep positions in
 * the original file and leave code, HTML, front matter and link targets out
 * of the prose.
 *
 * Rules also get a "prose view" of the text: the file with every character
 * that is not prose (markup, code, URLs, e-mail addresses) replaced by
 * U+FFFC and whitespace kept, so that text-pattern rules see the same
 * offsets and cannot match inside code or a URL.
 */
import type {Root, Parent, Node} from 'nlcst'
import type {VFile} from 'vfile'
import {maskCharacter} from './mask.js'
import {registeredMarkupParser} from './markup-slot.js'
import {parseEnglishText, type Point} from './parse-text.js'

export type InputFormat = 'text' | 'markdown' | 'html'

export function formatOf(path: string): InputFormat {
  if (/\.(md|markdown|mdown|mkd)$/i.test(path)) return 'markdown'
  if (/\.x?html?$/i.test(path)) return 'html'
  return 'text'
}

export interface ParsedDocument {
  tree: Root
  /** Same length as the text; non-prose characters replaced by U+FFFC. */
  prose: string
}

/**
 * remark, rehype and their bridges cost more start-up than the whole plain-text
 * engine, so they load only when a Markdown or HTML input comes: the CLI awaits
 * this first; the language server and the tests import parse-markup.ts up front.
 */
export async function loadMarkupParsers(): Promise<void> {
  if (!registeredMarkupParser()) await import('./parse-markup.js')
}

/** URLs and e-mail addresses in running text are not prose either. */
const addressPattern = /\b(?:https?:\/\/|www\.)[^\s<>"“”]+[^\s<>"“”.,;:!?)\]}’'»]|\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b/g

/**
 * `origin` (plain text only) is the point the text starts at: a block parsed
 * behind a guard sentence (lint-block.ts) puts the guard at negative offsets.
 */
export function parseDocument(file: VFile, format: InputFormat, origin?: Point): ParsedDocument {
  const text = String(file)
  if (format === 'text') {
    const tree = parseEnglishText(text, undefined, origin)
    const prose = maskAddresses(text)
    return {tree, prose}
  }

  // The bridges need a positioned root; a blank document has no prose anyway.
  if (text.trim() === '') return {tree: {type: 'RootNode', children: []}, prose: text}
  const markupParser = registeredMarkupParser()
  if (!markupParser) throw new Error(`${format} input needs the markup parsers: await loadMarkupParsers() first (src/engine/parse.ts)`)
  const tree = markupParser(file, format)
  // Markup with no content (`</b>`) parses to a root without a position.
  if (!tree) return {tree: {type: 'RootNode', children: []}, prose: text.replace(/\S/g, maskCharacter)}
  dropUnpositioned(tree)
  // When the bridge could not place the root either, it spans what is left (as the editor's assembled root does).
  const first = tree.children[0]
  const last = tree.children.at(-1)
  if (tree.position?.start?.offset === undefined && first?.position && last?.position) tree.position = {start: first.position.start, end: last.position.end}
  return {tree, prose: maskAddresses(proseOf(tree, text))}
}

/**
 * The bridges can emit nodes without a position (for example inside a
 * malformed reference like `[[ref]: url`); no finding could point at them,
 * and every rule may rely on offsets, so they go.
 */
function dropUnpositioned(root: Parent): void {
  const stack: Parent[] = [root]
  for (let parent = stack.pop(); parent; parent = stack.pop()) {
    parent.children = parent.children.filter((child) => child.position?.start?.offset !== undefined && child.position.end?.offset !== undefined) as Parent['children']
    for (const child of parent.children) if ('children' in child) stack.push(child as Parent)
  }
}

/**
 * Keep the characters the nlcst tree covers with prose leaves; mask the rest,
 * keeping whitespace. A leaf whose source the parser decoded (a character
 * reference, `&lt;` or `&#x201C;`) gives its value instead: parse-markup.ts
 * stretched it to the source's length (the character, then U+FFFC for the
 * reference's tail), so rules read `Array<Pathname>`, not `Array&lt;Pathname&gt;`,
 * at the same offsets.
 */
function proseOf(tree: Root, text: string): string {
  const keep = new Uint8Array(text.length)
  const decoded: Array<[number, string]> = []
  const stack: Node[] = [tree]
  for (let node = stack.pop(); node; node = stack.pop()) {
    const start = node.position?.start?.offset
    const end = node.position?.end?.offset
    if (start === undefined || end === undefined || node.type === 'SourceNode') continue
    if ('children' in node) for (const child of (node as Parent).children) stack.push(child)
    else {
      keep.fill(1, start, end)
      const value = (node as {value?: unknown}).value
      // White space between blocks is '\n\n' wherever the source has it, whatever its characters (a quote's blank `>` line): not a decoding; `&nbsp;` is.
      if ((node.type !== 'WhiteSpaceNode' || text.slice(start, end).includes('&')) && typeof value === 'string' && value.length === end - start && value !== text.slice(start, end)) decoded.push([start, value])
    }
  }

  let prose = ''
  let runStart = 0
  // Build in runs rather than per character: most of a document is kept.
  for (let index = 0; index <= text.length; index++) {
    if (index < text.length && keep[index] === 1) continue
    prose += text.slice(runStart, index)
    if (index < text.length) prose += /\s/.test(text[index]!) ? text[index] : maskCharacter
    runStart = index + 1
  }

  if (decoded.length === 0) return prose
  decoded.sort((a, b) => a[0] - b[0])
  let out = ''
  let at = 0
  for (const [start, value] of decoded) {
    if (start < at) continue
    out += prose.slice(at, start) + value
    at = start + value.length
  }

  return out + prose.slice(at)
}

function maskAddresses(text: string): string {
  // Most texts hold no address: skip the regex pass entirely.
  if (!text.includes('://') && !text.includes('www.') && !text.includes('@')) return text
  return text.replace(addressPattern, (match) => maskCharacter.repeat(match.length))
}
