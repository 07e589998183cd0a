/**
 * One open document on the protocol thread: the last result and two timers.
 * A change is linted quickly (paragraph rules, document findings carried
 * over) after a short debounce; the complete lint with document rules runs
 * when typing pauses. Results are kept only for the version they were
 * computed from.
 */
import type {FileResult} from '../engine/types.js'

export class DocumentState {
  result?: FileResult
  /** Version of the document `result` belongs to (or that failed to lint). */
  version = -1
  complete = false
  /** False for documents linted whole (HTML, Markdown the block splitter declines): they have no quick pass. */
  incremental = true
  private quickTimer?: NodeJS.Timeout
  private completeTimer?: NodeJS.Timeout

  /** Whether `result` already answers a lint of `version` (`complete`: with document rules). */
  has(version: number, complete: boolean): boolean {
    return this.version === version && (this.complete || !complete)
  }

  schedule(quick: () => void, quickDelay: number, complete: () => void, completeDelay: number): void {
    this.cancel()
    if (this.incremental) this.quickTimer = setTimeout(quick, quickDelay)
    this.completeTimer = setTimeout(complete, completeDelay)
  }

  cancel(): void {
    clearTimeout(this.quickTimer)
    clearTimeout(this.completeTimer)
  }
}
