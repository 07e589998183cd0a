/**
 * `mtlint compare`: source-aware checks on aligned pairs, reported as a
 * LintRun so that every output format and the exit codes work as for `lint`.
 *
 *   mtlint compare --source SRC --target TGT [--source-lang xx]   two plain files, by line or paragraph
 *   mtlint compare FILE [--source-lang xx]                        .tsv .jsonl .xlf .xliff .tmx
 *   mtlint compare --original ORIG DERIVED                        original vs derived English (src/compare/original.ts)
 */
import {dirname, resolve} from 'node:path'
import {ConfigError, type ResolvedConfig} from '../engine/config.js'
import {judge, policyFor, type Policy} from '../engine/policy.js'
import type {FileResult} from '../engine/types.js'
import {compareAligned} from '../compare/compare.js'
import {compareOriginal} from '../compare/original.js'
import {readPlainPair} from '../compare/read-plain.js'
import {readSegmentFile} from '../compare/read.js'
import {AlignError, type AlignedFile} from '../compare/segment.js'
import type {LintRun} from '../engine/run.js'
import {checks, linter} from '../registry.js'
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

export async function runCompare(request: CompareRequest): Promise<LintRun> {
  const {operands} = request
  if (request.original !== undefined) {
    if (operands.length !== 1 || request.source || request.target) throw new CompareUsageError('compare --original ORIG DERIVED: expected exactly one derived file')
    // The original-vs-derived comparison is src/compare/original.ts; findings point into DERIVED.
    const original = await readOrNull(request.original, request.maxBytes)
    return runFile(operands[0]!, request, async (text, path, config) => {
      if (original instanceof Error) throw original
      return compareOriginal(original, text, path, config)
    })
  }

  if (request.source !== undefined || request.target !== undefined) {
    if (request.source === undefined || request.target === undefined || operands.length > 0) {
      throw new CompareUsageError('compare: expected --source SRC --target TGT together, or one segment file')
    }

    const sourceText = await readOrNull(request.source, request.maxBytes)
    return runFile(request.target, request, async (text) => {
      if (sourceText instanceof Error) throw sourceText
      return compareAligned(readPlainPair(sourceText, text, request.target!), {sourceLang: request.sourceLang}).result
    })
  }

  if (operands.length !== 1) throw new CompareUsageError('compare: expected one segment file (.tsv, .jsonl, .xlf, .xliff, .tmx) or --source and --target')
  return runFile(operands[0]!, request, async (text, path) => compareAligned(readSegmentFile(text, path), {sourceLang: request.sourceLang}).result)
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

function definedOnly(overrides: Partial<Policy> | undefined): Partial<Policy> {
  return Object.fromEntries(Object.entries(overrides ?? {}).filter(([, value]) => value !== undefined)) as Partial<Policy>
}
