/**
 * `-o FILE` never replaces what the run reads: an input under any of its
 * names (a hard link has no other real path), for lint, gate and compare.
 * Each case: exit code, one line on stderr, the input byte-identical.
 */
import {linkSync, mkdirSync, readFileSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {listing, oneLine, run, sharedTempDir} from './helpers/hardening.js'

const article = 'They met on Friday. Friday.\n'

describe('-o FILE that is an input by another name', () => {
  it('a hard link to the linted file is refused, the file kept', () => {
    const dir = sharedTempDir()
    writeFileSync(join(dir, 'a.txt'), article)
    linkSync(join(dir, 'a.txt'), join(dir, 'report.json'))
    for (const command of ['lint', 'gate']) {
      const result = run([command, '--format', 'json', '-o', 'report.json', 'a.txt'], {cwd: dir})
      expect(result.code).toBe(2)
      expect(oneLine(result.stderr)).toBe('mtlint: --output-file: got `report.json`, an input; expected a file that is not linted')
      expect(readFileSync(join(dir, 'a.txt'), 'utf8')).toBe(article)
    }

    expect(listing(dir)).toEqual(['a.txt', 'report.json'])
  })

  it('a hard link to the source of `compare --source --target` is refused, the source kept', () => {
    const dir = sharedTempDir()
    writeFileSync(join(dir, 'zh.txt'), '他们周五见面。\n')
    writeFileSync(join(dir, 'en.txt'), 'They met on Friday.\n')
    linkSync(join(dir, 'zh.txt'), join(dir, 'out.json'))
    const result = run(['compare', '--format', 'json', '-o', 'out.json', '--source', 'zh.txt', '--target', 'en.txt'], {cwd: dir})
    expect(result.code).toBe(2)
    expect(oneLine(result.stderr)).toBe('mtlint: --output-file: got `out.json`, an input; expected a file that is not linted')
    expect(readFileSync(join(dir, 'zh.txt'), 'utf8')).toBe('他们周五见面。\n')
  })
})

describe('-o FILE that the run reads as configuration', () => {
  it('--config FILE, the .mtlintrc.json found above an input, and the FILE of --print-config are refused, each kept', () => {
    const dir = sharedTempDir()
    const config = '{"rules": {"quote-style-mixed": "off"}}\n'
    writeFileSync(join(dir, 'a.txt'), article)
    writeFileSync(join(dir, 'c.json'), config)
    writeFileSync(join(dir, '.mtlintrc.json'), config)
    const cases: Array<[string[], string]> = [
      [['lint', '--format', 'json', '--config', 'c.json', '-o', 'c.json', 'a.txt'], 'mtlint: --output-file: got `c.json`, a configuration file of this run; expected a file that is not read'],
      [['lint', '--format', 'json', '-o', '.mtlintrc.json', 'a.txt'], 'mtlint: --output-file: got `.mtlintrc.json`, a configuration file of this run; expected a file that is not read'],
      [['lint', '--print-config', 'a.txt', '-o', 'a.txt'], 'mtlint: --output-file: got `a.txt`, an input; expected a file that is not linted'],
      [['lint', '--print-config', 'a.txt', '-o', '.mtlintrc.json'], 'mtlint: --output-file: got `.mtlintrc.json`, a configuration file of this run; expected a file that is not read']
    ]
    for (const [args, line] of cases) {
      const result = run(args, {cwd: dir})
      expect(result.code, args.join(' ')).toBe(2)
      expect(oneLine(result.stderr)).toBe(line)
    }

    expect(readFileSync(join(dir, 'a.txt'), 'utf8')).toBe(article)
    expect(readFileSync(join(dir, 'c.json'), 'utf8')).toBe(config)
    expect(readFileSync(join(dir, '.mtlintrc.json'), 'utf8')).toBe(config)
    expect(listing(dir)).toEqual(['.mtlintrc.json', 'a.txt', 'c.json'])
  })
})

describe('-o FILE that the run reads as its ignore file', () => {
  it('.mtlintignore in the working directory, beside the .mtlintrc.json found, and beside --config FILE are refused, each kept', () => {
    const dir = sharedTempDir()
    mkdirSync(join(dir, 'project', 'docs'), {recursive: true})
    mkdirSync(join(dir, 'conf'))
    writeFileSync(join(dir, 'a.txt'), article)
    writeFileSync(join(dir, '.mtlintignore'), 'b.txt\n')
    writeFileSync(join(dir, 'project', '.mtlintrc.json'), '{}\n')
    writeFileSync(join(dir, 'project', '.mtlintignore'), 'c.txt\n')
    writeFileSync(join(dir, 'project', 'docs', 'a.txt'), article)
    writeFileSync(join(dir, 'conf', 'c.json'), '{}\n')
    const cases: Array<[string[], string]> = [
      [['lint', '--format', 'json', '-o', '.mtlintignore', 'a.txt'], 'mtlint: --output-file: got `.mtlintignore`, the .mtlintignore of this run; expected a file that is not read'],
      [['lint', '--format', 'json', '-o', 'project/.mtlintignore', 'project/docs'], 'mtlint: --output-file: got `project/.mtlintignore`, the .mtlintignore of this run; expected a file that is not read'],
      [['lint', '--format', 'json', '--config', 'conf/c.json', '-o', 'conf/.mtlintignore', 'a.txt'], 'mtlint: --output-file: got `conf/.mtlintignore`, the .mtlintignore of this run; expected a file that is not read']
    ]
    for (const [args, line] of cases) {
      const result = run(args, {cwd: dir})
      expect(result.code, args.join(' ')).toBe(2)
      expect(oneLine(result.stderr)).toBe(line)
    }

    expect(readFileSync(join(dir, '.mtlintignore'), 'utf8')).toBe('b.txt\n')
    expect(readFileSync(join(dir, 'project', '.mtlintignore'), 'utf8')).toBe('c.txt\n')
    expect(listing(join(dir, 'conf'))).toEqual(['c.json'])
    // Another file of those folders is still a fine -o.
    expect(run(['lint', '--format', 'json', '-o', 'project/report.json', 'project/docs'], {cwd: dir}).stderr).toBe('')
    expect(readFileSync(join(dir, 'project', 'report.json'), 'utf8')).toContain('"files"')
  })
})

describe('-o FILE that names the text read from stdin', () => {
  it('--stdin-filename a.txt - -o a.txt is refused, a.txt kept', () => {
    const dir = sharedTempDir()
    writeFileSync(join(dir, 'a.txt'), article)
    const result = run(['lint', '--format', 'json', '--stdin-filename', 'a.txt', '-o', 'a.txt', '-'], {cwd: dir, input: article})
    expect(result.code).toBe(2)
    expect(oneLine(result.stderr)).toBe('mtlint: --output-file: got `a.txt`, an input; expected a file that is not linted')
    expect(readFileSync(join(dir, 'a.txt'), 'utf8')).toBe(article)
  })
})

describe('-o FILE that cannot be opened', () => {
  it('a missing folder or a folder is the one-line usage error of `rules -o`, for lint, gate, compare and --ndjson, nothing written', () => {
    const dir = sharedTempDir()
    writeFileSync(join(dir, 'a.txt'), article)
    writeFileSync(join(dir, 'zh.txt'), '他们周五见面。\n')
    writeFileSync(join(dir, 'en.txt'), 'They met on Friday.\n')
    mkdirSync(join(dir, 'folder'))
    const commands = [
      ['rules', '--format', 'json'],
      ['lint', '--format', 'json', 'a.txt'],
      ['lint', '--format', 'pretty', 'a.txt'],
      ['gate', 'a.txt'],
      ['compare', '--format', 'json', '--source', 'zh.txt', '--target', 'en.txt'],
      ['lint', '--ndjson']
    ]
    for (const command of commands) {
      for (const [target, code] of [['nodir/out.json', 'ENOENT'], ['folder/', 'EISDIR'], ['folder', 'EISDIR']] as const) {
        const result = run([...command, '-o', target], {cwd: dir, input: '{"text":"a a"}\n'})
        expect(result.code, `${command.join(' ')} -o ${target}`).toBe(2)
        expect(oneLine(result.stderr), `${command.join(' ')} -o ${target}`).toBe(`mtlint: --output-file: cannot write \`${target}\` (${code})`)
        expect(result.stdout).toBe('')
      }
    }

    expect(listing(dir)).toEqual(['a.txt', 'en.txt', 'folder', 'zh.txt'])
    expect(listing(join(dir, 'folder'))).toEqual([])
    expect(readFileSync(join(dir, 'a.txt'), 'utf8')).toBe(article)
  })
})
