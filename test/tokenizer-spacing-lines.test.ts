/**
 * tokenizer-spacing reads the line around a spaced slash (the only one on its
 * line is a tokenizer's) and before a spaced closing bracket (it must close
 * something on its line). A line ends at any line break, so a paragraph's
 * findings are the same linted whole or alone: before, only LF ended a line,
 * and in a CR-only file a slash or a bracket of one paragraph decided for
 * the next.
 */
import {describe, expect, it} from 'vitest'
import {IncrementalLinter} from '../src/engine/incremental.js'
import {lintText} from '../src/engine/lint.js'
import {onlyRule} from '../src/registry.js'

const config = onlyRule('tokenizer-spacing')
const shown = (findings: ReadonlyArray<{actual: string; message: string}>) => findings.map((finding) => `${finding.actual} ${finding.message}`)
const found = (text: string) => shown(lintText(text, 'a.txt', config).findings)

const cases: Record<string, [string, string]> = {
  'a slash in each paragraph': ['Drivers kept to 60 km / h on the bridge.', 'Applicants must be residents and / or taxpayers.'],
  'a bracket opened in the paragraph before': ['The rate (as the bank put it was stable.', 'Question 3 ) was left blank by most of them.']
}

describe('tokenizer-spacing line by line, whatever the line breaks', () => {
  it.each(Object.entries(cases))('%s: each paragraph finds what it finds alone', (_, [first, second]) => {
    const alone = [...found(first), ...found(second)]
    for (const breaks of ['\n\n', '\r\n\r\n', '\r\r', '\u2029']) {
      const text = first + breaks + second
      expect(found(text), JSON.stringify(breaks)).toEqual(alone)
      expect(shown(new IncrementalLinter(config, 'a.txt').lint(text).findings), JSON.stringify(breaks)).toEqual(alone)
    }
  })

  it('finds the slashes at all (the cases are not empty)', () => {
    expect(found(cases['a slash in each paragraph']![0])).toHaveLength(1)
    expect(found(cases['a slash in each paragraph']![1])).toHaveLength(1)
    expect(found(cases['a bracket opened in the paragraph before']![1])).toEqual([])
  })
})
