/**
 * Severity by evidence (issue "Reach"): each rule's precision against
 * rater-marked spans, pooled over every annotated set that can judge it, beside
 * its findings on clean English, and the default severity one written policy
 * draws from them. reports/rule-precision.md is this script's output; the
 * severities in rules/ID.ts follow its `policy` column.
 *
 * Evidence, pooled: newstest2020 zh-en MQM (the training year: whole documents
 * linted, findings scored in segments whose spans all matched their target
 * exactly), WMT23 zh-en MQM (dev), and the MLQE-PE BAD tags for rules whose
 * artifact a post-editor fixes word by word. The BAD tags do not judge
 * spacing, quotation and bracket rules: MLQE-PE is tokenized text (its
 * spacing is our detokenizer's guess) and its sources are Wikipedia lines
 * whose markup debris (`thumb [[Nuremberg`) a faithful translation keeps.
 * Clean: findings of any severity on the clean dev set.
 *
 * Usage: node dist/measure/rule-precision.js [rule-id ...]
 */
import {writeFileSync} from 'node:fs'
import path from 'node:path'
import {allRules} from '../rules/index.js'
import {severityRank, type Category, type Severity} from '../src/engine/types.js'
import {defaultConfig} from '../src/registry.js'
import {evaluateCleanSet} from './lib/clean-set.js'
import {loadCleanDocuments, projectRoot, readJsonl, sharedDataFile} from './lib/datasets.js'
import {badSegments} from './lib/mlqe.js'
import type {Ratio} from './lib/corpus-score.js'
import {evaluateMqm, mergeRaters, type MqmResult, type MqmRow} from './lib/mqm.js'

/** Categories the MLQE-PE BAD tags cannot judge (see the header). */
const notJudgedByBad: ReadonlySet<Category> = new Set<Category>(['spacing', 'quotation', 'punctuation'])

/** Fewer pooled findings than this and a precision says little. */
export const fewFindings = 10

/**
 * Rules whose shape is an error in English by construction, so that a rule
 * with too few findings to judge keeps its severity (at most `minor`) instead
 * of dropping to `info`. Each says why.
 */
export const byConstruction: Readonly<Record<string, string>> = {
  'although-but': '"Although ..., but ..." marks one contrast twice in any English sentence',
  'doubled-possessive': 'a possessive marked twice (`its’s`) is never English',
  guillemets: 'English text never quotes with « » or „',
  'pronoun-agreement': 'a subject `it` with `his`/`her` inside an idiom bound to its subject',
  'pronoun-verb-agreement': 'only the unambiguous shapes (subject pronoun + finite verb), subjunctives and singular they left alone',
  'quote-apostrophe': 'a straight double quote inside a word (`India"s`) is a mark in the wrong place',
  'quote-direction': 'a curly mark turned the wrong way is a wrong character, not a style',
  'stacked-determiner': 'two determiners before one noun (`a the report`) is never English',
  'subject-verb-agreement': 'the clearest shape only: determiner, noun, verb opening a clause; collectives and subjunctives left alone'
}

export interface Evidence {
  hits: number
  total: number
  clean: number
}

/**
 * The policy. Pooled precision p over n findings, c findings on the clean set:
 * - n < 10: too few to judge: `info`, unless the shape is an error by
 *   construction (`byConstruction`): then the author's severity, at most `minor`;
 * - p < 50%: `info` (wrong as often as right, even allowing for the errors
 *   raters leave unmarked: at most five a segment);
 * - 50% <= p < 70%: `minor`;
 * - p >= 70%: the author's severity, at most `minor` unless p >= 90% over at
 *   least 20 findings with no clean-set finding (then `major` is allowed).
 * The author's `info` stays `info`.
 */
export function policySeverity(id: string, author: Severity, evidence: Evidence): Severity {
  const cap = (severity: Severity): Severity => (severityRank(author) < severityRank(severity) ? author : severity)
  const {hits, total, clean} = evidence
  if (total < fewFindings) return id in byConstruction ? cap('minor') : 'info'
  const precision = hits / total
  if (precision < 0.5) return 'info'
  if (precision < 0.7) return cap('minor')
  return precision >= 0.9 && total >= 20 && clean === 0 ? author : cap('minor')
}

function ratio({hits, total}: Ratio): string {
  return total === 0 ? '–' : `${hits}/${total} (${Math.round((100 * hits) / total)}%)`
}

function byRule(result: MqmResult): Map<string, Ratio> {
  return new Map(result.rules.map((rule) => [rule.ruleId, rule.precision]))
}

function main(): void {
  const training = sharedDataFile('mqm-zhen-nt2020.jsonl')
  const dev = sharedDataFile('mqm-zhen-wmt23-news.jsonl')
  const clean = loadCleanDocuments()
  if (!training || !dev || !clean) {
    process.stderr.write('rule-precision: ../shared/data is missing (mqm-zhen-nt2020.jsonl, mqm-zhen-wmt23-news.jsonl, clean-english.dev.jsonl)\n')
    process.exitCode = 2
    return
  }

  const wanted = process.argv.slice(2)
  const unknown = wanted.find((id) => !allRules.some((rule) => rule.meta.id === id))
  if (unknown) {
    process.stderr.write(`rule-precision: unknown rule \`${unknown}\`\n`)
    process.exitCode = 2
    return
  }

  const rules = wanted.length > 0 ? allRules.filter((rule) => wanted.includes(rule.meta.id)) : allRules
  // Precision counts findings of every severity, so a rule's evidence does not move with its own default.
  const config = defaultConfig()
  const trainingResult = byRule(evaluateMqm(mergeRaters(readJsonl<MqmRow>(training)), config, 0))
  const devResult = byRule(evaluateMqm(mergeRaters(readJsonl<MqmRow>(dev)), config, 0))
  const badResult = byRule(evaluateMqm(badSegments(), config, 0))
  const cleanResult = evaluateCleanSet(clean, config)

  const lines = [
    '# Rule precision against rater-marked spans, and the severity it allows',
    '',
    'Generated by `node dist/measure/rule-precision.js` (measure/rule-precision.ts). Precision = findings of any severity overlapping a span a professional rater marked (a lower bound: MQM raters mark at most five errors a segment). Training: newstest2020 zh-en MQM, whole documents linted, findings scored in segments whose spans all matched exactly; dev: WMT23 zh-en MQM; BAD: MLQE-PE ro/et/ru-en train split, BAD-tagged words as spans, pooled only for rules outside the spacing, quotation and punctuation categories (tokenized text, Wikipedia markup debris in the sources). Clean: findings of any severity on the clean dev set.',
    '',
    '## Policy',
    '',
    'Pooled precision p over n findings (training + dev + BAD where it judges), c clean-set findings:',
    '',
    `- n < ${fewFindings}: too few to judge: \`info\`, unless the shape is an error by construction (listed below), then the rule's severity, at most \`minor\`;`,
    '- p < 50%: `info`;',
    '- 50% <= p < 70%: `minor` (the issue: a rule below 70% precision defaults to `minor` or `info`);',
    '- p >= 70%: the rule\'s severity, at most `minor` unless p >= 90% over at least 20 findings with c = 0 (then `major` is allowed).',
    '',
    'A rule whose default differs from the policy column is marked `DIFFERS`.',
    '',
    '| rule | default | policy | pooled | training | dev | BAD | clean | |',
    '|---|---|---|---|---|---|---|---|---|'
  ]
  const differs: string[] = []
  for (const rule of rules) {
    const {id, severity, category} = rule.meta
    const none = {hits: 0, total: 0}
    const train = trainingResult.get(id) ?? none
    const devRatio = devResult.get(id) ?? none
    const badRatio = notJudgedByBad.has(category) ? undefined : (badResult.get(id) ?? none)
    const pooled = {hits: train.hits + devRatio.hits + (badRatio?.hits ?? 0), total: train.total + devRatio.total + (badRatio?.total ?? 0)}
    const cleanCount = (cleanResult.byRule[id] ?? 0) + (cleanResult.infoByRule[id] ?? 0)
    const policy = policySeverity(id, severity, {...pooled, clean: cleanCount})
    if (policy !== severity) differs.push(`${id}: ${severity} -> ${policy}`)
    lines.push(`| ${id} | ${severity} | ${policy} | ${ratio(pooled)} | ${ratio(train)} | ${ratio(devRatio)} | ${badRatio ? ratio(badRatio) : 'n/a'} | ${cleanCount} | ${policy === severity ? '' : 'DIFFERS'} |`)
  }

  lines.push('', '## Errors by construction', '', 'Rules that keep their severity (at most `minor`) on too few findings to judge:', '')
  for (const [id, why] of Object.entries(byConstruction)) lines.push(`- \`${id}\`: ${why}.`)
  const out = path.join(projectRoot(), 'reports/rule-precision.md')
  if (wanted.length === 0) writeFileSync(out, lines.join('\n') + '\n')
  process.stdout.write(lines.slice(lines.indexOf('| rule | default | policy | pooled | training | dev | BAD | clean | |')).join('\n') + '\n')
  if (differs.length > 0) process.stderr.write(`rule-precision: defaults that differ from the policy:\n  ${differs.join('\n  ')}\n`)
}

main()
