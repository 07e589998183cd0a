/** Every entry of rules/data/english-doubles.json is valid and its example passes repeated-word (as Harper's Weir files test their rules). */
import {readFileSync} from 'node:fs'
import {Ajv} from 'ajv'
import {describe, expect, it} from 'vitest'
import {onlyRule} from '../src/registry.js'
import {lintText} from '../src/engine/lint.js'
import {verbForms} from '../src/engine/verb-forms.js'

const table = JSON.parse(readFileSync(new URL('../rules/data/english-doubles.json', import.meta.url), 'utf8')) as {
  pairs: Array<{words: string; example: string}>
  reduplicatives: {source: string; words: string[]; example: string}
  names: Array<{words: string; example: string}>
  intensifiers: {words: string[]; example: string}
  objectPossessive: {words: string[]; example: string}
  objectSubject: {words: string[]; example: string}
  particleVerbs: Array<{particle: string; verbs: string[]; example: string}>
}
const schema = JSON.parse(readFileSync(new URL('../schemas/english-doubles.schema.json', import.meta.url), 'utf8')) as object

describe('rules/data/english-doubles.json', () => {
  it('is valid against its schema', () => {
    const validate = new Ajv({allErrors: true}).compile(schema)
    expect(validate(table), JSON.stringify(validate.errors)).toBe(true)
  })

  const config = onlyRule('repeated-word')
  const examples = [
    ...table.pairs.map((pair) => [pair.words, pair.example] as const),
    ['reduplicatives', table.reduplicatives.example] as const,
    ...table.names.map((name) => [name.words, name.example] as const),
    ['intensifiers', table.intensifiers.example] as const,
    ['objectPossessive', table.objectPossessive.example] as const,
    ['objectSubject', table.objectSubject.example] as const,
    ...table.particleVerbs.map((group) => [`particle ${group.particle}`, group.example] as const)
  ]
  for (const [name, example] of examples) {
    it(`${name}: repeated-word leaves "${example}" alone`, () => {
      const double = /\b(\w+) \1\b/i.exec(example)
      expect(double, 'each example holds its double').not.toBeNull()
      expect(lintText(example, 'example.txt', config).findings).toEqual([])
    })
  }

  it('every reduplicative is left alone, in lower case and capitalised, and its half alone is no licence', () => {
    for (const words of table.reduplicatives.words) {
      const [half] = words.split(' ')
      expect(lintText(`They said ${words} again.`, 'a.txt', config).findings, words).toEqual([])
      expect(lintText(`${half![0]!.toUpperCase()}${words.slice(1)} was on the menu.`, 'a.txt', config).findings, words).toEqual([])
    }

    // "put-put" is left out of the table: its half is a verb MT writes twice.
    expect(lintText('The plan was put put on hold.', 'a.txt', config).findings).toHaveLength(1)
  })

  it('the same double without its licence is still reported', () => {
    // A particle after a verb the table does not list for it, and "her her" opening a sentence.
    expect(lintText('The talks will resume in in Geneva.', 'a.txt', config).findings).toHaveLength(1)
    expect(lintText('Her her visa had expired.', 'a.txt', config).findings).toHaveLength(1)
    // A form of "be" after a determiner: no noun + verb homograph ("His will will"), as the lexicon's NNS for "is" would have it.
    expect(lintText('That was was the plan, officials said.', 'a.txt', config).findings).toHaveLength(1)
    // A name the table does not list, written twice.
    expect(lintText('The striker Kylian Kylian Mbappe scored twice.', 'a.txt', config).findings).toHaveLength(1)
  })
})

describe('verbForms', () => {
  it('builds the regular forms and keeps the irregular ones', () => {
    expect(verbForms('bring', ['brought']).sort()).toEqual(['bring', 'bringing', 'brings', 'brought'])
    expect(verbForms('carry').sort()).toEqual(['carried', 'carries', 'carry', 'carrying'])
    expect(verbForms('drop', ['dropped'])).toContain('dropping')
    expect(verbForms('phase')).toEqual(expect.arrayContaining(['phased', 'phasing', 'phases']))
  })
})
