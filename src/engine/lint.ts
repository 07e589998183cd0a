/**
 * The engine: one retext-english parse per file, shared by every enabled
 * rule, then messages -> findings -> score.
 */
import type {Root, Paragraph, Sentence} from 'nlcst'
import {VFile} from 'vfile'
import {makeFinding} from './check.js'
import type {ResolvedConfig} from './config.js'
import {inlineControls} from './inline-control.js'
import {formatOf, parseDocument, type InputFormat} from './parse.js'
import {processorFor} from './processors.js'
import {setTagging, type Tagging} from './pos.js'
import {setProse, setRuleTimeHook, type MtlintMessageFields, type RuleTimeHook} from './rule.js'
import {scoreOf} from './score.js'
import type {FileResult, Finding} from './types.js'
import {checkWholeSize, defaultWindowSize, lintInWindows} from './windows.js'

/** Hooks and settings of one run that do not change its findings (the bench's timing, another tagger). */
export interface LintOptions extends Tagging {
  onRuleTime?: RuleTimeHook
  /** Characters per window for long texts (src/engine/windows.ts); for tests, which cut small windows. */
  windowSize?: number
  /** Called after each window of a long text: the CLI collects garbage there (src/cli/heap.ts). */
  afterWindow?: () => void
}

/**
 * Lint one text with the rules the configuration carries (see createLinter).
 * `path` labels the result and, by its extension, picks the input format
 * (Markdown and HTML are parsed as such; anything else is text).
 */
export function lintText(
  text: string,
  path: string,
  config: ResolvedConfig,
  format: InputFormat = formatOf(path),
  options: LintOptions = {}
): FileResult {
  const measured = options.onRuleTime || options.tagger || options.onTag
  if (text.length > (options.windowSize ?? defaultWindowSize) && !measured) {
    const windowed = lintInWindows(text, path, config, format, options)
    if (windowed) return windowed
    checkWholeSize(text, format)
  }

  const processor = processorFor(config)
  // Inline `<!-- mtlint-disable ... -->` comments are blanked before parsing and honoured after.
  const controls = inlineControls(text)
  const file = new VFile({value: controls.prose, path})
  const {tree, prose} = parseDocument(file, format)
  setProse(file, prose)
  if (options.onRuleTime) setRuleTimeHook(file, options.onRuleTime)
  if (options.tagger || options.onTag) setTagging(tree, options)
  processor.runSync(tree, file)

  const findings = controls.filter(file.messages.map((message) => toFinding(message as unknown as Message)))
  findings.sort((a, b) => a.start.offset - b.start.offset || a.end.offset - b.end.offset || a.ruleId.localeCompare(b.ruleId))
  const words = countWords(tree)
  const {score, penalty} = scoreOf(findings, words, config.weights)
  return {path, words, score, penalty, findings}
}

export type Message = MtlintMessageFields & {
  reason: string
  ruleId: string
  url: string
  actual: string
  expected: string[]
}

export function toFinding(message: Message): Finding {
  const check = {id: message.ruleId, category: message.category, dimension: message.dimension, url: message.url}
  return makeFinding(check, message.severity, {
    message: message.reason,
    start: message.startPoint,
    end: message.endPoint,
    actual: message.actual,
    expected: message.expected,
    safe: message.safe,
    related: message.related
  })
}

/** Words as MQM counts them: word tokens of the parse (numbers included). */
export function countWords(tree: Root): number {
  let words = 0
  for (const paragraph of tree.children) {
    if (paragraph.type !== 'ParagraphNode') continue
    for (const sentence of (paragraph as Paragraph).children) {
      if (sentence.type !== 'SentenceNode') continue
      for (const child of (sentence as Sentence).children) if (child.type === 'WordNode') words++
    }
  }

  return words
}
