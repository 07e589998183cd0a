/**
 * The CI examples do what their comments say, run as a user runs them: each
 * `run:` step of docs/examples/github-workflow.yml under `bash -e` (the shell
 * Actions uses) with mtlint installed in the project's node_modules, and
 * docs/examples/pre-commit as the hook of a real git repository, on file
 * names with spaces, `#` and a line break.
 */
import {spawnSync, type SpawnSyncReturns} from 'node:child_process'
import {chmodSync, copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, symlinkSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {mtlint, projectRoot, tempTree} from './helpers/cli.js'

const dirty = 'They met on Friday. Friday. The talks went on.\n'
const clean = 'The council approved the budget on Tuesday after a long debate.\n'

/** A project folder with mtlint installed as npm would link it: node_modules/mtlint and node_modules/.bin/mtlint. */
function project(files: Record<string, string>): string {
  const dir = tempTree({'package.json': '{"name": "desk", "private": true}\n', ...files})
  mkdirSync(join(dir, 'node_modules', '.bin'), {recursive: true})
  symlinkSync(projectRoot, join(dir, 'node_modules', 'mtlint'), 'dir')
  symlinkSync(join('..', 'mtlint', 'bin', 'mtlint.js'), join(dir, 'node_modules', '.bin', 'mtlint'))
  return dir
}

const sh = (command: string, cwd: string, shell = 'bash') =>
  spawnSync(shell, shell === 'bash' ? ['-e', '-c', command] : ['-c', command], {cwd, encoding: 'utf8', timeout: 120_000, env: {...process.env, NO_COLOR: '1'}})

describe('docs/examples/github-workflow.yml', () => {
  const workflow = readFileSync(join(projectRoot, 'docs', 'examples', 'github-workflow.yml'), 'utf8')
  const steps = [...workflow.matchAll(/^\s*(?:- )?run: (.+)$/gm)].map((match) => match[1]!)
  const commands = steps.filter((command) => !command.startsWith('npm install'))

  it('has an install step and three mtlint steps', () => {
    expect(steps.length - commands.length).toBe(1)
    expect(commands).toHaveLength(3)
  })

  it('annotates and uploads SARIF even when the policy fails on score and category caps, and the gate step fails', () => {
    // The policy fails the dirty article on a category cap alone: no finding reaches failOn.
    const dir = project({
      '.mtlintrc.json': JSON.stringify({gate: {failOn: 'critical', maxFindings: {duplication: 0}}}),
      'articles/spun #2 draft.md': dirty,
      'articles/clean one.md': clean
    })
    const [annotate, gate, sarif] = commands.map((command) => sh(command, dir))
    expect(annotate!.status, annotate!.stderr).toBe(0)
    expect(annotate!.stdout).toMatch(/^::error file=articles\/spun #2 draft\.md,line=1,.*repeated-word/m)
    expect(gate!.status, gate!.stdout + gate!.stderr).toBe(1)
    expect(gate!.stdout).toMatch(/FAIL\s+articles\/spun #2 draft\.md/)
    expect(gate!.stdout).toMatch(/PASS\s+articles\/clean one\.md/)
    expect(sarif!.status, sarif!.stderr).toBe(0)
    const log = JSON.parse(readFileSync(join(dir, 'mtlint.sarif'), 'utf8')) as {runs: Array<{results: Array<{ruleId: string}>; artifacts: Array<{location: {uri: string}}>}>}
    expect(log.runs[0]!.results.map((result) => result.ruleId)).toContain('repeated-word')
    expect(log.runs[0]!.artifacts.map((artifact) => artifact.location.uri).sort()).toEqual(['articles/clean%20one.md', 'articles/spun%20%232%20draft.md'])
  })

  it('passes the gate step when every article passes', () => {
    const dir = project({'articles/clean one.md': clean})
    for (const command of commands) expect(sh(command, dir).status, command).toBe(0)
  })
})

describe('docs/examples/pre-commit', () => {
  const hook = join(projectRoot, 'docs', 'examples', 'pre-commit')

  /** A git repository with the hook installed and a node_modules/.bin/mtlint that counts its runs. */
  function repository(): {dir: string; runs: () => number; git: (...args: string[]) => SpawnSyncReturns<string>} {
    const dir = tempTree({})
    const git = (...args: string[]) => spawnSync('git', args, {cwd: dir, encoding: 'utf8', timeout: 120_000, env: {...process.env, NO_COLOR: '1'}})
    git('init', '-q')
    git('config', 'user.email', 'desk@example.invalid')
    git('config', 'user.name', 'Desk')
    copyFileSync(hook, join(dir, '.git', 'hooks', 'pre-commit'))
    chmodSync(join(dir, '.git', 'hooks', 'pre-commit'), 0o755)
    const counter = join(dir, '.git', 'mtlint-runs')
    mkdirSync(join(dir, 'node_modules', '.bin'), {recursive: true})
    const bin = join(dir, 'node_modules', '.bin', 'mtlint')
    writeFileSync(bin, `#!/bin/sh\necho run >>'${counter}'\nexec '${process.execPath}' '${join(projectRoot, 'bin', 'mtlint.js')}' "$@"\n`)
    chmodSync(bin, 0o755)
    writeFileSync(join(dir, '.gitignore'), 'node_modules/\n')
    const runs = () => (existsSync(counter) ? readFileSync(counter, 'utf8').split('\n').filter(Boolean).length : 0)
    return {dir, runs, git}
  }

  it('gates the staged text of every article in one mtlint process, whatever the file names', () => {
    const {dir, runs, git} = repository()
    const names = ['my article.md', 'line\nbreak.txt', 'notes #1.txt', 'relaxed/echo.md']
    writeFileSync(join(dir, 'line\nbreak.txt'), clean)
    writeFileSync(join(dir, 'notes #1.txt'), clean)
    mkdirSync(join(dir, 'relaxed'))
    // A staged configuration applies to its folder: the echo passes there.
    writeFileSync(join(dir, 'relaxed', '.mtlintrc.json'), JSON.stringify({rules: {'repeated-word': 'off'}}))
    writeFileSync(join(dir, 'relaxed', 'echo.md'), dirty)
    writeFileSync(join(dir, 'my article.md'), dirty)
    git('add', '--', ...names, 'relaxed/.mtlintrc.json', '.gitignore')
    // The working tree is clean, the index is not: the hook must read the index.
    writeFileSync(join(dir, 'my article.md'), clean)

    const refused = git('commit', '-q', '-m', 'articles')
    // Git sends a hook's standard output to its standard error.
    const said = String(refused.stderr)
    expect(refused.status).not.toBe(0)
    expect(said).toMatch(/FAIL\s+my article\.md/)
    expect(said).toMatch(/PASS\s+relaxed\/echo\.md/)
    expect(said.match(/^(PASS|FAIL) /gm)).toHaveLength(4)
    expect(said).toMatch(/mtlint: staged copy fails the gate \(exit 1\)/)
    expect(runs()).toBe(1)
    expect(git('rev-parse', '--verify', '-q', 'HEAD').status).not.toBe(0)

    git('add', '--', 'my article.md')
    const accepted = git('commit', '-q', '-m', 'articles')
    expect(accepted.status, String(accepted.stdout) + String(accepted.stderr)).toBe(0)
    expect(runs()).toBe(2)
    expect(git('ls-files', '-z').stdout.split('\0').filter(Boolean).sort()).toEqual(['.gitignore', ...names, 'relaxed/.mtlintrc.json'].sort())
  })

  it('starts no mtlint and passes when no article is staged', () => {
    const {dir, runs, git} = repository()
    writeFileSync(join(dir, 'data.json'), '{}\n')
    git('add', 'data.json', '.gitignore')
    expect(git('commit', '-q', '-m', 'data').status).toBe(0)
    expect(runs()).toBe(0)
  })
})

describe('README report names', () => {
  it('are as the README says: corpus/seed-article.txt gives corpus__seed-article.txt.mtlint.json', () => {
    const readme = readFileSync(join(projectRoot, 'README.md'), 'utf8')
    expect(readme).toContain('`corpus/seed-article.txt` gives `corpus__seed-article.txt.mtlint.json`')
    const out = tempTree({})
    const result = mtlint(['report', 'corpus/seed-article.txt', '--out', out])
    expect(result.code, result.stderr).not.toBe(2)
    expect(readdirSync(out)).toContain('corpus__seed-article.txt.mtlint.json')
  })
})
