/** The outcome of linting (or comparing) a batch: what every reporter reads. */
import type {ResolvedConfig} from './config.js'
import type {Policy, Verdict} from './policy.js'
import type {CheckMeta} from './check.js'
import type {FileResult} from './types.js'

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
  /** Every check the run knew (on or off), in registry order: SARIF lists them as tool.driver.rules. */
  checks: readonly CheckMeta[]
}

