/**
 * Quick look for rule authors: every finding of severity minor or above on
 * the clean-English set (documents rebuilt), with its context.
 * Usage: node dist/measure/clean-findings.js [rule-id ...]
 */
import {defaultConfig, onlyRule} from '../src/registry.js'
import {lintText} from '../src/engine/lint.js'
import {loadCleanDocuments} from './lib/datasets.js'

const ids = process.argv.slice(2)
const documents = loadCleanDocuments()
if (!documents) {
  console.error('clean-english.dev.jsonl not found')
  process.exit(2)
}

let words = 0
let count = 0
for (const document of documents) {
  const configs = ids.length > 0 ? ids.map((id) => onlyRule(id)) : [defaultConfig()]
  for (const config of configs) {
    const result = lintText(document.text, document.id, config)
    if (config === configs[0]) words += result.words
    for (const finding of result.findings) {
      if (finding.severity === 'info' && ids.length === 0) continue
      count++
      const context = document.text.slice(Math.max(0, finding.start.offset - 60), finding.end.offset + 60).replaceAll('\n', ' ')
      console.log(`${document.id} ${finding.ruleId} [${finding.severity}] ${finding.message}\n    …${context}…`)
    }
  }
}

console.log(`\n${count} findings on ${words} words: ${((count * 10000) / words).toFixed(2)} per 10,000 words`)
