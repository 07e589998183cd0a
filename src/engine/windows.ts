/**
 * Long texts linted in windows, so that memory follows the window and not
 * the text: a parse tree costs some 150 bytes per character, the text itself
 * two. The text is cut only at the hard paragraph boundaries of
 * blocks.ts and markdown-blocks.ts (splitBlocks, splitMarkdownBlocks), where the parse of each
 * side alone is the whole parse's, so each window is parsed and checked by
 * the paragraph-scope rules on its own and dropped. Document-scope rules are
 * fed, window by window, what they look across paragraphs at: each
 * paragraph and its sentences (type and position, no words), and run once
 * over that outline and the whole prose view, so their findings are those of
 * a whole-document lint (test/hardening-sizes.test.ts compares the two on
 * generated texts just above the window size).
 */
import type {Paragraph, Root, RootContent, Sentence} from 'nlcst'
import {VFile} from 'vfile'
import type {ResolvedConfig} from './config.js'
import {splitBlocks} from './blocks.js'
import {lintBlock} from './lint-block.js'
import {splitMarkdownBlocks} from './markdown-blocks.js'
import {scopedProcessorsFor, type AnyProcessor} from './processors.js'
import {shiftFinding} from './shift.js'
import {inlineControls} from './inline-control.js'
import {InputLimitError} from './limits.js'
import type {InputFormat} from './parse.js'
import {findingsOf, pointsOf, setGathering, setPause, setProse, type Gathering} from './rule.js'
import {scoreOf} from './score.js'
import type {FileResult, Finding, Point} from './types.js'

/** Characters per window: texts up to this size are linted whole. */
export const defaultWindowSize = 512 * 1024

/**
 * The longest stretch linted in one piece: a paragraph (or a document that
 * cannot be cut: HTML, Markdown with definitions that reach across blocks)
 * longer than this would need gigabytes and is refused instead.
 */
export const maxWholeSize = 4 * 1024 * 1024

/**
 * Lint a long text window by window: the findings, words and score of
 * `lintText`. Undefined when the text cannot be cut (HTML, Markdown the
 * splitter declines): it is linted whole, up to `maxWholeSize`.
 */
export function lintInWindows(
  text: string,
  path: string,
  config: ResolvedConfig,
  format: InputFormat,
  {windowSize = defaultWindowSize, afterWindow}: {windowSize?: number; afterWindow?: () => void} = {}
): FileResult | undefined {
  const controls = inlineControls(text)
  const prose = controls.prose
  const spans = format === 'text' ? splitBlocks(prose) : format === 'markdown' ? splitMarkdownBlocks(prose) : undefined
  if (!spans) return undefined
  const processors = scopedProcessorsFor(config)
  const file = new VFile({value: prose, path})
  const point = pointsOf(file)
  let findings: Finding[] = []
  let words = 0
  const outline: Paragraph[] = []
  const proseParts: string[] = []
  let previousEnd = 0
  let masked = false
  // Document rules that gather from each window's tree (RuleMeta.gathersWindows), for plain text, whose
  // paragraphs they would otherwise parse again as plain text; Markdown keeps that path.
  const gathering: Gathering | undefined = processors.gather && format === 'text' ? {byRule: new Map()} : undefined
  const gather = gathering && {processor: processors.gather!, byRule: gathering.byRule}
  for (const window of windowsOf(spans, windowSize)) {
    if (window.end - window.start > maxWholeSize) {
      const length = window.end - window.start
      throw new InputLimitError(
        `Unexpected paragraph of ${describe(length)} at line ${point(window.start).line}, expected at most ${describe(maxWholeSize)} in one piece (blank lines between paragraphs let a long text be cut)`,
        length,
        maxWholeSize
      )
    }

    const windowText = prose.slice(window.start, window.end)
    const part = lintWindow(windowText, window.start, path, format, processors.paragraph, point, findings, outline, gather)
    words += part.words
    // A window's view is its own copy; where it masks nothing, a slice of the text costs nothing to keep.
    masked ||= part.prose !== windowText
    proseParts.push(prose.slice(previousEnd, window.start), part.prose)
    previousEnd = window.end
    // The window's tree is out of reach here (lintWindow has returned): a collection now does not copy it.
    afterWindow?.()
  }

  if (processors.document) {
    proseParts.push(prose.slice(previousEnd))
    setProse(file, masked ? proseParts.join('') : prose)
    proseParts.length = 0
    // Document rules that parse the outline's paragraphs again let the host collect between windows' worth of them.
    if (afterWindow) setPause(file, afterWindow)
    if (gathering) setGathering(file, gathering)
    processors.document.runSync({type: 'RootNode', children: outline} satisfies Root, file)
    for (const finding of findingsOf(file)) findings.push(finding)
  }

  findings = controls.filter(findings)
  findings.sort((a, b) => a.start.offset - b.start.offset || a.end.offset - b.end.offset || a.ruleId.localeCompare(b.ruleId))
  const {score, penalty} = scoreOf(findings, words, config.weights)
  return {path, words, score, penalty, findings}
}

/**
 * One window parsed and checked by the paragraph-scope rules: its findings
 * (moved to the whole text) and the outline of its paragraphs go to
 * `findings` and `outline`; its words and prose view are returned. A
 * function of its own so that the window's tree is unreachable once it
 * returns, before the host collects (a collection that still reaches it
 * marks some 60 MB per window for nothing).
 */
function lintWindow(
  windowText: string,
  start: number,
  path: string,
  format: InputFormat,
  processor: AnyProcessor,
  point: (offset: number) => Point,
  findings: Finding[],
  outline: Paragraph[],
  gather: {processor: AnyProcessor; byRule: Map<string, unknown[]>} | undefined
): {words: number; prose: string} {
  const block = lintBlock(windowText, start === 0, path, format, processor)
  for (const finding of block.findings) findings.push(shiftFinding(finding, start, point))
  for (const node of block.nodes) if (node.type === 'ParagraphNode') outline.push(outlineOf(node, start, point))
  if (gather) {
    // The gathering rules run on the tree the paragraph rules ran on, so they share its cached views.
    const file = new VFile({value: windowText, path})
    setProse(file, block.prose)
    setGathering(file, {byRule: gather.byRule, windowStart: start})
    gather.processor.runSync(block.tree, file)
  }

  // Where the view masks nothing, the window's own text (a slice of the prose) is kept instead of the copy.
  return {words: block.words, prose: block.prose === windowText ? windowText : block.prose}
}

/** Consecutive blocks joined while they fit in `size` characters; a longer block is a window of its own. */
function* windowsOf(spans: ReadonlyArray<{start: number; end: number}>, size: number): Generator<{start: number; end: number}> {
  let window: {start: number; end: number} | undefined
  for (const span of spans) {
    if (window && span.end - window.start > size) {
      yield window
      window = undefined
    }

    if (window) window.end = span.end
    else window = {...span}
  }

  if (window) yield window
}

/** A paragraph as document rules see it in a windowed lint: its sentences, positioned in the whole text, without their words. */
function outlineOf(paragraph: Paragraph, base: number, point: (offset: number) => Point): Paragraph {
  const at = (node: RootContent | Paragraph) => ({start: point(node.position!.start.offset! + base), end: point(node.position!.end.offset! + base)})
  const sentences = paragraph.children.filter((child): child is Sentence => child.type === 'SentenceNode')
  return {type: 'ParagraphNode', position: at(paragraph), children: sentences.map((sentence) => ({type: 'SentenceNode', position: at(sentence), children: []}))}
}

/** A text that is linted whole must not be longer than `maxWholeSize`. */
export function checkWholeSize(text: string, format: InputFormat): void {
  if (text.length <= maxWholeSize) return
  const why = format === 'html' ? 'HTML' : format === 'markdown' ? 'Markdown with front matter, definitions or HTML blocks' : 'a text'
  throw new InputLimitError(`Unexpected ${describe(text.length)} of ${why}, which cannot be cut at paragraphs, expected at most ${describe(maxWholeSize)}`, text.length, maxWholeSize)
}

function describe(characters: number): string {
  return characters >= 1024 * 1024 ? `${(characters / 1024 / 1024).toFixed(1)} M characters` : `${characters} characters`
}
