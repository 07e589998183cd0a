/**
 * Hostile XML given to `mtlint compare`: a DOCTYPE's entities are never
 * expanded (saxes reads no declaration), so an entity bomb costs nothing and
 * an external entity reads no file. Each is one line naming the file and
 * why, and exit code 2; a DOCTYPE whose entities the units do not use is
 * harmless and the file is checked.
 */
import {readFileSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {oneLine, run, sharedTempDir} from './helpers/hardening.js'

const unit = (target: string) =>
  `<xliff version="1.2"><file source-language="fr" target-language="en"><body><trans-unit id="1"><source>Les pourparlers ont repris.</source><target>${target}</target></trans-unit></body></file></xliff>\n`
const laughs = Array.from({length: 10}, (_, level) => `<!ENTITY l${level + 1} "${`&l${level};`.repeat(10)}">`).join('')
const expectedWhy = '(entities declared in a DOCTYPE are never expanded; expected the five XML entities or character references)'

describe('hostile XML through mtlint compare', () => {
  const dir = sharedTempDir()
  const secret = 'TOP-SECRET-LINE-7f3a'
  writeFileSync(join(dir, 'secret.txt'), `${secret}\n`)
  const files: Record<string, string> = {
    'laughs.xlf': `<?xml version="1.0"?>\n<!DOCTYPE xliff [<!ENTITY l0 "ha">${laughs}]>\n${unit('The talks &l10; resumed.')}`,
    'external.xlf': `<?xml version="1.0"?>\n<!DOCTYPE xliff [<!ENTITY leak SYSTEM "file://${join(dir, 'secret.txt')}">]>\n${unit('The talks &leak; resumed.')}`,
    'parameter.tmx': `<?xml version="1.0"?>\n<!DOCTYPE tmx [<!ENTITY % p SYSTEM "file://${join(dir, 'secret.txt')}"> %p; <!ENTITY x "&#37;p;">]>\n<tmx version="1.4"><header srclang="fr"/><body><tu><tuv xml:lang="fr"><seg>Oui</seg></tuv><tuv xml:lang="en"><seg>Yes &x;</seg></tuv></tu></body></tmx>\n`
  }
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text)

  it.each(Object.keys(files))('%s: one line, exit 2, nothing expanded or read, the file unchanged', (name) => {
    const result = run(['compare', '--format', 'json', name], {cwd: dir})
    expect(result.code).toBe(2)
    expect(oneLine(result.stderr)).toMatch(new RegExp(`^mtlint: ${name.replace('.', '\\.')}: invalid XML: \\d+:\\d+: undefined entity ${expectedWhy.replace(/[()]/g, '\\$&')}$`))
    expect(result.stdout + result.stderr).not.toContain(secret)
    expect(result.stdout).not.toContain('haha')
    expect(readFileSync(join(dir, name), 'utf8')).toBe(files[name])
  })

  it('checks a file whose DOCTYPE declares entities its units do not use', () => {
    writeFileSync(join(dir, 'unused.xlf'), `<?xml version="1.0"?>\n<!DOCTYPE xliff [${laughs}]>\n${unit('The talks resumed.')}`)
    const result = run(['compare', '--format', 'json', 'unused.xlf'], {cwd: dir})
    expect(result.stderr).toBe('')
    expect(result.code).toBe(0)
    expect((JSON.parse(result.stdout) as {files: Array<{path: string}>}).files.map((file) => file.path)).toEqual(['unused.xlf'])
  })
})
