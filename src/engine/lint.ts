/**
 * The engine: one retext-english parse per file, shared by every enabled
 * rule, then findings -> score.
 */
import {VFile} from 'vfile'
import type {ResolvedConfig} from './config.js'
import {inlineControls} from './inline-control.js'
import {formatOf, parseDocument, type InputFormat} from './parse.js'
import {processorFor} from './processors.js'
import {setTagging, type Tagging} from './pos.js'
import {countWords} from './findings.js'
import {findingsOf, setProse, setRuleTimeHook, type RuleTimeHook} from './rule.js'
import {scoreOf} from './score.js'
import type {FileResult, Finding} from './types.js'
import {checkWholeSize, defaultWindowSize, lintInWindows} from './windows.js'

/** Hooks and settings of one run that do not change its findings (the bench's timing, another tagger). */
export interface LintOptions extends Tagging {
  onRuleTime?: RuleTimeHook
  /** With `onRuleTime`: called before each rule starts (the growth benchmark collects garbage there, so a rule is not charged for the parse's). */
  beforeRule?: (id: string) => void
  /** With `onRuleTime`: called when each rule's work ends, inside its time (the growth benchmark charges a rule the collection of what it left). */
  afterRule?: (id: string) => void
  /** With `onRuleTime`: called when a shared view of the whole file (tokens, sentences, quotes) is built, inside the view's time (the growth benchmark charges a view the collection of what it built). */
  afterView?: () => void
  /** With `onRuleTime`: false to time rules by the wall clock only (`cpuMs` and `viewCpuMs` are then 0), without a system call per rule and per sentence tagged (the benchmark's timed lint). */
  ruleTimeCpu?: boolean
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
  if (options.onRuleTime) setRuleTimeHook(file, {onRuleTime: options.onRuleTime, beforeRule: options.beforeRule, afterRule: options.afterRule, afterView: options.afterView, cpu: options.ruleTimeCpu})
  if (options.tagger || options.onTag) setTagging(tree, options)
  processor.runSync(tree, file)

  const findings = controls.filter(findingsOf(file))
  findings.sort((a, b) => a.start.offset - b.start.offset || a.end.offset - b.end.offset || a.ruleId.localeCompare(b.ruleId))
  const words = countWords(tree)
  const {score, penalty} = scoreOf(findings, words, config.weights)
  return {path, words, score, penalty, findings}
}
