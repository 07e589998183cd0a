/**
 * Deeply nested and pathologically repeated inputs (issue 14): each gets a
 * result, or a one-line error that names the limit it exceeds with exit code
 * 2 (README "Exit codes"), never a stack overflow reported as an internal
 * error.
 */
import {describe, expect, it} from 'vitest'
import {readXliff} from '../src/compare/read-xliff.js'
import {lintText} from '../src/engine/lint.js'
import {defaultConfig} from '../src/registry.js'
import {mtlint, tempTree} from './helpers/cli.js'

describe('plain text without white space or sentence ends', () => {
  // Each is one run of 200,000 tokens: parse-latin's merges spread such a run as call arguments.
  it.each(['a.', 'a-', 'a/', 'a&', '1.', 'a_'])('lints %j repeated 100,000 times', (unit) => {
    const result = lintText(unit.repeat(100_000), 'run.txt', defaultConfig())
    expect(result.words).toBeGreaterThan(0)
  })

  it('lints one 200,000-word sentence that starts in lower case after another sentence', () => {
    const result = lintText('It began. ' + 'and so on '.repeat(66_667) + 'end.', 'long.txt', defaultConfig())
    expect(result.words).toBe(2 + 200_001 + 1)
  })

  it('lints a run of 300,000 full-width digits inside an English sentence, fixed at ordinary width', () => {
    const result = lintText('The price is ' + '２'.repeat(300_000) + ' dollars today.', 'wide.txt', defaultConfig())
    const finding = result.findings.find((found) => found.ruleId === 'fullwidth-punctuation')
    expect(finding?.expected).toEqual(['2'.repeat(300_000)])
  })

  it('lints a line of 120,000 sentences without words', () => {
    expect(lintText('. , ; : ! ? '.repeat(40_000), 'marks.txt', defaultConfig()).words).toBe(0)
  })

  it('exits 0 or 1 with nothing on stderr through the CLI', () => {
    const root = tempTree({'run.txt': 'a.'.repeat(100_000)})
    const result = mtlint(['lint', '--format', 'json', 'run.txt'], {cwd: root})
    expect(result.stderr).toBe('')
    expect([0, 1]).toContain(result.code)
  })
})

describe('deeply nested Markdown and HTML', () => {
  const refused = [
    ['quote.md', '>'.repeat(4000) + ' a', 'Markdown block nesting deeper than 256 levels'],
    ['list.md', '- '.repeat(2000) + 'a', 'Markdown block nesting deeper than 256 levels'],
    ['long-list.md', '- '.repeat(10_000) + 'a', 'Markdown block nesting deeper than 256 levels'],
    ['stars.md', '*'.repeat(10_000) + 'a', 'Markdown inline nesting (unclosed emphasis and link openers) deeper than 256 levels'],
    ['emphasis.md', '*a '.repeat(4000) + 'b' + ' a*'.repeat(4000), 'Markdown inline nesting'],
    ['images.md', '!['.repeat(4000) + 'a' + '](u)'.repeat(4000), 'Markdown inline nesting'],
    ['divs.html', '<div>'.repeat(4000) + 'a', 'HTML element nesting deeper than 512 levels'],
    ['bold.html', '<b><i>'.repeat(1000) + 'a', 'HTML element nesting deeper than 512 levels']
  ]

  it.each(refused)('refuses %s with one line naming the limit, exit code 2, and lints the other files', (name, text, limit) => {
    const root = tempTree({[name]: text, 'fine.md': 'A fine sentence.\n'})
    const result = mtlint(['lint', '--format', 'json', name, 'fine.md'], {cwd: root})
    expect(result.code).toBe(2)
    expect(result.stderr.trim().split('\n')).toEqual([expect.stringContaining(`${name}: Unexpected ${limit}`)])
    expect(result.stderr).not.toContain('internal error')
    expect(JSON.parse(result.stdout).files.map((file: {path: string}) => file.path)).toEqual(['fine.md'])
  })

  it.each([
    ['quote.md', '>'.repeat(256) + ' A quoted word.'],
    ['list.md', '- '.repeat(200) + 'A listed word.'],
    ['emphasis.md', '*a '.repeat(250) + 'b' + ' a*'.repeat(250)],
    ['divs.html', '<div>'.repeat(510) + 'A nested word.'],
    ['bold.html', '<b><i>'.repeat(255) + 'A nested word.']
  ])('lints %s nested just within the limit', (name, text) => {
    expect(lintText(text, name, defaultConfig()).words).toBeGreaterThan(0)
  })

  it('keeps `*` and `_` inside words and balanced emphasis from counting as nesting', () => {
    const text = Array.from({length: 400}, (_, index) => `Call snake_case_name_${index} with **bold** and *it*, [a link](u).`).join(' ') + '\n'
    expect(lintText(text, 'flat.md', defaultConfig()).words).toBeGreaterThan(3000)
  })
})

describe('deeply nested XLIFF', () => {
  it('reads a target wrapped in 100,000 nested <g> elements (src/compare/xml-tree.ts walks without recursion)', () => {
    const depth = 100_000
    const wrapped = '<g id="1">'.repeat(depth) + 'Save the file' + '</g>'.repeat(depth)
    const text = `<xliff version="1.2"><file source-language="de"><body><trans-unit id="a"><source>Datei speichern</source><target>${wrapped}</target></trans-unit><trans-unit id="b"><source>Ende</source><target>End</target></trans-unit></body></file></xliff>\n`
    const segments = readXliff(text, 'deep.xlf').segments
    expect(segments.map((segment) => [segment.id, segment.target])).toEqual([
      ['a', 'Save the file'],
      ['b', 'End']
    ])
    const start = segments[0]!.targetMap?.[0]
    if (start === undefined) throw new Error('readXliff gave the target no map of file offsets')
    expect(text.slice(start, start + 4)).toBe('Save')
  })

  it('gives a result or a one-line error, never an internal error, through `mtlint compare`', () => {
    const wrapped = '<g id="1">'.repeat(100_000) + 'Save the file' + '</g>'.repeat(100_000)
    const root = tempTree({'deep.xlf': `<xliff version="1.2"><file source-language="de"><body><trans-unit id="a"><source>Datei speichern</source><target>${wrapped}</target></trans-unit></body></file></xliff>\n`})
    const result = mtlint(['compare', '--format', 'json', 'deep.xlf'], {cwd: root})
    expect(result.stderr).not.toMatch(/internal error|RangeError|\n.+\n/)
    expect([0, 1]).toContain(result.code)
  })
})
