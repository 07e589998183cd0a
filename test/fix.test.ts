/** `--fix` and `--fix-dry-run`: only safe fixes, atomic, idempotent, nothing else touched. */
import {chmodSync, readFileSync, readdirSync, statSync} from 'node:fs'
import {join} from 'node:path'
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {defaultConfig} from '../src/registry.js'
import {lintText} from '../src/engine/lint.js'
import {fixSafely} from '../src/engine/safe-fix.js'
import {mtlint, seedPath, tempTree} from './helpers/cli.js'

const seed = readFileSync(seedPath, 'utf8')

describe('mtlint lint --fix', () => {
  it('fixes the seed: fewer findings, text outside the fixed spans byte-identical, a second run changes nothing', () => {
    const dir = tempTree({'seed.txt': seed})
    const path = join(dir, 'seed.txt')
    chmodSync(path, 0o640)
    const before = lintText(seed, 'seed.txt', defaultConfig()).findings
    const safe = before.filter((finding) => finding.safe)
    expect(safe.length).toBeGreaterThan(0)

    const gateBefore = mtlint(['gate', path]).stdout
    mtlint(['lint', '--fix', '--format', 'json', path])
    const fixed = readFileSync(path, 'utf8')
    expect(lintText(fixed, 'seed.txt', defaultConfig()).findings.length).toBeLessThan(before.length)
    expect(statSync(path).mode & 0o777).toBe(0o640)

    // Outside the safe findings' spans, the text is the same byte for byte.
    let expected = ''
    let from = 0
    for (const finding of safe) {
      expected += seed.slice(from, finding.start.offset) + finding.expected[0]
      from = finding.end.offset
    }

    expect(fixed).toBe(expected + seed.slice(from))

    const stamp = statSync(path).mtimeMs
    const second = mtlint(['lint', '--fix', '--format', 'json', path])
    expect(second.stderr).toBe('')
    expect(readFileSync(path, 'utf8')).toBe(fixed)
    expect(statSync(path).mtimeMs).toBe(stamp)
    expect(gateBefore).not.toBe(mtlint(['gate', path]).stdout)
  })

  it('never touches a file with no safe fix', () => {
    const dir = tempTree({'clean.txt': 'The council approved the budget on Tuesday.\n'})
    const path = join(dir, 'clean.txt')
    const stamp = statSync(path).mtimeMs
    const inode = statSync(path).ino
    mtlint(['lint', '--fix', '--format', 'json', path])
    expect(statSync(path).mtimeMs).toBe(stamp)
    expect(statSync(path).ino).toBe(inode)
  })

  it('--fix-dry-run prints a unified diff and leaves the file alone', () => {
    const text = 'Talks resumed on Friday.\nThey met in Geneva on Friday. Friday.\nNo deal was reached.\n'
    const dir = tempTree({'a.txt': text})
    const result = mtlint(['lint', '--fix-dry-run', 'a.txt'], {cwd: dir})
    expect(result.stdout).toBe(
      [
        '--- a/a.txt',
        '+++ b/a.txt',
        '@@ -1,3 +1,3 @@',
        ' Talks resumed on Friday.',
        '-They met in Geneva on Friday. Friday.',
        '+They met in Geneva on Friday.',
        ' No deal was reached.',
        ''
      ].join('\n')
    )
    expect(readFileSync(join(dir, 'a.txt'), 'utf8')).toBe(text)
  })

  it('refuses to fix stdin in place', () => {
    const result = mtlint(['lint', '--fix', '--format', 'json', '-'], {input: 'They met on Friday. Friday.\n'})
    expect(result.code).toBe(2)
    expect(result.stderr).toMatch(/cannot fix stdin in place/)
  })
})

/** Sentences with and without fixable artifacts, as they occur in spun copy. */
const fragments = [
  'They met on Friday. Friday.',
  'The talks , officials said , went well.',
  'No decision would be made without the his country’s contribution.',
  'The the ministers met again.',
  'Prices rose 3,5 percent in March.',
  'The deal was signed.. Nobody objected.',
  '“We will see,” he said.',
  'The company had had losses.',
  'It was a “critical moment” .',
  'Kiev and Kyiv are the same city.'
]

describe('fixSafely', () => {
  it('is idempotent: fixing fixed text changes nothing and leaves no safe finding', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...fragments), {minLength: 1, maxLength: 8}), fc.constantFrom(' ', '\n\n'), (parts, glue) => {
        const config = defaultConfig()
        const once = fixSafely(parts.join(glue), 'a.txt', config).text
        expect(fixSafely(once, 'a.txt', config).text).toBe(once)
        expect(lintText(once, 'a.txt', config).findings.filter((finding) => finding.safe)).toEqual([])
      }),
      {numRuns: 60}
    )
  })
})

describe('atomic writes', () => {
  it('leaves no temporary file behind', () => {
    const dir = tempTree({'a.txt': 'They met on Friday. Friday.\n'})
    mtlint(['lint', '--fix', '--format', 'json', 'a.txt'], {cwd: dir})
    expect(readFileSync(join(dir, 'a.txt'), 'utf8')).toBe('They met on Friday.\n')
    expect(readdirSync(dir).sort()).toEqual(['a.txt'])
  })
})

describe('--fix-dry-run on stdin', () => {
  it('prints the diff of the text read from stdin, named by --stdin-filename, as for a file (was: “cannot fix stdin in place, expected --fix-dry-run”)', () => {
    const result = mtlint(['lint', '--fix-dry-run', '--stdin-filename', 'a.txt', '-'], {input: 'They met on Friday. Friday.\n'})
    expect(result.stderr).toBe('would fix 1 in a.txt\n')
    expect(result.stdout).toBe(['--- a/a.txt', '+++ b/a.txt', '@@ -1 +1 @@', '-They met on Friday. Friday.', '+They met on Friday.', ''].join('\n'))
    expect(result.code).toBe(0)
  })
})

describe('--fix-dry-run -o FILE', () => {
  it('writes the diff to FILE, not to stdout (-o was ignored and nothing written)', () => {
    const dir = tempTree({'a.txt': 'They met on Friday. Friday.\n'})
    const result = mtlint(['lint', '--fix-dry-run', '-o', 'fixes.diff', 'a.txt'], {cwd: dir})
    expect(result.stdout).toBe('')
    expect(result.stderr).toBe('would fix 1 in a.txt\n')
    expect(readFileSync(join(dir, 'fixes.diff'), 'utf8')).toBe(['--- a/a.txt', '+++ b/a.txt', '@@ -1 +1 @@', '-They met on Friday. Friday.', '+They met on Friday.', ''].join('\n'))
    expect(readFileSync(join(dir, 'a.txt'), 'utf8')).toBe('They met on Friday. Friday.\n')
  })
})

describe('a fix never rewrites what the rules did not read', () => {
  const fixed = (text: string, path: string) => fixSafely(text, path, defaultConfig()).text

  it('offers no fix for a finding whose span holds markup, so --fix leaves emphasis, links and tags whole', () => {
    const markdown = 'He said *the* the word.\n\nShe saw [the](https://example.org) the cat.\n\nIt was a _a_ test.\n'
    const findings = lintText(markdown, 'notes.md', defaultConfig()).findings.filter((finding) => finding.ruleId === 'repeated-word')
    expect(findings).toHaveLength(3)
    for (const finding of findings) expect({expected: finding.expected, safe: finding.safe}).toEqual({expected: [], safe: false})
    expect(fixed(markdown, 'notes.md')).toBe(markdown)
    const html = '<p>He saw the <b>the</b> dog.</p>\n'
    expect(fixed(html, 'page.html')).toBe(html)
  })

  it('still fixes an echo with no markup inside its span, in Markdown and HTML', () => {
    expect(fixed('The the *plan* failed.\n', 'notes.md')).toBe('The *plan* failed.\n')
    expect(fixed('<p>We saw the the cat &amp; dog.</p>\n', 'page.html')).toBe('<p>We saw the cat &amp; dog.</p>\n')
  })

  it('fixes "a a" by dropping one article, not into "an a"', () => {
    expect(fixed('We saw a a cat.\n', 'a.txt')).toBe('We saw a cat.\n')
    expect(fixed('A a test was run.\n', 'a.txt')).toBe('A test was run.\n')
  })

  it('leaves a word doubled in two spellings for a reader: "a A" (a grade), "in IN" (Indiana), "who Who"', () => {
    for (const text of ['She got a A in math.\n', 'It is in IN state.\n', 'We asked who Who was.\n']) {
      const finding = lintText(text, 'a.txt', defaultConfig()).findings.find((each) => each.ruleId === 'repeated-word')
      expect(finding?.safe).toBe(false)
      expect(fixed(text, 'a.txt')).toBe(text)
    }
  })
})
