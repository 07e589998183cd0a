/** The severity policy (issue "Reach": severity by evidence) and the rule defaults that follow reports/rule-precision.md. */
import {readFileSync} from 'node:fs'
import {describe, expect, it} from 'vitest'
import {allRules} from '../rules/index.js'
import {byConstruction, policySeverity, splitBySeverity} from '../measure/lib/severity-policy.js'

describe('policySeverity', () => {
  it('drops a rule below 50% pooled precision to info and one below 70% to minor', () => {
    expect(policySeverity('tokenizer-spacing', 'minor', {hits: 62, total: 126, clean: 0})).toBe('info')
    expect(policySeverity('tokenizer-spacing', 'major', {hits: 111, total: 161, clean: 0})).toBe('minor')
  })

  it('allows major only at 90% over 20 findings with no clean-set finding', () => {
    expect(policySeverity('repeated-word', 'major', {hits: 113, total: 122, clean: 0})).toBe('major')
    expect(policySeverity('repeated-word', 'major', {hits: 113, total: 122, clean: 1})).toBe('minor')
    expect(policySeverity('repeated-word', 'major', {hits: 17, total: 18, clean: 0})).toBe('minor')
    expect(policySeverity('repeated-word', 'major', {hits: 85, total: 100, clean: 0})).toBe('minor')
  })

  it('makes a rule with too few findings info unless its shape is an error by construction', () => {
    expect(policySeverity('stacked-relative-clause', 'minor', {hits: 9, total: 9, clean: 0})).toBe('info')
    expect(Object.keys(byConstruction)).toContain('stacked-determiner')
    expect(policySeverity('stacked-determiner', 'major', {hits: 1, total: 1, clean: 0})).toBe('minor')
  })

  it('never raises the author’s severity', () => {
    expect(policySeverity('quote-style-mixed', 'info', {hits: 95, total: 100, clean: 0})).toBe('info')
    expect(policySeverity('calque', 'minor', {hits: 95, total: 100, clean: 0})).toBe('minor')
  })
})

describe('reports/rule-precision.md', () => {
  // The rule table only: from its header to the blank line after it (the report's later tables, such as the shapes a rule reports at info, have other columns).
  const lines = readFileSync(new URL('../reports/rule-precision.md', import.meta.url), 'utf8').split('\n')
  const start = lines.findIndex((line) => line.startsWith('| rule | default | policy |'))
  const end = lines.indexOf('', start)
  const rows = lines
    .slice(start, end === -1 ? undefined : end)
    .map((line) => line.split('|').map((cell) => cell.trim()))
    .filter((cells) => cells.length > 4 && allRules.some((rule) => rule.meta.id === cells[1]))

  it('covers the rules, and each default is the one the report measured and the policy gives', () => {
    expect(rows.length).toBeGreaterThan(20)
    for (const [, id, reported, policy] of rows) {
      const rule = allRules.find((each) => each.meta.id === id)!
      expect({id, severity: rule.meta.severity}).toEqual({id, severity: reported})
      expect({id, severity: rule.meta.severity}).toEqual({id, severity: policy})
    }
  })
})

describe('splitBySeverity', () => {
  it('judges a rule at minor or above on its minor+ findings, even on a set where all its findings are tentative', () => {
    // Before: a set with no minor+ finding gave the rule's info (tentative) findings as its own evidence.
    expect(splitBySeverity('minor', {hits: 3, total: 5}, {hits: 0, total: 0})).toEqual({own: {hits: 0, total: 0}, tentative: {hits: 3, total: 5}})
    expect(splitBySeverity('major', {hits: 9, total: 12}, {hits: 7, total: 8})).toEqual({own: {hits: 7, total: 8}, tentative: {hits: 2, total: 4}})
  })

  it('takes every finding of an info rule as its own', () => {
    expect(splitBySeverity('info', {hits: 3, total: 5}, {hits: 0, total: 0})).toEqual({own: {hits: 3, total: 5}, tentative: {hits: 0, total: 0}})
  })
})
