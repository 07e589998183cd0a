/** UTF-16 with a byte order mark is text: decoded, linted (offsets into the decoded text), fixed in its own encoding. */
import {readFileSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {defaultConfig} from '../src/registry.js'
import {lintText} from '../src/engine/lint.js'
import {fixSafely} from '../src/engine/safe-fix.js'
import {listing, oneLine, run, sharedTempDir} from './helpers/hardening.js'

const text = '\uFEFFTalks resumed on Friday.\r\nThey met in Geneva on Friday. Friday.\r\nThe the ministers left “early”.\r\n'

function utf16(value: string, order: 'le' | 'be'): Buffer {
  const bytes = Buffer.from(value, 'utf16le')
  return order === 'be' ? bytes.swap16() : bytes
}

describe.each(['le', 'be'] as const)('UTF-16%s with a byte order mark', (order) => {
  it('is linted as the decoded text, with offsets into it', () => {
    const dir = sharedTempDir()
    writeFileSync(join(dir, 'a.txt'), utf16(text, order))
    const result = run(['lint', '--format', 'json', 'a.txt'], {cwd: dir})
    expect(result.stderr).toBe('')
    expect(result.code).toBe(1)
    const findings = (JSON.parse(result.stdout) as {files: Array<{findings: Array<{ruleId: string; start: {offset: number}; actual: string}>}>}).files[0]!.findings
    const expected = lintText(text, 'a.txt', defaultConfig()).findings
    expect(findings.length).toBeGreaterThan(0)
    expect(findings.map(({ruleId, start, actual}) => [ruleId, start.offset, actual])).toEqual(expected.map(({ruleId, start, actual}) => [ruleId, start.offset, actual]))
    for (const finding of findings) expect(text.slice(finding.start.offset)).toContain(finding.actual)
  })

  it('is fixed in place in UTF-16, byte order mark and CRLF kept', () => {
    const dir = sharedTempDir()
    const path = join(dir, 'a.txt')
    writeFileSync(path, utf16(text, order))
    const result = run(['lint', '--fix', '--format', 'json', 'a.txt'], {cwd: dir})
    expect(result.stderr).toMatch(/^fixed \d+ in a\.txt\n$/)
    const fixed = fixSafely(text, 'a.txt', defaultConfig()).text
    expect(fixed).not.toBe(text)
    expect(readFileSync(path).equals(utf16(fixed, order))).toBe(true)
    expect(listing(dir)).toEqual(['a.txt'])
  })
})

describe('text that is not UTF-8 or UTF-16', () => {
  it('UTF-16 without a byte order mark stays binary: one line, exit 2', () => {
    const dir = sharedTempDir()
    writeFileSync(join(dir, 'a.txt'), utf16('They met.\n', 'le'))
    const result = run(['lint', '--format', 'json', 'a.txt'], {cwd: dir})
    expect(result.code).toBe(2)
    expect(oneLine(result.stderr)).toBe('mtlint: a.txt: binary data (NUL byte), expected UTF-8 text')
  })

  it('truncated UTF-16 (odd length): one line, exit 2', () => {
    const dir = sharedTempDir()
    writeFileSync(join(dir, 'a.txt'), Buffer.concat([utf16('\uFEFFThey met.', 'le'), Buffer.from([0x41])]))
    const result = run(['lint', '--format', 'json', 'a.txt'], {cwd: dir})
    expect(result.code).toBe(2)
    expect(oneLine(result.stderr)).toBe('mtlint: a.txt: invalid UTF-16LE (odd length or unpaired surrogate), expected UTF-16 text')
  })
})

describe('a UTF-8 byte order mark before JSON', () => {
  it('a configuration file that starts with one is read (as ESLint and npm read it)', () => {
    const dir = sharedTempDir()
    writeFileSync(join(dir, '.mtlintrc.json'), '\uFEFF{"rules": {"repeated-word": "off"}}\n')
    writeFileSync(join(dir, 'a.txt'), 'The the talks ended.\n')
    const result = run(['lint', '--format', 'json', 'a.txt'], {cwd: dir})
    expect(result.stderr).toBe('')
    expect(result.code).toBe(0)
    expect((JSON.parse(result.stdout) as {files: Array<{findings: unknown[]}>}).files[0]!.findings).toEqual([])
  })

  it('a JSONL segment file that starts with one is read, offsets still counting it', () => {
    const dir = sharedTempDir()
    const text = '\uFEFF{"source":"Hallo Welt","target":"Hello the the world"}\n{"source":"Ja","target":"Yes"}\n\n'
    writeFileSync(join(dir, 'a.jsonl'), text)
    const result = run(['compare', '--format', 'json', 'a.jsonl'], {cwd: dir})
    expect(result.stderr).toBe('')
    const findings = (JSON.parse(result.stdout) as {files: Array<{findings: Array<{ruleId: string; start: {offset: number}; actual: string}>}>}).files[0]!.findings
    const repeated = findings.find((finding) => finding.ruleId === 'repeated-word')!
    expect(text.slice(repeated.start.offset, repeated.start.offset + repeated.actual.length)).toBe('the the')
  })
})
