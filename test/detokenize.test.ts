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

  it('glues a spaced single-quote pair that opens before a word and closes after one in its sentence', () => {
    expect(text("Friedrich Nietzsche 's saying ' God is dead ' means that we must invest his legacy .")).toBe("Friedrich Nietzsche's saying 'God is dead' means that we must invest his legacy.")
    expect(text("It was only in the 20th century that the name form ' Wasa ' was predominantly used , and by 1990 it had become ' Vasa ' .")).toBe("It was only in the 20th century that the name form 'Wasa' was predominantly used, and by 1990 it had become 'Vasa'.")
    expect(text("The German premiere of Chaikovsky 's ' Yevgeny Onegin ' , which took place in the presence of the author , was also a triumph .")).toBe("The German premiere of Chaikovsky's 'Yevgeny Onegin', which took place in the presence of the author, was also a triumph.")
    expect(text('Indeed , the conspiracy became known as \' Botta Conspiracy \' .')).toBe("Indeed, the conspiracy became known as 'Botta Conspiracy'.")
    expect(text("' Rin , are you alright ? ' asked Lisanna")).toBe("'Rin, are you alright?' asked Lisanna")
    expect(text("'Rin , are you alright ? ' asked Lisanna")).toBe("'Rin, are you alright?' asked Lisanna")
    expect(text("It is an ' electronic haversack ' that replaces students ' traditional textbooks .")).toBe("It is an 'electronic haversack' that replaces students ' traditional textbooks.")
    expect(text("he played rock ' n ' roll")).toBe("he played rock 'n' roll")
  })

  it("glues the wiki markup '' the tokenizer split into ' ' as one mark", () => {
    expect(text("Fast-moving elephants seem to ' ' run ' ' with their front legs , but no ' ' walk ' ' with their hind legs .")).toBe("Fast-moving elephants seem to ''run'' with their front legs, but no ''walk'' with their hind legs.")
    expect(text("For today and for all that will arise , ' ' ' Happy birthday , poet ! ' ''")).toBe("For today and for all that will arise, '''Happy birthday, poet!'''")
  })

  it('leaves a lone or unbalanced spaced single quote as it is: possessive plurals, decades, unbalanced quotations', () => {
    expect(text("The annual meeting of the Estonian Farmers ' Union was held in Rakvere .")).toBe("The annual meeting of the Estonian Farmers ' Union was held in Rakvere.")
    expect(text("Also , every city , every rural community , every workers ' association and the farmers ' union should enjoy rights .")).toBe("Also, every city, every rural community, every workers ' association and the farmers ' union should enjoy rights.")
    expect(text("The stormy ' 20s had a noisy and stormy daily life .")).toBe("The stormy ' 20s had a noisy and stormy daily life.")
    expect(text("I grew up in an area where the rules of the ' 90s remained .")).toBe("I grew up in an area where the rules of the ' 90s remained.")
    expect(text("The Cossacks demanded the restoration of ' religious rights of ' separated ' Eastern Christians .")).toBe("The Cossacks demanded the restoration of ' religious rights of ' separated ' Eastern Christians.")
  })

  it('glues a minute mark between two numbers on both sides', () => {
    expect(text("The city 's geographical coordinates are 35 ° 18 ' 27 S. Lat. 149 ° 07 ' 9 E. Long .")).toBe("The city's geographical coordinates are 35 ° 18'27 S. Lat. 149 ° 07'9 E. Long.")
  })

  it('glues a slash between two words or numbers on both sides (the tokenizer splits every slash)', () => {
    expect(text('an average speed of 50,4 km / h , and / or 5 1 / 4 inch')).toBe('an average speed of 50,4 km/h, and/or 5 1/4 inch')
    expect(text('see http : / / example.com / page')).toBe('see http: / / example.com/page')
  })

  it('places each token in the text', () => {
    const {text: written, ranges} = detokenize(['A', 'woman', '’', 's', 'place'])
    expect(ranges.map(([start, end]) => written.slice(start, end))).toEqual(['A', 'woman', '’', 's', 'place'])
  })
})
