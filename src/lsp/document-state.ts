/**
 * One open document: its incremental linter, the last result, and two
 * timers. A change is linted quickly (paragraph rules, document findings
 * carried over) after a short debounce; the complete lint with document rules
 * runs when typing pauses. Results are published only for the version they
 * were computed from.
 */
import type {TextDocument} from 'vscode-languageserver-textdocument'
import type {ResolvedConfig} from '../engine/config.js'
import {IncrementalLinter} from '../engine/incremental.js'
import type {InputFormat} from '../engine/parse.js'
import type {FileResult} from '../engine/types.js'

export class DocumentState {
  linter: IncrementalLinter
  result?: FileResult
  /** Version of the document `result` belongs to. */
  version = -1
  complete = false
  private quickTimer?: NodeJS.Timeout
  private completeTimer?: NodeJS.Timeout

  constructor(
    config: ResolvedConfig,
    readonly path: string,
    readonly format: InputFormat
  ) {
    this.linter = new IncrementalLinter(config, path, format)
  }

  setConfig(config: ResolvedConfig): void {
    if (config !== this.linter.config) this.linter = new IncrementalLinter(config, this.path, this.format)
  }

  lint(document: TextDocument, complete: boolean): FileResult {
    const text = document.getText()
    this.result = complete ? this.linter.lint(text) : this.linter.quick(text)
    this.version = document.version
    this.complete = complete || !this.linter.incremental
    return this.result
  }

  /** Documents linted whole (HTML, Markdown the block splitter declines) have no quick pass: they wait for the pause. */
  schedule(quick: () => void, quickDelay: number, complete: () => void, completeDelay: number): void {
    this.cancel()
    if (this.linter.incremental) this.quickTimer = setTimeout(quick, quickDelay)
    this.completeTimer = setTimeout(complete, completeDelay)
  }

  cancel(): void {
    clearTimeout(this.quickTimer)
    clearTimeout(this.completeTimer)
  }
}
