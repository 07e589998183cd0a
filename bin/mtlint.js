#!/usr/bin/env node
// Thin launcher: the compiled CLI lives in dist/ (built by `npm ci` via `prepare`).
// `npm run build` also bundles it (tools/bundle-cli.mjs), which starts faster;
// a bundle older than the compiled modules (tsc alone ran since) is passed over.
// The queue commands (dist/src/worker/, which lint with the CLI's input
// handling) are handed to the CLI here, so that the CLI never imports them.
import {statSync} from 'node:fs'

const bundle = new URL('../dist/src/cli/mtlint.bundle.js', import.meta.url)
const modules = new URL('../dist/src/cli/main.js', import.meta.url)
const fresh = statSync(bundle, {throwIfNoEntry: false})?.mtimeMs >= statSync(modules).mtimeMs
const {cli} = await import(fresh ? bundle.href : modules.href)
// BullMQ loads only for these two commands.
const queue = async (argv) => (await import('../dist/src/worker/main.js')).queueMain(argv)
await cli(process.argv.slice(2), {worker: queue, enqueue: queue})
