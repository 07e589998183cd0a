/** `npm run docs`: write docs/rules/*.md from the rules' meta and examples, and schemas/config.schema.json from the rule registry. */
import {mkdirSync, readdirSync, rmSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {ruleDocs} from './lib/rule-docs.js'
import {allChecks} from '../src/registry.js'
import {editorConfigSchemaText} from '../src/engine/config-schema.js'
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
