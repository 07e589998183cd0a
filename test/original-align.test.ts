/**
 * Sentence alignment of two English articles by word overlap, and the
 * sentence and quotation segmentation it runs on.
 */
import {describe, expect, it} from 'vitest'
import {alignSentences, dice} from '../src/compare/original-align.js'
import {alignOriginal} from '../src/compare/original.js'
import {quotationsOf, sentencesOf} from '../src/compare/original-text.js'

/** Beads as "o1,o2>d1" strings for readable expectations. */
function beads(original: string, derived: string): string[] {
  return alignOriginal(original, derived).beads.map((bead) => `${bead.original.join(',')}>${bead.derived.join(',')}`)
}

const a = 'Blinken and Lavrov met in Geneva for about 90 minutes.'
const b = 'The two diplomats agreed to keep talking next week.'
const c = 'Russia has massed troops near the Ukrainian border.'
const d = 'NATO allies promised sanctions in the event of an invasion.'

describe('alignSentences', () => {
  it('aligns identical texts one to one', () => {
    expect(beads([a, b, c].join(' '), [a, b, c].join(' '))).toEqual(['0>0', '1>1', '2>2'])
  })

  it('aligns a paraphrased sentence one to one', () => {
    const paraphrase = 'Lavrov and Blinken met for roughly 90 minutes in Geneva.'
    expect(beads([a, b].join(' '), [paraphrase, b].join(' '))).toEqual(['0>0', '1>1'])
  })

  it('aligns two original sentences merged into one (2-1)', () => {
    const merged = 'Blinken and Lavrov met in Geneva for about 90 minutes, and the two diplomats agreed to keep talking next week.'
    expect(beads([a, b, c].join(' '), [merged, c].join(' '))).toEqual(['0,1>0', '2>1'])
  })

  it('aligns one original sentence split in two (1-2)', () => {
    const original = 'Russia has massed troops near the Ukrainian border, and NATO allies promised sanctions in the event of an invasion.'
    expect(beads([a, original].join(' '), [a, c, d].join(' '))).toEqual(['0>0', '1>1,2'])
  })

  it('aligns three sentences merged into one (3-1) and one split in three (1-3)', () => {
    const merged = 'Blinken and Lavrov met in Geneva for about 90 minutes, the two diplomats agreed to keep talking next week, and Russia has massed troops near the Ukrainian border.'
    expect(beads([a, b, c, d].join(' '), [merged, d].join(' '))).toEqual(['0,1,2>0', '3>1'])
    expect(beads([merged, d].join(' '), [a, b, c, d].join(' '))).toEqual(['0>0,1,2', '1>3'])
  })

  it('leaves an inserted sentence unaligned (0-1)', () => {
    const inserted = 'Snow fell over the lake all afternoon.'
    expect(beads([a, b, c].join(' '), [a, inserted, b, c].join(' '))).toEqual(['0>0', '>1', '1>2', '2>3'])
  })

  it('leaves a deleted sentence unaligned (1-0)', () => {
    expect(beads([a, b, c, d].join(' '), [a, c, d].join(' '))).toEqual(['0>0', '1>', '2>1', '3>2'])
  })

  it('handles merges, splits, insertions and deletions in one text', () => {
    const merged = 'Blinken and Lavrov met in Geneva for about 90 minutes, and the two diplomats agreed to keep talking next week.'
    const inserted = 'Snow fell over the lake all afternoon.'
    const original = [a, b, 'Russia has massed troops near the Ukrainian border, and NATO allies promised sanctions in the event of an invasion.', 'Markets were calm.'].join(' ')
    expect(beads(original, [merged, inserted, c, d].join(' '))).toEqual(['0,1>0', '>1', '2>2,3', '3>'])
  })

  it('never aligns unrelated sentences', () => {
    const result = alignSentences([['cats', 'purr']], [['stocks', 'fell']])
    expect(result).toHaveLength(2)
    for (const bead of result) expect(bead.original.length === 0 || bead.derived.length === 0).toBe(true)
  })

  it('handles empty sides', () => {
    expect(alignSentences([], [])).toEqual([])
    expect(alignSentences([['a']], []).map((bead) => bead.original)).toEqual([[0]])
  })

  it('scores overlap with Dice over multisets', () => {
    expect(dice(['a', 'b'], ['a', 'b'])).toBe(1)
    expect(dice(['a', 'a'], ['a', 'b'])).toBe(0.5)
    expect(dice([], ['a'])).toBe(0)
  })
})

describe('sentencesOf', () => {
  const texts = (text: string) => sentencesOf(text).map((sentence) => text.slice(sentence.start, sentence.end))

  it('splits after closing quotes and keeps abbreviations and initials inside', () => {
    expect(texts('“It is over.” Mr. Smith met U.S. officials with J. Doe. Then he left.\n\nA heading')).toEqual([
      '“It is over.”',
      'Mr. Smith met U.S. officials with J. Doe.',
      'Then he left.',
      'A heading'
    ])
  })

  it('keeps numbers with separators as one word', () => {
    expect(sentencesOf('It cost $1.5 million and 14,000 lives.')[0]!.words.map((word) => word.key)).toEqual([
      'it', 'cost', '1.5', 'million', 'and', '14000', 'lives'
    ])
  })
})

describe('quotationsOf', () => {
  const inner = (text: string) => quotationsOf(text).map((quote) => text.slice(quote.inner.start, quote.inner.end))

  it('pairs curly and straight quotes and closes an open quote at the paragraph end', () => {
    expect(inner('“One,” he said, "two." “Three\n\nNext “four”')).toEqual(['One,', 'two.', 'Three', 'four'])
  })

  it('closes an open quotation at a blank line with CRLF endings', () => {
    expect(inner('“One\r\n\r\nTwo “three”')).toEqual(['One', 'three'])
  })

  it('leaves apostrophes alone', () => {
    expect(inner('“It’s Moscow’s call,” he said.')).toEqual(['It’s Moscow’s call,'])
  })
})
