/**
 * Deeply nested and pathologically repeated inputs (issue 14): each gets a
 * result, or a one-line error that names the limit it exceeds with exit code
 * 2 (README "Exit codes"), never a stack overflow reported as an internal
 * error.
 */
import {describe, expect, it} from 'vitest'
import {lintText} from '../src/engine/lint.js'
import {mtlint, tempTree} from './helpers/cli.js'

describe('plain text without white space or sentence ends', () => {
  // Each is one run of 200,000 tokens: parse-latin's merges spread such a run as call arguments.
  it.each(['a.', 'a-', 'a/', 'a&', '1.', 'a_'])('lints %j repeated 100,000 times', (unit) => {
    const result = lintText(unit.repeat(100_000), 'run.txt')
    expect(result.words).toBeGreaterThan(0)
  })

  it('lints one 200,000-word sentence that starts in lower case after another sentence', () => {
    const result = lintText('It began. ' + 'and so on '.repeat(66_667) + 'end.', 'long.txt')
    expect(result.words).toBe(2 + 200_001 + 1)
  })

  it('lints a line of 120,000 sentences without words', () => {
    expect(lintText('. , ; : ! ? '.repeat(40_000), 'marks.txt').words).toBe(0)
  })

  it('exits 0 or 1 with nothing on stderr through the CLI', () => {
    const root = tempTree({'run.txt': 'a.'.repeat(100_000)})
    const result = mtlint(['lint', '--format', 'json', 'run.txt'], {cwd: root})
    expect(result.stderr).toBe('')
    expect([0, 1]).toContain(result.code)
  })
})
