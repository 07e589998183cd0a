/**
 * The MLQE-PE detokenizer (measure/lib/detokenize.ts): tokenized post-edits
 * and MT output read as written English, so a rule judges the text and not the
 * tokenizer's spaces. Rule-independent.
 */
import {describe, expect, it} from 'vitest'
import {detokenize} from '../measure/lib/detokenize.js'

const text = (tokenized: string) => detokenize(tokenized.split(' ')).text

describe('detokenize', () => {
  it('glues punctuation, possessives and contractions', () => {
    expect(text('Only 200 metres later , we arrive ( at last ) .')).toBe('Only 200 metres later, we arrive (at last).')
    expect(text("the government 's plan is n't ready")).toBe("the government's plan isn't ready")
    expect(text("I can 't do it , don 't ask")).toBe("I can't do it, don't ask")
  })

  it('glues a split-off curly apostrophe on both sides', () => {
    expect(text('A woman ’ s place , there ’ s no doubt')).toBe('A woman’s place, there’s no doubt')
  })

  it('opens and closes quotation marks by their shape', () => {
    expect(text('the “ Octav Băncilă ” National Art College')).toBe('the “Octav Băncilă” National Art College')
    expect(text('the SA „ Moara ” and « Dostoievski Area »')).toBe('the SA „Moara” and «Dostoievski Area»')
    expect(text('he said " no " and left')).toBe('he said "no" and left')
  })

  it('places each token in the text', () => {
    const {text: written, ranges} = detokenize(['A', 'woman', '’', 's', 'place'])
    expect(ranges.map(([start, end]) => written.slice(start, end))).toEqual(['A', 'woman', '’', 's', 'place'])
  })
})
