/** `--fix-dry-run` prints a patch that `git apply` accepts and that turns the file into what `--fix` writes. */
import {spawnSync} from 'node:child_process'
import {readFileSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {unifiedDiff} from '../src/cli/diff.js'
import {mtlint, tempTree} from './helpers/cli.js'

const hasGit = spawnSync('git', ['--version']).status === 0
const filler = Array.from({length: 12}, (_, index) => `Line ${index + 1} of the report stays as it is.`)

const cases: Array<[string, string]> = [
  ['a final newline', 'Talks resumed.\nThey met on Friday. Friday.\n'],
  ['no final newline', 'Talks resumed.\nThey met on Friday. Friday.'],
  ['two changes far apart', ['They met on Friday. Friday.', ...filler, 'The the talks ended.', ''].join('\n')],
  ['two changes close together, a blank line between', 'They met on Friday. Friday.\n\nThe the talks ended.\n'],
  ['CRLF line endings', 'Talks resumed.\r\nThey met on Friday. Friday.\r\n\r\nThe the talks ended.\r\nNo deal.\r\n'],
  ['a change on the last line, no final newline', [...filler.slice(0, 5), 'They met on Friday. Friday.'].join('\n')],
  ['a change on the last line', [...filler.slice(0, 5), 'They met on Friday. Friday.', ''].join('\n')],
  ['a change on the first line of a one-line file', 'They met on Friday. Friday.'],
]

function git(dir: string, args: string[], input?: string) {
  return spawnSync('git', ['-c', 'core.autocrlf=false', '-c', 'apply.whitespace=nowarn', ...args], {cwd: dir, input, encoding: 'utf8'})
}

describe.skipIf(!hasGit)('--fix-dry-run is a patch git apply accepts', () => {
  it.each(cases)('%s', (_, text) => {
    const dir = tempTree({'a.txt': text})
    expect(git(dir, ['init', '-q']).status).toBe(0)
    const dry = mtlint(['lint', '--fix-dry-run', 'a.txt'], {cwd: dir})
    expect(dry.stdout).toMatch(/^--- a\/a\.txt\n\+\+\+ b\/a\.txt\n@@ /)
    const check = git(dir, ['apply', '--check', '-'], dry.stdout)
    expect(check.stderr).toBe('')
    expect(check.status).toBe(0)
    expect(git(dir, ['apply', '-'], dry.stdout).status).toBe(0)
    const applied = readFileSync(join(dir, 'a.txt'))
    writeFileSync(join(dir, 'a.txt'), text)
    mtlint(['lint', '--fix', 'a.txt'], {cwd: dir})
    const fixed = readFileSync(join(dir, 'a.txt'))
    expect(fixed.equals(Buffer.from(text))).toBe(false)
    expect(applied.toString('latin1')).toBe(fixed.toString('latin1'))
  })
})

describe('--fix-dry-run hunks', () => {
  it('count real lines only and mark a missing final newline', () => {
    const dir = tempTree({'a.txt': 'Talks resumed.\nThey met on Friday. Friday.'})
    expect(mtlint(['lint', '--fix-dry-run', 'a.txt'], {cwd: dir}).stdout).toBe(
      ['--- a/a.txt', '+++ b/a.txt', '@@ -1,2 +1,2 @@', ' Talks resumed.', '-They met on Friday. Friday.', '\\ No newline at end of file', '+They met on Friday.', '\\ No newline at end of file', ''].join('\n')
    )
  })

  it('keep an unchanged blank line between two changes as context', () => {
    const dir = tempTree({'a.txt': 'They met on Friday. Friday.\n\nThe the talks ended.\n'})
    expect(mtlint(['lint', '--fix-dry-run', 'a.txt'], {cwd: dir}).stdout).toBe(
      ['--- a/a.txt', '+++ b/a.txt', '@@ -1,3 +1,3 @@', '-They met on Friday. Friday.', '+They met on Friday.', ' ', '-The the talks ended.', '+The talks ended.', ''].join('\n')
    )
  })
})

describe.skipIf(!hasGit)('unifiedDiff', () => {
  it('past the edit budget (every one of 2,500 lines changed), pairs lines greedily and stays a valid patch', () => {
    const before = Array.from({length: 2500}, (_, index) => `line ${index} the the\n`).join('')
    const after = before.replaceAll('the the', 'the')
    const dir = tempTree({'a.txt': before})
    expect(git(dir, ['init', '-q']).status).toBe(0)
    const patch = unifiedDiff('a.txt', before, after)
    expect(patch.split('\n')[2]).toBe('@@ -1,2500 +1,2500 @@')
    expect(git(dir, ['apply', '-'], patch).status).toBe(0)
    expect(readFileSync(join(dir, 'a.txt'), 'utf8')).toBe(after)
  })

  it('lines inserted and removed: a valid patch with the shortest edit', () => {
    const before = 'a\nb\nc\nd\ne\nf\ng\nh\ni\nj\n'
    const after = 'a\nx\nb\nc\ne\nf\ng\nh\ni\nj\ny'
    const dir = tempTree({'a.txt': before})
    expect(git(dir, ['init', '-q']).status).toBe(0)
    const patch = unifiedDiff('a.txt', before, after)
    expect(patch.split('\n').filter((line) => /^[-+][^-+]/.test(line))).toEqual(['+x', '-d', '+y'])
    expect(git(dir, ['apply', '-'], patch).status).toBe(0)
    expect(readFileSync(join(dir, 'a.txt'), 'utf8')).toBe(after)
  })
})
