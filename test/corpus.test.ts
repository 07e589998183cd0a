/**
 * The annotated corpus: every gold file validates against
 * schemas/gold.schema.json, every range holds the text the gold says, and the
 * seed annotation agrees with the spec (shared/seed/artifacts.md).
 */
import {existsSync, readFileSync, readdirSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {sharedDir} from '../measure/lib/datasets.js'
import {hasShared} from './helpers/needs.js'
import {corpusDir, goldProblems, loadCorpus, type GoldFile} from '../measure/lib/gold.js'

const goldFiles = readdirSync(corpusDir()).filter((name) => name.endsWith('.gold.json'))

describe.each(goldFiles)('corpus/%s', (file) => {
  const json = JSON.parse(readFileSync(join(corpusDir(), file), 'utf8')) as GoldFile
  const textPath = join(corpusDir(), json.text)
  const text = existsSync(textPath) ? readFileSync(textPath, 'utf8') : undefined

  it('validates against the schema and every range holds its text', () => {
    expect(goldProblems(json, text)).toEqual([])
  })

  it('annotates its own text file', () => {
    expect(file).toBe(json.text.replace(/\.txt$/, '.gold.json'))
  })

  it('has tier-3 artifacts, and only them, in category meaning', () => {
    for (const artifact of json.artifacts) expect(artifact.category === 'meaning', artifact.id).toBe(artifact.tier === 3)
  })

  it('keeps traps clear of artifacts (a trap is correct text)', () => {
    for (const trap of json.traps) {
      for (const range of trap.ranges) {
        for (const artifact of json.artifacts) {
          for (const other of artifact.ranges) expect(range.start < other.end && other.start < range.end, `${trap.id} vs ${artifact.id}`).toBe(false)
        }
      }
    }
  })
})

describe('the corpus', () => {
  it('has the seed and at least two texts of our own, each 300 to 600 words', () => {
    const corpus = loadCorpus()
    expect(corpus.map((text) => text.name)).toContain('seed-article.txt')
    const own = corpus.filter((text) => text.name !== 'seed-article.txt')
    expect(own.length).toBeGreaterThanOrEqual(2)
    for (const text of own) {
      const words = text.text.split(/\s+/).filter(Boolean).length
      expect(words, text.name).toBeGreaterThanOrEqual(300)
      expect(words, text.name).toBeLessThanOrEqual(600)
    }
  })

  it('rejects a gold range whose text has shifted', () => {
    const gold: GoldFile = {
      text: 'x.txt',
      source: 'test',
      artifacts: [{id: 'a', tier: 1, category: 'duplication', description: 'echo', ranges: [{start: 1, end: 8, text: 'the the'}]}],
      traps: []
    }
    expect(goldProblems(gold, 'in the the end')).toEqual(['a: 1-8 is "n the t", gold says "the the"'])
    expect(goldProblems(gold, ' the the end')).toEqual([])
  })

  it('rejects a gold file that does not follow the schema', () => {
    expect(goldProblems({text: 'x.txt', source: 'test', artifacts: [{id: 'a', tier: 4}], traps: []}, '').length).toBeGreaterThan(0)
    expect(goldProblems({text: 'x.txt', source: 'test', artifacts: [], traps: [], extra: 1}, '').length).toBeGreaterThan(0)
  })

  it('rejects duplicate ids and ranges past the end of the text', () => {
    const range = {start: 0, end: 3, text: 'abc'}
    const gold: GoldFile = {
      text: 'x.txt',
      source: 'test',
      artifacts: [{id: 'a', tier: 1, category: 'spacing', description: 'x', ranges: [range, {start: 2, end: 9, text: 'c'}]}],
      traps: [{id: 'a', description: 'x', ranges: [range]}]
    }
    expect(goldProblems(gold, 'abc')).toEqual(['a: range 2-9 is outside the text', 'a: duplicate id'])
  })
})

describe('the seed annotation', () => {
  const spec = join(sharedDir(), 'seed')
  const hasSpec = hasShared('test/corpus.test.ts (the seed annotation)', spec)
  const seedGold = JSON.parse(readFileSync(join(corpusDir(), 'seed-article.gold.json'), 'utf8')) as GoldFile

  it.skipIf(!hasSpec)('is the shared seed article, unchanged', () => {
    expect(readFileSync(join(corpusDir(), 'seed-article.txt'), 'utf8')).toBe(readFileSync(join(spec, 'article.txt'), 'utf8'))
  })

  it.skipIf(!hasSpec)('has every artifact of artifacts.md with its tier, category and offsets', () => {
    const rows = readFileSync(join(spec, 'artifacts.md'), 'utf8')
      .split('\n')
      .filter((line) => /^\| [a-z] \|/.test(line))
      .map((line) => line.split('|').map((cell) => cell.trim()))
    expect(rows.length).toBe(18)
    for (const [, id, tier, category, offsets] of rows) {
      const artifact = seedGold.artifacts.find((each) => each.id === id)
      expect(artifact, id).toBeDefined()
      expect(artifact!.tier).toBe(Number(tier))
      expect(artifact!.category).toBe(category)
      const specOffsets = offsets!.match(/\d+/g)!.map(Number).sort((a, b) => a - b)
      expect(artifact!.ranges.map((range) => range.start).sort((a, b) => a - b)).toEqual(specOffsets)
    }
  })

  it('gives artifact h seven ranges (five Kiev, two Kyiv) and k the whole contradiction', () => {
    const h = seedGold.artifacts.find((each) => each.id === 'h')!
    expect(h.ranges.map((range) => range.text).sort()).toEqual(['Kiev', 'Kiev', 'Kiev', 'Kiev', 'Kiev', 'Kyiv', 'Kyiv'])
    const k = seedGold.artifacts.find((each) => each.id === 'k')!
    expect(k.ranges).toHaveLength(1)
    expect(k.ranges[0]!.text).toMatch(/^considered going ahead .* decided to go ahead$/)
  })
})
