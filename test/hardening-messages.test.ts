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

describe('the pretty report on a terminal', () => {
  it('a file name with an escape sequence or a line break is written escaped, never as the bytes that drive the terminal', () => {
    const dir = sharedTempDir()
    for (const name of ['a\u001B[31mred.txt', 'x\ny.txt']) writeFileSync(join(dir, name), 'The council met on Tuesday. Tuesday.\n')
    const result = run(['lint', '--format', 'pretty', 'a\u001B[31mred.txt', 'x\ny.txt'], {cwd: dir})
    expect(result.stdout).not.toMatch(/\u001B/)
    const lines = result.stdout.split('\n')
    expect(lines).toContain('a\\u001B[31mred.txt')
    expect(lines).toContain('x\\ny.txt')
    expect(lines.some((line) => line.startsWith('  a\\u001B[31mred.txt:1:20  major  '))).toBe(true)
    expect(lines.some((line) => line.startsWith('  x\\ny.txt:1:20  major  '))).toBe(true)
  })

  it('so is the verdict screen of --gate', () => {
    const dir = sharedTempDir()
    writeFileSync(join(dir, 'a\u001B[31mred.txt'), 'The council met on Tuesday. Tuesday.\n')
    const result = run(['lint', '--gate', '--format', 'pretty', 'a\u001B[31mred.txt'], {cwd: dir})
    expect(result.stdout).not.toMatch(/\u001B/)
    expect(result.stdout.split('\n')[0]).toMatch(/^FAIL {2}a\\u001B\[31mred\.txt {2}score 0/)
  })
})
