/** The MQM section for source-aware checks: a finding counts when it overlaps a span any rater marked on that target. */
import {describe, expect, it} from 'vitest'
import {evaluateMqmCompare, renderMqmCompare, type MqmPairRow} from '../measure/lib/mqm-compare.js'

function row(rater: string, source: string, target: string, errors: MqmPairRow['errors'], segId = '1'): MqmPairRow {
  return {id: `${segId}/${rater}`, system: 'sys', doc: 'd', seg_id: segId, rater, is_human_translation: false, source, target, errors, rated_no_error: errors.length === 0}
}

describe('evaluateMqmCompare', () => {
  it('merges raters per target and counts overlaps, and accuracy overlaps apart', () => {
    const target = 'The death toll rose to 16, said 北京.'
    const rows = [
      row('r1', '死亡人数升至15人，北京说。', target, [{start: 23, end: 25, text: '16', category: 'accuracy/mistranslation', severity: 'major'}]),
      row('r2', '死亡人数升至15人，北京说。', target, [{start: 32, end: 34, text: '北京', category: 'fluency/spelling', severity: 'minor'}]),
      row('r1', '他有3个孩子。', 'He has 4 children.', [], '2')
    ]
    const result = evaluateMqmCompare(rows)
    expect(result.segments).toBe(2)
    const byId = Object.fromEntries(result.checks.map((check) => [check.checkId, check]))
    expect(byId['number-mismatch']!.precision).toEqual({hits: 1, total: 2})
    expect(byId['number-mismatch']!.accuracyPrecision).toEqual({hits: 1, total: 2})
    expect(byId['untranslated']!.precision).toEqual({hits: 1, total: 1})
    expect(byId['untranslated']!.accuracyPrecision).toEqual({hits: 0, total: 1})
    expect(result.overall).toEqual({hits: 2, total: 3})
    expect(renderMqmCompare(result, 'mqm.jsonl')).toContain('| all three | 2/3 (67%) | 1/3 (33%) | | |')
  })
})
