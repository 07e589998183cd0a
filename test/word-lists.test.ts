/**
 * The word lists of the token rules (rules/data/determiner-number.json,
 * verb-form-after-auxiliary.json, joined-source.json, subject-verb-agreement.json,
 * mandative-subjunctive.json, word-order.json, pronoun-verb-agreement.json,
 * pronoun-agreement.json) are data an editor
 * extends without TypeScript: each table matches its schema, each list's
 * sentences behave as the table says, and every listed word works in the
 * shape its list is for, so that a word added to a list is tested at once.
 */
import {Ajv} from 'ajv'
import {describe, expect, it} from 'vitest'
import patternSchema from '../schemas/phrase-pattern.schema.json' with {type: 'json'}
import determinerSchema from '../schemas/determiner-number.schema.json' with {type: 'json'}
import auxiliarySchema from '../schemas/verb-form-after-auxiliary.schema.json' with {type: 'json'}
import joinedSchema from '../schemas/joined-source.schema.json' with {type: 'json'}
import agreementSchema from '../schemas/subject-verb-agreement.schema.json' with {type: 'json'}
import mandativeSchema from '../schemas/mandative-subjunctive.schema.json' with {type: 'json'}
import wordOrderSchema from '../schemas/word-order.schema.json' with {type: 'json'}
import pronounSchema from '../schemas/pronoun-verb-agreement.schema.json' with {type: 'json'}
import possessiveSchema from '../schemas/pronoun-agreement.schema.json' with {type: 'json'}
import determinerTable from '../rules/data/determiner-number.json' with {type: 'json'}
import auxiliaryTable from '../rules/data/verb-form-after-auxiliary.json' with {type: 'json'}
import joinedTable from '../rules/data/joined-source.json' with {type: 'json'}
import agreementTable from '../rules/data/subject-verb-agreement.json' with {type: 'json'}
import mandativeTable from '../rules/data/mandative-subjunctive.json' with {type: 'json'}
import wordOrderTable from '../rules/data/word-order.json' with {type: 'json'}
import pronounTable from '../rules/data/pronoun-verb-agreement.json' with {type: 'json'}
import possessiveTable from '../rules/data/pronoun-agreement.json' with {type: 'json'}
import {checkTable, type WordList} from '../src/engine/phrases.js'
import {onlyRule} from '../src/registry.js'
import {lintText} from '../src/engine/lint.js'

/** Each table with the rules that read it (a `bad` sentence must make each fire, a `good` one leave each quiet). */
const tables = [
  ['determiner-number', ['determiner-number'], determinerTable, determinerSchema],
  ['verb-form-after-auxiliary', ['verb-form-after-auxiliary'], auxiliaryTable, auxiliarySchema],
  ['joined-source', ['joined-source'], joinedTable, joinedSchema],
  ['subject-verb-agreement', ['subject-verb-agreement'], agreementTable, agreementSchema],
  ['mandative-subjunctive', ['pronoun-verb-agreement', 'subject-verb-agreement'], mandativeTable, mandativeSchema],
  ['word-order', ['word-order'], wordOrderTable, wordOrderSchema],
  ['pronoun-verb-agreement', ['pronoun-verb-agreement'], pronounTable, pronounSchema],
  ['pronoun-agreement', ['pronoun-agreement'], possessiveTable, possessiveSchema]
] as const

const actuals = (rule: string, text: string) => lintText(text, 'example.txt', onlyRule(rule)).findings.map((finding) => finding.actual)
const listsOf = (table: object) => Object.entries(table).filter(([key]) => key !== '$schema' && key !== 'description') as Array<[string, WordList]>

describe.each(tables)('rules/data/%s.json', (name, rules, table, schema) => {
  it('matches its schema', () => {
    const validate = new Ajv({allErrors: true}).addSchema(patternSchema).compile(schema)
    expect(validate(table), JSON.stringify(validate.errors)).toBe(true)
  })

  for (const [list, words] of listsOf(table)) {
    for (const rule of rules) {
      for (const text of words.examples.bad ?? []) {
        it(`${list}: ${rule} reports ${JSON.stringify(text.slice(0, 70))}`, () => {
          const found = lintText(text, 'example.txt', onlyRule(rule)).findings
          expect(found.length).toBeGreaterThan(0)
          for (const finding of found) expect(finding.message).toMatch(/^Unexpected [a-z ]*`.+`, expected .+/)
        })
      }

      for (const text of words.examples.good ?? []) {
        it(`${list}: ${rule} leaves ${JSON.stringify(text.slice(0, 70))} alone`, () => {
          expect(actuals(rule, text)).toEqual([])
        })
      }
    }
  }
})

/** The table with one word put at the front of a list: what an editor's mistake looks like. */
function withWord(table: object, list: string, word: string): object {
  const copy = structuredClone(table) as Record<string, WordList>
  copy[list]!.words.unshift(word)
  return copy
}

describe('a malformed word is refused at load, with a message naming the list and the word', () => {
  it.each([
    ['a capital', 'Demand', 'stems', /^rules\/data\/mandative-subjunctive\.json: \/stems\/words\/0 must be one word in lower case .*: "Demand"$/],
    ['a space', 'ask for', 'stems', /^rules\/data\/mandative-subjunctive\.json: \/stems\/words\/0 must be one word in lower case .*: "ask for"$/],
    ['an apostrophe the pattern cannot match', "didn't", 'words', /^rules\/data\/mandative-subjunctive\.json: \/words\/words\/0 must be one word of lower-case letters.*: "didn't"$/],
    ['a duplicate', 'ruled', 'words', /^rules\/data\/mandative-subjunctive\.json: \/words\/words must NOT have duplicate items .*: "ruled"$/]
  ])('mandative-subjunctive: %s (%s)', (_, word, list, message) => {
    expect(() => checkTable('mandative-subjunctive', withWord(mandativeTable, list, word), mandativeSchema)).toThrow(message)
  })

  it.each([
    ['a capital', 'European', 'prenominalAdjectives', /^rules\/data\/word-order\.json: \/prenominalAdjectives\/words\/0 must be one word in lower case .*: "European"$/],
    ['a space', 'as such', 'postposingPlurals', /^rules\/data\/word-order\.json: \/postposingPlurals\/words\/0 must be one word in lower case .*: "as such"$/],
    ['a duplicate', 'largely', 'degreeAdverbs', /^rules\/data\/word-order\.json: \/degreeAdverbs\/words must NOT have duplicate items .*: "largely"$/],
    ['one word for a pair', 'attorney', 'fixedPairs', /^rules\/data\/word-order\.json: \/fixedPairs\/words\/0 must be two words in lower case with one space between.*: "attorney"$/]
  ])('word-order: %s (%s)', (_, word, list, message) => {
    expect(() => checkTable('word-order', withWord(wordOrderTable, list, word), wordOrderSchema)).toThrow(message)
  })

  it('subject-verb-agreement: a space (according to)', () => {
    expect(() => checkTable('subject-verb-agreement', withWord(agreementTable, 'reportingVerbs', 'according to'), agreementSchema)).toThrow(
      /^rules\/data\/subject-verb-agreement\.json: \/reportingVerbs\/words\/0 must be one word in lower case .*: "according to"$/
    )
  })

  it('pronoun-agreement: a capital in an idiom (Point)', () => {
    const broken = structuredClone(possessiveTable)
    broken.boundIdioms.groups[0]!.nouns.unshift('Point')
    expect(() => checkTable('pronoun-agreement', broken, possessiveSchema)).toThrow(
      /^rules\/data\/pronoun-agreement\.json: \/boundIdioms\/groups\/0\/nouns\/0 must be one word in lower case .*: "Point"$/
    )
  })

  it('pronoun-verb-agreement: a capital (Said)', () => {
    expect(() => checkTable('pronoun-verb-agreement', withWord(pronounTable, 'reportingVerbs', 'Said'), pronounSchema)).toThrow(
      /^rules\/data\/pronoun-verb-agreement\.json: \/reportingVerbs\/words\/0 must be one word in lower case .*: "Said"$/
    )
  })

  it('word-order: a capital in a key of the complements map', () => {
    const broken = structuredClone(wordOrderTable) as {complements: {words: Record<string, string[]>}}
    broken.complements.words['Native'] = ['to']
    expect(() => checkTable('word-order', broken, wordOrderSchema)).toThrow(/^rules\/data\/word-order\.json: \/complements\/words must be one word in lower case .*: "Native"$/)
  })
})

describe('every listed word works in its shape', () => {
  it.each(determinerTable.pluralDeterminers.words)('determiner-number: "%s" before a singular noun', (word) => {
    expect(actuals('determiner-number', `Officials said ${word} problem remained.`)).toEqual([`${word} problem`])
  })

  it.each(determinerTable.singularDeterminers.words)('determiner-number: "%s" before a plural noun', (word) => {
    expect(actuals('determiner-number', `Officials said ${word} bishops remained.`)).toEqual([`${word} bishops`])
  })

  it.each(agreementTable.singularDeterminers.words)('subject-verb-agreement: "%s" before a singular noun and a plural verb', (word) => {
    expect(actuals('subject-verb-agreement', `Residents said that ${word} landlord have not paid.`)).toEqual(['landlord have'])
  })

  it.each(agreementTable.pluralDeterminers.words)('subject-verb-agreement: "%s" before a plural noun and a singular verb', (word) => {
    expect(actuals('subject-verb-agreement', `Residents said that ${word} authorities is doing little.`)).toEqual(['authorities is'])
  })

  it.each([...agreementTable.pluralInSense.words, ...agreementTable.invariable.words])('subject-verb-agreement: "%s" may take a plural verb', (word) => {
    expect(actuals('subject-verb-agreement', `Residents said that the ${word} were told on Monday.`)).toEqual([])
  })

  it.each(determinerTable.invariable.words)('determiner-number: "%s" after a plural determiner', (word) => {
    expect(actuals('determiner-number', `Officials said several ${word} remained.`)).toEqual([])
  })

  it.each([...auxiliaryTable.modals.words, ...auxiliaryTable.infinitive.words])('verb-form-after-auxiliary: "%s" before a past form', (word) => {
    expect(actuals('verb-form-after-auxiliary', `They said they ${word} chose the plan.`)).toEqual([`${word} chose`])
  })

  it.each(auxiliaryTable.doForms.words)('verb-form-after-auxiliary: "%s not" before a past form, "%s" alone is a main verb', (word) => {
    expect(actuals('verb-form-after-auxiliary', `They said they ${word} not chose the plan.`)).toEqual([`${word} not chose`])
    expect(actuals('verb-form-after-auxiliary', `What they ${word} chose the plan.`)).toEqual([])
  })

  it.each(auxiliaryTable.negatedDoForms.words)('verb-form-after-auxiliary: "%s" before a past form, with either apostrophe', (word) => {
    for (const written of [word, word.replace("'", '’')]) {
      expect(actuals('verb-form-after-auxiliary', `They said they ${written} chose the plan.`)).toEqual([`${written} chose`])
    }
  })

  it.each(joinedTable.prefixes.words)('joined-source: "%s-" makes a compound with a name', (word) => {
    expect(actuals('joined-source', `Crowds joined the ${word}-Xinhua rally.`)).toEqual([])
  })

  it.each(joinedTable.domainEndings.words)('joined-source: ".%s" makes a site name after a capitalised word', (word) => {
    expect(actuals('joined-source', `Keynote Speech-Xinhua.${word}`)).toEqual([`Speech-Xinhua.${word}`])
  })

  it.each([...mandativeTable.stems.words, ...mandativeTable.words.words])('mandative-subjunctive: "%s" before "that" makes the bare verb a subjunctive', (word) => {
    expect(actuals('pronoun-verb-agreement', `Officials ${word} that he pay the costs.`)).toEqual([])
    expect(actuals('subject-verb-agreement', `Officials ${word} that the minister have the final word.`)).toEqual([])
  })

  // word-order: each listed word in the shape its list is for, reported or left alone (the controls without one are below).
  it.each(wordOrderTable.prenominalAdjectives.words)('word-order: "%s" after its noun is reported', (word) => {
    expect(actuals('word-order', `Analysts said the situation ${word} remains unstable.`)).toEqual([`the situation ${word}`])
  })

  it.each(wordOrderTable.degreeAdverbs.words)('word-order: "%s" before a noun used as an adjective is reported', (word) => {
    expect(actuals('word-order', `The airline posted a ${word} resilience quarter.`)).toEqual([`${word} resilience`])
  })

  it.each(wordOrderTable.postAdverbs.words)('word-order: "%s" with its adjective after a noun is reported', (word) => {
    expect(actuals('word-order', `This is a matter ${word} delicate, the ambassador said.`)).toEqual([`a matter ${word} delicate`])
  })

  it.each(Object.entries(wordOrderTable.complements.words).flatMap(([adjective, prepositions]) => prepositions.map((preposition) => `${adjective} ${preposition}`)))(
    'word-order: "%s" is an adjective with its complement',
    (words) => {
      expect(actuals('word-order', `The agency is a body ${words} the government.`)).toEqual([])
    }
  )

  const quietShapes: Array<[string, readonly string[], (word: string) => string]> = [
    ['compositionNouns', wordOrderTable.compositionNouns.words, (word) => `The hall was filled with a largely ${word} audience.`],
    ['fixedPairs', wordOrderTable.fixedPairs.words, (words) => `The ${words} said the case would be reviewed.`],
    ['complementVerbs', wordOrderTable.complementVerbs.words, (word) => `Critics said the reform ${word} the debate political again.`],
    ['complementOpeners', wordOrderTable.complementOpeners.words, (word) => `They ${word} the bar very strict, the report said.`],
    ['postposingPlurals', wordOrderTable.postposingPlurals.words, (word) => `The envoy spoke on ${word} political at length.`],
    ['inWords', wordOrderTable.inWords.words, (word) => `The dispute is a problem political in ${word} rather than legal.`],
    ['postposable', wordOrderTable.postposable.words, (word) => `Officials said the steps ${word} were taken.`],
    ['quantityWords', wordOrderTable.quantityWords.words, (word) => `They did not understand the point very ${word}, the report said.`],
    ['notHeadNouns', wordOrderTable.notHeadNouns.words, (word) => `Officials said the ${word} political remains unstable.`]
  ]
  describe.each(quietShapes)('word-order: %s', (_, words, shape) => {
    it.each(words)('"%s" leaves the shape alone', (word) => {
      expect(actuals('word-order', shape(word))).toEqual([])
    })
  })

  it.each(pronounTable.pastAsBase.words)('pronoun-verb-agreement: "he %s" may be a past tense', (word) => {
    expect(actuals('pronoun-verb-agreement', `Last year he ${word} the plan.`)).toEqual([])
  })

  it.each(pronounTable.plurallyUsed.words)('pronoun-verb-agreement: "there are a %s" is plural', (word) => {
    expect(actuals('pronoun-verb-agreement', `There are a ${word} reasons for the delay.`)).toEqual([])
  })

  it.each(pronounTable.measureNouns.words)('pronoun-verb-agreement: "there is 30 %s" is a measure', (word) => {
    expect(actuals('pronoun-verb-agreement', `There is 30 ${word} left.`)).toEqual([])
  })

  it.each(pronounTable.reportingVerbs.words)('pronoun-verb-agreement: "it" after "%s" opens the reported clause', (word) => {
    expect(actuals('pronoun-verb-agreement', `Police ${word} it were the worst floods in a century.`)).toEqual(['it were'])
  })

  it.each(agreementTable.openingAdverbs.words)('subject-verb-agreement: "%s," opens the sentence before its subject', (word) => {
    expect(actuals('subject-verb-agreement', `${word[0]!.toUpperCase()}${word.slice(1)}, the ministers was told to wait.`)).toEqual(['ministers was'])
  })

  it.each(agreementTable.reportingVerbs.words)('subject-verb-agreement: a subject begins after "%s" with "that" dropped', (word) => {
    expect(actuals('subject-verb-agreement', `The minister ${word} the measures has reduced infections.`)).toEqual(['measures has'])
  })

  it.each(possessiveTable.boundIdioms.groups.flatMap(({verbs, nouns}) => verbs.flatMap((verb) => nouns.map((noun) => `${verb} his ${noun}`))))(
    'pronoun-agreement: "it ... %s" is reported',
    (idiom) => {
      expect(actuals('pronoun-agreement', `The company said it would ${idiom} at once.`)).toEqual(['his'])
    }
  )

  it('pronoun-agreement: a verb form is in one idiom group only (the rule reads it as a key)', () => {
    const verbs = possessiveTable.boundIdioms.groups.flatMap((group) => group.verbs)
    expect(verbs.filter((verb, index) => verbs.indexOf(verb) !== index)).toEqual([])
  })

  it('no mandative word is also covered by a stem', () => {
    expect(mandativeTable.words.words.filter((word) => mandativeTable.stems.words.some((stem) => word.startsWith(stem)))).toEqual([])
  })

  it('the same shapes without a listed word stay quiet or are reported', () => {
    // A word the prefix list does not hold is reported; a capitalised word before a name without a domain is a compound.
    expect(actuals('joined-source', 'Crowds joined the rally-Xinhua report.')).toEqual(['rally-Xinhua'])
    expect(actuals('joined-source', 'Keynote Speech-Xinhua report.')).toEqual([])
    // "the" is no determiner of either list, and a capitalised modal is a name.
    expect(actuals('determiner-number', 'Officials said the bishops remained.')).toEqual([])
    expect(actuals('verb-form-after-auxiliary', 'Officials said May chose the plan.')).toEqual([])
    // word-order's shapes with a word no list holds are reported.
    expect(actuals('word-order', 'The hall was filled with a largely stalemate audience.')).toEqual(['largely stalemate'])
    expect(actuals('word-order', 'The attorney political said the case would be reviewed.')).toEqual(['The attorney political'])
    expect(actuals('word-order', 'Critics said the reform praised the debate political again.')).toEqual(['the debate political'])
    expect(actuals('word-order', 'They lowered the bar very strict, the report said.')).toEqual(['the bar very strict'])
    expect(actuals('word-order', 'The envoy spoke on reforms political at length.')).toEqual(['reforms political'])
    expect(actuals('word-order', 'The dispute is a problem political in Geneva rather than legal.')).toEqual(['a problem political'])
    expect(actuals('word-order', 'Officials said the steps hypothetical were taken.')).toEqual(['the steps hypothetical'])
    expect(actuals('word-order', 'They did not understand the point very nice, the report said.')).toEqual(['the point very nice'])
    expect(actuals('word-order', 'The agency is a body independent at the government.')).toEqual(['a body independent'])
    // pronoun-verb-agreement's shapes without a listed word: reported, or quiet where "it" is the object of "met".
    expect(actuals('pronoun-verb-agreement', 'Last year he approve the plan.')).toEqual(['he approve'])
    expect(actuals('pronoun-verb-agreement', 'There are a reason for the delay.')).toEqual(['are'])
    expect(actuals('pronoun-verb-agreement', 'There is 30 cars left.')).toEqual(['is'])
    expect(actuals('pronoun-verb-agreement', 'Police met it were the worst floods in a century.')).toEqual([])
    // subject-verb-agreement: after an unlisted adverb or verb the noun phrase is not read as the subject.
    expect(actuals('subject-verb-agreement', 'Sadly, the ministers was told to wait.')).toEqual([])
    expect(actuals('subject-verb-agreement', 'The minister met the measures has reduced infections.')).toEqual([])
    // pronoun-agreement: an idiom no group holds stays quiet.
    expect(actuals('pronoun-agreement', 'The company said it would change his mind at once.')).toEqual([])
    // "said" is no mandative word: the bare verb after it is reported.
    expect(actuals('pronoun-verb-agreement', 'Officials said that he pay the costs.')).toEqual(['he pay'])
    expect(actuals('subject-verb-agreement', 'Officials said that the minister have the final word.')).toEqual(['minister have'])
  })
})
