/** Run the source-aware checks over an aligned file and score it like a linted file, so every reporter can show it. */
import {location} from 'vfile-location'
import {lintText} from '../engine/lint.js'
import {scoreOf, defaultWeights} from '../engine/score.js'
import {makeFinding} from '../engine/check.js'
import {severityOf, type ResolvedConfig} from '../engine/config.js'
import type {FileResult, Finding, Point} from '../engine/types.js'
import {allPairChecks} from './checks.js'
import {guessSourceLang} from './language.js'
import type {PairCheck, PairReport} from './pair-check.js'
import {fileEndOffset, fileOffset, type AlignedFile} from './segment.js'

export interface CompareOptions {
  /** Overrides the file's own language and the guess from the script. */
  sourceLang?: string
  checks?: readonly PairCheck[]
  /**
   * The configuration: each check's severity (a check that is off does not run)
   * and the monolingual rules run on the targets too (findings of kind `lint`),
   * and its `weights` score the file as `lint` scores one (default: plain severity weights).
   */
  lint?: ResolvedConfig
}

export interface CompareResult {
  result: FileResult
  sourceLang: string
}

export function compareAligned(file: AlignedFile, options: CompareOptions = {}): CompareResult {
  const sourceLang = options.sourceLang ?? file.sourceLang ?? guessSourceLang(file.segments.map((segment) => segment.source))
  const pointAt = pointsIn(file.text)
  const findings: Finding[] = []
  for (const check of options.checks ?? allPairChecks) {
    const severity = severityOf(check.meta, options.lint)
    if (!severity) continue
    const report = (found: PairReport) => {
      const start = fileOffset(found.segment, found.start)
      const end = found.end > found.start ? fileEndOffset(found.segment, found.end) : start
      findings.push(
        makeFinding({...check.meta, url: check.url}, severity, {
          message: `${found.message} (segment ${found.segment.id})`,
          start: pointAt(start),
          end: pointAt(end),
          actual: file.text.slice(start, end),
          expected: found.expected,
          dimension: found.dimension,
          kind: 'compare',
          related: found.related?.map((place) => ({
            message: place.message,
            start: pointAt(fileOffset(place.segment, place.start)),
            end: pointAt(place.end > place.start ? fileEndOffset(place.segment, place.end) : fileOffset(place.segment, place.start))
          }))
        })
      )
    }

    check.run({segments: file.segments, sourceLang, report})
  }

  if (options.lint) findings.push(...withoutEchoes(lintTargets(file, options.lint, pointAt), findings))
  findings.sort((a, b) => a.start.offset - b.start.offset || a.end.offset - b.end.offset || a.ruleId.localeCompare(b.ruleId))
  const words = file.segments.reduce((sum, segment) => sum + (segment.target.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu) ?? []).length, 0)
  const {score, penalty} = scoreOf(findings, words, options.lint?.weights ?? defaultWeights, segmentIndex(file))
  return {result: {path: file.path, words, score, penalty, findings}, sourceLang}
}

/**
 * A rule's finding on a span of a source-aware one of the same MQM dimension
 * (foreign-script on an untranslated word) is the same problem: counted once.
 * Spans meet as half-open ranges, an empty one read as its first character.
 * Each dimension's places (the findings and their related places) sorted by
 * start, with the furthest end among each prefix, answer every lint finding
 * by one binary search: a pass over all the places per lint finding took
 * 20 s on an XLIFF of 40,000 units with a number mismatch and a repeated word
 * in each.
 */
function withoutEchoes(lintFindings: Finding[], compared: readonly Finding[]): Finding[] {
  const span = (place: {start: Point; end: Point}): [number, number] => [place.start.offset, Math.max(place.end.offset, place.start.offset + 1)]
  const byDimension = new Map<Finding['dimension'], Array<[number, number]>>()
  for (const other of compared) {
    let spans = byDimension.get(other.dimension)
    if (!spans) byDimension.set(other.dimension, (spans = []))
    for (const place of [other, ...(other.related ?? [])]) spans.push(span(place))
  }

  const meeting = new Map<Finding['dimension'], (from: number, to: number) => boolean>()
  for (const [dimension, spans] of byDimension) {
    spans.sort((a, b) => a[0] - b[0])
    const starts = spans.map(([from]) => from)
    const furthest: number[] = []
    for (const [, to] of spans) furthest.push(Math.max(to, furthest.at(-1) ?? -Infinity))
    // Some place starts before `to` and ends after `from`: among those starting before `to`, the furthest end.
    meeting.set(dimension, (from, to) => {
      const before = countBelow(starts, to)
      return before > 0 && furthest[before - 1]! > from
    })
  }

  return lintFindings.filter((finding) => !(meeting.get(finding.dimension)?.(...span(finding)) ?? false))
}

/** How many of the ascending `values` are below `limit`. */
function countBelow(values: readonly number[], limit: number): number {
  let low = 0
  let high = values.length
  while (low < high) {
    const middle = (low + high) >> 1
    if (values[middle]! < limit) low = middle + 1
    else high = middle
  }

  return low
}

/**
 * The monolingual rules over the targets, linted as one text of paragraphs
 * (one lint instead of one per segment: the cost of a document, not of its
 * segment count), each finding moved to its place in the segment file.
 */
function lintTargets(file: AlignedFile, config: ResolvedConfig, pointAt: (offset: number) => Point): Finding[] {
  const starts: number[] = []
  let joined = ''
  for (const segment of file.segments) {
    if (joined !== '') joined += '\n\n'
    starts.push(joined.length)
    joined += segment.target
  }

  const place = (offset: number, end: boolean): number => {
    const low = lastAtOrBefore(starts, offset)
    const segment = file.segments[low]!
    const index = Math.max(0, Math.min(offset - starts[low]!, segment.target.length))
    return end ? fileEndOffset(segment, index) : fileOffset(segment, index)
  }

  const moved = (point: Point, end: boolean) => pointAt(place(point.offset, end))
  return lintText(joined, file.path, config, 'text').findings.map((finding) => {
    const start = moved(finding.start, false)
    const stop = finding.end.offset > finding.start.offset ? moved(finding.end, true) : start
    return {
      ...finding,
      start,
      end: stop,
      actual: file.text.slice(start.offset, stop.offset),
      // A fix is for the text it was found in; the segment file is not rewritten.
      safe: false,
      kind: 'lint' as const,
      ...(finding.related ? {related: finding.related.map((related) => ({...related, start: moved(related.start, false), end: moved(related.end, true)}))} : {})
    }
  })
}

/** The segment a finding starts in: the last one whose target starts at or before it. */
function segmentIndex(file: AlignedFile): (finding: Finding) => number {
  const starts = file.segments.map((segment) => segment.targetStart).sort((a, b) => a - b)
  return (finding) => lastAtOrBefore(starts, finding.start.offset)
}

/** Index of the last of the ascending `starts` at or before `offset` (0 when none is). */
function lastAtOrBefore(starts: readonly number[], offset: number): number {
  let low = 0
  let high = starts.length - 1
  while (low < high) {
    const middle = (low + high + 1) >> 1
    if (starts[middle]! <= offset) low = middle
    else high = middle - 1
  }

  return low
}

function pointsIn(text: string): (offset: number) => Point {
  const place = location(text)
  return (offset) => {
    const clamped = Math.max(0, Math.min(offset, text.length))
    const point = place.toPoint(clamped)
    if (point) return {offset: clamped, line: point.line, column: point.column}
    const lines = text.split('\n')
    return {offset: clamped, line: lines.length, column: lines.at(-1)!.length + 1}
  }
}
