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
import type {Root} from 'nlcst'
import {VFile} from 'vfile'
import {splitBlocks, type Span} from './blocks.js'
import type {ResolvedConfig} from './config.js'
import {inlineControls} from './inline-control.js'
import {lintText} from './lint.js'
import {lintBlock} from './lint-block.js'
import {splitMarkdownBlocks} from './markdown-blocks.js'
import {formatOf, parseDocument, type InputFormat} from './parse.js'
// The editor opens Markdown at any time: its parsers load with the incremental linter.
import './parse-markup.js'
import {scopedProcessorsFor, type ScopedProcessors} from './processors.js'
import {findingsOf, setProse, pointsOf} from './rule.js'
import {scoreOf} from './score.js'
import {assemble, carryOver, ownPositions, shiftFinding, type PlacedBlock} from './shift.js'
import type {FileResult, Finding} from './types.js'

/** One block of the text between hard paragraph boundaries, parsed once. */
interface Block extends PlacedBlock {
  /** The block's prose view (URLs and e-mail addresses masked), as rules see it. */
  prose: string
  /** Parsed as the first block of the text (without the guard, see `parseBlock`). */
  first: boolean
  /** Findings of the paragraph-scope rules, offsets and points relative to the block. */
  findings: Finding[]
  words: number
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
  private readonly processors: ScopedProcessors
  /** Document-scope findings of the last complete lint, and the text they were found in. */
  private lastDocument?: {prose: string; findings: Finding[]}

  constructor(
    readonly config: ResolvedConfig,
    readonly path = '<text>',
    readonly format: InputFormat = formatOf(path)
  ) {
    this.processors = scopedProcessorsFor(config)
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
      const documentFindings = findingsOf(file)
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
    // The parser shares point objects between nodes: the block's are copied once, so that assemble can shift them in place.
    return {text, prose, start: 0, first, nodes: nodes.map((node) => ownPositions(node)), base: {offset: 0, line: 1, column: 1}, findings, words}
  }
}

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
