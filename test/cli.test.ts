/** The `mtlint lint` / `report` / `rules` commands, run as a user runs them. */
import {existsSync, readFileSync, readdirSync, symlinkSync} from 'node:fs'
import {join} from 'node:path'
import {Ajv} from 'ajv'
import {describe, expect, it} from 'vitest'
import reportSchema from '../schemas/report.schema.json' with {type: 'json'}
import {mtlint, projectRoot, seedPath, tempTree} from './helpers/cli.js'

const validateReport = new Ajv({strict: false}).compile(reportSchema)
const seed = readFileSync(seedPath, 'utf8')

interface JsonReport {
  files: Array<{path: string; words: number; score: number; findings: Array<{ruleId: string; actual: string; start: {offset: number; line: number; column: number}; end: {offset: number}}>}>
  errors: string[]
}

function json(stdout: string): JsonReport {
  return JSON.parse(stdout) as JsonReport
}

describe('mtlint lint --format json', () => {
  it('prints one JSON document valid against schemas/report.schema.json, with offsets into the text', () => {
    const result = mtlint(['lint', '--format', 'json', seedPath])
    const report = json(result.stdout)
    expect(validateReport(report), JSON.stringify(validateReport.errors)).toBe(true)
    const file = report.files[0]!
    expect(file.findings.length).toBeGreaterThan(0)
    for (const finding of file.findings) expect(seed.slice(finding.start.offset, finding.end.offset)).toBe(finding.actual)
  })

  it('reports 1-based lines and columns that agree with the offsets', () => {
    const report = json(mtlint(['lint', '--format', 'json', seedPath]).stdout)
    for (const finding of report.files[0]!.findings) {
      const before = seed.slice(0, finding.start.offset).split('\n')
      expect(finding.start.line).toBe(before.length)
      expect(finding.start.column).toBe(before.at(-1)!.length + 1)
    }
  })

  it('finds the echo "days. days." of the seed article at offset 903', () => {
    const report = json(mtlint(['lint', '--format', 'json', seedPath]).stdout)
    const echo = report.files[0]!.findings.find((finding) => finding.ruleId === 'repeated-word')
    expect(echo).toMatchObject({actual: 'days. days.', start: {offset: 903}})
  })
})

describe('exit codes', () => {
  it('exits 1 when a finding reaches --fail-on (default major) and 0 when the policy is off', () => {
    expect(mtlint(['lint', '--format', 'json', seedPath]).code).toBe(1)
    expect(mtlint(['lint', '--format', 'json', '--fail-on', 'off', seedPath]).code).toBe(0)
  })

  it('exits 1 when a score is below --min-score', () => {
    const dir = tempTree({'clean.txt': 'The council approved the budget on Tuesday.\n'})
    expect(mtlint(['lint', '--format', 'json', '--min-score', '100', join(dir, 'clean.txt')]).code).toBe(0)
    const echo = tempTree({'echo.txt': 'The council approved the budget on Tuesday. Tuesday.\n'})
    expect(mtlint(['lint', '--format', 'json', '--fail-on', 'off', '--min-score', '99', join(echo, 'echo.txt')]).code).toBe(1)
  })

  it('exits 2 with one line per bad input, and still lints the other files', () => {
    const dir = tempTree({
      'good.txt': 'The the vote was held on Sunday.\n',
      'empty.txt': '',
      'binary.txt': Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x10]),
      'latin1.txt': Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x20, 0x6f, 0x6b])
    })
    const result = mtlint(['lint', '--format', 'json', ...['good.txt', 'empty.txt', 'binary.txt', 'latin1.txt', 'missing.txt'].map((name) => join(dir, name))])
    expect(result.code).toBe(2)
    const lines = result.stderr.trim().split('\n')
    expect(lines).toHaveLength(4)
    expect(lines.find((line) => line.includes('empty.txt'))).toMatch(/empty input/)
    expect(lines.find((line) => line.includes('binary.txt'))).toMatch(/binary data/)
    expect(lines.find((line) => line.includes('latin1.txt'))).toMatch(/invalid UTF-8 at byte 3/)
    expect(lines.find((line) => line.includes('missing.txt'))).toMatch(/no such file/)
    const report = json(result.stdout)
    expect(report.files.map((file) => file.path)).toEqual([join(dir, 'good.txt')])
    expect(report.errors).toHaveLength(4)
  })

  it('exits 2 on an input over --max-bytes', () => {
    const dir = tempTree({'big.txt': 'word '.repeat(100)})
    const result = mtlint(['lint', '--format', 'json', '--max-bytes', '100', join(dir, 'big.txt')])
    expect(result.code).toBe(2)
    expect(result.stderr).toMatch(/over the 100 bytes limit/)
  })

  it('exits 2 with a one-line usage error on an unknown option or format', () => {
    for (const args of [['lint', '--bogus'], ['lint', '--format', 'xml', seedPath], ['lint', '--fail-on', 'severe', seedPath], ['frobnicate'], ['lint', '--html', seedPath], ['report', '--source', seedPath, seedPath]]) {
      const result = mtlint(args)
      expect(result.code, args.join(' ')).toBe(2)
      expect(result.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1)
    }
  })
})

describe('inputs', () => {
  it('reads stdin from `-`', () => {
    const report = json(mtlint(['lint', '--format', 'json', '-'], {input: 'They met in Geneva on Friday. Friday.\n'}).stdout)
    expect(report.files[0]!.path).toBe('<stdin>')
    expect(report.files[0]!.findings[0]!.actual).toBe('Friday. Friday.')
  })

  it('searches folders for .txt and .md files only, skipping node_modules', () => {
    const dir = tempTree({'a.txt': 'One.\n', 'sub/b.md': 'Two.\n', 'c.html': '<p>Three.</p>\n', 'node_modules/x/d.txt': 'Four.\n'})
    const report = json(mtlint(['lint', '--format', 'json', dir]).stdout)
    expect(report.files.map((file) => file.path).sort()).toEqual([join(dir, 'a.txt'), join(dir, 'sub', 'b.md')])
  })

  it('skips files matched by .mtlintignore when searching, but not files named explicitly', () => {
    const dir = tempTree({'.mtlintignore': 'archive/\n*.draft.md\n', 'a.txt': 'One.\n', 'archive/b.txt': 'Two.\n', 'c.draft.md': 'Three.\n'})
    const searched = json(mtlint(['lint', '--format', 'json', '.'], {cwd: dir}).stdout)
    expect(searched.files.map((file) => file.path)).toEqual(['a.txt'])
    const named = json(mtlint(['lint', '--format', 'json', 'archive/b.txt'], {cwd: dir}).stdout)
    expect(named.files.map((file) => file.path)).toEqual(['archive/b.txt'])
  })

  it('expands globs, and says so when one matches nothing', () => {
    const dir = tempTree({'a.txt': 'One.\n', 'b.txt': 'Two.\n', 'c.md': 'Three.\n'})
    const report = json(mtlint(['lint', '--format', 'json', '*.txt'], {cwd: dir}).stdout)
    expect(report.files.map((file) => file.path)).toEqual(['a.txt', 'b.txt'])
    const none = mtlint(['lint', '--format', 'json', '*.rst'], {cwd: dir})
    expect(none.code).toBe(2)
    expect(none.stderr).toMatch(/no files match/)
  })
})

describe('configuration', () => {
  // An echoed word: repeated-word alone fires ("The the" would also fire stacked-determiner).
  const text = 'The vote was held on Sunday. Sunday.\n'

  it('finds .mtlintrc.json upward from the file and turns a rule off', () => {
    const dir = tempTree({'.mtlintrc.json': JSON.stringify({rules: {'repeated-word': 'off'}}), 'news/a.txt': text})
    const report = json(mtlint(['lint', '--format', 'json', join(dir, 'news', 'a.txt')]).stdout)
    expect(report.files[0]!.findings).toEqual([])
  })

  it('reads the `mtlint` key of package.json and applies a severity', () => {
    const dir = tempTree({'package.json': JSON.stringify({name: 'desk', mtlint: {rules: {'repeated-word': 'minor'}}}), 'a.txt': text})
    const result = mtlint(['lint', '--format', 'json', join(dir, 'a.txt')])
    expect(result.code).toBe(0)
    expect(json(result.stdout).files[0]!.findings[0]).toMatchObject({severity: 'minor'})
  })

  it('rejects an invalid setting with one line naming the file, the key and what was expected', () => {
    const dir = tempTree({'.mtlintrc.json': JSON.stringify({rules: {'repeated-word': 'loud'}}), 'a.txt': text})
    const result = mtlint(['lint', '--format', 'json', join(dir, 'a.txt')])
    expect(result.code).toBe(2)
    expect(result.stderr.trim().split('\n')).toHaveLength(1)
    expect(result.stderr).toContain(join(dir, '.mtlintrc.json'))
    expect(result.stderr).toMatch(/rules\.repeated-word: got "loud", expected "off", a severity/)
  })

  it('rejects unknown rules, unknown keys, bad options and broken JSON', () => {
    const cases: Array<[unknown, RegExp]> = [
      [{rules: {'no-such-rule': 'minor'}}, /rules\.no-such-rule: unknown rule/],
      [{rulez: {}}, /rulez: unknown key, expected one of/],
      [{rules: {'repeated-word': ['minor', {bogus: true}]}}, /rules\.repeated-word\[1\]\.bogus: unknown key, expected no keys/],
      [{weights: {major: -1}}, /weights\.major: got -1, expected a number from 0 to 1000/]
    ]
    for (const [config, pattern] of cases) {
      const dir = tempTree({'.mtlintrc.json': JSON.stringify(config), 'a.txt': text})
      const result = mtlint(['lint', '--format', 'json', join(dir, 'a.txt')])
      expect(result.code).toBe(2)
      expect(result.stderr).toMatch(pattern)
    }

    const broken = tempTree({'.mtlintrc.json': '{"rules": ', 'a.txt': text})
    expect(mtlint(['lint', '--format', 'json', join(broken, 'a.txt')]).stderr).toMatch(/invalid JSON/)
  })

  it('uses --config instead of discovery', () => {
    const dir = tempTree({'strict.json': JSON.stringify({rules: {'repeated-word': 'critical'}}), 'a.txt': text})
    const report = json(mtlint(['lint', '--format', 'json', '--config', join(dir, 'strict.json'), join(dir, 'a.txt')]).stdout)
    expect(report.files[0]!.findings[0]).toMatchObject({severity: 'critical'})
  })
})

describe('mtlint lint --format pretty', () => {
  it('prints file:line:column, severity, message, rule id and the score', () => {
    const dir = tempTree({'a.txt': 'Talks resumed on Friday.\nThe the talks ended.\n'})
    const result = mtlint(['lint', '--format', 'pretty', join(dir, 'a.txt')])
    expect(result.stdout).toMatch(/a\.txt:2:1\s+major\s+Unexpected repeated word `the`, expected it once\s+repeated-word/)
    expect(result.stdout).toMatch(/score \d+(\.\d)? on 8 words/)
  })
})

describe('mtlint report', () => {
  it('writes per-file JSON and a Markdown summary to --out, never next to the input', () => {
    const dir = tempTree({'articles/a.txt': 'They met on Friday. Friday.\n'})
    const out = join(dir, 'out')
    const result = mtlint(['report', 'articles', '--out', out], {cwd: dir})
    expect(result.code).toBe(1)
    expect(readdirSync(join(dir, 'articles'))).toEqual(['a.txt'])
    expect(readdirSync(out).sort()).toEqual(['.mtlint-report.json', 'articles__a.txt.mtlint.json', 'summary.md'])
    const summary = readFileSync(join(out, 'summary.md'), 'utf8')
    expect(summary).toMatch(/\| duplication \| Fluency\/Grammar \|/)
    expect(summary).toContain('**Friday. Friday.**')
  })

  it('quotes the article in the summary with its Markdown and HTML escaped, so the text renders as text', () => {
    const dir = tempTree({'a.txt': 'They wrote <script>alert(1)</script> and *this* the the [link](http://x.y) here.\n'})
    const out = join(dir, 'out')
    mtlint(['report', 'a.txt', '--out', out], {cwd: dir})
    const summary = readFileSync(join(out, 'summary.md'), 'utf8')
    expect(summary).toContain('\\<script\\>alert\\(1\\)\\</script\\> and \\*this\\* **the the** \\[link\\]\\(http://x.y\\) here.')
    expect(summary).not.toContain('<script>')
  })

  it('refuses to overwrite an input through a symbolic link to its folder', () => {
    const dir = tempTree({'desk/summary.md': 'They met on Friday. Friday.\n'})
    symlinkSync(join(dir, 'desk'), join(dir, 'linked'))
    const result = mtlint(['report', 'desk/summary.md', '--out', 'linked'], {cwd: dir})
    expect(result.code).toBe(2)
    expect(result.stderr).toBe('mtlint: --out linked: holds the input desk/summary.md, expected a folder of its own for the reports, nothing written\n')
    expect(readdirSync(join(dir, 'desk'))).toEqual(['summary.md'])
    expect(readFileSync(join(dir, 'desk', 'summary.md'), 'utf8')).toBe('They met on Friday. Friday.\n')
  })

  it('refuses to overwrite an input with a report', () => {
    const dir = tempTree({'summary.md': 'They met on Friday. Friday.\n'})
    const result = mtlint(['report', 'summary.md', '--out', '.'], {cwd: dir})
    expect(result.code).toBe(2)
    expect(readFileSync(join(dir, 'summary.md'), 'utf8')).toBe('They met on Friday. Friday.\n')
    expect(result.stderr).toBe('mtlint: --out .: holds the input summary.md, expected a folder of its own for the reports, nothing written\n')
    expect(readdirSync(dir)).toEqual(['summary.md'])
  })
})

describe('mtlint rules', () => {
  it('its help names the formats it accepts, and it accepts exactly those', () => {
    const help = mtlint(['help', 'rules']).stdout.replace(/\s+/g, ' ')
    expect(help).toContain('rules: pretty or json')
    for (const format of ['pretty', 'json']) expect(mtlint(['rules', '--format', format]).code).toBe(0)
    for (const format of ['sarif', 'github']) expect(mtlint(['rules', '--format', format]).code).toBe(2)
  })

  it('lists every rule with its category and severity', () => {
    const rows = JSON.parse(mtlint(['rules', '--format', 'json']).stdout) as Array<{id: string}>
    expect(rows.map((row) => row.id)).toContain('repeated-word')
    expect(existsSync(join(projectRoot, 'rules', rows[0]!.id + '.ts'))).toBe(true)
  })
})

describe('a hardened runtime', () => {
  // The rule wrapper turns stack traces off while it builds a message; frozen intrinsics forbid that.
  it('lints under node --frozen-intrinsics', () => {
    const result = mtlint(['lint', '--format', 'json', '--stdin-filename', 'story.txt'], {input: 'The ministers said the talks would go on. On.', nodeFlags: ['--frozen-intrinsics']})
    expect(result.code, result.stderr).toBe(1)
    expect(json(result.stdout).files[0]!.findings.map((finding) => finding.ruleId)).toEqual(['repeated-word'])
  })
})
