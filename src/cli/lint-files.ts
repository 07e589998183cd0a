/**
 * Lint every input with the configuration that applies to it, collecting
 * one-line errors instead of stopping. Large batches are spread over worker
 * threads (one per core); the result is the same, in input order.
 */
import {statSync} from 'node:fs'
import {availableParallelism} from 'node:os'
import {dirname, resolve} from 'node:path'
import {Worker} from 'node:worker_threads'
import {ConfigError, type ConfigFinder} from '../engine/config.js'
import {InputLimitError} from '../engine/limits.js'
import {lintText} from '../engine/lint.js'
import {formatOf, loadMarkupParsers} from '../engine/parse.js'
import {judge, policyFor, type Policy} from '../engine/policy.js'
import type {LintedFile, LintRun} from '../engine/run.js'
import {piecesOf, type StreamingFormat} from '../reporters/stream.js'
import {checks, linter} from '../registry.js'
import {writeDrained} from './closed-output.js'
import {keepHeapBounded} from './heap.js'
import type {Input} from './inputs.js'
import type {Progress} from './progress.js'
import {decodeText, InputError, readStdin, readTextFile} from './read-input.js'

export interface LintRunOptions {
  configPath?: string
  maxBytes?: number
  /** Command-line overrides of the configuration's policy. */
  policy?: Partial<Policy>
  stdinPath?: string
  progress?: Progress
  /** Worker threads to use; default: one per core when the batch is large. */
  workers?: number
}

/** The outcome for one input: a linted file or a one-line error. */
export type Outcome = {file: LintedFile} | {error: string; configError?: boolean}

/** Below this many files, starting workers costs more than it saves. */
const parallelThreshold = 24

/**
 * What one lint is about: an input of the command line, or a text given
 * inline (an `--ndjson` line), labelled with `path` when it has one; or a
 * line that could not be read, whose error takes its place in the order.
 */
export type Job = Input | {kind: 'text'; text: string; path?: string} | {kind: 'invalid'; error: string}

/**
 * What checks each job: `lint` by default; `compare` (src/cli/compare-command.ts)
 * passes its own linter and worker script, and the batch machinery is the same.
 */
export interface JobChecker {
  create(options: LintRunOptions): {lint(job: Job): Promise<Outcome>}
  /** The worker thread script: answers each job it is sent with its outcome. */
  worker: URL
}

const lintChecker: JobChecker = {create: (options) => new InputLinter(options), worker: new URL('lint-worker.js', import.meta.url)}

/** Receives each outcome in input order; the next waits until it is done (a slow output slows the run, never grows it). */
export type OutcomeSink<J extends Job = Job> = (outcome: Outcome, job: J) => void | Promise<void>

/** Lint every input and keep every outcome: for --fix and `report`, which need all texts. */
export async function lintInputs(inputs: readonly Input[], options: LintRunOptions = {}): Promise<LintRun> {
  const run: LintRun = {files: [], errors: [], checks}
  const errors = new ErrorLog(run.errors)
  await streamInputs(inputs, options, (outcome) => {
    if ('file' in outcome) run.files.push(outcome.file)
    else errors.add(outcome)
  })
  return run
}

/** One-line errors of a run, in order; one broken config file affects many inputs, so it is said once. */
export class ErrorLog {
  private readonly configErrors = new Set<string>()

  constructor(readonly errors: string[] = []) {}

  add(outcome: {error: string; configError?: boolean}): void {
    if (outcome.configError) {
      if (this.configErrors.has(outcome.error)) return
      this.configErrors.add(outcome.error)
    }

    this.errors.push(outcome.error)
  }
}

/** Whether --config names something other than a regular file, which only one reader can read. */
function streamedConfig(path: string | undefined): boolean {
  if (path === undefined) return false
  try {
    return !statSync(path).isFile()
  } catch {
    return false
  }
}

/** The inputs of a command line: in workers when the batch is large and holds no stdin. */
export async function streamInputs<I extends Input>(inputs: readonly I[], options: LintRunOptions, sink: OutcomeSink<I>, checker: JobChecker = lintChecker): Promise<void> {
  const workers = options.workers ?? (inputs.length >= parallelThreshold ? Math.min(availableParallelism(), 8) : 1)
  // A --config that is a pipe (`--config <(...)`) can be read once: by this thread alone.
  const parallel = workers > 1 && inputs.every((input) => input.kind === 'file') && !streamedConfig(options.configPath)
  let done = 0
  await streamJobs(inputs, {...options, workers: parallel ? workers : 1}, async (outcome, input) => {
    await sink(outcome, input)
    options.progress?.(++done, inputs.length, input.kind === 'file' ? input.path : '<stdin>')
  }, checker)
}

/**
 * Lint every job and hand each outcome to `sink` as soon as it and every
 * job before it are done. Nothing is kept here: with a sink that prints,
 * memory stays flat however many jobs there are. With workers, each job
 * goes to the next free one, and at most a few jobs per worker are started
 * past the oldest one not yet handed on, so a slow job holds back the start
 * of new ones (and the reading of `jobs`) instead of piling up results.
 */
export async function streamJobs<J extends Job>(
  jobs: Iterable<J> | AsyncIterable<J>,
  options: LintRunOptions,
  sink: OutcomeSink<J>,
  checker: JobChecker = lintChecker
): Promise<void> {
  const count = options.workers ?? 1
  if (count <= 1) {
    const linter = checker.create(options)
    for await (const job of jobs) {
      await sink(await linter.lint(job), job)
      keepHeapBounded()
    }

    return
  }

  const {progress, ...shared} = options
  const threads = Array.from({length: count}, () => new Worker(checker.worker, {workerData: {...shared, workers: 1}}))
  const free = [...threads]
  const queued: Array<(thread: Worker) => void> = []
  const lintOn = async (job: J): Promise<Outcome> => {
    const thread = free.pop() ?? (await new Promise<Worker>((resolvePromise) => queued.push(resolvePromise)))
    const outcome = await new Promise<Outcome>((resolvePromise, reject) => {
      const failed = (error: Error) => reject(error)
      const exited = (code: number) => reject(new Error(`lint worker exited with ${code}`))
      thread.once('error', failed).once('exit', exited)
      thread.once('message', (answer: Outcome) => {
        thread.off('error', failed).off('exit', exited)
        resolvePromise(withRules(answer))
      })
      thread.postMessage(job)
    })
    const waiting = queued.shift()
    if (waiting) waiting(thread)
    else free.push(thread)
    return outcome
  }

  // Reading and answering run side by side: an answer goes out as soon as it
  // is in order, even while the next job has not arrived (a caller that
  // writes one record and waits for its line).
  const ahead = count * 4
  const started: Array<{job: J; outcome: Promise<Outcome>}> = []
  let reading: {done: boolean; error?: unknown} = {done: false}
  let wakeWriter: (() => void) | undefined
  let wakeReader: (() => void) | undefined
  const wake = (which: 'writer' | 'reader') => {
    const wakeUp = which === 'writer' ? wakeWriter : wakeReader
    if (which === 'writer') wakeWriter = undefined
    else wakeReader = undefined
    wakeUp?.()
  }

  const reader = (async () => {
    try {
      for await (const job of jobs) {
        while (started.length >= ahead) await new Promise<void>((resolvePromise) => (wakeReader = resolvePromise))
        const outcome = lintOn(job)
        // Taken in order by the writer; a failure before then must not count as unhandled.
        outcome.catch(() => {})
        started.push({job, outcome})
        wake('writer')
      }

      reading = {done: true}
    } catch (error) {
      reading = {done: true, error}
    }

    wake('writer')
  })()

  try {
    for (;;) {
      const oldest = started[0]
      if (!oldest) {
        if (reading.done) break
        await new Promise<void>((resolvePromise) => (wakeWriter = resolvePromise))
        continue
      }

      await sink(await oldest.outcome, oldest.job)
      started.shift()
      wake('reader')
      keepHeapBounded()
    }

    await reader
    if (reading.error !== undefined) throw reading.error
  } finally {
    await Promise.all(threads.map((thread) => thread.terminate()))
  }
}

/**
 * Lint and write each file's report as soon as it is in order: the batch
 * path of `lint` and `gate` when nothing needs the texts afterwards (no
 * --fix). `errors` holds the operand errors so far and gets the others.
 */
export async function printInputs<I extends Input>(
  inputs: readonly I[],
  options: LintRunOptions,
  format: StreamingFormat,
  out: NodeJS.WritableStream,
  errors: string[] = [],
  checker: JobChecker = lintChecker
): Promise<{passed: boolean; errors: string[]}> {
  const log = new ErrorLog(errors)
  let passed = true
  const write = async (output: string | Iterable<string>) => {
    for (const chunk of piecesOf(output)) if (chunk !== '') await writeDrained(out, chunk)
  }

  await streamInputs(inputs, options, async (outcome) => {
    if (!('file' in outcome)) return log.add(outcome)
    passed &&= outcome.file.verdict.passed
    await write(format.file(outcome.file))
  }, checker)
  await write(format.end(errors))
  return {passed, errors}
}

/** A rule is code and cannot cross to another thread: a worker posts its configurations without their rules (see withRules). */
export function withoutRules(outcome: Outcome): Outcome {
  return 'file' in outcome ? {file: {...outcome.file, config: {...outcome.file.config, textRules: []}}} : outcome
}

/** The registry's rules back on a configuration a worker posted. */
function withRules(outcome: Outcome): Outcome {
  return 'file' in outcome ? {file: {...outcome.file, config: {...outcome.file.config, textRules: linter.rules}}} : outcome
}

/** Lints one input at a time, sharing the config lookups of a batch. */
export class InputLinter {
  private readonly finder: ConfigFinder

  constructor(private readonly options: LintRunOptions) {
    this.finder = linter.configFinder(options.configPath)
  }

  async lint(input: Job): Promise<Outcome> {
    if (input.kind === 'invalid') return {error: input.error}
    const {options} = this
    const given = input.kind === 'stdin' ? options.stdinPath : input.path
    const label = given ?? (input.kind === 'text' ? '<text>' : '<stdin>')
    try {
      // The configuration first: a broken one is the error to report, not what it would have said of the input.
      const configPath = resolve(given ?? 'stdin')
      const config = this.finder.forFile(configPath)
      const text =
        input.kind === 'stdin'
          ? await readStdin(options.maxBytes)
          : input.kind === 'text'
            ? // Checked as the bytes of a file would be (empty, size, NUL).
              decodeText(Buffer.from(input.text), options.maxBytes)
            : await readTextFile(input.path, options.maxBytes)
      if (formatOf(label) !== 'text') await loadMarkupParsers()
      const result = lintText(text, label, config, undefined, {afterWindow: keepHeapBounded})
      const base = config.path ? dirname(config.path) : process.cwd()
      const policy: Policy = {...policyFor(config.gate, configPath, base), ...definedOnly(options.policy)}
      const diskPath = input.kind === 'file' ? input.path : undefined
      return {file: {result, text, config, policy, verdict: judge(result, policy), diskPath}}
    } catch (error) {
      if (error instanceof ConfigError) return {error: `invalid configuration: ${error.message}`, configError: true}
      if (error instanceof InputError || error instanceof InputLimitError) return {error: `${label}: ${error.message}`}
      // A bug of ours must not cost the user the rest of the batch: report it as this file's error.
      return {error: `${label}: internal error while linting (${(error as Error).message}); please report it`}
    }
  }
}

/** Command-line overrides that were actually given. */
export function definedOnly(overrides: Partial<Policy> | undefined): Partial<Policy> {
  return Object.fromEntries(Object.entries(overrides ?? {}).filter(([, value]) => value !== undefined)) as Partial<Policy>
}
