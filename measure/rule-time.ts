/**
 * The CPU time of chosen rules inside the default run on the seed article
 * repeated (as `npm run bench` times its long text), without the rest of the
 * benchmark: for checking a speed-up of one rule in a minute instead of seven.
 * Each rule's time comes from the linter's onRuleTime hook, minus the shared
 * views it was first to build (tokens, tags, ...): its own work only. With
 * `--base DIR` (another built checkout, e.g. `git worktree add ../base main`)
 * the two builds run in alternating rounds in one process, so both meet the
 * same machine load. Prints medians and the spread of the rounds; writes
 * nothing. A benchmark, not a test.
 * Usage: node --single-threaded-gc dist/measure/rule-time.js [--copies 200] [--rounds 7] [--base DIR] [rule-id ...] (default: the five costliest)
 */
import {readFileSync} from 'node:fs'
import {join, resolve} from 'node:path'
import {pathToFileURL} from 'node:url'
import {projectRoot} from './lib/datasets.js'
import {corpusDir} from './lib/gold.js'
import {median} from './lib/timing.js'

const args = process.argv.slice(2)
function option(name: string): string | undefined {
  const index = args.indexOf(`--${name}`)
  return index >= 0 ? args[index + 1] : undefined
}
function count(name: string, fallback: number): number {
  const value = Number(option(name) ?? fallback)
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} expects a positive integer`)
  return value
}

const copies = count('copies', 200)
const rounds = count('rounds', 7)
const base = option('base')
const named = args.filter((arg, index) => !arg.startsWith('--') && !args[index - 1]?.startsWith('--'))
const seed = readFileSync(join(corpusDir(), 'seed-article.txt'), 'utf8')
const text = Array.from({length: copies}, () => seed.trimEnd()).join('\n\n') + '\n'

type Times = Map<string, {own: number; views: number}>
interface Build {
  name: string
  run: () => Times
  own: Map<string, number[]>
  views: Map<string, number[]>
}

async function load(name: string, root: string): Promise<Build> {
  const module = (path: string) => import(pathToFileURL(join(root, 'dist', path)).href)
  const {defaultConfig} = (await module('src/registry.js')) as typeof import('../src/registry.js')
  const {lintText} = (await module('src/engine/lint.js')) as typeof import('../src/engine/lint.js')
  const config = defaultConfig()
  const run = () => {
    const times: Times = new Map()
    lintText(text, 'bench.txt', config, undefined, {onRuleTime: (id, _ms, cpuMs, viewCpuMs) => times.set(id, {own: cpuMs - viewCpuMs, views: viewCpuMs})})
    return times
  }
  return {name, run, own: new Map(), views: new Map()}
}

const builds = [await load('this build', projectRoot()), ...(base === undefined ? [] : [await load(`base ${base}`, resolve(base))])]
for (const build of builds) build.run()
for (let round = 0; round < rounds; round++) {
  // The order alternates, so that each build pays as often for the garbage the other left.
  for (const build of round % 2 === 0 ? builds : [...builds].reverse()) {
    for (const [id, time] of build.run()) {
      build.own.set(id, [...(build.own.get(id) ?? []), time.own])
      build.views.set(id, [...(build.views.get(id) ?? []), time.views])
    }
  }
}

const first = builds[0]!
const ids = named.length > 0 ? named : [...first.own.keys()].sort((a, b) => median(first.own.get(b)!) - median(first.own.get(a)!)).slice(0, 5)
for (const id of ids) {
  for (const build of builds) {
    const own = build.own.get(id)
    if (!own) throw new Error(`rule-time: \`${id}\` did not run in the default configuration of ${build.name}`)
    const sorted = [...own].sort((a, b) => a - b)
    console.log(
      `${id.padEnd(26)} ${build.name.padEnd(12).slice(0, 40)} ${median(own).toFixed(1).padStart(7)} ms own CPU (min ${sorted[0]!.toFixed(1)}, max ${sorted.at(-1)!.toFixed(1)}), views it built first ${median(build.views.get(id)!).toFixed(1)} ms`
    )
  }
}
console.log(`seed x${copies}, ${rounds} rounds after one warm-up, default rules${base === undefined ? '' : ', builds alternating'}`)
