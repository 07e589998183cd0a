/**
 * Every message is one line, whatever the names and bytes it quotes: a line
 * break or an escape sequence in a file name, or in the snippet a JSON error
 * quotes from a broken file, is written as an escape (`\n`, `\u001B`).
 */
import {writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {oneLine, run, sharedTempDir} from './helpers/hardening.js'

describe('messages that quote what the user gave', () => {
  it('a file name with a line break or an escape sequence stays on its line', () => {
    const dir = sharedTempDir()
    const missing = run(['lint', '--format', 'json', 'no\nsuch.txt', '\u001B[31mred.txt'], {cwd: dir})
    expect(missing.code).toBe(2)
    expect(missing.stderr).toBe('mtlint: no\\nsuch.txt: no such file or folder\nmtlint: \\u001B[31mred.txt: no such file or folder\n')
  })

  it('the summary of --fix names such a file in one line', () => {
    const dir = sharedTempDir()
    writeFileSync(join(dir, 'x\ny.txt'), 'They met on Friday. Friday.\n')
    const result = run(['lint', '--fix', '--format', 'json', 'x\ny.txt'], {cwd: dir})
    expect(result.stderr).toBe('fixed 1 in x\\ny.txt\n')
    expect(result.code).toBe(0)
  })

  it('a configuration whose first bytes hold line breaks: one line naming it', () => {
    const dir = sharedTempDir()
    writeFileSync(join(dir, '.mtlintrc.json'), 'x\n\ny')
    writeFileSync(join(dir, 'a.txt'), 'They met.\n')
    const result = run(['lint', '--format', 'json', 'a.txt'], {cwd: dir})
    expect(result.code).toBe(2)
    expect(oneLine(result.stderr)).toMatch(/^mtlint: invalid configuration: .*\.mtlintrc\.json: invalid JSON \(.*"x\\n\\ny".*\)$/)
  })
})
