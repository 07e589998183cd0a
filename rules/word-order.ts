/**
 * Word order a translation carries over from its source, two shapes:
 *
 * - an adjective after its noun in Romance order ("in a manner independent",
 *   "its policy monetary"). English puts many adjectives after a noun on
 *   purpose ("the people responsible", "the resources available", "something
 *   important", "attorney general"), so the rule only knows relational and
 *   classifying adjectives, which English postposes only with a complement
 *   some of them take ("a body independent of the government", "a species
 *   native to Asia"), and only after a determiner + common noun that is not
 *   the object of a verb ("made the process political" is a complement). After
 *   `manner`, `way` and `fashion` even the complement does not save it: "in a
 *   manner independent of" is "independently of".
 *   A plural noun with no determiner after a preposition counts too ("of
 *   reforms economic"), except the few English postposes after ("all things
 *   foreign", "matters political").
 * - a graded adjective after its noun with its degree adverb ("a figure very
 *   popular who", "a matter very delicate, the ambassador said"), where the
 *   noun phrase ends there and no verb makes it an object complement ("found
 *   the building very unsafe").
 * - a noun used as an adjective after a degree adverb inside a noun phrase
 *   ("a largely stalemate conflict"): the adverb wants an adjective
 *   ("stalemated"), and English puts a noun modifier there only for the
 *   make-up of a group ("a largely student audience").
 */
import {defineRule} from '../src/engine/rule.js'
import {sentencesOf, tagsOf, type TaggedWord} from '../src/engine/pos.js'
import {lexiconTags} from '../src/engine/pos-taggers.js'
import type {Report} from '../src/engine/rule.js'
import type {Token} from '../src/engine/tokens.js'
import {checkTable, wordSets} from '../src/engine/phrases.js'
import schema from '../schemas/word-order.schema.json' with {type: 'json'}
import table from './data/word-order.json' with {type: 'json'}

/**
 * The vocabulary is data (data/word-order.json, shape: schemas/word-order.schema.json), each list with the reasons
 * for its words and sentences that show them at work: the relational adjectives English puts before a noun
 * (prenominalAdjectives) and the complements some take after it (complements, inWords), adjectives of their endings
 * English postposes (postposable), the degree adverbs of a noun phrase (degreeAdverbs, postAdverbs), and the English
 * the rule leaves alone (compositionNouns, complementVerbs, complementOpeners, notHeadNouns, fixedPairs, quantityWords,
 * postposingPlurals). Closed classes stay here: they are the check.
 */
checkTable('word-order', table, schema)
const {prenominalAdjectives, inWords, postposable, degreeAdverbs, compositionNouns, complementVerbs, notHeadNouns, fixedPairs, postAdverbs, quantityWords, complementOpeners, postposingPlurals} = wordSets(table)
/** Adjective -> the prepositions of the complement it takes after a noun ("a body independent of the government"). */
const complementsOf: ReadonlyMap<string, readonly string[]> = new Map(Object.entries(table.complements.words))

/** Words after the adjective that make it a comparison or a measure, not a misplaced modifier ("as political as", "political enough"). */
const comparisonWords = new Set(['than', 'as', 'enough'])

/** Endings of relational adjectives ("sectoral", "hypothetical", "budgetary"). */
const relationalEnding = /(?:al|ic|ary)$/

/** Prepositions an adjective takes its complement with ("critical of", "common in"); "per", "during", "that" open no complement. */
const complementPrepositions = new Set(['of', 'to', 'for', 'in', 'with', 'from', 'about', 'at', 'on', 'upon', 'toward', 'towards', 'among', 'between', 'within', 'by', 'over', 'under', 'against', 'beyond'])

/** Heads whose postposed adjective is never English, complement or not: "in a manner independent of" is "independently of". */
const mannerNouns = new Set(['manner', 'way', 'fashion'])

/** Endings of words that are adjectives too, whatever the lexicon says. */
const adjectiveEnding = /(?:ist|al|ic|ive|ous|ful|less|ary|ory|ant|ent|able|ible|ish|ian|ese|ern|ed|ing)$/

/** "a very importance decision": "very" is a degree adverb only right after "a"/"an" ("the very day voters went" is the adjective "very"). */
const veryAfter = new Set(['a', 'an'])

/** Determiners that open the noun phrase (the noun right after one is the head, not a modifier). */
const determiners = new Set([
  'a', 'an', 'the', 'this', 'that', 'these', 'those', 'its', 'their', 'his', 'her', 'our', 'my', 'your', 'every', 'each'
])

export default defineRule(
  {
    id: 'word-order',
    category: 'word-order',
    severity: 'minor',
    description:
      'A relational adjective placed after its noun in Romance order ("in a manner independent"), or a graded one with its adverb ("a figure very popular who"), where English puts it before the noun, or a noun used as an adjective after a degree adverb ("a largely stalemate conflict").',
    examples: {
      bad: [
        {
          text: 'The officials were at the center of a Kremlin effort begun in 2020 to undermine Kiev’s ability to “operate in a manner independent”.',
          findings: [
            {range: '1:108-1:131', actual: 'in a manner independent', message: 'Unexpected adjective after its noun `manner independent`, expected `independently`', severity: 'minor', fix: 'independently', safe: false}
          ],
          fixed:
            'The officials were at the center of a Kremlin effort begun in 2020 to undermine Kiev’s ability to “operate independently”.'
        },
        {
          text: 'Russia seized control of Ukraine’s Crimean peninsula in 2014 and backed a separatist insurgency in eastern Ukraine, in a latent but largely stalemate conflict that has claimed 14,000 lives.',
          findings: [
            {range: '1:133-1:150', actual: 'largely stalemate', message: 'Unexpected noun `stalemate` after the adverb `largely`, expected an adjective', severity: 'minor'}
          ]
        },
        {
          text: 'Analysts said the situation political remains unstable after the elections.',
          findings: [
            {range: '1:15-1:38', actual: 'the situation political', message: 'Unexpected adjective after its noun `situation political`, expected `political situation`', severity: 'minor', fix: 'the political situation', safe: false}
          ],
          fixed: 'Analysts said the political situation remains unstable after the elections.'
        },
        {
          text: 'According to the commission European, the new rules will take effect next year.',
          findings: [
            {range: '1:14-1:37', actual: 'the commission European', message: 'Unexpected adjective after its noun `commission European`, expected `European commission`', severity: 'minor', fix: 'the European commission', safe: false}
          ],
          fixed: 'According to the European commission, the new rules will take effect next year.'
        },
        {
          text: 'Union leaders called the vote a very importance moment for nurses across the country.',
          findings: [
            {range: '1:33-1:48', actual: 'very importance', message: 'Unexpected noun `importance` after the adverb `very`, expected an adjective', severity: 'minor'}
          ]
        },
        {
          text: 'The airline posted a surprisingly resilience quarter despite the strikes.',
          findings: [
            {range: '1:22-1:45', actual: 'surprisingly resilience', message: 'Unexpected noun `resilience` after the adverb `surprisingly`, expected an adjective', severity: 'minor'}
          ]
        },
        {
          text: 'The senator faces a deeply controversy hearing on Thursday over his business dealings.',
          findings: [
            {range: '1:21-1:39', actual: 'deeply controversy', message: 'Unexpected noun `controversy` after the adverb `deeply`, expected an adjective', severity: 'minor'}
          ]
        },
        {
          text: 'Pension reform remains a politically sensitivity question for the coalition.',
          findings: [
            {range: '1:26-1:49', actual: 'politically sensitivity', message: 'Unexpected noun `sensitivity` after the adverb `politically`, expected an adjective', severity: 'minor'}
          ]
        },
        {
          text: 'Ministers reviewed the risks financial facing the banks after the crash.',
          findings: [
            {range: '1:20-1:39', actual: 'the risks financial', message: 'Unexpected adjective after its noun `risks financial`, expected `financial risks`', severity: 'minor', fix: 'the financial risks', safe: false}
          ],
          fixed: 'Ministers reviewed the financial risks facing the banks after the crash.'
        },
        {
          text: 'Parliament approved a list of reforms economic demanded by the lenders in March.',
          findings: [
            {range: '1:31-1:47', actual: 'reforms economic', message: 'Unexpected adjective after its noun `reforms economic`, expected `economic reforms`', severity: 'minor', fix: 'economic reforms', safe: false}
          ],
          fixed: 'Parliament approved a list of economic reforms demanded by the lenders in March.'
        },
        {
          text: 'The reform will be coordinated at the level national by the ministry of education.',
          findings: [
            {range: '1:35-1:53', actual: 'the level national', message: 'Unexpected adjective after its noun `level national`, expected `national level`', severity: 'minor', fix: 'the national level', safe: false}
          ],
          fixed: 'The reform will be coordinated at the national level by the ministry of education.'
        },
        {
          text: 'The new coach, a figure very popular who won two titles, starts on Monday.',
          findings: [
            {range: '1:16-1:37', actual: 'a figure very popular', message: 'Unexpected adjective after its noun `figure very popular`, expected `very popular figure`', severity: 'minor', fix: 'a very popular figure', safe: false}
          ],
          fixed: 'The new coach, a very popular figure who won two titles, starts on Monday.'
        },
        {
          text: 'This is a matter very delicate, the ambassador told reporters.',
          findings: [
            {range: '1:9-1:31', actual: 'a matter very delicate', message: 'Unexpected adjective after its noun `matter very delicate`, expected `very delicate matter`', severity: 'minor', fix: 'a very delicate matter', safe: false}
          ],
          fixed: 'This is a very delicate matter, the ambassador told reporters.'
        }
      ],
      good: [
        {text: 'The agency is a body independent of the government.', why: 'a postposed adjective with its complement'},
        {text: 'The dispute is a problem political in nature rather than legal.', why: '"political in nature": the adjective with its own complement'},
        {text: 'Made from the inner bark of the Cinnamomum tree, cinnamon is a widely popular spice.', why: 'a degree adverb before an adjective'},
        {text: 'The hall was filled with a largely student audience.', why: 'a noun for the make-up of a group after the adverb'},
        {text: 'The survivors were mostly family members of the crew.', why: 'the adverb modifies the whole noun phrase, no determiner before it'},
        {text: 'The reviewers found the policy critical of the press.', why: 'an unlisted adjective with its complement'},
        {text: 'Officials said nothing important was decided at the meeting.', why: 'an adjective after an indefinite pronoun'},
        {text: 'The attorney general said the case would be reviewed.', why: 'a fixed title'},
        {text: 'The president-elect met the secretary general of NATO on Monday.', why: 'fixed titles'},
        {text: 'They did not understand the point very much, partly because missionaries did not know the language of the tribe.', why: '"very much" is the verb\'s adverb phrase (MLQE-PE et-en MT, no BAD tag on it)'},
        {text: 'The inspectors found the building very unsafe and ordered it closed.', why: 'an object and its complement after "found"'},
        {text: 'The country went into the winter with its economy very weak.', why: 'an absolute phrase after "with"'},
        {text: 'The regulator has set the bar very high for new entrants.', why: 'an object and its complement after "set"'},
        {text: 'On the very day voters went to the polls, the power failed in the capital.', why: '"the very day": "very" is an adjective after "the"'},
        {text: 'Critics accused him of a lifelong suspicion of all things foreign.', why: '"things" takes a postposed adjective in English'},
        {text: 'The envoy refused to be drawn on matters political and military.', why: '"matters political": a literary postposition, and coordinated'},
        {text: 'It was a legally binding agreement, the court ruled.', why: 'a domain adverb before an adjective'},
        {text: 'Police said a foreign national was among the three people arrested, and a UK national was released.', why: '"national" as a noun after an adjective or a name'},
        {text: 'The deal set up a partnership between the government and the opposition National Assembly.', why: 'a capitalized adjective opens a name (MLQE-PE et-en MT)'},
        {text: 'Is the water very cold at this time of year?', why: 'a question: the adjective is the predicate'},
        {text: 'It was a decision so important that the board met twice.', why: '"so" and "too" take their complement after the noun'},
        {text: 'The people responsible will be brought to justice, the minister said.', why: '"responsible" is not a relational adjective'},
        {text: 'The resources available to the ministry have been cut by half.', why: '"available" is postposed on purpose'},
        {text: 'Critics said the reform made the debate political again.', why: 'an object complement after "made"'},
        {text: 'A government official said the state social programme would continue.', why: 'noun compounds, with the adjective before its noun'},
        {text: 'In the past 150 years, the world had lost half of the live coral.', why: 'an adjective before its noun that the tagger reads as a noun (newstest2020 human reference)'},
        {
          text: 'In effect, an executable binary, always compiled for a specific architecture, will not usually function on any of the other architectures.',
          why: 'a word the lexicon lacks, ending as adjectives do, is the adjective the tagger took for a noun (Debian Administrator\'s Handbook)'
        }
      ]
    }
  },
  ({tree, text, report}) => {
    for (const sentence of sentencesOf(tree, text)) {
      // Pre-filter, without tags: only a sentence with one of the two untagged shapes is tagged.
      if (!hasCandidate(sentence.words)) continue
      const words = tagsOf(sentence, text)
      for (let index = 2; index < words.length; index++) {
        const adjective = words[index]!
        if (isRelational(adjective.lower) && isRomanceOrder(words, index, text)) reportRomanceOrder(words, index, report)
        else if (index >= 3 && postAdverbs.has(words[index - 1]!.lower) && isGradedAfterNoun(words, index, text, sentence.end)) {
          const [determiner, noun, adverb] = [words[index - 3]!, words[index - 2]!, words[index - 1]!]
          const adjectiveFirst = `${adverb.lower} ${adjective.lower} ${noun.value}`
          report({
            start: determiner.start,
            end: adjective.end,
            message: `Unexpected adjective after its noun \`${noun.value} ${adverb.value} ${adjective.value}\`, expected \`${adjectiveFirst}\``,
            expected: [`${articleBefore(determiner.value, adverb.value)} ${adjectiveFirst}`]
          })
        }
        else if (isDegreeAdverb(words, index - 1) && isNounAsAdjective(words, index - 1, text)) {
          const adverb = words[index - 1]!
          report({
            start: adverb.start,
            end: adjective.end,
            message: `Unexpected noun \`${adjective.value}\` after the adverb \`${adverb.value}\`, expected an adjective`
          })
        }
      }
    }
  }
)

function reportRomanceOrder(words: TaggedWord[], index: number, report: (report: Report) => void): void {
  const adjective = words[index]!
  const noun = words[index - 1]!
  const determiner = words[index - 2]!
  const before = words[index - 3]
  const after = words[index + 1]
  const phrase = `${noun.value} ${adjective.value}`
  // "in a manner independent of" -> "independently of": the adverb replaces the whole prepositional phrase.
  if (mannerNouns.has(noun.lower) && before?.lower === 'in' && /^(a|an)$/.test(determiner.lower)) {
    const adverb = adverbOf(adjective.lower)
    report({start: before.start, end: adjective.end, message: `Unexpected adjective after its noun \`${phrase}\`, expected \`${adverb}\``, expected: [adverb]})
    return
  }

  const adjectiveFirst = `${adjectiveForm(adjective.value)} ${noun.value}`
  // A plural without a determiner ("of measures economic"): the finding starts at the noun.
  const bare = !determiners.has(determiner.lower)
  // With its complement after it ("a manner independent of"), the adjective cannot simply move before the noun.
  const expected = after && complementsOf.get(adjective.lower)?.includes(after.lower) ? [] : [bare ? adjectiveFirst : `${articleBefore(determiner.value, adjective.value)} ${adjectiveFirst}`]
  report({start: bare ? noun.start : determiner.start, end: adjective.end, message: `Unexpected adjective after its noun \`${phrase}\`, expected \`${adjectiveFirst}\``, expected})
}

/**
 * One of the listed adjectives, or a word formed like them ("hypothetical", "sectoral", "parliamentary")
 * that Brill's lexicon knows as an adjective only. English postposes a few of those on purpose.
 */
function isRelational(lower: string): boolean {
  if (prenominalAdjectives.has(lower)) return true
  if (!relationalEnding.test(lower) || postposable.has(lower)) return false
  const tags = lexiconTags(lower)
  return tags.length > 0 && tags.every((tag) => tag === 'JJ')
}

/** "independent" -> "independently", "economic" -> "economically". */
function adverbOf(adjective: string): string {
  return /ic$/.test(adjective) ? `${adjective}ally` : `${adjective}ly`
}

/**
 * "a figure very popular who ...", "a matter very delicate, the ambassador said": a determiner, a common noun, one
 * of the adverbs above and an adjective, with the noun phrase ending there (a clause mark, or who/which/that next).
 * Not after a verb that takes an object complement ("found the man very intelligent"), "with" (an absolute
 * phrase), a comma before a definite or possessive determiner, or at the sentence's start ("The mood very tense, ..."), and not in a question ("Is the
 * water very cold?").
 */
function isGradedAfterNoun(words: TaggedWord[], index: number, text: string, sentenceEnd: number): boolean {
  const [determiner, noun, adverb, adjective] = [words[index - 3]!, words[index - 2]!, words[index - 1]!, words[index]!]
  if (!determiners.has(determiner.lower) || index < 4) return false
  if (text.slice(determiner.end, noun.start) !== ' ' || text.slice(noun.end, adverb.start) !== ' ' || text.slice(adverb.end, adjective.start) !== ' ') return false
  if (!/^NNS?$/.test(noun.tag) || !/^[a-z]+$/.test(noun.value) || notHeadNouns.has(noun.lower)) return false
  const nounTags = lexiconTags(noun.lower)
  if (nounTags.length > 0 && !nounTags.some((tag) => tag.startsWith('NN'))) return false
  const adjectiveTags = lexiconTags(adjective.lower)
  if (adjective.tag !== 'JJ' || !/^[a-z]+$/.test(adjective.value) || /ly$/.test(adjective.lower) || !adjectiveTags.includes('JJ') || quantityWords.has(adjective.lower)) return false
  const before = words[index - 4]!
  // After a comma "its economy very weak" is an absolute phrase; "a figure very popular" is an appositive in Romance order.
  const between = text.slice(before.end, determiner.start)
  if (!(between === ' ' || (between === ', ' && /^an?$/.test(determiner.lower))) || complementVerbs.has(before.lower) || complementOpeners.has(before.lower)) return false
  if (/\?\s*["”’)]*\s*$/.test(text.slice(adjective.end, sentenceEnd))) return false
  const rest = text.slice(adjective.end, adjective.end + 12)
  return /^\s*(?:[,.;:!]|$)/.test(rest) || /^ (?:who|which|that|whose)\b/.test(rest)
}

/** A degree adverb before a modifier: one of the list, or "very" right after an indefinite article. */
function isDegreeAdverb(words: ReadonlyArray<{lower: string}>, index: number): boolean {
  const lower = words[index]!.lower
  return degreeAdverbs.has(lower) || (lower === 'very' && index > 0 && veryAfter.has(words[index - 1]!.lower))
}

/** The untagged shapes the checks need: a determiner, a lower-case word, a relational adjective; or a degree adverb, a noun-only word, a word. */
function hasCandidate(words: readonly Token[]): boolean {
  for (let index = 2; index < words.length; index++) {
    const lower = words[index]!.lower
    if (isRelational(lower) && (determiners.has(words[index - 2]!.lower) || barePluralOpeners.has(words[index - 2]!.lower)) && /^[a-z]+$/.test(words[index - 1]!.value)) return true
    if (index + 1 < words.length && isDegreeAdverb(words, index - 1) && isOnlyNoun(words[index]!.value)) return true
    if (index >= 3 && postAdverbs.has(words[index - 1]!.lower) && determiners.has(words[index - 3]!.lower) && /^[a-z]+$/.test(words[index - 2]!.value)) return true
  }

  return false
}

/** A lower-case word Brill's lexicon knows as a singular common noun and nothing else ("stalemate", not "peasant": NN, JJ). */
function isOnlyNoun(value: string): boolean {
  // Adjective endings the lexicon misses ("an entirely relativist concept", "a largely agrarian economy").
  if (!/^[a-z]+$/.test(value) || compositionNouns.has(value) || adjectiveEnding.test(value)) return false
  const tags = lexiconTags(value)
  return tags.length > 0 && tags.every((tag) => tag === 'NN')
}

/**
 * "a latent but largely stalemate conflict": degree adverb + a noun-only word + a noun, inside a noun phrase
 * (a determiner before the adverb, with only adjectives, adverbs and "and"/"but" between). Without the
 * determiner the adverb may modify the whole phrase ("were mostly family members", "particularly typhoid fever").
 */
function isNounAsAdjective(words: TaggedWord[], index: number, text: string): boolean {
  const adverb = words[index]!
  const modifier = words[index + 1]!
  const head = words[index + 2]
  // The head may be a noun in -ing the tagger reads as a gerund ("a highly controversy ruling").
  const headIsNoun = head !== undefined && (/^NNS?$/.test(head.tag) || (head.tag === 'VBG' && lexiconTags(head.lower).includes('NN')))
  if (!head || !headIsNoun || !isOnlyNoun(modifier.value) || !/^[a-z]+$/.test(head.value)) return false
  if (text.slice(adverb.end, modifier.start) !== ' ' || text.slice(modifier.end, head.start) !== ' ') return false
  for (let back = index - 1; back >= 0; back--) {
    const word = words[back]!
    if (determiners.has(word.lower)) return true
    if (!/^(JJ|RB)/.test(word.tag) && word.lower !== 'and' && word.lower !== 'but') return false
  }

  return false
}

/** "a manner independent" -> "an independent manner": the article follows the word now after it. */
function articleBefore(article: string, next: string): string {
  const lower = article.toLowerCase()
  if (lower !== 'a' && lower !== 'an') return article
  const wanted = /^[aeiou]/i.test(next) && !/^eu/i.test(next) ? 'an' : 'a'
  return article.charAt(0) === 'A' ? wanted.charAt(0).toUpperCase() + wanted.slice(1) : wanted
}

/** Adjectives of place names keep their capital; the others are written lower-case before a noun. */
function adjectiveForm(adjective: string): string {
  return adjective.toLowerCase() === 'european' ? 'European' : adjective.toLowerCase()
}

/** Prepositions a plural noun phrase without a determiner follows ("a package of measures economic to support farmers"). */
const barePluralOpeners = new Set(['of', 'for', 'on', 'with', 'from', 'about', 'against', 'among', 'between'])

/**
 * A plural common noun right after one of the prepositions above, which the lexicon knows as a plural noun (a verb
 * in -s cannot follow a preposition: "of measures" is the noun): the noun phrase has no determiner, the noun is its head.
 */
function isBarePlural(noun: TaggedWord, opener: TaggedWord): boolean {
  if (!barePluralOpeners.has(opener.lower) || noun.tag !== 'NNS' || postposingPlurals.has(noun.lower)) return false
  return lexiconTags(noun.lower).includes('NNS')
}

function isRomanceOrder(words: TaggedWord[], index: number, text: string): boolean {
  const adjective = words[index]!
  const noun = words[index - 1]!
  const determiner = words[index - 2]!
  // Adjacent words only: "the noun, political ..." or "noun-political" are other constructions.
  if (text.slice(determiner.end, noun.start) !== ' ' || text.slice(noun.end, adjective.start) !== ' ') return false
  if (!/^NNS?$/.test(noun.tag) || !/^[a-z]+$/.test(noun.value)) return false
  // The tagger's noun must be one the lexicon knows as a noun, if it knows the word: "the live coral" is an adjective before its noun.
  const nounTags = lexiconTags(noun.lower)
  if (nounTags.length > 0 && !nounTags.some((tag) => tag.startsWith('NN'))) return false
  // A word it lacks that ends as adjectives do (-able, -ible) is an adjective the tagger guessed a noun: "an executable binary".
  if (nounTags.length === 0 && /(?:able|ible)$/.test(noun.lower)) return false
  if (!(determiners.has(determiner.lower) || isBarePlural(noun, determiner)) || notHeadNouns.has(noun.value)) return false
  if (fixedPairs.has(`${noun.lower} ${adjective.lower}`)) return false
  // A capital inside the sentence opens a name ("the opposition National Assembly"); only "European" keeps its capital as an adjective.
  if (adjective.value !== adjective.lower && adjective.lower !== 'european') return false
  // "made the process political": an object complement, not a noun phrase.
  const before = words[index - 3]
  if (before && complementVerbs.has(before.lower) && text.slice(before.end, determiner.start) === ' ') return false
  const after = words[index + 1]
  if (after && text.slice(adjective.end, after.start) === ' ') {
    const lower = after.lower
    // "the state political apparatus": the adjective modifies the next noun.
    // A gerund that takes an object of its own is the verb of a reduced relative ("the risks financial facing the banks"), not the noun.
    const gerundVerb = after.tag === 'VBG' && determiners.has(words[index + 2]?.lower ?? '')
    if ((/^(NN|JJ|CD|VBG)/.test(after.tag) && !gerundVerb) || after.value === 'and' || after.value === 'or' || comparisonWords.has(lower)) return false
    // "a body independent of the government", "an issue political in nature": the adjective with its complement.
    if (!mannerNouns.has(noun.lower) && complementsOf.get(adjective.lower)?.includes(lower)) return false
    if (lower === 'in' && inWords.has(words[index + 2]?.lower ?? '')) return false
    // An unlisted adjective before a preposition may be taking its complement ("a policy critical of", "a practice common in"),
    // unless the preposition opens a relative clause ("a situation hypothetical in which").
    if (!prenominalAdjectives.has(adjective.lower) && complementPrepositions.has(lower) && !/^(which|whom|whose)$/.test(words[index + 2]?.lower ?? '')) return false
  }

  return true
}
