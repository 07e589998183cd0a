/** The compare side's source-language tables (src/compare/scale-words.json, metric-units.json) are valid data an editor can extend: each form lower case and listed once. */
import {readFileSync} from 'node:fs'
import {Ajv} from 'ajv'
import {describe, expect, it} from 'vitest'

const read = (path: string): unknown => JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8'))
const validate = (schema: string, table: unknown): void => {
  const check = new Ajv({allErrors: true}).compile(read(`../schemas/${schema}`) as object)
  expect(check(table), JSON.stringify(check.errors)).toBe(true)
}
/** The forms that occur more than once, and those not in lower case. */
const badForms = (forms: string[]): {repeated: string[]; notLowerCase: string[]} => ({
  repeated: forms.filter((form, index) => forms.indexOf(form) !== index),
  notLowerCase: forms.filter((form) => form !== form.toLowerCase())
})

describe('src/compare/scale-words.json', () => {
  const table = read('../src/compare/scale-words.json') as {languages: Record<string, Record<string, string[]>>}

  it('is valid against its schema', () => validate('scale-words.schema.json', table))

  for (const [language, scales] of Object.entries(table.languages)) {
    it(`${language}: each form lower case and under one scale only`, () => {
      expect(badForms(Object.values(scales).flat())).toEqual({repeated: [], notLowerCase: []})
    })
  }
})

describe('src/compare/metric-units.json', () => {
  const table = read('../src/compare/metric-units.json') as {dimensions: Record<string, Array<{size: number; source: string[]; target: string[]}>>}
  const units = Object.values(table.dimensions).flat()

  it('is valid against its schema', () => validate('metric-units.schema.json', table))

  it('lists each source form and each target form in one unit only, in lower case', () => {
    expect(badForms(units.flatMap((unit) => unit.source))).toEqual({repeated: [], notLowerCase: []})
    expect(badForms(units.flatMap((unit) => unit.target))).toEqual({repeated: [], notLowerCase: []})
  })

  it('gives each dimension its base unit (size 1) and no two units one size', () => {
    for (const [dimension, list] of Object.entries(table.dimensions)) {
      const sizes = list.map((unit) => unit.size)
      expect({dimension, base: sizes.includes(1), repeated: sizes.filter((size, index) => sizes.indexOf(size) !== index)}).toEqual({dimension, base: true, repeated: []})
    }
  })
})
