/** Lint every input with the configuration that applies to it; collect one-line errors instead of stopping. */
import {ConfigError, ConfigFinder, type ResolvedConfig} from '../engine/config.js'
import {lintText} from '../engine/lint.js'
import {judge, type Policy, type Verdict} from '../engine/policy.js'
import type {FileResult} from '../engine/types.js'
import type {Input} from './inputs.js'
import {InputError, readStdin, readTextFile} from './read-input.js'

export interface LintedFile {
  result: FileResult
  text: string
  config: ResolvedConfig
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
}

export async function lintInputs(inputs: readonly Input[], options: LintRunOptions = {}): Promise<LintRun> {
  const finder = new ConfigFinder(options.configPath)
  const files: LintedFile[] = []
  const errors: string[] = []
  const reported = new Set<string>()
  for (const input of inputs) {
    const label = input.kind === 'stdin' ? options.stdinPath ?? '<stdin>' : input.path
    try {
      const text = input.kind === 'stdin' ? await readStdin(options.maxBytes) : await readTextFile(input.path, options.maxBytes)
      const config = finder.forFile(input.kind === 'stdin' ? options.stdinPath ?? 'stdin' : input.path)
      const result = lintText(text, label, config)
      const policy: Policy = {failOn: options.policy?.failOn ?? config.failOn, minScore: options.policy?.minScore ?? config.minScore}
      files.push({result, text, config, verdict: judge(result, policy), diskPath: input.kind === 'file' ? input.path : undefined})
    } catch (error) {
      if (error instanceof ConfigError) {
        // One broken config file affects many inputs; say it once.
        if (!reported.has(error.message)) errors.push(`invalid configuration: ${error.message}`)
        reported.add(error.message)
      } else if (error instanceof InputError) {
        errors.push(`${label}: ${error.message}`)
      } else {
        throw error
      }
    }
  }

  return {files, errors}
}
