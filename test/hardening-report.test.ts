/**
 * `mtlint report` never overwrites a file it did not write and never writes
 * into an input's folder. Each case: exit code, one line on stderr, the
 * user's files byte-identical and nothing added beside them.
 */
import {spawnSync} from 'node:child_process'
import {chmodSync, mkdirSync, readFileSync, symlinkSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {listing, noUnprivilegedUser, oneLine, run, sharedTempDir} from './helpers/hardening.js'

const article = 'They met on Friday. Friday.\n'

/** An `art` folder with an article and the user's own summary.md and index.html. */
function desk(): string {
  const dir = sharedTempDir()
  mkdirSync(join(dir, 'art'))
  writeFileSync(join(dir, 'art', 'a.txt'), article)
  writeFileSync(join(dir, 'art', 'summary.md'), '# my notes\n')
  writeFileSync(join(dir, 'art', 'index.html'), '<p>my page</p>\n')
  return dir
}

function untouched(dir: string) {
  expect(listing(join(dir, 'art'))).toEqual(['a.txt', 'index.html', 'summary.md'])
  expect(readFileSync(join(dir, 'art', 'a.txt'), 'utf8')).toBe(article)
  expect(readFileSync(join(dir, 'art', 'summary.md'), 'utf8')).toBe('# my notes\n')
  expect(readFileSync(join(dir, 'art', 'index.html'), 'utf8')).toBe('<p>my page</p>\n')
}

describe('report --out that holds an input', () => {
  it('the input\'s own folder is refused: one line, exit 2, nothing written', () => {
    const dir = desk()
    const result = run(['report', 'art/a.txt', '--out', 'art', '--html'], {cwd: dir})
    expect(result.code).toBe(2)
    expect(oneLine(result.stderr)).toBe('mtlint: --out art: holds the input art/a.txt, expected a folder of its own for the reports, nothing written')
    expect(result.stdout).toBe('')
    untouched(dir)
  })

  it('a symbolic link to the input\'s folder is refused too', () => {
    const dir = desk()
    symlinkSync('art', join(dir, 'alias'))
    const result = run(['report', 'art/a.txt', '--out', 'alias', '--html'], {cwd: dir})
    expect(result.code).toBe(2)
    expect(oneLine(result.stderr)).toBe('mtlint: --out alias: holds the input art/a.txt, expected a folder of its own for the reports, nothing written')
    untouched(dir)
  })

  it('an input read through a linked folder still protects the real folder', () => {
    const dir = desk()
    symlinkSync('art', join(dir, 'alias'))
    const result = run(['report', 'alias/a.txt', '--out', 'art'], {cwd: dir})
    expect(result.code).toBe(2)
    expect(oneLine(result.stderr)).toBe('mtlint: --out art: holds the input alias/a.txt, expected a folder of its own for the reports, nothing written')
    untouched(dir)
  })

  it('`report a.txt --out a.txt`: one line, exit 2, no stack trace', () => {
    const dir = sharedTempDir()
    writeFileSync(join(dir, 'a.txt'), article)
    const result = run(['report', 'a.txt', '--out', 'a.txt'], {cwd: dir})
    expect(result.code).toBe(2)
    expect(oneLine(result.stderr)).toBe('mtlint: --out a.txt: is an input of this run, expected a folder for the reports, nothing written')
    expect(listing(dir)).toEqual(['a.txt'])
    expect(readFileSync(join(dir, 'a.txt'), 'utf8')).toBe(article)
  })

  it('an --out that is some other file: one line, exit 2', () => {
    const dir = sharedTempDir()
    writeFileSync(join(dir, 'a.txt'), article)
    writeFileSync(join(dir, 'notes'), 'mine\n')
    const result = run(['report', 'a.txt', '--out', 'notes'], {cwd: dir})
    expect(result.code).toBe(2)
    expect(oneLine(result.stderr)).toBe('mtlint: --out notes: not a folder, expected a folder for the reports, nothing written')
    expect(readFileSync(join(dir, 'notes'), 'utf8')).toBe('mine\n')
  })
})

describe('report never overwrites a file it did not write', () => {
  it('keeps the user\'s summary.md in the out folder, and replaces its own outputs on the next run', () => {
    const dir = desk()
    mkdirSync(join(dir, 'out'))
    writeFileSync(join(dir, 'out', 'summary.md'), '# mine\n')
    const first = run(['report', 'art/a.txt', '--out', 'out', '--html'], {cwd: dir})
    expect(first.code).toBe(2)
    expect(oneLine(first.stderr)).toBe('mtlint: out/summary.md: not written by mtlint, not overwritten (remove it or choose another --out)')
    expect(readFileSync(join(dir, 'out', 'summary.md'), 'utf8')).toBe('# mine\n')

    const fresh = join(dir, 'fresh')
    const second = run(['report', 'art/a.txt', '--out', 'fresh', '--html'], {cwd: dir})
    expect(second.stderr).toBe('')
    expect(second.code).toBe(1)
    const names = ['.mtlint-report.json', 'art__a.txt.html', 'art__a.txt.mtlint.json', 'index.html', 'summary.md']
    expect(listing(fresh)).toEqual(names)
    const again = run(['report', 'art/a.txt', '--out', 'fresh', '--html'], {cwd: dir})
    expect(again.stderr).toBe('')
    expect(again.code).toBe(1)
    expect(listing(fresh)).toEqual(names)
    untouched(dir)
  })

  it('an output the user edited since is kept', () => {
    const dir = desk()
    expect(run(['report', 'art/a.txt', '--out', 'out'], {cwd: dir}).code).toBe(1)
    writeFileSync(join(dir, 'out', 'summary.md'), '# edited by hand\n')
    const result = run(['report', 'art/a.txt', '--out', 'out'], {cwd: dir})
    expect(result.code).toBe(2)
    expect(oneLine(result.stderr)).toBe('mtlint: out/summary.md: changed since mtlint wrote it, not overwritten (remove it or choose another --out)')
    expect(readFileSync(join(dir, 'out', 'summary.md'), 'utf8')).toBe('# edited by hand\n')
  })

  it('a symbolic link planted under an output\'s name is neither followed nor replaced', () => {
    const dir = desk()
    mkdirSync(join(dir, 'out'))
    symlinkSync('../art/summary.md', join(dir, 'out', 'summary.md'))
    const result = run(['report', 'art/a.txt', '--out', 'out'], {cwd: dir})
    expect(result.code).toBe(2)
    expect(oneLine(result.stderr)).toBe('mtlint: out/summary.md: not written by mtlint, not overwritten (remove it or choose another --out)')
    untouched(dir)
  })

  it('a manifest that is not mtlint\'s: one line, nothing written', () => {
    const dir = desk()
    mkdirSync(join(dir, 'out'))
    writeFileSync(join(dir, 'out', '.mtlint-report.json'), '{"files": {"summary.md": 1}}\n')
    const result = run(['report', 'art/a.txt', '--out', 'out'], {cwd: dir})
    expect(result.code).toBe(2)
    expect(oneLine(result.stderr)).toBe('mtlint: out/.mtlint-report.json: not an mtlint manifest, nothing written (remove it or choose another --out)')
    expect(listing(join(dir, 'out'))).toEqual(['.mtlint-report.json'])
  })

  it.skipIf(noUnprivilegedUser)(`an --out that cannot be created: one line, exit 2${noUnprivilegedUser ? ` (skipped: ${noUnprivilegedUser})` : ''}`, () => {
    const dir = desk()
    mkdirSync(join(dir, 'locked'))
    chmodSync(join(dir, 'locked'), 0o555)
    const result = run(['report', 'art/a.txt', '--out', 'locked/out'], {cwd: dir, unprivileged: true})
    expect(result.code).toBe(2)
    expect(oneLine(result.stderr)).toBe('mtlint: --out locked/out: cannot create the folder (permission denied), nothing written')
    expect(listing(join(dir, 'locked'))).toEqual([])
  })
})

describe('a FIFO under the manifest\'s name', () => {
  it('in the --out folder: one line, exit 2, no hang, nothing written', () => {
    const dir = desk()
    mkdirSync(join(dir, 'out'))
    expect(spawnSync('mkfifo', [join(dir, 'out', '.mtlint-report.json')]).status).toBe(0)
    const result = run(['report', 'art/a.txt', '--out', 'out'], {cwd: dir, timeout: 20_000})
    expect(result.code).toBe(2)
    expect(oneLine(result.stderr)).toBe('mtlint: out/.mtlint-report.json: not an mtlint manifest, nothing written (remove it or choose another --out)')
    expect(listing(join(dir, 'out'))).toEqual(['.mtlint-report.json'])
    untouched(dir)
  })

  it('in a folder being linted: the folder is searched and linted, no hang', () => {
    const dir = desk()
    expect(spawnSync('mkfifo', [join(dir, 'art', '.mtlint-report.json')]).status).toBe(0)
    const result = run(['lint', '--format', 'json', 'art'], {cwd: dir, timeout: 20_000})
    expect(result.stderr).toBe('')
    expect((JSON.parse(result.stdout) as {files: Array<{path: string}>}).files.map((file) => file.path)).toEqual(['art/a.txt', 'art/summary.md'])
  })
})

describe('an input whose flattened path is too long for a file name', () => {
  it('gets its reports under a shortened name (they were refused with ENAMETOOLONG)', () => {
    const dir = sharedTempDir()
    const deep = join('a'.repeat(100), 'b'.repeat(100))
    mkdirSync(join(dir, deep), {recursive: true})
    writeFileSync(join(dir, deep, 'c'.repeat(100) + '.txt'), article)
    writeFileSync(join(dir, deep, 'd'.repeat(100) + '.txt'), article)
    const result = run(['report', deep, '--out', 'out', '--html'], {cwd: dir})
    expect(result.stderr).toBe('')
    expect(result.code).toBe(1)
    const names = listing(join(dir, 'out'))
    expect(names).toHaveLength(7)
    for (const name of names) expect(Buffer.byteLength(name)).toBeLessThanOrEqual(255)
    expect(names.filter((name) => name.endsWith('.mtlint.json')).map((name) => name.slice(-24)).sort()).toEqual(['c'.repeat(8) + '.txt.mtlint.json', 'd'.repeat(8) + '.txt.mtlint.json'])
  })
})

describe('summary.md with a file name that holds a line break or a |', () => {
  it('keeps each file on one table row and its heading on one line', () => {
    const dir = sharedTempDir()
    mkdirSync(join(dir, 'in'))
    for (const name of ['x\ny.txt', 'p|q.txt']) writeFileSync(join(dir, 'in', name), article)
    const result = run(['report', 'in', '--out', 'out'], {cwd: dir})
    expect(result.stderr).toBe('')
    const lines = readFileSync(join(dir, 'out', 'summary.md'), 'utf8').split('\n')
    const rows = lines.filter((line) => line.startsWith('| in/'))
    expect(rows).toHaveLength(2)
    expect(rows[0]).toMatch(/^\| in\/p\\\|q\.txt \| 5 \| /)
    expect(rows[1]).toMatch(/^\| in\/x\\ny\.txt \| 5 \| /)
    expect(lines).toContain('## in/x\\ny.txt')
  })
})
