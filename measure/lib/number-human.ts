/**
 * number-mismatch on human reference translations (where nearly every
 * finding is a false alarm unless the translator erred) and its recall on
 * machine translation: the MT segments where a rater marked an accuracy
 * error on a span holding a number, and whether the check reports that span
 * (or the segment, for a number left out).
 */
import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import {numbersCheck} from '../../src/compare/number-mismatch.js'
import {numberMissingCheck} from '../../src/compare/number-missing.js'
import type {PairReport} from '../../src/compare/pair-check.js'
import {plural} from '../../src/engine/plural.js'
import type {Segment} from '../../src/compare/segment.js'
import type {Ratio} from './corpus-score.js'
import {overlaps} from './ranges.js'

export interface NumberRow {
  system: string
  doc: string
  seg_id: string
  source: string
  target: string
  is_human_translation: boolean
  all_offsets_exact?: boolean
  errors: Array<{start: number; end: number; text?: string; category: string}>
}

export interface NumberFinding {
  system: string
  doc: string
  segId: string
  source: string
  target: string
  actual: string
  /** The texts of the finding's other ranges (the other numbers of one misreading). */
  also: string[]
  /** A number-missing finding: a source number with no counterpart, the whole target its span. */
  whole: boolean
  checkId: string
  message: string
}

export interface NumberHumanResult {
  /** Per human reference system. */
  humans: Array<{system: string; segments: number; words: number; findings: NumberFinding[]}>
  /** MT segments with an accuracy span holding a digit, and those the check reports on that span or as a whole. */
  recall: Ratio
  /** MT findings on any rater-marked span. */
  mtPrecision: Ratio
}

const wordCount = (text: string) => (text.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu) ?? []).length

/** One record per system and segment, the first rater's spans merged with the others'. */
function segmentsOf(rows: readonly NumberRow[]): Array<NumberRow & {key: string}> {
  const byKey = new Map<string, NumberRow & {key: string}>()
  for (const row of rows) {
    const key = `${row.system}/${row.doc}/${row.seg_id}`
    const known = byKey.get(key)
    // Offsets of a record whose spans were not all re-aligned exactly are not used.
    const errors = row.all_offsets_exact === false ? [] : row.errors
    if (known) known.errors.push(...errors)
    else byKey.set(key, {...row, key, errors: [...errors]})
  }

  return [...byKey.values()].sort((a, b) => a.key.localeCompare(b.key, 'en', {numeric: true}))
}

/** number-mismatch (a changed or added number) and number-missing (a number left out), each report with its check. */
function run(segments: readonly Segment[]): Array<PairReport & {checkId: string}> {
  const found: Array<PairReport & {checkId: string}> = []
  for (const check of [numbersCheck, numberMissingCheck]) check.run({segments, sourceLang: 'zh', report: (report) => found.push({...report, checkId: check.meta.id})})
  return found.sort((a, b) => a.segment.id.localeCompare(b.segment.id, 'en', {numeric: true}) || a.start - b.start)
}

export function evaluateNumbers(rows: readonly NumberRow[]): NumberHumanResult {
  const all = segmentsOf(rows)
  const toSegment = (row: NumberRow & {key: string}): Segment => ({id: row.key, source: row.source, target: row.target, targetStart: 0})
  const rowOf = new Map(all.map((row) => [row.key, row]))
  const humans: NumberHumanResult['humans'] = []
  for (const system of [...new Set(all.filter((row) => row.is_human_translation).map((row) => row.system))].sort()) {
    const mine = all.filter((row) => row.system === system)
    const findings = run(mine.map(toSegment)).map((report): NumberFinding => {
      const row = rowOf.get(report.segment.id)!
      return {
        system,
        doc: row.doc,
        segId: row.seg_id,
        source: row.source,
        target: row.target,
        actual: row.target.slice(report.start, report.end),
        also: (report.related ?? []).map((place) => row.target.slice(place.start, place.end)),
        whole: report.checkId === numberMissingCheck.meta.id,
        checkId: report.checkId,
        message: report.message
      }
    })
    humans.push({system, segments: mine.length, words: mine.reduce((sum, row) => sum + wordCount(row.target), 0), findings})
  }

  const machine = all.filter((row) => !row.is_human_translation)
  const reports = run(machine.map(toSegment))
  const bySegment = new Map<string, PairReport[]>()
  for (const report of reports) bySegment.set(report.segment.id, [...(bySegment.get(report.segment.id) ?? []), report])
  const recall: Ratio = {hits: 0, total: 0}
  const mtPrecision: Ratio = {hits: 0, total: 0}
  for (const row of machine) {
    const mine = bySegment.get(row.key) ?? []
    for (const report of mine) {
      mtPrecision.total++
      if (row.errors.some((span) => rangesOf(report).some((range) => overlaps(range, span)))) mtPrecision.hits++
    }

    const numberSpans = row.errors.filter((span) => span.category.toLowerCase().startsWith('accuracy/') && /\d/.test(row.target.slice(span.start, span.end)))
    if (numberSpans.length === 0) continue
    recall.total++
    if (mine.some((report) => (report.start === 0 && report.end === row.target.length) || numberSpans.some((span) => rangesOf(report).some((range) => overlaps(range, span))))) recall.hits++
  }

  return {humans, recall, mtPrecision}
}

/** A report's range and those of its related places (a misreading's other numbers). */
const rangesOf = (report: PairReport) => [report, ...(report.related ?? [])]

/** The key of a finding in measure/number-verdicts.json. */
export const findingKey = (finding: NumberFinding) => `${finding.system} ${finding.doc}:${finding.segId} ${finding.whole ? '(whole segment)' : finding.actual}`

/** The verdicts of measure/number-verdicts.json, by findingKey. */
export function loadVerdicts(root: string): Record<string, string> {
  return JSON.parse(readFileSync(join(root, 'measure', 'number-verdicts.json'), 'utf8')) as Record<string, string>
}

const percent = (ratio: Ratio) => `${ratio.hits}/${ratio.total} (${ratio.total === 0 ? '–' : Math.round((100 * ratio.hits) / ratio.total)}%)`

/** The eval.md section: per data set, the human references' findings per 2,000 words, each with its verdict, and the MT recall. */
export function renderNumbers(sets: ReadonlyArray<{file: string; role: string; result?: NumberHumanResult}>, verdicts: Record<string, string>): string {
  const lines = [
    '## number-mismatch and number-missing on human reference translations',
    '',
    'Every number-mismatch finding (a number changed or added) and every number-missing finding (a source number left out, the whole segment its span; minor) ' +
      'on the professional human translations of the MQM sets (`node dist/measure/number-mismatch.js`), ' +
      'each with a verdict from measure/number-verdicts.json (true: the translator erred; debatable: a number left out or added that a reviewer may accept; false: a false alarm). ' +
      'Acceptance: at most 1 number-mismatch finding per 2,000 words on the dev set\'s reference. Recall: MT segments where a rater marked an accuracy error on a span holding a digit, ' +
      'reported on that span or as a number left out (a lower bound: many such spans are errors of other words).',
    ''
  ]
  for (const set of sets) {
    if (!set.result) {
      lines.push(`### ${set.file} (${set.role})`, '', 'Skipped: data not found.', '')
      continue
    }

    lines.push(
      `### ${set.file} (${set.role})`,
      '',
      '| reference | words | number-mismatch | per 2,000 words | number-missing | per 2,000 words | true | debatable | false |',
      '|---|---|---|---|---|---|---|---|---|'
    )
    for (const human of set.result.humans) {
      const count = (prefix: string) => human.findings.filter((finding) => (verdicts[findingKey(finding)] ?? '').startsWith(prefix)).length
      const changed = human.findings.filter((finding) => !finding.whole).length
      const left = human.findings.length - changed
      const per2000 = (findings: number) => ((2000 * findings) / human.words).toFixed(2)
      lines.push(`| ${human.system} | ${human.words} | ${changed} | ${per2000(changed)} | ${left} | ${per2000(left)} | ${count('true')} | ${count('debatable')} | ${count('false')} |`)
    }

    // The acceptance is on the dev set's references: stated from the figures, met or not.
    for (const human of set.role === 'dev set' ? set.result.humans : []) {
      const changed = human.findings.filter((finding) => !finding.whole)
      const rate = (2000 * changed.length) / human.words
      const real = changed.filter((finding) => (verdicts[findingKey(finding)] ?? '').startsWith('true')).length
      lines.push(
        '',
        `Acceptance for ${human.system} (at most 1 number-mismatch finding per 2,000 words): ${rate <= 1 ? 'met' : 'not met'}, ${rate.toFixed(2)} per 2,000 words (${plural(changed.length, 'finding')} on ${human.words} words, ${real} of them true errors of the reference).`
      )
    }

    lines.push('', `MT: recall on rater-marked number spans ${percent(set.result.recall)}; MT findings on a rater-marked span ${percent(set.result.mtPrecision)}.`, '')
    lines.push('| finding | check | verdict |', '|---|---|---|')
    for (const finding of set.result.humans.flatMap((human) => human.findings)) {
      const key = findingKey(finding)
      const shown = finding.also.length > 0 ? `${key} (also ${finding.also.join(', ')})` : key
      lines.push(`| ${shown.replaceAll('|', '\\|')} | ${finding.checkId} | ${(verdicts[key] ?? 'NO VERDICT').replaceAll('|', '\\|')} |`)
    }

    lines.push('')
  }

  return lines.join('\n')
}
