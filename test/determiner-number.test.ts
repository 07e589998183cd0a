/** determiner-number: both directions, the noun forms it offers, and the readings it must leave alone. */
import {describe, expect, it} from 'vitest'
import {onlyRule} from '../src/registry.js'
import {lintText} from '../src/engine/lint.js'
import {pluralOf, singularOf} from '../src/engine/nouns.js'

const config = onlyRule('determiner-number')
const actual = (text: string) => lintText(text, 'example.txt', config).findings.map((finding) => [finding.actual, finding.expected])

describe('determiner-number', () => {
  it.each([
    ['These problem must be solved before the vote.', 'These problem', 'These problems'],
    ['The ministry said several country had signed.', 'several country', 'several countries'],
    ['Numerous study have shown the effect.', 'Numerous study', 'Numerous studies'],
    ['Every students must register by Friday.', 'Every students', 'Every student'],
    ['He bought a books for his son.', 'a books', 'a book'],
    ['Another problems arose during the test.', 'Another problems', 'Another problem']
  ])('reports %j', (text, found, fixed) => {
    expect(actual(text)).toEqual([[found, [fixed]]])
  })

  it.each([
    'Those affected were moved to a school.',
    'These measure five metres across.',
    'This reports the results of the survey.',
    'Both teacher and student signed the letter.',
    'Many believe the vote was fair.',
    'A jobs report is due on Friday.',
    'The workers joined a workers’ union.',
    'It was a shambles, and the party is a ways off from power.',
    'He won several thousand votes in these kind of districts.',
    'Grade A offices and the A books are on the list.',
    'The news is that each other country agreed.'
  ])('leaves %j alone', (text) => {
    expect(actual(text)).toEqual([])
  })

  it('offers noun forms the lexicon knows, and none for a noun it cannot pair', () => {
    expect(pluralOf('country')).toBe('countries')
    expect(singularOf('authorities')).toBe('authority')
    expect(pluralOf('tens')).toBeUndefined()
    expect(singularOf('people')).toBeUndefined()
  })
})
