/**
 * `mtlint report --html`: one page per linted file and an index.html in the
 * output folder, with the same names and the same folder rules as the JSON
 * reports (src/cli/report-names.ts).
 */
import {formatHtmlIndex, formatHtmlReport} from '../reporters/html.js'
import type {LintRun} from '../engine/run.js'
import {OutFolder, reportName, uniqueName} from './report-names.js'

const suffix = '.html'
const indexName = 'index.html'

export async function writeHtmlReports(run: LintRun, outDir: string): Promise<string[]> {
  const folder = OutFolder.open(run, outDir)
  if (!folder) return []
  const written: string[] = []
  // A file named `index` must not take the index page's name.
  const used = new Set([indexName])
  const links: Array<string | undefined> = []
  for (const file of run.files) {
    const name = uniqueName(reportName(file.diskPath ?? 'stdin', suffix), used, suffix)
    const target = await folder.write(run, name, formatHtmlReport(file))
    if (target) written.push(target)
    links.push(target ? encodeURIComponent(name) : undefined)
  }

  const index = await folder.write(run, indexName, formatHtmlIndex(run, links))
  if (index) written.push(index)
  await folder.save(run)
  return written
}
