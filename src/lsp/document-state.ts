/**
 * One open document on the protocol thread: the last result and two timers.
 * A change is linted quickly (paragraph rules, document findings carried
 * over) after a short debounce; the complete lint with document rules runs
 * when typing pauses. Results are kept only for the version they were
 * computed from, and only for its text: a client that sends a version
 * number twice (or goes back to one) must not get the findings of another
 * text, whose ranges a quick fix would then apply to this one.
 */
import type {FileResult} from '../engine/types.js'

export class DocumentState {
  result?: FileResult
  /** Version of the document `result` belongs to (or that failed to lint). */
  version = -1
  /** The text of that version. */
  text?: string
  complete = false
  /** False for documents linted whole (HTML, Markdown the block splitter declines): they have no quick pass. */
  incremental = true
  private quickTimer?: NodeJS.Timeout
  private completeTimer?: NodeJS.Timeout

  /** Whether `result` already answers a lint of the document as it is (`complete`: with document rules). */
  has(document: {version: number; getText(): string}, complete: boolean): boolean {
    return this.version === document.version && this.text === document.getText() && (this.complete || !complete)
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
