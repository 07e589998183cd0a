/** The shared part-of-speech view: aligned with the text, cached per tree, tagged only on request. */
import retextEnglish from 'retext-english'
import {unified} from 'unified'
import {describe, expect, it} from 'vitest'
import type {Root} from 'nlcst'
import {resolveConfig} from '../src/registry.js'
import {lintText} from '../src/engine/lint.js'
import {posOf, sentencesOf, tagsOf} from '../src/engine/pos.js'
import {taggerNames, taggers} from '../measure/lib/taggers.js'
import {allRules} from '../rules/index.js'

const text = 'Russia should withdraw its troops if it wanted to prove his point. Pentagon press officer, John Kirby.'
const parse = (value: string) => unified().use(retextEnglish).parse(value) as Root

describe('pos', () => {
  for (const tagger of taggerNames) {
    it(`${tagger}: tags every word at its own offsets, with Penn tags`, () => {
      const sentences = posOf(parse(text), text, {tagger: taggers[tagger]})
      expect(sentences).toHaveLength(2)
      for (const {words} of sentences) {
        for (const word of words) expect(text.slice(word.start, word.end)).toBe(word.value)
      }

      const tags = Object.fromEntries(sentences[0]!.words.map((word) => [word.value, word.tag]))
      expect(tags['troops']).toBe('NNS')
      expect(tags['wanted']).toBe('VBD')
      expect(tags['his']).toBe('PRP$')
      expect(sentences[1]!.words.some((word) => word.tag.startsWith('VB'))).toBe(false)
    })
  }

  it('caches sentences per tree and tags per sentence', () => {
    const tree = parse(text)
    const [first] = sentencesOf(tree, text)
    expect(sentencesOf(tree, text)[0]).toBe(first)
    expect(tagsOf(first!, text)).toBe(tagsOf(first!, text))
    expect(sentencesOf(parse(text), text)[0]).not.toBe(first)
  })

  it('trims the space between sentences off the sentence that follows it', () => {
    const [, second] = sentencesOf(parse(text), text)
    expect(text.slice(second!.start, second!.end)).toBe('Pentagon press officer, John Kirby.')
  })

  it('tags nothing when no enabled rule asks for tags', () => {
    const config = resolveConfig({rules: Object.fromEntries(allRules.map((rule) => [rule.meta.id, rule.meta.id === 'repeated-word' ? 'major' : 'off']))})
    let tagged = 0
    const onTag = (words: number) => (tagged += words)
    lintText(text, 'x.txt', config, undefined, {onTag})
    expect(tagged).toBe(0)
    lintText(text, 'x.txt', resolveConfig({}), undefined, {onTag})
    expect(tagged).toBeGreaterThan(0)
  })
})
