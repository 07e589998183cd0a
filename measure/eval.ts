/**
 * `npm run eval`: precision and recall on the annotated corpus, false
 * positives on clean English, hits on real published defects and agreement
 * with MQM raters on real MT. Writes reports/eval.md and reports/eval.json.
 * A shared data file that is missing skips its section with a note.
 */
import {existsSync, mkdirSync, readFileSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {allRules} from '../rules/index.js'
import {defaultConfig} from '../src/registry.js'
import {evaluateCleanSet} from './lib/clean-set.js'
import {evaluateCorpus} from './lib/corpus-eval.js'
import {displayPath, projectRoot, readJsonl, rebuildDocuments, sharedDataFile, sharedDir, type CleanItem} from './lib/datasets.js'
import {cleanSetPasses, cleanSetThreshold, renderEvalMarkdown, type EvalResults, type Section} from './lib/eval-report.js'
import {loadNotes, staleNotes} from './lib/explanations.js'
import {loadCorpus} from './lib/gold.js'
import {ratio} from './lib/markdown.js'
import {evaluateMqm, fluencyRecall, mergeRaters, minorPlusPrecision, type MqmRow} from './lib/mqm.js'
import {evaluateMqmCompare, renderMqmCompare, type MqmPairRow} from './lib/mqm-compare.js'
import {evaluateSuspected} from './lib/suspected.js'
import {numbersSection} from './number-mismatch.js'

const started = performance.now()

/**
 * The score against MQM on both years (lint alone, compare alone, both; per
 * system): reports/compare-weights.md, written by measure/fit-weights.ts
 * (minutes: two compare runs over 2,158 documents), one heading level down.
 */
function scoreSection(reports: string): string {
  const path = join(reports, 'compare-weights.md')
  if (!existsSync(path)) return '## The score against MQM ratings\n\nSkipped: reports/compare-weights.md not found (run node dist/measure/fit-weights.js --write).\n'
  return readFileSync(path, 'utf8')
    .replace(/^# .*$/m, '# The score against MQM ratings (from reports/compare-weights.md)')
    .replace(/^#/gm, '##')
}
const config = defaultConfig()

function section<T>(file: string, measure: (path: string) => T): Section<T> {
  const path = sharedDataFile(file)
  const shown = displayPath(join(sharedDir(), 'data', file))
  if (!path) return {file: shown, skipped: `${shown} not found`}
  return {file: shown, result: measure(path)}
}

const corpus = evaluateCorpus(loadCorpus(), config)
console.log(`corpus: ${corpus.texts.length} texts, tier-1 recall ${ratio(corpus.recall[1])}, precision ${ratio(corpus.precision)}`)

const notes = loadNotes()
const cleanItems = sharedDataFile('clean-english.dev.jsonl') ? readJsonl<CleanItem>(sharedDataFile('clean-english.dev.jsonl')!) : []
const clean = section('clean-english.dev.jsonl', () => evaluateCleanSet(rebuildDocuments(cleanItems), config, notes))
console.log('clean set done')
const suspected = section('suspected-defects.dev.jsonl', (path) => evaluateSuspected(readJsonl<CleanItem>(path), cleanItems, config))
console.log('suspected defects done')
const mqm = section('mqm-zhen-wmt23-news.jsonl', (path) => {
  const rows = readJsonl<MqmRow>(path)
  const machine = evaluateMqm(mergeRaters(rows.filter((row) => !row.is_human_translation)), config)
  const human = rows.some((row) => row.is_human_translation) ? evaluateMqm(mergeRaters(rows.filter((row) => row.is_human_translation)), config) : undefined
  return {...machine, human}
})
console.log('mqm done')
// Source-aware checks (mtlint compare) on the same data: the target against its Chinese source.
const mqmCompare = section('mqm-zhen-wmt23-news.jsonl', (path) => evaluateMqmCompare(readJsonl<MqmPairRow>(path).filter((row) => !row.is_human_translation)))
console.log('mqm compare done')

const results: EvalResults = {
  generated: new Date().toISOString().slice(0, 10),
  rules: allRules.filter((rule) => config.rules[rule.meta.id]).map((rule) => rule.meta.id),
  corpus,
  clean,
  staleNotes: 'result' in clean ? staleNotes(notes, clean.result.findings.map((finding) => finding.key)) : [],
  suspected,
  mqm,
  seconds: (performance.now() - started) / 1000
}

const reports = join(projectRoot(), 'reports')
mkdirSync(reports, {recursive: true})
const compareMarkdown = 'result' in mqmCompare ? renderMqmCompare(mqmCompare.result, mqmCompare.file) : `## Source-aware checks against MQM raters (zh-en)\n\nSkipped: ${mqmCompare.skipped}.\n`
writeFileSync(join(reports, 'eval.md'), renderEvalMarkdown(results) + '\n' + compareMarkdown + '\n' + numbersSection() + '\n' + scoreSection(reports))
writeFileSync(join(reports, 'eval.json'), JSON.stringify({...results, mqmCompare}, null, 2) + '\n')

// The summary: the headline numbers, then where the details are.
const seed = corpus.artifacts.filter((outcome) => outcome.text === 'seed-article.txt')
console.log('\nseed artifacts:')
for (const {artifact, rules} of seed) console.log(`  ${artifact.id} (tier ${artifact.tier}, ${artifact.category}): ${rules.join(', ') || 'missed'}`)
console.log(`corpus tier-1 recall ${ratio(corpus.recall[1])}; tier 2 ${ratio(corpus.recall[2])}; tier 3 ${ratio(corpus.recall[3])}; precision ${ratio(corpus.precision)}`)
if ('result' in clean) {
  const {findings, perTenThousandWords, words} = clean.result
  const unexplained = findings.filter((finding) => finding.explanation === undefined).length
  console.log(
    `clean set: ${findings.length} minor+ findings on ${words} words = ${perTenThousandWords.toFixed(2)} per 10,000 words ` +
      `(threshold <= ${cleanSetThreshold}: ${cleanSetPasses(clean.result) ? 'PASS' : 'FAIL'}), ${unexplained} unexplained`
  )
} else console.log(`clean set: skipped (${clean.skipped})`)
if ('result' in suspected) {
  for (const kind of suspected.result.byKind) console.log(`suspected "${kind.defect}": ${kind.hit}/${kind.items} with a finding`)
} else console.log(`suspected defects: skipped (${suspected.skipped})`)
if ('result' in mqm) {
  for (const rule of mqm.result.rules) console.log(`mqm ${rule.ruleId}: ${ratio(rule.precision)} on a rater-marked span (minor+ ${ratio(rule.minorPlus)})`)
  console.log(`mqm minor+ findings on a rater-marked span: ${ratio(minorPlusPrecision(mqm.result))} (acceptance >= 75%)`)
  console.log(`mqm fluency spans reached by a minor+ finding: ${ratio(fluencyRecall(mqm.result))} (acceptance >= 15%)`)
} else console.log(`mqm: skipped (${mqm.skipped})`)
if ('result' in mqmCompare) {
  for (const check of mqmCompare.result.checks) {
    console.log(`mqm compare ${check.checkId}: ${ratio(check.precision)} on a rater-marked span, ${ratio(check.accuracyPrecision)} on an accuracy span; located findings ${ratio(check.located)}`)
  }

  console.log(`mqm compare, all three: ${ratio(mqmCompare.result.overall)} on a rater-marked span (acceptance >= 60%), ${ratio(mqmCompare.result.overallAccuracy)} on an accuracy span`)
} else console.log(`mqm compare: skipped (${mqmCompare.skipped})`)
console.log(`\nwrote reports/eval.md and reports/eval.json in ${results.seconds.toFixed(1)} s`)
