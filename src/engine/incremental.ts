/**
 * Incremental linting for editors: the same findings as `lintText`, but a
 * one-character edit re-parses and re-checks only the block it touched.
 *
 * retext-english breaks sentences at any white space holding two or more line
 * breaks, and the root splits paragraphs there, so such a run is a hard
 * boundary: the text between two of them ("block") parses alone to the very
 * nodes the whole-text parse has there, only with positions counted from the
 * block's start (test/incremental.test.ts checks this, trees and findings,
 * after random edits). So each block is parsed on its own and kept with
 * the findings of the `paragraph`-scope rules, offsets relative to the block;
 * `document`-scope rules run on a root assembled from the cached block trees,
 * whose positions are shifted in place when an edit above them moves them.
 */
import type {Root, RootContent} from 'nlcst'
import retextEnglish from 'retext-english'
import {unified, type Processor} from 'unified'
import {VFile} from 'vfile'
import {allRules} from '../../rules/index.js'
import type {ResolvedConfig} from './config.js'
import {inlineControls} from './inline-control.js'
import {countWords, lintText, toFinding, type Message} from './lint.js'
import {formatOf, parseDocument, type InputFormat} from './parse.js'
// The editor opens Markdown at any time: its parsers load with the incremental linter.
import './parse-markup.js'
import {pointsOf, setProse, type Rule} from './rule.js'
import {scoreOf} from './score.js'
import type {FileResult, Finding, Point} from './types.js'

export type AnyProcessor = Processor<Root, Root, Root, undefined, undefined>

interface Base {
  offset: number
  line: number
  column: number
}

/** One block of the text between hard paragraph boundaries, parsed once. */
interface Block {
  text: string
  /** The block's prose view (URLs and e-mail addresses masked), as rules see it. */
  prose: string
  /** Where the block started in the version of the text it was last matched in. */
  start: number
  /** Parsed as the first block of the text (without the guard, see `parseBlock`). */
  first: boolean
  /** Root children of the block's own parse; their positions are counted from `base`. */
  nodes: RootContent[]
  base: Base
  /** Findings of the paragraph-scope rules, offsets and points relative to the block. */
  findings: Finding[]
  words: number
}

interface Span {
  start: number
  end: number
}

/** White space as parse-latin tokenizes it. */
const whiteSpace = /[\t-\r \u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]+/g
/** A white-space run the root splits paragraphs at (parse-latin's `newLine`). */
const newLine = /^[ \t]*((\r?\n|\r)[\t ]*)+$/
const terminalMarker = /[.!?\u2026\u203D]/
const closingMarks = /[”’"')\]»›]/
const openingMarks = /[“‘"'(\[«‹]/
const capitalOrDigit = /[\p{Lu}\p{Lt}\p{Nd}]/u

/**
 * Blocks of a text: the spans between the white-space runs that end a
 * paragraph for certain. White space that leads or trails the text stays in
 * the first and last block, because the parser treats a sentence at the very
 * end differently when white space follows it ("a." vs "a.\n"). A run is such a boundary when the parser's paragraph plugins cannot
 * reach across it: it holds two or more line breaks (and only spaces and
 * tabs besides), the text before it ends a sentence, and the text after it
 * starts one with a capital or a digit (after an opening quote or bracket).
 * Otherwise a sentence there can be merged across the blank line before the
 * parser splits it again ("a few days.\n\nand" moves the full stop into
 * "days"), and the two sides are parsed together.
 */
export function splitBlocks(text: string): Span[] {
  const spans: Span[] = []
  let from = 0
  for (const match of text.matchAll(whiteSpace)) {
    const start = match.index
    const end = start + match[0].length
    const inside = start > 0 && end < text.length
    if (inside && newLine.test(match[0]) && lineBreaks(match[0]) >= 2 && endsSentence(text, start) && startsSentence(text, end)) {
      if (start > from) spans.push({start: from, end: start})
      from = end
    }
  }

  if (from < text.length) spans.push({start: from, end: text.length})
  return spans
}

function lineBreaks(value: string): number {
  return value.split(/\r\n|\r|\n/).length - 1
}

function endsSentence(text: string, end: number): boolean {
  let index = end - 1
  while (index >= 0 && closingMarks.test(text.charAt(index))) index--
  return index >= 0 && terminalMarker.test(text.charAt(index))
}

function startsSentence(text: string, start: number): boolean {
  const first = text.charAt(start)
  return capitalOrDigit.test(openingMarks.test(first) ? text.charAt(start + 1) : first)
}

/**
 * Markdown blocks: the plain-text boundaries that are also outside fenced
 * code and followed by an unindented line that starts no list item, quote,
 * table or HTML. Undefined (lint whole) when the document has constructs
 * that reach across blocks: front matter, link or footnote definitions, or
 * HTML blocks that may span blank lines (comments, script, pre, style).
 */
export function splitMarkdownBlocks(text: string): Span[] | undefined {
  if (/^(---|\+\+\+)[ \t]*(\r?\n|\r|$)/.test(text)) return undefined
  if (/^ {0,3}\[[^\]\r\n]+\]:/m.test(text)) return undefined
  if (/^ {0,3}<(!|\?|script|pre|style|textarea)/im.test(text)) return undefined
  const fenced = fencedRanges(text)
  const spans = splitBlocks(text)
  const merged: Span[] = []
  for (const span of spans) {
    const previous = merged.at(-1)
    if (previous && !markdownBoundary(text, previous.end, span.start, fenced)) previous.end = span.end
    else merged.push({...span})
  }

  return merged
}

/**
 * Both sides must be plain lines: the next one unindented (so it starts a
 * new paragraph), the last one of the block before indented less than four
 * spaces (indented code would take the blank lines after it), and neither a
 * list item, quote, table row or HTML.
 *
 * The sentence tests of splitBlocks look at the characters beside the blank
 * line, so those characters must reach the nlcst tree. Tables and HTML
 * blocks do not (mdast-util-to-nlcst drops them) and run to the blank line
 * even on lines without `|` or `<` ("|a|b|\n|-|-|\ndays." ends in a table
 * row), and neither does the destination of a link or an image with no alt
 * text ("Text ![](a.)"). Then the text the parser sees before the blank line
 * is "a" or "Text ", not a sentence end, and it merges across the boundary.
 * So the paragraphs touching the blank line (lines up to the next blank line)
 * must hold no `|`, no line starting HTML, and the one before must not end
 * in a link.
 */
function markdownBoundary(text: string, end: number, start: number, fenced: ReadonlyArray<[number, number]>): boolean {
  const lineStart = text.charAt(start - 1) === '\n' || text.charAt(start - 1) === '\r'
  const special = /^(?:[-+*>|<]|\d{1,9}[.)])/
  if (!lineStart || special.test(text.slice(start, start + 11))) return false
  const lastLine = text.slice(Math.max(text.lastIndexOf('\n', end - 1), text.lastIndexOf('\r', end - 1)) + 1, end)
  const indent = /^[ \t]*/.exec(lastLine)![0]
  if (indent.includes('\t') || indent.length >= 4 || special.test(lastLine.slice(indent.length))) return false
  const before = text.slice(0, end).split(blankLine).at(-1)!
  const after = text.slice(start).split(blankLine, 1)[0]!
  if (dropsText.test(before) || dropsText.test(after) || (/\)[”’"')\]»›]*[.!?\u2026\u203D]?[”’"')\]»›]*$/.test(before) && before.includes(']('))) return false
  return !fenced.some(([from, to]) => from < start && to > end)
}

/** A line holding only spaces and tabs, with its line break. */
const blankLine = /(?:\r\n|\n|\r)[ \t]*(?:\r\n|\n|\r)/
/** A table cell separator or a line that starts HTML: content the nlcst tree drops. */
const dropsText = /\||^ {0,3}</m

/** Offsets of fenced code blocks (``` or ~~~), an unclosed fence running to the end. */
function fencedRanges(text: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = []
  const fence = /^ {0,3}(`{3,}|~{3,})/
  let open: {marker: string; start: number} | undefined
  let offset = 0
  for (const line of text.split(/(?<=\r\n|\n|\r)/)) {
    const match = fence.exec(line)
    if (!open && match) open = {marker: match[1]!, start: offset}
    else if (open && match && match[1]![0] === open.marker[0] && match[1]!.length >= open.marker.length && line.trim() === match[1]) {
      ranges.push([open.start, offset + line.length])
      open = undefined
    }

    offset += line.length
  }

  if (open) ranges.push([open.start, text.length])
  return ranges
}

export interface Processors {
  paragraph: AnyProcessor
  document?: AnyProcessor
}

const processorCache = new WeakMap<ResolvedConfig, Processors>()

export function processorsFor(config: ResolvedConfig): Processors {
  let processors = processorCache.get(config)
  if (!processors) {
    const build = (rules: Rule[]): AnyProcessor => {
      let chain = unified().use(retextEnglish) as unknown as AnyProcessor
      for (const rule of rules) chain = chain.use(rule.plugin, config.rules[rule.meta.id]!) as unknown as AnyProcessor
      return chain.freeze() as AnyProcessor
    }

    const enabled = allRules.filter((rule) => config.rules[rule.meta.id])
    const documentRules = enabled.filter((rule) => rule.meta.scope === 'document')
    processors = {
      paragraph: build(enabled.filter((rule) => rule.meta.scope !== 'document')),
      document: documentRules.length > 0 ? build(documentRules) : undefined
    }
    processorCache.set(config, processors)
  }

  return processors
}

/**
 * Lints successive versions of one document. Keep one per open document; a
 * new configuration needs a new linter. Plain text and Markdown are linted
 * block by block (Markdown only where no construct reaches across blank
 * lines, see splitMarkdownBlocks); HTML, and Markdown the splitter declines,
 * are parsed as a whole each time.
 */
export class IncrementalLinter {
  private blocks: Block[] = []
  private readonly processors: Processors
  /** Document-scope findings of the last complete lint, and the text they were found in. */
  private lastDocument?: {prose: string; findings: Finding[]}

  constructor(
    readonly config: ResolvedConfig,
    readonly path = '<text>',
    readonly format: InputFormat = formatOf(path)
  ) {
    this.processors = processorsFor(config)
  }

  /** Markdown the splitter declined (see splitMarkdownBlocks) and HTML are linted whole. */
  private whole = false

  /** False when `quick` is a whole `lint` too (HTML, Markdown with document-wide constructs). */
  get incremental(): boolean {
    return this.format !== 'html' && !this.whole
  }

  /** Lint the current text of the document: equal to `lintText(text, path, config)`. */
  lint(text: string): FileResult {
    return this.run(text, true)
  }

  /**
   * A quick lint for the moment after a keystroke: the paragraph-scope rules
   * are fresh, the document-scope findings are those of the last `lint`,
   * moved with the text around the edit (and dropped where the edit touched
   * them). An editor publishes this at once and the full `lint` when the
   * typing pauses; document rules re-scan the whole text and cost more.
   */
  quick(text: string): FileResult {
    return this.run(text, false)
  }

  private run(text: string, complete: boolean): FileResult {
    const controls = inlineControls(text)
    const prose = controls.prose
    const spans = this.split(prose)
    if (!spans) {
      this.blocks = []
      return lintText(text, this.path, this.config, this.format)
    }

    const file = new VFile({value: prose, path: this.path})
    const point = pointsOf(file)
    const blocks = this.update(prose, spans)

    let findings: Finding[] = []
    let words = 0
    for (const block of blocks) {
      words += block.words
      for (const finding of block.findings) findings.push(shiftFinding(finding, block.start, point))
    }

    if (this.processors.document && complete) {
      const tree = assemble(prose, blocks, this.format)
      setProse(file, proseView(prose, blocks))
      this.processors.document.runSync(tree, file)
      const documentFindings = file.messages.map((message) => toFinding(message as unknown as Message))
      this.lastDocument = {prose, findings: documentFindings}
      findings.push(...documentFindings)
    } else if (this.processors.document && this.lastDocument) {
      findings.push(...carryOver(this.lastDocument, prose, point))
    }

    findings = controls.filter(findings)
    findings.sort((a, b) => a.start.offset - b.start.offset || a.end.offset - b.end.offset || a.ruleId.localeCompare(b.ruleId))
    const {score, penalty} = scoreOf(findings, words, this.config.weights)
    return {path: this.path, words, score, penalty, findings}
  }

  /**
   * The document's root as the whole-text parse would build it (exposed for
   * the equivalence test): cached block trees, shifted, with the white space
   * between them.
   */
  tree(text: string): Root {
    const prose = inlineControls(text).prose
    const spans = this.split(prose)
    if (!spans) return parseDocument(new VFile({value: prose, path: this.path}), this.format).tree
    return assemble(prose, this.update(prose, spans), this.format)
  }

  /** Blocks of the text, or undefined when it must be linted whole. */
  private split(prose: string): Span[] | undefined {
    const spans = this.format === 'text' ? splitBlocks(prose) : this.format === 'markdown' ? splitMarkdownBlocks(prose) : undefined
    this.whole = spans === undefined
    return spans
  }

  /**
   * Match the new blocks with the old ones: an unchanged prefix and suffix
   * are kept, blocks in between are reused by text when they only moved (a
   * paragraph cut and pasted) and parsed otherwise.
   */
  private update(prose: string, spans: Span[]): Block[] {
    const old = this.blocks
    const next: Block[] = new Array<Block>(spans.length)
    const textOf = (span: Span) => prose.slice(span.start, span.end)
    const max = Math.min(spans.length, old.length)
    let head = 0
    while (head < max && old[head]!.start === spans[head]!.start && old[head]!.text === textOf(spans[head]!)) {
      next[head] = old[head]!
      head++
    }

    let tail = 0
    while (
      tail < max - head &&
      old[old.length - 1 - tail]!.first === (spans.length - 1 - tail === 0) &&
      old[old.length - 1 - tail]!.text === textOf(spans[spans.length - 1 - tail]!)
    ) {
      next[spans.length - 1 - tail] = old[old.length - 1 - tail]!
      tail++
    }

    const pool = new Map<string, Block[]>()
    const key = (text: string, first: boolean) => (first ? '\u0000' : '') + text
    for (const block of old.slice(head, old.length - tail)) {
      const same = pool.get(key(block.text, block.first))
      if (same) same.push(block)
      else pool.set(key(block.text, block.first), [block])
    }

    for (let index = head; index < spans.length - tail; index++) {
      const text = textOf(spans[index]!)
      next[index] = pool.get(key(text, index === 0))?.pop() ?? this.parseBlock(text, index === 0)
    }

    for (let index = 0; index < spans.length; index++) next[index]!.start = spans[index]!.start
    this.blocks = next
    return next
  }

  private parseBlock(text: string, first: boolean): Block {
    const {prose, nodes, findings, words} = lintBlock(text, first, this.path, this.format, this.processors.paragraph)
    return {text, prose, start: 0, first, nodes, base: {offset: 0, line: 1, column: 1}, findings, words}
  }
}

/**
 * Parse one block (or a run of blocks) on its own and run the
 * paragraph-scope rules on it: nodes, prose view and findings counted from
 * the block's start, as they are in the whole text.
 */
export function lintBlock(
  text: string,
  first: boolean,
  path: string,
  format: InputFormat,
  processor: AnyProcessor
): {prose: string; nodes: RootContent[]; findings: Finding[]; words: number} {
  // Blocks after the first are parsed behind a guard sentence: in the whole
  // text they always follow some sentence, and paragraph plugins of the
  // parser (merging a sentence without words, or one that starts in lower
  // case, into the one before, then splitting again at the blank line)
  // behave differently at the very start of a text.
  const head = first ? '' : guard
  const {tree: parsed, prose} = parseDocument(new VFile({value: head + text, path}), format)
  const nodes = parsed.children.slice(first ? 0 : guardNodes).map((node) => ownPositions(node))
  if (!first) for (const node of nodes) shiftNode(node, guardBase, {offset: 0, line: 1, column: 1})
  const tree: Root = {type: 'RootNode', children: nodes}
  const file = new VFile({value: text, path})
  setProse(file, prose.slice(head.length))
  processor.runSync(tree, file)
  return {
    prose: prose.slice(head.length),
    nodes,
    findings: file.messages.map((message) => toFinding(message as unknown as Message)),
    words: countWords(tree)
  }
}

/** A neutral sentence and a blank line put before each block when it is parsed (see `parseBlock`). */
const guard = 'Guard.\n\n'
const guardBase: Base = {offset: guard.length, line: 3, column: 1}
/** The guard's paragraph and the blank line after it. */
const guardNodes = 2

/** The document's prose view: blocks' views joined by the white space between them (never masked). */
function proseView(text: string, blocks: readonly Block[]): string {
  let prose = ''
  let previousEnd = 0
  for (const block of blocks) {
    prose += text.slice(previousEnd, block.start) + block.prose
    previousEnd = block.start + block.text.length
  }

  return prose + text.slice(previousEnd)
}

/** Document findings of an older text moved into the new one: kept before the edit, shifted after it, dropped inside it. */
function carryOver(last: {prose: string; findings: Finding[]}, prose: string, point: (offset: number) => Point): Finding[] {
  const old = last.prose
  const limit = Math.min(old.length, prose.length)
  let prefix = 0
  while (prefix < limit && old.charCodeAt(prefix) === prose.charCodeAt(prefix)) prefix++
  let suffix = 0
  while (suffix < limit - prefix && old.charCodeAt(old.length - 1 - suffix) === prose.charCodeAt(prose.length - 1 - suffix)) suffix++
  const changedEnd = old.length - suffix
  const delta = prose.length - old.length
  const moved: Finding[] = []
  for (const finding of last.findings) {
    if (finding.end.offset <= prefix) moved.push(finding)
    else if (finding.start.offset >= changedEnd) moved.push(shiftFinding(finding, delta, point))
  }

  return moved
}

/** A block-relative finding moved to where the block now starts. */
export function shiftFinding(finding: Finding, start: number, point: (offset: number) => Point): Finding {
  const shifted: Finding = {
    ...finding,
    start: point(finding.start.offset + start),
    end: point(finding.end.offset + start)
  }
  if (finding.related) {
    shifted.related = finding.related.map((place) => ({
      message: place.message,
      start: point(place.start.offset + start),
      end: point(place.end.offset + start)
    }))
  }

  return shifted
}

/** Build the root from the blocks, shifting each block's nodes to where it now is. */
function assemble(prose: string, blocks: readonly Block[], format: InputFormat): Root {
  const children: RootContent[] = []
  // Lines and columns of block starts, counted in one pass over the text.
  let line = 1
  let lineStart = 0
  let counted = 0
  const at = (offset: number): Base => {
    for (let index = counted; index < offset; index++) {
      const code = prose.charCodeAt(index)
      if (code === 10 || (code === 13 && prose.charCodeAt(index + 1) !== 10)) {
        line++
        lineStart = index + 1
      }
    }

    counted = offset
    return {offset, line, column: offset - lineStart + 1}
  }

  let previousEnd = 0
  for (const block of blocks) {
    if (block.start > previousEnd) children.push(format === 'markdown' ? lineEndingNode(prose, previousEnd, block.start, at) : whiteSpaceNode(prose, at(previousEnd), at(block.start)))
    const base = at(block.start)
    if (base.offset !== block.base.offset || base.line !== block.base.line || base.column !== block.base.column) {
      for (const node of block.nodes) shiftNode(node, block.base, base)
      block.base = base
    }

    children.push(...block.nodes)
    previousEnd = block.start + block.text.length
  }

  if (prose.length > previousEnd) children.push(whiteSpaceNode(prose, at(previousEnd), at(prose.length)))
  const root: Root = {type: 'RootNode', children}
  if (children.length > 0) {
    root.position = {start: {...children[0]!.position!.start}, end: {...children.at(-1)!.position!.end}}
  }

  return root
}

/**
 * The white space mdast-util-to-nlcst puts between two blocks: one "\n" per
 * line between the end of the first (before its line break) and the start
 * of the next, at least two, positioned as if it were the text there.
 */
function lineEndingNode(prose: string, from: number, to: number, at: (offset: number) => Base): RootContent {
  const breakAt = from + prose.slice(from, to).search(/\r|\n/)
  const start = at(breakAt)
  const lines = prose.slice(breakAt, to).split(/\r\n|\r|\n/).length - 1
  const value = '\n'.repeat(Math.max(2, lines))
  return {type: 'WhiteSpaceNode', value, position: {start, end: at(breakAt + value.length)}}
}

function whiteSpaceNode(prose: string, start: Base, end: Base): RootContent {
  return {type: 'WhiteSpaceNode', value: prose.slice(start.offset, end.offset), position: {start, end}}
}

type AnyNode = {position?: {start: Base; end: Base}; children?: AnyNode[]}

/** Give every node its own point objects (the parser shares some), so they can be shifted in place. */
function ownPositions<Node>(node: Node): Node {
  const any = node as AnyNode
  if (any.position) any.position = {start: {...any.position.start}, end: {...any.position.end}}
  if (any.children) for (const child of any.children) ownPositions(child)
  return node
}

function shiftNode(node: RootContent, from: Base, to: Base): void {
  const offset = to.offset - from.offset
  const line = to.line - from.line
  const column = to.column - from.column
  const shift = (point: Base) => {
    if (point.line === from.line) point.column += column
    point.line += line
    point.offset += offset
  }

  const walk = (any: AnyNode) => {
    if (any.position) {
      shift(any.position.start)
      shift(any.position.end)
    }

    if (any.children) for (const child of any.children) walk(child)
  }

  walk(node as AnyNode)
}
