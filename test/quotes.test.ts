/**
 * The quote analyzer shared by the quote-* rules: how marks are classified
 * and paired, one case per reading the rules depend on.
 */
import retextEnglish from 'retext-english'
import {unified} from 'unified'
import {describe, expect, it} from 'vitest'
import {insideQuotation, paragraphQuotes} from '../src/engine/quotes.js'

const parser = unified().use(retextEnglish)

function analyze(text: string) {
  return paragraphQuotes(parser.parse(text), text)
}

function roles(text: string): string[] {
  return analyze(text).flatMap((paragraph) => paragraph.marks.map((mark) => `${text.slice(mark.start, mark.end)}:${mark.role}`))
}

describe('paragraphQuotes', () => {
  it('pairs straight and curly marks by position', () => {
    expect(roles('He called the talks "constructive" and “helpful”.')).toEqual(['":opening', '":closing', '“:opening', '”:closing'])
  })

  it('reads a straight mark glued to a digit as an inch mark, whatever follows it', () => {
    expect(roles('Cut a 2"×4" board and quote "this".')).toEqual(['":stray', '":stray', '":opening', '":closing'])
  })

  it('takes the seed’s turned-around closer for a closer', () => {
    const [paragraph] = analyze('Biden said a “minor incursion “could cause discord.')
    expect(paragraph!.marks.map((mark) => [mark.role, mark.misdirected])).toEqual([
      ['opening', false],
      ['closing', true]
    ])
    expect(paragraph!.openAtEnd).toBeUndefined()
  })

  it('leaves a quotation open at the paragraph end for the next paragraph to reopen', () => {
    const [first, second] = analyze('“Let’s face it, the war is ongoing.\n\n“It is important to support Ukraine.”')
    expect(first!.openAtEnd?.start).toBe(0)
    expect(second!.openAtEnd).toBeUndefined()
  })

  it('reopens after a sentence end without doubting the pairing (paragraphs joined by a space)', () => {
    const [paragraph] = analyze('A source said: "Tristan is good pals with Drake. "Drake told him to pull out all the stops."')
    expect(paragraph!.uncertain).toBe(false)
    expect(paragraph!.openAtEnd).toBeUndefined()
  })

  it('doubts a paragraph that nests double marks', () => {
    const [paragraph] = analyze('He said: "We can basically say, "No money may be spent." And we can do the same.')
    expect(paragraph!.uncertain).toBe(true)
  })

  it('reads `""` after a nested quotation as two closers, not a doubled mark', () => {
    const text = 'Davis said she is waiting for her publicist "to call and say, "Hold the line, it is Michelle Obama.""'
    const marks = analyze(text)[0]!.marks
    expect(marks.some((mark) => mark.doubled)).toBe(false)
    expect(marks.at(-1)!.role).toBe('closing')
  })

  it('finds doubled marks and skips an empty quotation', () => {
    expect(analyze('She added: ""One thing I would say."')[0]!.marks[0]!.doubled).toBe(true)
    expect(analyze('An empty string "" in the form.')[0]!.marks).toEqual([])
  })

  it('tells apostrophes typed as `"` from quotation marks', () => {
    expect(roles('Close to India"s corridor, on clients" banking and the "likes" count.')).toEqual([
      '":apostrophe',
      '":apostrophe',
      '":opening',
      '":closing'
    ])
  })

  it('ignores single marks and apostrophes', () => {
    expect(roles('“I thought, ‘I’m going to respect her new life,’” she said of rock ’n’ roll in the ’90s.')).toEqual([
      '“:opening',
      '”:closing'
    ])
  })
})

describe('insideQuotation', () => {
  /** The definition, one paragraph and mark at a time: a paired opener ends by `start`, its closer starts at or after `end`. */
  function direct(text: string, start: number, end: number): boolean {
    const paragraph = analyze(text).find((candidate) => candidate.end >= start)
    return paragraph !== undefined && paragraph.start <= start && paragraph.marks.some((mark) => mark.role === 'opening' && mark.partner !== undefined && mark.end <= start && end <= mark.partner.start)
  }

  it('answers as the definition for every span between words, across paragraphs, unpaired and doubled marks', () => {
    const texts = [
      'He sang “na na na” and then “hey hey” twice.\n\nA stray ” here, “la la la” there, and “an open one.\n\nNo quotes at all in this one.',
      'She said ““oh oh”” and "so so" then “no” no, 12" pipes and “a “b” c” d.'
    ]
    for (const text of texts) {
      const tree = parser.parse(text)
      const words = [...text.matchAll(/\p{L}+/gu)].map((found) => [found.index, found.index + found[0].length] as const)
      for (const [start] of words) for (const [, end] of words) if (end > start) expect(insideQuotation(tree, text, start, end), `${text.slice(start, end)}`).toBe(direct(text, start, end))
    }
  })
})
