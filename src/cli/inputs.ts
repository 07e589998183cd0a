/**
 * Turn command-line operands into the list of files to lint: files as given,
 * folders searched for .txt and .md files, globs expanded, `-` for stdin.
 * Each file is linted once, however many names reach it (`a.txt ./a.txt`,
 * a symbolic link, a link back to its own folder), and stdin is read once.
 */
import {readFileSync, readdirSync, statSync, type Dirent} from 'node:fs'
import {basename, dirname, join, relative, resolve} from 'node:path'
import ignore, {type Ignore} from 'ignore'
import {glob, isDynamicPattern} from 'tinyglobby'
import {ConfigFinder} from '../engine/config.js'
import {realPath, reportManifestName} from './report-names.js'

export const lintedExtensions = ['txt', 'md', 'markdown'] as const

/** Folders never searched: dependencies, VCS data and build output. */
const skippedFolderNames = new Set(['node_modules', '.git', 'dist'])
const skippedFolders = [...skippedFolderNames].map((name) => `**/${name}/**`)

export type Input = {kind: 'file'; path: string} | {kind: 'stdin'}

export interface Expanded {
  inputs: Input[]
  /** One-line problems with operands (a missing file, a glob that matches nothing, an empty or unreadable folder). */
  errors: string[]
  /** One-line notes that do not fail the run (a glob whose every match is ignored, a subfolder that cannot be read). */
  warnings: string[]
}

export interface ExpandOptions {
  /** false for --no-ignore: .mtlintignore is not read. */
  ignore?: boolean
  /** --config FILE: its folder's .mtlintignore applies to every file. */
  configPath?: string
  /** What a folder search finds (default lintedExtensions; `compare` finds segment files). */
  extensions?: readonly string[]
}

/** The ignore file, in .gitignore syntax, beside the configuration (as .eslintignore is). */
export const ignoreFileName = '.mtlintignore'

/**
 * Files named on the command line are always linted; files found by
 * searching a folder or expanding a glob are skipped when the .mtlintignore
 * beside their configuration matches them (the folder of --config, else of
 * the nearest .mtlintrc.json or package.json with an `mtlint` key, else the
 * working directory), and when `mtlint report` wrote them.
 */
export async function expandOperands(operands: readonly string[], options: ExpandOptions = {}): Promise<Expanded> {
  const inputs: Input[] = []
  const errors: string[] = []
  const warnings: string[] = []
  const seen = new Set<string>()
  const ignores = new IgnoreFiles(options, warnings)
  const reports = new ReportOutputs()
  const extensions = options.extensions ?? lintedExtensions
  const add = (path: string) => {
    // By real path: two names of one file are one input.
    const key = realPath(path)
    if (!seen.has(key)) {
      seen.add(key)
      inputs.push({kind: 'file', path})
    }
  }

  /** Adds what is neither ignored nor a report; false when everything found was ignored. */
  const addFound = (found: string[]): boolean => {
    let ignored = 0
    for (const path of found.sort()) {
      if (reports.wrote(path)) continue
      if (ignores.ignores(path)) ignored++
      else add(path)
    }

    return found.length === 0 || ignored < found.length
  }

  let stdin = false
  for (const operand of operands) {
    if (operand === '-') {
      // Stdin can be read once: a second `-` names the same input.
      if (!stdin) inputs.push({kind: 'stdin'})
      stdin = true
      continue
    }

    const stat = statOrUndefined(operand)
    if (stat?.isDirectory()) {
      const found = searchFolder(operand, extensions, errors, warnings)
      if (!found) continue
      if (found.length === 0) errors.push(`${operand}: no ${extensions.slice(0, -1).map((extension) => '.' + extension).join(', ')} or .${extensions.at(-1)} files in this folder`)
      else if (!addFound(found.map((path) => join(operand, path)))) warnings.push(`${operand}: every file found is ignored by ${ignoreFileName} (--no-ignore lints them)`)
      continue
    }

    if (stat) {
      add(operand)
      continue
    }

    if (isDynamicPattern(operand)) {
      const found = await glob(operand, {ignore: skippedFolders, onlyFiles: true})
      if (found.length === 0) errors.push(`${operand}: no files match this pattern`)
      else if (!addFound(found)) warnings.push(`${operand}: every match is ignored by ${ignoreFileName} (--no-ignore lints them)`)
      continue
    }

    errors.push(`${operand}: no such file or folder`)
  }

  return {inputs, errors, warnings}
}

/**
 * The linted files under `root` (paths relative to it, sorted), skipping
 * dot files and dot folders. Symbolic links are followed, each real folder
 * searched once (a link to `.` cannot loop); a folder that cannot be read
 * is an error when it is `root` (undefined is returned) and a warning below.
 */
function searchFolder(root: string, extensions: readonly string[], errors: string[], warnings: string[]): string[] | undefined {
  const found: string[] = []
  const visited = new Set([realPath(root)])
  const pending = ['']
  for (let next = 0; next < pending.length; next++) {
    const folder = pending[next]!
    let entries: Dirent[]
    try {
      entries = readdirSync(join(root, folder), {withFileTypes: true})
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code
      const reason = `cannot read folder (${code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code ?? 'error'})`
      if (folder === '') {
        errors.push(`${root}: ${reason}`)
        return undefined
      }

      warnings.push(`${join(root, folder)}: ${reason}, skipped`)
      continue
    }

    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (entry.name.startsWith('.')) continue
      const path = folder === '' ? entry.name : `${folder}/${entry.name}`
      const target = entry.isSymbolicLink() ? statOrUndefined(join(root, path)) : entry
      if (!target) {
        warnings.push(`${join(root, path)}: broken symbolic link, skipped`)
        continue
      }

      if (target.isDirectory()) {
        const real = realPath(join(root, path))
        if (!skippedFolderNames.has(entry.name) && !visited.has(real)) {
          visited.add(real)
          pending.push(path)
        }
      } else if (extensions.some((extension) => entry.name.endsWith('.' + extension))) {
        // Not only regular files: a FIFO or device named *.txt gets a one-line refusal from the reader.
        found.push(path)
      }
    }
  }

  return found.sort()
}

function statOrUndefined(path: string) {
  try {
    return statSync(path)
  } catch {
    return undefined
  }
}

/** The .mtlintignore that applies to each found file, read once per folder. */
class IgnoreFiles {
  private readonly byFolder = new Map<string, {root: string; rules: Ignore}>()
  /** One ignore file per root, read (and warned about) once. */
  private readonly byRoot = new Map<string, Ignore>()

  constructor(
    private readonly options: ExpandOptions,
    private readonly warnings: string[]
  ) {}

  ignores(path: string): boolean {
    if (this.options.ignore === false) return false
    const file = resolve(path)
    const {root, rules} = this.forFolder(dirname(file))
    const fromRoot = relative(root, file)
    return !fromRoot.startsWith('..') && rules.ignores(fromRoot.split('\\').join('/'))
  }

  private forFolder(folder: string): {root: string; rules: Ignore} {
    let entry = this.byFolder.get(folder)
    if (!entry) {
      const config = this.options.configPath ? resolve(this.options.configPath) : ConfigFinder.locate(folder)
      const root = config ? dirname(config) : process.cwd()
      let rules = this.byRoot.get(root)
      if (!rules) {
        rules = ignoreRules(root, this.warnings)
        this.byRoot.set(root, rules)
      }

      entry = {root, rules}
      this.byFolder.set(folder, entry)
    }

    return entry
  }
}

function ignoreRules(root: string, warnings: string[]): Ignore {
  const rules = ignore()
  const path = join(root, ignoreFileName)
  const stats = statOrUndefined(path)
  // No ignore file: nothing is ignored. A FIFO or device is not read (it could block or never end).
  if (stats && !stats.isFile()) warnings.push(`${path}: not a regular file (${stats.isFIFO() ? 'FIFO' : stats.isDirectory() ? 'folder' : 'special file'}), not read`)
  else if (stats) {
    try {
      rules.add(readFileSync(path, 'utf8'))
    } catch {
      // Unreadable: nothing is ignored.
    }
  }

  return rules
}

/**
 * Files `mtlint report` wrote: those listed in a folder's report manifest, or,
 * in a folder without one, a summary.md beside *.mtlint.json reports.
 */
class ReportOutputs {
  private readonly byFolder = new Map<string, Set<string>>()

  wrote(path: string): boolean {
    const folder = dirname(resolve(path))
    let names = this.byFolder.get(folder)
    if (!names) {
      names = reportFiles(folder)
      this.byFolder.set(folder, names)
    }

    return names.has(basename(path))
  }
}

function reportFiles(folder: string): Set<string> {
  const manifest = join(folder, reportManifestName)
  // Only a regular file is read: a FIFO under that name would block the folder search for ever.
  if (statOrUndefined(manifest)?.isFile()) {
    try {
      const listed = (JSON.parse(readFileSync(manifest, 'utf8')) as {files?: unknown}).files
      if (Array.isArray(listed)) return new Set(listed.filter((name): name is string => typeof name === 'string').map((name) => basename(name)))
    } catch {
      // An unreadable manifest: fall back to the shape of a report folder.
    }
  }

  try {
    return readdirSync(folder).some((name) => name.endsWith('.mtlint.json')) ? new Set(['summary.md']) : new Set()
  } catch {
    return new Set()
  }
}
