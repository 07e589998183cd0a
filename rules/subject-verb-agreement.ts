/**
 * A plural noun subject with a singular verb right after it ("the ministers
 * was"). Only the clearest shape is judged: a determiner, optional
 * adjectives, a plural common noun and then the verb, with the noun phrase
 * starting its clause. A noun after a preposition ("one of the ministers
 * is", "the number of cases has") is not the subject, and measure phrases
 * ("five years is a long time") take a singular verb, so both stay quiet.
 */
import {defineRule} from '../src/engine/rule.js'
import {isPluralNoun} from '../src/engine/nouns.js'
import {sentencesOf, tagsOf, type TaggedWord} from '../src/engine/pos.js'

/** Singular verbs -> their plural forms. */
const pluralOf = new Map(Object.entries({is: 'are', was: 'were', has: 'have', does: 'do', "doesn't": "don't", "isn't": "aren't", "wasn't": "weren't", "hasn't": "haven't"}))

/** Determiners that open a plural noun phrase. Numbers are left out: "two weeks is enough" is a measure. */
const pluralDeterminers = new Set(['the', 'these', 'those', 'many', 'several', 'some', 'all', 'both', 'few', 'their', 'our', 'its', 'his', 'her', 'my', 'your', 'most', 'such', 'other'])

/** What may stand right before the noun phrase for it to be a subject: the start, a clause opener. */
const clauseOpeners = new Set(['and', 'but', 'that', 'because', 'if', 'when', 'while', 'although', 'though', 'since', 'as', 'so', 'where', 'whether', 'unless', 'after', 'before', 'until', 'once'])

export default defineRule(
  {
    id: 'subject-verb-agreement',
    category: 'agreement',
    severity: 'minor',
    description:
      'A plural noun subject followed by a singular verb ("the ministers was"), in the clearest shape only: a determiner, adjectives, the plural noun and the verb.',
    examples: {
      bad: [
        {
          text: 'The ministers was told to wait for the final report before voting.',
          findings: [
            {range: '1:5-1:18', actual: 'ministers was', message: 'Unexpected singular verb `was` after the plural subject `ministers`, expected `were`', severity: 'minor', fix: 'ministers were', safe: false}
          ],
          fixed: 'The ministers were told to wait for the final report before voting.'
        },
        {
          text: 'Officials said the new measures has already reduced the number of infections.',
          findings: [
            {range: '1:24-1:36', actual: 'measures has', message: 'Unexpected singular verb `has` after the plural subject `measures`, expected `have`', severity: 'minor', fix: 'measures have', safe: false}
          ],
          fixed: 'Officials said the new measures have already reduced the number of infections.'
        },
        {
          text: 'Residents said that the local authorities is doing little to help them.',
          findings: [
            {range: '1:31-1:45', actual: 'authorities is', message: 'Unexpected singular verb `is` after the plural subject `authorities`, expected `are`', severity: 'minor', fix: 'authorities are', safe: false}
          ],
          fixed: 'Residents said that the local authorities are doing little to help them.'
        }
      ],
      good: [
        {text: 'One of the ministers was told to wait for the final report.', why: 'the subject is "one"'},
        {text: 'The number of cases has risen sharply since March.', why: 'the subject is "number"'},
        {text: 'Five years is a long time in politics.', why: 'a measure phrase takes a singular verb'},
        {text: 'The news was announced on Friday by the ministry.', why: '"news" is singular'},
        {text: 'The first condition ensures that the explanans is relevant to the explanandum.', why: 'a singular in -s whose singular the lexicon does not know'},
        {text: 'The United States is committed to diplomacy, Blinken said.', why: 'a proper name'},
        {text: 'What the ministers said was not enough to reassure markets.', why: 'the subject is the clause "what the ministers said"'}
      ]
    }
  },
  ({tree, text, report}) => {
    for (const sentence of sentencesOf(tree, text)) {
      // Pre-filter: a singular verb right after a lower-case word in -s.
      const {words: plain} = sentence
      let candidate = false
      for (let index = 1; index < plain.length && !candidate; index++) {
        const before = plain[index - 1]!.value
        // The last letter first: most words do not end in `s`, and that test costs no string.
        candidate = before.charCodeAt(before.length - 1) === 115 && /[a-z]s$/.test(before) && pluralOf.has(plain[index]!.lower)
      }

      if (!candidate) continue
      const words = tagsOf(sentence, text)
      for (let index = 2; index < words.length; index++) {
        const verb = words[index]!
        const plural = pluralOf.get(verb.lower)
        if (!plural) continue
        const noun = words[index - 1]!
        if (!isPluralSubject(words, index - 1, text) || text.slice(noun.end, verb.start) !== ' ') continue
        report({
          start: noun.start,
          end: verb.end,
          message: `Unexpected singular verb \`${verb.value}\` after the plural subject \`${noun.value}\`, expected \`${plural}\``,
          expected: [`${noun.value} ${plural}`]
        })
      }
    }
  }
)

/** A plural common noun heading a noun phrase that opens its clause. */
function isPluralSubject(words: TaggedWord[], nounIndex: number, text: string): boolean {
  const noun = words[nounIndex]!
  if (noun.tag !== 'NNS' || !isPluralNoun(noun.value)) return false
  // Walk back over adjectives to the determiner.
  let index = nounIndex - 1
  while (index >= 0 && /^(JJ|VBN)/.test(words[index]!.tag) && text.slice(words[index]!.end, words[index + 1]!.start) === ' ') index--
  const determiner = words[index]
  if (!determiner || !pluralDeterminers.has(determiner.lower)) return false
  if (text.slice(determiner.end, words[index + 1]!.start) !== ' ') return false
  const previous = words[index - 1]
  if (!previous) return true
  const gap = text.slice(previous.end, determiner.start)
  // After a comma or a dash the phrase may be an apposition or a list item: too unclear.
  if (gap !== ' ') return false
  return clauseOpeners.has(previous.lower) || isReportingVerb(previous.value)
}

/** "said the measures has": a reporting verb with `that` dropped. */
function isReportingVerb(value: string): boolean {
  return /^(said|says|say|added|noted|warned|argued|claimed|believe|believes|believed|think|thinks|thought|insisted|stressed)$/i.test(value)
}
