/**
 * A subject pronoun, "there" or "one of the ..." with a verb of the wrong
 * number ("She say", "they was", "There is several reasons", "One of the
 * ministers are"): machine translation from languages without verb
 * agreement, or with a different one, picks the verb form word by word.
 * Only shapes English never allows are judged: the subjunctive ("if she
 * were", "ordered that he pay"), questions ("did he say"), singular they
 * and collective nouns stay quiet.
 */
import {defineRule, type Report} from '../src/engine/rule.js'
import {sentencesOf, tagsOf, type SentenceView} from '../src/engine/pos.js'
import {lexiconTags} from '../src/engine/pos-taggers.js'
import type {Token} from '../src/engine/tokens.js'

/** Forms a pronoun never takes: pronoun -> wrong verb -> the right one. */
const wrongAfter = new Map<string, Map<string, string>>()
const table: Array<[string[], Record<string, string>]> = [
  [['he', 'she', 'it'], {are: 'is', have: 'has', do: 'does', "don't": "doesn't", "aren't": "isn't", "haven't": "hasn't"}],
  [['they', 'we', 'you'], {is: 'are', was: 'were', has: 'have', does: 'do', "doesn't": "don't", "isn't": "aren't", "wasn't": "weren't", "hasn't": "haven't"}],
  [['i'], {is: 'am', are: 'am', has: 'have', does: 'do', "doesn't": "don't", "isn't": "am not"}]
]
for (const [pronouns, verbs] of table) for (const pronoun of pronouns) wrongAfter.set(pronoun, new Map(Object.entries(verbs)))

/** "were" after he, she, it or I is wrong unless a subjunctive trigger came before it in the clause. */
const subjunctiveTriggers = new Set(['if', 'though', 'wish', 'wished', 'wishes', 'whether', 'unless', 'suppose', 'supposing', 'imagine', 'as', 'only'])

/** Words before the pronoun that make the verb after it a bare form by grammar: questions, "let", the mandative "that". */
const auxiliaries = new Set(['do', 'does', 'did', "don't", "doesn't", "didn't", 'can', 'could', 'will', 'would', 'shall', 'should', 'may', 'might', 'must', "can't", "couldn't", "won't", "wouldn't", "shouldn't", 'let', 'lest'])
const mandative = /^(demand|insist|require|recommend|order|ask|suggest|propose|urge|request|essential|important|vital|necessary|crucial|imperative|mandatory)/

/** Verbs whose past tense is the bare form ("he cut the budget" is past). */
const pastAsBase = new Set(['cut', 'put', 'set', 'let', 'hit', 'hurt', 'cost', 'quit', 'shut', 'spread', 'read', 'beat', 'bet', 'burst', 'cast', 'broadcast', 'forecast', 'split', 'upset', 'bid', 'rid', 'shed', 'slit', 'thrust', 'fit', 'wed', 'knit', 'spit', 'wet', 'offset', 'outbid', 'reset', 'recast', 'input', 'output'])

/**
 * Words after "he" or "she" that are never a bare verb, checked before the
 * lexicon is asked: it takes a third of a second to load, and "he said" is in
 * every news story. Forms in -s, -ed and -ing are agreeing or non-finite.
 */
const neverBare = new Set(['said', 'told', 'had', 'did', 'went', 'came', 'took', 'made', 'got', 'gave', 'knew', 'saw', 'thought', 'found', 'left', 'became', 'began', 'felt', 'kept', 'held', 'brought', 'wrote', 'stood', 'ran', 'met', 'lost', 'paid', 'sent', 'built', 'won', 'spent', 'heard', 'meant', 'sat', 'led', 'fell', 'will', 'would', 'could', 'should', 'can', 'may', 'might', 'must', 'shall', 'also', 'then', 'never', 'not', 'too', 'and', 'or', 'but', 'who', 'himself', 'herself', 'alone', 'only', 'just', 'still', 'now', 'once', 'later', 'again', 'first', 'soon', 'already', 'often', 'always', 'usually', 'recently'])

function mayBeBareVerb(value: string): boolean {
  return /^[a-z]+$/.test(value) && !/(s|ed|ing)$/.test(value) && !neverBare.has(value) && !pastAsBase.has(value)
}

/** Quantifiers that make the noun after "there is" plural. */
const pluralQuantifiers = new Set(['several', 'many', 'numerous', 'various', 'both'])
/** Nouns that take "there are a ...": "a number of", "a lot of", "a few". */
const plurallyUsed = new Set(['lot', 'lots', 'number', 'few', 'couple', 'variety', 'host', 'range', 'series', 'total', 'handful', 'dozen', 'majority', 'plethora', 'myriad', 'hundred', 'thousand', 'million', 'billion', 'pair', 'bunch', 'slew', 'raft', 'multitude', 'great', 'good', 'whole', 'further', 'additional', 'estimated', 'reported', 'record', 'minimum', 'maximum', 'average', 'mere', 'staggering'])

/** The third-person singular of a bare verb ("say" -> "says"), if the lexicon knows that form. */
function thirdPerson(verb: string): string | undefined {
  const irregular: Record<string, string> = {have: 'has', do: 'does', go: 'goes', be: 'is'}
  const form = irregular[verb] ?? (/(s|sh|ch|x|z|o)$/.test(verb) ? verb + 'es' : /[^aeiou]y$/.test(verb) ? verb.slice(0, -1) + 'ies' : verb + 's')
  return lexiconTags(form).includes('VBZ') ? form : undefined
}

export default defineRule(
  {
    id: 'pronoun-verb-agreement',
    category: 'agreement',
    severity: 'minor',
    description:
      'A subject pronoun, "there" or "one of the ..." with a verb of the wrong number ("She say", "they was", "There is several reasons", "One of the ministers are").',
    examples: {
      bad: [
        {
          text: 'She say the plan will not be ready before June.',
          findings: [
            {range: '1:1-1:8', actual: 'She say', message: 'Unexpected `say` after `She`, expected `says`', severity: 'minor', fix: 'She says', safe: false}
          ],
          fixed: 'She says the plan will not be ready before June.'
        },
        {
          text: 'The minister said they was told to leave the building before noon.',
          findings: [
            {range: '1:19-1:27', actual: 'they was', message: 'Unexpected `was` after `they`, expected `were`', severity: 'minor', fix: 'they were', safe: false}
          ],
          fixed: 'The minister said they were told to leave the building before noon.'
        },
        {
          text: 'He have promised to resign if the bill fails.',
          findings: [
            {range: '1:1-1:8', actual: 'He have', message: 'Unexpected `have` after `He`, expected `has`', severity: 'minor', fix: 'He has', safe: false}
          ],
          fixed: 'He has promised to resign if the bill fails.'
        },
        {
          text: 'There is several reasons for the delay, the company said.',
          findings: [
            {range: '1:7-1:9', actual: 'is', message: 'Unexpected `is` before the plural `several reasons`, expected `are`', severity: 'minor', fix: 'are', safe: false}
          ],
          fixed: 'There are several reasons for the delay, the company said.'
        },
        {
          text: 'One of the ministers are expected to resign this week.',
          findings: [
            {range: '1:22-1:25', actual: 'are', message: 'Unexpected `are` after `One of the ministers`, expected `is`', severity: 'minor', fix: 'is', safe: false}
          ],
          fixed: 'One of the ministers is expected to resign this week.'
        },
        {
          text: 'The minister said she were surprised by the vote.',
          findings: [
            {range: '1:19-1:27', actual: 'she were', message: 'Unexpected `were` after `she`, expected `was`', severity: 'minor', fix: 'she was', safe: false}
          ],
          fixed: 'The minister said she was surprised by the vote.'
        }
      ],
      good: [
        {text: 'If she were president, she would sign the bill, her aide said.', why: 'the subjunctive after "if"'},
        {text: 'The court ordered that he pay damages to the family.', why: 'the mandative subjunctive after "ordered that"'},
        {text: 'Did he say when the talks would resume?', why: 'a question: the verb follows "did"'},
        {text: 'He cut the budget by a third last year.', why: '"cut" is also the past tense'},
        {text: 'Someone left their bag on the train, and they were asked to collect it.', why: 'singular they takes "were"'},
        {text: 'The team are playing their last match of the season on Saturday.', why: 'a collective noun (not judged)'},
        {text: 'One of the ministers who are expected to resign spoke on Monday.', why: 'the verb belongs to the relative clause'},
        {text: 'There are a number of reasons for the delay, officials said.', why: '"a number of" is plural'},
        {text: 'Let it go, the coach told his players.', why: '"it" is the object of "let"'}
      ]
    }
  },
  ({tree, text, report}) => {
    for (const sentence of sentencesOf(tree, text)) {
      const words = sentence.words
      for (let index = 0; index + 1 < words.length; index++) {
        const word = words[index]!
        const next = words[index + 1]!
        // Only words one space apart are judged: a comma or a quotation between them changes the clause.
        if (text.slice(word.end, next.start) !== ' ') continue
        const lower = word.lower
        if (wrongAfter.has(lower)) checkPronoun(words, index, report)
        else if (lower === 'there') checkThere(sentence, index, text, report)
        else if (lower === 'one' && next.lower === 'of') checkOneOf(sentence, index, text, report)
      }
    }
  }
)

function checkPronoun(words: readonly Token[], index: number, report: (found: Report) => void): void {
  const pronoun = words[index]!
  const verb = words[index + 1]!
  const previous = words[index - 1]?.lower
  if (previous && auxiliaries.has(previous)) return
  let right = wrongAfter.get(pronoun.lower)!.get(verb.lower)
  if (!right && ['he', 'she', 'it', 'i'].includes(pronoun.lower) && verb.lower === 'were') {
    const clause = words.slice(Math.max(0, index - 8), index).map((word) => word.lower)
    if (clause.some((word) => subjunctiveTriggers.has(word))) return
    right = 'was'
  }

  // A bare verb after he or she ("She say"): not after "that" following a mandative word ("ordered that he pay").
  if (!right && (pronoun.lower === 'he' || pronoun.lower === 'she') && mayBeBareVerb(verb.value)) {
    const tags = lexiconTags(verb.lower)
    if (!tags.includes('VBP') || tags.includes('VBZ')) return
    if (previous === 'that' && words.slice(Math.max(0, index - 4), index - 1).some((word) => mandative.test(word.lower))) return
    right = thirdPerson(verb.lower)
  }

  if (!right) return
  // "it" after a verb or a preposition is its object ("let it go", "help it do").
  if (pronoun.lower === 'it' && previous && lexiconTags(previous).some((tag) => tag.startsWith('VB') || tag === 'IN') && !['that', 'because', 'if', 'when', 'while', 'as', 'since'].includes(previous)) return
  const fixedVerb = matchCase(right, verb.value)
  report({
    start: pronoun.start,
    end: verb.end,
    message: `Unexpected \`${verb.value}\` after \`${pronoun.value}\`, expected \`${fixedVerb}\``,
    expected: [`${pronoun.value} ${fixedVerb}`]
  })
}

/** "There is several reasons" and "There are a risk that". */
function checkThere(sentence: SentenceView, index: number, text: string, report: (found: Report) => void): void {
  const words = sentence.words
  const verb = words[index + 1]!
  const after = words[index + 2]
  if (!after) return
  const singular = verb.lower === 'is' || verb.lower === 'was'
  const plural = verb.lower === 'are' || verb.lower === 'were'
  if (singular && pluralQuantifiers.has(after.lower)) {
    const noun = words[index + 3]
    if (!noun || !lexiconTags(noun.lower).includes('NNS')) return
    const right = verb.lower === 'is' ? 'are' : 'were'
    report({start: verb.start, end: verb.end, message: `Unexpected \`${verb.value}\` before the plural \`${after.value} ${noun.value}\`, expected \`${right}\``, expected: [matchCase(right, verb.value)]})
  } else if (plural && (after.lower === 'a' || after.lower === 'an')) {
    const noun = words[index + 3]
    const following = words[index + 4]
    if (!noun || plurallyUsed.has(noun.lower) || following?.lower === 'of') return
    // A plain singular noun only, and no number after it ("there are a further 200").
    const tags = lexiconTags(noun.lower)
    if (tags[0] !== 'NN' || /\d/.test(text.slice(noun.end, noun.end + 12))) return
    const right = verb.lower === 'are' ? 'is' : 'was'
    report({start: verb.start, end: verb.end, message: `Unexpected \`${verb.value}\` before the singular \`${after.value} ${noun.value}\`, expected \`${right}\``, expected: [matchCase(right, verb.value)]})
  }
}

/** "One of the (closest) ministers are": the verb agrees with "one". */
function checkOneOf(sentence: SentenceView, index: number, text: string, report: (found: Report) => void): void {
  const tagged = tagsOf(sentence, text)
  const toSingular: Record<string, string> = {are: 'is', were: 'was', have: 'has', do: 'does', "aren't": "isn't", "weren't": "wasn't", "haven't": "hasn't", "don't": "doesn't"}
  // one, of, a determiner, up to three modifiers, the plural noun, the verb.
  for (let at = index + 3; at <= index + 6 && at + 1 < tagged.length; at++) {
    const noun = tagged[at]!
    const verb = tagged[at + 1]!
    if (noun.tag !== 'NNS') continue
    const right = toSingular[verb.lower]
    if (!right || text.slice(noun.end, verb.start) !== ' ') return
    report({start: verb.start, end: verb.end, message: `Unexpected \`${verb.value}\` after \`${text.slice(tagged[index]!.start, noun.end)}\`, expected \`${matchCase(right, verb.value)}\``, expected: [matchCase(right, verb.value)]})
    return
  }
}

function matchCase(word: string, like: string): string {
  return like.charAt(0) === like.charAt(0).toUpperCase() && like.charAt(0) !== like.charAt(0).toLowerCase() ? word.charAt(0).toUpperCase() + word.slice(1) : word
}
