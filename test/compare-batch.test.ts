/** `mtlint compare` over folders, globs and several files in one run, with the monolingual rules on the targets. */
import {describe, expect, it} from 'vitest'
import {mtlint, tempTree} from './helpers/cli.js'

interface JsonFinding {
  ruleId: string
  kind?: string
  actual: string
  start: {offset: number; line: number}
  end: {offset: number}
}

interface JsonReport {
  files: Array<{path: string; passed: boolean; score: number; findings: JsonFinding[]}>
  summary: {files: number; findings: number; errors: number}
}

const pair = (source: string, target: string) => JSON.stringify({source, target}) + '\n'
const clean = pair('他在北京工作。', 'He works in Beijing.')
const wrongNumber = pair('他有3个孩子。', 'He has 4 children.')

describe('mtlint compare over many files', () => {
  it('checks every segment file of a folder; a malformed one is a one-line error and the others are still checked', () => {
    const root = tempTree({'docs/a.jsonl': clean, 'docs/b.jsonl': 'not json\n', 'docs/sub/c.jsonl': wrongNumber, 'docs/notes.txt': 'He has 4 children.\n'})
    const result = mtlint(['compare', 'docs', '--format', 'json'], {cwd: root})
    expect(result.code).toBe(2)
    const errors = result.stderr.trim().split('\n')
    expect(errors).toHaveLength(1)
    expect(errors[0]).toMatch(/^mtlint: docs\/b\.jsonl/)
    const report = JSON.parse(result.stdout) as JsonReport
    // The .txt file is not a segment file: a folder search finds segment files only.
    expect(report.files.map((file) => file.path)).toEqual(['docs/a.jsonl', 'docs/sub/c.jsonl'])
    expect(report.summary).toMatchObject({files: 2, errors: 1})
    expect(report.files[1]!.findings.map((finding) => [finding.ruleId, finding.kind])).toEqual([['number-mismatch', 'compare']])
  })

  it('runs the monolingual rules on each target, positioned in the segment file', () => {
    const text = clean + pair('我们明天去。', 'We will go go tomorrow.')
    const root = tempTree({'pairs.jsonl': text})
    const report = JSON.parse(mtlint(['compare', 'pairs.jsonl', '--format', 'json'], {cwd: root}).stdout) as JsonReport
    const repeated = report.files[0]!.findings.find((finding) => finding.ruleId === 'repeated-word')
    expect(repeated?.kind).toBe('lint')
    expect(repeated!.start.line).toBe(2)
    expect(text.slice(repeated!.start.offset, repeated!.end.offset)).toBe(repeated!.actual)
    expect(repeated!.actual.toLowerCase()).toContain('go')
  })

  it('pairs plain files of --source DIR and --target DIR by relative path', () => {
    const root = tempTree({
      'zh/one.txt': '他有3个孩子。\n',
      'zh/sub/two.txt': '他在北京工作。\n',
      'en/one.txt': 'He has 4 children.\n',
      'en/sub/two.txt': 'He works in Beijing.\n',
      'en/three.txt': 'Nothing to pair with.\n',
      'zh/sub/four.txt': '没有译文。\n'
    })
    const result = mtlint(['compare', '--source', 'zh', '--target', 'en', '--format', 'json'], {cwd: root})
    expect(result.code).toBe(2)
    expect(result.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(/^mtlint: en\/three\.txt: no source file, expected zh\/three\.txt$/),
      expect.stringMatching(/^mtlint: zh\/sub\/four\.txt: no target file, expected en\/sub\/four\.txt$/)
    ])
    const report = JSON.parse(result.stdout) as JsonReport
    expect(report.files.map((file) => [file.path, file.findings.map((finding) => finding.ruleId)])).toEqual([
      ['en/one.txt', ['number-mismatch']],
      ['en/sub/two.txt', []]
    ])
    expect(mtlint(['compare', '--source', 'zh', '--target', 'en/one.txt'], {cwd: root}).code).toBe(2)
  })

  it('takes globs and several files, with the gate policy of lint', () => {
    const root = tempTree({'a.jsonl': clean, 'b.jsonl': wrongNumber, 'c.tsv': '他有3个孩子。\tHe has 3 children.\n'})
    const both = JSON.parse(mtlint(['compare', '*.jsonl', 'c.tsv', '--format', 'json'], {cwd: root}).stdout) as JsonReport
    expect(both.files.map((file) => [file.path, file.passed])).toEqual([
      ['a.jsonl', true],
      ['b.jsonl', false],
      ['c.tsv', true]
    ])
    expect(mtlint(['compare', '*.jsonl', '--format', 'json'], {cwd: root}).code).toBe(1)
    expect(mtlint(['compare', '*.jsonl', '--fail-on', 'off', '--format', 'json'], {cwd: root}).code).toBe(0)
    expect(mtlint(['compare', 'a.jsonl', '--min-score', '100', '--format', 'json'], {cwd: root}).code).toBe(0)
    expect(mtlint(['compare', 'b.jsonl', '--fail-on', 'off', '--min-score', '100', '--format', 'json'], {cwd: root}).code).toBe(1)
    const sarif = JSON.parse(mtlint(['compare', '*.jsonl', '--format', 'sarif'], {cwd: root}).stdout) as {runs: Array<{results: Array<{ruleId: string}>}>}
    expect(sarif.runs[0]!.results.map((result) => result.ruleId)).toEqual(['number-mismatch'])
    expect(mtlint(['compare', '*.jsonl', '--format', 'github'], {cwd: root}).stdout).toMatch(/^::error file=b\.jsonl,line=1/m)
  })

  it('spreads a large batch over worker threads with the same result as one thread', () => {
    const files: Record<string, string> = {}
    for (let index = 0; index < 30; index++) files[`d/${String(index).padStart(2, '0')}.jsonl`] = index % 3 === 0 ? wrongNumber : clean
    const root = tempTree(files)
    const report = JSON.parse(mtlint(['compare', 'd', '--format', 'json'], {cwd: root}).stdout) as JsonReport
    expect(report.files.map((file) => file.path)).toEqual(Object.keys(files).sort())
    expect(report.files.map((file) => file.passed)).toEqual(Object.keys(files).map((_, index) => index % 3 !== 0))
  })
})
