/**
 * The phrase rules (calque, term-consistency) of this build against another
 * build of mtlint (a checkout with its own `npm run build`, for example
 * `git worktree add ../base main`), timed in one process in alternating
 * rounds so that both meet the same machine load. The rules' own CPU time
 * comes from the linter's onRuleTime hook (the parse is not in it): the two
 * alone, the two and every rule inside the default run, and the whole lint.
 * Writes reports/bench-phrases.md. A benchmark, not a test.
 * The order of the two builds alternates from round to round, so that each
 * pays as often for the garbage the other left. (Forcing a collection before
 * each run was tried: the collector's background threads then charge their
 * CPU time to the run that follows.)
 * Usage: node dist/measure/bench-phrases.js --base ../base [--new DIR, default this build] [--copies 40] [--rounds 15]
 */
import {readFileSync, writeFileSync} from 'node:fs'
import {loadavg} from 'node:os'
import {join, resolve} from 'node:path'
import {pathToFileURL} from 'node:url'
import {projectRoot, readJsonl, rebuildDocuments, sharedDataFile} from './lib/datasets.js'
import {corpusDir} from './lib/gold.js'
import {mergeRaters, mqmItems, type MqmRow} from './lib/mqm.js'
import {median} from './lib/timing.js'

function option(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`)
  return index >= 0 ? process.argv[index + 1] : undefined
}

const base = option('base')
if (base === undefined) throw new Error('--base DIR: a built checkout of the mtlint to compare with')
const copies = Number(option('copies') ?? 40)
const rounds = Number(option('rounds') ?? 15)

interface RuleModule {
  default: {meta: {id: string}; plugin: (this: unknown, settings: {severity: string; options: Record<string, unknown>}) => (tree: unknown, file: unknown) => void}
}

interface Build {
  parseEnglishText: (text: string) => unknown
  paragraphTokens: (tree: unknown, text: string) => unknown
  VFile: new (options: {value: string; path: string}) => {messages: unknown[]}
  phraseRules: RuleModule[]
  lintText: (text: string, path: string, config: unknown, format?: string, options?: {onRuleTime: (id: string, ms: number, cpuMs: number) => void}) => {findings: unknown[]}
  resolveConfig: (file: {rules: Record<string, string>}) => unknown
  defaultConfig: () => unknown
  ruleIds: string[]
}

async function load(root: string): Promise<Build> {
  const url = (path: string) => pathToFileURL(join(root, 'dist', path)).href
  const lint = (await import(url('src/engine/lint.js'))) as Pick<Build, 'lintText'>
  const registry = (await import(url('src/registry.js'))) as Pick<Build, 'resolveConfig' | 'defaultConfig'>
  const rules = (await import(url('rules/index.js'))) as {allRules: Array<{meta: {id: string}}>}
  const parse = (await import(url('src/engine/parse-text.js'))) as Pick<Build, 'parseEnglishText'>
  const tokens = (await import(url('src/engine/tokens.js'))) as Pick<Build, 'paragraphTokens'>
  const {VFile} = (await import(pathToFileURL(join(root, 'node_modules', 'vfile', 'index.js')).href)) as Pick<Build, 'VFile'>
  const phraseRules = [(await import(url('rules/calque.js'))) as RuleModule, (await import(url('rules/term-consistency.js'))) as RuleModule]
  return {...lint, ...registry, ...parse, ...tokens, VFile, phraseRules, ruleIds: rules.allRules.map((rule) => rule.meta.id)}
}

const builds = {old: await load(resolve(base)), new: await load(resolve(option('new') ?? projectRoot()))}
/** The builds in the order of this round: old first in even rounds, new first in odd ones. */
const inOrder = (round: number) => (round % 2 === 0 ? Object.entries(builds) : Object.entries(builds).reverse())
const seed = readFileSync(join(corpusDir(), 'seed-article.txt'), 'utf8')
const texts: Record<string, string> = {[`seed x${copies}`]: Array.from({length: copies}, () => seed.trimEnd()).join('\n\n') + '\n'}
const mqm = sharedDataFile('mqm-zhen-wmt23-news.jsonl')
if (mqm) {
  // Real MT, where the calques are: the WMT23 dev documents of one system after another, as one text.
  const items = mqmItems(mergeRaters(readJsonl<MqmRow>(mqm)))
  texts['MQM dev'] = rebuildDocuments(items).map((document) => document.text).join('\n\n')
}

const phraseRules = ['calque', 'term-consistency']
const only = (build: Build) => build.resolveConfig({rules: Object.fromEntries(build.ruleIds.map((id) => [id, phraseRules.includes(id) ? 'minor' : 'off']))})
const loadAtStart = loadavg()[0]!
const lines: string[] = []
for (const [label, text] of Object.entries(texts)) {
  // Per round and build: CPU ms of the two rules alone (paying for the views they build), of the two and of every rule inside the full run, and of the whole lint.
  const rows = {alone: 'calque + term-consistency, alone', inFull: 'calque + term-consistency, in the full run', rules: 'every rule, in the full run', lint: 'the whole lint (parse, views, rules, scoring)'}
  const measured: Record<string, Record<keyof typeof rows, number[]>> = {}
  for (let round = 0; round < rounds; round++) {
    for (const [name, build] of inOrder(round)) {
      const own = (measured[name] ??= {alone: [], inFull: [], rules: [], lint: []})
      let phrases = 0
      build.lintText(text, 'bench.txt', only(build), undefined, {onRuleTime: (_id: string, _ms: number, cpuMs: number) => (phrases += cpuMs)})
      own.alone.push(phrases)
      let inFull = 0
      let rules = 0
      const cpu = process.cpuUsage()
      build.lintText(text, 'bench.txt', build.defaultConfig(), undefined, {
        onRuleTime: (id: string, _ms: number, cpuMs: number) => {
          rules += cpuMs
          if (phraseRules.includes(id)) inFull += cpuMs
        }
      })
      const used = process.cpuUsage(cpu)
      own.inFull.push(inFull)
      own.rules.push(rules)
      own.lint.push((used.user + used.system) / 1000)
    }
  }

  // The two rules' own work on a parsed tree whose token view is built (as in a default run, where eight other rules use it), timed on its own.
  const isolated: Record<string, number[]> = {old: [], new: []}
  const tokenView: number[] = []
  for (let round = 0; round < rounds * 4; round++) {
    for (const [name, build] of inOrder(round)) {
      const tree = build.parseEnglishText(text)
      const viewStart = performance.now()
      build.paragraphTokens(tree, text)
      if (name === 'new') tokenView.push(performance.now() - viewStart)
      const file = new build.VFile({value: text, path: 'bench.txt'})
      const transformers = build.phraseRules.map((rule) => rule.default.plugin.call(undefined, {severity: 'minor', options: {}}))
      const cpu = process.cpuUsage()
      for (const transform of transformers) transform(tree, file)
      const used = process.cpuUsage(cpu)
      isolated[name]!.push((used.user + used.system) / 1000)
    }
  }

  lines.push(`### ${label} (${text.length.toLocaleString('en')} characters)`, '', '| CPU ms (median) | old | new | new / old |', '|---|---:|---:|---:|')
  const [oldAlone, newAlone] = [median(isolated['old']!), median(isolated['new']!)]
  lines.push(`| calque + term-consistency on a parsed tree, token view built (${rounds * 4} rounds; minimum ${Math.min(...isolated['old']!).toFixed(1)} / ${Math.min(...isolated['new']!).toFixed(1)}) | ${oldAlone.toFixed(1)} | ${newAlone.toFixed(1)} | ${(newAlone / oldAlone).toFixed(3)} |`)
  lines.push(`| (the token view itself, wall ms, new build: built once per file for every rule that uses it) | – | ${median(tokenView).toFixed(1)} | – |`)
  for (const [key, title] of Object.entries(rows) as Array<[keyof typeof rows, string]>) {
    const [old, fresh] = [median(measured['old']![key]), median(measured['new']![key])]
    lines.push(`| ${title} | ${old.toFixed(1)} | ${fresh.toFixed(1)} | ${(fresh / old).toFixed(3)} |`)
  }

  lines.push('')
}

const report = [
  '# The phrase rules against another build',
  '',
  `\`node dist/measure/bench-phrases.js --base <build> --copies ${copies} --rounds ${rounds}\`: median CPU ms of ${rounds} rounds in one process (the builds' order alternating) (load average ${loadAtStart.toFixed(1)} at the start, ${loadavg()[0]!.toFixed(1)} at the end). "old" is the build given by --base, "new" the one given by --new (this one by default). A rule's time is its own (the linter's onRuleTime hook); alone, it includes the views it builds (the new calque builds the token view, which in the full run another rule may have built first).`,
  '',
  ...lines
].join('\n')
writeFileSync(join(projectRoot(), 'reports', 'bench-phrases.md'), report)
console.log(report)
