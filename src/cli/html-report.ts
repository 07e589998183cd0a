/**
 * `mtlint report --html`: one page per linted file and an index.html in the
 * output folder, with the same names and the same refusal to overwrite an
 * input as the JSON reports.
 */
import {mkdir} from 'node:fs/promises'
import {join} from 'node:path'
import {formatHtmlIndex, formatHtmlReport} from '../reporters/html.js'
import {writeFileAtomic} from './atomic-write.js'
import type {LintRun} from './lint-files.js'
import {InputGuard, reportName, uniqueName} from './report-names.js'

const suffix = '.html'
const indexName = 'index.html'

export async function writeHtmlReports(run: LintRun, outDir: string): Promise<string[]> {
  const guard = new InputGuard(run)
  await mkdir(outDir, {recursive: true})
  const written: string[] = []
  // A file named `index` must not take the index page's name.
  const used = new Set([indexName])
  const links: Array<string | undefined> = []
  for (const file of run.files) {
    const name = uniqueName(reportName(file.diskPath ?? 'stdin', suffix), used, suffix)
    const target = join(outDir, name)
    if (guard.refuses(run, target, 'its HTML report')) {
      links.push(undefined)
      continue
    }

    await writeFileAtomic(target, formatHtmlReport(file))
    written.push(target)
    links.push(encodeURIComponent(name))
  }

  const index = join(outDir, indexName)
  if (!guard.refuses(run, index, 'the HTML index')) {
    await writeFileAtomic(index, formatHtmlIndex(run, links))
    written.push(index)
  }

  return written
}
