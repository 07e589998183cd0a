/**
 * The VS Code extension packs clean: `vsce package` in editors/vscode
 * bundles the client with esbuild (vscode:prepublish) and writes a .vsix
 * that holds the bundle, the manifest, README and LICENSE only, without a
 * warning. The .vsix is kept in test-output/ (gitignored) as CI's artifact.
 * Needs the extension's own dependencies (`npm ci --prefix editors/vscode`,
 * which .ci/run does); without them it skips with one line, except under
 * CI=true, where it fails.
 */
import {spawnSync} from 'node:child_process'
import {existsSync, mkdirSync, readFileSync} from 'node:fs'
import {isBuiltin} from 'node:module'
import {join} from 'node:path'
import {Ajv} from 'ajv'
import {describe, expect, it} from 'vitest'
import {vscodeRulesSetting} from '../measure/lib/vscode-rules-setting.js'
import {editorConfigSchema} from '../src/engine/config-schema.js'
import {configurationPreferences, defaultSettings} from '../src/lsp/settings.js'
import {allChecks} from '../src/registry.js'
import {projectRoot} from './helpers/cli.js'
import {runsWith} from './helpers/needs.js'

const extension = join(projectRoot, 'editors', 'vscode')
const vsce = join(extension, 'node_modules', '.bin', 'vsce')
const version = (JSON.parse(readFileSync(join(extension, 'package.json'), 'utf8')) as {version: string}).version
const runs = runsWith('test/vscode-extension.test.ts', existsSync(vsce), 'editors/vscode has no dependencies installed (npm ci --prefix editors/vscode)')

describe.skipIf(!runs)('vsce package', () => {
  it('writes a .vsix of the bundle, manifest, README and LICENSE, with no warning', () => {
    expect(existsSync(vsce), 'editors/vscode has no dependencies installed (npm ci --prefix editors/vscode)').toBe(true)
    const out = join(projectRoot, 'test-output', `mtlint-vscode-${version}.vsix`)
    mkdirSync(join(projectRoot, 'test-output'), {recursive: true})
    const run = spawnSync(vsce, ['package', '--out', out], {cwd: extension, encoding: 'utf8', timeout: 120_000, env: {...process.env, NO_COLOR: '1'}})
    expect(run.status, run.stdout + run.stderr).toBe(0)
    expect((run.stdout + run.stderr).split('\n').filter((line) => /warn/i.test(line))).toEqual([])
    expect(existsSync(out)).toBe(true)

    const listed = spawnSync(vsce, ['ls'], {cwd: extension, encoding: 'utf8', timeout: 60_000})
    expect(listed.stdout.trim().split('\n').sort()).toEqual(['LICENSE', 'README.md', 'dist/extension.js', 'package.json'])
    // Bundled: the language client is inside, only `vscode` (the host's API) is left to require.
    const bundle = readFileSync(join(extension, 'dist', 'extension.js'), 'utf8')
    const required = new Set([...bundle.matchAll(/require\("([^"./][^"]*)"\)/g)].map((match) => match[1]!))
    expect([...required].filter((name) => !isBuiltin(name))).toEqual(['vscode'])
  }, 180_000)
})


describe('the extension settings', () => {
  const manifest = JSON.parse(readFileSync(join(extension, 'package.json'), 'utf8')) as {contributes: {configuration: {properties: Record<string, {default?: unknown; enum?: unknown[]}>}}}
  const declared = manifest.contributes.configuration.properties
  const serverKeys = [...Object.keys(defaultSettings), 'rules']

  it('declares every setting the server reads, with the server\'s defaults, and sends each of them', () => {
    for (const key of Object.keys(defaultSettings) as Array<keyof typeof defaultSettings>) expect(declared[`mtlint.${key}`]?.default, key).toEqual(defaultSettings[key])
    expect(declared['mtlint.rules']?.default).toEqual({})
    expect(declared['mtlint.configurationPreference']?.enum).toEqual([...configurationPreferences])
    expect(Object.keys(declared).sort()).toEqual(['mtlint.path', ...serverKeys.map((key) => `mtlint.${key}`)].sort())
    const source = readFileSync(join(extension, 'src', 'extension.js'), 'utf8')
    const sent = /const serverSettings = (\[[^\]]*\])/.exec(source)?.[1]
    expect(sent && (JSON.parse(sent.replaceAll("'", '"')) as string[]).sort()).toEqual(serverKeys.sort())
    // Changes of the section reach the server, not only the values at start.
    expect(source).toContain("configurationSection: 'mtlint'")
  })

  it('declares mtlint.rules from the rule registry (npm run docs): every id completes, and its options are checked without $ref', () => {
    const setting = declared['mtlint.rules'] as unknown as {properties: Record<string, {description: string}>}
    expect(setting).toEqual(vscodeRulesSetting(editorConfigSchema(allChecks)))
    expect(Object.keys(setting.properties).sort()).toEqual(allChecks.map((rule) => rule.meta.id).sort())
    expect(JSON.stringify(setting)).not.toContain('$ref')
    const validate = new Ajv({strict: false}).compile(setting)
    expect(validate({calque: 'off', 'name-variant': ['minor', {kinds: ['edit']}]})).toBe(true)
    expect(validate({'name-variant': ['minor', {kinds: ['nickname']}]})).toBe(false)
    expect(validate({calque: 'loud'})).toBe(false)
    // An id of an mtlint newer than the extension still takes the generic shape; the server warns about it.
    expect(validate({'a-later-rule': ['major', {}]})).toBe(true)
  })
})
