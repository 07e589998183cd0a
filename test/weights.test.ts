/** One `weights` configuration for every score: lint, gate, compare and the language server. */
import {join} from 'node:path'
import {pathToFileURL} from 'node:url'
import {describe, expect, it} from 'vitest'
import {LintService} from '../src/lsp/lint-service.js'
import {fittedCheckWeights, resolveConfig} from '../src/registry.js'
import {weightOf} from '../src/engine/score.js'
import {mtlint, tempTree} from './helpers/cli.js'

interface JsonReport {
  files: Array<{score: number; penalty: number; findings: Array<{ruleId: string; severity: string}>}>
}

// "go go" is a repeated-word finding (major); 3 -> 4 a number-mismatch (major).
const text = 'We will go go to the market tomorrow morning with the three children.\n'
const pairs = JSON.stringify({source: '我们明天早上带着三个孩子去市场。', target: 'We will go go to the market tomorrow morning with the 4 children.'}) + '\n'

function scores(config: unknown): {lint: JsonReport; gate: JsonReport; compare: JsonReport; lsp: number} {
  const root = tempTree({'.mtlintrc.json': JSON.stringify(config), 'a.txt': text, 'b.jsonl': pairs})
  const run = (args: string[]) => JSON.parse(mtlint(args, {cwd: root}).stdout) as JsonReport
  const service = new LintService()
  const lsp = service.lint({uri: pathToFileURL(join(root, 'a.txt')).href, languageId: 'plaintext', text, complete: true}).result.score
  return {
    lint: run(['lint', 'a.txt', '--format', 'json', '--no-exit']),
    gate: run(['gate', 'a.txt', '--format', 'json', '--no-exit']),
    compare: run(['compare', 'b.jsonl', '--format', 'json', '--no-exit']),
    lsp
  }
}

describe('weights', () => {
  it('weights.major 0 scores only-major findings 100 in lint, gate, compare and the language server', () => {
    const {lint, gate, compare, lsp} = scores({weights: {major: 0}})
    expect(lint.files[0]!.findings.map((finding) => finding.severity)).toEqual(['major'])
    expect(new Set(compare.files[0]!.findings.map((finding) => finding.severity))).toEqual(new Set(['major']))
    expect(compare.files[0]!.findings.map((finding) => finding.ruleId).sort()).toEqual(['number-mismatch', 'repeated-word'])
    expect([lint.files[0]!.score, gate.files[0]!.score, compare.files[0]!.score, lsp]).toEqual([100, 100, 100, 100])
  })

  it('scores with the fitted check factors by default, the same in every command', () => {
    const {lint, gate, compare, lsp} = scores({})
    const words = 13
    const repeated = (1000 * 5 * (fittedCheckWeights['repeated-word'] ?? 1)) / words
    expect(lint.files[0]!.penalty).toBeCloseTo(repeated, 1)
    expect([gate.files[0]!.score, lsp]).toEqual([lint.files[0]!.score, lint.files[0]!.score])
    const both = (1000 * 5 * ((fittedCheckWeights['repeated-word'] ?? 1) + (fittedCheckWeights['number-mismatch'] ?? 1))) / words
    expect(compare.files[0]!.penalty).toBeCloseTo(both, 1)
  })

  it("a configuration's weights.checks replace the fitted factor of a check, in lint and compare alike", () => {
    const {lint, compare} = scores({weights: {checks: {'repeated-word': 0, 'number-mismatch': 2}}})
    expect(lint.files[0]!.score).toBe(100)
    expect(compare.files[0]!.penalty).toBeCloseTo((1000 * 5 * 2) / 13, 1)
  })

  it('compare counts a check once per segment, at its heaviest finding there; every finding is still reported', () => {
    // WMT23 MT (ZengHuiMT): 18.3% split into "18 years" and "3%", two number-mismatch findings in one segment.
    const segment = {source: '其中，集成电路年减18.3%，创14年来最大跌势。', target: 'Among them, the IC decreased by 18 years. It was the largest decline in 14 years, 3%.'}
    const root = tempTree({'one.jsonl': JSON.stringify(segment) + '\n', 'two.jsonl': (JSON.stringify(segment) + '\n').repeat(2)})
    const report = (file: string) => (JSON.parse(mtlint(['compare', file, '--format', 'json', '--no-exit'], {cwd: root}).stdout) as JsonReport).files[0]!
    const one = report('one.jsonl')
    const mismatches = one.findings.filter((finding) => finding.ruleId === 'number-mismatch')
    expect(mismatches.length).toBeGreaterThanOrEqual(2)
    const config = resolveConfig({})
    const perCheck = new Map<string, number>()
    for (const finding of one.findings) perCheck.set(finding.ruleId, Math.max(perCheck.get(finding.ruleId) ?? 0, weightOf(finding as {ruleId: string; severity: 'major'}, config.weights)))
    const words = 17
    expect(one.penalty).toBeCloseTo((1000 * [...perCheck.values()].reduce((sum, weight) => sum + weight, 0)) / words, 1)
    // The same segment twice is two segments: each counts.
    const two = report('two.jsonl')
    expect(two.findings).toHaveLength(2 * one.findings.length)
    expect(two.penalty).toBeCloseTo(one.penalty, 1)
  })

  it('refuses a factor for an unknown check with one line (exit 2)', () => {
    const root = tempTree({'.mtlintrc.json': JSON.stringify({weights: {checks: {'no-such-check': 1}}}), 'a.txt': text})
    const result = mtlint(['lint', 'a.txt', '--format', 'json'], {cwd: root})
    expect(result.code).toBe(2)
    expect(result.stderr.trim().split('\n')).toHaveLength(1)
    expect(result.stderr).toMatch(/weights\.checks\.no-such-check: unknown rule/)
  })

  it('a finding costs its severity weight times its check factor', () => {
    const config = resolveConfig({weights: {minor: 2, checks: {'quote-spacing': 3}}})
    expect(weightOf({ruleId: 'quote-spacing', severity: 'minor'}, config.weights)).toBe(6)
    expect(weightOf({ruleId: 'not-fitted', severity: 'major'}, config.weights)).toBe(5)
  })
})
