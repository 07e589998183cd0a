/** phrase-echo: list items that share a phrase, series, free relatives stay quiet; a name written twice is reported with an unsafe fix. */
import {describe, expect, it} from 'vitest'
import {onlyRule} from '../src/registry.js'
import {lintText} from '../src/engine/lint.js'

const config = onlyRule('phrase-echo')
const found = (text: string) => lintText(text, 'example.txt', config).findings.map((finding) => [finding.actual, finding.expected, finding.safe])

describe('phrase-echo on list items that share a phrase', () => {
  it.each([
    'The forums discussed the basic theories of big data, big data education, big data visualization and big data finance.',
    'The reports covered big data, education of big data, visualization of big data, big data for finance and science.'
  ])('leaves a phrase the sentence names a third time, the copy going on into its item: %j', (text) => {
    expect(found(text)).toEqual([])
  })

  it.each([
    ['The risk level is Level 2, Level 2, which is Level 2, with a two-level risk level.', 'Level 2, Level 2', 'Level 2'],
    ['The platform will use smart investment, smart investment research and other technologies.', 'smart investment, smart investment', 'smart investment'],
    ['It is made from the production of coconut oil, coconut oil and coconut oil for export.', 'coconut oil, coconut oil', 'coconut oil']
  ])('reports a copy that ends its item, stands before "and", or a phrase named twice: %j', (text, actual, fixed) => {
    expect(found(text)).toEqual([[actual, [fixed], false]])
  })
})

describe('phrase-echo on a series and a free relative', () => {
  it.each(['A boy was sent from village to village to count the people.', 'They met from time to time to prepare the food.', 'But whatever is understood is understood under the logos.', 'Whoever has been there has been there.'])(
    'leaves: %j',
    (text) => {
      expect(found(text)).toEqual([])
    }
  )

  it('reports a series said three times', () => {
    expect(found('The talks went on day after day after day after the vote.')).not.toEqual([])
  })

  it('reports a verb phrase written twice after a relative pronoun that ends the sentence before', () => {
    expect(found('I asked who. Went home went home early, they said.')).toEqual([['Went home went home', ['Went home'], true]])
  })

  it.each(['What he said he said in anger, his lawyer told the court.', 'What we did we did for the country.'])('leaves a free relative whose subject and verb the main clause repeats: %j', (text) => {
    expect(found(text)).toEqual([])
  })

  it('reports a pronoun and verb written twice after a relative that is no free relative', () => {
    expect(found('The report that he said he said was leaked has gone.')).not.toEqual([])
  })

  it('reports a moved phrase after a relative that opens no verb phrase', () => {
    expect(found('The ministry said it had acted in order to in order to protect the border.')).toEqual([['in order to in order to', ['in order to'], true]])
  })
})

describe('phrase-echo on a name written twice back to back', () => {
  it.each([
    ['We stayed at the New York New York hotel in Las Vegas.', 'New York New York', 'New York'],
    ['The project crosses the Yangtze River Yangtze River.', 'Yangtze River Yangtze River', 'Yangtze River']
  ])('reports it, with a fix an editor confirms: %j', (text, actual, fixed) => {
    expect(found(text)).toEqual([[actual, [fixed], false]])
  })
})
