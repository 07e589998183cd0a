/**
 * A reader that closes the pipe early (`mtlint lint ... | head`) ends mtlint quietly: no "internal error" line, no stack trace.
 * An output that cannot take the report (a full disk) is one line and exit 2.
 */
import {spawn} from 'node:child_process'
import {closeSync, openSync, readFileSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {projectRoot, seedPath, tempTree} from './helpers/cli.js'
import {oneLine, run, sharedTempDir} from './helpers/hardening.js'

describe('mtlint writing into a closed pipe', () => {
  it('stops quietly when stdout closes after the first bytes', async () => {
    // About 0.5 MB of JSON, eight times a pipe's buffer: the reader closes the pipe long before mtlint is done writing (200 copies took over 30 s on a loaded machine).
    const folder = tempTree({'big.txt': readFileSync(seedPath, 'utf8').repeat(40)})
    const child = spawn(process.execPath, [join(projectRoot, 'bin', 'mtlint.js'), 'lint', '--format', 'json', join(folder, 'big.txt')], {stdio: ['ignore', 'pipe', 'pipe']})
    let stderr = ''
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.stdout.once('data', () => child.stdout.destroy())
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve))
    expect(stderr).toBe('')
    expect(code).not.toBe(2)
  })
})

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
