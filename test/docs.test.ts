/** The rule reference in docs/rules is generated from the examples; it must match what the generator writes now. */
import {existsSync, readFileSync, readdirSync} from 'node:fs'
import {join} from 'node:path'
import {expect, it} from 'vitest'
import {ruleDocs} from '../measure/lib/rule-docs.js'
import {projectRoot} from './helpers/cli.js'

const folder = join(projectRoot, 'docs', 'rules')

it('docs/rules is up to date with the rules (run `npm run docs`)', () => {
  const pages = ruleDocs()
  expect(existsSync(folder) ? readdirSync(folder).sort() : []).toEqual([...pages.keys()].sort())
  for (const [name, content] of pages) expect(readFileSync(join(folder, name), 'utf8'), name).toBe(content)
})
