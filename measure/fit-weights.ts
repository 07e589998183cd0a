/**
 * Fit the per-check weights of the `compare` score on professional MQM
 * ratings, and report how the score ranks systems and documents.
 *
 *   node dist/measure/fit-weights.js [--write]
 *
 * Each data set becomes a folder of documents (one JSONL of {"source","target"}
 * per system and document, measure/lib/mqm-documents.ts) checked by ONE
 * `mtlint compare DIR --format json` run. Weights are fitted on
 * mqm-zhen-nt2020.jsonl: non-negative least squares of the raters' MQM
 * penalty per 1,000 words (major 5, minor 1, critical 25) on each check's
 * findings per 1,000 words, with an intercept for the errors no check sees
 * (not shipped: it moves every document alike). A check with fewer than
 * `minFindings` findings keeps its severity's weight. The fit is then
 * measured on the WMT23 dev set (mqm-zhen-wmt23-news.jsonl): system-level
 * Spearman and document-level Kendall tau-b against MQM, for the lint
 * findings alone (severity weights, as `lint` scores), the compare findings
 * alone and both (the shipped score), and per system of each year its MQM
 * and penalty ranks with the checks that weigh most (which systems the score
 * ranks wrongly, and why). A cap of findings per check and document is
 * measured beside it (not shipped). --write stores the factors in
 * src/weights.json; the figures go to reports/compare-weights.md.
 */
import {spawnSync} from 'node:child_process'
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
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
 * Non-negative least squares with a free intercept, by cyclic coordinate
 * descent: each check's factor on its findings' severity weights per 1,000 words.
 */
function fit(documents: readonly Scored[], ids: readonly string[]): Record<string, number> {
  const rows = documents.map((document) => {
    const counts = ids.map(
      (id) => (1000 * document.findings.filter((finding) => finding.ruleId === id).reduce((sum, finding) => sum + defaultWeights[finding.severity], 0)) / Math.max(document.words, 1)
    )
    return {x: [1, ...counts], y: mqmPer1000(document)}
  })
  const weights = new Array<number>(ids.length + 1).fill(0)
  const residual = rows.map((row) => row.y)
  for (let round = 0; round < 500; round++) {
    for (let column = 0; column < weights.length; column++) {
      let dot = 0
      let norm = 0
      for (const [index, row] of rows.entries()) {
        dot += row.x[column]! * (residual[index]! + row.x[column]! * weights[column]!)
        norm += row.x[column]! ** 2
      }

      if (norm === 0) continue
      const next = column === 0 ? dot / norm : Math.max(0, dot / norm)
      const change = next - weights[column]!
      if (change === 0) continue
      for (const [index, row] of rows.entries()) residual[index] = residual[index]! - change * row.x[column]!
      weights[column] = next
    }
  }

  return Object.fromEntries(ids.map((id, index) => [id, Math.round(weights[index + 1]! * 1000) / 1000]))
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
  system: number
  document: number
}

function correlate(documents: readonly Scored[], weigh: Weigh): Correlation {
  const systems = [...new Set(documents.map((document) => document.system))]
  const systemOf = (system: string, value: (document: Scored) => number, size: (document: Scored) => number) => {
    const mine = documents.filter((document) => document.system === system)
    return mine.reduce((sum, document) => sum + value(document) * size(document), 0) / mine.reduce((sum, document) => sum + size(document), 0)
  }

  const ours = systems.map((system) => systemOf(system, (document) => penaltyOf(document, weigh), (document) => document.words))
  const theirs = systems.map((system) => systemOf(system, (document) => document.mqm, (document) => document.segments.length))
  return {
    system: spearman(ours, theirs),
    document: kendallTauB(
      documents.map((document) => penaltyOf(document, weigh)),
      documents.map((document) => document.mqm)
    )
  }
}

const fixed = (value: number) => value.toFixed(3)
const perDocumentCap = 2

function capped(document: Scored, cap: number): Scored {
  const seen = new Map<string, number>()
  const findings = document.findings.filter((finding) => {
    const count = (seen.get(finding.ruleId) ?? 0) + 1
    seen.set(finding.ruleId, count)
    return count <= cap
  })
  return {...document, findings}
}

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

function main(): void {
  const train = checkDataSet('mqm-zhen-nt2020.jsonl')
  const dev = checkDataSet('mqm-zhen-wmt23-news.jsonl')
  const counts = new Map<string, {count: number; severity: Severity; kind: string}>()
  for (const document of train) {
    for (const finding of document.findings) {
      const entry = counts.get(finding.ruleId) ?? {count: 0, severity: finding.severity, kind: finding.kind ?? 'lint'}
      entry.count++
      counts.set(finding.ruleId, entry)
    }
  }

  // An info finding weighs 0 whatever its factor: nothing to fit.
  const fitted = [...counts.entries()].filter(([, entry]) => entry.count >= minFindings && defaultWeights[entry.severity] > 0).map(([id]) => id).sort()
  const weights = fit(train, fitted)
  const severityWeight: Weigh = (finding) => defaultWeights[finding.severity]
  const calibrated: Weigh = (finding) => weightOf(finding, {...defaultWeights, checks: weights})
  const only = (kind: 'lint' | 'compare', weigh: Weigh): Weigh => (finding) => ((finding.kind ?? 'lint') === kind ? weigh(finding) : 0)
  const rows: Array<[string, Weigh]> = [
    ['lint alone (severity weights)', only('lint', severityWeight)],
    ['compare alone (severity weights)', only('compare', severityWeight)],
    ['both (severity weights)', severityWeight],
    ['lint alone (fitted factors: the shipped lint score)', only('lint', calibrated)],
    ['compare alone (fitted factors)', only('compare', calibrated)],
    ['both (fitted factors: the shipped compare score)', calibrated]
  ]

  // Tried, not shipped: each check counts at most `perDocumentCap` findings per document (one system's style counted once or twice).
  const cappedTrain = train.map((document) => capped(document, perDocumentCap))
  const cappedDev = dev.map((document) => capped(document, perDocumentCap))
  const cappedWeights = fit(cappedTrain, fitted)
  const cappedWeigh: Weigh = (finding) => weightOf(finding, {...defaultWeights, checks: cappedWeights})

  const lines = [
    '# Calibrated compare weights',
    '',
    'Generated by `node dist/measure/fit-weights.js --write` (measure/fit-weights.ts).',
    `Fitted on mqm-zhen-nt2020.jsonl (${train.length} documents, ${new Set(train.map((document) => document.system)).size} systems); measured on the WMT23 dev set`,
    `mqm-zhen-wmt23-news.jsonl (${dev.length} documents, ${new Set(dev.map((document) => document.system)).size} systems, the human reference included), each from ONE`,
    '`mtlint compare DIR --format json` run over a folder with one JSONL of {"source","target"} per system and document.',
    'MQM penalty: major 5, minor 1, critical 25 per marked error, raters averaged per segment.',
    'Document level is Kendall tau-b over all documents of all systems; system level is Spearman over systems (penalty per word vs MQM per segment).',
    '',
    '| score | train system Spearman | train document tau-b | dev system Spearman | dev document tau-b |',
    '|---|---|---|---|---|'
  ]
  for (const [name, weigh] of rows) {
    const a = correlate(train, weigh)
    const b = correlate(dev, weigh)
    lines.push(`| ${name} | ${fixed(a.system)} | ${fixed(a.document)} | ${fixed(b.system)} | ${fixed(b.document)} |`)
  }

  {
    const a = correlate(cappedTrain, cappedWeigh)
    const b = correlate(cappedDev, cappedWeigh)
    lines.push(`| both, at most ${perDocumentCap} findings of a check per document, refitted (not shipped) | ${fixed(a.system)} | ${fixed(a.document)} | ${fixed(b.system)} | ${fixed(b.document)} |`)
  }

  for (const [name, documents] of [['training year (nt2020)', train] as const, ['dev year (WMT23)', dev] as const]) {
    lines.push('', `## Systems of the ${name}, shipped score`, '', 'MQM per segment and mtlint\'s penalty per 1,000 words, each with its rank (1 = best); the checks that weigh most in the penalty.', '')
    lines.push('| system | MQM | MQM rank | penalty | penalty rank | weighs most (penalty per 1,000 words) |', '|---|---|---|---|---|---|')
    for (const row of systemRows(documents, calibrated)) lines.push(`| ${row.system}${row.human ? ' (human)' : ''} | ${row.mqm.toFixed(2)} | ${row.mqmRank} | ${row.penalty.toFixed(2)} | ${row.penaltyRank} | ${row.top} |`)
  }

  lines.push('', `## Weights (checks with at least ${minFindings} findings on the training set; others keep their severity's weight)`, '', '| check | kind | severity | weight by severity | fitted factor | findings (train) |', '|---|---|---|---|---|---|')
  for (const id of fitted) {
    const entry = counts.get(id)!
    lines.push(`| ${id} | ${entry.kind} | ${entry.severity} | ${defaultWeights[entry.severity]} | ${weights[id]} | ${entry.count} |`)
  }

  const report = lines.join('\n') + '\n'
  process.stdout.write(report)
  if (process.argv.includes('--write')) {
    writeFileSync(join(root, 'reports', 'compare-weights.md'), report)
    writeFileSync(
      join(root, 'src', 'weights.json'),
      JSON.stringify({note: "Fitted by measure/fit-weights.ts on mqm-zhen-nt2020.jsonl: each check's factor on its severity's weight; see reports/compare-weights.md.", checks: weights}, null, 2) + '\n'
    )
  }
}

main()
