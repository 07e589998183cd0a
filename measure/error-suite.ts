/**
 * The dev error suite (corpus/error-suite.dev.jsonl): sentences with one
 * common error each, and correct sentences that look like them ("had had",
 * "a 12" pipe", "Bora Bora"). An error counts as found when a finding of
 * severity minor or above overlaps its `span`; a correct sentence counts as
 * flagged when it draws any minor-or-above finding.
 *
 * Usage: node dist/measure/error-suite.js   (writes reports/error-suite.md)
 *
 * Then the generalization check (measure/lib/generalization.ts), which no
 * one writes by hand: correct sentences harvested from the clean set by the
 * rules' surface triggers, errors synthesized by corrupting them, and real
 * MT errors from MLQE-PE post-edits, per family and per half (tune/report).
 *
 * The blind suites (corpus/error-suite.blind.jsonl,
 * corpus/error-suite.blind2.jsonl and corpus/error-suite.blind3.jsonl, each
 * when present) get their own sections,
 * as the audit suite does.
 *
 * The held-out suites are written by others; this one is a dev set: never
 * tune a rule to one of its sentences.
 */
import {existsSync, readFileSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {lintText} from '../src/engine/lint.js'
import {defaultConfig} from '../src/registry.js'
import {severityRank, type Finding} from '../src/engine/types.js'
import {readJsonl, sharedDataFile, type CleanItem} from './lib/datasets.js'
import {detokenize} from './lib/detokenize.js'
import {mergeRaters, type MqmRow} from './lib/mqm.js'
import {measureGeneralization, ratioOf, type CleanSentence, type Family, type GeneralizationResult, type PostEdited} from './lib/generalization.js'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

export interface SuiteItem {
  id: string
  family: string
  error: boolean
  text: string
  /** The erroneous text (error items only). */
  span?: string
}

export interface SuiteOutcome {
  item: SuiteItem
  /** Error found, or correct sentence flagged. */
  hit: boolean
  findings: Finding[]
}

export function loadSuite(file = path.join(root, 'corpus/error-suite.dev.jsonl')): SuiteItem[] {
  return readFileSync(file, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line) as SuiteItem)
}

export function runSuite(items: readonly SuiteItem[]): SuiteOutcome[] {
  return items.map((item) => {
    const findings = lintText(item.text, '<text>', defaultConfig()).findings.filter((finding) => severityRank(finding.severity) >= severityRank('minor'))
    if (!item.error) return {item, hit: findings.length > 0, findings}
    const start = item.text.indexOf(item.span!)
    const end = start + item.span!.length
    return {item, hit: findings.some((finding) => finding.start.offset < end && finding.end.offset > start), findings}
  })
}

function percent(part: number, whole: number): string {
  return whole === 0 ? '–' : `${part}/${whole} (${Math.round((100 * part) / whole)}%)`
}

const count = (rows: readonly SuiteOutcome[], error: boolean) => {
  const of = rows.filter((row) => row.item.error === error)
  return percent(of.filter((row) => row.hit).length, of.length)
}

/** The per-family table and the list of misses and false alarms of one suite. */
function suiteSection(outcomes: readonly SuiteOutcome[], heading: string): string[] {
  const families = [...new Set(outcomes.map((outcome) => outcome.item.family))].sort()
  const lines = [
    `Errors found: **${count(outcomes, true)}**; correct sentences flagged: **${count(outcomes, false)}** (issue "Reach" asks for at least 50% and at most 3% on the held-out suites).`,
    '',
    '| family | errors found | correct flagged |',
    '|---|---|---|'
  ]
  for (const family of families) {
    const rows = outcomes.filter((outcome) => outcome.item.family === family)
    lines.push(`| ${family} | ${count(rows, true)} | ${count(rows, false)} |`)
  }

  lines.push('', `${heading} Misses and false alarms`, '')
  for (const outcome of outcomes) {
    if (outcome.item.error === outcome.hit) continue
    const what = outcome.item.error ? `missed \`${outcome.item.span!}\`` : `flagged by ${outcome.findings.map((finding) => `${finding.ruleId} (\`${finding.actual}\`)`).join(', ')}`
    lines.push(`- ${outcome.item.id}: ${what}: ${outcome.item.text.replaceAll('\n', ' ')}`)
  }

  return lines
}

/** The suites written blind to the rules, each reported under its own heading (nothing when its file is absent). */
const blindSuites = [
  {
    file: path.join(root, 'corpus/error-suite.blind.jsonl'),
    heading: '## Blind suite (written without reading the rules, their data, their docs or the other suites)',
    description:
      'corpus/error-suite.blind.jsonl: realistic news sentences for the issue\'s families and the artifacts of the brief (a word echoed across a sentence boundary, quotes turned or never closed, stacked determiners, space before punctuation, decimal commas, one name spelt two ways, Romance word order, a noun after a degree adverb, calques), with tricky correct counterparts (intensifier reduplication, particle + preposition, pronoun + possessive, doubled auxiliaries, inch marks and primes, legal citations, headlines, lists, scores, code names, poetry, dialect in quotes, British spelling, names with particles). Written from the issue and the suite format alone, before any rule code, rule data, rule docs or other suite file was read (only this report\'s summary had been seen). Counted as the dev suite is; it stands in for the held-out suites, so a fix it prompts must be a class fix proven on the clean set and on MQM, never a rule for one of its sentences.'
  },
  {
    file: path.join(root, 'corpus/error-suite.blind2.jsonl'),
    heading: '## Second blind suite (written without reading the rules, their data, their docs or the other suites)',
    description:
      'corpus/error-suite.blind2.jsonl: 328 news and report sentences, about 40% errors, in the style of MT output and professional copy: one common error of each of the issue\'s families (missing space after punctuation, tokenizer spacing, CJK script and full-width punctuation, stacked determiners, pronoun / `there is` / `one of the X are` agreement, capitalised doubles, unpaired brackets, a noun after a degree adverb, Romance word order, duplication incl. an echo across a sentence boundary, misdirected, unclosed and spaced quotes, decimal commas and dotted thousands, one name spelt two ways), and tricky correct counterparts per family plus an `ordinary` family (intensifier reduplication, particle + preposition, pronoun + possessive, doubled auxiliaries, inch marks and primes, `had had`, `that that`, reduplicated names, legal citations, URLs, initials, ellipses, dialogue, headlines, lyrics, code-like tokens, collective nouns, singular they, subjunctives). Written from the issue and the suite format alone, before any rule code, rule data, rule docs or other suite file was read. Counted as the dev suite is; it stands in for the held-out suites, so a fix it prompts must be a class fix proven on the clean set and on MQM, never a rule for one of its sentences.'
  },
  {
    file: path.join(root, 'corpus/error-suite.blind3.jsonl'),
    heading: '## Third blind suite (written without reading the rules, their data, their docs or the other suites)',
    description:
      'corpus/error-suite.blind3.jsonl: 369 items (130 errors, 239 correct) written blind by suite9 on 2026-12-02 from the issue\'s text and the suite format alone (only the first 3 lines of the second blind suite were read, for the JSON shape), and committed before any result was seen; not used for tuning. Errors in MT-style news sentences for each of the issue\'s families (missing space after punctuation, tokenizer spacing and split contractions/possessives, space before `%`, full-width CJK punctuation and non-Latin script, determiner collisions and stacked determiners, pronoun / `there is` / `one of the X are` / attraction agreement, capitalised and sentence-initial doubles, a word echoed across a sentence boundary, unpaired brackets, wrong-way and unclosed quotes, Romance word order, a noun after a degree adverb, decimal commas and dotted thousands, one name spelt two ways, spaces before punctuation, torn-off fragments); 125 tricky correct counterparts per family (abbreviations, decimals, URLs, initials, ellipses, inch marks and primes, `had had`, `that that`, `The The`, particle + preposition, collective nouns, singular they, subjunctives, `Is this the`, postpositive adjectives, `.NET`/`.312`, names with particles, anadiplosis, legitimate fragments) and 114 `ordinary` sentences (dialogue, headlines, lists, recipes, sports results, scientific prose, poetry and lyrics, tweets, legal text, financial prose). Counted as the dev suite is; it stands in for the held-out suites, so a fix it prompts must be a class fix proven on the clean set and on MQM, never a rule for one of its sentences.'
  }
]

function blindSection(outcomes: readonly SuiteOutcome[] | undefined, suite: (typeof blindSuites)[number]): string[] {
  if (!outcomes) return []
  return ['', suite.heading, '', suite.description, '', ...suiteSection(outcomes, '###')]
}

function main(): void {
  const outcomes = runSuite(loadSuite())
  const audit = runSuite(loadSuite(path.join(root, 'corpus/error-suite.audit.jsonl')))
  const [blind, blind2, blind3] = blindSuites.map((suite) => (existsSync(suite.file) ? runSuite(loadSuite(suite.file)) : undefined))
  const lines = [
    '# Dev error suite',
    '',
    'Generated by `node dist/measure/error-suite.js` from corpus/error-suite.dev.jsonl. An error is found when a minor-or-above finding overlaps it; a correct sentence is flagged when it draws any minor-or-above finding.',
    '',
    ...suiteSection(outcomes, '##'),
    '',
    '## Audit suite (written blind to the rules)',
    '',
    'corpus/error-suite.audit.jsonl: sentences written for the issue\'s families, with tricky correct counterparts for each family (inch marks, `had had`, `Bora Bora`, legal citations, emoticons, names with particles, subjunctives, lyrics, dialogue, headlines, ...). The `audit-` items were written without reading the rule code; the `audit-b-` items (more correct sentences across all rules) after the first fixes had been made. Counted as the dev suite is; it stands in for the held-out suites, so a fix it prompts must be a class fix proven on the clean set and on MQM, never a rule for one of its sentences.',
    '',
    ...suiteSection(audit, '###'),
    ...blindSection(blind, blindSuites[0]!),
    ...blindSection(blind2, blindSuites[1]!),
    ...blindSection(blind3, blindSuites[2]!)
  ]

  lines.push(...generalizationSection())
  writeFileSync(path.join(root, 'reports/error-suite.md'), lines.join('\n') + '\n')
  const blindLine = blind ? `; blind: errors found ${count(blind, true)}, correct flagged ${count(blind, false)}` : ''
  const blind2Line = blind2 ? `; blind2: errors found ${count(blind2, true)}, correct flagged ${count(blind2, false)}` : ''
  const blind3Line = blind3 ? `; blind3: errors found ${count(blind3, true)}, correct flagged ${count(blind3, false)}` : ''
  process.stdout.write(`error-suite: errors found ${count(outcomes, true)}, correct flagged ${count(outcomes, false)}; audit: errors found ${count(audit, true)}, correct flagged ${count(audit, false)}${blindLine}${blind2Line}${blind3Line}\n`)
}





interface MlqeRow {
  id: string
  split: string
  target: string
  post_edit?: string
}

function loadPostEdited(): PostEdited[] {
  const rows: PostEdited[] = []
  for (const lp of ['ro', 'et', 'ru']) {
    const file = sharedDataFile(`mlqe-pe-${lp}-en.jsonl`)
    if (!file) continue
    for (const row of readJsonl<MlqeRow>(file)) {
      if (!row.post_edit) continue
      rows.push({id: row.id, half: row.split === 'train' ? 'tune' : 'report', mt: detokenize(row.target.split(' ')).text, postEdit: detokenize(row.post_edit.split(' ')).text})
    }
  }

  return rows
}

const families: Family[] = ['duplication', 'capitalised-double', 'determiner', 'agreement', 'word-order']

function generalizationSection(): string[] {
  const cleanFile = sharedDataFile('clean-english.dev.jsonl')
  if (!cleanFile) return ['', '## Generalization', '', 'Skipped: ../shared/data/clean-english.dev.jsonl is missing.']
  const clean: CleanSentence[] = readJsonl<CleanItem>(cleanFile).map((item) => ({id: item.id, doc: `${item.dataset}/${item.doc}`, text: item.text}))
  const postEdited = loadPostEdited()
  const nt2020 = sharedDataFile('mqm-zhen-nt2020.jsonl')
  const marked = nt2020 ? mergeRaters(readJsonl<MqmRow>(nt2020).filter((row) => (row as MqmRow & {all_offsets_exact?: boolean}).all_offsets_exact === true)) : []
  const result = measureGeneralization(clean, postEdited, defaultConfig(), marked)
  const lines = [
    '',
    '## Generalization (harvested and synthesized, not written by hand)',
    '',
    `Measured by measure/lib/generalization.ts on ${clean.length} clean items (clean-english.dev.jsonl, each linted alone) and ${postEdited.length} MLQE-PE MT sentences with their post-edits. Only the grammar rules' findings of severity minor and above count (${'`repeated-word`'}, ${'`stacked-determiner`'}, the agreement rules, ...). Halves: clean items by a hash of their document, MLQE-PE train (tune) vs dev and test20 (report). Rules are tuned on the tune half; the report half is the figure to quote.`,
    '',
    '- **correct flagged**: clean sentences holding a family\'s surface trigger (two identical adjacent words, a determiner before a determiner-like word, a pronoun before a verb form, `there is/are`, `one of the ... is`, a collective noun or a plural subject before its verb, singular they, a determiner + noun + relational adjective, a determiner + degree adverb + word + noun) that draw a grammar finding;',
    '- **errors found**: the same clean sentences corrupted the way the family describes (one corruption of each kind a sentence allows, at a position picked by a hash; for word order a relational adjective, picked by its form and not from the list in the rule, moved after its noun, and an adjective after a degree adverb replaced by the noun it comes from), found when a grammar finding overlaps the change;',
    '- **real MT found**: a trigger in MLQE-PE MT that the post-editor changed (a doubled word or determiner pair removed, the verb after a pronoun or `there` put in other number); **real MT kept, flagged**: a trigger the post-editor kept, with a grammar finding on it; **post-edits flagged**: a trigger in the human post-edit with a grammar finding on it (a post-edit is corrected MT, not edited prose: a finding there may be a real error left in); **nt2020 marked found**: a trigger in newstest2020 zh-en MT (records with exact offsets) on a span a rater marked as a fluency error, found (doubles and determiner collisions only: the agreement triggers are English by themselves, so a span on them marks another error).',
    '',
    '| family | half | correct flagged | errors found | real MT found | real MT kept, flagged | post-edits flagged | nt2020 marked found |',
    '|---|---|---|---|---|---|---|---|'
  ]
  for (const family of families) {
    for (const half of ['report', 'tune'] as const) {
      const key = `${family}|${half}`
      lines.push(`| ${family} | ${half} | ${ratioOf(result.flagged.get(key))} | ${ratioOf(result.found.get(key), true)} | ${ratioOf(result.realFound.get(key), true)} | ${ratioOf(result.realFlagged.get(key))} | ${ratioOf(result.postEditFlagged.get(key))} | ${ratioOf(result.markedFound.get(key), true)} |`)
    }
  }

  lines.push('', '### By kind (report half)', '', '| family | kind | correct flagged | errors found | real MT found | real MT kept, flagged | post-edits flagged | nt2020 marked found |', '|---|---|---|---|---|---|---|---|')
  const kinds = new Set([...result.flagged.keys(), ...result.found.keys(), ...result.realFound.keys(), ...result.realFlagged.keys(), ...result.postEditFlagged.keys(), ...result.markedFound.keys()].filter((key) => key.split('|').length === 3).map((key) => key.replace('|tune|', '|report|')))
  for (const key of [...kinds].sort()) {
    const [family, , kind] = key.split('|') as [string, string, string]
    lines.push(`| ${family} | ${kind} | ${ratioOf(result.flagged.get(key))} | ${ratioOf(result.found.get(key), true)} | ${ratioOf(result.realFound.get(key), true)} | ${ratioOf(result.realFlagged.get(key))} | ${ratioOf(result.postEditFlagged.get(key))} | ${ratioOf(result.markedFound.get(key), true)} |`)
  }

  lines.push('', '### Correct clean sentences flagged, by rule (both halves)', '')
  for (const [rule, count] of [...result.byRule].sort((a, b) => b[1] - a[1])) lines.push(`- ${rule}: ${count}`)
  lines.push('', '### Examples from the tune half (misses and false alarms)', '')
  for (const family of families) {
    lines.push(...examples(result, family))
  }

  return lines
}

function examples(result: GeneralizationResult, family: Family): string[] {
  const key = `${family}|tune`
  const lines: string[] = []
  for (const [label, map] of [['correct flagged', result.flagged], ['synthetic missed', result.found], ['real MT missed', result.realFound], ['real MT kept, flagged', result.realFlagged], ['post-edit flagged', result.postEditFlagged], ['nt2020 marked missed', result.markedFound]] as const) {
    for (const example of map.get(key)?.examples.slice(0, 6) ?? []) lines.push(`- ${family}, ${label}: ${example.replaceAll('\n', ' ')}`)
  }

  return lines
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) main()
