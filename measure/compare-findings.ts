/**
 * Findings of one build on the corpus, the clean dev set and the MQM dev set,
 * written one JSON line each (set, document, rule, offsets, actual, message,
 * expected, safe), so that two builds can be compared finding by finding: a
 * refactoring that must not change behaviour proves it with an empty diff.
 *
 * Usage:
 *   node dist/measure/compare-findings.js --out FILE [--rules calque,term-consistency] [--more]
 *   node dist/measure/compare-findings.js --diff OLD NEW [--summary FILE]
 * With --diff it prints (and writes to --summary) the counts per set and rule
 * and every finding present in one file only; it exits 1 when they differ.
 * --more adds larger sets for a stronger check: the MQM training set
 * (newstest2020), the suspected defects, the MLQE-PE sentences (as given,
 * tokenized), and the clean and MQM dev documents merged a hundred at a time
 * into long texts, so that a document-wide rule (term-consistency) sees far
 * more pairs of spellings than real documents hold.
 */
import {readFileSync, writeFileSync} from 'node:fs'
import {allRules} from '../rules/index.js'
import {defaultConfig, resolveConfig} from '../src/registry.js'
import {lintText} from '../src/engine/lint.js'
import {readJsonl, rebuildDocuments, sharedDataFile, type CleanItem} from './lib/datasets.js'
import {loadCorpus} from './lib/gold.js'
import {mergeRaters, mqmItems, type MqmRow} from './lib/mqm.js'

function argument(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`)
  return index >= 0 ? process.argv[index + 1] : undefined
}

interface Row {
  set: string
  document: string
  rule: string
  start: number
  end: number
  actual: string
  message: string
  expected: string[]
  safe: boolean
}

const diff = argument('diff')
if (diff !== undefined) compare(diff, process.argv[process.argv.indexOf('--diff') + 2]!)
else collect(argument('out') ?? 'findings.jsonl')

function collect(out: string): void {
  const ruleIds = argument('rules')?.split(',')
  for (const id of ruleIds ?? []) if (!allRules.some((rule) => rule.meta.id === id)) throw new Error(`--rules: unknown rule ${id}`)
  const config = ruleIds
    ? resolveConfig({rules: Object.fromEntries(allRules.map((rule) => [rule.meta.id, ruleIds.includes(rule.meta.id) ? rule.meta.severity : 'off']))})
    : defaultConfig()
  const rows: Row[] = []
  const more = process.argv.includes('--more')
  const merged = new Map<string, string[]>()
  const lint = (set: string, document: string, text: string) => {
    if (more && (set === 'clean' || set === 'mqm')) merged.set(set, merged.get(set) ?? []).get(set)!.push(text)
    for (const finding of lintText(text, document, config).findings) {
      rows.push({
        set,
        document,
        rule: finding.ruleId,
        start: finding.start.offset,
        end: finding.end.offset,
        actual: finding.actual,
        message: finding.message,
        expected: finding.expected,
        safe: finding.safe
      })
    }
  }

  for (const {name, text} of loadCorpus()) lint('corpus', name, text)
  const clean = sharedDataFile('clean-english.dev.jsonl')
  if (clean) for (const document of rebuildDocuments(readJsonl<CleanItem>(clean))) lint('clean', document.id, document.text)
  else console.log('clean-english.dev.jsonl not found: skipped')
  const mqm = sharedDataFile('mqm-zhen-wmt23-news.jsonl')
  // As the MQM evaluation reads them: raters merged, segments rebuilt into documents per system.
  function lintMqm(set: string, path: string): void {
    const segments = mergeRaters(readJsonl<MqmRow>(path))
    const items = mqmItems(segments)
    for (const document of rebuildDocuments(items)) lint(set, document.id, document.text)
  }

  if (mqm) lintMqm('mqm', mqm)
  else console.log('mqm-zhen-wmt23-news.jsonl not found: skipped')
  if (more) {
    for (const [set, texts] of merged) {
      for (let from = 0; from < texts.length; from += 100) lint(`${set}-merged`, `${set}:${from}`, texts.slice(from, from + 100).join('\n\n'))
    }

    const nt2020 = sharedDataFile('mqm-zhen-nt2020.jsonl')
    if (nt2020) lintMqm('nt2020', nt2020)
    const suspected = sharedDataFile('suspected-defects.dev.jsonl')
    if (suspected) for (const item of readJsonl<CleanItem>(suspected)) lint('suspected', item.id, item.text)
    for (const language of ['ro', 'et', 'ru']) {
      const path = sharedDataFile(`mlqe-pe-${language}-en.jsonl`)
      if (path) for (const row of readJsonl<{id: string; target: string}>(path)) lint(`mlqe-${language}`, row.id, row.target)
    }
  }

  writeFileSync(out, rows.map((row) => JSON.stringify(row)).join('\n') + (rows.length > 0 ? '\n' : ''))
  console.log(`${rows.length} findings written to ${out}`)
}

function compare(oldPath: string, newPath: string): void {
  const read = (path: string) => readFileSync(path, 'utf8').split('\n').filter((line) => line !== '')
  const before = read(oldPath)
  const after = read(newPath)
  const lines: string[] = []
  const counts = new Map<string, [number, number]>()
  const count = (line: string, side: 0 | 1) => {
    const row = JSON.parse(line) as Row
    const key = `${row.set} ${row.rule}`
    const pair = counts.get(key) ?? [0, 0]
    pair[side]++
    counts.set(key, pair)
  }

  for (const line of before) count(line, 0)
  for (const line of after) count(line, 1)
  lines.push('| set | rule | old | new |', '|---|---|---:|---:|')
  for (const [key, [old, fresh]] of [...counts].sort()) lines.push(`| ${key.replace(' ', ' | ')} | ${old} | ${fresh} |`)
  const multiset = (list: string[]) => {
    const map = new Map<string, number>()
    for (const line of list) map.set(line, (map.get(line) ?? 0) + 1)
    return map
  }

  const oldSet = multiset(before)
  const newSet = multiset(after)
  const onlyIn = (a: Map<string, number>, b: Map<string, number>) => [...a].flatMap(([line, times]) => Array<string>(Math.max(0, times - (b.get(line) ?? 0))).fill(line))
  const removed = onlyIn(oldSet, newSet)
  const added = onlyIn(newSet, oldSet)
  lines.push('', `${before.length} findings before, ${after.length} after; ${removed.length} only before, ${added.length} only after.`)
  for (const line of removed) lines.push(`- ${line}`)
  for (const line of added) lines.push(`+ ${line}`)
  const summary = lines.join('\n') + '\n'
  process.stdout.write(summary)
  const out = argument('summary')
  if (out) writeFileSync(out, summary)
  process.exitCode = removed.length + added.length === 0 ? 0 : 1
}
