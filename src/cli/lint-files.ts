/**
 * Lint every input with the configuration that applies to it, collecting
 * one-line errors instead of stopping. Large batches are spread over worker
 * threads (one per core); the result is the same, in input order.
 */
import {once} from 'node:events'
import {availableParallelism} from 'node:os'
import {dirname, resolve} from 'node:path'
import {Worker} from 'node:worker_threads'
import {ConfigError, ConfigFinder, type ResolvedConfig} from '../engine/config.js'
import {lintText} from '../engine/lint.js'
import {judge, policyFor, type Policy, type Verdict} from '../engine/policy.js'
import type {FileResult} from '../engine/types.js'
import type {StreamingFormat} from '../reporters/stream.js'
import {keepHeapBounded} from './heap.js'
import type {Input} from './inputs.js'
import type {Progress} from './progress.js'
import {InputError, readStdin, readTextFile} from './read-input.js'

export interface LintedFile {
  result: FileResult
  text: string
  config: ResolvedConfig
  policy: Policy
  verdict: Verdict
  /** The file on disk, absent for stdin. */
  diskPath?: string
}

export interface LintRun {
  files: LintedFile[]
  errors: string[]
}

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

/** Receives each outcome in input order; the next waits until it is done (a slow output slows the run, never grows it). */
export type OutcomeSink = (outcome: Outcome, input: Input) => void | Promise<void>

/** Lint every input and keep every outcome: for --fix and `report`, which need all texts. */
export async function lintInputs(inputs: readonly Input[], options: LintRunOptions = {}): Promise<LintRun> {
  const run: LintRun = {files: [], errors: []}
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

/**
 * Lint every input and hand each outcome to `sink` as soon as it and every
 * input before it are done. Nothing is kept here: with a sink that prints,
 * memory stays flat however many files there are.
 */
export async function streamInputs(inputs: readonly Input[], options: LintRunOptions, sink: OutcomeSink): Promise<void> {
  const workers = options.workers ?? (inputs.length >= parallelThreshold ? Math.min(availableParallelism(), 8) : 1)
  if (workers > 1 && inputs.every((input) => input.kind === 'file')) return streamInWorkers(inputs, options, workers, sink)
  const linter = new InputLinter(options)
  for (const [index, input] of inputs.entries()) {
    await sink(await linter.lint(input), input)
    keepHeapBounded()
    options.progress?.(index + 1, inputs.length, labelOf(input))
  }
}

/**
 * Each input goes to the next free worker; outcomes are taken in input order.
 * At most `ahead` inputs are started past the oldest one not yet taken, so a
 * slow file holds back the start of new ones instead of piling up results.
 */
async function streamInWorkers(inputs: readonly Input[], options: LintRunOptions, count: number, sink: OutcomeSink): Promise<void> {
  const {progress, ...shared} = options
  const threads = Array.from({length: count}, () => new Worker(new URL('lint-worker.js', import.meta.url), {workerData: {...shared, workers: 1}}))
  const free = [...threads]
  const queued: Array<(thread: Worker) => void> = []
  const release = (thread: Worker) => {
    const waiting = queued.shift()
    if (waiting) waiting(thread)
    else free.push(thread)
  }

  const lintOn = async (input: Input): Promise<Outcome> => {
    const thread = free.pop() ?? (await new Promise<Worker>((resolvePromise) => queued.push(resolvePromise)))
    const outcome = await new Promise<Outcome>((resolvePromise, reject) => {
      const failed = (error: Error) => reject(error)
      const exited = (code: number) => reject(new Error(`lint worker exited with ${code}`))
      thread.once('error', failed).once('exit', exited)
      thread.once('message', (answer: Outcome) => {
        thread.off('error', failed).off('exit', exited)
        resolvePromise(answer)
      })
      thread.postMessage(input)
    })
    release(thread)
    return outcome
  }

  const ahead = count * 4
  const started: Array<Promise<Outcome>> = []
  try {
    let next = 0
    for (let index = 0; index < inputs.length; index++) {
      while (next < inputs.length && next - index < ahead) {
        const pending = lintOn(inputs[next++]!)
        // Taken in order below; a failure before then must not count as unhandled.
        pending.catch(() => {})
        started.push(pending)
      }

      await sink(await started.shift()!, inputs[index]!)
      keepHeapBounded()
      progress?.(index + 1, inputs.length, labelOf(inputs[index]!))
    }
  } finally {
    await Promise.all(threads.map((thread) => thread.terminate()))
  }
}

/**
 * Lint and write each file's report as soon as it is in order: the batch
 * path of `lint` and `gate` when nothing needs the texts afterwards (no
 * --fix). `errors` holds the operand errors so far and gets the others.
 */
export async function printInputs(
  inputs: readonly Input[],
  options: LintRunOptions,
  format: StreamingFormat,
  out: NodeJS.WritableStream,
  errors: string[] = []
): Promise<{passed: boolean; errors: string[]}> {
  const log = new ErrorLog(errors)
  let passed = true
  const write = async (chunk: string) => {
    if (chunk !== '' && !out.write(chunk)) await once(out, 'drain')
  }

  await streamInputs(inputs, options, async (outcome) => {
    if (!('file' in outcome)) return log.add(outcome)
    passed &&= outcome.file.verdict.passed
    await write(format.file(outcome.file))
  })
  await write(format.end(errors))
  return {passed, errors}
}

function labelOf(input: Input): string {
  return input.kind === 'file' ? input.path : '<stdin>'
}

/** Lints one input at a time, sharing the config lookups of a batch. */
export class InputLinter {
  private readonly finder: ConfigFinder

  constructor(private readonly options: LintRunOptions) {
    this.finder = new ConfigFinder(options.configPath)
  }

  async lint(input: Input): Promise<Outcome> {
    const {options} = this
    const label = input.kind === 'stdin' ? options.stdinPath ?? '<stdin>' : input.path
    try {
      const text = input.kind === 'stdin' ? await readStdin(options.maxBytes) : await readTextFile(input.path, options.maxBytes)
      const configPath = resolve(input.kind === 'stdin' ? options.stdinPath ?? 'stdin' : input.path)
      const config = this.finder.forFile(configPath)
      const result = lintText(text, label, config)
      const base = config.path ? dirname(config.path) : process.cwd()
      const policy: Policy = {...policyFor(config.gate, configPath, base), ...definedOnly(options.policy)}
      const diskPath = input.kind === 'file' ? input.path : undefined
      return {file: {result, text, config, policy, verdict: judge(result, policy), diskPath}}
    } catch (error) {
      if (error instanceof ConfigError) return {error: `invalid configuration: ${error.message}`, configError: true}
      if (error instanceof InputError) return {error: `${label}: ${error.message}`}
      // A bug of ours must not cost the user the rest of the batch: report it as this file's error.
      return {error: `${label}: internal error while linting (${(error as Error).message}); please report it`}
    }
  }
}

/** Command-line overrides that were actually given. */
function definedOnly(overrides: Partial<Policy> | undefined): Partial<Policy> {
  return Object.fromEntries(Object.entries(overrides ?? {}).filter(([, value]) => value !== undefined)) as Partial<Policy>
}
