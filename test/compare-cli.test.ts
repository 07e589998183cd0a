/** `mtlint compare`, run as a user runs it: every format, exit codes, offsets into the target file. */
import {join} from 'node:path'
import {Ajv} from 'ajv'
import {describe, expect, it} from 'vitest'
import reportSchema from '../schemas/report.schema.json' with {type: 'json'}
import {mtlint, projectRoot, tempTree} from './helpers/cli.js'

const validateReport = new Ajv({strict: false}).compile(reportSchema)
const xliff = join(projectRoot, 'test', 'fixtures', 'compare', 'defects.xlf')

interface JsonReport {
  files: Array<{path: string; passed: boolean; findings: Array<{ruleId: string; dimension: string; actual: string; start: {offset: number; line: number}; end: {offset: number}}>}>
}

describe('mtlint compare', () => {
  it('checks two plain files aligned by line; offsets point into the target file', () => {
    const target = 'He has 4 children.\nHe works in 北京.\nAre you coming?\n'
    const root = tempTree({'zh.txt': '他有3个孩子。\n他在北京工作。\n你来吗？\n', 'en.txt': target})
    const result = mtlint(['compare', '--source', 'zh.txt', '--target', 'en.txt', '--format', 'json'], {cwd: root})
    expect(result.code, result.stderr).toBe(1)
    const report = JSON.parse(result.stdout) as JsonReport
    expect(validateReport(report), JSON.stringify(validateReport.errors)).toBe(true)
    const findings = report.files[0]!.findings
    expect(findings.map((finding) => [finding.ruleId, finding.actual, finding.start.line])).toEqual([
      ['number-mismatch', '4', 1],
      ['untranslated', '北京', 2]
    ])
    for (const finding of findings) expect(target.slice(finding.start.offset, finding.end.offset)).toBe(finding.actual)
    expect(findings[0]!.dimension).toBe('Accuracy/Mistranslation')
    expect(findings[1]!.dimension).toBe('Accuracy/Untranslated')
  })

  it('reads a segment file by its extension and passes a clean one with exit 0', () => {
    const root = tempTree({'pairs.jsonl': '{"source": "他在北京工作。", "target": "He works in Beijing."}\n'})
    const result = mtlint(['compare', 'pairs.jsonl', '--format', 'json'], {cwd: root})
    expect(result.code, result.stderr).toBe(0)
    expect((JSON.parse(result.stdout) as JsonReport).files[0]!.findings).toEqual([])
  })

  it('shows the findings in the pretty, SARIF and GitHub formats', () => {
    const pretty = mtlint(['compare', xliff, '--format', 'pretty'])
    expect(pretty.code).toBe(1)
    expect(pretty.stdout).toContain('number-mismatch')
    expect(pretty.stdout).toMatch(/defects\.xlf:7:\d+/)
    const sarif = JSON.parse(mtlint(['compare', xliff, '--format', 'sarif']).stdout) as {runs: Array<{results: Array<{ruleId: string}>}>}
    expect(sarif.runs[0]!.results.map((result) => result.ruleId)).toEqual(['number-mismatch', 'entity-missing', 'untranslated'])
    const github = mtlint(['compare', xliff, '--format', 'github']).stdout
    expect(github.split('\n').filter((line) => /^::error file=.*,line=/.test(line)).length).toBe(3)
  })

  it('respects --source-lang over the guess', () => {
    const root = tempTree({'pairs.tsv': 'Der Umsatz stieg um 1,5 Prozent.\tSales rose by 1.5 percent.\n'})
    expect(mtlint(['compare', 'pairs.tsv', '--source-lang', 'de', '--format', 'json'], {cwd: root}).code).toBe(0)
    // Read as English, 1,5 is fifteen.
    expect(mtlint(['compare', 'pairs.tsv', '--source-lang', 'en', '--format', 'json'], {cwd: root}).code).toBe(1)
  })

  it('exits 2 on usage and input errors', () => {
    const root = tempTree({'zh.txt': '一\n\n二\n\n三\n', 'en.txt': 'One\n', 'pairs.csv': 'a,b\n'})
    const unaligned = mtlint(['compare', '--source', 'zh.txt', '--target', 'en.txt'], {cwd: root})
    expect(unaligned.code).toBe(2)
    expect(unaligned.stderr).toMatch(/cannot align/)
    expect(mtlint(['compare', 'pairs.csv'], {cwd: root}).code).toBe(2)
    expect(mtlint(['compare', 'missing.tsv'], {cwd: root}).code).toBe(2)
    expect(mtlint(['compare', '--source', 'zh.txt'], {cwd: root}).code).toBe(2)
    expect(mtlint(['compare', xliff, '--format', 'verdict']).code).toBe(2)
  })

  it('refuses a segment file with nothing to check instead of passing it with score 100', () => {
    const root = tempTree({
      'untranslated.xlf': '<xliff version="1.2"><file><body><trans-unit id="1"><source>他在北京工作。</source></trans-unit></body></file></xliff>',
      'empty.tmx': '<tmx version="1.4"><body></body></tmx>',
      'pairs.jsonl': '{"source": "他在北京工作。", "target": "He works in Beijing."}\n'
    })
    const result = mtlint(['compare', 'untranslated.xlf', 'empty.tmx', 'pairs.jsonl', '--format', 'json'], {cwd: root})
    expect(result.code).toBe(2)
    expect(result.stderr.trim().split('\n').sort()).toEqual([
      'mtlint: empty.tmx: no source/target pair to check (units without a target are skipped), expected at least one',
      'mtlint: untranslated.xlf: no source/target pair to check (units without a target are skipped), expected at least one'
    ])
    // The file with pairs is still checked.
    expect((JSON.parse(result.stdout) as JsonReport).files.map((file) => file.path)).toEqual(['pairs.jsonl'])
  })

  it('hands --original ORIG DERIVED to compareOriginal, findings in the derived file', () => {
    const root = tempTree({'a.txt': 'The mayor said: "We will open 3 schools."\n', 'b.txt': 'The mayor said: "We will open 3 schools."\n'})
    const result = mtlint(['compare', '--original', 'a.txt', 'b.txt', '--format', 'json'], {cwd: root})
    expect(result.code, result.stderr).toBe(0)
    expect((JSON.parse(result.stdout) as JsonReport).files[0]!.path).toBe('b.txt')
    expect(mtlint(['compare', '--original', 'a.txt'], {cwd: root}).code).toBe(2)
    expect(mtlint(['compare', '--original', 'missing.txt', 'b.txt'], {cwd: root}).code).toBe(2)
  })
})
