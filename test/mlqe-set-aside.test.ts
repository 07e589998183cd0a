/** measure/lib/mlqe-set-aside.ts: which MLQE-PE findings pseudo-clean sets aside (the sentence's paragraph or spacing is lost). */
import {describe, expect, it} from 'vitest'
import {mlqeSetAside, unmatched} from '../measure/lib/mlqe-set-aside.js'

const closeBracket = {ruleId: 'unpaired-bracket', actual: ')', message: 'Unexpected `)` with no opening `(`, expected a pair or none'}
const openBracket = {ruleId: 'unpaired-bracket', actual: '(', message: 'Unexpected `(` never closed in its paragraph, expected `)`'}
const closingQuote = {ruleId: 'quote-unclosed', actual: 'Principalities”', message: 'Unexpected closing `”` with no quotation open, expected an opening mark before it or no mark'}

describe('unmatched', () => {
  it('counts closing marks before any opening one and opening marks left open', () => {
    expect(unmatched('a ) b ( c ) d (', ['('], [')'])).toEqual({closing: 1, opening: 1})
    expect(unmatched('„ a ” b ”', ['„', '“'], ['”'])).toEqual({closing: 1, opening: 0})
  })
})

describe('mlqeSetAside', () => {
  it('sets aside a round bracket the source sentence leaves unpaired the same way', () => {
    expect(mlqeSetAside(closeBracket, 'densitate mare și mică ) , aceste unități trebuie să se învârtă cu maximum 300 rpm .')).toBe('cut')
    expect(mlqeSetAside(openBracket, 'Три года тюрьмы ( google :')).toBe('cut')
  })

  it('keeps a round bracket the source pairs, or leaves unpaired the other way', () => {
    expect(mlqeSetAside(closeBracket, 'Agenția ( fondată în 1947 ) are birouri .')).toBeUndefined()
    expect(mlqeSetAside(closeBracket, 'Agenția ( fondată în 1947 are birouri .')).toBeUndefined()
  })

  it('keeps square brackets: wiki markup is an error whatever its pairing', () => {
    expect(mlqeSetAside({...closeBracket, actual: '['}, 'thumbleft [ [ Stadionul Național')).toBeUndefined()
  })

  it('sets aside a closing quotation mark the source also closes with none open', () => {
    expect(mlqeSetAside(closingQuote, 'Jurnal oficial al Principatelor Unite Române ” , nr .')).toBe('cut')
    expect(mlqeSetAside(closingQuote, 'Jurnal „ oficial ” al Principatelor .')).toBeUndefined()
  })

  it('keeps an unclosed quotation whose source pairs „ with “ (Estonian, Russian), and sets aside one the source leaves open', () => {
    const unclosedQuote = {ruleId: 'quote-unclosed', actual: '“Spring', message: 'Unexpected unclosed quotation, expected a closing `”` in its paragraph or an opening mark at the start of the next'}
    expect(mlqeSetAside(unclosedQuote, 'Ta ütles : „ Kevad on tulnud “ .')).toBeUndefined()
    expect(mlqeSetAside(unclosedQuote, 'Он сказал : « Роман „ Война и мир “ » .')).toBeUndefined()
    expect(mlqeSetAside(unclosedQuote, 'Ta ütles : „ Kevad on tulnud .')).toBe('cut')
    expect(mlqeSetAside(unclosedQuote, 'Agenția „ fondată ” a spus “ ceva .')).toBe('cut')
  })

  it("sets aside a spacing finding beside a straight ' (the data set's tokenizer spaced it)", () => {
    expect(mlqeSetAside({ruleId: 'quote-spacing', actual: "' religious", message: "Unexpected space after `'`, expected it glued to `religious`"}, '')).toBe('tokenized')
    expect(mlqeSetAside({ruleId: 'tokenizer-spacing', actual: " 's", message: ''}, '')).toBe('tokenized')
    expect(mlqeSetAside({ruleId: 'quote-spacing', actual: '” for', message: ''}, '')).toBeUndefined()
  })
})
