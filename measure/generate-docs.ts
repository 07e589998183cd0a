/**
 * `npm run docs`: write docs/rules/*.md from the rules' meta and examples, and
 * schemas/config.schema.json and the VS Code extension's `mtlint.rules`
 * setting from the rule registry.
 */
import {mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {ruleDocs} from './lib/rule-docs.js'
import {manifestWithRulesSetting} from './lib/vscode-rules-setting.js'
import {allChecks} from '../src/registry.js'
import {editorConfigSchema, editorConfigSchemaText} from '../src/engine/config-schema.js'
import {packageRoot} from '../src/version.js'

const folder = join(packageRoot, 'docs', 'rules')
mkdirSync(folder, {recursive: true})
const pages = ruleDocs()
// Pages of removed rules go too.
for (const name of readdirSync(folder)) if (!pages.has(name)) rmSync(join(folder, name))
for (const [name, content] of pages) writeFileSync(join(folder, name), content)
console.log(`wrote ${pages.size} pages to docs/rules/`)

writeFileSync(join(packageRoot, 'schemas', 'config.schema.json'), editorConfigSchemaText(allChecks))
console.log('wrote schemas/config.schema.json')

const manifest = join(packageRoot, 'editors', 'vscode', 'package.json')
writeFileSync(manifest, manifestWithRulesSetting(readFileSync(manifest, 'utf8'), editorConfigSchema(allChecks)))
console.log('wrote the mtlint.rules setting of editors/vscode/package.json')
