/**
 * Only regular files and stdin are read, within --max-bytes while reading;
 * every file is linted once however many names reach it; folders that give
 * nothing say so. Each case: exit code, one line on stderr, nothing written.
 */
import {spawn, spawnSync} from 'node:child_process'
import {chmodSync, closeSync, mkdirSync, openSync, symlinkSync, writeFileSync} from 'node:fs'
import {createServer} from 'node:net'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {projectRoot} from './helpers/cli.js'
import {listing, noUnprivilegedUser, oneLine, run, sharedTempDir} from './helpers/hardening.js'

const clean = 'The council approved the budget on Tuesday.\n'
const paths = (stdout: string) => (JSON.parse(stdout) as {files: Array<{path: string}>}).files.map((file) => file.path)

function fifo(dir: string, name: string): string {
  const path = join(dir, name)
  expect(spawnSync('mkfifo', [path]).status).toBe(0)
  return path
}

describe('only regular files and stdin are read', () => {
  it('a FIFO with no writer: one line, exit 2, no hang', () => {
    const dir = sharedTempDir()
    fifo(dir, 'f.txt')
    const result = run(['lint', '--format', 'json', 'f.txt'], {cwd: dir, timeout: 20_000})
    expect(result.code).toBe(2)
    expect(oneLine(result.stderr)).toBe('mtlint: f.txt: not a regular file (FIFO), expected a file or - for stdin')
    expect(listing(dir)).toEqual(['f.txt'])
  })

  it('a FIFO with an endless writer (yes) is refused, not read', async () => {
    const dir = sharedTempDir()
    const path = fifo(dir, 'f.txt')
    const writer = spawn('sh', ['-c', `yes 'the the' > '${path}'`], {stdio: 'ignore'})
    try {
      const result = run(['lint', '--format', 'json', 'f.txt'], {cwd: dir, timeout: 20_000})
      expect(result.code).toBe(2)
      expect(oneLine(result.stderr)).toBe('mtlint: f.txt: not a regular file (FIFO), expected a file or - for stdin')
    } finally {
      writer.kill('SIGKILL')
      // Unblock a writer still waiting in open().
      closeSync(openSync(path, 'r+'))
    }
  })

  it('/dev/zero, for lint and for compare: one line, exit 2', () => {
    const dir = sharedTempDir()
    writeFileSync(join(dir, 't.txt'), clean)
    const lint = run(['lint', '--format', 'json', '/dev/zero'], {cwd: dir})
    expect(lint.code).toBe(2)
    expect(oneLine(lint.stderr)).toBe('mtlint: /dev/zero: not a regular file (character device), expected a file or - for stdin')
    const compare = run(['compare', '--format', 'json', '--source', '/dev/zero', '--target', 't.txt'], {cwd: dir})
    expect(compare.code).toBe(2)
    expect(oneLine(compare.stderr)).toBe('mtlint: /dev/zero: not a regular file (character device), expected a file or - for stdin')
    const segments = run(['compare', '--format', 'json', '/dev/zero'], {cwd: dir})
    expect(segments.code).toBe(2)
    expect(oneLine(segments.stderr)).toBe('mtlint: /dev/zero: not a regular file (character device), expected a file or - for stdin')
  })

  it('a FIFO given to compare: one line, exit 2, no hang', () => {
    const dir = sharedTempDir()
    fifo(dir, 'pairs.tsv')
    const result = run(['compare', '--format', 'json', 'pairs.tsv'], {cwd: dir, timeout: 20_000})
    expect(result.code).toBe(2)
    expect(oneLine(result.stderr)).toBe('mtlint: pairs.tsv: not a regular file (FIFO), expected a file or - for stdin')
  })

  it('a Unix socket: one line, exit 2', async () => {
    const dir = sharedTempDir()
    const server = createServer()
    await new Promise<void>((resolve) => server.listen(join(dir, 's.txt'), resolve))
    try {
      const result = run(['lint', '--format', 'json', 's.txt'], {cwd: dir})
      expect(result.code).toBe(2)
      expect(oneLine(result.stderr)).toBe('mtlint: s.txt: not a regular file (socket), expected a file or - for stdin')
    } finally {
      server.close()
    }
  })

  it('stdin from /dev/zero stops at --max-bytes: one line, exit 2', () => {
    const dir = sharedTempDir()
    const zero = openSync('/dev/zero', 'r')
    try {
      const result = run(['lint', '--format', 'json', '--max-bytes', '100000', '-'], {cwd: dir, stdio: [zero, 'pipe', 'pipe'], timeout: 20_000})
      expect(result.code).toBe(2)
      expect(oneLine(result.stderr)).toBe('mtlint: <stdin>: input is over the 100000 bytes limit (--max-bytes)')
    } finally {
      closeSync(zero)
    }
  })

  it('a file over --max-bytes is refused before it is read whole, for compare too', () => {
    const dir = sharedTempDir()
    writeFileSync(join(dir, 'big.txt'), clean.repeat(100))
    writeFileSync(join(dir, 't.txt'), clean)
    const lint = run(['lint', '--format', 'json', '--max-bytes', '1000', 'big.txt'], {cwd: dir})
    expect(lint.code).toBe(2)
    expect(oneLine(lint.stderr)).toBe(`mtlint: big.txt: input is ${clean.length * 100} bytes, over the 1000 bytes limit (--max-bytes)`)
    const compare = run(['compare', '--format', 'json', '--max-bytes', '1000', '--source', 'big.txt', '--target', 't.txt'], {cwd: dir})
    expect(compare.code).toBe(2)
    expect(oneLine(compare.stderr)).toBe(`mtlint: big.txt: input is ${clean.length * 100} bytes, over the 1000 bytes limit (--max-bytes)`)
  })

  it('stdin redirected from a folder: one line, exit 2 (not "empty input")', () => {
    const dir = sharedTempDir()
    const folder = openSync(dir, 'r')
    try {
      const result = run(['lint', '--format', 'json', '-'], {cwd: dir, stdio: [folder, 'pipe', 'pipe']})
      expect(result.code).toBe(2)
      expect(oneLine(result.stderr)).toBe('mtlint: <stdin>: is a folder, expected text on stdin')
    } finally {
      closeSync(folder)
    }
  })

  it('`lint - -` reads stdin once', () => {
    const dir = sharedTempDir()
    const result = run(['lint', '--format', 'json', '-', '-'], {cwd: dir, input: clean})
    expect(result.stderr).toBe('')
    expect(result.code).toBe(0)
    expect(paths(result.stdout)).toEqual(['<stdin>'])
  })
})

describe('each file is linted once', () => {
  it('a folder holding `ln -s . self`', () => {
    const dir = sharedTempDir()
    mkdirSync(join(dir, 'd'))
    writeFileSync(join(dir, 'd', 'a.txt'), 'They met on Friday. Friday.\n')
    symlinkSync('.', join(dir, 'd', 'self'))
    const result = run(['lint', '--fix', '--format', 'json', 'd'], {cwd: dir})
    expect(result.stderr).toBe('fixed 1 in d/a.txt\n')
    expect(result.code).toBe(0)
    expect(paths(result.stdout)).toEqual(['d/a.txt'])
  })

  it('folders linked to each other (a/to-b -> b, b/to-a -> a) end, each file once', () => {
    const dir = sharedTempDir()
    mkdirSync(join(dir, 'top', 'a'), {recursive: true})
    mkdirSync(join(dir, 'top', 'b'))
    writeFileSync(join(dir, 'top', 'a', 'x.txt'), clean)
    writeFileSync(join(dir, 'top', 'b', 'y.txt'), clean)
    symlinkSync('../b', join(dir, 'top', 'a', 'to-b'))
    symlinkSync('../a', join(dir, 'top', 'b', 'to-a'))
    const result = run(['lint', '--format', 'json', 'top'], {cwd: dir})
    expect(result.stderr).toBe('')
    expect(result.code).toBe(0)
    expect(paths(result.stdout)).toEqual(['top/a/x.txt', 'top/b/y.txt'])
  })
})

describe('folders that give nothing say so', () => {
  it('an empty folder: one line, exit 2', () => {
    const dir = sharedTempDir()
    mkdirSync(join(dir, 'empty'))
    const result = run(['lint', '--format', 'json', 'empty'], {cwd: dir})
    expect(result.code).toBe(2)
    expect(oneLine(result.stderr)).toBe('mtlint: empty: no .txt, .md or .markdown files in this folder')
  })

  it.skipIf(noUnprivilegedUser)(`an unreadable folder: one line, exit 2${noUnprivilegedUser ? ` (skipped: ${noUnprivilegedUser})` : ''}`, () => {
    const dir = sharedTempDir()
    mkdirSync(join(dir, 'closed'))
    writeFileSync(join(dir, 'closed', 'a.txt'), clean)
    chmodSync(join(dir, 'closed'), 0o000)
    const result = run(['lint', '--format', 'json', 'closed'], {cwd: dir, unprivileged: true})
    expect(result.code).toBe(2)
    expect(oneLine(result.stderr)).toBe('mtlint: closed: cannot read folder (permission denied)')
  })

  it.skipIf(noUnprivilegedUser)(`an unreadable subfolder: a one-line warning naming it, the rest linted${noUnprivilegedUser ? ` (skipped: ${noUnprivilegedUser})` : ''}`, () => {
    const dir = sharedTempDir()
    mkdirSync(join(dir, 'desk', 'closed'), {recursive: true})
    writeFileSync(join(dir, 'desk', 'a.txt'), clean)
    writeFileSync(join(dir, 'desk', 'closed', 'b.txt'), clean)
    chmodSync(join(dir, 'desk', 'closed'), 0o000)
    const result = run(['lint', '--format', 'json', 'desk'], {cwd: dir, unprivileged: true})
    expect(oneLine(result.stderr)).toBe('mtlint: warning: desk/closed: cannot read folder (permission denied), skipped')
    expect(result.code).toBe(0)
    expect(paths(result.stdout)).toEqual(['desk/a.txt'])
  })
})

describe('a working directory deleted under the shell', () => {
  it('is one line naming it, exit 2 (was: "internal error while linting (... uv_cwd); please report it")', () => {
    const dir = sharedTempDir()
    writeFileSync(join(dir, 'a.txt'), clean)
    const script = `mkdir gone && cd gone && rmdir ../gone && exec "$0" "$1" lint --format json "$2"`
    const result = spawnSync('sh', ['-c', script, process.execPath, join(projectRoot, 'bin', 'mtlint.js'), join(dir, 'a.txt')], {cwd: dir, encoding: 'utf8', timeout: 30_000})
    expect(result.status).toBe(2)
    expect(oneLine(result.stderr)).toBe('mtlint: cannot read the working directory (ENOENT: deleted while the shell was in it?), expected to run in an existing folder')
  })
})
