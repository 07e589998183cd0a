/**
 * A reader that closes the pipe early (`mtlint lint ... | head`) costs no "internal error" line and no stack trace,
 * and the exit code stays the run's own: a failing file still fails a pipeline under `set -o pipefail`.
 * An output that cannot take the report (a full disk) is one line and exit 2.
 */
import {execFileSync, spawn, type ChildProcess} from 'node:child_process'
import {closeSync, createReadStream, openSync, readFileSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {projectRoot, seedPath, tempTree} from './helpers/cli.js'
import {oneLine, run, sharedTempDir} from './helpers/hardening.js'

describe('mtlint writing into a closed pipe', () => {
  // About 0.5 MB of JSON, eight times a pipe's buffer: the reader closes the pipe long before mtlint is done writing (200 copies took over 30 s on a loaded machine).
  const bigFailingFile = () => join(tempTree({'big.txt': readFileSync(seedPath, 'utf8').repeat(40)}), 'big.txt')

  it('stops writing quietly when stdout closes after the first bytes, and exits with the verdict (1: the seed fails)', async () => {
    const child = spawn(process.execPath, [join(projectRoot, 'bin', 'mtlint.js'), 'lint', '--format', 'json', bigFailingFile()], {stdio: ['ignore', 'pipe', 'pipe']})
    child.stdout.once('data', () => child.stdout.destroy())
    expect(await outcomeOf(child)).toEqual({code: 1, stderr: ''})
  })

  it('does the same for -o FIFO whose reader leaves early', async () => {
    const fifo = join(sharedTempDir(), 'report.fifo')
    execFileSync('mkfifo', [fifo])
    const child = spawn(process.execPath, [join(projectRoot, 'bin', 'mtlint.js'), 'lint', '--format', 'json', '-o', fifo, bigFailingFile()], {stdio: ['ignore', 'ignore', 'pipe']})
    const reader = createReadStream(fifo)
    reader.once('data', () => reader.destroy())
    expect(await outcomeOf(child)).toEqual({code: 1, stderr: ''})
  })
})

async function outcomeOf(child: ChildProcess): Promise<{code: number | null; stderr: string}> {
  let stderr = ''
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve))
  return {code, stderr}
}

describe('mtlint writing onto a full disk', () => {
  it('says so in one line, exit 2, not as an internal error to report (stdout and -o FILE)', () => {
    const dir = sharedTempDir()
    writeFileSync(join(dir, 'a.txt'), 'They met on Friday. Friday.\n')
    const full = openSync('/dev/full', 'w')
    try {
      for (const args of [['lint', '--format', 'json', 'a.txt'], ['lint', '--format', 'pretty', 'a.txt'], ['rules']]) {
        const result = run(args, {cwd: dir, stdio: ['pipe', full, 'pipe']})
        expect(result.code, args.join(' ')).toBe(2)
        expect(oneLine(result.stderr)).toBe('mtlint: cannot write the output (ENOSPC: no space left on device, write)')
      }
    } finally {
      closeSync(full)
    }

    const output = run(['lint', '--format', 'json', '-o', '/dev/full', 'a.txt'], {cwd: dir})
    expect(output.code).toBe(2)
    expect(oneLine(output.stderr)).toBe('mtlint: cannot write the output (ENOSPC: no space left on device, write)')
  })
})
