/**
 * The phrase index (src/engine/phrases.ts) that the phrase tables compile
 * into: each kind of slot and context on a small table of its own, the
 * replacement templates, lazy part-of-speech tagging, and the one-line
 * errors a broken table gives at load.
 */
import {describe, expect, it} from 'vitest'
import {checkTable, PhraseIndex, phraseTokens, type PhraseSpec, type ScanInput} from '../src/engine/phrases.js'
import {parseEnglishText} from '../src/engine/parse-text.js'
import {setTagging} from '../src/engine/pos.js'
import {paragraphTokens, partsOf} from '../src/engine/tokens.js'
import calqueSchema from '../schemas/calques.schema.json' with {type: 'json'}
import calqueTable from '../rules/data/calques.json' with {type: 'json'}

interface Entry extends PhraseSpec {
  expected?: string[]
}

function scan(entries: Entry[], text: string, onTag?: (words: number) => void) {
  const index = new PhraseIndex(entries, 'test')
  const tree = parseEnglishText(text)
  if (onTag) setTagging(tree, {onTag})
  return paragraphTokens(tree, text).flatMap((paragraph) => {
    const input: ScanInput = {tokens: partsOf(paragraph), text, tree, floor: paragraph.start}
    return index.scan(input).map((match) => ({
      id: match.entry.id,
      actual: text.slice(match.start, match.stop),
      expected: (match.entry.expected ?? []).map((template) => index.fill(template, match, input))
    }))
  })
}

describe('phraseTokens', () => {
  it('cuts a table string as the tokenizer cuts text', () => {
    expect(phraseTokens('Kim Jong-un')).toEqual(['kim', 'jong', '-', 'un'])
    expect(phraseTokens("didn't ...")).toEqual(['didn', "'", 't', '...'])
    expect(phraseTokens('Odessa, Texas')).toEqual(['odessa', ',', 'texas'])
  })
})

describe('partsOf', () => {
  it('splits a word at its inner punctuation as the tokenizer did, and keeps other tokens as they are', () => {
    const text = 'Kiev’s al-Qaeda, “yes”.'
    const [paragraph] = paragraphTokens(parseEnglishText(text), text)
    expect(paragraph!.tokens.map((token) => token.value)).toEqual(['Kiev’s', 'al-Qaeda', ',', '“', 'yes', '”', '.'])
    const parts = partsOf(paragraph!)
    expect([-1, parts.length].map((index) => parts.get(index))).toEqual([undefined, undefined])
    // Parts are made as they are read: in any order, the same tokens.
    const backwards = Array.from({length: parts.length}, (_, index) => parts.get(parts.length - 1 - index)!).reverse()
    expect(backwards).toEqual(Array.from({length: parts.length}, (_, index) => parts.get(index)))
    expect(Array.from({length: parts.length}, (_, index) => parts.get(index)!).map((token) => [token.value, token.kind, text.slice(token.start, token.end)])).toEqual([
      ['Kiev', 'word', 'Kiev'], ['’', 'punctuation', '’'], ['s', 'word', 's'], ['al', 'word', 'al'], ['-', 'punctuation', '-'], ['Qaeda', 'word', 'Qaeda'],
      [',', 'punctuation', ','], ['“', 'punctuation', '“'], ['yes', 'word', 'yes'], ['”', 'punctuation', '”'], ['.', 'punctuation', '.']
    ])
  })

  it('reads the parts of a word too long for its parts to be kept as it reads a short one', () => {
    const long = 'x' + '-a'.repeat(20)
    const text = `${long} and al-Qaeda.`
    const [paragraph] = paragraphTokens(parseEnglishText(text), text)
    const parts = partsOf(paragraph!)
    const read = () => Array.from({length: parts.length}, (_, index) => parts.get(index)!).map((token) => [token.value, token.kind, token.start, token.end])
    expect(read()).toEqual([
      ...['x', ...Array.from({length: 40}, (_, index) => (index % 2 === 0 ? '-' : 'a'))].map((value, index) => [value, value === '-' ? 'punctuation' : 'word', index, index + 1]),
      ['and', 'word', 42, 45], ['al', 'word', 46, 48], ['-', 'punctuation', 48, 49], ['Qaeda', 'word', 49, 54], ['.', 'punctuation', 54, 55]
    ])
    expect(read()).toEqual(read())
  })

  it('is the paragraph’s own token list when no word is split', () => {
    const text = 'Nothing to split here.'
    const [paragraph] = paragraphTokens(parseEnglishText(text), text)
    const parts = partsOf(paragraph!)
    expect(parts.length).toBe(paragraph!.tokens.length)
    for (const [index, token] of paragraph!.tokens.entries()) expect(parts.get(index)).toBe(token)
  })
})

describe('slots', () => {
  it('matches a literal phrase in any case and across a line break', () => {
    expect(scan([{id: 'a', tokens: ['in the frame of']}], 'In the\nframe of the deal.').map((each) => each.actual)).toEqual(['In the\nframe of'])
  })

  it('reads a straight and a curly apostrophe as one, in the table and in the text', () => {
    const text = 'Flights to Xi’an and Xi\'an resumed; the People’s Union met in Xian.'
    expect(scan([{id: 'xian', tokens: ["Xi'an"]}, {id: 'union', tokens: ['People’s Union']}], text).map((each) => each.actual)).toEqual(['Xi’an', "Xi'an", 'People’s Union'])
    // Another mark is not an apostrophe: "Xi‘an" (an opening quotation mark) is not matched.
    expect(scan([{id: 'xian', tokens: ["Xi'an"]}], 'Flights to Xi‘an resumed.')).toEqual([])
  })

  it('tries alternatives in order and fills $n with what each slot matched', () => {
    const entries = [{id: 'swap', tokens: [['discuss', 'discussed'], 'about'], expected: ['$1']}]
    expect(scan(entries, 'They discussed about the plan.')).toEqual([{id: 'swap', actual: 'discussed about', expected: ['discussed']}])
  })

  it('reorders slots in a template ("$2 $1")', () => {
    expect(scan([{id: 'order', tokens: [['very'], ['good', 'bad']], expected: ['$2 $1']}], 'It was very good.')[0]?.expected).toEqual(['good very'])
  })

  it('takes an optional slot when it is there and leaves it out when it is not', () => {
    const entries = [{id: 'occasion', tokens: [['with', 'in'], {optional: 'the'}, 'occasion of'], expected: ['on $2 occasion of']}]
    expect(scan(entries, 'He spoke with the occasion of the day.')[0]?.expected).toEqual(['on the occasion of'])
    expect(scan(entries, 'He spoke with occasion of the day.')[0]).toEqual({id: 'occasion', actual: 'with occasion of', expected: ['on occasion of']})
  })

  it('backtracks out of an optional word when the rest needs it', () => {
    const entries: Entry[] = [{id: 'photo', tokens: ['made', {optional: 'a'}, {optional: {word: true}}, 'photo']}]
    expect(scan(entries, 'They made a photo.').map((each) => each.actual)).toEqual(['made a photo'])
    expect(scan(entries, 'They made a nice photo.').map((each) => each.actual)).toEqual(['made a nice photo'])
  })

  it('tries an entry only where its second token can follow, and wherever a word slot, an absent optional slot or the end of the entry may stand second', () => {
    const entries: Entry[] = [
      {id: 'frame', tokens: ['in the frame of']},
      {id: 'optic', tokens: ['in', {word: true}, 'optic']},
      {id: 'sense', tokens: ['in', {optional: 'a'}, 'sense']},
      {id: 'earnest', tokens: ['in'], after: ['earnest']}
    ]
    const text = 'In the frame of talks, in this optic, in a sense and in sense, in the end, in earnest.'
    expect(scan(entries, text).map((each) => each.actual)).toEqual(['In the frame of', 'in this optic', 'in a sense', 'in sense', 'in'])
  })

  it('tries an entry that opens with a number at numbers only, in table order with the others', () => {
    const entries: Entry[] = [
      {id: 'year', tokens: ['1200', 'census']},
      {id: 'era', tokens: [{number: true}, ['BC', 'census']]},
      {id: 'in', tokens: ['in', {number: true}]}
    ]
    expect(scan(entries, 'In 300 BC and in 1200, 45 BC, 1200 census, twelve BC.').map((each) => `${each.id}: ${each.actual}`)).toEqual(['in: In 300', 'in: in 1200', 'era: 45 BC', 'year: 1200 census'])
  })

  it('matches numbers written in digits only', () => {
    const entries: Entry[] = [{id: 'since', tokens: ['since', {number: true}, 'years']}]
    expect(scan(entries, 'since 3 years').length).toBe(1)
    expect(scan(entries, 'since three years').length).toBe(0)
  })

  it('puts a map slot’s value in the template, keeping the capital of the match', () => {
    const entries = [{id: 'plural', tokens: [{map: {luggages: 'luggage'}}], expected: ['$1']}]
    expect(scan(entries, 'Luggages were lost.')[0]?.expected).toEqual(['Luggage'])
  })

  it('conjugates {verb} like the first word of the match', () => {
    const entries = [{id: 'photo', tokens: [['make', 'makes', 'made', 'making'], 'a photo'], expected: ['{take} a photo']}]
    expect(scan(entries, 'She is making a photo.')[0]?.expected).toEqual(['taking a photo'])
    expect(scan(entries, 'They had made a photo.')[0]?.expected).toEqual(['taken a photo'])
  })

  it('asks for part-of-speech tags only when an entry with a POS slot reaches it', () => {
    let tagged = 0
    const entries = [{id: 'pos', tokens: ['the', {pos: 'NN*'}, 'of']}]
    expect(scan(entries, 'Minutes passed quickly, then hours of waiting.', () => tagged++)).toEqual([])
    expect(tagged).toBe(0)
    expect(scan(entries, 'The minutes of the meeting.', () => tagged++).map((each) => each.actual)).toEqual(['The minutes of'])
    expect(tagged).toBe(1)
    expect(scan([{id: 'verb', tokens: ['the', {pos: 'VB'}, 'of']}], 'The minutes of the meeting.')).toEqual([])
  })
})

describe('context', () => {
  const entries: Entry[] = [
    {id: 'actual', before: ['the', 'our'], tokens: ['actual', 'president'], after: [',']},
    {id: 'part', before: [{start: true}, '.'], tokens: ['on the other part'], notAfter: ['of']},
    {id: 'responsible', notBefore: ['most', ['far', ['less', 'more']]], tokens: ['responsible of']}
  ]

  it('requires one `before` and one `after` sequence, outside the finding', () => {
    expect(scan(entries, 'He met the actual president, who smiled.').map((each) => each.actual)).toEqual(['actual president'])
    expect(scan(entries, 'He met an actual president, who smiled.')).toEqual([])
    expect(scan(entries, 'He met the actual president today.')).toEqual([])
  })

  it('reads {"start": true} as the start of a paragraph or a line', () => {
    expect(scan(entries, 'On the other part, no.').length).toBe(1)
    expect(scan(entries, 'Yes.\nOn the other part, no.').length).toBe(1)
    expect(scan(entries, 'He sat on the other part, alone.')).toEqual([])
    expect(scan(entries, 'On the other part of town.')).toEqual([])
  })

  it('vetoes a match with `notBefore`, a phrase or a sequence of slots', () => {
    expect(scan(entries, 'He is responsible of the team.').length).toBe(1)
    expect(scan(entries, 'He is most responsible of all.')).toEqual([])
    expect(scan(entries, 'He is far less responsible of all.')).toEqual([])
    expect(scan(entries, 'He is less responsible of all.').length).toBe(1)
  })
})

describe('loading a table', () => {
  it('names the entry in a one-line error', () => {
    // Two real entries of the table, the second broken: the error names it, not the first.
    const [first, second] = structuredClone(calqueTable.entries)
    const broken = {entries: [first, {...second!, tokens: []}]}
    expect(() => checkTable('calques', broken, calqueSchema)).toThrow(new RegExp(`^rules/data/calques\\.json: entry 2 \\(${second!.id}\\)/tokens must NOT have fewer than 1 items$`))
  })

  it('refuses a template slot that does not exist', () => {
    expect(() => new PhraseIndex([{id: 'x', tokens: ['a'], expected: ['$2']} as Entry], 'calques')).toThrow('rules/data/calques.json: entry x expected "$2": $2 names no slot')
  })
})
