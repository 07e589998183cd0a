/**
 * Fit the per-check weights of the `compare` score on professional MQM
 * ratings of two years, and report how the score ranks systems and documents
 * on each year with the weights fitted on the other (the honest figure for a
 * year we have not seen).
 *
 *   node dist/measure/fit-weights.js [--write] [--cache FILE]
 *
 * --cache FILE keeps the two compare runs' results in FILE (read when it
 * exists): refitting after a change of the fit alone takes seconds, not
 * minutes. Delete the file when a check or rule changed.
 *
 * Each data set becomes a folder of documents (one JSONL of {"source","target"}
 * per system and document, measure/lib/mqm-documents.ts) checked by ONE
 * `mtlint compare DIR --format json` run. The fit: non-negative least squares
 * of the raters' MQM penalty per 1,000 words (major 5, minor 1, critical 25)
 * on each check's findings per 1,000 words (severity weights), each year's
 * documents weighing 1/N of that year (a year counts as much as the other,
 * whatever its size), a free intercept per year (not shipped: it moves every
 * document alike), and a ridge pull of every factor towards 1 (a check's
 * severity weight as it is) so that a check with few findings keeps about its
 * severity's weight instead of a factor fitted to a handful of documents.
 * Only a monolingual rule with at least `minFindings` findings on every fitted year is
 * fitted (the source-aware checks weigh their severity: see screen()), and only if its findings alone rank that year's documents the
 * raters' way (tau-b above `chosen.minTau`, screen()); one that does not on some
 * year weighs 0, and a check with fewer findings keeps factor 1 unfitted
 * (few checks, few parameters: what transfers to a year not seen). Shipped: the fit on both years (newstest2020 and
 * WMT23). Reported: leave one year out (fit on one year, measure on the
 * other), the fit on both, and severity weights alone; per year system-level
 * Spearman over all systems and over MT systems only, and document-level
 * Kendall tau-b against MQM per segment (the issue's acceptance) and per word
 * (the unit of mtlint's penalty); per system of each year its MQM and penalty
 * ranks with the checks that weigh most. --write stores the factors in
 * src/weights.json; the figures go to reports/compare-weights.md.
 */
import {spawnSync} from 'node:child_process'
import {existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join, resolve} from 'node:path'
import {defaultWeights, weightOf} from '../src/engine/score.js'
import type {Severity} from '../src/engine/types.js'
import {documentsOf, readRows, writeDocuments, type MqmDocument} from './lib/mqm-documents.js'

const root = resolve(import.meta.dirname, '..', '..')
const data = resolve(root, '..', 'shared', 'data')
const minFindings = 10

interface ReportedFinding {
  ruleId: string
  kind?: 'lint' | 'compare'
  severity: Severity
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
      return {...document, words: entry.words, findings: entry.findings}
    })
  } finally {
    rmSync(folder, {recursive: true, force: true})
  }
}

/** MQM penalty per 1,000 words: the unit of mtlint's penalty. */
const mqmPer1000 = (document: Scored) => (1000 * document.mqm * document.segments.length) / Math.max(document.words, 1)

type Weigh = (finding: ReportedFinding) => number

function penaltyOf(document: Scored, weigh: Weigh): number {
  return (1000 * document.findings.reduce((sum, finding) => sum + weigh(finding), 0)) / Math.max(document.words, 1)
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
 * Non-negative least squares of MQM per 1,000 words on each check's findings
 * (severity weights) per 1,000 words, with an intercept per year, each year's
 * documents weighing 1/N, and a ridge pull towards factor 1; cyclic
 * coordinate descent on the centred columns.
 */
function fit(years: ReadonlyArray<readonly Scored[]>, ids: readonly string[], ridge: number): Record<string, number> {
  const columns = ids.map(() => [] as number[])
  const target: number[] = []
  const weight: number[] = []
  for (const documents of years) {
    const x = documents.map((document) => {
      const sums = new Map<string, number>()
      for (const finding of document.findings) sums.set(finding.ruleId, (sums.get(finding.ruleId) ?? 0) + defaultWeights[finding.severity])
      return ids.map((id) => (1000 * (sums.get(id) ?? 0)) / Math.max(document.words, 1))
    })
    const y = documents.map(mqmPer1000)
    // Centring each year's columns and target is the free intercept of that year.
    const mean = (values: readonly number[]) => values.reduce((sum, value) => sum + value, 0) / values.length
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

  return Object.fromEntries(ids.map((id, index) => [id, Math.round(factors[index]! * 1000) / 1000]))
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

/** Kendall's tau-b (ties in either list allowed); O(n^2), fine for a few thousand documents. */
function kendallTauB(a: readonly number[], b: readonly number[]): number {
  let concordant = 0
  let discordant = 0
  let tiesA = 0
  let tiesB = 0
  for (let i = 0; i < a.length; i++) {
    for (let j = i + 1; j < a.length; j++) {
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

function correlate(documents: readonly Scored[], penalty: (document: Scored) => number): Correlation {
  const systemLevel = (mine: readonly Scored[]) => {
    const systems = [...new Set(mine.map((document) => document.system))]
    const mean = (system: string, value: (document: Scored) => number, size: (document: Scored) => number) => {
      const of = mine.filter((document) => document.system === system)
      return of.reduce((sum, document) => sum + value(document) * size(document), 0) / of.reduce((sum, document) => sum + size(document), 0)
    }

    return spearman(
      systems.map((system) => mean(system, penalty, (document) => document.words)),
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
function systemRows(documents: readonly Scored[], weigh: Weigh) {
  const systems = [...new Set(documents.map((document) => document.system))]
  const rows = systems.map((system) => {
    const mine = documents.filter((document) => document.system === system)
    const words = mine.reduce((sum, document) => sum + document.words, 0)
    const segments = mine.reduce((sum, document) => sum + document.segments.length, 0)
    const byCheck = new Map<string, number>()
    for (const finding of mine.flatMap((document) => document.findings)) byCheck.set(finding.ruleId, (byCheck.get(finding.ruleId) ?? 0) + weigh(finding))
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

const years = [
  {name: 'newstest2020', file: 'mqm-zhen-nt2020.jsonl'},
  {name: 'WMT23', file: 'mqm-zhen-wmt23-news.jsonl'}
] as const

/** A check's penalty alone per document (per 1,000 words, severity weights). */
const checkPenalty = (id: string) => (document: Scored) => penaltyOf(document, (finding) => (finding.ruleId === id ? defaultWeights[finding.severity] : 0))

/**
 * The checks with the evidence to be fitted on some years: a monolingual rule
 * (a source-aware finding is an MQM error of its own, a changed number a major
 * mistranslation, a number left out a minor omission: it weighs its severity,
 * factor 1; fitted, those factors made proxies for the other errors of the
 * systems that omit, and penalised the human references the raters rate
 * best on newstest2020: leaving one year out, systems -0.01 there), with a
 * severity that weighs (an info finding weighs 0 whatever its factor) and at
 * least `minFindings` findings on every one of them. Of those, a check whose
 * findings alone rank the documents against MQM (tau-b above `minTau`) on
 * every year is fitted; the others weigh 0: their relation to the raters'
 * judgement is not the same from year to year, so a factor fitted to one year
 * does not transfer. Checks without the evidence keep factor 1 unfitted.
 */
function screen(data: ReadonlyArray<readonly Scored[]>, minTau: number): {fitted: string[]; zeroed: string[]} {
  const counts = data.map((documents) => {
    const count = new Map<string, number>()
    for (const finding of documents.flatMap((document) => document.findings)) {
      if (defaultWeights[finding.severity] > 0) count.set(finding.ruleId, (count.get(finding.ruleId) ?? 0) + 1)
    }

    return count
  })
  const sourceAware = new Set(data.flat().flatMap((document) => document.findings.filter((finding) => finding.kind === 'compare').map((finding) => finding.ruleId)))
  const candidates = [...new Set(counts.flatMap((count) => [...count.keys()]))]
    .filter((id) => !sourceAware.has(id) && counts.every((count) => (count.get(id) ?? 0) >= minFindings))
    .sort()
  const tracks = (id: string) => data.every((documents) => kendallTauB(documents.map(checkPenalty(id)), documents.map((document) => document.mqm)) > minTau)
  return {fitted: candidates.filter(tracks), zeroed: candidates.filter((id) => !tracks(id))}
}

/** The factors of the checks with the evidence, fitted on some years: the screened checks fitted, the others 0. */
function factorsFor(data: ReadonlyArray<readonly Scored[]>, settings: Settings = chosen): Record<string, number> {
  const {fitted, zeroed} = screen(data, settings.minTau)
  const factors: Record<string, number> = {...Object.fromEntries(zeroed.map((id) => [id, 0])), ...fit(data, fitted, settings.ridge)}
  return Object.fromEntries(Object.keys(factors).sort().map((id) => [id, factors[id]!]))
}

const weighWith = (checks: Record<string, number>): Weigh => (finding) => weightOf(finding, {...defaultWeights, checks})

function main(): void {
  const cacheAt = process.argv.indexOf('--cache')
  const cache = cacheAt > 0 ? process.argv[cacheAt + 1] : undefined
  const data = cache && existsSync(cache) ? (JSON.parse(readFileSync(cache, 'utf8')) as Scored[][]) : years.map((year) => checkDataSet(year.file))
  if (cache) writeFileSync(cache, JSON.stringify(data))
  const shipped = factorsFor(data)
  const both = Object.keys(shipped).sort()
  const alone = data.map((documents) => factorsFor([documents]))
  // Leave one year out: each year scored with the factors fitted on the other years.
  const leaveOneOut = (settings: Settings) => data.map((_, index) => factorsFor(data.filter((__, other) => other !== index), settings))
  const heldOut = leaveOneOut(chosen)
  const severityWeight: Weigh = (finding) => defaultWeights[finding.severity]
  const calibrated = weighWith(shipped)
  const only = (kind: 'lint' | 'compare', weigh: Weigh): Weigh => (finding) => ((finding.kind ?? 'lint') === kind ? weigh(finding) : 0)
  type Row = [string, (year: number) => (document: Scored) => number]
  const fixedWeigh = (weigh: Weigh) => () => (document: Scored) => penaltyOf(document, weigh)
  const rows: Row[] = [
    ['lint alone (severity weights)', fixedWeigh(only('lint', severityWeight))],
    ['compare alone (severity weights)', fixedWeigh(only('compare', severityWeight))],
    ['both (severity weights, no fit)', fixedWeigh(severityWeight)],
    ['**held out**: both, fitted on the other year', (year) => (document) => penaltyOf(document, weighWith(heldOut[year]!))],
    ['lint alone (fitted on both years: the shipped lint score)', fixedWeigh(only('lint', calibrated))],
    ['compare alone (fitted on both years)', fixedWeigh(only('compare', calibrated))],
    ['both, fitted on both years (the shipped compare score; in-sample on both)', fixedWeigh(calibrated)],
    ['reference, no check: words per segment (how much the per-segment figure rewards long segments)', () => (document) => document.words / document.segments.length]
  ]

  const lines = [
    '# Calibrated compare weights',
    '',
    'Generated by `node dist/measure/fit-weights.js --write` (measure/fit-weights.ts).',
    ...years.map((year, index) => `${year.name}: ${year.file}, ${data[index]!.length} documents, ${new Set(data[index]!.map((document) => document.system)).size} systems (the human references included).`),
    'Each year is ONE `mtlint compare DIR --format json` run over a folder with one JSONL of {"source","target"} per system and document.',
    'MQM penalty: major 5, minor 1, critical 25 per marked error, raters averaged per segment.',
    'System level: Spearman over systems (penalty per word against MQM per segment), all systems and MT systems only.',
    'Document level: Kendall tau-b over all documents of all systems against MQM per segment (as the acceptance measures) and per word (the penalty\'s unit).',
    `The shipped factors are fitted on both years (only monolingual rules whose findings alone rank each year's documents with tau-b above ${chosen.minTau}; ${chosen.ridge} ridge towards factor 1, non-negative, each year weighing the same); the held-out row scores each year with factors fitted on the other year alone: the figure to expect on a year not seen.`,
    '',
    `| score | ${years.map((year) => `${year.name} systems | ${year.name} MT systems | ${year.name} documents | ${year.name} documents per word`).join(' | ')} |`,
    `|---|${years.map(() => '---|---|---|---|').join('')}`
  ]
  for (const [name, penalty] of rows) {
    const cells = data.map((documents, year) => {
      const result = correlate(documents, penalty(year))
      return `${fixed(result.system)} | ${fixed(result.machine)} | ${fixed(result.document)} | ${fixed(result.perWord)}`
    })
    lines.push(`| ${name} | ${cells.join(' | ')} |`)
  }

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
      const result = correlate(documents, (document) => penaltyOf(document, weighWith(factors[year]!)))
      return `${fixed(result.system)} | ${fixed(result.document)}`
    })
    lines.push(`| ${settings.ridge} | ${settings.minTau} | ${cells.join(' | ')} |`)
  }

  for (const [index, year] of years.entries()) {
    lines.push('', `## Systems of ${year.name}, shipped score`, '', 'MQM per segment and mtlint\'s penalty per 1,000 words, each with its rank (1 = best); the checks that weigh most in the penalty.', '')
    lines.push('| system | MQM | MQM rank | penalty | penalty rank | weighs most (penalty per 1,000 words) |', '|---|---|---|---|---|---|')
    for (const row of systemRows(data[index]!, calibrated)) lines.push(`| ${row.system}${row.human ? ' (human)' : ''} | ${row.mqm.toFixed(2)} | ${row.mqmRank} | ${row.penalty.toFixed(2)} | ${row.penaltyRank} | ${row.top} |`)
  }

  const counts = new Map<string, {severity: Severity; kind: string; perYear: number[]}>()
  for (const [year, documents] of data.entries()) {
    for (const finding of documents.flatMap((document) => document.findings)) {
      const entry = counts.get(finding.ruleId) ?? {severity: finding.severity, kind: finding.kind ?? 'lint', perYear: years.map(() => 0)}
      entry.perYear[year]!++
      counts.set(finding.ruleId, entry)
    }
  }

  lines.push(
    '',
    `## Factors (monolingual rules with at least ${minFindings} findings on every fitted year: fitted where their findings alone rank the documents with tau-b above ${chosen.minTau} on every year, else 0; source-aware checks and other rules keep factor 1)`,
    '',
    `| check | kind | severity | weight by severity | shipped factor (both years) | ${years.map((year) => `fitted on ${year.name} alone`).join(' | ')} | ${years.map((year) => `findings ${year.name}`).join(' | ')} | ${years.map((year) => `tau-b alone ${year.name}`).join(' | ')} |`,
    `|---|---|---|---|---|${years.map(() => '---|---|---|').join('')}`
  )
  for (const id of both) {
    const entry = counts.get(id)!
    lines.push(`| ${id} | ${entry.kind} | ${entry.severity} | ${defaultWeights[entry.severity]} | ${shipped[id]} | ${alone.map((factors) => factors[id] ?? '–').join(' | ')} | ${entry.perYear.join(' | ')} | ${data.map((documents) => fixed(kendallTauB(documents.map(checkPenalty(id)), documents.map((document) => document.mqm)))).join(' | ')} |`)
  }

  const report = lines.join('\n') + '\n'
  process.stdout.write(report)
  if (process.argv.includes('--write')) {
    writeFileSync(join(root, 'reports', 'compare-weights.md'), report)
    writeFileSync(
      join(root, 'src', 'weights.json'),
      JSON.stringify({note: "Fitted by measure/fit-weights.ts on mqm-zhen-nt2020.jsonl and mqm-zhen-wmt23-news.jsonl: each check's factor on its severity's weight; see reports/compare-weights.md.", checks: shipped}, null, 2) + '\n'
    )
  }
}

main()
