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
import {existsSync} from 'node:fs'
import {createRequire} from 'node:module'
import {compactLexicon, compactLexiconPath} from '../src/engine/pos-taggers.js'

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

  // The build writes it (tools/bundle-cli.mjs); without a build the tagger reads the package's lexicon.js.
  it.skipIf(!existsSync(compactLexiconPath))('the compact lexicon the build writes holds every word of Brill\'s, with its tags, and no other', () => {
    const require = createRequire(import.meta.url)
    const lexicon = require('pos/lexicon.js') as Record<string, string[]>
    const read = compactLexicon((require('pos/package.json') as {version: string}).version)!
    expect(read).toBeDefined()
    for (const word of Object.keys(lexicon)) expect(read(word), word).toEqual(lexicon[word])
    for (const word of ['constructor', '__proto__', 'Kiev’s', 'zzzz', 'sayx', 'sa', '\uffff']) expect(read(word), word).toEqual(Object.hasOwn(lexicon, word) ? lexicon[word] : undefined)
    expect(compactLexicon('0.0.0-other')).toBeUndefined()
  })
})
