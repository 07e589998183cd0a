/**
 * Build step (`npm run build`, after tsc and the validators): bundle the CLI
 * into dist/src/cli/mtlint.bundle.js and its on-demand chunks, so that a
 * command loads a few files instead of some 130 ES modules (a third of a
 * one-paragraph lint's start-up). The chunks sit beside the unbundled
 * modules, so `new URL('lint-worker.js', import.meta.url)` still finds the
 * worker; the language server and the queue worker stay unbundled.
 * bin/mtlint.js uses the bundle only when it is newer than dist/src/cli/main.js.
 */
import {readdirSync, rmSync} from 'node:fs'
import {dirname, join} from 'node:path'
import {fileURLToPath} from 'node:url'
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
