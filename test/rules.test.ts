/**
 * One generic test for every rule, generated from the examples each rule
 * carries (test/helpers/examples.ts): the exact findings of each bad
 * example, each fix removing its own finding, good examples quiet, and every
 * example again as Markdown and HTML.
 */
import {describe, expect, it} from 'vitest'
import {allRules} from '../rules/index.js'
import {lintText} from '../src/engine/lint.js'
import {defaultConfig} from '../src/registry.js'
import {exampleTests} from './helpers/examples.js'

describe.each(allRules.map((rule) => [rule.meta.id, rule] as const))('%s', (id, rule) => {
  it('is registered alphabetically, in rules/ID.ts under its kebab-case id', async () => {
    const ids = allRules.map((each) => each.meta.id)
    expect(ids).toEqual([...ids].sort())
    expect(id).toMatch(/^[a-z]+(-[a-z]+)*$/)
    expect(((await import(/* @vite-ignore */ new URL(`../rules/${id}.ts`, import.meta.url).href)) as {default: unknown}).default).toBe(rule)
  })

  exampleTests(rule)
})

describe('every rule', () => {
  // Word lists kept in object literals once read `constructor` as a function ("the best constructor his firm could find").
  it('takes the names of Object.prototype as plain words', () => {
    const names = Object.getOwnPropertyNames(Object.prototype).map((name) => name.toLowerCase())
    const text = names.map((name) => `It made ${name} his point and ${name} ${name}. The ${name} of ${name}, ${name} said it was ${name} since ${name}.`).join('\n\n')
    for (const path of ['words.txt', 'words.md', 'words.html']) expect(() => lintText(text, path, defaultConfig())).not.toThrow()
  })
})
