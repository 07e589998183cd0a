/** The document's score, reachable from the editor without a diagnostic. */
import {NotificationType} from 'vscode-languageserver/node.js'
import type {FileResult} from '../engine/types.js'

export interface ScoreParams {
  uri: string
  version: number
  score: number
  words: number
  penalty: number
  findings: number
  /** False while document-scope rules have not yet run on this version (see IncrementalLinter.quick). */
  complete: boolean
}

/** Sent after every publishDiagnostics; clients may show it in a status bar. */
export const scoreNotification = new NotificationType<ScoreParams>('mtlint/score')

/** Markdown for a hover on the first line: the score and how it was computed. */
export function scoreMarkdown(result: FileResult): string {
  return `**mtlint score ${result.score.toFixed(1)}** / 100 · ${result.findings.length} findings · ${result.words} words · normed penalty ${result.penalty} (1000 × weights / words)`
}
