/** compare --original: one name written several ways, and negation said with a prefix, are not changes (issue "Reach"). */
import {describe, expect, it} from 'vitest'
import {compareOriginal} from '../src/compare/original.js'

const ids = (original: string, derived: string) => compareOriginal(original, derived, 'derived.txt').findings.map((finding) => `${finding.ruleId}:${finding.actual}`)

describe('compare --original: spelling variants of one name', () => {
  it('US, U.S. and United States are one name', () => {
    const original = 'The U.S. Embassy in Moscow issued a new warning on Sunday. Officials said the United States would respond.'
    const derived = 'The US Embassy in Moscow issued a new warning on Sunday. Officials said the U.S. would respond.'
    expect(ids(original, derived)).toEqual([])
  })

  it('Kiev and Kyiv, Britain and the UK are one name', () => {
    const original = 'Blinken flew to Kiev on Monday and then to Britain for talks.'
    const derived = 'Blinken flew to Kyiv on Monday and then to the UK for talks.'
    expect(ids(original, derived)).toEqual([])
  })

  it('a different name is still a changed name, printed as written', () => {
    const original = 'The U.S. Embassy in Moscow issued a new warning on Sunday.'
    const derived = 'The French Embassy in Moscow issued a new warning on Sunday.'
    const findings = compareOriginal(original, derived, 'derived.txt').findings
    expect(findings.map((finding) => finding.actual)).toEqual(['French'])
    expect(findings[0]!.expected).toEqual(['U.S.'])
  })
})

describe('compare --original: negation said with a prefix', () => {
  it('"not convinced" and "unconvinced" have the same polarity', () => {
    const original = 'Western officials were not convinced by the Russian statement on Tuesday.'
    const derived = 'Western officials were unconvinced by the Russian statement on Tuesday.'
    expect(ids(original, derived)).toEqual([])
  })

  it('"illegal" for "not legal", after an adverb too', () => {
    expect(ids('The court said the strike was not fully legal under the new law.', 'The court said the strike was illegal under the new law.')).toEqual([])
  })

  it('a negation that disappears is still reported', () => {
    expect(ids('Western officials were not convinced by the statement on Tuesday.', 'Western officials were convinced by the statement on Tuesday.')).toHaveLength(1)
  })
})
