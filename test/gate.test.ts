/** The pre-publish gate: policy from the config, verdicts, exit codes and the CI formats. */
import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import {fileURLToPath, pathToFileURL} from 'node:url'
import ajvDraft04 from 'ajv-draft-04'
import {describe, expect, it} from 'vitest'
import {mtlint, projectRoot, seedPath, tempTree} from './helpers/cli.js'

// CommonJS: Node's default import is module.exports, the class itself, which its types see as the module; both carry the class as `default`.
const Ajv4 = ajvDraft04.default

const quoteText = 'The minister called the plan “a “minor incursion “could happen.\n'
const cleanText = 'The council approved the budget on Tuesday after a long debate.\n'

describe('mtlint gate', () => {
  it('fails the seed article and lists the reasons', () => {
    const result = mtlint(['gate', seedPath])
    expect(result.code).toBe(1)
    expect(result.stdout).toMatch(/^FAIL {2}.*seed-article\.txt {2}score \d/m)
    expect(result.stdout).toMatch(/- \d+ findings? at or above major/)
    expect(result.stdout).toMatch(/repeated-word: Unexpected echo of `days`/)
    expect(result.stdout).toMatch(/^1 file, \d+ words, \d+ findings \(.*duplication 1.*\)$/m)
  })

  it('passes clean copy with exit 0', () => {
    const dir = tempTree({'a.txt': cleanText})
    const result = mtlint(['gate', join(dir, 'a.txt')])
    expect(result.code).toBe(0)
    expect(result.stdout).toMatch(/^PASS {2}/m)
  })

  it('applies a per-category cap from .mtlintrc.json, and exceptions by path glob', () => {
    const config = {
      rules: {'quote-direction': 'minor', 'quote-unclosed': 'minor', 'quote-spacing': 'minor'},
      gate: {failOn: 'critical', maxFindings: {quotation: 0}, exceptions: [{files: ['wire/**'], maxFindings: {quotation: 5}}]}
    }
    const dir = tempTree({'.mtlintrc.json': JSON.stringify(config), 'desk/a.txt': quoteText, 'wire/b.txt': quoteText})
    const desk = mtlint(['gate', join(dir, 'desk', 'a.txt')])
    expect(desk.code).toBe(1)
    expect(desk.stdout).toMatch(/- \d+ quotation findings?, at most 0 allowed/)
    expect(mtlint(['gate', join(dir, 'wire', 'b.txt')]).code).toBe(0)
  })

  it('fails on a minimum score and reports it', () => {
    const dir = tempTree({'.mtlintrc.json': JSON.stringify({gate: {failOn: 'off', minScore: 99}}), 'a.txt': 'They met on Friday. Friday.\n'})
    const result = mtlint(['gate', join(dir, 'a.txt')])
    expect(result.code).toBe(1)
    expect(result.stdout).toMatch(/score \d+(\.\d)? is below the minimum 99/)
  })

  it('exits 2 on an invalid gate policy, naming the key', () => {
    const dir = tempTree({'.mtlintrc.json': JSON.stringify({gate: {maxFindings: {quotes: 0}}}), 'a.txt': cleanText})
    const result = mtlint(['gate', join(dir, 'a.txt')])
    expect(result.code).toBe(2)
    expect(result.stderr).toMatch(/gate\.maxFindings/)
  })
})

describe('--format sarif', () => {
  it('validates against the official SARIF 2.1.0 schema', () => {
    // The OASIS schema as published (oasis-tcs/sarif-spec, sarif-2.1/schema/), vendored unchanged.
    const schema = JSON.parse(readFileSync(join(projectRoot, 'test', 'fixtures', 'sarif-schema-2.1.0.json'), 'utf8')) as object
    const validate = new Ajv4({strict: false, validateFormats: false}).compile(schema)
    const sarif = JSON.parse(mtlint(['lint', '--format', 'sarif', seedPath]).stdout) as {runs: Array<{results: Array<{ruleId: string; locations: Array<{physicalLocation: {region: {charOffset: number; snippet: {text: string}}}}>}>}>}
    expect(validate(sarif), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true)
    const seed = readFileSync(seedPath, 'utf8')
    const results = sarif.runs[0]!.results
    expect(results.some((result) => result.ruleId === 'repeated-word')).toBe(true)
    for (const result of results) {
      const region = result.locations[0]!.physicalLocation.region
      expect(seed.slice(region.charOffset, region.charOffset + region.snippet.text.length)).toBe(region.snippet.text)
    }
  })
})

describe('--format sarif artifact uris', () => {
  const uris = (args: string[], cwd: string) =>
    (JSON.parse(mtlint(['lint', '--format', 'sarif', ...args], {cwd}).stdout) as {runs: Array<{artifacts: Array<{location: {uri: string}}>}>}).runs[0]!.artifacts.map((artifact) => artifact.location.uri)

  it('percent-encodes each path segment per RFC 3986 (space, #, ?, %, [, non-ASCII, a colon that looks like a scheme)', () => {
    const names = ['notes #1 [draft]?.txt', 'dir x/ü 100%.md', 'a:b.txt']
    const dir = tempTree(Object.fromEntries(names.map((name) => [name, 'They met on Friday. Friday.\n'])))
    const found = uris(names, dir)
    expect(found).toEqual(['notes%20%231%20%5Bdraft%5D%3F.txt', 'dir%20x/%C3%BC%20100%25.md', 'a%3Ab.txt'])
    // Resolved against the folder, as a viewer resolves them against the repository, each names its file.
    const base = pathToFileURL(dir + '/')
    expect(found.map((uri) => fileURLToPath(new URL(uri, base)))).toEqual(names.map((name) => join(dir, name)))
  })

  it('gives a file outside the current folder a file:// URI that names it', () => {
    const dir = tempTree({'in #here.txt': 'They met on Friday. Friday.\n'})
    const [uri] = uris([join(dir, 'in #here.txt')], projectRoot)
    expect(uri).toMatch(/^file:\/\/.*in%20%23here\.txt$/)
    expect(fileURLToPath(uri!)).toBe(join(dir, 'in #here.txt'))
  })
})

describe('--format github', () => {
  it('prints one workflow command per finding with escaped properties', () => {
    const dir = tempTree({'a,b.txt': 'They met on Friday. Friday.\n'})
    const lines = mtlint(['lint', '--format', 'github', 'a,b.txt'], {cwd: dir}).stdout.trim().split('\n')
    expect(lines[0]).toBe(
      '::error file=a%2Cb.txt,line=1,col=13,endLine=1,endColumn=28,title=mtlint repeated-word (major)::Unexpected echo of `Friday` after `.`, expected the word once'
    )
    expect(lines.at(-1)).toMatch(/^::error file=a%2Cb\.txt,title=mtlint score::score \d/)
  })
})
