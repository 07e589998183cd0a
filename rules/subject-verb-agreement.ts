/**
 * A plural noun subject with a singular verb right after it ("the ministers
 * was", "the results shows"), or a singular one with a plural verb ("the president have"). Only
 * the clearest shape is judged: a determiner, optional adjectives (for a
 * plural), the common noun and then the verb, with the noun phrase starting
 * its clause. A noun after a preposition ("one of the ministers
 * is", "the number of cases has") is not the subject, and measure phrases
 * ("five years is a long time") take a singular verb, so both stay quiet.
 * A plural without a determiner is judged before a singular form of be,
 * have or do ("Prices has fallen", "said officials was told"): opening the
 * sentence, or a clause after a subordinator or a verb of saying; names
 * ("Woods has"), gerunds ("cutting costs is"), measures ("seven miles is")
 * and quantities ("lots has") stay quiet. Three longer subjects are judged
 * too: a head noun with a short of-phrase whose noun the verb agrees with
 * instead ("the results of the inquiry is", "the cost of the repairs are";
 * quantities, parts, kinds and collectives stay quiet), at the start of a
 * sentence only; two noun phrases joined by "and" ("the president and his
 * wife was") and "which" after a singular noun ("the plan, which include"),
 * in any clause. In a question opened by a wh-word or an auxiliary, the noun
 * phrase right after the opener is not judged ("Are the results", "How many
 * heads does"); one in a clause later in it is ("Do you think the ministers
 * was right?").
 */
import {defineRule} from '../src/engine/rule.js'
import {isPluralNoun, singularOf as singularOfPlural} from '../src/engine/nouns.js'
import {sentencesOf, tagsOf, type TaggedWord} from '../src/engine/pos.js'
import {lexiconTags} from '../src/engine/pos-taggers.js'
import {baseOfThirdPerson, knownThirdPerson, mandativeWords} from '../src/engine/verb-forms.js'
import {checkTable, wordSets} from '../src/engine/phrases.js'
import schema from '../schemas/subject-verb-agreement.schema.json' with {type: 'json'}
import table from './data/subject-verb-agreement.json' with {type: 'json'}
import mandativeSchema from '../schemas/mandative-subjunctive.schema.json' with {type: 'json'}
import mandativeTable from './data/mandative-subjunctive.json' with {type: 'json'}

/**
 * The word lists are data (data/subject-verb-agreement.json, shape:
 * schemas/subject-verb-agreement.schema.json): the determiners that open a
 * noun phrase of each number, the collectives and quantities that may take a
 * plural verb ("the team have", "the majority are"), the nouns whose
 * plural is the singular ("the sheep are"), the sentence adverbs that open a
 * sentence before its subject ("However, the world are") and the verbs of
 * saying after which a clause begins ("said the measures has").
 */
checkTable('subject-verb-agreement', table, schema)
const {singularDeterminers, pluralDeterminers, pluralInSense, invariable: invariableNouns, openingAdverbs, sayingVerbs, reportingVerbs} = wordSets(table)

/** The mandative subjunctive's words ("demanded that the law have"): data, shared with pronoun-verb-agreement. */
checkTable('mandative-subjunctive', mandativeTable, mandativeSchema)
const mandative = mandativeWords(mandativeTable)

/** Plural verbs -> their singular forms, for a singular noun subject ("the president have"). */
const singularOf = new Map(Object.entries({are: 'is', were: 'was', have: 'has', do: 'does', "don't": "doesn't", "aren't": "isn't", "weren't": "wasn't", "haven't": "hasn't"}))

/** Singular verbs -> their plural forms. */
const pluralOf = new Map(Object.entries({is: 'are', was: 'were', has: 'have', does: 'do', "doesn't": "don't", "isn't": "aren't", "wasn't": "weren't", "hasn't": "haven't"}))

/** Every form of be, have and do that agrees with one number only. */
const agreeingForms = new Set([...singularOf.keys(), ...pluralOf.keys()])

/** Plurals without -s, for the pre-filter ("these people has"). */
const irregularPlurals = new Set(['people', 'women', 'men', 'children'])

/**
 * The first words of a question that inverts its subject and verb: a wh-word ("How many heads does John have?") or an
 * auxiliary ("Do you know how many calories does a banana have?").
 */
const questionOpeners = /^(how|what|which|who|whom|whose|why|where|when|am|is|are|was|were|do|does|did|has|have|had|can|could|will|would|shall|should|may|might|must|isn't|aren't|wasn't|weren't|don't|doesn't|didn't|hasn't|haven't|hadn't|can't|couldn't|won't|wouldn't|shouldn't|mustn't)$/

/** What may stand right before the noun phrase for it to be a subject: the start, a clause opener. */
const clauseOpeners = new Set(['and', 'but', 'that', 'because', 'if', 'when', 'while', 'although', 'though', 'since', 'as', 'so', 'where', 'whether', 'unless', 'after', 'before', 'until', 'once', 'how', 'why', 'yet'])

export default defineRule(
  {
    id: 'subject-verb-agreement',
    category: 'agreement',
    severity: 'minor',
    description:
      'A plural noun subject followed by a singular verb ("the ministers was", "the results shows", "Prices has fallen"), or a singular one by a plural verb ("the president have"), in the clearest shapes only: a determiner (or, before a form of be, have or do, none), the noun and the verb, opening a clause; two coordinated noun phrases ("the president and his wife was") or "which" after a singular noun ("the plan, which include"), opening a clause; or, opening a sentence, a head noun and a short of-phrase ("the cost of the repairs are").',
    examples: {
      bad: [
        {
          text: 'Officials said the minister were surprised by the result of the vote.',
          findings: [
            {range: '1:20-1:33', actual: 'minister were', message: 'Unexpected plural verb `were` after the singular subject `minister`, expected `was`', severity: 'minor', fix: 'minister was', safe: false}
          ],
          fixed: 'Officials said the minister was surprised by the result of the vote.'
        },
        {
          text: 'Residents said that the landlord have not paid for the damage.',
          findings: [
            {range: '1:25-1:38', actual: 'landlord have', message: 'Unexpected plural verb `have` after the singular subject `landlord`, expected `has`', severity: 'minor', fix: 'landlord has', safe: false}
          ],
          fixed: 'Residents said that the landlord has not paid for the damage.'
        },
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
        },
        {
          text: 'The results shows that MADDPG is able to not only converge faster, but is also more stable during training.',
          findings: [
            {range: '1:5-1:18', actual: 'results shows', message: 'Unexpected singular verb `shows` after the plural subject `results`, expected `show`', severity: 'minor', fix: 'results show', safe: false}
          ],
          fixed: 'The results show that MADDPG is able to not only converge faster, but is also more stable during training.'
        },
        {
          text: 'Officials said the new measures has already reduced infections, but for how long?',
          findings: [
            {range: '1:24-1:36', actual: 'measures has', message: 'Unexpected singular verb `has` after the plural subject `measures`, expected `have`', severity: 'minor', fix: 'measures have', safe: false}
          ],
          fixed: 'Officials said the new measures have already reduced infections, but for how long?'
        },
        {
          text: 'The numbers of the population has increased in less than 100 years, from 10 to 70 million inhabitants.',
          findings: [
            {range: '1:5-1:34', actual: 'numbers of the population has', message: 'Unexpected singular verb `has` after `numbers of the population`, whose head `numbers` is plural, expected `have`', severity: 'minor', fix: 'numbers of the population have', safe: false}
          ],
          fixed: 'The numbers of the population have increased in less than 100 years, from 10 to 70 million inhabitants.'
        },
        {
          text: 'A particular category of land owners were the monasteries.',
          findings: [
            {range: '1:14-1:42', actual: 'category of land owners were', message: 'Unexpected plural verb `were` after `category of land owners`, whose head `category` is singular, expected `was`', severity: 'minor', fix: 'category of land owners was', safe: false}
          ],
          fixed: 'A particular category of land owners was the monasteries.'
        },
        {
          text: 'The cost of the repairs are estimated at $2 million, the council said.',
          findings: [
            {range: '1:5-1:28', actual: 'cost of the repairs are', message: 'Unexpected plural verb `are` after `cost of the repairs`, whose head `cost` is singular, expected `is`', severity: 'minor', fix: 'cost of the repairs is', safe: false}
          ],
          fixed: 'The cost of the repairs is estimated at $2 million, the council said.'
        },
        {
          text: 'The president and his wife was greeted at the airport by the foreign minister.',
          findings: [
            {range: '1:5-1:31', actual: 'president and his wife was', message: 'Unexpected singular verb `was` after the coordinated subject `president and his wife`, expected `were`', severity: 'minor', fix: 'president and his wife were', safe: false}
          ],
          fixed: 'The president and his wife were greeted at the airport by the foreign minister.'
        },
        {
          text: 'Do you think the ministers was right to resign?',
          findings: [
            {range: '1:18-1:31', actual: 'ministers was', message: 'Unexpected singular verb `was` after the plural subject `ministers`, expected `were`', severity: 'minor', fix: 'ministers were', safe: false}
          ],
          fixed: 'Do you think the ministers were right to resign?'
        },
        {
          text: 'Officials was told to leave the building before noon.',
          findings: [
            {range: '1:1-1:14', actual: 'Officials was', message: 'Unexpected singular verb `was` after the plural subject `Officials`, expected `were`', severity: 'minor', fix: 'Officials were', safe: false}
          ],
          fixed: 'Officials were told to leave the building before noon.'
        },
        {
          text: 'Analysts said food prices has risen faster than wages this year.',
          findings: [
            {range: '1:20-1:30', actual: 'prices has', message: 'Unexpected singular verb `has` after the plural subject `prices`, expected `have`', severity: 'minor', fix: 'prices have', safe: false}
          ],
          fixed: 'Analysts said food prices have risen faster than wages this year.'
        },
        {
          text: 'In March, exports was 4% lower than a year earlier.',
          findings: [
            {range: '1:11-1:22', actual: 'exports was', message: 'Unexpected singular verb `was` after the plural subject `exports`, expected `were`', severity: 'minor', fix: 'exports were', safe: false}
          ],
          fixed: 'In March, exports were 4% lower than a year earlier.'
        },
        {
          text: 'Local media reported that the mayor and his deputy was questioned by police on Monday.',
          findings: [
            {range: '1:31-1:55', actual: 'mayor and his deputy was', message: 'Unexpected singular verb `was` after the coordinated subject `mayor and his deputy`, expected `were`', severity: 'minor', fix: 'mayor and his deputy were', safe: false}
          ],
          fixed: 'Local media reported that the mayor and his deputy were questioned by police on Monday.'
        },
        {
          text: 'The minister said the plan, which include new taxes on fuel, would be put to a vote.',
          findings: [
            {range: '1:29-1:42', actual: 'which include', message: 'Unexpected plural verb `include` after `which` for the singular `plan`, expected `includes`', severity: 'minor', fix: 'which includes', safe: false}
          ],
          fixed: 'The minister said the plan, which includes new taxes on fuel, would be put to a vote.'
        },
        {
          text: 'The plan, which include new taxes on fuel, was rejected by parliament.',
          findings: [
            {range: '1:11-1:24', actual: 'which include', message: 'Unexpected plural verb `include` after `which` for the singular `plan`, expected `includes`', severity: 'minor', fix: 'which includes', safe: false}
          ],
          fixed: 'The plan, which includes new taxes on fuel, was rejected by parliament.'
        }
      ],
      good: [
        {text: 'If the discounts of other properties before the delivery are greater, the developer will pay the difference.', why: 'the noun ends a prepositional phrase; the subject is "discounts"'},
        {text: 'The latter are still feeling oppressed, the report said.', why: 'an adjective used as a plural noun'},
        {text: 'The team have won three matches in a row.', why: 'a collective noun may take a plural verb'},
        {text: 'Officials said the president and his wife have left the country.', why: 'a coordinated subject'},
        {text: 'If the president were here, he would sign the bill.', why: 'the subjunctive after "if"'},
        {text: 'One of the ministers was told to wait for the final report.', why: 'the subject is "one"'},
        {text: 'The number of cases has risen sharply since March.', why: 'the subject is "number"'},
        {text: 'Five years is a long time in politics.', why: 'a measure phrase takes a singular verb'},
        {text: 'The news was announced on Friday by the ministry.', why: '"news" is singular'},
        {text: 'The first condition ensures that the explanans is relevant to the explanandum.', why: 'a singular in -s whose singular the lexicon does not know'},
        {text: 'The United States is committed to diplomacy, Blinken said.', why: 'a proper name'},
        {text: 'What the ministers said was not enough to reassure markets.', why: 'the subject is the clause "what the ministers said"'},
        {text: 'Under the Quebec Act, the border between British Canada and the other colonies has been established.', why: 'after "between", "and" joins the objects of the preposition'},
        {text: 'In 2019, the team were beaten in the final.', why: 'a collective noun after an opening phrase'},
        {text: 'About 1.3 million sheep have been raised, and the sheep are now the leader of the local industry.', why: 'a noun whose plural is the singular'},
        {text: 'At the meeting, the minister and her aides were questioned.', why: 'a coordinated subject after an opening phrase'},
        {text: 'Plotting the results shows that the denoising time increases almost perfectly linearly with respect to the number of pixels.', why: 'the subject is the gerund "plotting the results"'},
        {text: 'The behaviour of the officials says something else, because the ones the model ranked highest got treated as suspects.', why: 'the plural ends an of-phrase; the subject is "behaviour"'},
        {text: 'How many heads does John the Baptist have?', why: 'a question puts the verb before its subject'},
        {text: 'Can you tell me how many sides does a triangle have?', why: 'a question opened by an auxiliary: "how many sides" is fronted, the subject is "a triangle"'},
        {text: 'And how many legs does a snake have?', why: 'a "how many" phrase before the inverted verb of a question, wherever it stands'},
        {text: 'The majority of viruses have capsids that are typically quite small.', why: 'a quantity head: the verb agrees with the of-phrase'},
        {text: 'A number of cases have been reported since Monday.', why: '"a number of" is many ("the number of" is one)'},
        {text: 'The rest of the chapters are, therefore, variations on the same theme.', why: 'a part head takes the number of its of-phrase'},
        {text: 'A team of researchers have found traces of the virus in the river.', why: 'a collective head'},
        {text: 'Bread and butter is still the cheapest breakfast in the city.', why: 'a pair without a second determiner may be one thing'},
        {text: 'Every man and woman in the village is expected to vote.', why: '"every" makes the pair singular'},
        {text: 'The minister and her deputy, who is new, were questioned.', why: 'the verb after the comma belongs to the relative clause'},
        {text: 'Microplastics are tiny pieces of plastic, which are defined by researchers as smaller than 5 mm.', why: 'after a preposition "which" may stand for the noun before it ("pieces")'},
        {text: 'Which countries has the minister visited this year?', why: 'a question: the plural right after the wh-word is a fronted object'},
        {text: 'Are the results of the inquiry ready?', why: 'a question opened by an auxiliary: the noun phrase after it is the inverted subject'},
        {text: 'Woods has won the tournament five times.', why: 'a capitalised plural the lexicon reads first as a name'},
        {text: 'Cutting costs is the only way to save the company.', why: 'the subject is the gerund "cutting costs"'},
        {text: 'All that matters is whether specific and abstract terms are indicative of the same nature.', why: 'after "all that" the word in -s is the verb of a relative clause'},
        {text: 'For a mad dog, seven miles is not a hook.', why: 'a number and its noun: a measure takes a singular verb'},
        {text: 'William James says that metaphysics is nothing more than an unusually stubborn effort to think clearly.', why: 'a word in -s the lexicon also reads as a singular noun'},
        {text: 'Fish and chips is still the most popular takeaway in the town.', why: 'after "and" a bare plural may end a pair that is one thing'},
        {text: 'The story he told friends was not true.', why: '"told" takes a personal object: "friends" is not the subject of "was"'},
        {text: 'Lots has changed since the factory closed.', why: 'a quantity in the plural, as its singular "lot"'},
        {text: 'One of the newly added bases is 300 kilometers from Taiwan and the closest location to China.', why: '"added" is a participle here, not a verb of saying'}
      ]
    }
  },
  ({tree, text, report}) => {
    const commaAfter = nextCommaFinder(text)
    for (const sentence of sentencesOf(tree, text)) {
      // Pre-filter: a short subject that disagrees (shortShape: "ministers was", "the president have").
      const {words: plain} = sentence
      let candidate = shortShape(plain)

      // Or a verb of be, have or do a few words after "of" or "and", or any word after "which" ("the results of the inquiry
      // is", "the president and his wife was", "the company, which employ"). The of-phrase is judged only where its
      // determiner opens the sentence or follows the first comma, so the "of" stands two to five words after one of
      // those two places; two coordinated noun phrases and "which" are judged in any clause (longerShapeInside).
      if (!candidate && plain.length > 3) {
        candidate = longerShapeNear(plain, 0) || longerShapeInside(plain, text)
        const comma = candidate ? -1 : commaAfter(plain[0]!.start)
        if (comma >= 0 && comma < sentence.end) {
          for (let index = 1; index < plain.length; index++) {
            if (plain[index - 1]!.end === comma) {
              candidate = text.slice(comma, plain[index]!.start) === ', ' && longerShapeNear(plain, index)
              break
            }

            if (plain[index - 1]!.end > comma) break
          }
        }
      }

      if (!candidate) continue
      const words = tagsOf(sentence, text)
      const question = text.slice(sentence.start, sentence.end).trimEnd().endsWith('?')
      const opensQuestion = question && questionOpeners.test(words[0]!.lower)
      for (let index = 1; index < words.length; index++) {
        const verb = words[index]!
        const noun = words[index - 1]!
        if (!oneSpace(text, noun.end, verb.start)) continue
        // The verb agrees with neither a plural subject ("ministers was", "results shows") nor a singular one ("minister were").
        // "How many heads does John have?", "Can you tell me how many sides does a triangle have?": a question inverts its
        // subject and verb, so the noun before the verb is not its subject.
        const plural = question && followsHowMany(words, index - 1) ? undefined : pluralOf.get(verb.lower) ?? lexicalBase(verb)
        const singular = singularOf.get(verb.lower)
        // In a question opened by a wh-word or an auxiliary, the noun phrase right after the opener is the inverted
        // subject or a fronted object ("How many heads does", "Are the results"); one later in the sentence opens a
        // clause of its own ("Do you think the ministers was right?").
        if (plural && (isPluralSubject(words, index - 1, text, opensQuestion ? 2 : 0) || (pluralOf.has(verb.lower) && isBarePluralSubject(words, index - 1, text, opensQuestion ? 2 : 0)))) {
          report({
            start: noun.start,
            end: verb.end,
            message: `Unexpected singular verb \`${verb.value}\` after the plural subject \`${noun.value}\`, expected \`${plural}\``,
            expected: [`${noun.value} ${plural}`]
          })
        } else if (singular && isSingularSubject(words, index - 1, verb.lower, text)) {
          report({
            start: noun.start,
            end: verb.end,
            message: `Unexpected plural verb \`${verb.value}\` after the singular subject \`${noun.value}\`, expected \`${singular}\``,
            expected: [`${noun.value} ${singular}`]
          })
        } else if (!opensQuestion) {
          const found = ofPhraseSubject(words, index, text) ?? coordinatedSubject(words, index, text) ?? whichAfterSingular(words, index, text)
          if (found) {
            const before = text.slice(words[found.from]!.start, noun.end)
            report({
              start: words[found.from]!.start,
              end: verb.end,
              message: `Unexpected ${found.wrong} verb \`${verb.value}\` after ${found.subject}, expected \`${found.right}\``,
              expected: [`${before} ${found.right}`]
            })
          }
        }
      }
    }
  }
)

/** What the pre-filter asks of a word, by its lower-cased form: one lookup per word instead of one per list. */
const pluralVerb = 1
const singularVerb = 2
const singularDeterminer = 4
const irregularPlural = 8
const shortShapeFlags = new Map<string, number>()
for (const [words, flag] of [
  [pluralOf.keys(), pluralVerb],
  [singularOf.keys(), singularVerb],
  [singularDeterminers, singularDeterminer],
  [irregularPlurals, irregularPlural]
] as const) {
  for (const word of words) shortShapeFlags.set(word, (shortShapeFlags.get(word) ?? 0) | flag)
}

/**
 * Pre-filter for the short subjects, in one pass over the words: a verb in -s right after a lower-case word in -s
 * ("ministers was", "results shows"; a lexical verb in -s only with a plural determiner up to two modifiers back, "the
 * results shows": this triples the sentences to tag otherwise), or a plural verb two words after a singular
 * determiner ("the president have").
 */
function shortShape(plain: ReadonlyArray<{value: string; lower: string}>): boolean {
  let beforeBefore = 0
  let before = plain.length > 0 ? (shortShapeFlags.get(plain[0]!.lower) ?? 0) : 0
  for (let index = 1; index < plain.length; index++) {
    const verb = plain[index]!.lower
    const flags = shortShapeFlags.get(verb) ?? 0
    if ((flags & singularVerb) !== 0 && (beforeBefore & singularDeterminer) !== 0) return true
    // The verb's last letter first: most words are none of the verbs and do not end in `s`.
    if ((flags & pluralVerb) !== 0 || verb.charCodeAt(verb.length - 1) === 115) {
      const previous = plain[index - 1]!
      const {value} = previous
      // A listed irregular plural is lower case: its value is its lower-cased form.
      const afterPlural = (value.charCodeAt(value.length - 1) === 115 && /[a-z]s$/.test(value)) || ((before & irregularPlural) !== 0 && value === previous.lower)
      if (afterPlural && ((flags & pluralVerb) !== 0 || (/^[a-z]+s$/.test(verb) && plain.slice(Math.max(0, index - 4), index - 1).some((word) => pluralDeterminers.has(word.lower))))) return true
    }

    beforeBefore = before
    before = flags
  }

  return false
}

/** Whether exactly one space stands between `from` and `to` (`text.slice(from, to) === ' '`, without the slice). */
function oneSpace(text: string, from: number, to: number): boolean {
  return to - from === 1 && text.charCodeAt(from) === 32
}

/**
 * Pre-filter for the longer subjects whose determiner is at `determiner`: "of" with a form of be, have or do two to
 * five words after it, "and" with a singular one, or "which" before any word, two to five words after the determiner.
 */
function longerShapeNear(plain: ReadonlyArray<{lower: string}>, determiner: number): boolean {
  for (let index = determiner + 2; index <= determiner + 5 && index + 2 < plain.length; index++) {
    const lower = plain[index]!.lower
    if (lower === 'which') return true
    if ((lower === 'of' || lower === 'and') && plain.slice(index + 2, index + 6).some((word) => (lower === 'and' ? pluralOf : agreeingForms).has(word.lower))) return true
  }

  return false
}

/** Bare verbs after ", which" that cannot be plural ("which will", "which can"). */
const modals = new Set(['will', 'would', 'can', 'could', 'may', 'might', 'must', 'shall', 'should', 'not', 'also', 'then'])

/**
 * Pre-filter for the longer subjects inside a sentence: "and" between two conjunct determiners with a singular form of
 * be, have or do after it ("said the president and his wife was"), or ", which" before a plural verb or a bare word
 * after a word not in -s ("said the plan, which include").
 */
function longerShapeInside(plain: ReadonlyArray<{lower: string; start: number; end: number}>, text: string): boolean {
  for (let index = 2; index + 2 < plain.length; index++) {
    const lower = plain[index]!.lower
    if (lower === 'and') {
      if (conjunctDeterminers.has(plain[index + 1]!.lower) && plain.slice(index + 3, index + 7).some((word) => pluralOf.has(word.lower)) && plain.slice(Math.max(0, index - 5), index - 1).some((word) => conjunctDeterminers.has(word.lower))) return true
    } else if (lower === 'which' && !plain[index - 1]!.lower.endsWith('s') && text.slice(plain[index - 1]!.end, plain[index]!.start) === ', ') {
      const next = plain[index + 1]!.lower
      if (singularOf.has(next) || (/^[a-z]+$/.test(next) && !/(s|ed|ing|ly)$/.test(next) && !modals.has(next))) return true
    }
  }

  return false
}

/**
 * "The results shows", "the officials says": a lexical verb in -s that the
 * tagger reads as a verb here, with the base form the lexicon knows.
 */
function lexicalBase(verb: TaggedWord): string | undefined {
  return verb.tag === 'VBZ' ? baseOfThirdPerson(verb.lower) : undefined
}

/** "how many heads", "how few people": a fronted wh-phrase, within two modifiers of the noun. */
function followsHowMany(words: TaggedWord[], nounIndex: number): boolean {
  for (let index = nounIndex - 1; index >= Math.max(1, nounIndex - 3); index--) {
    if (/^(many|few)$/.test(words[index]!.lower) && words[index - 1]!.lower === 'how') return true
  }

  return false
}

/** A plural common noun heading a noun phrase that opens its clause. */
function isPluralSubject(words: TaggedWord[], nounIndex: number, text: string, firstDeterminer = 0): boolean {
  const noun = words[nounIndex]!
  // "The suspects was": the tagger may read a plural as a verb in -s, which cannot follow "the" directly.
  const afterArticle = /^(the|these|those)$/i.test(words[nounIndex - 1]?.value ?? '')
  if (!(noun.tag === 'NNS' || (noun.tag === 'VBZ' && afterArticle)) || !isPluralNoun(noun.value)) return false
  // Walk back over adjectives to the determiner.
  let index = nounIndex - 1
  while (index >= 0 && /^(JJ|VBN)/.test(words[index]!.tag) && text.slice(words[index]!.end, words[index + 1]!.start) === ' ') index--
  // The tagger reads "many", "several", "few", "such" and "other" as adjectives: the first of them is the determiner
  // when no article stands before it ("that many authorities is", but "the other countries has").
  if (!pluralDeterminers.has(words[index]?.lower ?? '') && index + 1 < nounIndex && pluralDeterminers.has(words[index + 1]!.lower)) index++
  const determiner = words[index]
  if (!determiner || index < firstDeterminer || !pluralDeterminers.has(determiner.lower)) return false
  if (text.slice(determiner.end, words[index + 1]!.start) !== ' ') return false
  const previous = words[index - 1]
  if (!previous) return true
  const gap = text.slice(previous.end, determiner.start)
  // After a comma or a dash the phrase may be an apposition or a list item: too unclear, but after an opening phrase.
  if (gap !== ' ') return gap === ', ' && closesOpeningPhrase(words, index - 1, text)
  // "between the emperor and the imperial people was": after a preposition, "and" joins its objects, not subjects.
  if ((previous.lower === 'and' || previous.lower === 'or') && words.slice(Math.max(0, index - 7), index - 1).some((word) => word.tag === 'IN')) return false
  return clauseOpeners.has(previous.lower) || (isReportingVerb(previous.lower) && !opensWithSubjectClause(words))
}

/**
 * "Prices has fallen", "said officials was told": a plural common noun without a determiner, after up to two
 * modifiers (not in -ing: "cutting costs is" has a gerund for its subject), before a singular form of be, have or do.
 * The phrase opens the sentence, capitalised, its first word read by the lexicon as a common word ("Woods has won",
 * "Banks was" are names); or it follows the comma after an opening phrase, a subordinator (not "and", "or", "as",
 * "since", ...: "fish and chips is", "such as prices") or a verb of saying, lower case. A quantity or a collective in
 * the plural ("lots has changed") stays quiet, as its singular does.
 */
function isBarePluralSubject(words: TaggedWord[], nounIndex: number, text: string, firstWord: number): boolean {
  const noun = words[nounIndex]!
  // "metaphysics is": a word the lexicon also reads as a singular noun is not judged.
  if (!isPluralNoun(noun.lower) || !/^NN/.test(noun.tag) || lexiconTags(noun.lower).includes('NN')) return false
  const singular = singularOfPlural(noun.lower)
  if (singular && (pluralInSense.has(singular) || invariableNouns.has(singular))) return false
  let start = nounIndex
  while (start > nounIndex - 2 && start > 0 && text.slice(words[start - 1]!.end, words[start]!.start) === ' ' && (/^(JJ|NN$)/.test(words[start - 1]!.tag) || (start === 1 && words[0]!.tag === 'NNP')) && !/ing$/i.test(words[start - 1]!.value) && !anyDeterminer.has(words[start - 1]!.lower) && !numberWord.test(words[start - 1]!.lower)) start--
  if (start < firstWord) return false
  const first = words[start]!
  if (start === 0) {
    // "Prices has", "Food prices has": the lexicon reads a capitalised plural first as a name when it is one ("Woods").
    const reading = start < nounIndex ? lexiconTags(first.lower)[0] : lexiconTags(first.value)[0]
    return /^[A-Z][a-z]+$/.test(first.value) && noun.tag === 'NNS' && /^(NN|NNS|JJ)$/.test(reading ?? '') && words.slice(1, nounIndex + 1).every((word) => /^[a-z]+$/.test(word.value))
  }

  if (!words.slice(start, nounIndex + 1).every((word) => /^[a-z]+$/.test(word.value)) || noun.tag !== 'NNS') return false
  const previous = words[start - 1]!
  const gap = text.slice(previous.end, first.start)
  if (gap !== ' ') return gap === ', ' && closesOpeningPhrase(words, start - 1, text)
  // "All that matters is", "the only thing that counts is", "what that means is": after a noun or a pronoun "that" may
  // be a relative pronoun or the subject, and the word in -s its verb; after a verb or an adjective ("said that prices
  // has", "clear that officials was") or in "so that", "now that" it opens a clause.
  if (bareOpeners.has(previous.lower)) return previous.lower !== 'that' || clauseTakerBefore(words[start - 2])
  // A verb of saying with its subject before it ("officials said", "he also added"), not a participle ("the newly
  // added bases is"); one that takes no personal object ("the story he told friends was" is a relative clause).
  if (!sayingVerbs.has(previous.lower) || !/^VB[DPZ]?$/.test(previous.tag) || opensWithSubjectClause(words)) return false
  let subject = start - 2
  while (subject > 0 && subject > start - 4 && words[subject]!.tag === 'RB') subject--
  return subject >= 0 && /^(NN|PRP|VB|MD|WP)/.test(words[subject]!.tag)
}

/** A word before "that" that makes it a conjunction: a verb or an adjective, as the tagger and the lexicon read it ("said", "clear"; not "the thing that"), or "so", "now". */
function clauseTakerBefore(word: TaggedWord | undefined): boolean {
  if (!word) return false
  return /^(so|now)$/.test(word.lower) || (/^(VB|JJ)/.test(word.tag) && /^(VB|JJ)/.test(lexiconTags(word.lower)[0] ?? ''))
}

/**
 * The word before a comma ends the sentence's opening phrase, so the noun
 * phrase after the comma is the subject: the comma is the sentence's first,
 * and the sentence opens with a preposition, a subordinator or a sentence
 * adverb ("In 2001, the company were", "At this point, the investigation are",
 * "However, the world are"). A comma after a noun elsewhere may close a list
 * item or an apposition ("the army, the navy have").
 */
function closesOpeningPhrase(words: TaggedWord[], before: number, text: string): boolean {
  const first = words[0]!
  if (firstComma(words, text) < words[before]!.end) return false
  if (/[,;:]/.test(text.slice(words[before]!.end, words[before + 1]!.start).replace(/^,/, ''))) return false
  return first.tag === 'IN' || openingAdverbs.has(first.lower) || clauseOpeners.has(first.lower)
}

/** Each sentence's first comma, found once: every noun phrase after a comma asks for it. */
const firstCommas = new WeakMap<TaggedWord[], number>()

/**
 * The offset of the first comma at or after an offset, -1 when none: a search
 * of the rest of the text per sentence would make a text without commas
 * quadratic, so the comma found serves every later sentence that starts before it.
 */
function nextCommaFinder(text: string): (from: number) => number {
  let from = Infinity
  let comma = -1
  return (start) => {
    if (start < from || (comma >= 0 && comma < start)) comma = text.indexOf(',', start)
    from = start
    return comma
  }
}

/** Offset of the sentence's first comma; only asked where a comma follows a word, so the search stops in the sentence. */
function firstComma(words: TaggedWord[], text: string): number {
  let found = firstCommas.get(words)
  if (found === undefined) {
    const at = text.indexOf(',', words[0]!.start)
    firstCommas.set(words, (found = at < 0 ? Infinity : at))
  }

  return found
}

/** Clause openers that are also prepositions or conjunctions joining subjects. */
const prepositionsToo = new Set(['and', 'or', 'as', 'before', 'after', 'until', 'since', 'once'])

/** Numbers in words: "seven miles is" is a measure, and the walk back over modifiers stops at them. */
const numberWord = /^(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion|dozen|\d.*)$/

/** Clause openers a bare plural may follow as its subject: not "and", "or" ("fish and chips is") nor the prepositions among them. */
const bareOpeners = new Set([...clauseOpeners].filter((word) => word !== 'and' && !prepositionsToo.has(word)))

/**
 * A singular common noun right after a singular determiner, opening its
 * clause ("The president have signed", "said the minister were"): not a
 * collective or a quantity ("the team have", "the majority are"), not the
 * second part of a coordinated subject ("the president and his wife have"),
 * not a subjunctive ("if the president were", "demanded that the law take").
 */
function isSingularSubject(words: TaggedWord[], nounIndex: number, verb: string, text: string): boolean {
  const noun = words[nounIndex]!
  if (!isSingularNoun(noun)) return false
  const determiner = words[nounIndex - 1]
  if (!determiner || !singularDeterminers.has(determiner.lower) || text.slice(determiner.end, noun.start) !== ' ') return false
  return opensClause(words, nounIndex - 1, text) && !subjunctive(words, nounIndex - 1, verb)
}

/** A singular common noun the lexicon never reads as an adjective or a plural, and not a collective or a quantity. */
function isSingularNoun(noun: TaggedWord): boolean {
  // "the latter are", "the elderly were": adjectives used as plural nouns.
  const readings = lexiconTags(noun.value)
  return noun.tag === 'NN' && /^[a-z]+$/.test(noun.value) && !noun.value.endsWith('s') && !pluralInSense.has(noun.value) && !invariableNouns.has(noun.value) && readings[0] === 'NN' && !readings.includes('JJ')
}

/**
 * The noun phrase whose determiner is at `determinerIndex` opens its clause: it starts the sentence, or follows a
 * clause opener, a reporting verb ("said the minister were") or the comma after an opening phrase. After "and", "or"
 * it may close a coordinated subject; after "as", "before", "after", "until", "since", "once" it may end a
 * prepositional phrase ("known as a tribe are", "the discounts before the delivery are").
 */
function opensClause(words: TaggedWord[], determinerIndex: number, text: string): boolean {
  const previous = words[determinerIndex - 1]
  if (!previous) return true
  const gap = text.slice(previous.end, words[determinerIndex]!.start)
  if (gap !== ' ') return gap === ', ' && closesOpeningPhrase(words, determinerIndex - 1, text)
  return (clauseOpeners.has(previous.lower) || (isReportingVerb(previous.lower) && !opensWithSubjectClause(words))) && !prepositionsToo.has(previous.lower)
}

/**
 * The noun phrase whose determiner is at `determinerIndex` opens the sentence, or follows the comma after its opening
 * phrase ("In 2019, the cost of the repairs are"): a head noun with an of-phrase is judged only there. After "said
 * that" or "because" the same shape finds real errors ("He said that the layout of the tombs are"), but more often a
 * verb whose clause the parse does not see.
 */
function opensSentence(words: TaggedWord[], determinerIndex: number, text: string): boolean {
  return determinerIndex === 0 || (text.slice(words[determinerIndex - 1]!.end, words[determinerIndex]!.start) === ', ' && closesOpeningPhrase(words, determinerIndex - 1, text))
}

/** "if the president were", "demanded that the law have": a subjunctive in the clause before the subject at `start`. */
function subjunctive(words: TaggedWord[], start: number, verb: string): boolean {
  const before = words.slice(Math.max(0, start - 6), start).map((word) => word.lower)
  if (verb.startsWith('were') && before.some((word) => ['if', 'though', 'wish', 'wished', 'whether', 'unless', 'suppose', 'imagine'].includes(word))) return true
  // A mandative subjunctive takes the bare form, never "are" or "were".
  return !/^(are|were|aren't|weren't)$/.test(verb) && before.some((word) => mandative.test(word))
}

/** What a noun phrase other than "determiner + noun" disagrees in: where its report starts, how to name it, the right verb. */
interface Disagreement {
  from: number
  subject: string
  wrong: 'singular' | 'plural'
  right: string
}

/** Every determiner either list holds. */
const anyDeterminer = new Set([...singularDeterminers, ...pluralDeterminers])

/** Words that may stand between a determiner and its noun: adjectives, participles, numbers and common nouns ("the annual repair bill"). */
function isModifier(word: TaggedWord): boolean {
  return /^(JJ|VBN|CD)/.test(word.tag) || (word.tag === 'NN' && /^[a-z]+$/.test(word.value))
}

/** The index of the determiner in `determiners` before the noun at `nounIndex`, over up to three modifiers, all one space apart. */
function determinerOf(words: TaggedWord[], nounIndex: number, text: string, determiners: ReadonlySet<string>): number | undefined {
  for (let index = nounIndex - 1; index >= Math.max(0, nounIndex - 4); index--) {
    const word = words[index]!
    if (text.slice(word.end, words[index + 1]!.start) !== ' ') return undefined
    if (determiners.has(word.lower)) return index
    if (!isModifier(word)) return undefined
  }

  return undefined
}

/** A plural common noun as the tagger and the lexicon read it ("results", "repairs"). */
function isPluralHead(noun: TaggedWord): boolean {
  return noun.tag === 'NNS' && isPluralNoun(noun.value)
}

/**
 * "The results of the inquiry is", "the cost of the repairs are": the verb agrees with the noun of a short of-phrase
 * (a determiner, modifiers, the noun, right before the verb) instead of its head, which opens the clause. Heads that
 * are quantities, parts or kinds ("a number of", "the majority of", "the rest of", "a kind of") and collectives take
 * the verb the sense gives (data/subject-verb-agreement.json, pluralInSense) and stay quiet; "the number of" is
 * singular. The of-phrase's noun must have the verb's number: an attraction, not a verb that agrees with nothing.
 */
function ofPhraseSubject(words: TaggedWord[], index: number, text: string): Disagreement | undefined {
  const verb = words[index]!
  const object = words[index - 1]!
  // The tag first: most words are no noun, and the test costs no regular expression.
  if (!(object.tag === 'NN' || object.tag === 'NNS') || !/^[a-z]+$/.test(object.value)) return undefined
  // Back from the of-phrase's noun over its modifiers and determiner to "of".
  let of = index - 2
  while (of >= index - 5 && of > 0 && words[of]!.lower !== 'of' && text.slice(words[of]!.end, words[of + 1]!.start) === ' ' && (isModifier(words[of]!) || (anyDeterminer.has(words[of]!.lower) && words[of - 1]!.lower === 'of'))) of--
  if (of < 1 || words[of]!.lower !== 'of' || text.slice(words[of]!.end, words[of + 1]!.start) !== ' ') return undefined
  const head = words[of - 1]!
  if (text.slice(head.end, words[of]!.start) !== ' ') return undefined
  const singularVerb = pluralOf.get(verb.lower) ?? lexicalBase(verb)
  const pluralVerb = singularOf.get(verb.lower)
  let right: string | undefined
  let determiner: number | undefined
  if (singularVerb && isPluralHead(head) && object.tag === 'NN' && !isPluralNoun(object.value)) {
    determiner = determinerOf(words, of - 1, text, pluralDeterminers)
    right = singularVerb
  } else if (pluralVerb && isPluralHead(object)) {
    // "The number of cases have doubled": "the number" is one number ("a number of cases have" is many).
    determiner = determinerOf(words, of - 1, text, singularDeterminers)
    const numberOf = head.lower === 'number' && determiner !== undefined && words[determiner]!.lower === 'the'
    if (!(numberOf || isSingularNoun(head))) return undefined
    right = pluralVerb
  }

  if (!right || determiner === undefined || !opensSentence(words, determiner, text) || (pluralVerb && subjunctive(words, determiner, verb.lower))) return undefined
  return {from: of - 1, subject: `\`${text.slice(head.start, object.end)}\`, whose head \`${head.value}\` is ${pluralVerb ? 'singular' : 'plural'}`, wrong: pluralVerb ? 'plural' : 'singular', right}
}

/** Determiners that open each part of a coordinated subject ("the president and his wife"). */
const conjunctDeterminers = new Set(['the', 'a', 'an', 'this', 'his', 'her', 'its', 'their', 'our', 'my', 'your'])

/**
 * "The president and his wife was": two noun phrases joined by "and", each with its own determiner, opening the
 * clause, before a singular verb. A pair without a second determiner may be one thing ("bread and butter is", "the
 * secretary and treasurer is"); "each" and "every" make the pair singular ("every man and woman is"); titles are
 * capitalised; a verb after a comma belongs to a relative clause ("X and Y, which is").
 */
function coordinatedSubject(words: TaggedWord[], index: number, text: string): Disagreement | undefined {
  const right = pluralOf.get(words[index]!.lower)
  const second = words[index - 1]!
  if (!right || !isCommonNoun(second)) return undefined
  const secondDeterminer = determinerOf(words, index - 1, text, conjunctDeterminers)
  if (secondDeterminer === undefined || secondDeterminer < 2) return undefined
  const and = words[secondDeterminer - 1]!
  const first = words[secondDeterminer - 2]!
  if (and.lower !== 'and' || text.slice(first.end, and.start) !== ' ' || !isCommonNoun(first)) return undefined
  const firstDeterminer = determinerOf(words, secondDeterminer - 2, text, conjunctDeterminers)
  if (firstDeterminer === undefined || !opensClause(words, firstDeterminer, text)) return undefined
  return {from: secondDeterminer - 2, subject: `the coordinated subject \`${text.slice(first.start, second.end)}\``, wrong: 'singular', right}
}

/** A lower-case noun the lexicon reads first as a noun ("wife", "ministers"), not an adjective used as one ("the rich"). */
function isCommonNoun(word: TaggedWord): boolean {
  return /^NNS?$/.test(word.tag) && /^[a-z]+$/.test(word.value) && /^NN/.test(lexiconTags(word.value)[0] ?? '')
}

/**
 * "The company, which employ 3,000 people": a relative "which" after a singular noun phrase that opens the clause,
 * with a plural verb (a form of be, have or do, or a bare verb the tagger reads as one). Collectives and quantities
 * stay quiet, as elsewhere; a noun after a preposition or in a list may not be what "which" stands for ("pieces of
 * plastic, which are", "diabetes and obesity, which are"), so only a noun phrase that opens its clause is judged.
 */
function whichAfterSingular(words: TaggedWord[], index: number, text: string): Disagreement | undefined {
  const verb = words[index]!
  const which = words[index - 1]!
  const noun = words[index - 2]
  if (which.lower !== 'which' || !noun || text.slice(noun.end, which.start) !== ', ' || !isSingularNoun(noun)) return undefined
  const right = singularOf.get(verb.lower) ?? (verb.tag === 'VBP' ? knownThirdPerson(verb.lower) : undefined)
  const determiner = determinerOf(words, index - 2, text, singularDeterminers)
  if (!right || determiner === undefined || !opensClause(words, determiner, text)) return undefined
  return {from: index - 1, subject: `\`which\` for the singular \`${noun.value}\``, wrong: 'plural', right}
}

/** "That Osmo read and believed these statements does not change anything": the whole clause is the subject. */
function opensWithSubjectClause(words: TaggedWord[]): boolean {
  return /^(that|what|whether|how|why)$/.test(words[0]?.lower ?? '')
}

/** "said the measures has": a reporting verb with `that` dropped. */
function isReportingVerb(lower: string): boolean {
  return reportingVerbs.has(lower)
}
