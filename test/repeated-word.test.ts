/** repeated-word: a capitalised modal before the same modal is a name only when the lexicon knows it as one. */
import {describe, expect, it} from 'vitest'
import {onlyRule} from '../src/registry.js'
import {lintText} from '../src/engine/lint.js'

const config = onlyRule('repeated-word')
const found = (text: string) => lintText(text, 'example.txt', config).findings.map((finding) => [finding.actual, finding.expected])

describe('repeated-word on a modal twice', () => {
  it.each([
    ['Could could be the answer to the crisis, he wrote.', 'Could could', 'Could'],
    ['Must must be done before the vote.', 'Must must', 'Must']
  ])('reports a modal that is no name written twice: %j', (text, actual, fixed) => {
    expect(found(text)).toEqual([[actual, [fixed]]])
  })

  it.each(['Will will take over as chief executive in March.', 'Can can speak Turkish, his friends said.'])('leaves a name before the modal spelt the same: %j', (text) => {
    expect(found(text)).toEqual([])
  })

  it('reports the modal twice in a question', () => {
    expect(found('Will will the talks resume next week?')).toEqual([['Will will', ['Will']]])
  })
})
