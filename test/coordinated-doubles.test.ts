/** Every entry of rules/data/coordinated-doubles.json is left alone by coordinated-repeat, and the same shape without its licence is still reported. */
import {readFileSync} from 'node:fs'
import {describe, expect, it} from 'vitest'
import {onlyRule} from '../src/registry.js'
import {lintText} from '../src/engine/lint.js'

const table = JSON.parse(readFileSync(new URL('../rules/data/coordinated-doubles.json', import.meta.url), 'utf8')) as {idioms: Array<{words: string; example: string}>}
const config = onlyRule('coordinated-repeat')

describe('rules/data/coordinated-doubles.json', () => {
  for (const {words, example} of table.idioms) {
    it(`${words}: coordinated-repeat leaves "${example}" alone`, () => {
      expect(example.includes(words), 'each example holds its idiom').toBe(true)
      expect(/^(\S+) (?:and|or) \1$/.test(words), 'each idiom is a word joined to itself').toBe(true)
      expect(lintText(example, 'example.txt', config).findings).toEqual([])
    })
  }

  it('a word the table does not list, joined to itself, is still reported', () => {
    const {findings} = lintText('The talks brought prosperity and prosperity, officials said.', 'a.txt', config)
    expect(findings.map((finding) => finding.actual)).toEqual(['prosperity and prosperity'])
  })

  it('a second copy that begins a longer phrase is left alone, the same copy at the end of a clause is not', () => {
    expect(lintText('He heads the FSB in Moscow and Moscow Region.', 'a.txt', config).findings).toEqual([])
    expect(lintText('He heads the FSB in Moscow and Moscow.', 'a.txt', config).findings).toHaveLength(1)
  })
})
