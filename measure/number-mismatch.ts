/**
 * number-mismatch on the human references of the MQM sets (dev: WMT23 refA;
 * training: newstest2020 Human-A and Human-B) and its recall on their MT:
 *
 *   node dist/measure/number-mismatch.js
 *
 * Prints the section `npm run eval` writes into reports/eval.md: findings per
 * 2,000 words, each finding with its verdict (measure/number-verdicts.json).
 */
import {projectRoot, readJsonl, sharedDataFile} from './lib/datasets.js'
import {evaluateNumbers, loadVerdicts, renderNumbers, type NumberRow} from './lib/number-human.js'

export const numberSets = [
  {file: 'mqm-zhen-wmt23-news.jsonl', role: 'dev set'},
  {file: 'mqm-zhen-nt2020.jsonl', role: 'training set'}
]

export function numbersSection(): string {
  const sets = numberSets.map((set) => {
    const path = sharedDataFile(set.file)
    return {...set, ...(path ? {result: evaluateNumbers(readJsonl<NumberRow>(path))} : {})}
  })
  return renderNumbers(sets, loadVerdicts(projectRoot()))
}

if (process.argv[1]?.endsWith('number-mismatch.js')) process.stdout.write(numbersSection())
