/** A reader that closes the pipe early (`mtlint lint ... | head`) ends mtlint quietly: no "internal error" line, no stack trace. */
import {spawn} from 'node:child_process'
import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {projectRoot, seedPath, tempTree} from './helpers/cli.js'

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
