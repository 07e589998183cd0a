/**
 * End to end in a real editor: headless Neovim, set up with the Neovim 0.7-0.9
 * snippet of docs/editors.md as it is written (`mtlint` on PATH), opens the
 * seed article (test/fixtures/nvim/init.lua) and writes the diagnostics it
 * received, and the hover on one of them, to a JSON file; a second run edits
 * the configuration in the editor while a text is open (config-change.lua). Needs the Debian package
 * `neovim`; skipped, with the reason printed, when `nvim` is not installed,
 * except under CI=true, where a missing editor fails.
 */
import {spawnSync} from 'node:child_process'
import {chmodSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {delimiter, join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {describe, expect, it} from 'vitest'
import {runsWith} from './helpers/needs.js'

const root = fileURLToPath(new URL('..', import.meta.url))
const article = join(root, 'corpus/seed-article.txt')
const hasNvim = spawnSync('nvim', ['--version'], {stdio: 'ignore'}).status === 0
const runs = runsWith('test/nvim.test.ts', hasNvim, '`nvim` is not installed (apt-get install -y neovim)')

/**
 * A scratch folder with the documented Neovim 0.7-0.9 snippet (the first lua
 * block after its heading, verbatim) and `mtlint` on PATH, as an installed
 * package provides it; `nvim` runs a fixture of test/fixtures/nvim on a file.
 */
function setUp() {
  const scratch = mkdtempSync(join(tmpdir(), 'mtlint-nvim-'))
  const out = join(scratch, 'out.json')
  const docs = readFileSync(join(root, 'docs/editors.md'), 'utf8')
  const snippet = /Neovim 0\.7 to 0\.9[^]*?```lua\n([^]*?)```/.exec(docs)?.[1]
  expect(snippet, 'docs/editors.md has a Neovim 0.7 to 0.9 snippet').toBeDefined()
  writeFileSync(join(scratch, 'snippet.lua'), snippet!)
  writeFileSync(join(scratch, 'mtlint'), `#!/bin/sh\nexec '${process.execPath}' '${join(root, 'bin/mtlint.js')}' "$@"\n`)
  chmodSync(join(scratch, 'mtlint'), 0o755)
  const nvim = (fixture: string, file: string, {cwd, env = {}}: {cwd: string; env?: Record<string, string>}) =>
    spawnSync('nvim', ['--headless', '-n', '-i', 'NONE', '-u', join(root, 'test/fixtures/nvim', fixture), file], {
      cwd,
      env: {...process.env, PATH: scratch + delimiter + (process.env['PATH'] ?? ''), MTLINT_SNIPPET: join(scratch, 'snippet.lua'), MTLINT_OUT: out, ...env},
      encoding: 'utf8',
      timeout: 60_000
    })
  return {scratch, out, nvim}
}

interface NvimDiagnostic {
  lnum: number
  col: number
  end_lnum: number
  end_col: number
  message: string
  source: string
  code: string
}

describe.skipIf(!runs)('Neovim with mtlint lsp', () => {
  it('has nvim to run (CI=true requires it)', () => {
    expect(hasNvim, '`nvim` is not installed (apt-get install -y neovim)').toBe(true)
  })

  it('shows the seed article tier-1 findings as diagnostics, set up as docs/editors.md says for Neovim 0.7-0.9', () => {
    const {out, nvim} = setUp()
    const run = nvim('init.lua', article, {cwd: root})
    expect(run.status, run.stderr).toBe(0)
    const result = JSON.parse(readFileSync(out, 'utf8')) as {arrived: boolean; diagnostics: NvimDiagnostic[]; hover?: string; clients: number}
    expect(result.arrived).toBe(true)
    expect(result.clients).toBe(1)
    // `K` on the echo explains the rule.
    expect(result.hover).toContain('**`repeated-word`**')
    expect(result.hover).toContain('Not flagged: ')

    const lines = readFileSync(article, 'utf8').split('\n')
    /** Where Neovim puts `text` (0-based line, byte column). */
    const at = (text: string) => {
      const lnum = lines.findIndex((line) => line.includes(text))
      return {lnum, col: Buffer.byteLength(lines[lnum]!.slice(0, lines[lnum]!.indexOf(text)))}
    }

    const has = (code: string, text: string) => {
      const place = at(text)
      return result.diagnostics.some((diagnostic) => diagnostic.code === code && diagnostic.lnum === place.lnum && Math.abs(diagnostic.col - place.col) <= text.length)
    }

    expect(result.diagnostics.every((diagnostic) => diagnostic.source === 'mtlint')).toBe(true)
    // Artifact a of seed/artifacts.md, exactly where it is.
    const echo = result.diagnostics.find((diagnostic) => diagnostic.code === 'repeated-word')!
    expect({lnum: echo.lnum, col: echo.col}).toEqual(at('days. days.'))
    expect(echo.end_col - echo.col).toBe('days. days.'.length)
    // Artifacts b-f and h: quotation, possessive, spacing and consistency findings on their lines.
    const codes = new Set(result.diagnostics.map((diagnostic) => diagnostic.code))
    expect(codes).toContain('term-consistency')
    expect(has('stacked-determiner', 'the his country’s') || has('doubled-possessive', 'the his country’s')).toBe(true)
    expect(result.diagnostics.some((diagnostic) => diagnostic.lnum === at('response , fast').lnum && /spac/.test(diagnostic.code))).toBe(true)
    expect(result.diagnostics.some((diagnostic) => diagnostic.lnum === at('minor incursion “could').lnum && /quote/.test(diagnostic.code))).toBe(true)
    expect(result.diagnostics.some((diagnostic) => diagnostic.lnum === at('There is no trading space there').lnum && diagnostic.code === 'quote-unclosed')).toBe(true)
  })

  it('lints again with the new configuration when .mtlintrc.json is edited and written in Neovim 0.7, which watches no files for the server', () => {
    const {scratch, out, nvim} = setUp()
    const project = join(scratch, 'project')
    mkdirSync(project)
    const rc = join(project, '.mtlintrc.json')
    writeFileSync(rc, '{}\n')
    const text = join(project, 'talks.txt')
    writeFileSync(text, 'The ministers said the the talks would continue.\n')
    const run = nvim('config-change.lua', text, {cwd: project, env: {MTLINT_RC: rc}})
    expect(run.status, run.stderr).toBe(0)
    const result = JSON.parse(readFileSync(out, 'utf8')) as {before: string[]; after: string[]}
    expect(result.before).toEqual(['repeated-word'])
    expect(result.after).toEqual([])
  })
})
