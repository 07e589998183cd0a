/**
 * The rule wrapper, after unified-lint-rule: a rule is a retext plugin whose
 * check only finds artifacts; this wrapper owns everything that is the same
 * for every rule (severity and options, rule id, source, category, url) so
 * that no rule sets those fields itself.
 */
import type {Root} from 'nlcst'
import type {Plugin} from 'unified'
import type {VFile} from 'vfile'
import {location} from 'vfile-location'
import {dimensionOf} from './dimensions.js'
import {makeFinding, type ExpectedFinding} from './check.js'
import type {Category, Finding, Point, Severity} from './types.js'

export const docsBase = 'https://github.com/mtlint/mtlint/blob/main/docs/rules/'

/** Formats an example is not rerun in (the generic test reruns every text example as `.md` and `.html`), each with the reason. */
export interface ExampleSkip {
  md?: string
  html?: string
}

/** One example sentence of a rule: the spec, the test and the docs at once. */
export interface BadExample {
  /** A real sentence (or document) that must make the rule fire. */
  text: string
  /** Every finding the rule makes on `text`, in order, exactly. */
  findings: ExpectedFinding[]
  /** The text after applying the first finding's `fix` (omit when the rule offers no fix). */
  fixed?: string
  /** Rule options for this example. */
  options?: Record<string, unknown>
  skip?: ExampleSkip
}

export interface GoodExample {
  /** A real sentence (or document) on which the rule must stay quiet. */
  text: string
  /** Why it is correct (shown in the docs). */
  why?: string
  options?: Record<string, unknown>
  skip?: ExampleSkip
}

export interface RuleMeta {
  /** Kebab-case id: also the file name and the config key. */
  id: string
  category: Category
  severity: Severity
  /** One sentence, for the docs and `mtlint rules`. */
  description: string
  /**
   * `paragraph` (the default): findings depend only on the paragraph they are
   * in, so an editor may re-lint just the paragraphs that changed.
   * `document`: the rule looks across paragraphs (term consistency, a quotation
   * continued in the next paragraph) and must see the whole text.
   */
  scope?: 'paragraph' | 'document'
  /**
   * A document rule that needs the words of some paragraphs: on a long text
   * linted in windows (windows.ts), where its own run gets an outline
   * without words, it also runs on each window's tree while that tree
   * exists, with `window` in its context, to gather what it needs; its run
   * on the outline then gets the gathered items as `gathered` instead of
   * parsing paragraphs again.
   */
  gathersWindows?: boolean
  /** JSON schema of the rule's options object (validated when the config is loaded). */
  optionsSchema?: Record<string, unknown>
  examples: {bad: BadExample[]; good: GoodExample[]}
}

export interface Report {
  /** Offsets into the file's text (end exclusive). */
  start: number
  end: number
  message: string
  /** Fix candidates, best first; '' deletes. */
  expected?: string[]
  /** Whether `expected[0]` may be applied automatically by `--fix`. */
  safe?: boolean
  related?: Array<{start: number; end: number; message: string}>
  /**
   * The finding's shape lacks the evidence for the rule's severity (its own
   * measured precision is lower: reports/rule-precision.md, "Shapes reported
   * at info"): it is reported at `info` whatever severity the rule runs at.
   */
  tentative?: boolean
}

export interface RuleContext<Options> {
  tree: Root
  /**
   * The file's prose view: the whole text with the same offsets, where
   * markup, code, URLs and e-mail addresses are masked by U+FFFC (see parse.ts).
   */
  text: string
  options: Options
  report: (report: Report) => void
  /**
   * For a document rule that works through a long text piece by piece (a
   * windowed lint's outline): call it between pieces of about a window each,
   * so that the host can collect garbage there as between windows.
   */
  pause: () => void
  /**
   * Set when a `gathersWindows` rule runs on one window of a long text (the
   * tree and text are the window's, offsets counted from its start): where
   * the window starts in the whole text, and the list its items go to. Such a
   * run reports nothing.
   */
  window?: {start: number; gathered: unknown[]}
  /** In the run of a `gathersWindows` rule on a windowed lint's outline: the items its runs on the windows gathered, in order. */
  gathered?: readonly unknown[]
  /**
   * Whether the tree starts where the text starts: false for a block or a
   * window after the first (incremental and windowed lints), whose first
   * sentence follows other text ("the text's first sentence may be a headline").
   */
  opensText: boolean
}

export type Check<Options> = (context: RuleContext<Options>) => void

export interface RuleSettings {
  severity: Severity
  options: Record<string, unknown>
}

export interface Rule {
  meta: RuleMeta
  plugin: Plugin<[RuleSettings], Root>
}

/** The prose view rules match against; the file itself when the engine set none (plain text). */
export function proseOf(file: VFile): string {
  return (file.data as {mtlintProse?: string}).mtlintProse ?? String(file)
}

export function setProse(file: VFile, prose: string): void {
  ;(file.data as {mtlintProse?: string}).mtlintProse = prose
}

/** Mark a file as a block or window that other text comes before (RuleContext.opensText). */
export function setContinues(file: VFile): void {
  ;(file.data as {mtlintContinues?: boolean}).mtlintContinues = true
}

const noPause = () => {}

/**
 * What the `gathersWindows` rules of one windowed lint gathered, by rule id
 * (see RuleMeta.gathersWindows): on each window's file with `windowStart`
 * set, on the outline's file without.
 */
export interface Gathering {
  byRule: Map<string, unknown[]>
  windowStart?: number
}

/** Mark a file as one window of a windowed lint (`windowStart`) or as its outline (undefined), sharing `byRule`. */
export function setGathering(file: VFile, gathering: Gathering): void {
  ;(file.data as {mtlintGathering?: Gathering}).mtlintGathering = gathering
}

function gatheredFor(gathering: Gathering, id: string): unknown[] {
  let items = gathering.byRule.get(id)
  if (!items) gathering.byRule.set(id, (items = []))
  return items
}

/** The host's hook between pieces of a document rule's work (see RuleContext.pause). */
export function setPause(file: VFile, pause: () => void): void {
  ;(file.data as {mtlintPause?: () => void}).mtlintPause = pause
}

/**
 * The findings the rules left on the file, in the order they reported them.
 * A rule's report becomes a finding at once rather than a vfile message (an
 * Error with some twenty fields and a position string) turned into a finding
 * at the end: on a text with tens of thousands of findings both were held
 * until the end, and the garbage collector copied them over and over.
 */
export function findingsOf(file: VFile): Finding[] {
  const data = file.data as {mtlintFindings?: Finding[]}
  return (data.mtlintFindings ??= [])
}

/**
 * One string per distinct message, flagged text and fix in a file. A rule
 * that fires thousands of times mostly repeats a few (`Unexpected doubled
 * \`““\``), and each finding held its own copy, built by concatenation as
 * a chain of string pieces, which every collection of the young generation
 * copied again, finding by finding.
 */
function internerOf(file: VFile): (value: string) => string {
  const data = file.data as {mtlintStrings?: Map<string, string>}
  const strings = (data.mtlintStrings ??= new Map())
  return (value) => {
    const known = strings.get(value)
    if (known !== undefined) return known
    strings.set(value, value)
    return value
  }
}

/** Offset -> 1-based line/column, computed once per file and shared by every rule. */
export function pointsOf(file: VFile): (offset: number) => Point {
  const data = file.data as {mtlintPoint?: (offset: number) => Point}
  if (!data.mtlintPoint) {
    const place = location(file)
    const length = String(file).length
    data.mtlintPoint = (offset) => {
      const clamped = Math.max(0, Math.min(offset, length))
      const point = place.toPoint(clamped)
      // `toPoint` is undefined only past the end; the end of the text is its last point.
      return point
        ? {offset: clamped, line: point.line, column: point.column}
        : {offset: clamped, ...endPoint(String(file))}
    }
  }

  return data.mtlintPoint
}

function endPoint(text: string): {line: number; column: number} {
  const lastBreak = text.lastIndexOf('\n')
  const line = text.split('\n').length
  return {line, column: text.length - lastBreak}
}

/**
 * The linter's `onRuleTime` option, kept on the file for the run: milliseconds
 * spent in each rule (as ESLint's TIMING), wall and CPU time of the process
 * (on a shared machine wall time also counts the wait for a core). A shared
 * view (tokens, sentences, tags, quotes) is built inside the first rule that
 * asks for it: `viewCpuMs` is the part of `cpuMs` spent building views, so
 * that a benchmark can charge them to the views and not to that rule.
 */
export type RuleTimeHook = (id: string, ms: number, cpuMs: number, viewCpuMs: number) => void

interface RuleTiming {
  onRuleTime: RuleTimeHook
  /** Called before each rule starts, outside its time (the growth benchmark collects garbage there). */
  beforeRule?: (id: string) => void
  /** Called when each rule's work ends, inside its time (the growth benchmark collects the rule's garbage there). */
  afterRule?: (id: string) => void
  /** Called when a shared view of the whole file is built, inside the view's time. */
  afterView?: () => void
  /**
   * False: rules are timed by the wall clock only, and the hook gets 0 for
   * `cpuMs` and `viewCpuMs`. process.cpuUsage is a system call, and the
   * tags view, built a sentence at a time, made two per sentence tagged:
   * a stopwatch that cost the benchmark's timed lint some of its own time.
   */
  cpu?: boolean
}

function cpuMs(): number {
  const used = process.cpuUsage()
  return (used.user + used.system) / 1000
}

export function setRuleTimeHook(file: VFile, timing: RuleTiming): void {
  ;(file.data as {mtlintRuleTiming?: RuleTiming}).mtlintRuleTiming = timing
}

/** While a timed rule runs: the CPU ms its shared views took so far, whether a view is being built (views nest), the hook after a view. */
let viewClock: {cpuMs: number; building: boolean; cpu: boolean; afterView?: () => void} | undefined

/**
 * Build a shared view; inside a timed rule its CPU time is counted apart (see
 * RuleTimeHook). `perFile`: the view is built once per file (tokens,
 * sentences, quotes), not piece by piece (one sentence's tags), so the
 * afterView hook runs after it.
 */
export function timedView<T>(build: () => T, perFile = true): T {
  const clock = viewClock
  if (!clock || clock.building) return build()
  if (!clock.cpu) {
    const built = build()
    if (perFile) clock.afterView?.()
    return built
  }

  clock.building = true
  const cpu = cpuMs()
  try {
    const built = build()
    if (perFile) clock.afterView?.()
    return built
  } finally {
    clock.cpuMs += cpuMs() - cpu
    clock.building = false
  }
}

export function defineRule<Options extends Record<string, unknown> = Record<string, unknown>>(
  meta: RuleMeta,
  check: Check<Options>
): Rule {
  const identity = {id: meta.id, category: meta.category, dimension: dimensionOf[meta.category], url: docsBase + meta.id + '.md'}
  const plugin: Plugin<[RuleSettings], Root> = function (settings) {
    return function (tree, file) {
      const text = String(file)
      const prose = proseOf(file)
      const point = pointsOf(file)
      const findings = findingsOf(file)
      const intern = internerOf(file)
      const pause = (file.data as {mtlintPause?: () => void}).mtlintPause ?? noPause
      const report = (found: Report) => {
        // A span over markup (emphasis, a link and its target, a decoded entity) is prose only in the view: a fix written
        // for the view would overwrite the markup in the file ("*the* the" -> "*the"), so the finding offers none.
        const overMarkup = prose !== text && prose.slice(found.start, found.end) !== text.slice(found.start, found.end)
        findings.push(
          makeFinding(identity, found.tentative ? 'info' : settings.severity, {
            message: intern(found.message),
            start: point(found.start),
            end: point(found.end),
            actual: intern(text.slice(found.start, found.end)),
            expected: overMarkup ? undefined : found.expected?.map(intern),
            safe: found.safe && !overMarkup,
            related: found.related?.map((place) => ({message: place.message, start: point(place.start), end: point(place.end)}))
          })
        )
      }

      const gathering = (file.data as {mtlintGathering?: Gathering}).mtlintGathering
      const window = gathering?.windowStart === undefined ? undefined : {start: gathering.windowStart, gathered: gatheredFor(gathering, meta.id)}
      const gathered = gathering && gathering.windowStart === undefined ? gatheredFor(gathering, meta.id) : undefined
      const opensText = (file.data as {mtlintContinues?: boolean}).mtlintContinues !== true
      const context: RuleContext<Options> = {tree, text: prose, options: settings.options as Options, report, pause, window, gathered, opensText}
      const timing = (file.data as {mtlintRuleTiming?: RuleTiming}).mtlintRuleTiming
      if (!timing) return check(context)
      timing.beforeRule?.(meta.id)
      const clock = {cpuMs: 0, building: false, cpu: timing.cpu !== false, afterView: timing.afterView}
      viewClock = clock
      const start = performance.now()
      const cpu = clock.cpu ? cpuMs() : 0
      try {
        check(context)
        timing.afterRule?.(meta.id)
      } finally {
        viewClock = undefined
      }

      timing.onRuleTime(meta.id, performance.now() - start, clock.cpu ? cpuMs() - cpu : 0, clock.cpuMs)
    }
  }

  return {meta, plugin}
}
