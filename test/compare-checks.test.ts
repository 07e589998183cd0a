/**
 * One generic test for every source-aware check and every check of
 * `compare --original`, generated from their examples as test/rules.test.ts
 * is for rules (test/helpers/examples.ts): a pair example's `source` and
 * `target` lines are aligned segments; an original example compares
 * `derived` with `original`.
 */
import {describe, expect, it} from 'vitest'
import {allPairChecks, originalChecks} from '../src/compare/checks.js'
import {exampleTests} from './helpers/examples.js'

describe.each([...allPairChecks, ...originalChecks].map((check) => [check.meta.id, check] as const))('%s', (id, check) => {
  it('lives in src/compare/ID.ts under its kebab-case id, with an MQM dimension', async () => {
    expect(id).toMatch(/^[a-z]+(-[a-z]+)*$/)
    expect(Object.values((await import(/* @vite-ignore */ new URL(`../src/compare/${id}.ts`, import.meta.url).href)) as object)).toContain(check)
    expect(check.meta.dimension).toMatch(/^[A-Z][a-z]+\/.+/)
  })

  exampleTests(check)
})
