/**
 * The measurement logic on small hand-made cases: range overlap, matching
 * findings to gold, precision and recall per rule and category, finding keys,
 * merging MQM raters. Rule-independent except where marked.
 */
import {describe, expect, it} from 'vitest'
import {allRules} from '../rules/index.js'
import {onlyRule} from '../src/registry.js'
import type {Category, Finding} from '../src/engine/types.js'
import {evaluateCleanSet, per10k} from '../measure/lib/clean-set.js'
import {contextOf} from '../measure/lib/context.js'
import {matchText, rate, recallByTier, scoreCategories, scoreRules} from '../measure/lib/corpus-score.js'
import {findingKeys} from '../measure/lib/finding-keys.js'
import {staleNotes} from '../measure/lib/explanations.js'
import type {GoldFile} from '../measure/lib/gold.js'
import {rebuildDocuments} from '../measure/lib/datasets.js'
import {chanceOfSpan, evaluateMqm, fluencyRecall, mergeRaters, minorPlusChance, minorPlusPrecision, mqmItems, type MqmRow} from '../measure/lib/mqm.js'
import {overlaps} from '../measure/lib/ranges.js'
import {evaluateSuspected} from '../measure/lib/suspected.js'

function finding(ruleId: string, category: Category, start: number, end: number, actual = ''): Finding {
  const point = (offset: number) => ({offset, line: 1, column: offset + 1})
  return {ruleId, category, dimension: '', severity: 'minor', message: '', start: point(start), end: point(end), actual, expected: [], safe: false, url: ''}
}

describe('overlaps', () => {
  it('needs a shared character: end is exclusive', () => {
    expect(overlaps({start: 0, end: 3}, {start: 2, end: 5})).toBe(true)
    expect(overlaps({start: 0, end: 3}, {start: 3, end: 5})).toBe(false)
    expect(overlaps({start: 3, end: 5}, {start: 0, end: 3})).toBe(false)
    expect(overlaps({start: 1, end: 9}, {start: 4, end: 5})).toBe(true)
  })

  it('treats an empty range as an insertion point that touches its neighbours', () => {
    expect(overlaps({start: 3, end: 3}, {start: 0, end: 3})).toBe(true)
    expect(overlaps({start: 3, end: 3}, {start: 3, end: 6})).toBe(true)
    expect(overlaps({start: 0, end: 3}, {start: 4, end: 4})).toBe(false)
    expect(overlaps({start: 2, end: 2}, {start: 2, end: 2})).toBe(true)
  })
})

// "days. days. Kiev and Kyiv, the his" with hand-set offsets.
const gold: GoldFile = {
  text: 'case.txt',
  source: 'test',
  artifacts: [
    {id: 'echo', tier: 1, category: 'duplication', description: '', ranges: [{start: 0, end: 11, text: ''}]},
    {id: 'city', tier: 1, category: 'consistency', description: '', ranges: [{start: 12, end: 16, text: ''}, {start: 21, end: 25, text: ''}]},
    {id: 'guillemets', tier: 1, category: 'localization', alsoCategories: ['quotation'], description: '', ranges: [{start: 30, end: 40, text: ''}]},
    {id: 'order', tier: 2, category: 'word-order', description: '', ranges: [{start: 50, end: 60, text: ''}]},
    {id: 'garbled', tier: 3, category: 'meaning', description: '', ranges: [{start: 70, end: 80, text: ''}]}
  ],
  traps: [{id: 'had-had', description: '', ranges: [{start: 90, end: 97, text: ''}]}]
}

describe('matchText', () => {
  const outcome = matchText('case.txt', gold, [
    finding('repeated-word', 'duplication', 6, 11),
    finding('term-consistency', 'consistency', 21, 25),
    finding('term-consistency', 'consistency', 12, 16),
    finding('quote-style', 'quotation', 30, 31),
    finding('repeated-word', 'duplication', 90, 97),
    finding('fragment-rule', 'fragment', 55, 58),
    finding('space-rule', 'spacing', 11, 12)
  ])
  const [echo, city1, city2, guillemet, trap, otherCategory, adjacent] = outcome.findings

  it('counts a finding on a gold range of its category as a true positive', () => {
    expect(echo!.truePositive).toBe(true)
    expect(echo!.artifacts).toEqual(['echo'])
    expect(city1!.truePositive && city2!.truePositive).toBe(true)
  })

  it('accepts the alsoCategories of an artifact', () => {
    expect(guillemet!.truePositive).toBe(true)
  })

  it('counts a finding of another category as a false positive, naming what it overlaps', () => {
    expect(otherCategory!.truePositive).toBe(false)
    expect(otherCategory!.otherArtifacts).toEqual(['order'])
  })

  it('names the trap a false positive fell into', () => {
    expect(trap!.truePositive).toBe(false)
    expect(trap!.traps).toEqual(['had-had'])
  })

  it('does not count a finding that only touches a gold range', () => {
    expect(adjacent!.truePositive).toBe(false)
    expect(adjacent!.otherArtifacts).toEqual([])
  })

  it('finds an artifact once however many of its ranges are hit, and records the rules', () => {
    const city = outcome.artifacts.find((each) => each.artifact.id === 'city')!
    expect(city.rules).toEqual(['term-consistency'])
  })

  it('computes recall per tier, per artifact', () => {
    expect(recallByTier(outcome.artifacts)).toEqual({1: {hits: 3, total: 3}, 2: {hits: 0, total: 1}, 3: {hits: 0, total: 1}})
  })

  it('scores rules: precision over own findings, recall over tier-1 artifacts of the category', () => {
    const rules = scoreRules(
      [
        {id: 'repeated-word', category: 'duplication'},
        {id: 'quote-style', category: 'quotation'},
        {id: 'silent-rule', category: 'possessive'}
      ],
      outcome.findings,
      outcome.artifacts
    )
    expect(rules[0]).toMatchObject({precision: {hits: 1, total: 2}, recall: {hits: 1, total: 1}})
    expect(rules[1]).toMatchObject({precision: {hits: 1, total: 1}, recall: {hits: 1, total: 1}})
    expect(rules[2]).toMatchObject({precision: {hits: 0, total: 0}, recall: {hits: 0, total: 0}})
    expect(rate(rules[2]!.precision)).toBeUndefined()
  })

  it('lists tier-2/3 finds apart from tier-1 recall', () => {
    const tier2 = matchText('case.txt', gold, [finding('order-rule', 'word-order', 52, 53)])
    const [rule] = scoreRules([{id: 'order-rule', category: 'word-order'}], tier2.findings, tier2.artifacts)
    expect(rule!.recall).toEqual({hits: 0, total: 0})
    expect(rule!.beyondTier1).toEqual(['case.txt#order'])
  })

  it('scores categories, with artifacts under their main category', () => {
    const categories = scoreCategories(outcome.findings, outcome.artifacts)
    const byName = Object.fromEntries(categories.map((category) => [category.category, category]))
    expect(byName['duplication']!.precision).toEqual({hits: 1, total: 2})
    expect(byName['localization']!.recall[1]).toEqual({hits: 1, total: 1})
    expect(byName['quotation']!.precision).toEqual({hits: 1, total: 1})
    expect(byName['quotation']!.recall[1]).toEqual({hits: 0, total: 0})
    expect(byName['meaning']!.recall[3]).toEqual({hits: 0, total: 1})
  })
})

describe('finding keys and notes', () => {
  it('name rule, document and flagged text, numbering repeats', () => {
    const keys = findingKeys('set/doc', [finding('r', 'spacing', 0, 1, 'a'), finding('r', 'spacing', 5, 6, 'a'), finding('s', 'spacing', 5, 6, 'a')])
    expect(keys).toEqual(['r set/doc "a"', 'r set/doc "a" #2', 's set/doc "a"'])
  })

  it('report notes whose finding is gone', () => {
    expect(staleNotes({'r d "a"': 'x', 'r d "b"': 'y'}, ['r d "a"'])).toEqual(['r d "b"'])
  })

  it('count per 10,000 words', () => {
    expect(per10k(3, 30_000)).toBeCloseTo(1)
    expect(per10k(0, 0)).toBe(0)
  })

  it('show context on one line with the flagged text marked', () => {
    expect(contextOf('one two\nthree four', {start: 4, end: 7}, 4)).toBe('one ⟦two⟧ ¶ thr…')
  })
})

function row(overrides: Partial<MqmRow>): MqmRow {
  return {id: '', system: 'A', doc: 'd', seg_id: '1', rater: 'r1', is_human_translation: false, target: 'text', errors: [], rated_no_error: true, ...overrides}
}

describe('mergeRaters', () => {
  const error = (start: number, end: number, category = 'fluency/grammar') => ({start, end, text: '', category, severity: 'minor'})

  it('merges raters of one segment and drops identical spans', () => {
    const segments = mergeRaters([
      row({rater: 'r1', errors: [error(0, 4)]}),
      row({rater: 'r2', errors: [error(0, 4), error(5, 9, 'accuracy/mistranslation')]}),
      row({seg_id: '2', target: 'other'})
    ])
    expect(segments).toHaveLength(2)
    expect(segments[0]!.spans.map((span) => [span.start, span.end])).toEqual([[0, 4], [5, 9]])
    expect(segments[1]!.spans).toEqual([])
  })

  it('shares marks between systems that produced the identical target', () => {
    const segments = mergeRaters([row({system: 'A', errors: [error(0, 4)]}), row({system: 'B'})])
    expect(segments.map((segment) => segment.spans.length)).toEqual([1, 1])
  })

  it('joins a straight mark set off from its word to the segment before when the source opens with the closing mark', () => {
    const segments = mergeRaters([
      row({seg_id: '1', source: '“内容很重要。', target: '"Content is very important.'}),
      row({seg_id: '2', source: '”来自广东的芳芳说。', target: '" said Fangfang.'}),
      row({seg_id: '3', source: '”里奥斯说。', target: '"Rios said.'}),
      row({seg_id: '4', source: '他说。', target: '" He said.'})
    ])
    expect(segments.map((segment) => segment.closesPrevious)).toEqual([false, true, false, false])
    expect(rebuildDocuments(mqmItems(segments))[0]!.text).toBe('"Content is very important." said Fangfang. "Rios said. " He said.')
  })

  it('starts a new paragraph after a segment whose source ends in a word with no mark (a headline, a byline)', () => {
    const segments = mergeRaters([
      row({seg_id: '1', source: '北交所融资融券交易业务下周启动-中新网', target: 'Margin trading to start next week - Chinanews.com'}),
      row({seg_id: '2', source: '新华社评论员', target: 'Xinhua commentator'}),
      row({seg_id: '3', source: '北交所发布消息。', target: 'The exchange released the news.'}),
      row({seg_id: '4', source: '经批准，', target: 'After approval,'}),
      row({seg_id: '5', target: 'it starts.'})
    ])
    expect(rebuildDocuments(mqmItems(segments))[0]!.text).toBe('Margin trading to start next week - Chinanews.com\n\nXinhua commentator\n\nThe exchange released the news. After approval, it starts.')
  })
})

const hasRepeatedWord = allRules.some((rule) => rule.meta.id === 'repeated-word')

describe.skipIf(!hasRepeatedWord)('whole measurements on tiny data (with the repeated-word rule)', () => {
  const config = hasRepeatedWord ? onlyRule('repeated-word') : undefined!

  it('counts an MQM finding on a marked span as a hit, in the segment it starts in', () => {
    const segments = mergeRaters([
      row({seg_id: '1', target: 'The talks went well.'}),
      row({seg_id: '2', target: 'They agreed a plan plan.', errors: [{start: 14, end: 23, text: 'plan plan', category: 'fluency/grammar', severity: 'minor'}]}),
      row({seg_id: '3', target: 'They met in in Geneva.'})
    ])
    const result = evaluateMqm(segments, config)
    expect(result.segments).toBe(3)
    const rule = result.rules.find((each) => each.ruleId === 'repeated-word')!
    expect(rule.precision).toEqual({hits: 1, total: 2})
    expect(rule.inUnmarkedSegments).toBe(1)
    expect(result.categories).toEqual([{category: 'fluency/grammar', spans: 1, reached: 1, reachedMinorPlus: 1}])
    expect(minorPlusPrecision(result)).toEqual({hits: 1, total: 2})
    expect(fluencyRecall(result)).toEqual({hits: 1, total: 1})
  })

  it('judges a finding that runs over the join against the spans of both segments', () => {
    const mark = {start: 0, end: 5, text: 'plan.', category: 'fluency/grammar', severity: 'minor'}
    const segments = mergeRaters([row({seg_id: '1', target: 'They agreed a plan.'}), row({seg_id: '2', target: 'plan. The talks ended.', errors: [mark]})])
    const result = evaluateMqm(segments, config)
    expect(result.rules.find((each) => each.ruleId === 'repeated-word')?.precision).toEqual({hits: 1, total: 1})
    expect(result.categories).toEqual([{category: 'fluency/grammar', spans: 1, reached: 1, reachedMinorPlus: 1}])
  })

  it('gives the chance level of the minor+ hits: the share of offsets where a range of the same length meets a span', () => {
    const mark = {start: 14, end: 23, text: 'plan plan', category: 'fluency/grammar', severity: 'minor'}
    const [segment] = mergeRaters([row({target: 'They agreed a plan plan.', errors: [mark]})])
    // 'plan plan' is 9 long; of the 16 offsets of a 9-character range in 24 characters, starts 6 to 15 meet the span.
    expect(chanceOfSpan(segment!, 9)).toBeCloseTo(10 / 16)
    expect(chanceOfSpan(segment!, 30)).toBe(1)
    const result = evaluateMqm([segment!], config)
    expect(minorPlusChance(result)).toBeCloseTo(10 / 16)
  })

  it('leaves info findings out of the minor+ precision and the fluency recall', () => {
    const segments = mergeRaters([row({target: 'They agreed a plan plan.', errors: [{start: 14, end: 23, text: 'plan plan', category: 'fluency/grammar', severity: 'minor'}]})])
    const info = {...config, rules: {...config.rules, 'repeated-word': {severity: 'info' as const, options: {}}}}
    const result = evaluateMqm(segments, info)
    expect(result.rules[0]!.precision).toEqual({hits: 1, total: 1})
    expect(minorPlusPrecision(result)).toEqual({hits: 0, total: 0})
    expect(fluencyRecall(result)).toEqual({hits: 0, total: 1})
  })

  it('lists clean-set findings with their document, segment and note', () => {
    const documents = [{id: 'set/doc', text: 'A quiet day. They met in in Geneva.', segments: [{id: 's1', start: 0, end: 12}, {id: 's2', start: 13, end: 35}]}]
    const result = evaluateCleanSet(documents, config, {'repeated-word set/doc "in in"': 'planted'})
    const [only] = result.findings
    expect(result.findings).toHaveLength(1)
    expect(only).toMatchObject({documentId: 'set/doc', segmentId: 's2', explanation: 'planted'})
    expect(result.perTenThousandWords).toBeCloseTo((1 * 10_000) / result.words)
  })

  it('rebuilds a suspected item into its document and counts it hit by kind', () => {
    const item = (seg: string, text: string, defect?: string) => ({id: `set/d/${seg}`, text, kind: 'x', dataset: 'set', doc: 'd', seg_id: seg, ...(defect ? {suspected_defect: defect} : {})})
    const result = evaluateSuspected(
      [item('2', 'It was late late.', 'repeated word'), item('3', 'Nothing here.', 'repeated word')],
      [item('1', 'A clean start.'), {...item('1', 'Other document.'), doc: 'e', id: 'set/e/1'}],
      config
    )
    expect(result.items.map((each) => [each.id, each.rules.length > 0])).toEqual([
      ['set/d/2', true],
      ['set/d/3', false]
    ])
    expect(result.byKind).toEqual([{defect: 'repeated word', items: 2, hit: 1, rules: {'repeated-word': 1}}])
  })
})
