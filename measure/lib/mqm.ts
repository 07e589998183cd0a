/**
 * Real zh-en machine translation rated by professionals (WMT 2023 MQM):
 * does what mtlint flags coincide with what raters marked? One row per
 * (system, segment, rater); raters are merged per (system, doc, seg_id), and
 * identical target texts share their marks (a span marked on one system's
 * output is just as wrong in another's identical output). Raters mark at most
 * five errors per segment, so an unmarked finding is not proof of a false
 * positive: this is a lower bound on precision.
 */
import type {ResolvedConfig} from '../../src/engine/config.js'
import {lintText} from '../../src/engine/lint.js'
import {severityRank} from '../../src/engine/types.js'
import {contextOf} from './context.js'
import {rangeOf, type Ratio} from './corpus-score.js'
import {rebuildDocuments, type CleanItem} from './datasets.js'
import {overlaps, type Range} from './ranges.js'

export interface MqmRow {
  id: string
  system: string
  doc: string
  seg_id: string
  rater: string
  is_human_translation: boolean
  /** The zh source segment (absent in MLQE-PE and older fixtures). */
  source?: string
  target: string
  errors: Array<{start: number; end: number; text: string; category: string; severity: string}>
  rated_no_error: boolean
  /** nt2020: every span of this rating matched its target exactly (absent in the WMT23 file, where all do). */
  all_offsets_exact?: boolean
}

interface MarkedSpan extends Range {
  category: string
  severity: string
}

export interface MqmSegment {
  key: string
  system: string
  doc: string
  segId: string
  target: string
  /** The source segment opens with a closing quotation mark: see CleanItem.closesPrevious. */
  closesPrevious?: boolean
  /** The source segment is a line of its own (it ends in a word, with no mark): see CleanItem.endsParagraph. */
  endsParagraph?: boolean
  spans: MarkedSpan[]
  /**
   * False when no rater's spans could be placed exactly on this target
   * (nt2020; the spans of such ratings are dropped): the segment is linted
   * with its document, so a quotation or a term across segments is seen
   * whole, but its findings are not scored.
   */
  scored?: boolean
}

/**
 * The source cut a quotation after its full stop and opens with the closing
 * mark (`”来自广东的...`), and the MT kept a straight mark there, set off
 * from the next word (`" said Fangfang`): it closes the segment before, like
 * a `”` (datasets.ts). A mark glued to the next word (`"Rios said`) is left
 * to the space join: which side its missing space belongs on, the text does
 * not say.
 */
function sourceClosesPrevious(source: string | undefined, target: string): boolean {
  return source !== undefined && /^[”」』]/u.test(source) && /^"(?=$|[\s—–-])/u.test(target)
}

/** A source segment that ends in a word, with no mark at all, is a line of its own (`...下周启动-中新网`, `新华社评论员`). */
const endsInWord = /[\p{L}\p{N}]\s*$/u

/** Merge raters: one segment per (system, doc, seg_id), with every span any rater marked on that target text (nt2020: only ratings whose spans all matched exactly). */
export function mergeRaters(rows: readonly MqmRow[]): MqmSegment[] {
  const spansByTarget = new Map<string, MarkedSpan[]>()
  const segments = new Map<string, MqmSegment>()
  for (const row of rows) {
    let spans = spansByTarget.get(row.target)
    if (!spans) spansByTarget.set(row.target, (spans = []))
    const exact = row.all_offsets_exact !== false
    for (const error of exact ? row.errors : []) {
      // Skip spans that another rater already marked identically; overlapping different spans are all kept.
      if (!spans.some((span) => span.start === error.start && span.end === error.end && span.category === error.category)) {
        spans.push({start: error.start, end: error.end, category: error.category, severity: error.severity})
      }
    }

    const key = `${row.system}/${row.doc}/${row.seg_id}`
    const segment = segments.get(key)
    if (!segment) segments.set(key, {key, system: row.system, doc: row.doc, segId: row.seg_id, target: row.target, closesPrevious: sourceClosesPrevious(row.source, row.target), endsParagraph: row.source !== undefined && endsInWord.test(row.source), spans, scored: exact})
    else if (exact) segment.scored = true
  }

  return [...segments.values()]
}

export interface MqmExample {
  segment: string
  context: string
  /** Categories of the marked spans the finding overlaps; empty when unmarked. */
  marked: string[]
}

export interface MqmRuleResult {
  ruleId: string
  /** hits: findings overlapping a marked span; total: all findings. */
  precision: Ratio
  /** The same for findings of severity minor and above (the ones the acceptance counts). */
  minorPlus: Ratio
  /**
   * Chance level of `minorPlus.hits`: the hits the same minor+ findings would
   * expect at a random offset of the segment they start in (a long finding
   * meets a span by chance more often).
   */
  minorPlusChance: number
  /** Findings in segments where no rater marked anything. */
  inUnmarkedSegments: number
  /** MQM categories of the spans this rule's findings overlap. */
  categories: Record<string, number>
  examples: MqmExample[]
}

export interface MqmCategoryResult {
  category: string
  spans: number
  /** Spans overlapped by at least one finding (which categories of rater-marked errors mtlint reaches at all). */
  reached: number
  /** Spans overlapped by at least one finding of severity minor or above. */
  reachedMinorPlus: number
}

/** The MQM categories the acceptance calls fluency spans. */
export const fluencyCategories: readonly string[] = ['fluency/punctuation', 'fluency/grammar', 'fluency/spelling']

/** Fluency spans (punctuation, grammar, spelling) overlapped by a minor+ finding. */
export function fluencyRecall(result: MqmResult): Ratio {
  const fluency = result.categories.filter((category) => fluencyCategories.includes(category.category))
  return {hits: fluency.reduce((sum, category) => sum + category.reachedMinorPlus, 0), total: fluency.reduce((sum, category) => sum + category.spans, 0)}
}

/** Minor+ findings that overlap a marked span. */
export function minorPlusPrecision(result: MqmResult): Ratio {
  return {hits: result.rules.reduce((sum, rule) => sum + rule.minorPlus.hits, 0), total: result.rules.reduce((sum, rule) => sum + rule.minorPlus.total, 0)}
}

export interface MqmResult {
  systems: number
  segments: number
  words: number
  findings: number
  rules: MqmRuleResult[]
  categories: MqmCategoryResult[]
}

/** The share of the offsets of a segment where a range of this length meets one of its spans. */
export function chanceOfSpan(segment: MqmSegment, length: number): number {
  const places = segment.target.length - length + 1
  if (places <= 0 || segment.spans.length === 0) return segment.spans.length === 0 ? 0 : 1
  let meets = 0
  for (let start = 0; start < places; start++) if (segment.spans.some((span) => overlaps({start, end: start + length}, span))) meets++
  return meets / places
}

/** Minor+ hits expected by chance, over all rules (see MqmRuleResult.minorPlusChance). */
export function minorPlusChance(result: MqmResult): number {
  return result.rules.reduce((sum, rule) => sum + rule.minorPlusChance, 0)
}

/** The rated segments as items of rebuilt documents, one document per (system, doc). */
export function mqmItems(segments: readonly MqmSegment[]): CleanItem[] {
  return segments.map((segment) => ({
    id: segment.key,
    text: segment.target,
    kind: 'mt',
    dataset: segment.system,
    doc: segment.doc,
    seg_id: segment.segId,
    ...(segment.closesPrevious ? {closesPrevious: true} : {}),
    ...(segment.endsParagraph ? {endsParagraph: true} : {})
  }))
}

/** Lint each (system, doc) as one rebuilt document, so quotes and spellings are checked across segments. */
export function evaluateMqm(segments: readonly MqmSegment[], config: ResolvedConfig, examplesPerRule = 4): MqmResult {
  const byId = new Map(segments.map((segment) => [segment.key, segment]))
  const items = mqmItems(segments)
  const rules = new Map<string, MqmRuleResult>()
  const reached = new Set<MarkedSpan>()
  const reachedMinorPlus = new Set<MarkedSpan>()
  let words = 0
  let findingCount = 0
  for (const document of rebuildDocuments(items)) {
    const result = lintText(document.text, document.id, config)
    words += result.words
    for (const finding of result.findings) {
      const range = rangeOf(finding)
      const place = document.segments.find((segment) => range.start >= segment.start && range.start <= segment.end)
      const segment = place ? byId.get(place.id) : undefined
      if (segment?.scored === false) continue
      findingCount++
      let rule = rules.get(finding.ruleId)
      if (!rule) rules.set(finding.ruleId, (rule = {ruleId: finding.ruleId, precision: {hits: 0, total: 0}, minorPlus: {hits: 0, total: 0}, minorPlusChance: 0, inUnmarkedSegments: 0, categories: {}, examples: []}))
      rule.precision.total++
      // A finding that runs over the join into the next segment (`Acosta. Acosta,`) is judged against the spans of every segment it covers, each in that segment's offsets.
      const covered = document.segments.filter((other) => other === place || (range.start < other.end && other.start < range.end))
      const marked = covered.flatMap((other) => {
        const local = {start: range.start - other.start, end: range.end - other.start}
        return (byId.get(other.id)?.spans ?? []).filter((span) => overlaps(local, span))
      })
      if (marked.length > 0) rule.precision.hits++
      const minorPlus = severityRank(finding.severity) >= severityRank('minor')
      if (minorPlus) {
        rule.minorPlus.total++
        if (segment && place) rule.minorPlusChance += chanceOfSpan(segment, Math.min(range.end, place.end) - range.start)
        if (marked.length > 0) rule.minorPlus.hits++
      }

      if (segment && segment.spans.length === 0) rule.inUnmarkedSegments++
      for (const span of marked) {
        reached.add(span)
        if (minorPlus) reachedMinorPlus.add(span)
      }
      for (const category of new Set(marked.map((span) => span.category))) rule.categories[category] = (rule.categories[category] ?? 0) + 1
      // Keep a few of each outcome, so both hits and misses can be read.
      const sameOutcome = rule.examples.filter((example) => (example.marked.length > 0) === (marked.length > 0)).length
      if (sameOutcome < examplesPerRule / 2) {
        rule.examples.push({segment: place?.id ?? document.id, context: contextOf(document.text, range), marked: [...new Set(marked.map((span) => span.category))]})
      }
    }
  }

  const categories = new Map<string, MqmCategoryResult>()
  const seen = new Set<MarkedSpan>()
  for (const segment of segments) {
    if (segment.scored === false) continue
    for (const span of segment.spans) {
      // Segments with identical targets share one span list: count each span once.
      if (seen.has(span)) continue
      seen.add(span)
      let category = categories.get(span.category)
      if (!category) categories.set(span.category, (category = {category: span.category, spans: 0, reached: 0, reachedMinorPlus: 0}))
      category.spans++
      if (reached.has(span)) category.reached++
      if (reachedMinorPlus.has(span)) category.reachedMinorPlus++
    }
  }

  return {
    systems: new Set(segments.map((segment) => segment.system)).size,
    segments: segments.length,
    words,
    findings: findingCount,
    rules: [...rules.values()].sort((a, b) => a.ruleId.localeCompare(b.ruleId)),
    categories: [...categories.values()].sort((a, b) => b.spans - a.spans)
  }
}
