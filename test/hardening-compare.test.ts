/**
 * `compare` never passes a file it had nothing to check: a segment file or a
 * plain pair whose every target is empty is an untranslated delivery, one
 * line and exit 2, as a file without any target unit is (README "Checking a
 * translation against its source").
 */
import {mkdirSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {oneLine, run, sharedTempDir} from './helpers/hardening.js'

describe('files whose every target is empty', () => {
  it('are refused in every segment format and as a plain pair; a file with a translation is still checked', () => {
    const dir = sharedTempDir()
    const files: Record<string, string> = {
      'a.tsv': 'Hallo\t\nJa\t  \n',
      'b.jsonl': '{"source": "Hallo Welt", "target": ""}\n',
      'c.xlf': '<xliff version="1.2"><file source-language="de"><body><trans-unit id="a"><source>Hallo</source><target></target></trans-unit><trans-unit id="b"><source>Ja</source><target/></trans-unit></body></file></xliff>',
      'd.tmx': '<tmx version="1.4"><header srclang="de"/><body><tu><tuv xml:lang="de"><seg>Hallo</seg></tuv><tuv xml:lang="en"><seg></seg></tuv></tu></body></tmx>',
      'e.tsv': 'Hallo\t\nJa\tYes\n',
      'de.txt': 'Hallo\nWelt\n',
      'en.txt': '\n\n'
    }
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text)
    const result = run(['compare', '--format', 'json', 'a.tsv', 'b.jsonl', 'c.xlf', 'd.tmx', 'e.tsv'], {cwd: dir})
    expect(result.code).toBe(2)
    expect(result.stderr.split('\n').filter(Boolean)).toEqual(
      ['a.tsv', 'b.jsonl', 'c.xlf', 'd.tmx'].map((name) => `mtlint: ${name}: no source/target pair to check (every target is empty), expected at least one translated segment`)
    )
    expect((JSON.parse(result.stdout) as {files: Array<{path: string}>}).files.map((file) => file.path)).toEqual(['e.tsv'])
    const plain = run(['compare', '--format', 'json', '--source', 'de.txt', '--target', 'en.txt'], {cwd: dir})
    expect(plain.code).toBe(2)
    expect(plain.stderr).toBe('mtlint: en.txt: no source/target pair to check (every target is empty), expected at least one translated segment\n')
  })
})

describe('--source and --target that do not exist', () => {
  it('are named, not called "one of each"', () => {
    const dir = sharedTempDir()
    mkdirSync(join(dir, 'en'))
    writeFileSync(join(dir, 'en', 'a.txt'), 'They met on Friday.\n')
    for (const [args, missing] of [
      [['--source', 'zh', '--target', 'en'], 'zh'],
      [['--source', 'en', '--target', 'fr'], 'fr']
    ] as const) {
      const result = run(['compare', '--format', 'json', ...args], {cwd: dir})
      expect(result.code).toBe(2)
      expect(oneLine(result.stderr)).toBe(`mtlint: ${missing}: no such file or folder`)
    }
  })
})
