/**
 * Shared by the hardening-*.test.ts files: run the built CLI with a time
 * limit (a hang is a failure, not a stuck suite), optionally as the
 * unprivileged user `nobody`, and look at what a run left behind.
 */
import {spawnSync, type StdioOptions} from 'node:child_process'
import {chmodSync, mkdtempSync, readdirSync, statSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {projectRoot, type CliResult} from './cli.js'

const bin = join(projectRoot, 'bin', 'mtlint.js')
const nobody = 65534

export const isRoot = process.getuid?.() === 0

/** Why the CLI cannot be run as another, unprivileged user here; undefined when it can. */
export const noUnprivilegedUser: string | undefined = (() => {
  if (!isRoot) return undefined
  const probe = spawnSync('setpriv', [`--reuid=${nobody}`, `--regid=${nobody}`, '--clear-groups', 'true'])
  if (probe.status !== 0) return 'setpriv cannot switch to uid 65534 (nobody)'
  // A checkout inside a folder only its owner may enter (mktemp -d makes 0700) cannot be run by `nobody`.
  const reads = spawnSync('setpriv', [`--reuid=${nobody}`, `--regid=${nobody}`, '--clear-groups', 'test', '-r', bin])
  return reads.status === 0 ? undefined : `uid 65534 (nobody) cannot read ${bin} (a parent folder is closed to other users)`
})()

/** Why root-only cases (a file owned by another user) cannot run; undefined when they can. */
export const notRoot = isRoot ? undefined : 'not running as root'

export interface RunOptions {
  cwd: string
  input?: string | Buffer
  /** Run as `nobody` (when root; a non-root test run is unprivileged already). */
  unprivileged?: boolean
  stdio?: StdioOptions
  timeout?: number
}

export function run(args: string[], options: RunOptions): CliResult {
  const command = options.unprivileged && isRoot ? 'setpriv' : process.execPath
  const prefix = options.unprivileged && isRoot ? [`--reuid=${nobody}`, `--regid=${nobody}`, '--clear-groups', process.execPath] : []
  const result = spawnSync(command, [...prefix, bin, ...args], {
    cwd: options.cwd,
    input: options.input ?? '',
    stdio: options.stdio,
    encoding: 'utf8',
    timeout: options.timeout ?? 30_000,
    env: {...process.env, NO_COLOR: '1', FORCE_COLOR: ''}
  })
  if (result.error) throw result.error
  return {code: result.status ?? -1, stdout: result.stdout ?? '', stderr: result.stderr ?? ''}
}

/** A fresh folder that `nobody` may enter and write to (mkdtemp makes it 0700). */
export function sharedTempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'mtlint-hardening-'))
  chmodSync(dir, 0o777)
  return dir
}

/** Names in a folder, sorted: what a run must not have added to (temporary files included). */
export function listing(dir: string): string[] {
  return readdirSync(dir).sort()
}

export function inodeOf(path: string): number {
  return statSync(path).ino
}

/** Exactly one line on stderr, and no stack trace. */
export function oneLine(stderr: string): string {
  const lines = stderr.split('\n').filter((line) => line !== '')
  if (lines.length !== 1 || /^\s+at /m.test(stderr)) throw new Error(`expected one line on stderr, got:\n${stderr}`)
  return lines[0]!
}
