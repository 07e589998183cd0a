/**
 * Turn command-line operands into the list of files to lint: files as given,
 * folders searched for .txt and .md files, globs expanded, `-` for stdin.
 */
import {readFileSync, statSync} from 'node:fs'
import {join, relative, resolve} from 'node:path'
import ignore, {type Ignore} from 'ignore'
import {glob, isDynamicPattern} from 'tinyglobby'

export const lintedExtensions = ['txt', 'md', 'markdown'] as const

/** Folders never searched: dependencies, VCS data, build output and our own reports. */
const skippedFolders = ['**/node_modules/**', '**/.git/**', '**/dist/**']

export type Input = {kind: 'file'; path: string} | {kind: 'stdin'}

export interface Expanded {
  inputs: Input[]
  /** One-line problems with operands (a missing file, a glob that matches nothing). */
  errors: string[]
}

/** The ignore file, read from the working directory, in .gitignore syntax. */
export const ignoreFileName = '.mtlintignore'

/**
 * Files named on the command line are always linted; files found by
 * searching a folder or expanding a glob are skipped when .mtlintignore
 * (in the working directory) matches them, as with .eslintignore.
 */
export async function expandOperands(operands: readonly string[]): Promise<Expanded> {
  const inputs: Input[] = []
  const errors: string[] = []
  const seen = new Set<string>()
  const ignored = ignoreRules()
  const addFound = (path: string) => {
    const fromRoot = relative(process.cwd(), resolve(path))
    if (fromRoot.startsWith('..') || !ignored.ignores(fromRoot)) add(path)
  }

  const add = (path: string) => {
    if (!seen.has(path)) {
      seen.add(path)
      inputs.push({kind: 'file', path})
    }
  }

  for (const operand of operands) {
    if (operand === '-') {
      inputs.push({kind: 'stdin'})
      continue
    }

    const stat = statOrUndefined(operand)
    if (stat?.isDirectory()) {
      const found = await glob(`**/*.{${lintedExtensions.join(',')}}`, {cwd: operand, ignore: skippedFolders, dot: false})
      for (const path of found.sort()) addFound(join(operand, path))
      continue
    }

    if (stat) {
      add(operand)
      continue
    }

    if (isDynamicPattern(operand)) {
      const found = await glob(operand, {ignore: skippedFolders, onlyFiles: true})
      if (found.length === 0) errors.push(`${operand}: no files match this pattern`)
      for (const path of found.sort()) addFound(path)
      continue
    }

    errors.push(`${operand}: no such file or folder`)
  }

  return {inputs, errors}
}

function statOrUndefined(path: string) {
  try {
    return statSync(path)
  } catch {
    return undefined
  }
}

function ignoreRules(): Ignore {
  const rules = ignore()
  try {
    rules.add(readFileSync(ignoreFileName, 'utf8'))
  } catch {
    // No ignore file: nothing is ignored.
  }

  return rules
}
