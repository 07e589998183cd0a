/**
 * Lint every input with the configuration that applies to it, collecting
 * one-line errors instead of stopping. Large batches are spread over worker
 * threads (one per core); the result is the same, in input order.
 */
import {availableParallelism} from 'node:os'
import {dirname, resolve} from 'node:path'
import {Worker} from 'node:worker_threads'
import {ConfigError, ConfigFinder, type ResolvedConfig} from '../engine/config.js'
import {lintText} from '../engine/lint.js'
import {judge, policyFor, type Policy, type Verdict} from '../engine/policy.js'
import type {FileResult} from '../engine/types.js'
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

export async function lintInputs(inputs: readonly Input[], options: LintRunOptions = {}): Promise<LintRun> {
  const workers = options.workers ?? (inputs.length >= parallelThreshold ? Math.min(availableParallelism(), 8) : 1)
  const outcomes =
    workers > 1 && inputs.every((input) => input.kind === 'file')
      ? await lintInWorkers(inputs, options, workers)
      : await lintHere(inputs, options)
  return collect(outcomes)
}

async function lintHere(inputs: readonly Input[], options: LintRunOptions): Promise<Outcome[]> {
  const linter = new InputLinter(options)
  const outcomes: Outcome[] = []
  for (const [index, input] of inputs.entries()) {
    outcomes.push(await linter.lint(input))
    options.progress?.(index + 1, inputs.length, input.kind === 'file' ? input.path : '<stdin>')
  }

  return outcomes
}

/** Deal the inputs round-robin to workers; each lints its share with its own config cache. */
async function lintInWorkers(inputs: readonly Input[], options: LintRunOptions, count: number): Promise<Outcome[]> {
  const outcomes: Outcome[] = Array.from({length: inputs.length})
  const {progress, ...shared} = options
  let done = 0
  const jobs = Array.from({length: count}, (_, worker) => {
    const indexes = inputs.map((_, index) => index).filter((index) => index % count === worker)
    return new Promise<void>((resolvePromise, reject) => {
      const thread = new Worker(new URL('lint-worker.js', import.meta.url), {
        workerData: {inputs: indexes.map((index) => inputs[index]), options: {...shared, workers: 1}}
      })
      thread.on('message', ({position, outcome}: {position: number; outcome: Outcome}) => {
        const index = indexes[position]!
        outcomes[index] = outcome
        done++
        progress?.(done, inputs.length, (inputs[index] as {path: string}).path)
      })
      thread.on('error', reject)
      thread.on('exit', (code) => (code === 0 ? resolvePromise() : reject(new Error(`lint worker exited with ${code}`))))
    })
  })
  await Promise.all(jobs)
  return outcomes
}

function collect(outcomes: readonly Outcome[]): LintRun {
  const files: LintedFile[] = []
  const errors: string[] = []
  for (const outcome of outcomes) {
    if ('file' in outcome) files.push(outcome.file)
    // One broken config file affects many inputs; say it once.
    else if (!outcome.configError || !errors.includes(outcome.error)) errors.push(outcome.error)
  }

  return {files, errors}
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
