/**
 * `npm run bench:memory`: peak memory (RSS of the whole process, worker
 * threads included) of `mtlint` as a user runs it, where the input grows and
 * memory must not: a batch of 1,000 against 50,000 one-paragraph files, one
 * 100 MB text with --max-bytes 200000000, and `lint --ndjson` on 10,000
 * against 100,000 lines. Writes reports/memory.md. A benchmark, not a test.
 *
 *   node dist/measure/memory.js [--files 1000,50000] [--text-mb 100] [--lines 10000,100000]
 */
import {spawnSync} from 'node:child_process'
import {closeSync, createReadStream, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, readdirSync, rmSync, writeFileSync, writeSync} from 'node:fs'
import {cpus, tmpdir} from 'node:os'
import {join} from 'node:path'
import {createInterface} from 'node:readline'
import {projectRoot} from './lib/datasets.js'

/** Batch: 50,000 files within this multiple of the peak of 1,000. */
const maxBatchRatio = 1.2
/** The 100 MB text: a result or a one-line refusal under this peak. */
const maxTextRssMb = 1536
/** --ndjson: 100,000 lines within this multiple of the peak of 10,000 (constant memory). */
const maxStreamRatio = 1.2

function listOption(name: string, fallback: number[]): number[] {
  const index = process.argv.indexOf(`--${name}`)
  if (index < 0) return fallback
  const values = process.argv[index + 1]!.split(',').map(Number)
  if (values.some((value) => !Number.isInteger(value) || value < 0)) throw new Error(`--${name} expects whole numbers, comma-separated`)
  return values
}

const [smallBatch, largeBatch] = listOption('files', [1000, 50_000]) as [number, number]
const [textMb] = listOption('text-mb', [100]) as [number]
const [smallStream, largeStream] = listOption('lines', [10_000, 100_000]) as [number, number]

const root = projectRoot()
const bin = join(root, 'bin', 'mtlint.js')
const hook = join(root, 'dist', 'measure', 'lib', 'peak-rss-hook.js')
const work = mkdtempSync(join(tmpdir(), 'mtlint-memory-'))

/** The corpus paragraphs: real news prose with the artifacts the rules look for. */
const paragraphs = readdirSync(join(root, 'corpus'))
  .filter((name) => name.endsWith('.txt'))
  .flatMap((name) => readFileSync(join(root, 'corpus', name), 'utf8').split(/\n\s*\n/))
  .map((paragraph) => paragraph.trim())
  .filter((paragraph) => paragraph.length > 80)

/** The n-th one-paragraph document: a corpus paragraph made unique by its number. */
function paragraph(index: number): string {
  return `${paragraphs[index % paragraphs.length]} This is item ${index}.`
}

interface Measured {
  label: string
  code: number | null
  signal: string | null
  peakMb?: number
  seconds: number
  stderr: string
}

/** Run mtlint as a child process and read its peak RSS. */
function measure(label: string, args: string[], stdinFile?: string, stdoutFile?: string): Measured {
  const peakFile = join(work, 'peak')
  rmSync(peakFile, {force: true})
  const stdin = stdinFile ? openSync(stdinFile, 'r') : 'ignore'
  const stdout = stdoutFile ? openSync(stdoutFile, 'w') : 'ignore'
  const started = performance.now()
  const result = spawnSync(process.execPath, ['--import', hook, bin, ...args], {
    cwd: work,
    stdio: [stdin, stdout, 'pipe'],
    env: {...process.env, MTLINT_PEAK_RSS_FILE: peakFile, CI: 'true'},
    maxBuffer: 64 * 1024 * 1024
  })
  const seconds = (performance.now() - started) / 1000
  if (typeof stdin === 'number') closeSync(stdin)
  if (typeof stdout === 'number') closeSync(stdout)
  const peakMb = existsSync(peakFile) ? Number(readFileSync(peakFile, 'utf8')) / 1024 : undefined
  const measured = {label, code: result.status, signal: result.signal, peakMb, seconds, stderr: String(result.stderr)}
  console.log(`${label}: exit ${measured.code ?? measured.signal}, peak ${peakMb?.toFixed(0) ?? '?'} MB, ${seconds.toFixed(1)} s`)
  return measured
}

function batch(files: number): Measured {
  const folder = join(work, `batch-${files}`)
  mkdirSync(folder)
  for (let index = 0; index < files; index++) writeFileSync(join(folder, `${String(index).padStart(6, '0')}.txt`), paragraph(index) + '\n')
  const measured = measure(`${files} files`, ['lint', '--format', 'json', `batch-${files}`])
  rmSync(folder, {recursive: true, force: true})
  return measured
}

function longText(megabytes: number): Measured {
  const file = join(work, 'long.txt')
  const fd = openSync(file, 'w')
  for (let written = 0, index = 0; written < megabytes * 1_000_000; index++) {
    const part = paragraph(index) + '\n\n'
    writeSync(fd, part)
    written += Buffer.byteLength(part)
  }

  closeSync(fd)
  const measured = measure(`${megabytes} MB text`, ['lint', '--format', 'json', '--max-bytes', '200000000', 'long.txt'])
  rmSync(file, {force: true})
  return measured
}

/** Answer lines and whether they are one per input, numbered in order. */
async function checkAnswers(file: string, lines: number): Promise<boolean> {
  let expected = 1
  for await (const line of createInterface({input: createReadStream(file)})) {
    if ((JSON.parse(line) as {line: number}).line !== expected) return false
    expected++
  }

  return expected === lines + 1
}

async function stream(lines: number): Promise<Measured & {inOrder: boolean}> {
  const input = join(work, `lines-${lines}.ndjson`)
  const output = join(work, `answers-${lines}.ndjson`)
  const fd = openSync(input, 'w')
  for (let index = 0; index < lines; index++) writeSync(fd, JSON.stringify({id: index, text: paragraph(index)}) + '\n')
  closeSync(fd)
  const measured = measure(`--ndjson ${lines} lines`, ['lint', '--ndjson'], input, output)
  const inOrder = await checkAnswers(output, lines)
  rmSync(input, {force: true})
  rmSync(output, {force: true})
  return {...measured, inOrder}
}

const started = new Date()
const batches = [batch(smallBatch), batch(largeBatch)]
const text = textMb > 0 ? longText(textMb) : undefined
const streams = [await stream(smallStream), await stream(largeStream)]
rmSync(work, {recursive: true, force: true})

const ratio = (pair: Measured[]) => (pair[0]!.peakMb && pair[1]!.peakMb ? pair[1]!.peakMb / pair[0]!.peakMb : Number.NaN)
const batchRatio = ratio(batches)
const streamRatio = ratio(streams)
const textPasses = text ? [0, 1, 2].includes(text.code ?? -1) && text.peakMb !== undefined && text.peakMb < maxTextRssMb : undefined
const checks = [
  `- ${batchRatio <= maxBatchRatio ? 'PASS' : 'FAIL'}: ${largeBatch.toLocaleString('en')} files peak at ${batchRatio.toFixed(2)}x the RSS of ${smallBatch.toLocaleString('en')} (at most ${maxBatchRatio}x)`,
  text
    ? `- ${textPasses ? 'PASS' : 'FAIL'}: the ${textMb} MB text exits ${text.code ?? text.signal} with a peak of ${text.peakMb?.toFixed(0) ?? 'unknown (died)'} MB (exit 0, 1 or 2 under ${maxTextRssMb} MB)${text.stderr.trim() ? `; stderr: \`${text.stderr.trim().split('\n')[0]!.slice(0, 200)}\`` : ''}`
    : '- the long text was not run (--text-mb 0)',
  `- ${streamRatio <= maxStreamRatio && streams.every((run) => run.inOrder) ? 'PASS' : 'FAIL'}: \`lint --ndjson\` on ${largeStream.toLocaleString('en')} lines peaks at ${streamRatio.toFixed(2)}x the RSS of ${smallStream.toLocaleString('en')} (at most ${maxStreamRatio}x); one answer per line, in order: ${streams.every((run) => run.inOrder) ? 'yes' : 'NO'}`
]
const rows = [...batches, ...(text ? [text] : []), ...streams].map(
  (run) => `| ${run.label} | ${run.code ?? run.signal} | ${run.peakMb?.toFixed(0) ?? 'died'} | ${run.seconds.toFixed(1)} |`
)
const markdown = `# Memory

\`npm run bench:memory\` (measure/memory.ts), ${started.toISOString().slice(0, 10)}, Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}.
Peak RSS of the whole \`mtlint\` process (worker threads included), read
from \`process.resourceUsage()\` at exit. Inputs are corpus paragraphs, each
made unique by a number; output goes to /dev/null (the batch) or to a file
that is checked (--ndjson). Seconds are wall time on a shared machine.

${checks.join('\n')}

| run | exit | peak RSS (MB) | seconds |
|---|---|---|---|
${rows.join('\n')}

Exit 1 is expected: the generated texts hold artifacts that fail the default
policy. The batch streams its JSON report file by file
(src/reporters/stream.ts); long texts are linted in paragraph-aligned windows
(src/engine/windows.ts); each linting isolate collects garbage once its heap
grows past its live size (src/cli/heap.ts).
`
mkdirSync(join(root, 'reports'), {recursive: true})
writeFileSync(join(root, 'reports', 'memory.md'), markdown)
console.log(checks.join('\n') + '\nwrote reports/memory.md')
