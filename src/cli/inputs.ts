/**
 * Turn command-line operands into the list of files to lint: files as given,
 * folders searched for .txt and .md files, globs expanded, `-` for stdin.
 */
import {statSync} from 'node:fs'
import {join} from 'node:path'
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

export async function expandOperands(operands: readonly string[]): Promise<Expanded> {
  const inputs: Input[] = []
  const errors: string[] = []
  const seen = new Set<string>()
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
      for (const path of found.sort()) add(join(operand, path))
      continue
    }

    if (stat) {
      add(operand)
      continue
    }

    if (isDynamicPattern(operand)) {
      const found = await glob(operand, {ignore: skippedFolders, onlyFiles: true})
      if (found.length === 0) errors.push(`${operand}: no files match this pattern`)
      for (const path of found.sort()) add(path)
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
