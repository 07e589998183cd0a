/** Run the built CLI (`npm test` compiles first) as a user would, in a child process. */
import {spawnSync} from 'node:child_process'
import {mkdirSync, mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {dirname, join, resolve} from 'node:path'
import {fileURLToPath} from 'node:url'

export const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..')
export const seedPath = resolve(projectRoot, 'corpus', 'seed-article.txt')
const bin = join(projectRoot, 'bin', 'mtlint.js')

export interface CliResult {
  code: number
  stdout: string
  stderr: string
}

export function mtlint(args: string[], options: {cwd?: string; input?: string | Buffer; nodeFlags?: string[]} = {}): CliResult {
  const result = spawnSync(process.execPath, [...(options.nodeFlags ?? []), bin, ...args], {
    cwd: options.cwd ?? projectRoot,
    input: options.input ?? '',
    encoding: 'utf8',
    env: {...process.env, NO_COLOR: '1', FORCE_COLOR: ''}
  })
  return {code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr}
}

/** A fresh temporary folder with the given files (path -> content). */
export function tempTree(files: Record<string, string | Buffer>): string {
  const root = mkdtempSync(join(tmpdir(), 'mtlint-test-'))
  for (const [path, content] of Object.entries(files)) {
    const target = join(root, path)
    mkdirSync(dirname(target), {recursive: true})
    writeFileSync(target, content)
  }

  return root
}
