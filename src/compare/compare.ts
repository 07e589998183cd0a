/** Run the source-aware checks over an aligned file and score it like a linted file, so every reporter can show it. */
import {location} from 'vfile-location'
import {scoreOf, defaultWeights} from '../engine/score.js'
import type {FileResult, Finding, Point, Severity} from '../engine/types.js'
import {allPairChecks} from './checks.js'
import {guessSourceLang} from './language.js'
import type {PairCheck, PairReport} from './pair-check.js'
import {fileEndOffset, fileOffset, type AlignedFile} from './segment.js'

export interface CompareOptions {
  /** Overrides the file's own language and the guess from the script. */
  sourceLang?: string
  checks?: readonly PairCheck[]
  weights?: Record<Severity, number>
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
    const report = (found: PairReport) => {
      const start = fileOffset(found.segment, found.start)
      const end = found.end > found.start ? fileEndOffset(found.segment, found.end) : start
      const related = found.related
      findings.push({
        ruleId: check.meta.id,
        category: check.meta.category,
        dimension: found.dimension ?? check.meta.dimension,
        severity: check.meta.severity,
        message: `${found.message} (segment ${found.segment.id})`,
        start: pointAt(start),
        end: pointAt(end),
        actual: file.text.slice(start, end),
        expected: found.expected ?? [],
        safe: false,
        url: check.url,
        ...(related
          ? {related: [{message: related.message, start: pointAt(fileOffset(related.segment, related.start)), end: pointAt(fileOffset(related.segment, related.end))}]}
          : {})
      })
    }

    check.run({segments: file.segments, sourceLang, report})
  }

  findings.sort((a, b) => a.start.offset - b.start.offset || a.end.offset - b.end.offset || a.ruleId.localeCompare(b.ruleId))
  const words = file.segments.reduce((sum, segment) => sum + (segment.target.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu) ?? []).length, 0)
  const {score, penalty} = scoreOf(findings, words, options.weights ?? defaultWeights)
  return {result: {path: file.path, words, score, penalty, findings}, sourceLang}
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
