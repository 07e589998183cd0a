/**
 * Which part-of-speech tagger mtlint uses, decided by measurement: tagging
 * speed (words per second on the seed repeated 200 times, the parse done
 * beforehand), whole-lint time with each tagger, and how many of the seed's
 * tier-2 artifacts (g, i, j, l) and of 50 must-not-fire sentences the
 * grammar rules get right with each. compromise is timed on its own parse:
 * it tokenizes for itself and is too slow to be a candidate (see the report).
 * Writes reports/bench-taggers.md.
 * Usage: node dist/measure/bench-taggers.js [--copies 200] [--rounds 3]
 */
import {mkdirSync, readFileSync, writeFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import {join} from 'node:path'
import type {Root} from 'nlcst'
import retextEnglish from 'retext-english'
import {unified} from 'unified'
import {allRules} from '../rules/index.js'
import {resolveConfig} from '../src/registry.js'
import {lintText, type LintOptions} from '../src/engine/lint.js'
import {posOf, sentencesOf} from '../src/engine/pos.js'
import {taggerNames, taggers, type TaggerName} from './lib/taggers.js'
import {loadCleanDocuments, projectRoot, readJsonl, sharedDataFile, sharedDir, type CleanItem} from './lib/datasets.js'
import {median} from './lib/timing.js'

/** The grammar rules this comparison is about. */
const grammarRules = ['fragment', 'pronoun-agreement', 'stacked-relative-clause', 'subject-verb-agreement', 'word-order']

/** Tier-2 artifacts of shared/seed/artifacts.md the grammar rules own (k, redundancy, is another rule's). */
const seedCases = [
  {id: 'g', start: 4039, text: 'Pentagon press officer, John Kirby.'},
  {id: 'i', start: 7360, text: 'manner independent'},
  {id: 'j', start: 2190, text: 'if it wanted to prove his point'},
  {id: 'l', start: 3946, text: 'which will continue until February 4, which has been planned since 2020'}
]

/** How many must-not-fire sentences: the rules' good examples, topped up from the clean set. */
const mustNotFireCount = 50

/**
 * Clean sentences a grammar rule's pre-filter would look at (a relational
 * adjective, `it` with `his`, a plural noun before `was`, two `which`, a
 * short sentence): the near misses, not sentences no rule would ever tag.
 */
const nearMiss = /\b(political|economic|social|independent|international|military|financial|european)\b|\bit\b.*\bhis\b|[a-z]s (is|was|has)\b|, which.*, which|^[A-Z][^.?!]{5,60}\.$/

function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`)
  return index >= 0 ? Number(process.argv[index + 1]) : fallback
}

const copies = option('copies', 200)
const rounds = option('rounds', 3)
const seed = readFileSync(join(sharedDir(), 'seed', 'article.txt'), 'utf8')
const text = Array.from({length: copies}, () => seed.trimEnd()).join('\n\n') + '\n'
const parser = unified().use(retextEnglish).freeze()
const grammarOnly = resolveConfig({
  rules: Object.fromEntries(allRules.map((rule) => [rule.meta.id, grammarRules.includes(rule.meta.id) ? rule.meta.severity : 'off']))
})

/** The tagger of the row being measured, handed to the linter as an option. */
let tagging: LintOptions = {tagger: taggers.brill}
const lint = (value: string, path: string) => lintText(value, path, grammarOnly, undefined, tagging)

/** Median time of `run` over the rounds, after a warm-up (lexicons and models load there); `setup` is not timed. */
function time<T>(run: (input: T) => void, setup: () => T = () => undefined as T): number {
  const times: number[] = []
  run(setup())
  for (let round = 0; round < rounds; round++) {
    const input = setup()
    const start = performance.now()
    run(input)
    times.push(performance.now() - start)
  }

  return median(times)
}

/** A fresh tree (tags are cached per tree) with the shared token view built, as the rules find it. */
function freshTree(): Root {
  const tree = parser.parse(text) as Root
  sentencesOf(tree, text)
  return tree
}

function mustNotFire(): Array<{text: string; from: string}> {
  const sentences: Array<{text: string; from: string}> = []
  for (const rule of allRules) {
    if (!grammarRules.includes(rule.meta.id)) continue
    for (const good of rule.meta.examples.good) sentences.push({text: good.text, from: `${rule.meta.id} example`})
  }

  const file = sharedDataFile('clean-english.dev.jsonl')
  if (file) {
    for (const item of readJsonl<CleanItem>(file)) {
      if (sentences.length >= mustNotFireCount) break
      if (item.kind === 'original_english_news_source' && nearMiss.test(item.text)) sentences.push({text: item.text, from: item.id})
    }
  }

  return sentences
}

interface Row {
  tagger: TaggerName
  tagMs: number
  lintGrammarMs: number
  taggedShare: number
  seedCovered: string[]
  quiet: number
  fired: string[]
  /** Grammar-rule findings on the clean set (documents rebuilt): all false positives. */
  clean: number
  /** Grammar-rule findings on MT output of the MQM set, and how many overlap a rater-marked span. */
  mqm: {findings: number; marked: number}
}

const cleanDocuments = loadCleanDocuments() ?? []

function cleanFindings(): number {
  return cleanDocuments.reduce((sum, document) => sum + lint(document.text, document.id).findings.length, 0)
}

interface MqmItem {
  target: string
  is_human_translation: boolean
  errors: Array<{start: number; end: number}>
}

/** MT targets with the spans of every rater who rated the same text merged. */
const mqmTargets = new Map<string, MqmItem['errors']>()
for (const item of readJsonl<MqmItem>(sharedDataFile('mqm-zhen-wmt23-news.jsonl') ?? '/dev/null')) {
  if (item.is_human_translation) continue
  const spans = mqmTargets.get(item.target) ?? []
  spans.push(...item.errors)
  mqmTargets.set(item.target, spans)
}

function mqmFindings(): {findings: number; marked: number} {
  let findings = 0
  let marked = 0
  for (const [target, spans] of mqmTargets) {
    for (const finding of lint(target, 'mqm.txt').findings) {
      findings++
      if (spans.some((span) => span.start < finding.end.offset && finding.start.offset < span.end)) marked++
    }
  }

  return {findings, marked}
}

const words = lint(text, 'bench.txt').words
const parseMs = time(() => void parser.parse(text))
const quietSet = mustNotFire()
const rows: Row[] = []
for (const tagger of taggerNames) {
  tagging = {tagger: taggers[tagger]}
  console.log(`${tagger}: tagging ${words} words…`)
  const tagMs = time((fresh: Root) => void posOf(fresh, text, tagging), freshTree)
  const lintGrammarMs = time(() => void lint(text, 'bench.txt'))
  let tagged = 0
  lintText(text, 'bench.txt', grammarOnly, undefined, {...tagging, onTag: (count) => (tagged += count)})
  const taggedShare = tagged / words
  const seedFindings = lint(seed, 'seed.txt').findings
  const seedCovered = seedCases
    .filter((artifact) => seedFindings.some((f) => f.start.offset < artifact.start + artifact.text.length && artifact.start < f.end.offset))
    .map((artifact) => artifact.id)
  const fired = quietSet.filter((sentence) => lint(sentence.text, 'quiet.txt').findings.length > 0)
  const clean = cleanFindings()
  const mqm = mqmFindings()
  rows.push({
    tagger,
    clean,
    mqm,
    tagMs,
    lintGrammarMs,
    taggedShare,
    seedCovered,
    quiet: quietSet.length - fired.length,
    fired: fired.map((sentence) => `${sentence.from}: ${sentence.text.slice(0, 90)}`)
  })
}

// compromise: its own tokenizer and tagger over the same text (a tenth of it: it is slow).
const require = createRequire(import.meta.url)
const nlp = require('compromise') as (text: string) => {json(): unknown[]}
const slice = text.slice(0, Math.floor(text.length / 10))
const compromiseMs = time(() => void nlp(slice).json()) * 10

const perSecond = (ms: number) => Math.round(words / (ms / 1000)).toLocaleString('en-US')
const lines = [
  '# Part-of-speech tagger comparison',
  '',
  `Generated by \`node dist/measure/bench-taggers.js\` on ${new Date().toISOString().slice(0, 10)}, Node ${process.version}: the seed article repeated ${copies} times (${words.toLocaleString('en-US')} words), median of ${rounds} rounds after a warm-up.`,
  '',
  `retext-english parse alone: ${Math.round(parseMs)} ms (${perSecond(parseMs)} words/s).`,
  '',
  '| tagger | tagging alone, words/s | lint with the grammar rules (parse included) | share of words tagged by the rules\' pre-filters | seed tier-2 covered (g, i, j, l) | must-not-fire quiet | clean-set findings | MQM findings on a rater span |',
  '|---|---:|---:|---:|---|---:|---:|---:|',
  ...rows.map(
    (row) =>
      `| ${row.tagger} | ${perSecond(row.tagMs)} | ${Math.round(row.lintGrammarMs)} ms (${perSecond(row.lintGrammarMs)} words/s) | ${(100 * row.taggedShare).toFixed(1)}% | ${row.seedCovered.join(', ') || 'none'} (${row.seedCovered.length}/4) | ${row.quiet}/${quietSet.length} | ${row.clean} | ${row.mqm.marked}/${row.mqm.findings} |`
  ),
  `| compromise (own parse, timed on a tenth, scaled) | ${perSecond(compromiseMs)} | – | – | not wired in | – | – | – |`,
  '',
  '`brill` is the `pos` package (Brill lexicon + transformation rules; the tagger retext-pos wraps), fed the retext word tokens directly. `wink` is wink-nlp with wink-eng-lite-web-model; it tokenizes on its own, its tokens are aligned back to the retext words by offset, and its Universal POS + lemma are mapped to Penn tags. "Tagging alone" excludes the retext parse. The must-not-fire set is the grammar rules\' good examples topped up with near-miss sentences of shared/data/clean-english.dev.jsonl (read at run time). Clean-set findings: the grammar rules on shared/data/clean-english.dev.jsonl, documents rebuilt (every one a false positive). MQM: the grammar rules on the distinct machine-translated targets of shared/data/mqm-zhen-wmt23-news.jsonl, raters merged; a finding counts when it overlaps a rater-marked span.',
  '',
  ...rows.flatMap((row) => (row.fired.length > 0 ? [`Fired with ${row.tagger}:`, '', ...row.fired.map((line) => `- ${line}`), ''] : []))
]
mkdirSync(join(projectRoot(), 'reports'), {recursive: true})
writeFileSync(join(projectRoot(), 'reports', 'bench-taggers.md'), lines.join('\n') + '\n')
console.log(lines.join('\n'))
