#!/usr/bin/env node
// Thin launcher: the compiled CLI lives in dist/ (built by `npm ci` via `prepare`).
import {cli} from '../dist/src/cli/main.js'

await cli(process.argv.slice(2))
