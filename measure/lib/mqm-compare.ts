/**
 * Source-aware checks against MQM raters (WMT 2023 zh-en): run the numbers,
 * untranslated and entity checks on each (source, MT output) pair and count
 * how many findings overlap a span a rater marked on that target (raters
 * merged per target, as in mqm.ts), and how many overlap an accuracy span.
 * Raters mark at most five errors per segment: a lower bound on precision.
 */
import {entitiesCheck} from '../../src/compare/entity-missing.js'
import {numbersCheck} from '../../src/compare/number-mismatch.js'
import {numberMissingCheck} from '../../src/compare/number-missing.js'
import {untranslatedCheck} from '../../src/compare/untranslated.js'
import {lengthCheck} from '../../src/compare/length-ratio.js'
import {punctuationCheck} from '../../src/compare/punctuation-parity.js'
import type {PairCheck, PairReport} from '../../src/compare/pair-check.js'
import type {Segment} from '../../src/compare/segment.js'
import {contextOf} from './context.js'
import type {Ratio} from './corpus-score.js'
import {rate} from './corpus-score.js'
import {mergeRaters, type MqmRow} from './mqm.js'
import {overlaps} from './ranges.js'

export interface MqmPairRow extends MqmRow {
  source: string
}

export interface PairCheckPrecision {
  checkId: string
  /** Findings overlapping any rater-marked span. */
  precision: Ratio
  /** Findings overlapping a span of an accuracy/* (or non-translation) category. */
  accuracyPrecision: Ratio
  /**
   * Findings on a part of the target (a number, a word) rather than the whole
   * segment (an omission has no place of its own and overlaps any mark).
   */
  located: Ratio
  /** Marked categories the findings overlap. */
  categories: Record<string, number>
  examples: Array<{segment: string; context: string; marked: string[]}>
}

export interface MqmCompareResult {
  segments: number
  checks: PairCheckPrecision[]
  /** Checks outside the acceptance (segment-consistency is left out: the data pairs one source with many systems). */
  others: PairCheckPrecision[]
  /** All three checks together. */
  overall: Ratio
  overallAccuracy: Ratio
}

/** The checks the issue's acceptance names. */
export const evaluatedChecks: readonly PairCheck[] = [numbersCheck, untranslatedCheck, entitiesCheck]
const otherChecks: readonly PairCheck[] = [numberMissingCheck, punctuationCheck, lengthCheck]

const isAccuracy = (category: string) => category.startsWith('accuracy/') || category.startsWith('non-translation')

export function evaluateMqmCompare(
  rows: readonly MqmPairRow[],
  checks: readonly PairCheck[] = evaluatedChecks,
  examplesPerCheck = 4,
  others: readonly PairCheck[] = otherChecks
): MqmCompareResult {
  const sourceOf = new Map(rows.map((row) => [`${row.system}/${row.doc}/${row.seg_id}`, row.source]))
  const merged = mergeRaters(rows)
  const segments: Segment[] = merged.map((segment) => ({id: segment.key, source: sourceOf.get(segment.key) ?? '', target: segment.target, targetStart: 0}))
  const spansOf = new Map(merged.map((segment) => [segment.key, segment.spans]))
  const overall: Ratio = {hits: 0, total: 0}
  const overallAccuracy: Ratio = {hits: 0, total: 0}
  const measure = (check: PairCheck, overall: Ratio, overallAccuracy: Ratio) => {
    const result: PairCheckPrecision = {checkId: check.meta.id, precision: {hits: 0, total: 0}, accuracyPrecision: {hits: 0, total: 0}, located: {hits: 0, total: 0}, categories: {}, examples: []}
    const report = (found: PairReport) => {
      const marked = (spansOf.get(found.segment.id) ?? []).filter((span) => overlaps(found, span))
      const accurate = marked.some((span) => isAccuracy(span.category))
      for (const ratio of [result.precision, overall]) {
        ratio.total++
        if (marked.length > 0) ratio.hits++
      }

      if (found.end - found.start < found.segment.target.length) {
        result.located.total++
        if (marked.length > 0) result.located.hits++
      }

      for (const ratio of [result.accuracyPrecision, overallAccuracy]) {
        ratio.total++
        if (accurate) ratio.hits++
      }

      for (const category of new Set(marked.map((span) => span.category))) result.categories[category] = (result.categories[category] ?? 0) + 1
      const sameOutcome = result.examples.filter((example) => (example.marked.length > 0) === (marked.length > 0)).length
      if (sameOutcome < examplesPerCheck / 2) {
        result.examples.push({segment: found.segment.id, context: contextOf(found.segment.target, found), marked: [...new Set(marked.map((span) => span.category))]})
      }
    }

    check.run({segments, sourceLang: 'zh', report})
    return result
  }

  const results = checks.map((check) => measure(check, overall, overallAccuracy))
  const unused = (): Ratio => ({hits: 0, total: 0})
  return {segments: segments.length, checks: results, others: others.map((check) => measure(check, unused(), unused())), overall, overallAccuracy}
}

/** The eval.md section. */
export function renderMqmCompare(result: MqmCompareResult, file: string, threshold = 0.6): string {
  const percent = (ratio: Ratio) => {
    const value = rate(ratio)
    return value === undefined ? '–' : `${ratio.hits}/${ratio.total} (${Math.round(value * 100)}%)`
  }

  const lines = [
    '## Source-aware checks against MQM raters (zh-en)',
    '',
    `${file}: ${result.segments} machine-translated segments with their Chinese source, raters merged per target. ` +
      'A finding counts when it overlaps a rater-marked span; the accuracy column counts only spans of an accuracy category. ' +
      'Omissions (a missing number or name) span the whole target, so they overlap any mark: the located column leaves them out. ' +
      `Acceptance: at least ${Math.round(threshold * 100)}% of the findings overlap a marked span.`,
    '',
    '| check | on a marked span | on an accuracy span | located findings on a marked span | marked categories |',
    '| --- | --- | --- | --- | --- |',
    ...result.checks.map(
      (check) =>
        `| ${check.checkId} | ${percent(check.precision)} | ${percent(check.accuracyPrecision)} | ${percent(check.located)} | ${Object.entries(check.categories)
          .sort((a, b) => b[1] - a[1])
          .map(([category, count]) => `${category} ${count}`)
          .join(', ')} |`
    ),
    `| all three | ${percent(result.overall)} | ${percent(result.overallAccuracy)} | | |`,
    ...result.others.map((check) => `| ${check.checkId} (not in the acceptance) | ${percent(check.precision)} | ${percent(check.accuracyPrecision)} | ${percent(check.located)} | |`),
    '',
    `Result: ${(rate(result.overall) ?? 0) >= threshold ? 'PASS' : 'FAIL'}.`,
    ''
  ]
  for (const check of result.checks) {
    if (check.examples.length === 0) continue
    lines.push(`Examples of ${check.checkId}:`, '')
    for (const example of check.examples) lines.push(`- ${example.segment} (${example.marked.join(', ') || 'unmarked'}): ${example.context.replaceAll('\n', ' ')}`)
    lines.push('')
  }

  return lines.join('\n')
}
