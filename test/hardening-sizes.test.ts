/**
 * Sizes: long texts are linted in windows with the findings of a whole
 * lint, texts that cannot be cut are refused in one line, and batch output
 * is streamed with the bytes of the whole-run report.
 */
import {readFileSync, readdirSync} from 'node:fs'
import {join} from 'node:path'
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {defaultConfig, onlyRule} from '../src/registry.js'
import {lintText} from '../src/engine/lint.js'
import type {InputFormat} from '../src/engine/parse.js'
import {defaultWindowSize, maxWholeSize} from '../src/engine/windows.js'
import {buildReport, formatJson} from '../src/reporters/json.js'
import {mtlint, projectRoot, tempTree} from './helpers/cli.js'

const corpus = join(projectRoot, 'corpus')
const paragraphs = readdirSync(corpus)
  .filter((name) => name.endsWith('.txt'))
  .flatMap((name) => readFileSync(join(corpus, name), 'utf8').split(/\n\s*\n/))
  .map((paragraph) => paragraph.trim())
  .filter((paragraph) => paragraph !== '')
const config = defaultConfig()
const whole = {windowSize: Number.POSITIVE_INFINITY}

/** Edits that move what document rules see: spellings of one term, quotation styles, quotations left open, soft paragraph ends. */
const mutations: Array<(paragraph: string) => string> = [
  (paragraph) => paragraph,
  (paragraph) => paragraph.replaceAll('Kyiv', 'Kiev'),
  (paragraph) => `Officials in Kyiv and Kiev said the organisation and the organization would meet. ${paragraph}`,
  (paragraph) => paragraph.replaceAll('“', '"').replaceAll('”', '"'),
  (paragraph) => paragraph.replace(/[”"](?=[^”"]*$)/, ''),
  (paragraph) => `“${paragraph}`,
  (paragraph) => paragraph.replace(/[.!?]$/, ''),
  (paragraph) => paragraph.charAt(0).toLowerCase() + paragraph.slice(1),
  (paragraph) => `India"s ${paragraph} The clients" banking it's`,
  (paragraph) => `${paragraph} Analysts said the market It is expected to recover.`
]
const separators = ['\n\n', '\n\n\n', '\n', ' \n \n', '\r\n\r\n', '\n\n\t']
const markdownLines = ['# A heading', '- a list item', '> a quote', '```\ncode\n```', '| a | b |\n|---|---|\n| 1 | 2 |']

const documentArbitrary = (format: InputFormat) =>
  fc
    .array(
      fc.record({
        paragraph: fc.integer({min: 0, max: paragraphs.length - 1}),
        mutation: fc.integer({min: 0, max: mutations.length - 1}),
        separator: fc.constantFrom(...separators),
        markdown: fc.option(fc.constantFrom(...markdownLines), {freq: 4})
      }),
      {minLength: 1, maxLength: 14}
    )
    .map((parts) =>
      parts
        .map(({paragraph, mutation, separator, markdown}) => (format === 'markdown' && markdown ? markdown + '\n\n' : '') + mutations[mutation]!(paragraphs[paragraph]!) + separator)
        .join('')
    )

describe('windowed lint of long texts', () => {
  for (const format of ['text', 'markdown'] as const) {
    it(`finds what a whole-document lint finds (${format}, small windows, generated texts)`, () => {
      fc.assert(
        fc.property(documentArbitrary(format), fc.integer({min: 40, max: 4000}), (text, windowSize) => {
          const path = format === 'markdown' ? 'a.md' : 'a.txt'
          expect(lintText(text, path, config, format, {windowSize})).toEqual(lintText(text, path, config, format, whole))
        }),
        {numRuns: 25, seed: 1414}
      )
    })
  }

  it('finds what a whole-document lint finds on a text just above the default window size', () => {
    const parts: string[] = []
    let length = 0
    for (let index = 0; length < defaultWindowSize + 20_000; index++) {
      const part = mutations[index % mutations.length]!(paragraphs[(index * 7) % paragraphs.length]!) + separators[index % separators.length]!
      parts.push(part)
      length += part.length
    }

    const text = parts.join('')
    const windowed = lintText(text, 'long.txt', config)
    expect(windowed.findings.some((finding) => finding.ruleId === 'term-consistency')).toBe(true)
    expect(windowed.findings.some((finding) => finding.ruleId === 'quote-unclosed')).toBe(true)
    // A paragraph rule that leaves the text's first sentence alone (a headline) judges the first sentence of every later window.
    expect(windowed.findings.some((finding) => finding.ruleId === 'run-on-sentence')).toBe(true)
    expect(windowed).toEqual(lintText(text, 'long.txt', config, 'text', whole))
  })

  it('refuses, in one line with exit 2, a paragraph too long to lint in one piece and HTML that long', () => {
    const sentence = 'The delegation met again on Tuesday and said little. '
    const paragraph = sentence.repeat(Math.ceil((maxWholeSize + 1000) / sentence.length))
    const dir = tempTree({'one.txt': `A short first paragraph.\n\n${paragraph}\n`, 'page.html': `<p>${paragraph}</p>`, 'ok.txt': 'Fine text here.\n'})
    const result = mtlint(['lint', '--format', 'json', 'one.txt', 'page.html', 'ok.txt'], {cwd: dir})
    expect(result.code).toBe(2)
    const lines = result.stderr.trimEnd().split('\n')
    expect(lines).toHaveLength(2)
    expect(lines[0]).toMatch(/^mtlint: one\.txt: Unexpected paragraph of 4\.0 M characters at line 3, expected at most 4\.0 M characters in one piece/)
    expect(lines[1]).toMatch(/^mtlint: page\.html: Unexpected 4\.0 M characters of HTML, which cannot be cut at paragraphs, expected at most 4\.0 M characters$/)
    expect((JSON.parse(result.stdout) as {files: Array<{path: string}>}).files.map((file) => file.path)).toEqual(['ok.txt'])
  })
})

describe('streamed batch output', () => {
  it('writes the bytes of the whole-run JSON report, file by file', () => {
    const files = paragraphs.slice(0, 6).map((paragraph, index) => {
      const result = lintText(paragraph, `f${index}.txt`, config)
      return {result, verdict: {passed: index % 2 === 0, reasons: index % 2 === 0 ? [] : ['a reason']}}
    })
    for (const run of [{files, errors: ['x.txt: no such file']}, {files: [], errors: []}]) {
      const linted = run as unknown as Parameters<typeof formatJson>[0]
      expect(formatJson(linted)).toBe(JSON.stringify(buildReport(linted), null, 2) + '\n')
    }
  })
})

/**
 * Runs a rule's pattern could be tried at every character of: a pattern that
 * scans to the end of the run from each place is quadratic. Sizes are ones
 * where the quadratic scan took minutes, so the test timeout catches it.
 */
describe('long runs of one character', () => {
  it('decimal-comma: a run of 200,000 digits, and a decimal comma after it still found', () => {
    const text = 'The ' + '1'.repeat(200_000) + ' said prices rose 3,5 percent.'
    const found = lintText(text, 'a.txt', onlyRule('decimal-comma')).findings.map((finding) => finding.actual)
    expect(found).toEqual(['3,5'])
  })

  it('name-variant: a capitalized word of 5,000 characters joined by hyphens (no name, no finding)', () => {
    const text = 'Hello' + 'a-'.repeat(2500) + 'x said.'
    expect(lintText(text, 'a.txt', onlyRule('name-variant')).findings).toEqual([])
  })
})
