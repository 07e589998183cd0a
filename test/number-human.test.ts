/** number-mismatch on human reference translations: every finding has a verdict, and recall on MT is counted on marked number spans. */
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {readJsonl} from '../measure/lib/datasets.js'
import {evaluateNumbers, findingKey, loadVerdicts, renderNumbers, type NumberRow} from '../measure/lib/number-human.js'
import {projectRoot} from './helpers/cli.js'
import {hasShared} from './helpers/needs.js'

const row = (system: string, human: boolean, source: string, target: string, errors: NumberRow['errors'] = []): NumberRow => ({
  system,
  doc: 'd',
  seg_id: String(target.length),
  source,
  target,
  is_human_translation: human,
  errors
})

describe('evaluateNumbers', () => {
  it('lists human findings per 2,000 words and counts MT recall on marked number spans', () => {
    const result = evaluateNumbers([
      row('ref', true, '他有3个孩子。', 'He has 4 children.'),
      row('ref', true, '出席率达到八成。', 'Attendance reached 80%.'),
      row('mt', false, '他有3个孩子。', 'He has 5 children.', [{start: 7, end: 8, category: 'Accuracy/Mistranslation'}]),
      row('mt', false, '他有13个孩子。', 'He has 31 kids.', [{start: 0, end: 2, category: 'accuracy/mistranslation'}])
    ])
    expect(result.humans.map((human) => [human.system, human.findings.map(findingKey)])).toEqual([['ref', ['ref d:18 4']]])
    // The second MT span holds no digit: not a number span.
    expect(result.recall).toEqual({hits: 1, total: 1})
    expect(result.mtPrecision).toEqual({hits: 1, total: 2})
    const rendered = renderNumbers([{file: 'x.jsonl', role: 'dev set', result}], {'ref d:18 4': 'true: 3 became 4'})
    expect(rendered).toContain('| ref | 7 | 1 | 285.71 | 0 | 0.00 | 1 | 0 | 0 |')
    expect(rendered).toContain('Acceptance for ref (at most 1 number-mismatch finding per 2,000 words): not met, 285.71 per 2,000 words (1 finding on 7 words, 1 of them true errors of the reference).')
  })

  it('counts a misreading on any of its ranges', () => {
    const target = 'Revenue totaled 89.6 billion, and will reach 138 billion.'
    const marked = {start: target.indexOf('138'), end: target.indexOf('138') + 11, category: 'accuracy/mistranslation'}
    const result = evaluateNumbers([row('mt', false, '收入共计89.6亿新元，可达138亿新元。', target, [marked])])
    // One finding whose second range is the marked one.
    expect(result.mtPrecision).toEqual({hits: 1, total: 1})
    expect(result.recall).toEqual({hits: 1, total: 1})
  })

  it('has a verdict for every finding on the human references of the MQM sets', () => {
    const verdicts = loadVerdicts(projectRoot)
    for (const file of ['mqm-zhen-wmt23-news.jsonl', 'mqm-zhen-nt2020.jsonl']) {
      const path = join(projectRoot, '..', 'shared', 'data', file)
      if (!hasShared('number-mismatch verdicts', path)) continue
      const findings = evaluateNumbers(readJsonl<NumberRow>(path)).humans.flatMap((human) => human.findings)
      expect(findings.map(findingKey).filter((key) => !verdicts[key])).toEqual([])
    }
  }, 120_000)
})
