#!/usr/bin/env node
// Thin launcher: the compiled CLI lives in dist/ (built by `npm ci` via `prepare`).
// `npm run build` also bundles it (tools/bundle-cli.mjs), which starts faster;
// a bundle older than the compiled modules (tsc alone ran since) is passed over.
import {statSync} from 'node:fs'

const bundle = new URL('../dist/src/cli/mtlint.bundle.js', import.meta.url)
const modules = new URL('../dist/src/cli/main.js', import.meta.url)
const fresh = statSync(bundle, {throwIfNoEntry: false})?.mtimeMs >= statSync(modules).mtimeMs
const {cli} = await import(fresh ? bundle.href : modules.href)
await cli(process.argv.slice(2))
