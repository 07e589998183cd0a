/**
 * `npm run bench`: words per second of the retext-english parse alone, of
 * mtlint with the default rules, and of Harper on the same text, in one
 * process; the cost of each rule alone; peak memory. Writes reports/bench.md
 * and prints which acceptance thresholds pass. A benchmark, not a test.
 * Usage: node dist/measure/bench.js [--rounds 5] [--copies 200] [--rule-copies 40] [--rule-rounds 5] [--budget-seconds 30]
 */
import {spawnSync} from 'node:child_process'
import {readFileSync, writeFileSync, mkdirSync, mkdtempSync, rmSync} from 'node:fs'
import {cpus, loadavg, tmpdir} from 'node:os'
import {join} from 'node:path'
import retextEnglish from 'retext-english'
import {unified} from 'unified'
import {allRules} from '../rules/index.js'
import {defaultConfig, onlyRule, resolveConfig} from '../src/registry.js'
import {lintText} from '../src/engine/lint.js'
import {parseEnglishText} from '../src/engine/parse-text.js'
import {
  maxRulesOverhead,
  minSpeedupOverHarper,
  overheadPasses,
  renderBenchMarkdown,
  speedPasses,
  type BenchResults,
  type RuleCost,
  type Throughput
} from './lib/bench-report.js'
import {projectRoot} from './lib/datasets.js'
import {corpusDir} from './lib/gold.js'
import {medianCpu, medianWall, relativeSpread, timeInterleaved, wordsPerSecond, type Sample} from './lib/timing.js'

function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`)
  const value = index >= 0 ? Number(process.argv[index + 1]) : fallback
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} expects a positive integer`)
  return value
}

const rounds = option('rounds', 5)
const copies = option('copies', 200)
const ruleCopies = option('rule-copies', 40)
const ruleRounds = option('rule-rounds', 5)
/** CPU milliseconds one rule may be projected to take on the long text before it is left out of the long run. */
const budgetMs = option('budget-seconds', 30) * 1000
const loadAtStart = loadavg()[0]!

const seed = readFileSync(join(corpusDir(), 'seed-article.txt'), 'utf8')
const repeat = (times: number) => Array.from({length: times}, () => seed.trimEnd()).join('\n\n') + '\n'
const text = repeat(copies)
const parser = unified().use(retextEnglish).freeze()
const config = defaultConfig()
const path = 'bench.txt'
const enabled = allRules.filter((rule) => config.rules[rule.meta.id]).map((rule) => rule.meta.id)
const mb = (bytes: number) => bytes / 1024 / 1024
const peakRssMb = () => mb(process.resourceUsage().maxRSS * 1024)

// Words as mtlint counts them (the parse alone, every rule off: a superlinear rule must not stall this).
const allOff = resolveConfig({rules: Object.fromEntries(allRules.map((rule) => [rule.meta.id, 'off']))})
const words = lintText(text, path, allOff).words
const singleWords = lintText(seed, path, config).words


// Per-rule cost: each rule alone minus every rule off, on a shorter text.
const ruleText = repeat(ruleCopies)
const ruleWords = lintText(ruleText, path, allOff).words
const ruleConfigs = Object.fromEntries(enabled.map((id) => [id, onlyRule(id)]))
console.log(`per-rule costs: ${enabled.length} rules on ${ruleWords} words, ${ruleRounds} rounds…`)
const ruleTimes = await timeInterleaved(
  {
    '(parse)': () => parseEnglishText(ruleText),
    '(no rule)': () => lintText(ruleText, path, allOff),
    ...Object.fromEntries(enabled.map((id) => [id, () => lintText(ruleText, path, ruleConfigs[id]!)]))
  },
  ruleRounds
)
const ruleParseMs = medianCpu(ruleTimes['(parse)']!)
const baselineMs = medianCpu(ruleTimes['(no rule)']!)
// Growth: the same costs on a quarter of the text, so a rule that is slower than linear shows before it stalls the long run.
const smallText = repeat(Math.max(1, Math.floor(ruleCopies / 4)))
const smallTimes = await timeInterleaved(
  {'(no rule)': () => lintText(smallText, path, allOff), ...Object.fromEntries(enabled.map((id) => [id, () => lintText(smallText, path, ruleConfigs[id]!)]))},
  ruleRounds
)
const smallBaseline = medianCpu(smallTimes['(no rule)']!)
const noiseMs = relativeSpread(ruleTimes['(no rule)']!.map((each) => each.cpuMs)) * baselineMs
const sizeRatio = ruleText.length / smallText.length
const costs: RuleCost[] = enabled.map((id) => {
  const ms = medianCpu(ruleTimes[id]!) - baselineMs
  const smallMs = medianCpu(smallTimes[id]!) - smallBaseline
  // A cost within the spread of "every rule off" is noise, and so would be its exponent.
  const growth = ms > Math.max(5, noiseMs) && smallMs > 1 ? Math.log(ms / smallMs) / Math.log(sizeRatio) : undefined
  const projected = ms * (text.length / ruleText.length) ** Math.max(1, growth ?? 1)
  return {ruleId: id, ms, shareOfParse: ms / ruleParseMs, findings: lintText(ruleText, path, ruleConfigs[id]!).findings.length, growth, projectedLongMs: projected}
})
// A rule projected to take minutes on the long text is left out of the long run (and named), or the benchmark would not finish.
const tooSlow = costs.filter((cost) => cost.projectedLongMs > budgetMs).map((cost) => cost.ruleId)
const longConfig = tooSlow.length === 0 ? config : resolveConfig({rules: Object.fromEntries(tooSlow.map((id) => [id, 'off']))})
const longRules = enabled.filter((id) => !tooSlow.includes(id))
if (tooSlow.length > 0) console.log(`left out of the long run (projected over ${budgetMs / 1000} s each): ${tooSlow.join(', ')}`)

// Memory of mtlint alone, before Harper's WebAssembly is loaded: one lint of the long text.
lintText(text, path, longConfig)
const heapAfterLint = mb(process.memoryUsage().heapUsed)
const rssBeforeHarper = peakRssMb()

// Warm-up on the single article: JIT for mtlint and the parser, lazy set-up for Harper.
type Lint = (input: string) => Promise<unknown>
let harperLint: Lint | undefined
let harperVersion = ''
let harperSkipped: string | undefined
try {
  const {LocalLinter} = await import('harper.js')
  const {binary} = await import('harper.js/binary')
  const linter = new LocalLinter({binary})
  await linter.setup()
  // Default options (Markdown): its plaintext mode grows faster than linearly with the text (2.9 s vs 2.0 s at 40 copies).
  harperLint = (input) => linter.lint(input)
  harperVersion = (JSON.parse(readFileSync(join(projectRoot(), 'node_modules', 'harper.js', 'package.json'), 'utf8')) as {version: string}).version
} catch (error) {
  harperSkipped = (error as Error).message
}

const singleRuns = 30
console.log(`single article (${singleWords} words): warm-up and ${singleRuns} rounds…`)
const singleEntries: Record<string, () => unknown> = {
  parse: () => parser.parse(seed),
  engineParse: () => parseEnglishText(seed),
  mtlint: () => lintText(seed, path, config)
}
if (harperLint) singleEntries['harper'] = () => harperLint!(seed)
await timeInterleaved(singleEntries, 5)
const single = await timeInterleaved(singleEntries, singleRuns)


// (a), (b) and (c) on the long text, interleaved.
console.log(`long text (${words} words): ${rounds} rounds of retext-english, mtlint's parse, mtlint${harperLint ? ' and harper' : ''}…`)
let harperLints = 0
// The time of each rule inside the full runs (wall clock, as ESLint's TIMING): switched on for the mtlint entry only,
// by the wall clock alone (ruleTimeCpu: false), so that the stopwatch makes no system call per sentence tagged.
let inFullRun: Map<string, number> | undefined
const longEntries: Record<string, () => unknown> = {
  parse: () => parser.parse(text),
  engineParse: () => parseEnglishText(text),
  mtlint: () => {
    const times = (inFullRun ??= new Map())
    lintText(text, path, longConfig, undefined, {onRuleTime: (id, ms) => times.set(id, (times.get(id) ?? 0) + ms / rounds), ruleTimeCpu: false})
  }
}
if (harperLint) longEntries['harper'] = async () => (harperLints = ((await harperLint!(text)) as unknown[]).length)
// The command line as a user runs it: a new process that starts Node, loads the config, reads the file, lints and prints JSON.
const scratch = mkdtempSync(join(tmpdir(), 'mtlint-bench-'))
const longFile = join(scratch, 'seed-x200.txt')
writeFileSync(longFile, text)
longEntries['cli'] = () => {
  const run = spawnSync(process.execPath, [join(projectRoot(), 'bin', 'mtlint.js'), 'lint', '--format', 'json', longFile], {maxBuffer: 1 << 30, encoding: 'utf8'})
  if (run.status !== 0 && run.status !== 1) throw new Error(`mtlint lint exited with ${String(run.status)}: ${run.stderr}`)
}
const long = await timeInterleaved(longEntries, rounds)
rmSync(scratch, {recursive: true, force: true})

function throughput(name: string, samples: readonly Sample[]): Throughput {
  const ms = medianCpu(samples)
  return {name, medianMs: ms, medianWallMs: medianWall(samples), runs: samples.map((each) => each.cpuMs), wordsPerSecond: wordsPerSecond(words, ms)}
}

const parse = throughput('retext-english parse alone (`unified().use(retextEnglish).parse`)', long['parse']!)
const engineParse = throughput('mtlint’s parse (parse-english, windowed sentence pass: the same tree)', long['engineParse']!)
const lint = throughput(
  tooSlow.length === 0 ? `mtlint lintText, default rules (${enabled.length})` : `mtlint lintText, default rules without ${tooSlow.join(', ')} (${longRules.length})`,
  long['mtlint']!
)
// A child's CPU time is not this process's: the command line is compared in wall time.
const cli = {medianWallMs: medianWall(long['cli']!), runs: long['cli']!.map((each) => each.wallMs)}
const harper = long['harper'] ? {...throughput('Harper (harper.js LocalLinter)', long['harper']), lints: harperLints, version: harperVersion} : undefined

const projectedLeftOut = costs.filter((cost) => tooSlow.includes(cost.ruleId)).reduce((sum, cost) => sum + cost.projectedLongMs, 0)

const results: BenchResults = {
  generated: new Date().toISOString().slice(0, 10),
  node: process.versions.node,
  cpus: cpus().length,
  copies,
  words,
  characters: text.length,
  rounds,
  load: [loadAtStart, loadavg()[0]!],
  singleThreadedGc: process.execArgv.includes('--single-threaded-gc'),
  rules: enabled.length,
  parse,
  engineParse,
  lint,
  cli,
  harper,
  harperSkipped,
  single: {
    parseMs: medianCpu(single['parse']!),
    engineParseMs: medianCpu(single['engineParse']!),
    mtlintMs: medianCpu(single['mtlint']!),
    harperMs: single['harper'] ? medianCpu(single['harper']) : undefined,
    words: singleWords,
    runs: singleRuns
  },
  leftOut: costs.filter((cost) => tooSlow.includes(cost.ruleId)).map((cost) => ({ruleId: cost.ruleId, projectedMs: cost.projectedLongMs})),
  // Rules left out of the long run still count, with their projected time.
  speedup: harper ? harper.medianMs / (lint.medianMs + projectedLeftOut) : undefined,
  // The rules' own time (lint minus the parse it runs) against the time of retext-english parsing alone.
  overhead: (lint.medianMs + projectedLeftOut - engineParse.medianMs) / parse.medianMs,
  measured: {speedup: harper ? harper.medianMs / lint.medianMs : undefined, overhead: (lint.medianMs - engineParse.medianMs) / parse.medianMs},
  rulesOverEngineParse: (lint.medianMs + projectedLeftOut - engineParse.medianMs) / engineParse.medianMs,
  memory: {rssAfterMtlintMb: rssBeforeHarper, heapPeakMtlintMb: heapAfterLint, rssAfterHarperMb: harper ? peakRssMb() : undefined},
  perRule: {copies: ruleCopies, words: ruleWords, rounds: ruleRounds, parseMs: ruleParseMs, baselineMs, spread: relativeSpread(ruleTimes['(no rule)']!.map((each) => each.cpuMs)), costs},
  inFullRun: Object.fromEntries(inFullRun ?? [])
}

mkdirSync(join(projectRoot(), 'reports'), {recursive: true})
writeFileSync(join(projectRoot(), 'reports', 'bench.md'), renderBenchMarkdown(results))

const rate = (row: Throughput) => `${Math.round(row.wordsPerSecond).toLocaleString('en-US')} words/s (median CPU ${Math.round(row.medianMs)} ms, wall ${Math.round(row.medianWallMs)} ms)`
console.log(`\nparse alone: ${rate(parse)}\nmtlint parse: ${rate(engineParse)}\nmtlint:      ${rate(lint)}`)
console.log(`mtlint lint (command line, wall): ${Math.round(cli.medianWallMs)} ms${harper ? `, ${(harper.medianWallMs / cli.medianWallMs).toFixed(1)}x faster than harper in wall time` : ''}`)
console.log(harper ? `harper:      ${rate(harper)}` : `harper:      skipped (${harperSkipped})`)
const speed = speedPasses(results)
console.log(`${speed === undefined ? 'n/a ' : speed ? 'PASS' : 'FAIL'} mtlint vs harper: ${results.speedup?.toFixed(1) ?? '?'}x faster (need >= ${minSpeedupOverHarper}x)`)
console.log(`${overheadPasses(results) ? 'PASS' : 'FAIL'} rules overhead: ${(results.overhead * 100).toFixed(1)}% of the retext-english parse (need <= ${maxRulesOverhead * 100}%)`)
console.log(`     rules over mtlint's own parse: ${(results.rulesOverEngineParse * 100).toFixed(1)}%`)
if (tooSlow.length > 0) {
  console.log(
    `     without ${tooSlow.join(', ')}: ${results.measured.speedup?.toFixed(1) ?? '?'}x faster than harper, overhead ${(results.measured.overhead * 100).toFixed(1)}%`
  )
}
console.log(`peak RSS ${Math.round(results.memory.rssAfterMtlintMb)} MB before harper${results.memory.rssAfterHarperMb ? `, ${Math.round(results.memory.rssAfterHarperMb)} MB at the end` : ''}`)
console.log(
  'costliest rules in the full run:',
  Object.entries(results.inFullRun)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 3)
    .map(([id, ms]) => `${id} ${Math.round(ms)} ms`)
    .join(', ')
)
console.log(`load average ${results.load[0].toFixed(1)} -> ${results.load[1].toFixed(1)} on ${results.cpus} CPUs; wrote reports/bench.md`)

// The editor path: edit-to-diagnostics latency of the real language server on 20,000 words.
if (process.env['MTLINT_BENCH_SKIP_LSP'] !== '1') {
  const {runLspBench, lspBenchMarkdown} = await import('./bench-lsp.js')
  const lsp = await runLspBench()
  writeFileSync(join(projectRoot(), 'reports', 'bench-lsp.md'), lspBenchMarkdown(lsp))
  console.log('language server: wrote reports/bench-lsp.md')
}
