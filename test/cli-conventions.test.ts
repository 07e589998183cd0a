/**
 * Issue 13, CLI conventions: complete help, per-command help, typo hints,
 * ESLint-style flags (--no-exit, --max-warnings, --quiet, -o, --print-config,
 * --no-ignore), .mtlintignore beside the configuration, report outputs never
 * linted, warnings for globs whose matches are all ignored, plurals, and
 * pretty lines that fit the terminal.
 */
import {existsSync, readFileSync} from 'node:fs'
import {join} from 'node:path'
import {Ajv} from 'ajv'
import {describe, expect, it} from 'vitest'
import configSchema from '../schemas/config.schema.json' with {type: 'json'}
import {lintInputs} from '../src/cli/lint-files.js'
import {formatPretty} from '../src/reporters/pretty.js'
import {stylesFor} from '../src/reporters/colors.js'
import {mtlint, tempTree} from './helpers/cli.js'

interface Report {
  files: Array<{path: string; findings: Array<{ruleId: string; severity: string}>}>
}

const json = (stdout: string) => JSON.parse(stdout) as Report
/** One major (an echoed word) and one minor (space before a comma) finding. */
const article = 'The council met on Tuesday. Tuesday. It adjourned on Friday , as planned.\n'

describe('help', () => {
  it('names every command and every format', () => {
    const result = mtlint(['--help'])
    expect(result.code).toBe(0)
    for (const command of ['lint', 'gate', 'report', 'compare', 'rules', 'lsp', 'worker', 'enqueue', 'help']) expect(result.stdout).toMatch(new RegExp(`^  ${command}\\b`, 'm'))
    for (const format of ['pretty', 'json', 'sarif', 'github']) expect(result.stdout).toContain(format)
    for (const flag of ['--fix', '--fix-dry-run', '--no-exit', '--max-warnings', '--quiet', '--output-file', '--print-config', '--no-ignore']) {
      expect(result.stdout).toContain(flag)
    }
  })

  it('prints one command\'s help for `mtlint help COMMAND` and `COMMAND --help`', () => {
    const help = mtlint(['help', 'report'])
    expect(help.code).toBe(0)
    expect(help.stdout).toMatch(/^Usage: mtlint report/)
    expect(help.stdout).toContain('--html')
    expect(help.stdout).not.toContain('--source-lang')
    expect(mtlint(['report', '--help']).stdout).toBe(help.stdout)
    expect(mtlint(['lsp', '--help']).stdout).toMatch(/^Usage: mtlint lsp/)
    const unknown = mtlint(['help', 'lnit'])
    expect(unknown.code).toBe(2)
    expect(unknown.stderr).toMatch(/^mtlint: unknown command `lnit`, did you mean `lint`\?/)
  })

  it('suggests the option meant by a typo, in one line that points to --help', () => {
    const result = mtlint(['lint', '--fromat', 'json', '-'], {input: article})
    expect(result.code).toBe(2)
    expect(result.stderr).toBe('mtlint: unknown option `--fromat`, did you mean `--format`? (see mtlint --help)\n')
    const missing = mtlint(['lint', '--format'])
    expect(missing.stderr.trim().split('\n')).toHaveLength(1)
    expect(missing.stderr).not.toMatch(/positional argument|ERR_PARSE_ARGS/)
  })
})

describe('ESLint-style flags', () => {
  it('--no-exit exits 0 on failing files but still 2 on errors', () => {
    expect(mtlint(['lint', '--format', 'json', '-'], {input: article}).code).toBe(1)
    expect(mtlint(['lint', '--format', 'json', '--no-exit', '-'], {input: article}).code).toBe(0)
    expect(mtlint(['lint', '--format', 'json', '--no-exit', 'no-such-file.txt']).code).toBe(2)
  })

  it('--max-warnings N fails a run with more than N findings below --fail-on', () => {
    const args = ['lint', '--format', 'json', '--fail-on', 'critical']
    expect(mtlint([...args, '-'], {input: article}).code).toBe(0)
    const over = mtlint([...args, '--max-warnings', '1', '-'], {input: article})
    expect(over.code).toBe(1)
    expect(over.stderr).toMatch(/2 findings below --fail-on, more than --max-warnings 1/)
    expect(mtlint([...args, '--max-warnings', '2', '-'], {input: article}).code).toBe(0)
    expect(mtlint([...args, '--max-warnings', '-1', '-'], {input: article}).code).toBe(2)
  })

  it('--quiet reports only findings at or above --fail-on', () => {
    const all = json(mtlint(['lint', '--format', 'json', '-'], {input: article}).stdout).files[0]!.findings
    expect(all.map((finding) => finding.severity).sort()).toEqual(['major', 'minor'])
    const quiet = json(mtlint(['lint', '--format', 'json', '--quiet', '-'], {input: article}).stdout).files[0]!.findings
    expect(quiet.map((finding) => finding.ruleId)).toEqual(['repeated-word'])
  })

  it('-o FILE writes the report there and refuses an input as the target', () => {
    const dir = tempTree({'a.txt': article})
    const result = mtlint(['lint', '--format', 'json', '-o', join(dir, 'out.json'), join(dir, 'a.txt')])
    expect(result.code).toBe(1)
    expect(result.stdout).toBe('')
    expect(json(readFileSync(join(dir, 'out.json'), 'utf8')).files[0]!.path).toBe(join(dir, 'a.txt'))
    const refused = mtlint(['lint', '--format', 'json', '--output-file', join(dir, 'a.txt'), join(dir, 'a.txt')])
    expect(refused.code).toBe(2)
    expect(refused.stderr).toMatch(/^mtlint: --output-file: .*an input/)
    expect(readFileSync(join(dir, 'a.txt'), 'utf8')).toBe(article)
  })

  it('--print-config FILE prints the configuration that applies, valid against the config schema', () => {
    const dir = tempTree({'.mtlintrc.json': JSON.stringify({rules: {'repeated-word': 'critical', 'quote-style-mixed': 'off'}, gate: {minScore: 80}}), 'news/a.txt': article})
    const result = mtlint(['lint', '--print-config', join(dir, 'news', 'a.txt')])
    expect(result.code).toBe(0)
    const config = JSON.parse(result.stdout) as {rules: Record<string, unknown>; gate: {minScore: number}}
    expect(config.rules['repeated-word']).toBe('critical')
    expect(config.rules['quote-style-mixed']).toBe('off')
    expect(config.rules['calque']).toBeDefined()
    expect(config.gate.minScore).toBe(80)
    const validate = new Ajv({strict: false}).compile(configSchema)
    expect(validate(config), JSON.stringify(validate.errors)).toBe(true)
  })
})

describe('what a folder search skips', () => {
  it('reads .mtlintignore beside the configuration, from any working directory; --no-ignore lints everything', () => {
    const dir = tempTree({'.mtlintrc.json': '{}', '.mtlintignore': 'drafts/\n', 'a.txt': article, 'drafts/b.txt': article})
    const paths = (args: string[]) => json(mtlint(['lint', '--format', 'json', '--no-exit', ...args, dir]).stdout).files.map((file) => file.path)
    expect(paths([])).toEqual([join(dir, 'a.txt')])
    expect(paths(['--no-ignore'])).toEqual([join(dir, 'a.txt'), join(dir, 'drafts', 'b.txt')])
  })

  it('never lints the files `mtlint report` wrote', () => {
    const dir = tempTree({'articles/a.txt': article})
    mtlint(['report', join(dir, 'articles', 'a.txt'), '--out', join(dir, 'articles', 'reports')])
    expect(existsSync(join(dir, 'articles', 'reports', 'summary.md'))).toBe(true)
    const report = json(mtlint(['lint', '--format', 'json', '--no-exit', join(dir, 'articles')]).stdout)
    expect(report.files.map((file) => file.path)).toEqual([join(dir, 'articles', 'a.txt')])
  })

  it('warns in one line when every match of a glob is ignored', () => {
    const dir = tempTree({'.mtlintignore': 'old/\n', 'old/a.txt': article})
    const result = mtlint(['lint', '--format', 'json', 'old/*.txt'], {cwd: dir})
    expect(result.code).toBe(0)
    expect(result.stderr).toBe('mtlint: warning: old/*.txt: every match is ignored by .mtlintignore (--no-ignore lints them)\n')
  })
})

describe('human output', () => {
  it('counts in correct plurals', () => {
    const one = mtlint(['lint', '--format', 'pretty', '-'], {input: 'They met on Tuesday. Tuesday.\n'})
    expect(one.stdout).toMatch(/, 1 finding \(1 major\)/)
    const gate = mtlint(['gate', '-'], {input: 'They met on Tuesday. Tuesday.\n'})
    expect(gate.stdout).toMatch(/^1 file, 5 words, 1 finding \(duplication 1\)$/m)
  })

  it('fits pretty lines to the terminal width and pads no message', async () => {
    const dir = tempTree({'a.txt': 'The the council said that it would meet the ministers on Tuesday. Tuesday. They said , in a statement, that its’s budget was final.\n'})
    const run = await lintInputs([{kind: 'file', path: join(dir, 'a.txt')}])
    const plain = stylesFor({isTTY: false})
    for (const width of [60, 100]) {
      const lines = formatPretty(run, plain, width).split('\n')
      for (const line of lines) expect(line.length, line).toBeLessThanOrEqual(width)
    }

    const unbounded = formatPretty(run, plain, undefined).split('\n')
    for (const line of unbounded) expect(line, 'trailing padding').not.toMatch(/\S {3,}\S+$/)
  })
})
