/**
 * Reporters that write as files finish: each format is a `file` step, called
 * once per linted file in input order, and an `end` step for what can only be
 * said once every file is done (totals, errors). The whole-run formatters are
 * the same steps over a finished run, so both paths print the same bytes.
 */
import type {Verdict} from '../engine/policy.js'
import {categories, type Category, type FileResult} from '../engine/types.js'

/** What a reporter needs of a linted file (not its text or configuration). */
export interface ReportedFile {
  result: FileResult
  verdict: Verdict
}

export interface StreamingFormat {
  /** Output for one file, as soon as it is linted; in pieces when one string could be large (a long text's findings). */
  file(file: ReportedFile): string | Iterable<string>
  /** The rest of the output, after the last file. */
  end(errors: readonly string[]): string
}

/** A finished run through a streaming format: the batch output. */
export function formatAll(format: StreamingFormat, run: {files: readonly ReportedFile[]; errors: readonly string[]}): string {
  let output = ''
  for (const file of run.files) for (const piece of piecesOf(format.file(file))) output += piece
  return output + format.end(run.errors)
}

/** A format's output for one file as pieces to write in turn. */
export function piecesOf(output: string | Iterable<string>): Iterable<string> {
  return typeof output === 'string' ? [output] : output
}

/** Counts of a batch, kept as files pass so no reporter has to hold them. */
export class Totals {
  files = 0
  words = 0
  findings = 0
  failing = 0
  readonly byCategory = new Map<Category, number>()

  add({result, verdict}: ReportedFile): void {
    this.files++
    this.words += result.words
    this.findings += result.findings.length
    if (!verdict.passed) this.failing++
    for (const finding of result.findings) this.byCategory.set(finding.category, (this.byCategory.get(finding.category) ?? 0) + 1)
  }

  /** Findings per category in the canonical order, categories with none left out. */
  categoryCounts(): Array<[Category, number]> {
    return categories.filter((category) => this.byCategory.has(category)).map((category) => [category, this.byCategory.get(category)!])
  }
}

/** A value as it prints nested `depth` spaces deep in a document indented by two (JSON strings hold no raw line breaks). */
export function indented(value: unknown, depth: number): string {
  return JSON.stringify(value, null, 2).replaceAll('\n', '\n' + ' '.repeat(depth))
}
