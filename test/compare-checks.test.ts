/**
 * One generic test for every source-aware check, generated from its examples
 * (as test/rules.test.ts does for rules): the lines of `source` and `target`
 * are aligned segments; bad examples fire with the exact `actual`, good ones
 * stay quiet.
 */
import {describe, expect, it} from 'vitest'
import {allPairChecks} from '../src/compare/checks.js'
import {compareAligned} from '../src/compare/compare.js'
import {readPlainPair} from '../src/compare/read-plain.js'
import {docsBase} from '../src/engine/rule.js'

function run(id: string, source: string, target: string, sourceLang?: string) {
  const check = allPairChecks.find((each) => each.meta.id === id)!
  return compareAligned(readPlainPair(source, target, 'target.txt'), {checks: [check], sourceLang}).result.findings
}

describe.each(allPairChecks.map((check) => [check.meta.id, check] as const))('%s', (id, check) => {
  it('has a kebab-case id, at least two examples of each kind and an MQM dimension', () => {
    expect(id).toMatch(/^[a-z]+(-[a-z]+)*$/)
    expect(check.meta.examples.bad.length).toBeGreaterThanOrEqual(2)
    expect(check.meta.examples.good.length).toBeGreaterThanOrEqual(2)
    expect(check.meta.dimension).toMatch(/^[A-Z][a-z]+\/.+/)
  })

  for (const example of check.meta.examples.bad) {
    it(`fires on: ${example.target.slice(0, 80)}`, () => {
      const findings = run(id, example.source, example.target, example.sourceLang)
      expect(findings.length, JSON.stringify(findings.map((f) => [f.actual, f.message]))).toBe(example.count ?? 1)
      for (const finding of findings) {
        expect(finding.ruleId).toBe(id)
        expect(finding.category).toBe(check.meta.category)
        expect(finding.url).toBe(docsBase + id + '.md')
        expect(finding.message).toMatch(/^Unexpected .+, expected .+/)
        expect(example.target.slice(finding.start.offset, finding.end.offset)).toBe(finding.actual)
      }

      expect(findings[0]!.actual).toBe(example.actual)
    })
  }

  for (const example of check.meta.examples.good) {
    it(`stays quiet on: ${example.target.slice(0, 80)}`, () => {
      expect(run(id, example.source, example.target, example.sourceLang).map((f) => [f.actual, f.message])).toEqual([])
    })
  }
})
