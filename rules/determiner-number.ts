/**
 * A determiner whose number the noun after it does not share: a plural
 * determiner before a singular noun ("these problem", "several measure",
 * "both side") or a singular one before a plural noun ("a bishops", "each
 * players", "every workers"). Machine translation from languages without
 * number on the noun (Chinese) or with it on the determiner only leaves them.
 *
 * Only clear cases are judged. The noun must be one the lexicon reads only
 * as a noun (not "these include", "this means", "a rebels"), with a regular
 * plural it knows ("problem"/"problems"); invariable and mass nouns ("many
 * staff", "several aircraft", "these equipment") and quantity words
 * ("several hundred", "these kind of") are left alone. A noun followed by
 * another noun or an adjective modifies it ("a sports car", "a jobs
 * report", "these policy measures"), and a capitalised word is a name, so
 * both stay quiet. "a few", "many a" and "each other" never match.
 */
import {defineRule} from '../src/engine/rule.js'
import {lexiconTags} from '../src/engine/pos-taggers.js'
import {isPluralNoun, pluralOf, singularOf} from '../src/engine/nouns.js'

const pluralDeterminers = new Set(['these', 'those', 'many', 'several', 'various', 'numerous', 'both', 'few'])
const singularDeterminers = new Set(['a', 'an', 'each', 'every', 'another', 'this'])

/** A determiner, a space, a lower-case word standing alone (no hyphen, apostrophe or digit glued on). */
const determinerAndWord = /(?<![\p{L}\p{N}'’-])(these|those|many|several|various|numerous|both|few|an?|each|every|another|this)[ \u00a0]+(\p{Ll}+)(?![\p{L}\p{N}'’-])/giu
/** The word after the noun, if only spaces stand between. */
const nextWord = /^[ \u00a0]+(\p{L}[\p{L}'’-]*)/u

/** Singular nouns with a plural in the lexicon that English also counts unchanged, or takes after a plural determiner ("many staff", "several crew", "these kind of"). */
const invariable = new Set([
  'staff', 'crew', 'personnel', 'police', 'cattle', 'fish', 'offspring', 'youth', 'folk', 'clergy', 'livestock', 'poultry',
  'counsel', 'aircraft', 'kind', 'sort', 'type', 'percent', 'dozen', 'hundred', 'thousand', 'million', 'billion',
  'trillion', 'score', 'lot', 'head', 'times', 'money', 'militia'
])

/** Plurals English takes after "a" ("a ways off", "a shambles", "an innings", "a summons", "a thumbs up"). */
const singularInSense = new Set(['ways', 'shambles', 'innings', 'summons', 'bellows', 'mews', 'tongs', 'alms', 'thumbs'])

/** Parts of speech that make a word more than a noun (verbs, adjectives, adverbs, numbers, function words). */
const notOnlyNoun = /^(?:VB|JJ|RB|IN|CD|DT|PRP|MD|WP|WDT|CC|TO|UH|EX|PDT)/u

function onlyNoun(word: string): boolean {
  const tags = lexiconTags(word)
  return tags.length > 0 && tags.some((tag) => tag.startsWith('NN')) && !tags.some((tag) => notOnlyNoun.test(tag))
}

/**
 * "a", "an", "every", "various" and "numerous" never stand alone as a
 * pronoun, so a plural after them is a noun even where the lexicon also has
 * it as a verb ("a reports", "every needs"); "this reports the results" and
 * "these measure 5 cm" are a pronoun and a verb.
 */
const neverPronouns = new Set(['a', 'an', 'every', 'various', 'numerous'])

function nounAfter(determiner: string, word: string): boolean {
  if (onlyNoun(word)) return true
  const usual = lexiconTags(word)[0]
  return neverPronouns.has(determiner) && usual !== undefined && usual.startsWith('NN')
}

/** A following word that makes the noun a modifier ("a sports car", "these policy measures") or that the lexicon does not know. */
function modifies(next: string | undefined): boolean {
  if (next === undefined) return false
  if (next !== next.toLowerCase() || /['’-]/u.test(next)) return true
  // The lexicon's first tag is the word's usual part of speech ("must" is MD first, though NN too).
  const usual = lexiconTags(next)[0]
  return usual === undefined || usual.startsWith('NN') || usual.startsWith('JJ') || usual === 'CD' || usual === 'VBG'
}

export default defineRule(
  {
    id: 'determiner-number',
    category: 'agreement',
    severity: 'minor',
    description: 'A plural determiner before a singular noun ("these problem", "several measure") or a singular one before a plural noun ("a bishops", "every workers"); invariable nouns, quantities and noun modifiers ("a sports car") are left alone.',
    examples: {
      bad: [
        {
          text: 'Each soldiers buys their equipment on their own.',
          findings: [
            {range: '1:1-1:14', actual: 'Each soldiers', message: 'Unexpected `Each soldiers`, expected `Each soldier`', severity: 'minor', fix: 'Each soldier', safe: false}
          ]
        },
        {
          text: 'The Church of Evangelical Luterlik Church of Estonia selected Joel Luhaforest and Tiit Salumäe as a bishops.',
          findings: [
            {range: '1:99-1:108', actual: 'a bishops', message: 'Unexpected `a bishops`, expected `a bishop`', severity: 'minor', fix: 'a bishop', safe: false}
          ]
        },
        {
          text: 'In Serbia, a deadly form of avian influenza was found, while the Indonesian health officials reported an outbreaks of avian influenza among whales.',
          findings: [
            {range: '1:103-1:115', actual: 'an outbreaks', message: 'Unexpected `an outbreaks`, expected `an outbreak`', severity: 'minor', fix: 'an outbreak', safe: false}
          ]
        },
        {
          text: 'That is what this reporters learned at the “2019 World Manufacturing Conference Intellectual Property Rights Operation and Protection Forum” held in Hefei.',
          findings: [
            {range: '1:14-1:28', actual: 'this reporters', message: 'Unexpected `this reporters`, expected `this reporter`', severity: 'minor', fix: 'this reporter', safe: false}
          ]
        }
      ],
      good: [
        {text: 'Both mother and child were discharged from hospital on Monday.', why: '"both" before two coordinated singulars'},
        {text: 'The bank offered a savings account and a sports car loan.', why: 'a plural noun modifying the noun after it'},
        {text: 'These include several hundred residents and many staff of the hospital.', why: 'a quantity word and an invariable noun after a plural determiner'},
        {text: 'This means the talks will resume next week.', why: '"this" as a pronoun before a verb in -s'},
        {text: 'Archaeologists found various glass, ceramic and metal objects at the site.', why: 'coordinated modifiers after a plural determiner'},
        {text: 'The market is a few minutes away, and a thumbs up from the mayor sealed the deal.', why: '"a few" and an idiom that takes "a"'},
        {text: 'Each other team in the league has played this physics teacher’s game.', why: '"each other" and a field name in -ics'}
      ]
    }
  },
  ({text, report}) => {
    for (const match of text.matchAll(determinerAndWord)) {
      const [whole, determiner, noun] = match as unknown as [string, string, string]
      const lower = determiner.toLowerCase()
      // A capital "A" inside a sentence is a letter ("Grade A offices").
      if (determiner === 'A' || determiner === 'An' || invariable.has(noun) || !nounAfter(lower, noun)) continue
      const end = match.index + whole.length
      const after = text.slice(end, end + 40)
      // A possessive ("a workers' union", tokenized "workers ' union") or a compound modifies the next noun.
      if (/^[ \u00a0]?['’-]/u.test(after) || modifies(nextWord.exec(after)?.[1])) continue
      const plural = pluralDeterminers.has(lower)
      const next = nextWord.exec(after)?.[1]
      // "both mother and child", "various glass, ceramic or metal objects": coordinated singulars or modifiers.
      if (plural && (next === 'and' || next === 'or' || /^[ \u00a0]*[,/]/u.test(after))) continue
      // Names of fields in -ics are singular ("this metaphysics").
      if (!plural && (singularInSense.has(noun) || noun.endsWith('ics'))) continue
      const fixedNoun = plural ? pluralOf(noun) : noun === 'people' ? undefined : singularOf(noun)
      if (!fixedNoun || (plural ? isPluralNoun(noun) : pluralOf(noun) !== undefined)) continue
      const fixed = `${determiner} ${fixedNoun}`
      report({
        start: match.index,
        end,
        message: `Unexpected \`${whole}\`, expected \`${fixed}\``,
        expected: [fixed],
        safe: false
      })
    }
  }
)
