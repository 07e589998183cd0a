/**
 * `mtlint compare`: source-aware checks on aligned pairs, reported as a
 * LintRun so that every output format and the exit codes work as for `lint`.
 *
 *   mtlint compare --source SRC --target TGT [--source-lang xx]   two plain files (by line or paragraph), or two folders of them
 *   mtlint compare FILE|DIR|GLOB... [--source-lang xx]            .tsv .jsonl .xlf .xliff .tmx
 *
 * Pair jobs go through the batch machinery of `lint` (src/cli/lint-files.ts:
 * worker threads, streaming reporters, progress) with CompareLinter as the checker.
 *   mtlint compare --original ORIG DERIVED                        original vs derived English (src/compare/original.ts)
 */
import {existsSync, statSync} from 'node:fs'
import {dirname, join, relative, resolve} from 'node:path'
import {ConfigError, type ConfigFinder, type ResolvedConfig} from '../engine/config.js'
import {InputLimitError} from '../engine/limits.js'
import {judge, policyFor, type Policy} from '../engine/policy.js'
import type {FileResult} from '../engine/types.js'
import {compareAligned} from '../compare/compare.js'
import {compareOriginal} from '../compare/original.js'
import {readPlainPair} from '../compare/read-plain.js'
import {readSegmentFile, segmentFileExtensions} from '../compare/read.js'
import {AlignError} from '../compare/segment.js'
import type {LintRun} from '../engine/run.js'
import {checks, linter} from '../registry.js'
import {expandOperands, type ExpandOptions} from './inputs.js'
import {definedOnly, type Job, type JobChecker, type LintRunOptions, type Outcome} from './lint-files.js'
import {InputError, readTextFile} from './read-input.js'

export class CompareUsageError extends Error {}

export interface CompareRequest {
  operands: string[]
  source?: string
  target?: string
  sourceLang?: string
  /** `--original ORIG`: the derived article is the one operand. */
  original?: string
  configPath?: string
  maxBytes?: number
  policy?: Partial<Policy>
}

/** A pair job: a segment file, or a plain target file with its plain source. */
export type CompareJob = {kind: 'file'; path: string; source?: string}

export interface CompareRunOptions extends LintRunOptions {
  sourceLang?: string
}

/** Segment files a folder or glob operand of `compare` finds. */
export const segmentExtensions = segmentFileExtensions.map((extension) => extension.slice(1))

/**
 * The jobs of a `compare` command line: `--source SRC --target TGT` (two
 * files, or two folders whose plain files pair by relative path), or segment
 * files, folders and globs. Operand problems are one-line errors beside them.
 */
export async function compareJobs(request: CompareRequest, expandOptions: ExpandOptions = {}): Promise<{jobs: CompareJob[]; errors: string[]; warnings: string[]}> {
  const {operands, source, target} = request
  if (source !== undefined || target !== undefined) {
    if (source === undefined || target === undefined || operands.length > 0) {
      throw new CompareUsageError('compare: expected --source SRC --target TGT together, or segment files, folders or globs')
    }

    // A missing one is neither a file nor a folder: name it, rather than "not one of each".
    const missing = [source, target].find((path) => !existsSync(path))
    if (missing !== undefined) throw new CompareUsageError(`${missing}: no such file or folder`)
    const sourceIsFolder = isFolder(source)
    if (sourceIsFolder !== isFolder(target)) throw new CompareUsageError('compare --source --target: expected two files or two folders, not one of each')
    if (!sourceIsFolder) return {jobs: [{kind: 'file', path: target, source}], errors: [], warnings: []}
    const expanded = await expandOperands([target], expandOptions)
    const jobs: CompareJob[] = []
    for (const input of expanded.inputs) {
      if (input.kind !== 'file') continue
      const paired = join(source, relative(target, input.path))
      if (existsSync(paired)) jobs.push({kind: 'file', path: input.path, source: paired})
      else expanded.errors.push(`${input.path}: no source file, expected ${paired}`)
    }

    // A source with no translation is as unpaired as a translation with no source: the delivery is short a file.
    for (const input of (await expandOperands([source], expandOptions)).inputs) {
      if (input.kind !== 'file') continue
      const paired = join(target, relative(source, input.path))
      if (!existsSync(paired)) expanded.errors.push(`${input.path}: no target file, expected ${paired}`)
    }

    return {jobs, errors: expanded.errors, warnings: expanded.warnings}
  }

  if (operands.length === 0) throw new CompareUsageError('compare: expected segment files (.tsv, .jsonl, .xlf, .xliff, .tmx), folders or globs, or --source and --target')
  if (operands.includes('-')) throw new CompareUsageError('compare: unexpected -, expected segment files (stdin has no file type)')
  const expanded = await expandOperands(operands, {...expandOptions, extensions: segmentExtensions})
  const jobs = expanded.inputs.flatMap((input): CompareJob[] => (input.kind === 'file' ? [input] : []))
  return {jobs, errors: expanded.errors, warnings: expanded.warnings}
}

/** Checks one pair job at a time (in process or in a worker thread), sharing the config lookups of a batch. */
export class CompareLinter {
  private readonly finder: ConfigFinder

  constructor(private readonly options: CompareRunOptions) {
    this.finder = linter.configFinder(options.configPath)
  }

  async lint(job: Job): Promise<Outcome> {
    if (job.kind !== 'file') return {error: `${job.kind === 'text' ? '<text>' : '<stdin>'}: expected a segment file`}
    const {path} = job
    const source = (job as CompareJob).source
    try {
      // The configuration first, as lint does: a broken one is the error to report.
      const config = this.finder.forFile(resolve(path))
      const text = await readTextFile(path, this.options.maxBytes)
      const aligned = source === undefined ? readSegmentFile(text, path) : readPlainPair(await readSource(source, this.options.maxBytes), text, path)
      // Nothing read is not a pass: an untranslated file, or a format the reader did not recognise, would score 100.
      if (aligned.segments.length === 0) throw new AlignError(`${path}: no source/target pair to check (units without a target are skipped), expected at least one`)
      // Nor is a file whose every target is empty (`source<TAB>`, `<target/>`): an untranslated delivery.
      if (aligned.segments.every((segment) => segment.target.trim() === '')) {
        throw new AlignError(`${path}: no source/target pair to check (every target is empty), expected at least one translated segment`)
      }
      const result = compareAligned(aligned, {sourceLang: this.options.sourceLang, lint: config}).result
      const base = config.path ? dirname(config.path) : process.cwd()
      const policy: Policy = {...policyFor(config.gate, resolve(path), base), ...definedOnly(this.options.policy)}
      return {file: {result, text, config, policy, verdict: judge(result, policy), diskPath: path}}
    } catch (error) {
      if (error instanceof ConfigError) return {error: `invalid configuration: ${error.message}`, configError: true}
      if (error instanceof InputError || error instanceof InputLimitError) return {error: `${path}: ${error.message}`}
      if (error instanceof AlignError) return {error: error.message}
      // A bug of ours must not cost the user the rest of the batch.
      return {error: `${path}: internal error while comparing (${(error as Error).message}); please report it`}
    }
  }
}

export const compareChecker: JobChecker = {
  create: (options) => new CompareLinter(options),
  worker: new URL('compare-worker.js', import.meta.url)
}

/** `compare --original ORIG DERIVED`: one derived article against its original (src/compare/original.ts). */
export async function runCompareOriginal(request: CompareRequest): Promise<LintRun> {
  const {operands} = request
  if (operands.length !== 1 || request.source || request.target) throw new CompareUsageError('compare --original ORIG DERIVED: expected exactly one derived file')
  const original = await readOrNull(request.original!, request.maxBytes)
  return runFile(operands[0]!, request, async (text, path, config) => {
    if (original instanceof Error) throw original
    return compareOriginal(original, text, path, config)
  })
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory()
  } catch {
    return false
  }
}

async function readSource(path: string, maxBytes: number | undefined): Promise<string> {
  const text = await readOrNull(path, maxBytes)
  if (text instanceof Error) throw text
  return text
}

/** Read the file findings point into, check it, judge it; input problems become the run's errors (exit 2). */
async function runFile(path: string, request: CompareRequest, check: (text: string, path: string, config: ResolvedConfig) => Promise<FileResult>): Promise<LintRun> {
  try {
    const text = await readTextFile(path, request.maxBytes)
    const config = linter.configFinder(request.configPath).forFile(resolve(path))
    const result = await check(text, path, config)
    const base = config.path ? dirname(config.path) : process.cwd()
    const policy: Policy = {...policyFor(config.gate, resolve(path), base), ...definedOnly(request.policy)}
    return {files: [{result, text, config, policy, verdict: judge(result, policy), diskPath: path}], errors: [], checks}
  } catch (error) {
    if (error instanceof ConfigError) return {files: [], errors: [`invalid configuration: ${error.message}`], checks}
    if (error instanceof InputError) return {files: [], errors: [`${path}: ${error.message}`], checks}
    if (error instanceof AlignError) return {files: [], errors: [error.message], checks}
    throw error
  }
}

/** The source file's read error is reported like the target's, after the target is known to be readable. */
async function readOrNull(path: string, maxBytes: number | undefined): Promise<string | Error> {
  try {
    return await readTextFile(path, maxBytes)
  } catch (error) {
    if (error instanceof InputError) return new AlignError(`${path}: ${error.message}`)
    throw error
  }
}

