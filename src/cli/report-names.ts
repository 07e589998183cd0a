/**
 * Names and the input guard shared by every report writer (`report`, `report --html`):
 * flat readable names derived from the input path, and a refusal to write
 * over any file that was an input of the run.
 */
import {realpathSync} from 'node:fs'
import {basename, dirname, join, relative, resolve} from 'node:path'
import type {LintRun} from './lint-files.js'

/**
 * The manifest `mtlint report` keeps in its output folder: `{"tool": "mtlint", "files": [names]}`.
 * `mtlint lint` skips the files it lists when searching folders.
 */
export const reportManifestName = '.mtlint-report.json'

/** `corpus/news/a.txt` + `.mtlint.json` -> `corpus__news__a.txt.mtlint.json`: flat, readable, and never an input's own name. */
export function reportName(path: string, suffix: string): string {
  const relativePath = relative(process.cwd(), resolve(path))
  const name = relativePath.startsWith('..') ? basename(path) : relativePath
  return name.replaceAll(/[\\/]/g, '__') + suffix
}

/** `name` itself, or `name` with a counter before `suffix` when an earlier file of the run took it. */
export function uniqueName(name: string, used: Set<string>, suffix: string): string {
  let candidate = name
  const stem = name.endsWith(suffix) ? name.slice(0, name.length - suffix.length) : name
  for (let counter = 2; used.has(candidate); counter++) candidate = `${stem}.${counter}${suffix}`
  used.add(candidate)
  return candidate
}

/** The run's inputs on disk, resolved, to check report targets against. */
export class InputGuard {
  private readonly inputs: Set<string>

  constructor(run: LintRun) {
    this.inputs = new Set(run.files.flatMap((file) => (file.diskPath ? [realPath(file.diskPath)] : [])))
  }

  /** True (and an error recorded on the run) when `target` is one of the inputs. */
  refuses(run: LintRun, target: string, what: string): boolean {
    if (!this.inputs.has(realPath(target))) return false
    run.errors.push(`${target}: refusing to overwrite an input file with ${what}`)
    return true
  }
}

/** The path with symbolic links followed (a folder linked to the inputs' folder must not get past the guard). */
function realPath(path: string): string {
  try {
    return realpathSync(path)
  } catch {
    // Not there yet: resolve the folder, which exists once reports are written to it.
    try {
      return join(realpathSync(dirname(resolve(path))), basename(path))
    } catch {
      return resolve(path)
    }
  }
}
