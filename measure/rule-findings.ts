/**
 * Every finding of the named rules on one measurement set, each with the
 * categories of the rater-marked spans it overlaps (or `unmarked`) and its
 * context: the material for judging a rule's false alarms class by class
 * before its precision is changed (issue "Reach").
 *
 * Usage: node dist/measure/rule-findings.js [--set dev|train|bad|clean] [--unmarked] rule-id ...
 *
 * dev: WMT23 zh-en MQM; train: newstest2020 zh-en MQM, whole documents,
 * scored where a rating's spans all matched exactly; bad: the MLQE-PE train
 * split detokenized, BAD-tagged words as the spans; clean: the clean dev set (every finding there is unmarked).
 */
import {onlyRule, resolveConfig} from '../src/registry.js'
import {allRules} from '../rules/index.js'
import {evaluateCleanSet} from './lib/clean-set.js'
import {loadCleanDocuments, readJsonl, sharedDataFile} from './lib/datasets.js'
import {badSegments} from './lib/mlqe.js'
import {evaluateMqm, mergeRaters, type MqmRow} from './lib/mqm.js'

function main(): void {
  const args = process.argv.slice(2)
  const set = args.includes('--set') ? args[args.indexOf('--set') + 1]! : 'dev'
  const unmarkedOnly = args.includes('--unmarked')
  const ids = args.filter((arg, index) => !arg.startsWith('--') && args[index - 1] !== '--set')
  const unknown = ids.filter((id) => !allRules.some((rule) => rule.meta.id === id))
  if (ids.length === 0 || unknown.length > 0) {
    process.stderr.write(`rule-findings: ${ids.length === 0 ? 'name at least one rule' : `unknown rule \`${unknown[0]}\``}\n`)
    process.exitCode = 2
    return
  }

  const config = ids.length === 1 ? onlyRule(ids[0]!) : resolveConfig({rules: Object.fromEntries(allRules.map((rule) => [rule.meta.id, ids.includes(rule.meta.id) ? rule.meta.severity : 'off']))})
  if (set === 'clean') {
    const documents = loadCleanDocuments()
    if (!documents) throw new Error('rule-findings: ../shared/data/clean-english.dev.jsonl is missing')
    for (const finding of evaluateCleanSet(documents, config).findings) process.stdout.write(`unmarked\t${finding.ruleId}\t${finding.segmentId}\t${finding.context}\n`)
    return
  }

  const file = set === 'dev' ? sharedDataFile('mqm-zhen-wmt23-news.jsonl') : set === 'train' ? sharedDataFile('mqm-zhen-nt2020.jsonl') : undefined
  if (set !== 'bad' && !file) {
    process.stderr.write(`rule-findings: no data for --set ${set} (dev, train, bad, clean; ../shared/data)\n`)
    process.exitCode = 2
    return
  }

  const rows = file ? readJsonl<MqmRow>(file) : []
  const result = evaluateMqm(set === 'bad' ? badSegments() : mergeRaters(rows), config, Number.POSITIVE_INFINITY)
  for (const rule of result.rules) {
    for (const example of rule.examples) {
      if (unmarkedOnly && example.marked.length > 0) continue
      process.stdout.write(`${example.marked.length > 0 ? example.marked.join(',') : 'unmarked'}\t${rule.ruleId}\t${example.segment}\t${example.context}\n`)
    }
    process.stderr.write(`${rule.ruleId}: ${rule.precision.hits}/${rule.precision.total} on a marked span\n`)
  }
}

main()
