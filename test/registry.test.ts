/** One registry of checks: every kind listed, configured, weighted and reported the same way. */
import {readdirSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {allPairChecks} from '../src/compare/checks.js'
import {originalChecks} from '../src/compare/checks.js'
import {allRules, checks} from '../src/registry.js'
import {mtlint, projectRoot, tempTree} from './helpers/cli.js'

type Row = {id: string; kind: string; category: string; severity: string}
type Report = {files: Array<{score: number; findings: Array<{ruleId: string; severity: string}>}>}

const pair = {'zh.txt': '他有3个孩子。\n他在北京工作。\n', 'en.txt': 'He has 4 children.\nHe works in Beijing.\n'}
const original = {'orig.txt': 'He said: “We will win the match today.”\n', 'derived.txt': 'He said: “We will lose the match today.”\n'}
const comparePair = (files: Record<string, string>) => {
  const result = mtlint(['compare', '--source', 'zh.txt', '--target', 'en.txt', '--format', 'json'], {cwd: tempTree(files)})
  return JSON.parse(result.stdout) as Report
}

describe('the registry', () => {
  it('lists every check of every kind once, with its kind', () => {
    const rows = JSON.parse(mtlint(['rules', '--format', 'json']).stdout) as Row[]
    const expected = [
      ...allRules.map((rule) => [rule.meta.id, 'text']),
      ...allPairChecks.map((check) => [check.meta.id, 'pair']),
      ...originalChecks.map((check) => [check.meta.id, 'original'])
    ]
    expect(rows.map((row) => [row.id, row.kind])).toEqual(expected)
    expect(new Set(rows.map((row) => row.id)).size).toBe(rows.length)
    for (const row of rows) expect(row.category && row.severity, row.id).toBeTruthy()
  })

  it('names each text rule and pair check by its file', () => {
    const ruleFiles = readdirSync(join(projectRoot, 'rules')).filter((name) => name.endsWith('.ts') && name !== 'index.ts')
    expect(ruleFiles.map((name) => name.slice(0, -3)).sort()).toEqual(allRules.map((rule) => rule.meta.id).sort())
    const compareFiles = new Set(readdirSync(join(projectRoot, 'src', 'compare')))
    for (const check of allPairChecks) expect(compareFiles.has(`${check.meta.id}.ts`), check.meta.id).toBe(true)
  })

  it('turns a pair check off from .mtlintrc.json', () => {
    expect(comparePair(pair).files[0]!.findings.map((finding) => finding.ruleId)).toContain('number-mismatch')
    const off = comparePair({...pair, '.mtlintrc.json': '{"rules": {"number-mismatch": "off"}}'})
    expect(off.files[0]!.findings.map((finding) => finding.ruleId)).not.toContain('number-mismatch')
  })

  it('sets the severity of an original check from .mtlintrc.json', () => {
    const run = (config?: string) => {
      const root = tempTree(config ? {...original, '.mtlintrc.json': config} : original)
      return (JSON.parse(mtlint(['compare', '--original', 'orig.txt', 'derived.txt', '--format', 'json'], {cwd: root}).stdout) as Report).files[0]!.findings
    }

    expect(run().map((finding) => [finding.ruleId, finding.severity])).toEqual([['quote-integrity', 'major']])
    expect(run('{"rules": {"quote-integrity": "minor"}}').map((finding) => [finding.ruleId, finding.severity])).toEqual([['quote-integrity', 'minor']])
  })

  it('lists every check in SARIF and points each compare result at its rule', () => {
    const result = mtlint(['compare', '--source', 'zh.txt', '--target', 'en.txt', '--format', 'sarif'], {cwd: tempTree(pair)})
    const run = (JSON.parse(result.stdout) as {runs: Array<{tool: {driver: {rules: Array<{id: string}>}}; results: Array<{ruleId: string; ruleIndex?: number}>}>}).runs[0]!
    expect(run.tool.driver.rules.map((rule) => rule.id)).toEqual(checks.map((meta) => meta.id))
    expect(run.results.length).toBeGreaterThan(0)
    for (const each of run.results) expect(run.tool.driver.rules[each.ruleIndex!]!.id).toBe(each.ruleId)
  })
})
