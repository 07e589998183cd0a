/** repeated-word: a capitalised modal before the same modal is a name only when the lexicon knows it as one and no subject follows; a doubled place name is no romanized Chinese name. */
import {describe, expect, it} from 'vitest'
import {defaultConfig, onlyRule} from '../src/registry.js'
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

  it.each([
    ['Should should we fail to reach a deal, the bank would step in.', 'Should should', 'Should'],
    ['Can can the euro survive another crisis', 'Can can', 'Can'],
    ['May may the best team win.', 'May may', 'May']
  ])('reports a capitalised modal twice before its subject, with no question mark: %j', (text, actual, fixed) => {
    expect(found(text)).toEqual([[actual, [fixed]]])
  })
})

describe('repeated-word on a place name written twice', () => {
  it.each([
    ['Tourists gathered along the Huangpu Huangpu River to watch the fireworks.', 'Huangpu Huangpu', 'Huangpu'],
    ['Floods hit the town of Lijiang Lijiang on Sunday.', 'Lijiang Lijiang', 'Lijiang'],
    ['Troops crossed the Carpathian Carpathian Mountains in winter.', 'Carpathian Carpathian', 'Carpathian'],
    ['Ships sheltered off the Nicobar Nicobar Islands overnight.', 'Nicobar Nicobar', 'Nicobar']
  ])('reports a romanized Chinese name or a name longer than a reduplicated root doubled before a place head: %j', (text, actual, fixed) => {
    expect(found(text)).toEqual([[actual, [fixed]]])
  })

  it.each(['Floodwater reached the Mitta Mitta River on Sunday.', 'Floodwater reached the village of Gol Gol on the Murray River.'])('leaves a reduplicated place name: %j', (text) => {
    expect(found(text)).toEqual([])
  })
})

describe('repeated-word across a full stop before a comma', () => {
  it('leaves a name that opens the next sentence with an apposition', () => {
    expect(found('Scalia will succeed Alexander Acosta. Acosta, then the labor secretary, announced his resignation in July.')).toEqual([])
  })

  // Only a copy capitalised inside its sentence is a name; after a full stop every word is capitalised.
  it('reports a common word echoed into the next sentence before a comma', () => {
    expect(found('The talks will go on for a few days. Days, not weeks, the officials said.')).toEqual([['days. Days,', ['days,']]])
  })
})

describe('repeated-word on a subject pronoun before its own contraction', () => {
  it.each([
    ["It it's not clear what the ministry meant.", "It it's", "It's"],
    ['The coach said he he’s ready to play.', 'he he’s', 'he’s'],
    ["I I'm not sure the talks will resume.", "I I'm", "I'm"],
    ["Officials said they they'll vote on Monday.", "they they'll", "they'll"],
    ["We we've been here before.", "We we've", "We've"]
  ])('reports the pronoun written twice: %j', (text, actual, fixed) => {
    expect(found(text)).toEqual([[actual, [fixed]]])
  })

  it.each(["The coach told you you're starting on Saturday.", "The city gave it it's own flag.", "He said it's fine, and it's done."])('leaves an object before a contraction, and two different words: %j', (text) => {
    expect(found(text)).toEqual([])
  })
})

describe('repeated-word on a listed doubled name written twice', () => {
  it('leaves the name written twice to phrase-echo, which reports it once', () => {
    expect(found('The band Duran Duran Duran Duran sold out the arena.')).toEqual([])
    const both = lintText('The band Duran Duran Duran Duran sold out the arena.', 'example.txt', defaultConfig()).findings.filter((finding) => finding.ruleId === 'repeated-word' || finding.ruleId === 'phrase-echo')
    expect(both.map((finding) => [finding.ruleId, finding.actual, finding.expected, finding.safe])).toEqual([['phrase-echo', 'Duran Duran Duran Duran', ['Duran Duran'], false]])
  })

  it('reports a listed name written three times as a word too many', () => {
    expect(found('The band Duran Duran Duran sold out the arena.')).toEqual([['Duran Duran', ['Duran']]])
  })
})

describe('repeated-word on a listed pair said three times', () => {
  it.each(['He wrote ha ha ha under the post.', "Relationships and blah blah blah I'm here for advice.", 'He listed the risks, yada yada yada, and signed.'])('leaves laughter and filler that run on: %j', (text) => {
    expect(found(text)).toEqual([])
  })

  it('reports a grammatical double said three times', () => {
    expect(found('By then the company had had had enough of the delays.')).toEqual([['had had', ['had']]])
  })
})

describe('repeated-word on a listed name that doubles a function word', () => {
  it.each(['The The ministry issued a statement late on Friday.', 'He said that. The The government denied it.', '“The The talks failed,” he said.'])('reports the article written twice at a sentence start: %j', (text) => {
    expect(found(text)).toEqual([['The The', ['The']]])
  })

  it.each(['The band The The released its first album in 1983.', 'Matt Johnson formed The The in London.'])('leaves the band inside a sentence: %j', (text) => {
    expect(found(text)).toEqual([])
  })
})

describe('repeated-word across a line break', () => {
  const safety = (text: string) => lintText(text, 'example.txt', config).findings.map((finding) => [finding.actual, finding.safe])
  it.each([
    ["Who am I\nI'm a poet from Leeds.", "I\nI'm"],
    ['Who am I\nI think so, he said.', 'I\nI']
  ])('reports the pair but offers no safe fix that joins the lines: %j', (text, actual) => {
    expect(safety(text)).toEqual([[actual, false]])
  })

  it('keeps the safe fix on one line', () => {
    expect(safety("It it's not clear what the ministry meant.")).toEqual([["It it's", true]])
  })
})
