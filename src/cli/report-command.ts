/**
 * `mtlint report`: per-file JSON and a Markdown summary in an output folder.
 * Never writes next to an input: a report that would land on an input file
 * is refused.
 */
import {mkdir} from 'node:fs/promises'
import {basename, join, relative, resolve} from 'node:path'
import {buildReport} from '../reporters/json.js'
import {formatMarkdownSummary} from '../reporters/markdown.js'
import {writeFileAtomic} from './atomic-write.js'
import type {LintRun} from './lint-files.js'

export async function writeReports(run: LintRun, outDir: string): Promise<string[]> {
  const inputs = new Set(run.files.flatMap((file) => (file.diskPath ? [resolve(file.diskPath)] : [])))
  await mkdir(outDir, {recursive: true})
  const written: string[] = []
  const used = new Set<string>()
  const report = buildReport(run)
  for (const [index, file] of report.files.entries()) {
    const target = join(outDir, uniqueName(reportName(run.files[index]!.diskPath ?? 'stdin'), used))
    if (inputs.has(resolve(target))) {
      run.errors.push(`${target}: refusing to overwrite an input file with its report`)
      continue
    }

    await writeFileAtomic(target, JSON.stringify({tool: report.tool, ...file}, null, 2) + '\n')
    written.push(target)
  }

  const summary = join(outDir, 'summary.md')
  if (inputs.has(resolve(summary))) {
    run.errors.push(`${summary}: refusing to overwrite an input file with the summary`)
  } else {
    await writeFileAtomic(summary, formatMarkdownSummary(run))
    written.push(summary)
  }

  return written
}

/** `corpus/news/a.txt` -> `corpus__news__a.txt.mtlint.json`: flat, readable, and never an input's own name. */
function reportName(path: string): string {
  const relativePath = relative(process.cwd(), resolve(path))
  const name = relativePath.startsWith('..') ? basename(path) : relativePath
  return name.replaceAll(/[\\/]/g, '__') + '.mtlint.json'
}

function uniqueName(name: string, used: Set<string>): string {
  let candidate = name
  for (let counter = 2; used.has(candidate); counter++) candidate = name.replace(/\.mtlint\.json$/, `.${counter}.mtlint.json`)
  used.add(candidate)
  return candidate
}
