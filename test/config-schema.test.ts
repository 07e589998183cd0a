/**
 * schemas/config.schema.json is generated from the rule registry (`npm run docs`)
 * and must match it; the precompiled validators of `npm run build` must agree
 * with ajv compiling the same schemas.
 */
import {existsSync, mkdirSync, readFileSync, readdirSync, symlinkSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {pathToFileURL} from 'node:url'
import {Ajv, type ValidateFunction} from 'ajv'
import {describe, expect, it} from 'vitest'
import {allChecks, allRules} from '../src/registry.js'
import {editorConfigSchema, editorConfigSchemaText, validatorSchemas} from '../src/engine/config-schema.js'
import {mtlint, projectRoot, tempTree} from './helpers/cli.js'

const schemaPath = join(projectRoot, 'schemas', 'config.schema.json')
const editorSchema = JSON.parse(readFileSync(schemaPath, 'utf8')) as {properties: {rules: {properties: Record<string, unknown>}}}
const validateEditor = new Ajv({strict: false}).compile(editorSchema)

describe('schemas/config.schema.json', () => {
  it('is up to date with the rule registry (run `npm run docs`)', () => {
    expect(readFileSync(schemaPath, 'utf8')).toBe(editorConfigSchemaText(allChecks))
  })

  it('enumerates every rule id and checks each rule\'s options, as the loader does', () => {
    expect(Object.keys(editorSchema.properties.rules.properties).sort()).toEqual(allChecks.map((rule) => rule.meta.id).sort())
    expect(validateEditor({rules: {'no-such-rule': 'minor'}})).toBe(false)
    expect(validateEditor({rules: {'term-consistency': ['minor', {prefered: {}}]}})).toBe(false)
    expect(validateEditor({rules: {'term-consistency': ['minor', {preferred: {}}], 'repeated-word': 'off'}, weights: {major: 5}})).toBe(true)
    // Every example's options are valid for its rule.
    for (const rule of allRules) {
      for (const example of [...rule.meta.examples.bad, ...rule.meta.examples.good]) {
        if (example.options) expect(validateEditor({rules: {[rule.meta.id]: [rule.meta.severity, example.options]}}), rule.meta.id).toBe(true)
      }
    }
  })

  it('resolves as "./node_modules/mtlint/schemas/config.schema.json" from a project that installed mtlint', () => {
    const project = tempTree({'a.txt': 'The council met on Tuesday.\n'})
    mkdirSync(join(project, 'node_modules'))
    symlinkSync(projectRoot, join(project, 'node_modules', 'mtlint'))
    const reference = './node_modules/mtlint/schemas/config.schema.json'
    writeFileSync(join(project, '.mtlintrc.json'), JSON.stringify({$schema: reference, rules: {calque: 'off'}}))
    expect(readFileSync(join(project, reference), 'utf8')).toBe(editorConfigSchemaText(allChecks))
    expect(editorConfigSchema(allChecks)).not.toHaveProperty('$id')
    const result = mtlint(['lint', '--format', 'json', join(project, 'a.txt')])
    expect(result.stderr).toBe('')
    expect(result.code).toBe(0)
  })
})

describe('precompiled validators', () => {
  it('agree with ajv on every schema the loader uses', async () => {
    const built = join(projectRoot, 'dist', 'src', 'engine', 'config-validators.js')
    const {precompiled} = (await import(pathToFileURL(built).href)) as {precompiled?: Record<string, ValidateFunction>}
    if (!precompiled) {
      console.log('skipped: dist holds the placeholder validators (tsc alone); `npm run build` compiles them')
      return
    }

    const ajv = new Ajv({allErrors: false, strict: false})
    const schemas = validatorSchemas(allChecks)
    // Besides the configuration's, the phrase tables' validators (`table:<name>`, tools/compile-validators.ts).
    const tables = Object.keys(precompiled).filter((key) => key.startsWith('table:'))
    // Every table of rules/data whose schema builds on the shared pattern schema (calques, term-variants, the word lists).
    const expectedTables = readdirSync(join(projectRoot, 'rules', 'data'))
      .map((file) => file.replace(/\.json$/, ''))
      .filter((name) => existsSync(join(projectRoot, 'schemas', `${name}.schema.json`)) && readFileSync(join(projectRoot, 'schemas', `${name}.schema.json`), 'utf8').includes('phrase-pattern.schema.json'))
    expect(expectedTables).toContain('calques')
    expect(tables.sort()).toEqual(expectedTables.map((name) => `table:${name}`).sort())
    expect(Object.keys(precompiled).filter((key) => !tables.includes(key)).sort()).toEqual(schemas.map(([key]) => key).sort())
    const samples: unknown[] = [{}, {rules: {calque: 'off'}}, {rules: {calque: 'loud'}}, {weights: {major: 1e308}}, {gate: {failon: 'x'}}, {gate: {exceptions: [{files: ['']}]}}, {preferred: {}}, {prefered: {}}, [], 'x']
    for (const [key, schema] of schemas) {
      const runtime = ajv.compile(schema)
      for (const sample of samples) {
        expect(precompiled[key]!(sample), `${key} ${JSON.stringify(sample)}`).toBe(runtime(sample))
        expect(precompiled[key]!.errors?.[0]?.instancePath).toBe(runtime.errors?.[0]?.instancePath)
      }
    }

    // Each table validator against ajv on the shipped table and on that table with its first entry broken.
    const readJson = (path: string) => JSON.parse(readFileSync(join(projectRoot, path), 'utf8')) as unknown
    const shared = new Ajv({allErrors: false, strict: false}).addSchema(readJson('schemas/phrase-pattern.schema.json') as object)
    for (const key of tables) {
      const name = key.slice('table:'.length)
      const runtime = shared.compile(readJson(`schemas/${name}.schema.json`) as object)
      const data = readJson(`rules/data/${name}.json`) as {entries?: unknown[]}
      const broken = {...data, entries: [{...(data.entries?.[0] as object), unexpectedKey: true}, ...(data.entries ?? []).slice(1)]}
      for (const sample of [data, broken, {}]) expect(precompiled[key]!(sample), `${key}`).toBe(runtime(sample))
      expect(precompiled[key]!(data)).toBe(true)
      expect(precompiled[key]!(broken)).toBe(false)
    }
  })
})
