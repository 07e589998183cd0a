/**
 * Build step (`npm run build`, after tsc and the validators): bundle the CLI
 * into dist/src/cli/mtlint.bundle.js and its on-demand chunks, so that a
 * command loads a few files instead of some 130 ES modules (a third of a
 * one-paragraph lint's start-up). The chunks sit beside the unbundled
 * modules, so `new URL('lint-worker.js', import.meta.url)` still finds the
 * worker; the language server and the queue worker stay unbundled.
 * bin/mtlint.js uses the bundle only when it is newer than dist/src/cli/main.js.
 *
 * It also writes Brill's lexicon in the compact form src/engine/pos-taggers.ts
 * reads (dist/src/engine/brill-lexicon.txt), from the installed `pos` package,
 * and checks that every word reads back with its tags: the package's
 * lexicon.js costs every process that tags some 110 ms to compile and run.
 */
import {readdirSync, rmSync, writeFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import {dirname, join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {isDeepStrictEqual} from 'node:util'
import {build} from 'rolldown'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const out = join(root, 'dist', 'src', 'cli')
for (const name of readdirSync(out)) if (name.startsWith('mtlint.bundle')) rmSync(join(out, name))

await build({
  input: {'mtlint.bundle': join(out, 'main.js')},
  platform: 'node',
  // The language server stays unbundled (a worker of its own); the queue worker is not imported by the CLI at all (bin/mtlint.js hands it in).
  external: [/[\\/]src[\\/](lsp|worker)[\\/]/],
  logLevel: 'warn',
  output: {dir: out, format: 'esm', entryFileNames: '[name].js', chunkFileNames: 'mtlint.bundle-[name]-[hash].js'}
})
console.log(`bundled the CLI into ${join(out, 'mtlint.bundle.js')}`)

const require = createRequire(import.meta.url)
const {compactLexicon, compactLexiconHeader, compactLexiconPath} = await import('../dist/src/engine/pos-taggers.js')
const posVersion = require('pos/package.json').version
const lexicon = require('pos/lexicon.js')
const words = Object.keys(lexicon).sort()
for (const word of words) {
  const tags = lexicon[word]
  if (/[\t\n]/.test(word) || !Array.isArray(tags) || tags.some((tag) => typeof tag !== 'string' || /\s/.test(tag))) {
    throw new Error(`brill lexicon: ${JSON.stringify(word)} cannot be written one word a line`)
  }
}

writeFileSync(compactLexiconPath, `${compactLexiconHeader}${posVersion}\n` + words.map((word) => `${word}\t${lexicon[word].join(' ')}\n`).join(''))
const read = compactLexicon(posVersion)
const wrong = words.find((word) => !isDeepStrictEqual(read(word), lexicon[word]))
if (wrong !== undefined || read('constructor') !== undefined || read('zzzz-not-a-word') !== undefined) throw new Error(`brill lexicon: ${JSON.stringify(wrong)} reads back wrong from ${compactLexiconPath}`)
console.log(`wrote Brill's lexicon (${words.length} words) into ${compactLexiconPath}`)
