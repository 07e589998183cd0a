/**
 * `mtlint report`: per-file JSON and a Markdown summary in an output folder.
 * The folder rules of src/cli/report-names.ts apply: never an input or an
 * input's folder, never over a file mtlint did not write.
 */
import {buildReport} from '../reporters/json.js'
import {formatMarkdownSummary} from '../reporters/markdown.js'
import type {LintRun} from '../engine/run.js'
import {OutFolder, reportName, uniqueName} from './report-names.js'

const suffix = '.mtlint.json'

export async function writeReports(run: LintRun, outDir: string): Promise<string[]> {
  const folder = OutFolder.open(run, outDir)
  if (!folder) return []
  const written: string[] = []
  const used = new Set<string>()
  const report = buildReport(run)
  for (const [index, file] of report.files.entries()) {
    const name = uniqueName(reportName(run.files[index]!.diskPath ?? 'stdin', suffix), used, suffix)
    const target = await folder.write(run, name, JSON.stringify({tool: report.tool, ...file}, null, 2) + '\n')
    if (target) written.push(target)
  }

  const summary = await folder.write(run, 'summary.md', formatMarkdownSummary(run))
  if (summary) written.push(summary)
  await folder.save(run)
  return written
}
