/**
 * The calque table is data an editor extends without writing TypeScript, so
 * the table itself is under test: it must match its schema, and every entry's
 * inline examples are run (bad must fire on that entry, good must keep the
 * whole rule quiet), as Harper does with the test pairs of its .weir files.
 */
import {readFileSync} from 'node:fs'
import {Ajv} from 'ajv'
import {describe, expect, it} from 'vitest'
import {calqueEntries, calquesOf} from '../rules/calque.js'
import {onlyRule} from '../src/registry.js'
import {lintText} from '../src/engine/lint.js'
import {parseEnglishText} from '../src/engine/parse-text.js'

const findCalques = (text: string) => calquesOf(parseEnglishText(text), text)

const read = (path: string): unknown => JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8'))

describe('rules/data/calques.json', () => {
  it('matches schemas/calques.schema.json', () => {
    const ajv = new Ajv({allErrors: true, strict: false}).addSchema(read('../schemas/phrase-pattern.schema.json') as object)
    const validate = ajv.compile(read('../schemas/calques.schema.json') as object)
    const valid = validate(read('../rules/data/calques.json'))
    expect(validate.errors ?? [], JSON.stringify(validate.errors)).toEqual([])
    expect(valid).toBe(true)
  })

  it('has unique ids', () => {
    const ids = calqueEntries.map((entry) => entry.id)
    expect(ids.filter((id, index) => ids.indexOf(id) !== index)).toEqual([])
  })
})

describe.each(calqueEntries.map((entry) => [entry.id, entry] as const))('calque %s', (id, entry) => {
  for (const example of entry.examples.bad) {
    it(`fires on: ${example.text.slice(0, 80)}`, () => {
      const found = findCalques(example.text)
      expect(found.map((each) => each.entry.id)).toEqual([id])
      expect(example.text.slice(found[0]!.start, found[0]!.end)).toBe(example.findings[0]!.actual)
      if (example.fixed === undefined) return
      const first = found[0]!
      const fixed = example.text.slice(0, first.start) + first.expected[0] + example.text.slice(first.end)
      expect(fixed).toBe(example.fixed)
      expect(findCalques(fixed)).toEqual([])
    })
  }

  for (const text of entry.examples.good) {
    it(`stays quiet on: ${text.slice(0, 80)}`, () => {
      expect(findCalques(text).map((each) => each.entry.id)).toEqual([])
    })
  }
})

describe('calque rule', () => {
  it('reports through the engine with the entry’s replacements', () => {
    const {findings} = lintText('Visitors made a photo of the cathedral. Nobody explained us why.', 'example.txt', onlyRule('calque'))
    expect(findings.map((finding) => [finding.actual, finding.expected, finding.safe])).toEqual([
      ['made a photo', ['took a photo'], false],
      ['explained us', ['explained to us'], true]
    ])
  })

  it('keeps the tense of the verb it replaces', () => {
    const expected = (text: string) => findCalques(text)[0]?.expected[0]
    expect(expected('They have made a photo with the minister.')).toBe('taken a photo')
    expect(expected('She is making a photo in the square.')).toBe('taking a photo')
    expect(expected('He makes a photo of the bridge every day.')).toBe('takes a photo')
    expect(expected('The mayor assisting at the funeral wore black.')).toBe('attending the funeral')
  })

  it('reads the tense from the word before a past that is also a participle', () => {
    expect(findCalques('I’ve made a photo with the minister.')[0]?.expected[0]).toBe('taken a photo')
    expect(findCalques('They made a photo with the minister.')[0]?.expected[0]).toBe('took a photo')
  })

  it('keeps a word with inner punctuation whole where the entry does ("make attention-grabbing" is English)', () => {
    expect(findCalques('The campaign made attention-grabbing claims.')).toEqual([])
    expect(findCalques('Drivers must make attention to the new signs.').map((each) => each.entry.id)).toEqual(['make-attention'])
  })

  it('never runs a phrase over a paragraph break', () => {
    const {findings} = lintText('The refugees talked about the day of\n\ntoday and the past.', 'example.txt', onlyRule('calque'))
    expect(findings).toEqual([])
  })
})
