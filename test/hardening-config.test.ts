/**
 * Issue 14, configuration class: hostile or broken configurations and
 * options get one line and exit 2, never a stack trace or "internal error",
 * and nothing is linted with a half-read configuration.
 */
import {spawnSync} from 'node:child_process'
import {mkdirSync, readFileSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {Ajv} from 'ajv'
import {describe, expect, it} from 'vitest'
import reportSchema from '../schemas/report.schema.json' with {type: 'json'}
import {crashLine} from '../src/cli/main.js'
import {ConfigError} from '../src/engine/config.js'
import {resolveConfig} from '../src/registry.js'
import {mtlint, projectRoot, tempTree} from './helpers/cli.js'
import {listing, oneLine, run, sharedTempDir} from './helpers/hardening.js'

const text = 'The council met on Tuesday. Tuesday.\n'
const bin = join(projectRoot, 'bin', 'mtlint.js')

/** Run `lint` on a.txt beside a .mtlintrc.json holding `config` (a string is written as is). */
function lintWithConfig(config: unknown, args: string[] = []) {
  const dir = tempTree({'.mtlintrc.json': typeof config === 'string' ? config : JSON.stringify(config), 'a.txt': text})
  return mtlint(['lint', '--format', 'json', ...args, join(dir, 'a.txt')])
}

function expectOneLine(result: {code: number; stderr: string}, pattern: RegExp) {
  expect(result.code).toBe(2)
  const lines = result.stderr.trim().split('\n')
  expect(lines, result.stderr).toHaveLength(1)
  expect(lines[0]).toMatch(pattern)
  expect(result.stderr).not.toMatch(/internal error|\n\s+at /)
}

const nested = (depth: number, open: string, close: string, inner = '1') => open.repeat(depth) + inner + close.repeat(depth)

describe('configurations that once crashed or misled', () => {
  it('refuses rule options nested 100,000 deep with one line naming the limit', () => {
    const arrays = `{"rules":{"repeated-word":["minor",${nested(100_000, '[', ']')}]}}`
    expectOneLine(lintWithConfig(arrays), /rules\.repeated-word.*: nested deeper than 32 levels, expected at most 32/)
    const objects = `{"rules":{"term-consistency":["minor",{"preferred":${nested(100_000, '{"a":', '}')}}]}}`
    expectOneLine(lintWithConfig(objects), /rules\.term-consistency.*preferred.*: nested deeper than 32 levels/)
  })

  it('reports a broken configuration before what it would have said of a broken input', () => {
    const dir = tempTree({'.mtlintrc.json': '{"rules": 5}', 'a.txt': ''})
    const result = mtlint(['lint', '--format', 'json', join(dir, 'a.txt')])
    expectOneLine(result, /invalid configuration: .*\.mtlintrc\.json: rules: got 5, expected an object$/)
    const compared = mtlint(['compare', '--format', 'json', join(tempTree({'.mtlintrc.json': '{"rules": 5}', 'a.jsonl': ''}), 'a.jsonl')])
    expectOneLine(compared, /invalid configuration: .*\.mtlintrc\.json: rules: got 5, expected an object$/)
  })

  it('refuses an empty exception glob with a config error, not an internal error', () => {
    expectOneLine(lintWithConfig({gate: {exceptions: [{files: ['']}]}}), /\.mtlintrc\.json: gate\.exceptions\.0\.files\.0: got "", expected a non-empty string/)
  })

  it('names the gate keys (not the top-level keys) for an unknown gate key', () => {
    const result = lintWithConfig({gate: {failon: 'x'}})
    expectOneLine(result, /gate\.failon: unknown key, expected one of failOn, minScore, maxFindings, exceptions$/)
    expect(result.stderr).not.toMatch(/rules, weights/)
  })

  it('refuses weights outside 0-1000, so a penalty is always a finite number', () => {
    expectOneLine(lintWithConfig({weights: {major: 1e308}}), /weights\.major: got 1e\+308, expected a number from 0 to 1000/)
    const heaviest = lintWithConfig({weights: {minor: 1000, major: 1000, critical: 1000}})
    const report = JSON.parse(heaviest.stdout) as {files: Array<{penalty: unknown}>}
    expect(typeof report.files[0]!.penalty).toBe('number')
    const validate = new Ajv({strict: false}).compile(reportSchema)
    expect(validate(report), JSON.stringify(validate.errors)).toBe(true)
  })

  it('names the misspelled key of rule options', () => {
    const result = lintWithConfig({rules: {'term-consistency': ['minor', {prefered: {}}]}})
    expectOneLine(result, /rules\.term-consistency\[1\]\.prefered: unknown key, expected one of preferred$/)
  })

  it('names a malformed package.json met while looking for a configuration', () => {
    const dir = tempTree({'package.json': '{"name": "x",', 'docs/a.txt': text})
    const result = mtlint(['lint', '--format', 'json', join(dir, 'docs', 'a.txt')])
    expectOneLine(result, new RegExp(`${join(dir, 'package.json').replaceAll('/', '\\/')}: invalid JSON`))
    // A well-formed package.json without an `mtlint` key is passed over, as before.
    const plain = tempTree({'package.json': '{"name": "x"}', 'a.txt': text})
    expect(mtlint(['lint', '--format', 'json', join(plain, 'a.txt')]).code).toBe(1)
  })

  it('says what was expected for wrong types, enums and missing keys', () => {
    const cases: Array<[unknown, RegExp]> = [
      [{gate: {minScore: 'high'}}, /gate\.minScore: got "high", expected a number$/],
      [{gate: {failOn: 'severe'}}, /gate\.failOn: got "severe", expected one of "off", "info", "minor", "major", "critical"$/],
      [{gate: {exceptions: [{minScore: 50}]}}, /gate\.exceptions\.0: missing key `files`/],
      [{gate: {maxFindings: {quotes: 0}}}, /gate\.maxFindings\.quotes: unknown key, expected one of accuracy, agreement/]
    ]
    for (const [config, pattern] of cases) {
      expect(() => resolveConfig(config, 'c.json')).toThrow(ConfigError)
      expect(() => resolveConfig(config, 'c.json')).toThrow(pattern)
    }
  })
})

describe('options and surprises', () => {
  it('refuses a fractional --max-bytes', () => {
    const dir = tempTree({'a.txt': text})
    expectOneLine(mtlint(['lint', '--format', 'json', '--max-bytes', '1.5', join(dir, 'a.txt')]), /--max-bytes: got `1\.5`, expected a whole number/)
  })

  it('turns an unexpected exception into one line and exit 2, with the trace only under --debug', () => {
    // `report --out` naming an existing file fails inside mkdir: a surprise the command did not foresee.
    const dir = tempTree({'a.txt': text})
    const result = mtlint(['report', join(dir, 'a.txt'), '--out', join(dir, 'a.txt')])
    expect(result.code).toBe(2)
    expect(result.stderr.trim().split('\n')).toHaveLength(1)
    expect(result.stderr).not.toMatch(/\n\s+at /)
    expect(readFileSync(join(dir, 'a.txt'), 'utf8')).toBe(text)

    const error = new Error('boom\nsecond line')
    expect(crashLine(error, false)).toMatch(/^mtlint: internal error: boom \(--debug prints the stack trace; please report it\)\n$/)
    expect(crashLine(error, true)).toMatch(/\n\s+at /)
  })
})

describe('configuration and ignore files that are not regular files', () => {
  const fifoIn = (dir: string, name: string) => expect(spawnSync('mkfifo', [join(dir, name)]).status).toBe(0)

  it('a FIFO with no writer or an endless device as --config: one line, exit 2, no hang', () => {
    const dir = sharedTempDir()
    writeFileSync(join(dir, 'a.txt'), text)
    fifoIn(dir, 'fifo.json')
    const named = run(['lint', '--format', 'json', '--config', 'fifo.json', 'a.txt'], {cwd: dir, timeout: 20_000})
    expect(named.code).toBe(2)
    expect(oneLine(named.stderr)).toBe(`mtlint: invalid configuration: ${join(dir, 'fifo.json')}: FIFO with no writer after 5 s, expected a JSON file or a pipe that is written`)
    const device = run(['lint', '--format', 'json', '--config', '/dev/zero', 'a.txt'], {cwd: dir, timeout: 20_000})
    expect(device.code).toBe(2)
    expect(oneLine(device.stderr)).toBe('mtlint: invalid configuration: /dev/zero: more than 1 MiB from a pipe or device, expected a JSON configuration')
  })

  it('--config may name a pipe: process substitution and /dev/stdin are read', () => {
    const dir = sharedTempDir()
    writeFileSync(join(dir, 'a.txt'), text)
    const config = JSON.stringify({rules: {'repeated-word': 'off'}})
    const plain = run(['lint', '--format', 'json', 'a.txt'], {cwd: dir})
    expect(plain.code).not.toBe(0)
    // `--config <(echo ...)`: bash hands mtlint /dev/fd/63, a pipe.
    const substituted = spawnSync('bash', ['-c', `node ${JSON.stringify(bin)} lint --format json --config <(printf '%s' '${config}') a.txt`], {cwd: dir, encoding: 'utf8', timeout: 20_000, env: {...process.env, NO_COLOR: '1'}})
    expect(substituted.stderr).toBe('')
    const stdin = run(['lint', '--format', 'json', '--config', '/dev/stdin', 'a.txt'], {cwd: dir, input: config, timeout: 20_000})
    expect(stdin.stderr).toBe('')
    for (const result of [substituted, stdin]) {
      const report = JSON.parse(result.stdout) as {files: Array<{findings: Array<{ruleId: string}>}>; errors: string[]}
      expect(report.errors).toEqual([])
      expect(report.files[0]!.findings.map((finding) => finding.ruleId)).not.toContain('repeated-word')
    }
  })

  it('--config /dev/stdin with - (the text from stdin too): one line, exit 2, no hang', () => {
    const dir = sharedTempDir()
    for (const name of ['/dev/stdin', '/proc/self/fd/0']) {
      const result = run(['lint', '--format', 'json', '--config', name, '-'], {cwd: dir, input: '{}', timeout: 20_000})
      expect(result.code).toBe(2)
      expect(oneLine(result.stderr)).toBe(`mtlint: --config: got \`${name}\`, which is stdin, and - reads the text from stdin too; expected the configuration or the text in a file`)
    }
  })

  it('a FIFO found as .mtlintrc.json or package.json: one line, exit 2, no hang', () => {
    for (const name of ['.mtlintrc.json', 'package.json']) {
      const dir = sharedTempDir()
      writeFileSync(join(dir, 'a.txt'), text)
      fifoIn(dir, name)
      const result = run(['lint', '--format', 'json', 'a.txt'], {cwd: dir, timeout: 20_000})
      expect(result.code).toBe(2)
      expect(oneLine(result.stderr)).toBe(`mtlint: invalid configuration: ${join(dir, name)}: not a regular file (FIFO), expected a JSON file`)
    }
  })

  it('a FIFO as .mtlintignore is not read: a one-line warning, the folder linted', () => {
    const dir = sharedTempDir()
    mkdirSync(join(dir, 'docs', 'sub'), {recursive: true})
    writeFileSync(join(dir, 'docs', 'a.txt'), 'The council approved the budget on Tuesday.\n')
    writeFileSync(join(dir, 'docs', 'sub', 'b.txt'), 'The council approved the budget on Tuesday.\n')
    fifoIn(dir, '.mtlintignore')
    const result = run(['lint', '--format', 'json', 'docs'], {cwd: dir, timeout: 20_000})
    expect(oneLine(result.stderr)).toBe(`mtlint: warning: ${join(dir, '.mtlintignore')}: not a regular file (FIFO), not read`)
    expect(result.code).toBe(0)
    expect((JSON.parse(result.stdout) as {files: Array<{path: string}>}).files.map((file) => file.path)).toEqual(['docs/a.txt', 'docs/sub/b.txt'])
  })
})

describe('options given an empty value', () => {
  it.each([
    [['lint', '--config', '', 'a.txt'], '--config: got an empty value, expected FILE'],
    [['lint', '--stdin-filename=', '-'], '--stdin-filename: got an empty value, expected NAME'],
    [['report', '--out', '', 'a.txt'], '--out: got an empty value, expected DIR'],
    [['compare', '--source-lang', '', 'a.tsv'], '--source-lang: got an empty value, expected LANG']
  ])('%j: one line, exit 2, nothing read or written (was: ignored, the working directory, or an internal error)', (args, message) => {
    const dir = sharedTempDir()
    writeFileSync(join(dir, '.mtlintrc.json'), '{"rules": 5}')
    writeFileSync(join(dir, 'a.txt'), text)
    writeFileSync(join(dir, 'a.tsv'), 'Hallo\tHello\n')
    const result = run(args, {cwd: dir, input: text})
    expect(result.code).toBe(2)
    expect(oneLine(result.stderr)).toBe(`mtlint: ${message} (see mtlint --help)`)
    expect(listing(dir)).toEqual(['.mtlintrc.json', 'a.tsv', 'a.txt'])
  })
})

describe('options given a value they do not take, or none', () => {
  it.each([
    [['lint', '-o'], '--output-file: expected a value'],
    [['lint', '--help=x'], '--help: takes no value'],
    [['lint', '--version=2'], '--version: takes no value'],
    [['lint', '--fix=1', 'a.txt'], '--fix: takes no value'],
    [['lint', '--format'], '--format: expected a value'],
    [['lint', '--max-warnings', '-1', 'a.txt'], '--max-warnings: expected a value; one that starts with - is written --max-warnings=VALUE']
  ])('%j names the option (was: "mtlint: : expected a value" for an option with a short name)', (args, message) => {
    const result = mtlint(args)
    expect(result.code).toBe(2)
    expect(result.stderr).toBe(`mtlint: ${message} (see mtlint --help)\n`)
  })
})

describe('an option written as the start of its name', () => {
  it('--output suggests --output-file', () => {
    const result = mtlint(['lint', '--output', 'report.json', 'a.txt'])
    expect(result.code).toBe(2)
    expect(result.stderr).toBe('mtlint: unknown option `--output`, did you mean `--output-file`? (see mtlint --help)\n')
  })
})
