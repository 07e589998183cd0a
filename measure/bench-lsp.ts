/**
 * Start-up of `mtlint lsp` (spawn -> `initialize` answered -> first
 * diagnostics of the seed article after `didOpen`, against a bare `node -e 0`
 * in the same rounds), and edit-to-diagnostics latency on a 20,000-word document: a
 * real stdio server (bin/mtlint.js lsp, default settings) driven by a
 * protocol client, one-character edits at seeded random places, each from an
 * idle server. Measures the first publishDiagnostics of the edited version
 * (paragraph rules fresh, document findings carried over) and the complete
 * one (document rules re-run after the pause). A benchmark, not a test.
 *
 *   node dist/measure/bench-lsp.js            writes reports/bench-lsp.md
 *   import {runLspBench, lspBenchMarkdown} from './bench-lsp.js'
 */
import {spawn} from 'node:child_process'
import {readFileSync, writeFileSync, mkdirSync} from 'node:fs'
import {cpus, loadavg} from 'node:os'
import {join, resolve} from 'node:path'
import {fileURLToPath, pathToFileURL} from 'node:url'
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type PublishDiagnosticsParams
} from 'vscode-languageserver-protocol/node.js'
import {lintText} from '../src/engine/lint.js'
import {loadMarkupParsers} from '../src/engine/parse.js'
import {defaultConfig} from '../src/registry.js'

export interface LatencyStats {
  samples: number
  median: number
  p95: number
  max: number
}

/** One fresh server per round; times in ms, from the spawn unless named otherwise. */
export interface ColdStart {
  rounds: number
  /** A bare `node -e 0`, spawn to exit: the peer. */
  node: LatencyStats
  initialized: LatencyStats
  /** didOpen sent -> first publishDiagnostics of the seed article. */
  openToDiagnostics: LatencyStats
  firstDiagnostics: LatencyStats
  /** CPU time of the server process (all threads), spawn -> first diagnostics and didOpen -> first diagnostics; 10 ms ticks, Linux only. */
  cpuToDiagnostics?: LatencyStats
  cpuOpenToDiagnostics?: LatencyStats
}

export interface LspBenchResult {
  cold: ColdStart
  words: number
  characters: number
  openMs: number
  firstPublish: LatencyStats
  completePublish: LatencyStats
  markdown?: {words: number; firstPublish: LatencyStats}
  node: string
  cpu: string
  /** One-minute load average before and after the run (the machine is shared). */
  load: [number, number]
}

export interface LspBenchOptions {
  /** The project root (holds bin/mtlint.js); default: found from this file. */
  root?: string
  /** One-character edits to time (default 100). */
  edits?: number
  /** Also time edits of the same text as Markdown (default 30; 0 skips). */
  markdownEdits?: number
  /** Seed of the edit positions. */
  seed?: number
  /** Fresh servers to time from spawn to the seed's first diagnostics (default 5). */
  coldRounds?: number
}

const ownText = `Negotiators from both delegations met again on Tuesday in a hotel by the lake, where the talks had been moved after the first round ended without a statement. Officials described the mood as businesslike and said the agenda would be settled before the ministers arrived.

Analysts in the capital cautioned that the meeting was unlikely to change the positions of either side. Several diplomats said privately that the most they expected was an agreement to keep talking and a date for the next round.

The foreign ministry published a short summary in the evening. It said the two sides had exchanged written proposals on military exercises, on the placement of missiles and on transparency measures, and that experts would meet next week to compare them.`

/** Seed article repeated, with our own paragraphs between copies, to at least 20,000 words. */
export function benchText(root: string): string {
  const seedArticle = readFileSync(join(root, 'corpus/seed-article.txt'), 'utf8').trim()
  const unit = seedArticle + '\n\n' + ownText
  const copies = Math.ceil(20_000 / lintText(unit, 'bench.txt', defaultConfig()).words)
  let text = Array.from({length: copies}, () => unit).join('\n\n') + '\n'
  // Blank-line joins can merge a word or two at the seams: top up if needed.
  while (lintText(text, 'bench.txt', defaultConfig()).words < 20_000) text += '\n' + ownText + '\n'
  return text
}

export async function runLspBench(options: LspBenchOptions = {}): Promise<LspBenchResult> {
  const root = options.root ?? resolve(fileURLToPath(new URL('.', import.meta.url)), '../..')
  const loadBefore = loadavg()[0]!
  const cold = await coldStart(root, options.coldRounds ?? 5)
  const text = benchText(root)
  const words = lintText(text, 'bench.txt', defaultConfig()).words
  const server = startServer(root)
  try {
    await server.initialize()
    const uri = pathToFileURL(join(root, 'bench-lsp-document.txt')).href
    let start = performance.now()
    await server.open(uri, text, 'plaintext')
    await server.complete(uri, 1)
    const openMs = performance.now() - start
    const {first, complete} = await timeEdits(server, uri, text, options.edits ?? 100, options.seed ?? 42, 1)

    let markdown: LspBenchResult['markdown']
    const markdownEdits = options.markdownEdits ?? 30
    if (markdownEdits > 0) {
      await loadMarkupParsers()
      const mdUri = pathToFileURL(join(root, 'bench-lsp-document.md')).href
      start = performance.now()
      await server.open(mdUri, text, 'markdown')
      await server.complete(mdUri, 1)
      const timed = await timeEdits(server, mdUri, text, markdownEdits, options.seed ?? 42, 1)
      markdown = {words: lintText(text, 'bench.md', defaultConfig()).words, firstPublish: stats(timed.first)}
    }

    return {
      cold,
      words,
      characters: text.length,
      openMs,
      firstPublish: stats(first),
      completePublish: stats(complete),
      markdown,
      node: process.version,
      cpu: `${cpus()[0]?.model ?? 'unknown'} × ${cpus().length}`,
      load: [loadBefore, loadavg()[0]!]
    }
  } finally {
    await server.stop()
  }
}

/** Rounds of: a bare `node -e 0`, then a fresh server opening the seed article (as an editor does, didOpen right after `initialized`). */
async function coldStart(root: string, rounds: number): Promise<ColdStart> {
  const seedText = readFileSync(join(root, 'corpus/seed-article.txt'), 'utf8')
  const node: number[] = []
  const initialized: number[] = []
  const openToDiagnostics: number[] = []
  const firstDiagnostics: number[] = []
  const cpuToDiagnostics: number[] = []
  const cpuOpenToDiagnostics: number[] = []
  for (let round = 0; round < rounds; round++) {
    let start = performance.now()
    await new Promise((resolve) => spawn(process.execPath, ['-e', '0'], {stdio: 'ignore'}).on('exit', resolve))
    node.push(performance.now() - start)

    start = performance.now()
    const server = startServer(root)
    await server.initialize()
    initialized.push(performance.now() - start)
    const opened = performance.now()
    const cpuAtOpen = server.cpuMs()
    const uri = pathToFileURL(join(root, 'corpus/seed-article.txt')).href
    await server.open(uri, seedText, 'plaintext')
    await server.published(uri, 1)
    openToDiagnostics.push(performance.now() - opened)
    firstDiagnostics.push(performance.now() - start)
    const cpuAtDiagnostics = server.cpuMs()
    if (cpuAtOpen !== undefined && cpuAtDiagnostics !== undefined) {
      cpuToDiagnostics.push(cpuAtDiagnostics)
      cpuOpenToDiagnostics.push(cpuAtDiagnostics - cpuAtOpen)
    }

    await server.stop()
  }

  const cpu = cpuToDiagnostics.length === rounds ? {cpuToDiagnostics: stats(cpuToDiagnostics), cpuOpenToDiagnostics: stats(cpuOpenToDiagnostics)} : {}
  return {rounds, node: stats(node), initialized: stats(initialized), openToDiagnostics: stats(openToDiagnostics), firstDiagnostics: stats(firstDiagnostics), ...cpu}
}

/** Alternately insert a letter at a random place and delete it again, each edit from an idle server. */
async function timeEdits(server: BenchServer, uri: string, text: string, edits: number, seed: number, version: number) {
  const random = mulberry32(seed)
  const first: number[] = []
  const complete: number[] = []
  let current = text
  let inserted = -1
  for (let edit = 0; edit < edits; edit++) {
    version++
    let change: {range: {start: Position; end: Position}; text: string}
    if (inserted === -1) {
      inserted = Math.floor(random() * current.length)
      const at = positionAt(current, inserted)
      change = {range: {start: at, end: at}, text: 'e'}
      current = current.slice(0, inserted) + 'e' + current.slice(inserted)
    } else {
      change = {range: {start: positionAt(current, inserted), end: positionAt(current, inserted + 1)}, text: ''}
      current = current.slice(0, inserted) + current.slice(inserted + 1)
      inserted = -1
    }

    const start = performance.now()
    await server.change(uri, version, change)
    await server.published(uri, version)
    first.push(performance.now() - start)
    await server.complete(uri, version)
    complete.push(performance.now() - start)
  }

  return {first, complete}
}

interface Position {
  line: number
  character: number
}

function positionAt(text: string, offset: number): Position {
  const before = text.slice(0, offset)
  const line = before.split('\n').length - 1
  return {line, character: offset - (before.lastIndexOf('\n') + 1)}
}

interface BenchServer {
  initialize(): Promise<void>
  open(uri: string, text: string, languageId: string): Promise<void>
  change(uri: string, version: number, change: {range: {start: Position; end: Position}; text: string}): Promise<void>
  published(uri: string, version: number): Promise<void>
  complete(uri: string, version: number): Promise<void>
  stop(): Promise<void>
  /** CPU time the server process has used so far (all its threads), ms; undefined off Linux. */
  cpuMs(): number | undefined
}

function startServer(root: string): BenchServer {
  const child = spawn(process.execPath, [join(root, 'bin/mtlint.js'), 'lsp'], {stdio: ['pipe', 'pipe', 'inherit']})
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin))
  const waiting: Array<{test: (method: string, params: {uri: string; version?: number; complete?: boolean}) => boolean; resolve: () => void}> = []
  const seen = new Set<string>()
  const notify = (method: string, params: {uri: string; version?: number; complete?: boolean}) => {
    const key = method === 'mtlint/score' ? (params.complete ? `complete ${params.uri} ${params.version}` : '') : `published ${params.uri} ${params.version}`
    if (key) seen.add(key)
    for (const waiter of [...waiting]) {
      if (waiter.test(method, params)) {
        waiting.splice(waiting.indexOf(waiter), 1)
        waiter.resolve()
      }
    }
  }

  connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => notify('publish', params as {uri: string; version?: number}))
  connection.onNotification('mtlint/score', (params: {uri: string; version: number; complete: boolean}) => notify('mtlint/score', params))
  connection.listen()
  const until = (key: string, test: (method: string, params: {uri: string; version?: number; complete?: boolean}) => boolean) =>
    seen.has(key) ? Promise.resolve() : new Promise<void>((resolve) => waiting.push({test, resolve}))

  return {
    async initialize() {
      await connection.sendRequest('initialize', {processId: process.pid, rootUri: pathToFileURL(root).href, capabilities: {}})
      await connection.sendNotification('initialized', {})
    },
    async open(uri, text, languageId) {
      await connection.sendNotification('textDocument/didOpen', {textDocument: {uri, languageId, version: 1, text}})
    },
    async change(uri, version, change) {
      await connection.sendNotification('textDocument/didChange', {textDocument: {uri, version}, contentChanges: [change]})
    },
    published: (uri, version) =>
      until(`published ${uri} ${version}`, (method, params) => method === 'publish' && params.uri === uri && params.version === version),
    complete: (uri, version) =>
      until(`complete ${uri} ${version}`, (method, params) => method === 'mtlint/score' && params.uri === uri && params.version === version && params.complete === true),
    cpuMs() {
      try {
        // /proc/PID/stat: utime and stime are fields 14 and 15, in clock ticks (100 per second on Linux).
        const fields = readFileSync(`/proc/${child.pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ')
        return (Number(fields[11]) + Number(fields[12])) * 10
      } catch {
        return undefined
      }
    },
    async stop() {
      await connection.sendRequest('shutdown').catch(() => undefined)
      await connection.sendNotification('exit').catch(() => undefined)
      connection.dispose()
    }
  }
}

function stats(samples: number[]): LatencyStats {
  const sorted = [...samples].sort((a, b) => a - b)
  const at = (quantile: number) => sorted[Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1)] ?? Number.NaN
  return {samples: sorted.length, median: at(0.5), p95: at(0.95), max: sorted.at(-1) ?? Number.NaN}
}

function mulberry32(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let value = state
    value = Math.imul(value ^ (value >>> 15), value | 1)
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61)
    return ((value ^ (value >>> 14)) >>> 0) / 4_294_967_296
  }
}

const ms = (value: number) => `${value.toFixed(1)} ms`

export function lspBenchMarkdown(result: LspBenchResult): string {
  const verdict = result.firstPublish.median <= 50 ? 'meets' : 'misses'
  const {cold} = result
  const coldRow = (name: string, value: LatencyStats) => `| ${name} | ${ms(value.median)} | ${ms(value.max)} | ${(value.median / cold.node.median).toFixed(1)}x |`
  const lines = [
    '# Language server: start-up and edit-to-diagnostics latency',
    '',
    '## Start-up: first diagnostics after didOpen',
    '',
    `Node ${result.node}, ${result.cpu}, load average ${result.load[0].toFixed(1)} -> ${result.load[1].toFixed(1)} (a shared machine: compare the ratios, not the milliseconds, across runs).`,
    '',
    `A fresh \`mtlint lsp\` per round (${cold.rounds} rounds), driven as an editor drives it: \`initialize\`, then \`initialized\` and \`didOpen\` of the seed article (corpus/seed-article.txt) at once. The peer is a bare \`node -e 0\` (spawn to exit) timed in the same rounds.`,
    '',
    '| from spawn to | median | max | vs `node -e 0` |',
    '|---|---|---|---|',
    coldRow('`node -e 0` exits (peer)', cold.node),
    coldRow('`initialize` answered', cold.initialized),
    coldRow('first publishDiagnostics', cold.firstDiagnostics),
    '',
    `didOpen -> first publishDiagnostics: median ${ms(cold.openToDiagnostics.median)}, max ${ms(cold.openToDiagnostics.max)}. Target at most 500 ms: **${cold.openToDiagnostics.median <= 500 ? 'meets' : 'misses'}**.`,
    '',
    ...(cold.cpuToDiagnostics && cold.cpuOpenToDiagnostics
      ? [
          `CPU time of the server process (all threads, from /proc, 10 ms ticks), which the machine's load does not inflate: spawn -> first diagnostics median ${ms(cold.cpuToDiagnostics.median)}, didOpen -> first diagnostics median ${ms(cold.cpuOpenToDiagnostics.median)} (max ${ms(cold.cpuOpenToDiagnostics.max)}).`,
          ''
        ]
      : []),
    'The protocol thread loads only the protocol library and the code-action helpers; a worker thread (src/lsp/lint-worker.ts), started first, loads the engine, the rules and the tagger lexicon and lints each rule\'s first example meanwhile, and `initialize` is answered when it is warm. The first lint then costs what any lint of the seed costs.',
    '',
    '## Edit-to-diagnostics latency',
    '',
    `Generated by \`measure/bench-lsp.ts\`: a real \`mtlint lsp\` over stdio (default settings: debounce 10 ms, document rules after 150 ms of quiet), a protocol client, ${result.firstPublish.samples} one-character edits (insert a letter at a seeded random place, then delete it), each sent to an idle server.`,
    '',
    `Document: the seed article repeated with three paragraphs of our own between copies, ${result.words} words, ${result.characters} characters, plain text. Node ${result.node}, ${result.cpu}.`,
    '',
    '| measure | median | p95 | max |',
    '|---|---|---|---|',
    `| edit -> first publishDiagnostics of the edited version | ${ms(result.firstPublish.median)} | ${ms(result.firstPublish.p95)} | ${ms(result.firstPublish.max)} |`,
    `| edit -> complete publish (document rules re-run) | ${ms(result.completePublish.median)} | ${ms(result.completePublish.p95)} | ${ms(result.completePublish.max)} |`,
    '',
    `Target: median edit -> diagnostics at most 50 ms: **${verdict}** (${ms(result.firstPublish.median)}).`,
    `Opening the document (full lint, every block parsed): ${ms(result.openMs)}.`,
    '',
    '### Where the time goes, and why the quick result is right',
    '',
    'The first publication re-parses only the block (text between blank lines that the parser cannot merge across) holding the edit and re-runs the paragraph-scope rules on it; every other block keeps its cached findings (src/engine/incremental.ts). Findings of document-scope rules are carried over from the last complete lint, moved with the text; they are recomputed on the whole document once typing pauses, which is the second row: the 150 ms pause plus the document rules (term consistency, quotations that run over paragraphs) on 20,000 words. test/incremental.test.ts checks that the complete result equals `lintText` after random edits.'
  ]
  if (result.markdown) {
    lines.push(
      '',
      `Markdown (${result.markdown.words} words, the same text as \`.md\`; block by block like plain text, since nothing in it reaches across blank lines): median ${ms(result.markdown.firstPublish.median)}, p95 ${ms(result.markdown.firstPublish.p95)} over ${result.markdown.firstPublish.samples} edits. Markdown with front matter, link definitions or multi-line HTML blocks is linted whole: seconds per edit at this length.`
    )
  }

  return lines.join('\n') + '\n'
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const result = await runLspBench()
  const markdown = lspBenchMarkdown(result)
  const root = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..')
  mkdirSync(join(root, 'reports'), {recursive: true})
  writeFileSync(join(root, 'reports/bench-lsp.md'), markdown)
  process.stdout.write(markdown)
}
