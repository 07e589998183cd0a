/**
 * Fit the per-check weights of the `compare` score on professional MQM
 * ratings of the training year (newstest2020), and report how the score ranks
 * systems and documents on each year with the weights fitted on the other
 * (the honest figure for a year we have not seen).
 *
 *   node dist/measure/fit-weights.js [--write] [--cache FILE] [--probe] [--caps]
 *
 * --cache FILE keeps the two compare runs' results in FILE (read when it
 * exists): refitting after a change of the fit alone takes seconds, not
 * minutes. Delete the file when a check or rule changed. --probe measures
 * candidate signals instead (probe(); reports/compare-signals.md). --caps adds
 * the per-check caps experiment (capsTable(); slow: a refit per candidate).
 *
 * Each data set becomes a folder of documents (one JSONL of {"source","target"}
 * per system and document, measure/lib/mqm-documents.ts) checked by ONE
 * `mtlint compare DIR --format json` run. The penalty counts as the product
 * scores it (src/engine/score.ts): a check once per segment, at its heaviest
 * finding there. Two kinds of factor:
 *
 * - A source-aware check (kind `compare`): its factor is what the raters
 *   charge for a segment it flags, measured against the other systems'
 *   translations of the same source segment: the flagged segment's MQM minus
 *   the segment's mean over all systems minus the system's own mean
 *   difference (so neither a hard sentence nor a weak system is put on the
 *   check), summed over the flagged segments, divided by their number plus
 *   `excessPrior` (a check with few flags moves towards 0), at least 0, over
 *   its severity's weight. Fitted by least squares with the monolingual rules,
 *   these factors became proxies for the other errors of the systems that
 *   omit and penalised the human references (leaving one year out, systems
 *   -0.01 on newstest2020); the paired estimate cannot: it only sees the
 *   segments the check flags.
 * - A monolingual rule with at least `minFindings` findings on every fitted
 *   year: non-negative least squares of the raters' MQM penalty per
 *   1,000 words (major 5, minor 1, critical 25) on each rule's penalty per
 *   1,000 words, each year's documents weighing 1/N of that year, a free
 *   intercept per year (not shipped: it moves every document alike), and a
 *   ridge pull of every factor towards 1; fitted only if its findings alone
 *   rank that year's documents the raters' way (tau-b above `chosen.minTau`,
 *   screen()), else 0. Rules with fewer findings keep factor 1 unfitted (few
 *   parameters: what transfers to a year not seen).
 *
 * Shipped: the fit on the training year alone (newstest2020); WMT23 is the
 * dev set, so its figures with the shipped factors are held out. Reported:
 * leave one year out both ways, severity weights with and without the
 * per-segment cap; per year system-level Spearman over all systems and over
 * MT systems only, and document-level Kendall tau-b against MQM per segment
 * (the issue's acceptance) and per word (the unit of mtlint's penalty); per
 * system of each year its MQM and penalty ranks with the checks that weigh
 * most. Two tables say what the figures mean: the penalty's unit (per 1,000
 * words as shipped, or per segment, the raters' unit), held out; and what the
 * document figure can reach (documents left at 0, and the tau-b of scores
 * that know each system's or each source document's true MQM). --write stores the factors in src/weights.json; the figures go to
 * reports/compare-weights.md.
 */
import {spawnSync} from 'node:child_process'
import {existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join, resolve} from 'node:path'
import {defaultWeights} from '../src/engine/score.js'
import type {Severity} from '../src/engine/types.js'
import {documentsOf, readRows, writeDocuments, type MqmDocument} from './lib/mqm-documents.js'
import {probeSignals} from './lib/probe-signals.js'

const root = resolve(import.meta.dirname, '..', '..')
const data = resolve(root, '..', 'shared', 'data')
const minFindings = 10
/** Flagged segments of zero excess added to every source-aware check's: a check seen a handful of times weighs little. */
const excessPrior = 5

interface ReportedFinding {
  ruleId: string
  kind?: 'lint' | 'compare'
  severity: Severity
  /** Line in the document's JSONL: its segment, from 1. */
  start: {line: number}
}

interface Scored extends MqmDocument {
  words: number
  findings: ReportedFinding[]
}

/** One compare run over the documents of a data set. */
function checkDataSet(file: string): Scored[] {
  const documents = documentsOf(readRows(join(data, file)))
  const folder = mkdtempSync(join(tmpdir(), 'mtlint-fit-'))
  try {
    writeDocuments(documents, folder)
    const out = join(folder, 'report.json')
    const run = spawnSync(process.execPath, [join(root, 'bin', 'mtlint.js'), 'compare', folder, '--format', 'json', '-o', out, '--no-exit'], {encoding: 'utf8'})
    if (run.status !== 0) throw new Error(`mtlint compare exited ${run.status}: ${run.stderr}`)
    const report = JSON.parse(readFileSync(out, 'utf8')) as {files: Array<{path: string; words: number; findings: ReportedFinding[]}>}
    const byPath = new Map(report.files.map((entry) => [resolve(entry.path), entry]))
    return documents.map((document) => {
      const entry = byPath.get(resolve(folder, document.file))
      if (!entry) throw new Error(`no result for ${document.file}`)
      const findings = entry.findings.map(({ruleId, kind, severity, start}) => ({ruleId, kind, severity, start: {line: start.line}}))
      return {...document, words: entry.words, findings}
    })
  } finally {
    rmSync(folder, {recursive: true, force: true})
  }
}

/** MQM penalty per 1,000 words: the unit of mtlint's penalty. */
const mqmPer1000 = (document: Scored) => (1000 * document.mqm * document.segments.length) / Math.max(document.words, 1)

/**
 * What a penalty is divided by: 1,000 words (how `compare` scores a file) or
 * one segment (then it estimates the raters' MQM per segment, the unit of a
 * source-aware check's factor). Reported both ways (the unit's table).
 */
type Unit = 'words' | 'segments'
const per = (document: Scored, sum: number, unit: Unit) => (unit === 'words' ? (1000 * sum) / Math.max(document.words, 1) : sum / Math.max(document.segments.length, 1))
/** The raters' penalty in a unit. */
const mqmIn = (document: Scored, unit: Unit) => (unit === 'words' ? mqmPer1000(document) : document.mqm)

/** Per check: its severity points in each segment it flags, the heaviest finding per segment (capped) or every finding (uncapped). */
interface Points {
  capped: Map<string, Map<number, number>>
  uncapped: Map<string, number>
  /** Per check and segment: every finding's points, heaviest first (for a cap above one finding). */
  all: Map<string, Map<number, number[]>>
}

/**
 * Findings counted per segment, per check (the capsTable() experiment): 1 as
 * the product scores (its heaviest), more, or Infinity (every one).
 */
let caps: Readonly<Record<string, number>> = {}

const pointsCache = new WeakMap<Scored, Points>()

function pointsOf(document: Scored): Points {
  let points = pointsCache.get(document)
  if (points) return points
  points = {capped: new Map(), uncapped: new Map(), all: new Map()}
  for (const finding of document.findings) {
    const weight = defaultWeights[finding.severity]
    if (weight === 0) continue
    const segments = points.capped.get(finding.ruleId) ?? new Map<number, number>()
    segments.set(finding.start.line - 1, Math.max(segments.get(finding.start.line - 1) ?? 0, weight))
    points.capped.set(finding.ruleId, segments)
    points.uncapped.set(finding.ruleId, (points.uncapped.get(finding.ruleId) ?? 0) + weight)
    const lists = points.all.get(finding.ruleId) ?? new Map<number, number[]>()
    lists.set(finding.start.line - 1, [...(lists.get(finding.start.line - 1) ?? []), weight].sort((a, b) => b - a))
    points.all.set(finding.ruleId, lists)
  }

  pointsCache.set(document, points)
  return points
}

/** A check's severity points in a document, as the score counts them (capped per segment) or every finding. */
function checkPoints(document: Scored, id: string, capped = true): number {
  const points = pointsOf(document)
  if (!capped) return points.uncapped.get(id) ?? 0
  const cap = caps[id] ?? 1
  let sum = 0
  if (cap > 1) {
    for (const weights of points.all.get(id)?.values() ?? []) for (const weight of weights.slice(0, cap)) sum += weight
    return sum
  }

  for (const weight of points.capped.get(id)?.values() ?? []) sum += weight
  return sum
}

/** Each check's factor on its severity's weight; a check without one weighs 1. */
type Factors = Readonly<Record<string, number>>

interface Weighing {
  factors: Factors
  capped?: boolean
  /** Only the checks of this kind count. */
  kind?: 'lint' | 'compare'
  unit?: Unit
}

const kinds = new Map<string, 'lint' | 'compare'>()

function penaltyOf(document: Scored, {factors, capped = true, kind, unit = 'words'}: Weighing): number {
  let sum = 0
  for (const id of pointsOf(document).uncapped.keys()) {
    if (kind && (kinds.get(id) ?? 'lint') !== kind) continue
    sum += checkPoints(document, id, capped) * (factors[id] ?? 1)
  }

  return per(document, sum, unit)
}

/**
 * The fit's two settings: the ridge pull of every fitted factor towards 1 (on
 * the scale of the year-balanced squared error) and the tau-b a rule's
 * findings alone must reach on every fitted year (screen()). Chosen by leaving
 * one year out among `settingsTried` (the report shows each): with two years
 * that choice itself leans a little on the held-out figures.
 */
interface Settings {
  ridge: number
  minTau: number
}

const chosen: Settings = {ridge: 0.1, minTau: 0.05}
const settingsTried: Settings[] = [0.1, 1, 3].flatMap((ridge) => [0.03, 0.05].map((minTau) => ({ridge, minTau})))

/**
 * Non-negative least squares of MQM per 1,000 words on each rule's capped
 * points per 1,000 words, with an intercept per year, each year's documents weighing 1/N, and a ridge
 * pull towards factor 1; cyclic coordinate descent on the centred columns.
 */
function fit(years: ReadonlyArray<readonly Scored[]>, ids: readonly string[], ridge: number, unit: Unit): Record<string, number> {
  const columns = ids.map(() => [] as number[])
  const target: number[] = []
  const weight: number[] = []
  const mean = (values: readonly number[]) => values.reduce((sum, value) => sum + value, 0) / values.length
  for (const documents of years) {
    const x = documents.map((document) => ids.map((id) => per(document, checkPoints(document, id), unit)))
    const y = documents.map((document) => mqmIn(document, unit))
    // Centring each year's columns and target is the free intercept of that year.
    const yMean = mean(y)
    for (const [index, column] of columns.entries()) {
      const xMean = mean(x.map((row) => row[index]!))
      column.push(...x.map((row) => row[index]! - xMean))
    }

    target.push(...y.map((value) => value - yMean))
    weight.push(...documents.map(() => 1 / documents.length))
  }

  const factors = ids.map(() => 1)
  const residual = target.map((value, row) => value - columns.reduce((sum, column, index) => sum + column[row]! * factors[index]!, 0))
  for (let round = 0; round < 500; round++) {
    let moved = 0
    for (const [index, column] of columns.entries()) {
      let dot = 0
      let norm = 0
      for (const [row, value] of column.entries()) {
        dot += weight[row]! * value * (residual[row]! + value * factors[index]!)
        norm += weight[row]! * value ** 2
      }

      const next = Math.max(0, (dot + ridge) / (norm + ridge))
      const change = next - factors[index]!
      if (change === 0) continue
      for (const [row, value] of column.entries()) residual[row] = residual[row]! - change * value
      factors[index] = next
      moved = Math.max(moved, Math.abs(change))
    }

    if (moved < 1e-9) break
  }

  return Object.fromEntries(ids.map((id, index) => [id, round3(factors[index]!)]))
}

const round3 = (value: number) => Math.round(value * 1000) / 1000

/** Per source-aware check, over the fitted years: flagged segments and the raters' excess penalty on them (see the header). */
function pairedExcess(years: ReadonlyArray<readonly Scored[]>): Map<string, {segments: number; counted: number; excess: number; severity: Severity}> {
  const result = new Map<string, {segments: number; counted: number; excess: number; severity: Severity}>()
  for (const documents of years) {
    const bySegment = new Map<string, {sum: number; count: number}>()
    const key = (document: Scored, index: number) => `${document.doc}\u0000${index}`
    for (const document of documents) {
      for (const [index, value] of document.segmentMqm.entries()) {
        const entry = bySegment.get(key(document, index)) ?? {sum: 0, count: 0}
        entry.sum += value
        entry.count++
        bySegment.set(key(document, index), entry)
      }
    }

    const difference = (document: Scored, index: number) => {
      const entry = bySegment.get(key(document, index))!
      return document.segmentMqm[index]! - entry.sum / entry.count
    }

    const systemMean = new Map<string, {sum: number; count: number}>()
    for (const document of documents) {
      const entry = systemMean.get(document.system) ?? {sum: 0, count: 0}
      for (const index of document.segmentMqm.keys()) entry.sum += difference(document, index)
      entry.count += document.segmentMqm.length
      systemMean.set(document.system, entry)
    }

    for (const document of documents) {
      const base = systemMean.get(document.system)!
      const flagged = new Map<string, Set<number>>()
      for (const finding of document.findings) {
        if (finding.kind !== 'compare' || defaultWeights[finding.severity] === 0) continue
        const lines = flagged.get(finding.ruleId) ?? new Set<number>()
        lines.add(finding.start.line - 1)
        flagged.set(finding.ruleId, lines)
        if (!result.has(finding.ruleId)) result.set(finding.ruleId, {segments: 0, counted: 0, excess: 0, severity: finding.severity})
      }

      for (const [id, lines] of flagged) {
        const entry = result.get(id)!
        for (const index of lines) {
          if (index >= document.segmentMqm.length) continue
          entry.segments++
          entry.counted += Math.min(caps[id] ?? 1, pointsOf(document).all.get(id)?.get(index)?.length ?? 1)
          entry.excess += difference(document, index) - base.sum / base.count
        }
      }
    }
  }

  return result
}

function sourceFactors(years: ReadonlyArray<readonly Scored[]>): Record<string, number> {
  return Object.fromEntries(
    // The excess is per flagged segment; with more than one finding counted there, each finding weighs its share.
    [...pairedExcess(years)].map(([id, {segments, counted, excess, severity}]) => [id, round3((Math.max(0, excess / (segments + excessPrior)) / defaultWeights[severity]) * (segments / Math.max(counted, 1)))])
  )
}

function ranks(values: readonly number[]): number[] {
  const order = values.map((value, index) => [value, index] as const).sort((a, b) => a[0] - b[0])
  const result = new Array<number>(values.length)
  for (let start = 0; start < order.length; ) {
    let end = start
    while (end + 1 < order.length && order[end + 1]![0] === order[start]![0]) end++
    for (let index = start; index <= end; index++) result[order[index]![1]] = (start + end) / 2 + 1
    start = end + 1
  }

  return result
}

function pearson(a: readonly number[], b: readonly number[]): number {
  const mean = (values: readonly number[]) => values.reduce((sum, value) => sum + value, 0) / values.length
  const ma = mean(a)
  const mb = mean(b)
  let num = 0
  let da = 0
  let db = 0
  for (const [index, value] of a.entries()) {
    num += (value - ma) * (b[index]! - mb)
    da += (value - ma) ** 2
    db += (b[index]! - mb) ** 2
  }

  return da === 0 || db === 0 ? 0 : num / Math.sqrt(da * db)
}

const spearman = (a: readonly number[], b: readonly number[]) => pearson(ranks(a), ranks(b))

/** Kendall's tau-b (ties in either list allowed); with `groups`, over the pairs within a group only. O(n^2), fine for a few thousand documents. */
function kendallTauB(a: readonly number[], b: readonly number[], groups?: readonly string[]): number {
  let concordant = 0
  let discordant = 0
  let tiesA = 0
  let tiesB = 0
  for (let i = 0; i < a.length; i++) {
    for (let j = i + 1; j < a.length; j++) {
      if (groups && groups[i] !== groups[j]) continue
      const x = Math.sign(a[i]! - a[j]!)
      const y = Math.sign(b[i]! - b[j]!)
      if (x === 0 && y === 0) continue
      if (x === 0) tiesA++
      else if (y === 0) tiesB++
      else if (x === y) concordant++
      else discordant++
    }
  }

  const denominator = Math.sqrt((concordant + discordant + tiesA) * (concordant + discordant + tiesB))
  return denominator === 0 ? 0 : (concordant - discordant) / denominator
}

interface Correlation {
  /** Spearman over all systems, the human references included. */
  system: number
  /** Spearman over the MT systems only. */
  machine: number
  /** Kendall tau-b over documents against MQM per segment (the acceptance). */
  document: number
  /** The same against MQM per word (the unit of the penalty). */
  perWord: number
}

function correlate(documents: readonly Scored[], penalty: (document: Scored) => number, unit: Unit = 'words'): Correlation {
  const systemLevel = (mine: readonly Scored[]) => {
    const systems = [...new Set(mine.map((document) => document.system))]
    const mean = (system: string, value: (document: Scored) => number, size: (document: Scored) => number) => {
      const of = mine.filter((document) => document.system === system)
      return of.reduce((sum, document) => sum + value(document) * size(document), 0) / of.reduce((sum, document) => sum + size(document), 0)
    }

    return spearman(
      systems.map((system) => mean(system, penalty, (document) => (unit === 'words' ? document.words : document.segments.length))),
      systems.map((system) => mean(system, (document) => document.mqm, (document) => document.segments.length))
    )
  }

  const penalties = documents.map(penalty)
  return {
    system: systemLevel(documents),
    machine: systemLevel(documents.filter((document) => !document.human)),
    document: kendallTauB(penalties, documents.map((document) => document.mqm)),
    perWord: kendallTauB(penalties, documents.map(mqmPer1000))
  }
}

const fixed = (value: number) => value.toFixed(3)

/** Per system: MQM and penalty with their ranks, and the checks that weigh most in the penalty. */
function systemRows(documents: readonly Scored[], factors: Factors) {
  const systems = [...new Set(documents.map((document) => document.system))]
  const rows = systems.map((system) => {
    const mine = documents.filter((document) => document.system === system)
    const words = mine.reduce((sum, document) => sum + document.words, 0)
    const segments = mine.reduce((sum, document) => sum + document.segments.length, 0)
    const byCheck = new Map<string, number>()
    for (const document of mine) {
      for (const id of pointsOf(document).uncapped.keys()) byCheck.set(id, (byCheck.get(id) ?? 0) + checkPoints(document, id) * (factors[id] ?? 1))
    }

    const top = [...byCheck.entries()]
      .filter(([, weight]) => weight > 0)
      .sort((a, b) => b[1] - a[1])
      .slice(0, 4)
      .map(([id, weight]) => `${id} ${((1000 * weight) / words).toFixed(2)}`)
      .join(', ')
    return {
      system,
      human: mine[0]!.human,
      mqm: mine.reduce((sum, document) => sum + document.mqm * document.segments.length, 0) / segments,
      penalty: (1000 * [...byCheck.values()].reduce((sum, weight) => sum + weight, 0)) / words,
      top
    }
  })
  const mqmRanks = ranks(rows.map((row) => row.mqm))
  const penaltyRanks = ranks(rows.map((row) => row.penalty))
  return rows.map((row, index) => ({...row, mqmRank: mqmRanks[index]!, penaltyRank: penaltyRanks[index]!})).sort((a, b) => a.mqm - b.mqm)
}

/** The training year first: the shipped factors are fitted on it alone. */
const years = [
  {name: 'newstest2020', file: 'mqm-zhen-nt2020.jsonl'},
  {name: 'WMT23', file: 'mqm-zhen-wmt23-news.jsonl'}
] as const
const training = 0

/** A check's capped penalty alone per document (severity weights). */
const checkPenalty = (id: string, unit: Unit = 'words') => (document: Scored) => per(document, checkPoints(document, id), unit)

/** Findings of each check with a severity that weighs, per year. */
function findingCounts(data: ReadonlyArray<readonly Scored[]>): Array<Map<string, number>> {
  return data.map((documents) => {
    const count = new Map<string, number>()
    for (const finding of documents.flatMap((document) => document.findings)) {
      if (defaultWeights[finding.severity] > 0) count.set(finding.ruleId, (count.get(finding.ruleId) ?? 0) + 1)
    }

    return count
  })
}

/**
 * The monolingual rules with the evidence to be fitted on some years: at least
 * `minFindings` findings on every one of them. Of those, a rule whose
 * findings alone rank the documents against MQM (tau-b above `minTau`) on
 * every year is fitted; the others weigh 0: their relation to the raters'
 * judgement is not the same from year to year, so a factor fitted to one year
 * does not transfer. Rules without the evidence keep factor 1 unfitted.
 */
function screen(data: ReadonlyArray<readonly Scored[]>, minTau: number, unit: Unit): {fitted: string[]; zeroed: string[]} {
  const counts = findingCounts(data)
  const candidates = [...new Set(counts.flatMap((count) => [...count.keys()]))]
    .filter((id) => kinds.get(id) !== 'compare' && counts.every((count) => (count.get(id) ?? 0) >= minFindings))
    .sort()
  const tracks = (id: string) => data.every((documents) => kendallTauB(documents.map(checkPenalty(id, unit)), documents.map((document) => document.mqm)) > minTau)
  return {fitted: candidates.filter(tracks), zeroed: candidates.filter((id) => !tracks(id))}
}

/** The factors fitted on some years: source-aware checks by their paired excess, the screened rules by the fit, the other screened ones 0. */
function factorsFor(data: ReadonlyArray<readonly Scored[]>, settings: Settings = chosen, unit: Unit = 'words'): Record<string, number> {
  const {fitted, zeroed} = screen(data, settings.minTau, unit)
  const source = sourceFactors(data)
  const others = {...Object.fromEntries(zeroed.map((id) => [id, 0])), ...source}
  const factors: Record<string, number> = {...others, ...fit(data, fitted, settings.ridge, unit)}
  return Object.fromEntries(Object.keys(factors).sort().map((id) => [id, factors[id]!]))
}

/** Leave one year out: per year, the factors fitted on the other years. */
function heldOutFactors(data: ReadonlyArray<readonly Scored[]>, settings: Settings = chosen, unit: Unit = 'words'): Array<Record<string, number>> {
  return data.map((_, index) => factorsFor(data.filter((__, other) => other !== index), settings, unit))
}

/**
 * --probe: each candidate signal of measure/lib/probe-signals.ts added as one
 * more minor source-aware check, fitted like the others, held out; with its
 * findings on the human references and its paired excess per year.
 */
function probe(data: ReadonlyArray<readonly Scored[]>): string {
  const heldOutCells = (on: ReadonlyArray<readonly Scored[]>) => {
    const factors = heldOutFactors(on)
    return on.map((documents, year) => {
      const result = correlate(documents, (document) => penaltyOf(document, {factors: factors[year]!}))
      return `${fixed(result.system)} | ${fixed(result.document)}`
    })
  }

  const lines = [
    '# Candidate source-aware signals (not shipped)',
    '',
    'Generated by `node dist/measure/fit-weights.js --probe --write` (measure/fit-weights.ts, signals in measure/lib/probe-signals.ts).',
    'Each signal is added as one more minor source-aware check of the compare runs of reports/compare-weights.md, its factor fitted like theirs (the raters\' excess penalty on the segments it flags, paired with the other systems\' translations of the same segment), and each year scored with the factors fitted on the other (held out). A signal worth shipping raises the held-out figures on both years and rarely fires on the human references.',
    '',
    `| signal | ${years.map((year) => `${year.name}: segments flagged (on human references) | excess MQM per flagged segment | tau-b alone | held out with it: systems, documents`).join(' | ')} |`,
    `|---|${years.map(() => '---|---|---|---|').join('')}`,
    `| none (the shipped checks) | ${heldOutCells(data).map((cell) => `– | – | – | ${cell.replace(' | ', ', ')}`).join(' | ')} |`
  ]
  for (const signal of probeSignals) {
    const id = `probe:${signal.id}`
    kinds.set(id, 'compare')
    const added = data.map((documents) =>
      documents.map((document) => ({
        ...document,
        findings: [
          ...document.findings,
          ...document.segments.flatMap((segment, index) => (signal.fires(segment, document.segments.slice(0, index)) ? [{ruleId: id, kind: 'compare' as const, severity: 'minor' as const, start: {line: index + 1}}] : []))
        ]
      }))
    )
    const held = heldOutCells(added)
    const cells = added.map((documents, year) => {
      const flagged = (human: boolean) => documents.filter((document) => document.human === human).reduce((sum, document) => sum + (pointsOf(document).capped.get(id)?.size ?? 0), 0)
      const humanSegments = documents.filter((document) => document.human).reduce((sum, document) => sum + document.segments.length, 0)
      const entry = pairedExcess([documents]).get(id)
      const excess = entry && entry.segments > 0 ? (entry.excess / entry.segments).toFixed(2) : '–'
      const tau = fixed(kendallTauB(documents.map(checkPenalty(id)), documents.map((document) => document.mqm)))
      return `${flagged(false) + flagged(true)} (${flagged(true)} of ${humanSegments}) | ${excess} | ${tau} | ${held[year]!.replace(' | ', ', ')}`
    })
    lines.push(`| ${signal.id}: ${signal.description} | ${cells.join(' | ')} |`)
  }

  return lines.join('\n') + '\n'
}

/**
 * Per-check caps per segment, held out: for each year, caps chosen on the
 * other year alone (greedy, check by check: 1 finding per segment as shipped,
 * or every finding, kept where it raises that year's in-sample system
 * Spearman plus document tau-b by more than 0.005), the factors refitted under
 * them there, and the year scored with both. Candidates: the checks with at
 * least `minFindings` findings on the fitting year and `minShared` segments
 * holding more than one (where a cap can matter).
 */
const minShared = 5
const shared = (documents: readonly Scored[], id: string) =>
  documents.reduce((sum, document) => sum + [...(pointsOf(document).all.get(id)?.values() ?? [])].filter((weights) => weights.length > 1).length, 0)

function capsTable(data: ReadonlyArray<readonly Scored[]>): string[] {
  const objective = (documents: readonly Scored[]) => {
    const factors = factorsFor([documents])
    const result = correlate(documents, (document) => penaltyOf(document, {factors}))
    return result.system + result.document
  }

  const rows = data.map((documents, year) => {
    const fitting = data[1 - year]!
    const counts = findingCounts([fitting])[0]!
    const candidates = [...counts.keys()]
      .filter((id) => counts.get(id)! >= minFindings && shared(fitting, id) >= minShared)
      .sort()
    const chosenCaps: Record<string, number> = {}
    caps = {}
    let best = objective(fitting)
    const start = best
    for (const id of candidates) {
      let keep = 1
      process.stderr.write(`caps: ${years[year]!.name} held out, trying ${id}\n`)
      for (const cap of [Infinity]) {
        caps = {...chosenCaps, [id]: cap}
        const value = objective(fitting)
        if (value > best + 0.005) {
          best = value
          keep = cap
        }
      }

      if (keep !== 1) chosenCaps[id] = keep
    }

    caps = chosenCaps
    const factors = factorsFor([fitting])
    const result = correlate(documents, (document) => penaltyOf(document, {factors}))
    caps = {}
    const plain = factorsFor([fitting])
    const shipped = correlate(documents, (document) => penaltyOf(document, {factors: plain}))
    const named = Object.entries(chosenCaps).map(([id, cap]) => `${id} ${cap === Infinity ? 'every finding' : cap}`).join(', ') || 'none'
    return {year, candidates: candidates.length, named, start, best, result, shipped}
  })

  return [
    '',
    '## Per-check caps per segment, held out',
    '',
    'The product counts a check once per segment (its heaviest finding). Here each year is scored with caps chosen on the other year alone: check by check, 1 finding per segment or every finding, kept where it raises the fitting year\'s in-sample system Spearman plus document tau-b by more than 0.005; the factors refitted under those caps. Candidates: checks with at least ' + minFindings + ' findings on the fitting year and ' + minShared + ' segments holding more than one. Shipped only if it raises the held-out figures on both years.',
    '',
    '| scored year | fitted on | candidates | caps chosen there | in-sample objective there, before and after | held out, one per segment: systems, documents | held out, with the caps: systems, documents |',
    '|---|---|---|---|---|---|---|',
    ...rows.map((row) => `| ${years[row.year]!.name} | ${years[1 - row.year]!.name} | ${row.candidates} | ${row.named} | ${fixed(row.start)} -> ${fixed(row.best)} | ${fixed(row.shipped.system)}, ${fixed(row.shipped.document)} | ${fixed(row.result.system)}, ${fixed(row.result.document)} |`)
  ]
}

function main(): void {
  const cacheAt = process.argv.indexOf('--cache')
  const cache = cacheAt > 0 ? process.argv[cacheAt + 1] : undefined
  const cached = cache && existsSync(cache) ? (JSON.parse(readFileSync(cache, 'utf8')) as Scored[][]) : undefined
  // A cache from before per-segment MQM cannot be fitted: run again.
  const data = cached?.every((documents) => documents.every((document) => Array.isArray(document.segmentMqm))) ? cached : years.map((year) => checkDataSet(year.file))
  if (cache) writeFileSync(cache, JSON.stringify(data))
  for (const finding of data.flat().flatMap((document) => document.findings)) kinds.set(finding.ruleId, finding.kind ?? 'lint')
  if (process.argv.includes('--probe')) {
    const report = probe(data)
    process.stdout.write(report)
    if (process.argv.includes('--write')) writeFileSync(join(root, 'reports', 'compare-signals.md'), report)
    return
  }

  const shipped = factorsFor([data[training]!])
  const previous = (JSON.parse(readFileSync(join(root, 'src', 'weights.json'), 'utf8')) as {checks: Factors}).checks
  const alone = data.map((documents) => factorsFor([documents]))
  const leaveOneOut = (settings: Settings, unit: Unit = 'words') => heldOutFactors(data, settings, unit)
  const heldOut = leaveOneOut(chosen)
  const none: Factors = {}
  type Row = [string, (year: number) => Weighing]
  const rows: Row[] = [
    ['lint alone (severity weights)', () => ({factors: none, kind: 'lint'})],
    ['compare alone (severity weights)', () => ({factors: none, kind: 'compare'})],
    ['both (severity weights, every finding counted: before the cap)', () => ({factors: none, capped: false})],
    ['both (severity weights, a check once per segment)', () => ({factors: none})],
    ['**held out**: both, fitted on the other year', (year) => ({factors: heldOut[year]!})],
    [`lint alone (fitted on ${years[training].name})`, () => ({factors: shipped, kind: 'lint'})],
    [`compare alone (fitted on ${years[training].name})`, () => ({factors: shipped, kind: 'compare'})],
    [`**shipped**: both, fitted on ${years[training].name} (in-sample there, held out on ${years.filter((_, index) => index !== training).map((year) => year.name).join(', ')})`, () => ({factors: shipped})],
    ['src/weights.json as it stood before this run (fitted on the findings of an earlier build)', () => ({factors: previous})]
  ]

  const lines = [
    '# Calibrated compare weights',
    '',
    'Generated by `node dist/measure/fit-weights.js --write` (measure/fit-weights.ts).',
    ...years.map((year, index) => `${year.name}: ${year.file}, ${data[index]!.length} documents, ${new Set(data[index]!.map((document) => document.system)).size} systems (the human references included)${index === training ? ': the training year' : ''}.`),
    'Each year is ONE `mtlint compare DIR --format json` run over a folder with one JSONL of {"source","target"} per system and document.',
    'MQM penalty: major 5, minor 1, critical 25 per marked error, raters averaged per segment.',
    'mtlint\'s penalty: as `compare` scores a file, a check counts once per segment (its heaviest finding there), per 1,000 words.',
    'System level: Spearman over systems (penalty per word against MQM per segment), all systems and MT systems only.',
    'Document level: Kendall tau-b over all documents of all systems against MQM per segment (as the acceptance measures) and per word (the penalty\'s unit).',
    `The shipped factors are fitted on ${years[training].name} alone: source-aware checks by the raters' excess penalty on the segments they flag (paired with the other systems' translations of the same segment, ${excessPrior} prior segments of no excess), monolingual rules whose findings alone rank the documents with tau-b above ${chosen.minTau} by least squares (${chosen.ridge} ridge towards factor 1, non-negative). The held-out row scores each year with factors fitted on the other year alone: the figure to expect on a year not seen.`,
    '',
    `| score | ${years.map((year) => `${year.name} systems | ${year.name} MT systems | ${year.name} documents | ${year.name} documents per word`).join(' | ')} |`,
    `|---|${years.map(() => '---|---|---|---|').join('')}`
  ]
  for (const [name, weighing] of rows) {
    const cells = data.map((documents, year) => {
      const result = correlate(documents, (document) => penaltyOf(document, weighing(year)))
      return `${fixed(result.system)} | ${fixed(result.machine)} | ${fixed(result.document)} | ${fixed(result.perWord)}`
    })
    lines.push(`| ${name} | ${cells.join(' | ')} |`)
  }

  const perSegment = data.map((documents) => correlate(documents, (document) => document.words / document.segments.length))
  lines.push(`| reference, no check: words per segment (how much the per-segment figure rewards long segments) | ${perSegment.map((result) => `${fixed(result.system)} | ${fixed(result.machine)} | ${fixed(result.document)} | ${fixed(result.perWord)}`).join(' | ')} |`)

  lines.push(
    '',
    '## The fit\'s settings, each left one year out',
    '',
    `Held-out figures (each year scored with the factors fitted on the other) for each ridge and tau-b threshold tried; shipped: ridge ${chosen.ridge}, tau-b above ${chosen.minTau}.`,
    '',
    `| ridge | tau-b above | ${years.map((year) => `${year.name} systems | ${year.name} documents`).join(' | ')} |`,
    `|---|---|${years.map(() => '---|---|').join('')}`
  )
  for (const settings of settingsTried) {
    const factors = leaveOneOut(settings)
    const cells = data.map((documents, year) => {
      const result = correlate(documents, (document) => penaltyOf(document, {factors: factors[year]!}))
      return `${fixed(result.system)} | ${fixed(result.document)}`
    })
    lines.push(`| ${settings.ridge} | ${settings.minTau} | ${cells.join(' | ')} |`)
  }

  // The unit: the same fit and score per segment, held out.
  const bySegment = leaveOneOut(chosen, 'segments')
  const unitRows: Array<[string, (year: number) => Weighing]> = [
    ['per 1,000 words, factors fitted per 1,000 words (shipped)', (year) => ({factors: heldOut[year]!})],
    ['per segment, factors fitted per segment', (year) => ({factors: bySegment[year]!, unit: 'segments'})],
    ['per segment, factors fitted per 1,000 words', (year) => ({factors: heldOut[year]!, unit: 'segments'})]
  ]
  lines.push(
    '',
    '## The penalty\'s unit, held out',
    '',
    'The penalty per 1,000 words (how `compare` scores a file) or per segment (an estimate of MQM per segment: the unit the raters\' penalty and the source-aware factors have; the monolingual rules then fitted on MQM per segment, systems then weighed by segments). Each year scored with the factors fitted on the other.',
    '',
    `| penalty | ${years.map((year) => `${year.name} systems | ${year.name} documents`).join(' | ')} |`,
    `|---|${years.map(() => '---|---|').join('')}`
  )
  for (const [name, weighing] of unitRows) {
    const cells = data.map((documents, year) => {
      const result = correlate(documents, (document) => penaltyOf(document, weighing(year)), weighing(year).unit)
      return `${fixed(result.system)} | ${fixed(result.document)}`
    })
    lines.push(`| ${name} | ${cells.join(' | ')} |`)
  }

  lines.push(
    '',
    '## What the document figure can reach',
    '',
    'The document figure ranks every document of every system against each other, so it rewards knowing which source documents are hard as much as which translation is worse. Per year: the documents the held-out score gives no penalty (ties at 0), and the tau-b of three scores that know what no checker can: each system\'s mean MQM (a perfect ranking of systems, nothing about documents), each source document\'s mean MQM over all its translations (its difficulty, nothing about the translation), and the held-out score with a perfect ranking of the documents it penalises (the others tied below). "Within a document": tau-b over pairs of translations of the same source document only.',
    '',
    `| | ${years.map((year) => year.name).join(' | ')} |`,
    `|---|${years.map(() => '---|').join('')}`
  )
  const mean = (values: readonly number[]) => values.reduce((sum, value) => sum + value, 0) / values.length
  const meanBy = (documents: readonly Scored[], key: (document: Scored) => string) => {
    const groups = new Map<string, number[]>()
    for (const document of documents) groups.set(key(document), [...(groups.get(key(document)) ?? []), document.mqm])
    return documents.map((document) => mean(groups.get(key(document))!))
  }

  const reach = data.map((documents, year) => {
    const penalties = documents.map((document) => penaltyOf(document, {factors: heldOut[year]!}))
    const mqm = documents.map((document) => document.mqm)
    const sources = documents.map((document) => document.doc)
    const systemMqm = meanBy(documents, (document) => document.system)
    const zero = penalties.filter((penalty) => penalty === 0).length
    return {
      zero: `${zero} of ${documents.length} (${((100 * zero) / documents.length).toFixed(0)}%)`,
      system: fixed(kendallTauB(systemMqm, mqm)),
      difficulty: fixed(kendallTauB(meanBy(documents, (document) => document.doc), mqm)),
      flagged: fixed(kendallTauB(penalties.map((penalty, index) => (penalty === 0 ? 0 : 1000 + mqm[index]!)), mqm)),
      heldOut: fixed(kendallTauB(penalties, mqm)),
      within: fixed(kendallTauB(penalties, mqm, sources)),
      systemWithin: fixed(kendallTauB(systemMqm, mqm, sources))
    }
  })
  const reachRows: Array<[string, keyof (typeof reach)[number]]> = [
    ['documents without a penalty (held-out factors)', 'zero'],
    ['held-out score', 'heldOut'],
    ['each system\'s mean MQM', 'system'],
    ['each source document\'s mean MQM (difficulty)', 'difficulty'],
    ['the held-out score\'s penalised documents ranked perfectly', 'flagged'],
    ['within a document: held-out score', 'within'],
    ['within a document: each system\'s mean MQM', 'systemWithin']
  ]
  for (const [name, key] of reachRows) lines.push(`| ${name} | ${reach.map((entry) => entry[key]).join(' | ')} |`)

  for (const [index, year] of years.entries()) {
    lines.push('', `## Systems of ${year.name}, shipped score`, '', 'MQM per segment and mtlint\'s penalty per 1,000 words, each with its rank (1 = best); the checks that weigh most in the penalty.', '')
    lines.push('| system | MQM | MQM rank | penalty | penalty rank | weighs most (penalty per 1,000 words) |', '|---|---|---|---|---|---|')
    for (const row of systemRows(data[index]!, shipped)) lines.push(`| ${row.system}${row.human ? ' (human)' : ''} | ${row.mqm.toFixed(2)} | ${row.mqmRank} | ${row.penalty.toFixed(2)} | ${row.penaltyRank} | ${row.top} |`)
  }

  if (data.length === 2 && process.argv.includes('--caps')) lines.push(...capsTable(data))
  const counts = findingCounts(data)
  const severities = new Map(data.flat().flatMap((document) => document.findings.map((finding) => [finding.ruleId, finding.severity] as const)))
  const excess = data.map((documents) => pairedExcess([documents]))
  lines.push(
    '',
    `## Factors (source-aware checks: paired excess; monolingual rules with at least ${minFindings} findings on every fitted year: fitted where their findings alone rank the documents with tau-b above ${chosen.minTau} on every year, else 0; other rules keep factor 1)`,
    '',
    `| check | kind | severity | weight by severity | shipped factor (${years[training].name}) | ${years.map((year) => `fitted on ${year.name} alone`).join(' | ')} | ${years.map((year) => `findings ${year.name}`).join(' | ')} | ${years.map((year) => `excess MQM per flagged segment ${year.name}`).join(' | ')} | ${years.map((year) => `tau-b alone ${year.name}`).join(' | ')} |`,
    `|---|---|---|---|---|${years.map(() => '---|---|---|---|').join('')}`
  )
  for (const id of Object.keys(shipped).sort()) {
    const severity = severities.get(id)!
    const excessCells = excess.map((perCheck) => {
      const entry = perCheck.get(id)
      return entry && entry.segments > 0 ? (entry.excess / entry.segments).toFixed(2) : '–'
    })
    lines.push(
      `| ${id} | ${kinds.get(id)} | ${severity} | ${defaultWeights[severity]} | ${shipped[id]} | ${alone.map((factors) => factors[id] ?? '–').join(' | ')} | ${counts.map((count) => count.get(id) ?? 0).join(' | ')} | ${excessCells.join(' | ')} | ${data.map((documents) => fixed(kendallTauB(documents.map(checkPenalty(id)), documents.map((document) => document.mqm)))).join(' | ')} |`
    )
  }

  const report = lines.join('\n') + '\n'
  process.stdout.write(report)
  if (process.argv.includes('--write')) {
    writeFileSync(join(root, 'reports', 'compare-weights.md'), report)
    writeFileSync(
      join(root, 'src', 'weights.json'),
      JSON.stringify({note: `Fitted by measure/fit-weights.ts on ${years[training].file} (the training year): each check's factor on its severity's weight; see reports/compare-weights.md.`, checks: shipped}, null, 2) + '\n'
    )
  }
}

main()
