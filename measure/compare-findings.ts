/**
 * Findings of one build on the corpus, the clean dev set and the MQM dev set,
 * written one JSON line each (set, document, rule, offsets, actual, message,
 * expected, safe), so that two builds can be compared finding by finding: a
 * refactoring that must not change behaviour proves it with an empty diff.
 *
 * Usage:
 *   node dist/measure/compare-findings.js --out FILE [--rules calque,term-consistency] [--more]
 *   node dist/measure/compare-findings.js --diff OLD NEW [--summary FILE]
 *   node dist/measure/compare-findings.js --human [--list CHECK] [--out FILE]
 * With --diff it prints (and writes to --summary) the counts per set and rule
 * and every finding present in one file only; it exits 1 when they differ.
 * --more adds larger sets for a stronger check: the MQM training set
 * (newstest2020), the suspected defects, the MLQE-PE sentences (as given,
 * tokenized), and the clean and MQM dev documents merged a hundred at a time
 * into long texts, so that a document-wide rule (term-consistency) sees far
 * more pairs of spellings than real documents hold.
 * With --human it runs compare's source-aware checks on the MQM sets, one
 * document at a time as `compare` sees them: per human reference, findings
 * per 2,000 words and their verdicts (measure/compare-verdicts.json; the
 * number checks' in measure/number-verdicts.json); per check, the MT findings
 * and those on a rater-marked span (any category, and accuracy only). --list
 * prints every human finding of one check with its source; --out writes the
 * human findings and the MT counts as JSON lines, for a before/after diff.
 */
import {readFileSync, writeFileSync} from 'node:fs'
import {allRules} from '../rules/index.js'
import {defaultConfig, resolveConfig} from '../src/registry.js'
import {lintText} from '../src/engine/lint.js'
import {readJsonl, rebuildDocuments, sharedDataFile, type CleanItem} from './lib/datasets.js'
import {loadCorpus} from './lib/gold.js'
import {mergeRaters, mqmItems, type MqmRow} from './lib/mqm.js'
import {entitiesCheck} from '../src/compare/entity-missing.js'
import {lengthCheck} from '../src/compare/length-ratio.js'
import {numbersCheck} from '../src/compare/number-mismatch.js'
import {numberMissingCheck} from '../src/compare/number-missing.js'
import {punctuationCheck} from '../src/compare/punctuation-parity.js'
import {untranslatedCheck} from '../src/compare/untranslated.js'
import type {PairReport} from '../src/compare/pair-check.js'
import type {Segment} from '../src/compare/segment.js'
import {overlaps} from './lib/ranges.js'
import {projectRoot} from './lib/datasets.js'
import {join} from 'node:path'

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

/** The source-aware checks a reviewer sees on a human translation. */
const humanChecks = [numbersCheck, numberMissingCheck, entitiesCheck, untranslatedCheck, punctuationCheck, lengthCheck]
const wordCount = (text: string) => (text.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu) ?? []).length

interface HumanFinding {
  set: string
  check: string
  key: string
  source: string
  target: string
  actual: string
  message: string
}

function human(): void {
  const listed = argument('list')
  const verdicts: Record<string, string> = {
    ...(JSON.parse(readFileSync(join(projectRoot(), 'measure', 'number-verdicts.json'), 'utf8')) as Record<string, string>),
    ...(JSON.parse(readFileSync(join(projectRoot(), 'measure', 'compare-verdicts.json'), 'utf8')) as Record<string, string>)
  }
  const out: string[] = []
  const lines: string[] = []
  for (const [set, file] of [['nt2020', 'mqm-zhen-nt2020.jsonl'], ['wmt23', 'mqm-zhen-wmt23-news.jsonl']] as const) {
    const path = sharedDataFile(file)
    if (!path) {
      lines.push(`${set}: ${file} not found: skipped`)
      continue
    }

    const rows = readJsonl<MqmRow & {source: string}>(path)
    const sourceOf = new Map(rows.map((row) => [`${row.system}/${row.doc}/${row.seg_id}`, row.source]))
    const humanOf = new Map(rows.map((row) => [row.system, row.is_human_translation]))
    const merged = mergeRaters(rows)
    const byDocument = new Map<string, typeof merged>()
    for (const segment of merged) {
      const key = `${segment.system}/${segment.doc}`
      byDocument.set(key, [...(byDocument.get(key) ?? []), segment])
    }

    const words = new Map<string, number>()
    const found = new Map<string, Map<string, HumanFinding[]>>()
    const mt = new Map<string, {total: number; marked: number; accuracy: number}>()
    for (const [, segments] of byDocument) {
      segments.sort((a, b) => Number(a.segId) - Number(b.segId))
      const system = segments[0]!.system
      const isHuman = humanOf.get(system) === true
      if (isHuman) words.set(system, (words.get(system) ?? 0) + segments.reduce((sum, segment) => sum + wordCount(segment.target), 0))
      const pairs: Segment[] = segments.map((segment) => ({id: segment.key, source: sourceOf.get(segment.key) ?? '', target: segment.target, targetStart: 0}))
      const bySegment = new Map(segments.map((segment) => [segment.key, segment]))
      for (const check of humanChecks) {
        const id = check.meta.id
        check.run({
          segments: pairs,
          sourceLang: 'zh',
          report: (report: PairReport) => {
            const segment = bySegment.get(report.segment.id)!
            const actual = segment.target.slice(report.start, report.end)
            if (isHuman) {
              const whole = report.start === 0 && report.end === segment.target.length
              const numberKey = `${system} ${segment.doc}:${segment.segId} ${id === numberMissingCheck.meta.id ? '(whole segment)' : actual}`
              const key = id === numbersCheck.meta.id || id === numberMissingCheck.meta.id ? numberKey : `${id} ${system} ${segment.doc}:${segment.segId} ${whole ? '(whole segment)' : actual}`
              const perCheck = found.get(system) ?? new Map<string, HumanFinding[]>()
              found.set(system, perCheck)
              perCheck.set(id, [...(perCheck.get(id) ?? []), {set, check: id, key, source: report.segment.source, target: segment.target, actual, message: report.message}])
              return
            }

            if (segment.scored === false) return
            const counts = mt.get(id) ?? {total: 0, marked: 0, accuracy: 0}
            mt.set(id, counts)
            const marked = segment.spans.filter((span) => [report, ...(report.related ?? [])].some((range) => overlaps(range, span)))
            counts.total++
            if (marked.length > 0) counts.marked++
            if (marked.some((span) => /^(accuracy|non-translation)/i.test(span.category))) counts.accuracy++
          }
        })
      }
    }

    lines.push(`## ${set}`, '', '| reference | words | ' + humanChecks.map((check) => check.meta.id).join(' | ') + ' |', '|---|---|' + humanChecks.map(() => '---|').join(''))
    for (const [system, count] of [...words].sort()) {
      const perCheck = found.get(system) ?? new Map<string, HumanFinding[]>()
      const cells = humanChecks.map((check) => {
        const list = perCheck.get(check.meta.id) ?? []
        const verdict = (prefix: string) => list.filter((finding) => (verdicts[finding.key] ?? '').startsWith(prefix)).length
        return `${list.length} (${((2000 * list.length) / count).toFixed(2)}/2k; ${verdict('true')}t ${verdict('debatable')}d ${verdict('false')}f ${list.length - verdict('true') - verdict('debatable') - verdict('false')}?)`
      })
      lines.push(`| ${system} | ${count} | ${cells.join(' | ')} |`)
      for (const list of perCheck.values()) {
        for (const finding of list) out.push(JSON.stringify({...finding, verdict: verdicts[finding.key] ?? null}))
      }
    }

    lines.push('', '| MT | ' + humanChecks.map((check) => check.meta.id).join(' | ') + ' |', '|---|' + humanChecks.map(() => '---|').join(''))
    lines.push('| findings, on a marked span, on an accuracy span | ' + humanChecks.map((check) => {
      const counts = mt.get(check.meta.id) ?? {total: 0, marked: 0, accuracy: 0}
      out.push(JSON.stringify({set, mt: check.meta.id, ...counts}))
      return `${counts.total}, ${counts.marked}, ${counts.accuracy}`
    }).join(' | ') + ' |', '')
    if (listed) {
      for (const list of [...found.values()].map((perCheck) => perCheck.get(listed) ?? [])) {
        for (const finding of list) lines.push(`- ${finding.key} => ${verdicts[finding.key] ?? 'NO VERDICT'}`, `  source: ${finding.source}`, `  target: ${finding.target}`, `  ${finding.message}`)
      }
      lines.push('')
    }
  }

  process.stdout.write(lines.join('\n') + '\n')
  const file = argument('out')
  if (file) writeFileSync(file, out.join('\n') + '\n')
}

const diff = argument('diff')
if (process.argv.includes('--human')) human()
else if (diff !== undefined) compare(diff, process.argv[process.argv.indexOf('--diff') + 2]!)
else collect(argument('out') ?? 'findings.jsonl')
