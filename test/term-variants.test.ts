/**
 * The term-variant table is data that editors extend without TypeScript:
 * check its shape against schemas/term-variants.schema.json and the
 * invariants a schema cannot say, and turn each entry's inline examples into
 * tests (Harper's `.weir` files work the same way).
 */
import {Ajv} from 'ajv'
import {describe, expect, it} from 'vitest'
import schema from '../schemas/term-variants.schema.json' with {type: 'json'}
import patternSchema from '../schemas/phrase-pattern.schema.json' with {type: 'json'}
import table from '../rules/data/term-variants.json' with {type: 'json'}
import {termEntries} from '../rules/term-consistency.js'
import {onlyRule} from '../src/registry.js'
import {lintText} from '../src/engine/lint.js'
import {plainApostrophes} from '../src/engine/tokens.js'

const ruleOnly = onlyRule('term-consistency')

describe('rules/data/term-variants.json', () => {
  it('matches its schema', () => {
    const validate = new Ajv({allErrors: true}).addSchema(patternSchema).compile(schema)
    expect(validate(table), JSON.stringify(validate.errors)).toBe(true)
  })

  it('has unique ids', () => {
    const ids = termEntries.map((entry) => entry.id)
    expect(ids.filter((id, index) => ids.indexOf(id) !== index)).toEqual([])
  })

  it('lists every form once across the whole table, ignoring case and apostrophe style (the phrase index maps a form to one entry)', () => {
    const forms = termEntries.flatMap((entry) => entry.variants.flat().map((form) => plainApostrophes(form.toLowerCase())))
    expect(forms.filter((form, index) => forms.indexOf(form) !== index)).toEqual([])
  })

  it.each(termEntries.map((entry) => [entry.id, entry] as const))('%s: variants are index-aligned', (_id, entry) => {
    const lengths = new Set(entry.variants.map((forms) => forms.length))
    expect(lengths.size).toBe(1)
  })

  it.each(termEntries.filter((entry) => !entry.caseSensitive).map((entry) => [entry.id, entry] as const))(
    '%s: common-word forms are written in lower case',
    (_id, entry) => {
      for (const form of entry.variants.flat()) expect(form).toBe(form.toLowerCase())
    }
  )
})

describe.each(termEntries.map((entry) => [entry.id, entry] as const))('term %s', (id, entry) => {
  const forms = new Set(entry.variants.flat().map((form) => form.toLowerCase()))

  for (const {text} of entry.examples.bad) {
    it(`fires on: ${text.slice(0, 80)}`, () => {
      const {findings} = lintText(text, 'example.txt', ruleOnly)
      expect(findings.length).toBeGreaterThan(0)
      for (const finding of findings) {
        expect(forms.has(finding.actual.toLowerCase()), `${finding.actual} belongs to ${id}`).toBe(true)
        expect(forms.has(finding.expected[0]!.toLowerCase())).toBe(true)
        expect(finding.message).toMatch(/^Unexpected .+, expected .+/)
        expect(finding.related?.length).toBe(1)
      }
    })
  }

  for (const text of entry.examples.good) {
    it(`stays quiet on: ${text.slice(0, 80)}`, () => {
      const {findings} = lintText(text, 'example.txt', ruleOnly)
      expect(findings.map((finding) => finding.actual)).toEqual([])
    })
  }

  it('accepts each base form as `preferred` and flags the other variants', () => {
    const sample = entry.variants.map((forms) => forms[0]).join(' and ')
    entry.variants.forEach((forms, variant) => {
      const {findings} = lintText(sample, 'example.txt', onlyRule('term-consistency', {preferred: {[id]: forms[0]}}))
      expect(findings.map((finding) => finding.actual)).toEqual(
        entry.variants.filter((_, other) => other !== variant).map((other) => other[0])
      )
    })
  })
})

describe('apostrophes', () => {
  it('a form written with a straight apostrophe matches a curly one, and the fix keeps the document’s apostrophe', () => {
    const curly = 'Leaders of the Shi’ite community met on Monday. Shiite militias withdrew, Shi’ite clerics said.'
    expect(lintText(curly, 'example.txt', ruleOnly).findings.map((finding) => [finding.actual, finding.expected])).toEqual([['Shiite', ['Shi’ite']]])
    // One spelling in two apostrophe styles is one variant (quote-apostrophe judges the style).
    expect(lintText('The Shi’ite and Shi\'ite communities met.', 'example.txt', ruleOnly).findings).toEqual([])
  })
})
