/**
 * The windowed parse must build exactly the tree retext-english builds from
 * the whole text: every rule and every offset depends on it. Small windows
 * put a window edge next to almost every token.
 */
import {readFileSync, readdirSync} from 'node:fs'
import {join} from 'node:path'
import fc from 'fast-check'
import retextEnglish from 'retext-english'
import {unified} from 'unified'
import {describe, expect, it} from 'vitest'
import {parseEnglishText} from '../src/engine/parse-text.js'
import {loadCleanDocuments, sharedDir} from '../measure/lib/datasets.js'
import {hasShared} from './helpers/needs.js'
import {corpusDir} from '../measure/lib/gold.js'

const wholeParser = unified().use(retextEnglish).freeze()
const windowSizes = [1, 2, 3, 7, 64, undefined]
const expectSameTree = (text: string, sizes = windowSizes) => {
  const whole = wholeParser.parse(text)
  for (const size of sizes) expect(parseEnglishText(text, size), `window of ${size ?? 'default'} tokens`).toStrictEqual(whole)
}

describe('parseEnglishText', () => {
  const seed = readFileSync(join(corpusDir(), 'seed-article.txt'), 'utf8')
  const corpus = readdirSync(corpusDir()).filter((name) => name.endsWith('.txt'))
  it.each(corpus)('builds the whole-text tree for corpus/%s', (name) => {
    expectSameTree(readFileSync(join(corpusDir(), name), 'utf8'))
  })

  it('builds the whole-text tree with CR LF and CR line ends', () => {
    expectSameTree(seed.replaceAll('\n', '\r\n'))
    expectSameTree(seed.replaceAll('\n', '\r'))
  })

  it('builds the whole-text tree with the default window on a text longer than one window', () => {
    const long = Array.from({length: 8}, () => seed).join('\n\n')
    expect(parseEnglishText(long).children.length).toBeGreaterThan(100)
    expectSameTree(long, [undefined])
  })

  it('builds the whole-text tree where a merge looks three tokens back (elisions: "ol\u2019 days", "o\u2019 clock")', () => {
    expectSameTree('aa bb o\u2019 c and the good ol\u2019 days are gone, rock n\u2019 roll w/ friends')
    // With the default window: the elision sits right after a window edge.
    expectSameTree(Array.from({length: 1025}, () => 'w').join(' ') + " ol' days.", [undefined])
  })

  it('builds the whole-text tree where the default window ends inside a word ("don\'t", "U.S.", "and/or" over the edge)', () => {
    // 'a ' is two tokens: the 2048th token falls on every token of the words after it in turn.
    for (let pad = 1016; pad <= 1024; pad++) expectSameTree('a '.repeat(pad) + "don't don't U.S. and/or stop.", [undefined])
    expectSameTree('Yes. '.repeat(682) + "don't don't stop.", [undefined])
  })

  const clean = hasShared('test/parse-text.test.ts', join(sharedDir(), 'data', 'clean-english.dev.jsonl')) ? loadCleanDocuments() : undefined
  it.skipIf(!clean)('builds the whole-text tree for every clean news document', () => {
    for (const document of clean!) expectSameTree(document.text, [2, 64])
  })

  it('builds the whole-text tree for generated texts full of abbreviations, quotes, slashes and symbols', () => {
    const pieces = ['o', 'ol', 'n', 'w', 'Mr.', 'a.m.', 'St', 'i.e.', 'U.S.', 'e.g.', '1990s', '’90s', "'tis", 'don’t', 'and/or', 'word', 'Word', 'and', '3', '3.5', '1,000']
    const marks = ["'", '’', '"', '“', '”', '-', '—', '/', '&', '#', '*', '…', ',', '.', '...', '?', '!', ':', '(', ')', '[', ']', '«', '»']
    // Line breaks in every spelling, one and two to a space: two break the sentence (breakImplicitSentences, counted in place).
    const glue = [' ', '  ', '\n', '\n\n', '\r\n\r\n', '\n \n', '\r\r', '\n\r', '\r\n\n', '\r \r\n', '\t', '\u00A0', '', '', '']
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...pieces, ...marks), fc.constantFrom(...glue)), {maxLength: 40}), (parts) => {
        expectSameTree(parts.map(([piece, space]) => piece + space).join(''), [1, 2, 3, 5])
      }),
      {numRuns: 2000}
    )
  })

  it('builds the stock tokens for every kind of character (astral, lone surrogates, CR, marks)', () => {
    const pieces = ['a', 'É', '1', ' ', '\n', '\r', '\r\n', '.', '“', '’', '😀', '\uD83D', '\uDE00', '𝔸', '—', '/', '€', '\u00A0', '\u2028', '中', '\uFFFC', '\u0301', '\u200B', 'U.S.']
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), {maxLength: 60}), (parts) => {
        expectSameTree(parts.join(''), [undefined])
      }),
      {numRuns: 2000}
    )
  })

  it('counts positions from the origin it is given, as a block parsed behind a guard needs', () => {
    const text = 'Guard.\n\nThe ministry said.\r\nIt “met” on Monday.\n\nU.S. officials agreed.'
    const origin = {line: -1, column: 1, offset: -'Guard.\n\n'.length}
    const shifted = (node: unknown): unknown => JSON.parse(JSON.stringify(node), (key, value) => (key === 'start' || key === 'end' ? {...value, offset: value.offset + origin.offset, line: value.line - 2} : value))
    // Past the guard's two lines, a shift of the origin moves offsets and lines and leaves columns.
    expect(parseEnglishText(text, undefined, origin).children.slice(2)).toStrictEqual(shifted(wholeParser.parse(text).children.slice(2)))
  })
})
