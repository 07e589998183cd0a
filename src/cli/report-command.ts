/**
 * `mtlint report`: per-file JSON and a Markdown summary in an output folder.
 * Never writes next to an input: a report that would land on an input file
 * is refused.
 */
import {mkdir} from 'node:fs/promises'
import {join} from 'node:path'
import {buildReport} from '../reporters/json.js'
import {formatMarkdownSummary} from '../reporters/markdown.js'
import {writeFileAtomic} from './atomic-write.js'
import type {LintRun} from './lint-files.js'
import {InputGuard, reportName, uniqueName} from './report-names.js'

const suffix = '.mtlint.json'

export async function writeReports(run: LintRun, outDir: string): Promise<string[]> {
  const guard = new InputGuard(run)
  await mkdir(outDir, {recursive: true})
  const written: string[] = []
  const used = new Set<string>()
  const report = buildReport(run)
  for (const [index, file] of report.files.entries()) {
    const target = join(outDir, uniqueName(reportName(run.files[index]!.diskPath ?? 'stdin', suffix), used, suffix))
    if (guard.refuses(run, target, 'its report')) continue

    await writeFileAtomic(target, JSON.stringify({tool: report.tool, ...file}, null, 2) + '\n')
    written.push(target)
  }

  const summary = join(outDir, 'summary.md')
  if (!guard.refuses(run, summary, 'the summary')) {
    await writeFileAtomic(summary, formatMarkdownSummary(run))
    written.push(summary)
  }

  return written
}
