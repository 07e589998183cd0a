/**
 * The generalization check's harvesting and corrupting (measure/lib/generalization.ts):
 * what counts as a trigger, what a corruption changes, and which post-edits
 * are agreement edits. Rule-independent.
 */
import {describe, expect, it} from 'vitest'
import {agreementEdited, corruptionsOf, halfOf, triggersOf} from '../measure/lib/generalization.js'

describe('triggersOf', () => {
  it('finds doubles in any case, determiner pairs and pronoun + verb', () => {
    const kinds = (text: string) => triggersOf(text).map((trigger) => `${trigger.family}:${text.slice(trigger.start, trigger.end)}`)
    expect(kinds('The company had had losses.')).toContain('duplication:had had')
    expect(kinds('Talks Talks resumed.')).toContain('capitalised-double:Talks Talks')
    expect(kinds('He said that the plan failed.')).toEqual(expect.arrayContaining(['determiner:that the', 'agreement:He said']))
    expect(kinds('One of the ministers is ill.')).toContain('agreement:One of the ministers is')
    expect(kinds('Rain fell on Monday.')).toEqual([])
  })
})

describe('corruptionsOf', () => {
  it('changes the sentence only inside the span, and the same way every run', () => {
    const text = 'They say their plan will cut the deficit, and she says the talks are over.'
    const first = corruptionsOf(text, 'id-1')
    expect(first).toEqual(corruptionsOf(text, 'id-1'))
    for (const corruption of first) {
      expect(corruption.text).not.toBe(text)
      const lengthChange = corruption.text.length - text.length
      expect(corruption.text.slice(0, corruption.span.start)).toBe(text.slice(0, corruption.span.start))
      expect(corruption.text.slice(corruption.span.end)).toBe(text.slice(corruption.span.end - lengthChange))
    }

    const byKind = new Map(first.map((corruption) => [corruption.kind, corruption.text.slice(corruption.span.start, corruption.span.end)]))
    expect(byKind.get('first word doubled (`We we`)')).toBe('They they')
    expect(byKind.get('pronoun subject, verb of the wrong number (`She say`)')).toBe('say')
  })

  it('moves a relational adjective after its noun and puts a noun after a degree adverb, outside compounds', () => {
    const of = (text: string) => new Map(corruptionsOf(text, 'id-2').map((corruption) => [corruption.kind, corruption.text.slice(corruption.span.start, corruption.span.end)]))
    expect(of('The council approved the regional budget on Monday.').get('relational adjective after its noun (`its policy monetary`)')).toBe('budget regional')
    expect(of('The council approved the regional budget committee.').has('relational adjective after its noun (`its policy monetary`)')).toBe(false)
    expect(of('It was a highly successful campaign.').get('noun for an adjective after a degree adverb (`a largely stalemate conflict`)')).toBe('success')
  })
})

describe('agreementEdited', () => {
  it('counts a change of number, not of tense', () => {
    const trigger = {family: 'agreement' as const, kind: 'pronoun + verb', start: 0, end: 7}
    expect(agreementEdited(trigger, 'She say it is late.', 'She says it is late.')).toBe(true)
    expect(agreementEdited(trigger, 'She say it is late.', 'She said it was late.')).toBe(false)
  })
})

describe('halfOf', () => {
  it('puts about half the keys in each half', () => {
    const keys = Array.from({length: 400}, (_, index) => `doc-${index}`)
    const tune = keys.filter((key) => halfOf(key) === 'tune').length
    expect(tune).toBeGreaterThan(150)
    expect(tune).toBeLessThan(250)
  })
})
