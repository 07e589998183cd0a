/**
 * Names and the output folder shared by every report writer (`report`,
 * `report --html`): flat readable names derived from the input path, and an
 * output folder that mtlint writes into only where it cannot damage
 * anything: never an input or an input's folder, and never over a file it
 * did not write itself (its manifest, `.mtlint-report.json`, records what
 * it wrote there with a hash of each file).
 */
import {createHash} from 'node:crypto'
import {lstatSync, mkdirSync, readFileSync, realpathSync, statSync} from 'node:fs'
import {basename, dirname, join, relative, resolve} from 'node:path'
import {WriteError, writeFileAtomic} from './atomic-write.js'
import type {LintRun} from '../engine/run.js'

/** `corpus/news/a.txt` + `.mtlint.json` -> `corpus__news__a.txt.mtlint.json`: flat, readable, and never an input's own name. */
export function reportName(path: string, suffix: string): string {
  const relativePath = relative(process.cwd(), resolve(path))
  const name = relativePath.startsWith('..') ? basename(path) : relativePath
  const flat = name.replaceAll(/[\\/]/g, '__')
  if (Buffer.byteLength(flat + suffix) <= maxNameBytes) return flat + suffix
  // Too long for a file name (a deep path): the end of it, after a hash of the whole that keeps two such paths apart.
  const hash = createHash('sha256').update(flat).digest('hex').slice(0, 8)
  const characters = Array.from(flat)
  let from = 0
  while (Buffer.byteLength(`${hash}~${characters.slice(from).join('')}${suffix}`) > maxNameBytes) from++
  return `${hash}~${characters.slice(from).join('')}${suffix}`
}

/** A file name may have 255 bytes; a few are kept for the counter uniqueName may add (`.2`). */
const maxNameBytes = 255 - 8

/** `name` itself, or `name` with a counter before `suffix` when an earlier file of the run took it. */
export function uniqueName(name: string, used: Set<string>, suffix: string): string {
  let candidate = name
  const stem = name.endsWith(suffix) ? name.slice(0, name.length - suffix.length) : name
  for (let counter = 2; used.has(candidate); counter++) candidate = `${stem}.${counter}${suffix}`
  used.add(candidate)
  return candidate
}

/**
 * The manifest `mtlint report` keeps in its output folder:
 * `{"tool": "mtlint", "files": [names], "sha256": {name: hash}}`. Only a
 * listed file that still has the recorded hash is ever overwritten;
 * `mtlint lint` skips the listed files when searching folders.
 */
export const reportManifestName = '.mtlint-report.json'

interface Manifest {
  tool: 'mtlint'
  /** Report file name -> SHA-256 of the bytes mtlint wrote. */
  sha256: Record<string, string>
}

/** The report folder of one run. Refusals become one-line errors on the run (exit 2). */
export class OutFolder {
  private constructor(
    readonly path: string,
    private readonly manifest: Manifest
  ) {}

  /** The folder, created if need be, or undefined (and an error on the run) when it must not be written to. */
  static open(run: LintRun, path: string): OutFolder | undefined {
    const refusal = refuseFolder(run, path)
    if (refusal) {
      // `report --html` opens the folder twice: say it once.
      pushOnce(run, `--out ${path}: ${refusal}, nothing written`)
      return undefined
    }

    const manifestPath = join(path, reportManifestName)
    let manifest: Manifest = {tool: 'mtlint', sha256: {}}
    let text: string | undefined
    const found = lstatOrUndefined(manifestPath)
    try {
      // Anything but a regular file (a FIFO would block the read for ever, a link point elsewhere) is no manifest of ours.
      text = found === undefined ? undefined : found.isFile() ? readFileSync(manifestPath, 'utf8') : ''
    } catch {
      // Unreadable: no manifest of ours either.
      text = ''
    }

    if (text !== undefined) {
      const parsed = parseManifest(text)
      if (!parsed) {
        pushOnce(run, `${manifestPath}: not an mtlint manifest, nothing written (remove it or choose another --out)`)
        return undefined
      }

      manifest = parsed
    }

    return new OutFolder(path, manifest)
  }

  /** Write one report file; its path, or undefined (and an error on the run) when refused. */
  async write(run: LintRun, name: string, content: string): Promise<string | undefined> {
    const target = join(this.path, name)
    const refusal = this.refusal(name, target)
    if (refusal) {
      run.errors.push(`${target}: ${refusal}, not overwritten (remove it or choose another --out)`)
      return undefined
    }

    try {
      await writeFileAtomic(target, content)
    } catch (error) {
      if (!(error instanceof WriteError)) throw error
      run.errors.push(`${target}: ${error.message}`)
      return undefined
    }

    this.manifest.sha256[name] = sha256(content)
    return target
  }

  /** Record what this run wrote, so that the next run may replace exactly those files. */
  async save(run: LintRun): Promise<void> {
    const path = join(this.path, reportManifestName)
    const files = Object.keys(this.manifest.sha256).sort()
    const hashes = Object.fromEntries(files.map((name) => [name, this.manifest.sha256[name]]))
    try {
      await writeFileAtomic(path, JSON.stringify({tool: 'mtlint', files, sha256: hashes}, null, 2) + '\n')
    } catch (error) {
      if (!(error instanceof WriteError)) throw error
      run.errors.push(`${path}: ${error.message}`)
    }
  }

  /** Why `target` must not be replaced, or undefined: it is missing, or holds the exact bytes mtlint last wrote under this name. */
  private refusal(name: string, target: string): string | undefined {
    let stats
    try {
      stats = lstatSync(target)
    } catch {
      return undefined
    }

    const recorded = Object.hasOwn(this.manifest.sha256, name) ? this.manifest.sha256[name] : undefined
    if (!recorded || !stats.isFile()) return 'not written by mtlint'
    let bytes: Buffer
    try {
      bytes = readFileSync(target)
    } catch {
      return 'cannot be read'
    }

    return sha256(bytes) === recorded ? undefined : 'changed since mtlint wrote it'
  }
}

/** Why `out` must not receive reports, or undefined; the folder exists afterwards when it may. */
function refuseFolder(run: LintRun, out: string): string | undefined {
  const real = realPath(out)
  for (const file of run.files) {
    if (file.diskPath === undefined) continue
    const input = realPath(file.diskPath)
    if (input === real) return 'is an input of this run, expected a folder for the reports'
    // The folder a link sits in and the folder of the file it points to: both hold the input.
    if (real === dirname(input) || real === realPath(dirname(resolve(file.diskPath)))) {
      return `holds the input ${file.result.path}, expected a folder of its own for the reports`
    }
  }

  const stats = statOrUndefined(out)
  if (stats && !stats.isDirectory()) return 'not a folder, expected a folder for the reports'
  if (!stats) {
    try {
      mkdirSync(out, {recursive: true})
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code
      return `cannot create the folder (${code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code ?? 'error'})`
    }
  }

  return undefined
}

function parseManifest(text: string): Manifest | undefined {
  try {
    const value = JSON.parse(text) as Partial<Manifest> | null
    const hashes = value?.sha256
    if (value?.tool !== 'mtlint' || typeof hashes !== 'object' || hashes === null || Array.isArray(hashes)) return undefined
    if (!Object.values(hashes).every((hash) => typeof hash === 'string')) return undefined
    return {tool: 'mtlint', sha256: {...hashes}}
  } catch {
    return undefined
  }
}

function pushOnce(run: LintRun, error: string): void {
  if (!run.errors.includes(error)) run.errors.push(error)
}

function sha256(content: string | Uint8Array): string {
  return createHash('sha256').update(content).digest('hex')
}

function lstatOrUndefined(path: string) {
  try {
    return lstatSync(path)
  } catch {
    return undefined
  }
}

function statOrUndefined(path: string) {
  try {
    return statSync(path)
  } catch {
    return undefined
  }
}

/** The path with symbolic links followed; for a path not there yet, its folder's real path joined with its name. */
export function realPath(path: string): string {
  try {
    return realpathSync(path)
  } catch {
    try {
      return join(realpathSync(dirname(resolve(path))), basename(path))
    } catch {
      return resolve(path)
    }
  }
}
