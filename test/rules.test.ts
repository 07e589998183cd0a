/**
 * One generic test for every rule, generated from the examples each rule
 * carries (remark-lint style): bad examples must fire with the exact
 * `actual`, and applying the first fix must give `fixed` and silence the
 * finding; good examples must stay quiet.
 */
import {describe, expect, it} from 'vitest'
import {allRules} from '../rules/index.js'
import {applyFixes} from '../src/engine/fix.js'
import {lintText} from '../src/engine/lint.js'
import {defaultConfig, onlyRule} from '../src/registry.js'
import {docsBase} from '../src/engine/rule.js'

describe.each(allRules.map((rule) => [rule.meta.id, rule] as const))('%s', (id, rule) => {
  it('is registered under the id its file has, alphabetically', () => {
    const ids = allRules.map((each) => each.meta.id)
    expect(ids).toEqual([...ids].sort())
    expect(id).toMatch(/^[a-z]+(-[a-z]+)*$/)
  })

  it('has at least two examples that must fire and two that must not', () => {
    expect(rule.meta.examples.bad.length).toBeGreaterThanOrEqual(2)
    expect(rule.meta.examples.good.length).toBeGreaterThanOrEqual(2)
  })

  for (const example of rule.meta.examples.bad) {
    it(`fires on: ${example.text.slice(0, 80)}`, () => {
      const config = onlyRule(id, example.options)
      const {findings} = lintText(example.text, 'example.txt', config)
      expect(findings.length, JSON.stringify(findings.map((f) => f.actual))).toBe(example.count ?? 1)
      const first = findings[0]!
      for (const finding of findings) {
        expect(finding.ruleId).toBe(id)
        expect(finding.category).toBe(rule.meta.category)
        expect(finding.url).toBe(docsBase + id + '.md')
        expect(finding.message).toMatch(/^Unexpected .+, expected .+/)
        expect(example.text.slice(finding.start.offset, finding.end.offset)).toBe(finding.actual)
      }

      expect(first.actual).toBe(example.actual)
      if (example.fixed === undefined) return
      const fixed = applyFixes(example.text, [first]).text
      expect(fixed).toBe(example.fixed)
      const after = lintText(fixed, 'example.txt', config).findings
      expect(after.length).toBeLessThan(findings.length)
    })
  }

  for (const example of rule.meta.examples.good) {
    it(`stays quiet on: ${example.text.slice(0, 80)}`, () => {
      const {findings} = lintText(example.text, 'example.txt', onlyRule(id, example.options))
      expect(findings.map((finding) => finding.actual)).toEqual([])
    })
  }
})

describe('every rule', () => {
  // Word lists kept in object literals once read `constructor` as a function ("the best constructor his firm could find").
  it('takes the names of Object.prototype as plain words', () => {
    const names = Object.getOwnPropertyNames(Object.prototype).map((name) => name.toLowerCase())
    const text = names.map((name) => `It made ${name} his point and ${name} ${name}. The ${name} of ${name}, ${name} said it was ${name} since ${name}.`).join('\n\n')
    for (const path of ['words.txt', 'words.md', 'words.html']) expect(() => lintText(text, path, defaultConfig())).not.toThrow()
  })
})
