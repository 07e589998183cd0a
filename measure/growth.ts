/**
 * `npm run bench:growth`: does any rule, or the parse, grow faster than the
 * input? Each adversarial generator (issue 14) builds a text at 1x and at
 * 16x; the benchmark times the parse (every rule off), the shared views and
 * each rule's own work (the engine's onRuleTime hook, inside a full default
 * run) at both sizes and writes reports/growth.md. Acceptance (issue 14): no
 * rule above 20x time for 16x input on any generator; the parse and the views
 * are reported beside it. \`mtlint compare\` on one XLIFF and one TMX file is
 * timed at both sizes too, under the same limit. A benchmark, not a test.
 * Usage: node --expose-gc --single-threaded-gc dist/measure/growth.js [--rounds 2] [--only name,name] [--scale 1]
 */
import {writeFileSync, mkdirSync, readFileSync} from 'node:fs'
import {cpus, loadavg} from 'node:os'
import {join} from 'node:path'
import {allRules} from '../rules/index.js'
import {termEntries} from '../rules/term-consistency.js'
import {defaultConfig, onlyRule, resolveConfig} from '../src/registry.js'
import {lintText} from '../src/engine/lint.js'
import {compareAligned} from '../src/compare/compare.js'
import {readSegmentFile} from '../src/compare/read.js'
import {loadMarkupParsers} from '../src/engine/parse.js'
import {projectRoot} from './lib/datasets.js'
import {corpusDir} from './lib/gold.js'

function option(name: string, fallback: string): string {
  const index = process.argv.indexOf(`--${name}`)
  return index >= 0 ? process.argv[index + 1] ?? fallback : fallback
}

const rounds = Number(option('rounds', '2'))
const only = option('only', '').split(',').filter(Boolean)
/** Multiplies every generator's 1x size (a quick look: --scale 0.25). */
const scale = Number(option('scale', '1'))
if (!Number.isInteger(rounds) || rounds < 1) throw new Error('--rounds expects a positive integer')
if (!(scale > 0)) throw new Error('--scale expects a positive number')
/**
 * A rule timed alone is one rule, cheap to repeat: the fastest of at least 5
 * runs at both sizes, since the rules timed alone take a millisecond or two at
 * 1x, where one pause of the shared machine decides the fastest of 2.
 */
const aloneRounds = Math.max(rounds, 5)

/** Time for 16x input may be at most this many times the time for 1x. */
const maxRatio = 20
const factor = 16
/** Below this at 16x a time is noise (timer, GC), whatever its ratio. */
const noiseMs = 25

const seed = readFileSync(join(corpusDir(), 'seed-article.txt'), 'utf8').trimEnd()
const seedWords = seed.split(/\s+/).map((word) => word.replace(/[^\p{L}]/gu, '')).filter((word) => word.length > 2)
/** The seed as one sentence: its stops made commas, its double quotes dropped (so that no stop is left inside a quotation). */
const commaSeed = seed.replace(/\s+/g, ' ').replace(/[.!?]+(?=\s|$)/g, ',').replace(/[“”"]/g, '')
const repeat = (unit: string, times: number) => unit.repeat(Math.max(1, Math.round(times * scale)))
const count = (times: number) => Math.max(1, Math.round(times * scale))

interface Generator {
  name: string
  /** What the text is, for the report. */
  shape: string
  path: string
  build: (size: number) => string
}

/** Every kind of quotation mark and apostrophe, straight and curly, in one run. */
const allQuotes = ['“', '”', '"', '„', '‟', '«', '»', '‹', '›', '‘', '’', "'", '‚', '「', '」', '『', '』', '〝', '〞', '＂']

const generators: Generator[] = [
  {name: 'prose', shape: 'the seed article, repeated (the baseline)', path: 'g.txt', build: (size) => Array.from({length: count(8 * size)}, () => seed).join('\n\n')},
  {name: 'prose-one-line', shape: 'the seed article repeated on one line (one paragraph)', path: 'g.txt', build: (size) => Array.from({length: count(8 * size)}, () => seed.replace(/\s+/g, ' ')).join(' ')},
  {name: 'curly-openers', shape: '`“` repeated (400,000 at 16x)', path: 'g.txt', build: (size) => repeat('“', 25_000 * size)},
  {name: 'all-quotes', shape: `every quotation mark (${allQuotes.length} kinds) in turn, 400,000 at 16x`, path: 'g.txt', build: (size) => Array.from({length: count(25_000 * size)}, (_, index) => allQuotes[index % allQuotes.length]).join('')},
  {name: 'spaced-quotes', shape: 'quoted words with every mark: `“a” ‘b’ "c" «d» …`', path: 'g.txt', build: (size) => Array.from({length: count(8000 * size)}, (_, index) => `${allQuotes[index % allQuotes.length]}word${allQuotes[(index + 1) % allQuotes.length]} `).join('')},
  {name: 'power-echo', shape: '`Power. ` repeated (repeated-word)', path: 'g.txt', build: (size) => repeat('Power. ', 9000 * size)},
  {name: 'punctuation-run', shape: '`. , ; : ! ? ` repeated (the parse)', path: 'g.txt', build: (size) => repeat('. , ; : ! ? ', 5000 * size)},
  {name: 'slashes', shape: '`a/` repeated (400,000 at 16x; the language server took 7 s on 100,000)', path: 'g.txt', build: (size) => repeat('a/', 25_000 * size)},
  {name: 'inner-symbols', shape: '`a.` `a-` `a&` `1.` `a_` runs without white space', path: 'g.txt', build: (size) => ['a.', 'a-', 'a&', '1.', 'a_'].map((unit) => repeat(unit, 6000 * size)).join(' ')},
  {name: 'long-sentence', shape: 'one sentence of seed words, no stop (50,000 words at 16x)', path: 'g.txt', build: (size) => 'It began. ' + Array.from({length: count(3125 * size)}, (_, index) => seedWords[index % seedWords.length]!.toLowerCase()).join(' ') + '.'},
  {name: 'comma-sentence', shape: 'the seed article as one sentence, its stops made commas (what a noun phrase after a comma reads)', path: 'g.txt', build: (size) => 'It began. ' + Array.from({length: count(8 * size)}, () => commaSeed).join(' ').replace(/,$/, '') + '.'},
  {
    name: 'name-variants',
    shape: `every spelling of the ${termEntries.length} term-consistency entries, in turn, sentence after sentence`,
    path: 'g.txt',
    build: (size) => {
      const forms = termEntries.flatMap((entry) => entry.variants.flat())
      return Array.from({length: count(1500 * size)}, (_, index) => `Officials from ${forms[index % forms.length]} met ${forms[(index * 7 + 3) % forms.length]} on ${1 + (index % 28)} May.`).join(' ')
    }
  },
  {name: 'markdown-nesting', shape: 'block quotes and lists 100 deep, one block per paragraph', path: 'g.md', build: (size) => Array.from({length: count(50 * size)}, (_, index) => (index % 2 ? '> ' : '- ').repeat(100) + 'A nested sentence here.').join('\n\n')},
  {name: 'markdown-emphasis', shape: 'emphasis and links 50 deep, one per paragraph', path: 'g.md', build: (size) => Array.from({length: count(20 * size)}, () => '*a '.repeat(25) + '[b '.repeat(25) + 'word' + '](u)'.repeat(25) + ' a*'.repeat(25)).join('\n\n')},
  {name: 'html-nesting', shape: '`<div>` and `<b><i>` 400 deep, one block per section', path: 'g.html', build: (size) => Array.from({length: count(10 * size)}, (_, index) => (index % 2 ? '<div>'.repeat(400) + 'A nested sentence here.' + '</div>'.repeat(400) : '<b><i>'.repeat(200) + 'A nested sentence here.' + '</i></b>'.repeat(200))).join('\n')},
  {name: 'gfm-table', shape: 'a GFM table of short cells (1.5 MB at 16x)', path: 'g.md', build: (size) => '| a | b | c | d |\n|---|---|---|---|\n' + repeat('| 1 | two | 3.5 | four |\n', 3900 * size)},
  {name: 'doubled-possessives', shape: '`the minister’s’ plan` repeated on one line (doubled-possessive looked back to the line start: 158x)', path: 'g.txt', build: (size) => repeat('He said the minister’s’ plan failed. ', 2000 * size)},
  {name: 'word-run', shape: '`The the ` repeated: one word 16,000 times in a row at 16x (repeated-word walked the run from each of its pairs: 41 s at 20,000)', path: 'g.txt', build: (size) => repeat('The the ', 500 * size)},
  {name: 'open-parens', shape: '`(` repeated (400,000 at 16x; unpaired-bracket took 7 s on 50,000)', path: 'g.txt', build: (size) => repeat('(', 25_000 * size)},
  {name: 'closing-parens', shape: '`a` and a run of `)` (a smiley asked for every one of its brackets)', path: 'g.txt', build: (size) => 'a' + repeat(')', 25_000 * size)},
  {name: 'interval-digits', shape: '`[`, a run of digits, a run of `)` (a half-open interval asked for at every `)`)', path: 'g.txt', build: (size) => '[' + repeat('1', 12_500 * size) + repeat(')', 12_500 * size)},
  {name: 'semicolons', shape: '`a;` repeated (one word, no white space)', path: 'g.txt', build: (size) => repeat('a;', 32_000 * size)},
  {name: 'straight-quotes', shape: '`a"` repeated (a quotation mark after every letter)', path: 'g.txt', build: (size) => repeat('a"', 32_000 * size)},
  {name: 'spaced-stops', shape: '` .` repeated (a space before every full stop)', path: 'g.txt', build: (size) => repeat(' .', 32_000 * size)}
]

/**
 * `mtlint compare` on one segment file (the reader, the source-aware checks
 * and the rules on the targets, as the command runs them on one file): each
 * unit holds three number mismatches and three repeated words, so that both
 * kinds of finding grow with the file (a finding of each kind against every one of the
 * other took 20 s on 40,000 units).
 */
interface CompareGenerator {
  name: string
  shape: string
  path: string
  build: (size: number) => string
}

const compareUnit = (index: number) => [`价格三月上涨${index}%，四月${index + 1}%，五月${index + 2}%。`, `Prices rose by ${index + 3}% in in March, ${index + 4}% in in April and ${index + 5}% in in May.`] as const
const compareGenerators: CompareGenerator[] = [
  {
    name: 'compare-xliff',
    shape: 'an XLIFF 1.2 file of one-sentence units, three number mismatches and three repeated words in each (24,000 units at 16x)',
    path: 'g.xlf',
    build: (size) =>
      '<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file source-language="zh" target-language="en" datatype="plaintext" original="g.txt"><body>\n' +
      Array.from({length: count(1500 * size)}, (_, index) => `<trans-unit id="u${index}"><source>${compareUnit(index)[0]}</source><target>${compareUnit(index)[1]}</target></trans-unit>\n`).join('') +
      '</body></file></xliff>\n'
  },
  {
    name: 'compare-tmx',
    shape: 'a TMX 1.4 file of the same units (24,000 at 16x)',
    path: 'g.tmx',
    build: (size) =>
      '<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header srclang="zh" datatype="plaintext" segtype="sentence" adminlang="en" o-tmf="g" creationtool="g" creationtoolversion="1"/><body>\n' +
      Array.from({length: count(1500 * size)}, (_, index) => `<tu><tuv xml:lang="zh"><seg>${compareUnit(index)[0]}</seg></tuv><tuv xml:lang="en"><seg>${compareUnit(index)[1]}</seg></tuv></tu>\n`).join('') +
      '</body></tmx>\n'
  }
]

interface Timing {
  bytes: number
  words: number
  findings: number
  parseMs: number
  /** CPU ms of each rule's own work (the shared views it was first to ask for left out). */
  rules: Map<string, number>
  /** CPU ms of the shared views (tokens, sentences, tags, quotes), whichever rules asked for them. */
  viewsMs: number
}

const config = defaultConfig()
const allOff = resolveConfig({rules: Object.fromEntries(allRules.map((rule) => [rule.meta.id, 'off']))})
const enabled = allRules.filter((rule) => config.rules[rule.meta.id]).map((rule) => rule.meta.id)

/** A collection before each run (with --expose-gc), so that a pause left by the previous run does not land in one rule's time. */
const gc = (globalThis as {gc?: (options?: {type: 'major' | 'minor'}) => void}).gc
const collect = () => gc?.()
/**
 * Before each rule. A minor collection copies what survives into the young
 * generation's second half and only the next one promotes it, so after one
 * collection the first scavenge inside the rule would still copy up to a
 * semi-space of the tree (or of what earlier rules left) at 16x, where at 1x
 * the rule allocates too little to scavenge at all: two minor collections.
 */
const collectBetweenRules =
  option('between-rules', 'minor') === 'minor'
    ? () => {
        gc?.({type: 'minor'})
        gc?.({type: 'minor'})
      }
    : // A full collection: Node 20's gc({type: 'major'}) runs a scavenge only.
      collect

/**
 * After each shared view of the whole file is built, inside the view's time: what the view
 * built is still in the young generation when the rule's own work starts, and
 * at 16x the first scavenge inside that work copied and promoted all of it
 * (all-quotes, quote-doubled alone: 0.4 -> 49 ms, 6 ms at 16x with the view's collection apart), where
 * at 1x the rule allocates too little to scavenge at all. So the view pays
 * for keeping what it built, and the rule only for its own allocation.
 */
const collectAfterView = () => {
  gc?.({type: 'minor'})
  gc?.({type: 'minor'})
}

/**
 * After each rule's work, inside its time: the rule pays for copying and
 * promoting what it allocated and keeps (its findings) at both sizes. Without
 * it a rule at 16x paid the scavenges its findings caused while it ran, and
 * at 1x the same work per finding was left to the collection before the next
 * rule, uncharged (all-quotes: quote-doubled 1.6 -> 37 ms, 23x, for 16x the
 * findings).
 */
const collectAfterRule = () => {
  gc?.({type: 'minor'})
  gc?.({type: 'minor'})
}

/**
 * The fixed cost of those two collections (roots, with nothing to copy),
 * taken off each rule's time: it is the same for a rule that allocates
 * nothing. The fastest of 20 at the start, one figure for both sizes: a cost
 * measured again after each rule was as noisy as the rule, and the fastest
 * run then picked the rounds where it was overestimated.
 */
const emptyCollectionMs = Math.min(
  ...Array.from({length: 20}, () => {
    const start = process.cpuUsage()
    collectAfterRule()
    const used = process.cpuUsage(start)
    return (used.user + used.system) / 1000
  })
)

/** A rule's own CPU ms from the onRuleTime hook: the views it built and the fixed cost of the collection after it left out. */
const ownMs = (cpuMs: number, viewCpuMs: number) => Math.max(0, cpuMs - viewCpuMs - emptyCollectionMs)

function cpuMs(run: () => void): number {
  collect()
  const start = process.cpuUsage()
  run()
  const used = process.cpuUsage(start)
  return (used.user + used.system) / 1000
}

function measure(generator: Generator, size: number): Timing {
  const text = generator.build(size)
  const parses: number[] = []
  const perRule = new Map<string, number[]>(enabled.map((id) => [id, []]))
  const views: number[] = []
  let words = 0
  let findings = 0
  for (let round = 0; round < rounds; round++) {
    // The parse (and the engine around it) with every rule off.
    parses.push(cpuMs(() => (words = lintText(text, generator.path, allOff).words)))
    const times = new Map<string, number>()
    let viewsMs = 0
    collect()
    findings = lintText(text, generator.path, config, undefined, {
      // Collect before each rule, the first too: a rule is charged for its own garbage, not for the parse's or the previous rules'.
      beforeRule: collectBetweenRules,
      afterRule: collectAfterRule,
      afterView: collectAfterView,
      onRuleTime: (id, _ms, cpuMs, viewCpuMs) => {
        times.set(id, (times.get(id) ?? 0) + ownMs(cpuMs, viewCpuMs))
        viewsMs += viewCpuMs
      }
    }).findings.length
    for (const id of enabled) perRule.get(id)!.push(times.get(id) ?? 0)
    views.push(viewsMs)
  }

  return {
    bytes: Buffer.byteLength(text),
    words,
    findings,
    parseMs: Math.min(...parses),
    rules: new Map([...perRule].map(([id, samples]) => [id, Math.min(...samples)])),
    viewsMs: Math.min(...views)
  }
}

interface Row {
  generator: Generator
  small: Timing
  large: Timing
  /** Rules over the limit in the full run, timed again alone: [1x, 16x]. */
  alone: Map<string, [number, number]>
}

/**
 * One rule alone (its own work: the shared views it builds are timed apart):
 * in the full run a rule's time also holds collections of what the others
 * left, which grow with the heap, not with the rule's work.
 */
function timeAlone(generator: Generator, id: string, size: number): number {
  const text = generator.build(size)
  const ruleConfig = onlyRule(id)
  const samples: number[] = []
  for (let round = 0; round < aloneRounds; round++) {
    let spent = 0
    collect()
    lintText(text, generator.path, ruleConfig, undefined, {
      // A full collection: at 16x the parse's tree outgrows the old generation's limit and the incremental marking it starts ran on into the rule, which paid its steps (and the final pause) for a heap it did not build; at 1x the tree is too small to start one.
      beforeRule: collect,
      afterRule: collectAfterRule,
      afterView: collectAfterView,
      onRuleTime: (_id, _ms, cpuMs, viewCpuMs) => (spent += ownMs(cpuMs, viewCpuMs))
    })
    samples.push(spent)
  }

  return Math.min(...samples)
}

/** The ratio that decides: the rule alone where it was timed alone, else in the full run. */
function ruleRatio(row: Row, id: string): number {
  const alone = row.alone.get(id)
  return alone ? ratio(alone[0], alone[1]) : ratio(row.small.rules.get(id)!, row.large.rules.get(id)!)
}

/** Below this at 1x a time is the timer's resolution and the rule's fixed cost, not its work. */
const floorMs = 0.5

/** 16x time over 1x time; times below the noise floor at 16x count as flat. */
function ratio(small: number, large: number): number {
  const growth = large / Math.max(small, floorMs)
  return large < noiseMs ? Math.min(growth, 1) : growth
}

await loadMarkupParsers()
const load = loadavg()[0]!
const rows: Row[] = []
// Declared before the first rule rows are written: writeReport reads both tables.
const compareRows: CompareRow[] = []
for (const generator of generators) {
  if (only.length > 0 && !only.includes(generator.name)) continue
  // Warm the JIT on this shape first, so the 1x run is not charged for it.
  lintText(generator.build(1), generator.path, config)
  const small = measure(generator, 1)
  const large = measure(generator, factor)
  const row: Row = {generator, small, large, alone: new Map()}
  for (const id of enabled) if (ratio(small.rules.get(id)!, large.rules.get(id)!) > maxRatio) row.alone.set(id, [timeAlone(generator, id, 1), timeAlone(generator, id, factor)])
  rows.push(row)
  writeReport()
  const worst = worstRule(row)
  console.log(
    `${generator.name}: ${(large.bytes / 1e6).toFixed(2)} MB at ${factor}x, parse ${small.parseMs.toFixed(0)} -> ${large.parseMs.toFixed(0)} ms (${ratio(small.parseMs, large.parseMs).toFixed(1)}x), views ${small.viewsMs.toFixed(0)} -> ${large.viewsMs.toFixed(0)} ms (${ratio(small.viewsMs, large.viewsMs).toFixed(1)}x), worst rule ${worst.id} ${worst.small.toFixed(1)} -> ${worst.large.toFixed(1)} ms (${worst.ratio.toFixed(1)}x)`
  )
}

interface CompareRow {
  generator: CompareGenerator
  bytes: number
  findings: number
  /** CPU ms of reading the file and comparing it, the fastest of the rounds: [1x, 16x]. */
  ms: [number, number]
}

function timeCompare(generator: CompareGenerator, size: number): {ms: number; bytes: number; findings: number} {
  const text = generator.build(size)
  let findings = 0
  const samples = Array.from({length: rounds}, () => cpuMs(() => (findings = compareAligned(readSegmentFile(text, generator.path), {lint: config}).result.findings.length)))
  return {ms: Math.min(...samples), bytes: Buffer.byteLength(text), findings}
}

for (const generator of compareGenerators) {
  if (only.length > 0 && !only.includes(generator.name)) continue
  timeCompare(generator, 1)
  const small = timeCompare(generator, 1)
  const large = timeCompare(generator, factor)
  compareRows.push({generator, bytes: large.bytes, findings: large.findings, ms: [small.ms, large.ms]})
  writeReport()
  console.log(`${generator.name}: ${(large.bytes / 1e6).toFixed(2)} MB at ${factor}x, ${large.findings} findings, compare ${small.ms.toFixed(0)} -> ${large.ms.toFixed(0)} ms (${ratio(small.ms, large.ms).toFixed(1)}x)`)
}

/** Written after each generator, so that a run cut short still leaves its rows. */
function writeReport(): string[] {
  const failures: string[] = []
  for (const row of rows) {
    for (const id of enabled) if (ruleRatio(row, id) > maxRatio) failures.push(`${row.generator.name}: ${id}`)
  }
  for (const row of compareRows) if (ratio(...row.ms) > maxRatio) failures.push(`${row.generator.name}: compare`)

  const ms = (value: number) => (value < 10 ? value.toFixed(1) : value.toFixed(0))
  const lines = [
    '# Growth benchmark',
    '',
    `Generated by \`npm run bench:growth\` (measure/growth.ts) on ${cpus().length} cores, load ${load.toFixed(1)} at the start, the fastest of ${rounds} round(s) (noise on a shared machine only adds): CPU ms for the parse (every rule off, so the engine around the parse is in it too), CPU ms per rule inside the default run (the engine's onRuleTime hook; garbage collection on the main thread (--single-threaded-gc) so that it is counted where it is caused, and two minor collections before each rule, the first too, so that a rule is not charged for scavenging and promoting the tree the parse, or what the rules before it, left in the young generation). A rule's time is its own work: the shared views (tokens, sentences, part-of-speech tags, quotation marks) are built inside the first rule that asks for them, and the engine reports their CPU time apart, so they have a column of their own (views: their time in the default run, whichever rules asked); two minor collections after each view of the whole file (tokens, sentences, quotes; not the tags, which are built a sentence at a time) count as the view's time, so that the rule's own work does not pay for scavenging and promoting what the view built; two minor collections after each rule's work count as the rule's time (less their fixed cost with nothing to copy, the fastest of 20 at the start: ${emptyCollectionMs.toFixed(2)} ms), so that a rule pays for copying and promoting the findings it keeps at 1x as at 16x, not only where they fill the young generation while it runs. Each generator builds its text at 1x (about 64,000 characters, so that 1x does not fit a CPU cache that 16x misses) and at ${factor}x; the ratio is the ${factor}x time over the 1x time, a time under ${noiseMs} ms at ${factor}x counts as flat and one under ${floorMs} ms at 1x as ${floorMs} ms (timer resolution, fixed costs and garbage-collector pauses; a collection runs before each timed lint).`,
    '',
    `A rule over ${maxRatio}x in the full run is timed again alone at both sizes (its own work again, the views it builds left out; a full collection before it, so that it does not finish the old generation's marking of the tree the parse built; the fastest of ${aloneRounds} runs at each size), and that ratio decides: in the full run a rule's CPU time also holds the collections of what the other rules left, which grow with the heap rather than with the rule's work. The parse column is the whole engine with every rule off (parse, prose view, inline controls, word count) and includes the collections of the tree it builds.`,
    '',
    `Acceptance (issue 14): no rule above ${maxRatio}x time for ${factor}x input on any generator: **${failures.length === 0 ? 'passes' : 'fails: ' + failures.join('; ')}**${rows.length + compareRows.length < generators.length + compareGenerators.length && only.length === 0 ? ` (${rows.length + compareRows.length} of ${generators.length + compareGenerators.length} generators so far)` : ''}; nor \`mtlint compare\` on one segment file above ${maxRatio}x (its table below).`,
    '',
    `Beyond the acceptance line, the engine's shared parts: the parse is over ${maxRatio}x on ${listOver((row) => ratio(row.small.parseMs, row.large.parseMs))}; the shared views on ${listOver((row) => ratio(row.small.viewsMs, row.large.viewsMs))}.`,
    '',
    `| generator | text | bytes at ${factor}x | words at ${factor}x | findings at ${factor}x | parse 1x ms | parse ${factor}x ms | parse ratio | views 1x ms | views ${factor}x ms | views ratio | slowest-growing rule | its 1x ms | its ${factor}x ms | its ratio |`,
    '|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|'
  ]
  for (const row of rows) {
    const worst = worstRule(row)
    lines.push(
      `| ${row.generator.name} | ${row.generator.shape} | ${row.large.bytes.toLocaleString('en-US')} | ${row.large.words.toLocaleString('en-US')} | ${row.large.findings.toLocaleString('en-US')} | ${ms(row.small.parseMs)} | ${ms(row.large.parseMs)} | ${ratio(row.small.parseMs, row.large.parseMs).toFixed(1)} | ${ms(row.small.viewsMs)} | ${ms(row.large.viewsMs)} | ${ratio(row.small.viewsMs, row.large.viewsMs).toFixed(1)} | ${worst.id} | ${ms(worst.small)} | ${ms(worst.large)} | ${worst.ratio.toFixed(1)} |`
    )
  }

  lines.push('', `## Rules over ${noiseMs} ms at ${factor}x`, '', `| generator | rule | 1x ms | ${factor}x ms | ratio in the full run | alone: 1x ms | alone: ${factor}x ms | alone: ratio |`, '|---|---|---:|---:|---:|---:|---:|---:|')
  for (const row of rows) {
    for (const id of enabled) {
      const small = row.small.rules.get(id)!
      const large = row.large.rules.get(id)!
      const alone = row.alone.get(id)
      const aloneCells = alone ? `${ms(alone[0])} | ${ms(alone[1])} | ${ratio(alone[0], alone[1]).toFixed(1)}` : '| |'
      if (large >= noiseMs) lines.push(`| ${row.generator.name} | ${id} | ${ms(small)} | ${ms(large)} | ${ratio(small, large).toFixed(1)} | ${aloneCells} |`)
    }
  }

  lines.push(
    '',
    '## compare on one segment file',
    '',
    `Reading the file and comparing it (the source-aware checks and the rules on the targets, in one call, as \`mtlint compare\` does for one file), CPU ms, the fastest of ${rounds} round(s).`,
    '',
    `| generator | file | bytes at ${factor}x | findings at ${factor}x | 1x ms | ${factor}x ms | ratio |`,
    '|---|---|---:|---:|---:|---:|---:|'
  )
  for (const row of compareRows) lines.push(`| ${row.generator.name} | ${row.generator.shape} | ${row.bytes.toLocaleString('en-US')} | ${row.findings.toLocaleString('en-US')} | ${ms(row.ms[0])} | ${ms(row.ms[1])} | ${ratio(...row.ms).toFixed(1)} |`)

  mkdirSync(join(projectRoot(), 'reports'), {recursive: true})
  writeFileSync(join(projectRoot(), 'reports', 'growth.md'), lines.join('\n') + '\n')
  return failures
}

/** The generators whose ratio (by `of`) is over the limit, for the report. */
function listOver(of: (row: Row) => number): string {
  const over = rows.filter((row) => of(row) > maxRatio).map((row) => `${row.generator.name} (${of(row).toFixed(1)}x)`)
  return over.length === 0 ? 'no generator' : over.join(', ')
}

function worstRule(row: Row): {id: string; small: number; large: number; ratio: number} {
  let worst = {id: '-', small: 0, large: 0, ratio: 0}
  for (const id of enabled) {
    const [small, large] = row.alone.get(id) ?? [row.small.rules.get(id)!, row.large.rules.get(id)!]
    const growth = ruleRatio(row, id)
    if (growth > worst.ratio) worst = {id, small, large, ratio: growth}
  }

  return worst
}

const failures = writeReport()
console.log(failures.length === 0 ? `growth: every rule and parse within ${maxRatio}x for ${factor}x input` : `growth: over ${maxRatio}x: ${failures.join('; ')}`)
process.exitCode = failures.length === 0 ? 0 : 1
