/**
 * A subject pronoun, "there" or "one of the ..." with a verb of the wrong
 * number ("She say", "they was", "Everyone have", "There is several
 * reasons", "There has been many complaints", "One of the ministers are",
 * "Each of the candidates have"): machine translation from languages without verb
 * agreement, or with a different one, picks the verb form word by word.
 * Only shapes English never allows are judged: the subjunctive ("if she
 * were", "ordered that he pay", "insisted it remain", after a verb,
 * adjective or noun of command, decision or proposal: "ruled that he pay",
 * "it was agreed that he lead", "obligatory that everyone carry"), questions ("did he
 * say"), an object "it" or "you" ("on it are", "in front of you has"), a
 * pronoun that ends a coordinated subject ("my colleagues and I are"),
 * singular they and collective nouns stay quiet, and so does the agreement
 * of English dialects inside a quotation ("“We was robbed,”", "“He don't
 * know”"). An indefinite pronoun is judged across a short prepositional
 * phrase too ("Everyone in the village know"). After "there is" a plural
 * is a quantifier or a number with its noun ("several reasons", "186
 * families", not a measure: "30 minutes left") or a bare plural that
 * modifies nothing ("there is reports of", not "there is sales tax").
 */
import {defineRule, type Report} from '../src/engine/rule.js'
import {sentencesOf, tagsOf, type SentenceView} from '../src/engine/pos.js'
import {insideQuotation} from '../src/engine/quotes.js'
import {lexiconTags} from '../src/engine/pos-taggers.js'
import type {Token} from '../src/engine/tokens.js'
import {isPluralNoun} from '../src/engine/nouns.js'
import {knownThirdPerson, mandativeWords} from '../src/engine/verb-forms.js'
import {checkTable, wordSets} from '../src/engine/phrases.js'
import schema from '../schemas/pronoun-verb-agreement.schema.json' with {type: 'json'}
import lists from './data/pronoun-verb-agreement.json' with {type: 'json'}
import mandativeSchema from '../schemas/mandative-subjunctive.schema.json' with {type: 'json'}
import mandativeTable from './data/mandative-subjunctive.json' with {type: 'json'}

/** The mandative subjunctive's words ("ordered that he pay", "insisted it remain"): data, shared with subject-verb-agreement. */
checkTable('mandative-subjunctive', mandativeTable, mandativeSchema)
const mandative = mandativeWords(mandativeTable)

/**
 * The open vocabulary is data (data/pronoun-verb-agreement.json, shape: schemas/pronoun-verb-agreement.schema.json),
 * each list with its reason: verbs of saying (reportingVerbs) and of state (stativeVerbs), verbs whose past is the
 * base form (pastAsBase), the words that make "there are a ..." plural (plurallyUsed), the nouns of a measure
 * (measureNouns). The closed classes below are the check.
 */
checkTable('pronoun-verb-agreement', lists, schema)
const {reportingVerbs, stativeVerbs, pastAsBase, plurallyUsed, measureNouns} = wordSets(lists)

/** Forms a pronoun never takes: pronoun -> wrong verb -> the right one. */
const wrongAfter = new Map<string, Map<string, string>>()
const table: Array<[string[], Record<string, string>]> = [
  [['he', 'she', 'it'], {are: 'is', have: 'has', do: 'does', "don't": "doesn't", "aren't": "isn't", "haven't": "hasn't"}],
  [['they', 'we', 'you'], {is: 'are', was: 'were', has: 'have', does: 'do', "doesn't": "don't", "isn't": "aren't", "wasn't": "weren't", "hasn't": "haven't"}],
  [['i'], {is: 'am', are: 'am', has: 'have', does: 'do', "doesn't": "don't", "isn't": "am not"}]
]
for (const [pronouns, verbs] of table) for (const pronoun of pronouns) wrongAfter.set(pronoun, new Map(Object.entries(verbs)))
/**
 * Singular indefinite pronouns ("Everyone have", "Nobody want"): their object
 * form is their subject form, so after a verb they are an object before a bare
 * infinitive ("made everyone feel", "let nobody leave") and are not judged.
 */
const indefinites = ['everyone', 'everybody', 'someone', 'somebody', 'nobody']
for (const pronoun of indefinites) wrongAfter.set(pronoun, new Map([...wrongAfter.get('he')!, ["weren't", "wasn't"]]))

/**
 * The agreement English dialects keep and a verbatim quotation writes down: "he don't" for "he doesn't", "we was"
 * (was/were levelling) and the northern "it were", "I were".
 */
const vernacular = new Map<string, Set<string>>()
for (const pronoun of ['he', 'she', 'it']) vernacular.set(pronoun, new Set(["don't", 'were']))
for (const pronoun of ['we', 'you', 'they']) vernacular.set(pronoun, new Set(['was', "wasn't"]))
vernacular.set('i', new Set(['were']))

/**
 * "were" after he, she, it or I is wrong unless a subjunctive trigger came
 * before it in the clause ("if only she were", "as though it were"); "as"
 * only right before the pronoun ("as it were").
 */
const subjunctiveTriggers = new Set(['if', 'though', 'wish', 'wished', 'wishes', 'whether', 'unless', 'suppose', 'supposing', 'imagine', 'lest', 'ere', 'till'])

/**
 * Conjunctions after which older and literary English puts the present
 * subjunctive after he, she or it ("if she have the misfortune", "unless he
 * do it", "though dead he be"): in their clause a bare "be", "have" or "do"
 * is that mood, not a missing -s.
 */
const subjunctiveConjunctions = new Set(['if', 'though', 'although', 'lest', 'ere', 'till', 'until', 'unless', 'whether'])

/** Conjunctions only older English uses, which take the subjunctive of any verb ("ere he see", "lest it fall"). */
const archaicConjunctions = new Set(['lest', 'ere'])

/**
 * Whether a word of `conjunctions` opens the clause of the pronoun at `index`: one of the eight words before it,
 * with no punctuation between it and the pronoun ("if she have", "ere the other side he see"; not "If so, he have").
 */
function inClauseOf(words: readonly Token[], index: number, text: string, conjunctions: ReadonlySet<string>): boolean {
  for (let at = index - 1; at >= 0 && at >= index - 8; at--) {
    if (!/^[\s\p{L}'’-]*$/u.test(text.slice(words[at]!.end, words[at + 1]!.start))) return false
    if (conjunctions.has(words[at]!.lower)) return true
    // "Would that it were so", "O that he were here": a wish.
    if (words[at]!.lower === 'that' && (words[at - 1]?.lower === 'would' || words[at - 1]?.lower === 'o')) return true
  }

  return false
}

/**
 * "It were not best that we should all think alike", "which it were tedious to enumerate": the impersonal "it were"
 * before an adjective and the clause it introduces is the subjunctive "it would be", not "it was".
 */
function impersonalWere(words: readonly Token[], verbIndex: number): boolean {
  let at = verbIndex + 1
  if (words[at]?.lower === 'not') at++
  const adjective = words[at]?.lower
  // The lexicon's first reading: "best", "tedious", not a participle it also reads as an adjective ("it were forced to build").
  if (!adjective || !(adjective === 'well' || (lexiconTags(adjective)[0] ?? '').startsWith('JJ'))) return false
  return words[at + 1]?.lower === 'to' || words[at + 1]?.lower === 'that'
}

/** A question word with a contracted auxiliary ("What's it like?", "What'll it be?", "Where'd he go?"): the verb after the pronoun is its bare form. */
const contractedQuestion = /^(?:what|where|how|who|when|why)['’](?:s|ll|d)$/

/** Words before the pronoun that make the verb after it a bare form by grammar: questions, "let", the mandative "that". */
const auxiliaries = new Set(['do', 'does', 'did', "don't", "doesn't", "didn't", 'can', 'could', 'will', 'would', 'shall', 'should', 'may', 'might', 'must', "can't", "couldn't", "won't", "wouldn't", "shouldn't", 'let', 'lest', 'dare'])

/** Forms of "be" that open a question before their subject ("was he mature", "is she aware"). */
const invertedBe = new Set(['is', 'was', 'are', 'were', "isn't", "wasn't", "aren't", "weren't"])

/** Conjunctions the lexicon tags as prepositions: a pronoun after them opens a clause ("said that it were", "but nobody want"). */
const clauseOpeners = new Set(['that', 'because', 'if', 'when', 'while', 'as', 'since'])
const indefiniteClauseOpeners = new Set([...clauseOpeners, 'but', 'so', 'although', 'though', 'until', 'unless', 'whereas'])

/** Words after a bare verb that mark a command to the hearers: an object or possessive of the second person or the speaker, a particle ("Everyone stand up"). */
const imperativeObjects = new Set(['me', 'us', 'your', 'yourselves', 'up', 'down', 'back', 'away', 'still', 'quiet', 'please'])

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
          text: "Thus, the Chinese women's volleyball team could defend its title one round ahead of schedule if it win all three points against Serbia.",
          findings: [
            {range: '1:97-1:103', actual: 'it win', message: 'Unexpected `win` after `it`, expected `wins`', severity: 'minor', fix: 'it wins', safe: false}
          ]
        },
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
        },
        {
          text: 'Police say it were one of the biggest gangs they have dealt with.',
          findings: [
            {range: '1:12-1:19', actual: 'it were', message: 'Unexpected `were` after `it`, expected `was`', severity: 'minor', fix: 'it was', safe: false}
          ],
          fixed: 'Police say it was one of the biggest gangs they have dealt with.'
        },
        {
          text: 'HSBC declined to comment on how much it expect to make from the new system.',
          findings: [
            {range: '1:38-1:47', actual: 'it expect', message: 'Unexpected `expect` after `it`, expected `expects`', severity: 'minor', fix: 'it expects', safe: false}
          ],
          fixed: 'HSBC declined to comment on how much it expects to make from the new system.'
        },
        {
          text: 'According to the report, there was 186 families that had lost a member.',
          findings: [
            {range: '1:32-1:35', actual: 'was', message: 'Unexpected `was` before the plural `186 families`, expected `were`', severity: 'minor', fix: 'were', safe: false}
          ],
          fixed: 'According to the report, there were 186 families that had lost a member.'
        },
        {
          text: 'There is also concerns that the film may trigger violence.',
          findings: [
            {range: '1:7-1:9', actual: 'is', message: 'Unexpected `is` before the plural `concerns`, expected `are`', severity: 'minor', fix: 'are', safe: false}
          ],
          fixed: 'There are also concerns that the film may trigger violence.'
        },
        {
          text: 'Officials said he were done with the talks.',
          findings: [
            {range: '1:16-1:23', actual: 'he were', message: 'Unexpected `were` after `he`, expected `was`', severity: 'minor', fix: 'he was', safe: false}
          ],
          fixed: 'Officials said he was done with the talks.'
        },
        {
          text: 'They also put forward requirements for civilized behavior of individuals and institutions that are more comprehensive and of higher standards, so that everybody in the society understand what they can do.',
          findings: [
            {range: '1:152-1:187', actual: 'everybody in the society understand', message: 'Unexpected `understand` after `everybody in the society`, expected `understands`', severity: 'minor', fix: 'everybody in the society understands', safe: false}
          ],
          fixed: 'They also put forward requirements for civilized behavior of individuals and institutions that are more comprehensive and of higher standards, so that everybody in the society understands what they can do.'
        },
        {
          text: 'Nobody in the government want to talk about the budget, the newspaper said.',
          findings: [
            {range: '1:1-1:30', actual: 'Nobody in the government want', message: 'Unexpected `want` after `Nobody in the government`, expected `wants`', severity: 'minor', fix: 'Nobody in the government wants', safe: false}
          ],
          fixed: 'Nobody in the government wants to talk about the budget, the newspaper said.'
        },
        {
          text: 'Everybody know the plan will cost more than the government admits!',
          findings: [
            {range: '1:1-1:15', actual: 'Everybody know', message: 'Unexpected `know` after `Everybody`, expected `knows`', severity: 'minor', fix: 'Everybody knows', safe: false}
          ],
          fixed: 'Everybody knows the plan will cost more than the government admits!'
        },
        {
          text: 'Nobody want me to leave the company, the striking driver told reporters.',
          findings: [
            {range: '1:1-1:12', actual: 'Nobody want', message: 'Unexpected `want` after `Nobody`, expected `wants`', severity: 'minor', fix: 'Nobody wants', safe: false}
          ],
          fixed: 'Nobody wants me to leave the company, the striking driver told reporters.'
        },
        {
          text: 'Nobody care about the farmers!',
          findings: [
            {range: '1:1-1:12', actual: 'Nobody care', message: 'Unexpected `care` after `Nobody`, expected `cares`', severity: 'minor', fix: 'Nobody cares', safe: false}
          ],
          fixed: 'Nobody cares about the farmers!'
        },
        {
          text: '“We is committed to implementing the new strategy,” the police chief said.',
          findings: [
            {range: '1:2-1:7', actual: 'We is', message: 'Unexpected `is` after `We`, expected `are`', severity: 'minor', fix: 'We are', safe: false}
          ],
          fixed: '“We are committed to implementing the new strategy,” the police chief said.'
        }
      ],
      good: [
        {text: 'Companies on it are unable to purchase technology or goods from U.S. suppliers.', why: '"it" after a preposition is an object; the subject is "companies"'},
        {text: 'Britain comes first because exports of oil and gas to it account for around 40% of the total.', why: '"it" after "to" is an object'},
        {text: 'All the benefits that my colleagues and I are using were bought by us.', why: 'the pronoun ends a coordinated subject'},
        {text: 'When Paulus and I were invited to the dinner, we went.', why: 'the pronoun ends a coordinated subject whose first part is a name'},
        {
          text: "Falcot Corp is not big enough to let one member of its IT staff contribute to the LTS project, so the company opted to subscribe to Freexian's Debian LTS contract and provides financial support.",
          why: '"IT" in capitals after a possessive is information technology, a modifier of "staff", not the pronoun (Debian Administrator\'s Handbook)'
        },
        {text: 'He left instructions that it be published after his death.', why: 'a bare "be" after "that" is the subjunctive'},
        {text: 'In Oregon there is no sales tax on groceries.', why: 'a plural noun that modifies another noun'},
        {text: 'There was nearly 30 minutes of stoppage time.', why: 'a measure takes a singular verb'},
        {text: 'If there were a field, we would find a pine tree.', why: 'the subjunctive after "if"'},
        {text: 'The typical profile and a view of one of these slides are shown in the figure.', why: '"one of" after a preposition is not the subject'},
        {text: 'There is sales tax on most goods in the state.', why: 'a plural noun modifying another noun'},
        {text: 'The court insisted it remain closed until the hearing.', why: 'the mandative subjunctive after "insisted"'},
        {text: 'She need not worry about the vote, her aides said.', why: '"need" as a semi-modal takes no -s'},
        {text: 'If she were president, she would sign the bill, her aide said.', why: 'the subjunctive after "if"'},
        {text: 'The court ordered that he pay damages to the family.', why: 'the mandative subjunctive after "ordered that"'},
        {text: 'It is in Egypt’s interest that he step down immediately.', why: 'the mandative subjunctive after "interest that"'},
        {text: 'The general commanded that everyone leave the building at once.', why: 'the mandative subjunctive after a verb of command, "commanded that"'},
        {text: 'The judge directed that he pay the costs of the hearing.', why: 'the mandative subjunctive after "directed that", as after "ordered that"'},
        {text: 'It was agreed that he lead the delegation to the talks in Geneva.', why: 'the mandative subjunctive after "agreed that"'},
        {text: 'It is obligatory that everyone carry an identity card in public.', why: 'the mandative subjunctive after an adjective of necessity, "obligatory that"'},
        {text: 'Did he say when the talks would resume?', why: 'a question: the verb follows "did"'},
        {text: 'He cut the budget by a third last year.', why: '"cut" is also the past tense'},
        {text: 'Someone left their bag on the train, and they were asked to collect it.', why: 'singular they takes "were"'},
        {text: 'The team are playing their last match of the season on Saturday.', why: 'a collective noun (not judged)'},
        {text: 'One of the ministers who are expected to resign spoke on Monday.', why: 'the verb belongs to the relative clause'},
        {text: 'There are a number of reasons for the delay, officials said.', why: '"a number of" is plural'},
        {text: 'Let it go, the coach told his players.', why: '"it" is the object of "let"'},
        {text: 'In 1402, at the Battle of Ankara, Bayezid I is defeated and captured by Timur.', why: '"I" after a name is a regnal numeral'},
        {text: 'The new rules made everyone feel safer, the mayor said.', why: '"everyone" is the object of "made" before a bare infinitive'},
        {text: 'If someone were to ask, the answer would be no.', why: 'the subjunctive after "if"'},
        {text: 'There have been many complaints about the noise.', why: 'the perfect agrees with the plural'},
        {text: '“We was never told about the closure,” one resident said.', why: 'a quotation keeps the speaker’s dialect (was/were levelling)'},
        {text: "“He don't care about the farm any more,” his brother said.", why: 'a quotation keeps the speaker’s dialect ("he don\'t")'},
        {text: 'Everyone in the village square was waiting for the result.', why: 'the noun of the phrase is "square", not a verb'},
        {text: 'Everyone in the region will know the result by Monday.', why: 'a modal after the phrase'},
        {text: 'Everyone present at the hearing signed the letter, the union said.', why: '"present" is an adjective after the pronoun, not its verb'},
        {text: 'Anyone free on Saturday can join the clean-up, organisers said.', why: '"free" is an adjective after the pronoun'},
        {text: 'Someone close to the family said he had left the country in March.', why: '"close" opens an adjective phrase; the verb is "said"'},
        {text: '“Everybody get down!” the gunman shouted, witnesses told the court.', why: 'an exclamation opened by an indefinite is a command to the hearers'},
        {text: '“Everyone take your seats,” the chairman said as the vote began.', why: '"your" after the bare verb: a command addressed to everyone'},
        {text: '“Somebody help me,” she cried from the second floor of the burning building.', why: 'an object "me" after the bare verb: a plea, an imperative'},
        {text: 'A woman, especially if she have the misfortune of knowing anything, should conceal it as well as she can.', why: 'the present subjunctive of "have" after "if" (Jane Austen)'},
        {text: 'It were not best that we should all think alike; it is difference of opinion that makes horse races.', why: 'the impersonal "it were" before an adjective and its clause: "it would be" (Mark Twain)'},
        {text: 'In English, every word can be verbed. Would that it were so in our programming languages.', why: 'a wish after "would that"'},
        {text: 'He must answer first these questions three, ere the other side he see!', why: 'a bare verb after "ere", which only older English uses, is the subjunctive'},
        {text: '“Oh, yeah? What’s he look like?” the deputy asked.', why: 'a contracted auxiliary before the pronoun ("what’s" for "what does")'},
        {text: 'But was he mature enough last night at the masquerade?', why: 'after an inverted "be" the word after the pronoun is its complement, not its verb'},
        {text: 'I can’t believe I just used that. OMG, someone shoot me.', why: 'a command to the hearers after an interjection and a comma'}
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
        if (wrongAfter.has(lower)) {
          // "“We was robbed,” the manager shouted", "“He don't know nothing”": a quotation keeps the agreement of
          // the speaker's dialect; other forms ("we is", "it are") are no dialect's and are judged there too.
          if (vernacular.get(lower)?.has(next.lower) && insideQuotation(tree, text, word.start, next.end)) continue
          const verb = indefinites.includes(lower) && phraseOpeners.has(next.lower) ? verbAfterPhrase(sentence, index, text) : index + 1
          if (verb !== undefined) checkPronoun(words, index, verb, report, text)
        }
        else if (lower === 'there') checkThere(sentence, index, text, report)
        else if ((lower === 'one' || lower === 'each') && next.lower === 'of') checkOneOf(sentence, index, text, report)
      }
    }
  }
)

/** Prepositions that open a phrase between an indefinite subject and its verb ("Everyone in the village know"). */
const phraseOpeners = new Set(['in', 'at', 'on', 'from', 'across', 'around', 'inside', 'within', 'throughout'])

/**
 * "Everyone in the village know", "Nobody at the meetings have": the index of the verb after an indefinite pronoun
 * and a short prepositional phrase (the preposition, a determiner, up to two modifiers, the noun), all one space
 * apart, where the tagger reads a bare or present-tense verb right after the noun; undefined otherwise ("everyone in the
 * village square", "someone at the door, who").
 */
function verbAfterPhrase(sentence: SentenceView, index: number, text: string): number | undefined {
  const words = tagsOf(sentence, text)
  for (let at = index + 2; at <= index + 5 && at + 1 < words.length; at++) {
    const word = words[at]!
    const next = words[at + 1]!
    if (text.slice(words[at - 1]!.end, word.start) !== ' ' || text.slice(word.end, next.start) !== ' ') return undefined
    if (/^NNS?$/.test(word.tag) && /^[a-z]+$/.test(word.value) && (next.tag === 'VBP' || next.tag === 'VB')) return at + 1
    if (!/^(DT|PRP\$|JJ|NN|CD|VBN)/.test(word.tag)) return undefined
  }

  return undefined
}

function checkPronoun(words: readonly Token[], index: number, verbIndex: number, report: (found: Report) => void, text: string): void {
  const pronoun = words[index]!
  const verb = words[verbIndex]!
  const previous = words[index - 1]?.lower
  if (previous && (auxiliaries.has(previous) || contractedQuestion.test(previous))) return
  // "But was he mature enough?": after an inverted "be" the word that follows the pronoun is its complement, not a verb.
  if (previous && invertedBe.has(previous) && index >= 1 && !/[^\s]/.test(text.slice(words[index - 1]!.end, pronoun.start))) return
  // "King Mihai I were", "Bayezid I is beaten": after a capitalised name inside the sentence, "I" is a regnal numeral.
  if (pronoun.value === 'I' && index >= 2 && /^\p{Lu}\p{Ll}/u.test(words[index - 1]!.value) && /^(NNP|$)/.test(lexiconTags(previous!)[0] ?? '')) return
  // "one member of its IT staff contribute", "the IT department": "IT" in capitals after a determiner or a possessive is the
  // abbreviation of information technology, a noun's modifier, not the pronoun.
  if (pronoun.value === 'IT' && previous && /^(?:DT|PRP\$|WP\$)$/.test(lexiconTags(previous)[0] ?? '')) return
  // "my colleagues and I are", "he and she are": the pronoun ends a coordinated subject.
  // A capitalised word before the conjunction is a name the lexicon may lack ("when Paulus and I were invited").
  if ((previous === 'and' || previous === 'or' || previous === 'nor') && index >= 2 && (/^\p{Lu}\p{Ll}/u.test(words[index - 2]!.value) || lexiconTags(words[index - 2]!.lower).some((tag) => tag.startsWith('NN') || tag === 'PRP'))) return
  const indefinite = indefinites.includes(pronoun.lower)
  // "made everyone feel", "not to everyone like Jacob", "Thank you everyone": after a verb, a preposition or a word of
  // address an indefinite is an object; "Anyone have a pen?": an elliptical question.
  if (indefinite && previous && !indefiniteClauseOpeners.has(previous) && (lexiconTags(previous).some((tag) => tag.startsWith('VB') || tag === 'IN' || tag === 'TO') || previous === 'you')) return
  if (indefinite && text.slice(words.at(-1)!.end, words.at(-1)!.end + 3).includes('?')) return
  // "Nobody move!", "Everyone take your seats", "Somebody help me, she cried": an indefinite that opens a command
  // addresses its hearers; the bare verb is an imperative, not a missing -s. Commands shouted are short: a longer
  // exclamation ("Everybody know the plan will cost more!") is judged, and so is a verb of state, which gives no command
  // ("Nobody want me to leave", "Nobody care about the farmers!").
  const shortExclamation = words.length <= 6 && text.slice(words.at(-1)!.end, words.at(-1)!.end + 3).includes('!')
  // The command may follow an interjection or a comma ("OMG, someone shoot me.").
  const opensClause = index === 0 || /[,;:>)\]]\s*$/.test(text.slice(words[index - 1]!.end, pronoun.start))
  if (indefinite && opensClause && !stativeVerbs.has(verb.lower) && (shortExclamation || imperativeObjects.has(words[verbIndex + 1]?.lower ?? ''))) return
  let right = wrongAfter.get(pronoun.lower)!.get(verb.lower)
  // "if she have the misfortune", "unless he do it": the present subjunctive of "have" and "do".
  if (right && ['he', 'she', 'it'].includes(pronoun.lower) && (verb.lower === 'have' || verb.lower === 'do') && inClauseOf(words, index, text, subjunctiveConjunctions)) return
  if (!right && (['he', 'she', 'it', 'i'].includes(pronoun.lower) || indefinite) && verb.lower === 'were') {
    const clause = words.slice(Math.max(0, index - 8), index).map((word) => word.lower)
    if (previous === 'as' || clause.some((word) => subjunctiveTriggers.has(word)) || inClauseOf(words, index, text, subjunctiveTriggers)) return
    // Not after a verb: "said it were unlikely that" reports a fact, "it was".
    if (pronoun.lower === 'it' && !(previous && lexiconTags(previous).some((tag) => tag.startsWith('VB'))) && impersonalWere(words, verbIndex)) return
    right = 'was'
  }

  // A bare verb after he, she or it ("She say", "it seem"): not after a mandative word ("ordered that he pay", "insisted it remain").
  if (!right && (pronoun.lower === 'he' || pronoun.lower === 'she' || pronoun.lower === 'it' || indefinite) && mayBeBareVerb(verb.value)) {
    const tags = lexiconTags(verb.lower)
    if (!tags.includes('VBP') || tags.includes('VBZ')) return
    // "Everyone present voted", "Someone close to the family said", "Someone like him would know": a word the lexicon
    // also reads as an adjective or a preposition follows an indefinite pronoun as its attribute, not as its verb.
    if (indefinite && tags.some((tag) => tag === 'JJ' || tag === 'IN')) return
    // "She need not worry", "he dare not speak": the semi-modals take no -s before "not" or a bare verb.
    if ((verb.lower === 'need' || verb.lower === 'dare') && ['not', 'only', 'hardly', 'never'].includes(words[verbIndex + 1]?.lower ?? '')) return
    // "instructions that it be published", "If it be man's work": a bare "be" after a clause's conjunction is the subjunctive.
    if (verb.lower === 'be' && previous && ['that', 'if', 'whether', 'lest', 'though', 'unless'].includes(previous)) return
    // "though dead he be", "ere the other side he see", "lest it fall": in such a clause a bare "be" is the subjunctive, and
    // after the conjunctions only older English uses, any bare verb is. Not any verb after "if" or "unless": "if it win all
    // three points" is the missing -s of a translation.
    if (!indefinite && inClauseOf(words, index, text, verb.lower === 'be' ? subjunctiveConjunctions : archaicConjunctions)) return
    const mandativeBefore = words.slice(Math.max(0, index - 4), index).some((word) => mandative.test(word.lower))
    if (mandativeBefore && (previous === 'that' || mandative.test(previous ?? ''))) return
    right = knownThirdPerson(verb.lower)
  }

  if (!right) return
  // "it" and "you" after a verb or a preposition are its object ("let it go", "on it are", "in front of you has"),
  // except after a verb of saying ("police say it were"), which opens a clause.
  const reported = reportingVerbs.has(previous ?? '') && (verb.lower === 'are' || verb.lower === 'were')
  if ((pronoun.lower === 'it' || pronoun.lower === 'you') && previous && !reported && lexiconTags(previous).some((tag) => tag.startsWith('VB') || tag === 'IN' || tag === 'TO') && !clauseOpeners.has(previous)) return
  const fixedVerb = matchCase(right, verb.value)
  const subject = text.slice(pronoun.start, words[verbIndex - 1]!.end)
  report({
    start: pronoun.start,
    end: verb.end,
    message: `Unexpected \`${verb.value}\` after \`${subject}\`, expected \`${fixedVerb}\``,
    expected: [`${subject} ${fixedVerb}`]
  })
}

/** "There is several reasons" and "There are a risk that". */
function checkThere(sentence: SentenceView, index: number, text: string, report: (found: Report) => void): void {
  const words = sentence.words
  const verb = words[index + 1]!
  const after = words[index + 2]
  if (!after) return
  // "There has been several attacks": the perfect of "there is".
  const perfect = verb.lower === 'has' && after.lower === 'been' && text.slice(verb.end, after.start) === ' '
  const singular = verb.lower === 'is' || verb.lower === 'was' || perfect
  const plural = verb.lower === 'are' || verb.lower === 'were'
  if (singular) {
    const phrase = pluralPhraseAt(words, index + (perfect ? 3 : 2), text)
    if (!phrase) return
    const right = verb.lower === 'is' ? 'are' : perfect ? 'have' : 'were'
    report({start: verb.start, end: verb.end, message: `Unexpected \`${verb.value}\` before the plural \`${text.slice(phrase.start, phrase.end)}\`, expected \`${right}\``, expected: [matchCase(right, verb.value)]})
  } else if (plural && (after.lower === 'a' || after.lower === 'an')) {
    // "If there were a field": the subjunctive.
    if (verb.lower === 'were' && words.slice(Math.max(0, index - 8), index).some((word) => subjunctiveTriggers.has(word.lower))) return
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

/** Adverbs that may stand between "there is" and its noun phrase ("there is still", "there was only"). */
const thereAdverbs = new Set(['still', 'only', 'just', 'also', 'now', 'already', 'even', 'currently', 'reportedly', 'so', 'too', 'nearly', 'almost', 'about', 'around', 'roughly', 'approximately', 'over', 'more', 'than', 'at', 'least', 'some'])
const numberWords = new Set(['two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'twenty', 'thirty', 'forty', 'fifty', 'hundreds', 'thousands', 'millions', 'dozens'])

/**
 * The plural noun phrase after "there is" ("several reasons", "186
 * families", "reports of"), or undefined: a quantifier or a number, up to two
 * adjectives and a plural noun; or a bare plural noun that does not modify
 * another noun ("there is sales tax" is a compound).
 */
function pluralPhraseAt(words: readonly Token[], start: number, text: string): {start: number; end: number} | undefined {
  let at = start
  while (words[at] && thereAdverbs.has(words[at]!.lower)) at++
  const first = words[at]
  if (!first) return undefined
  // "186 families", "1,417 people" (the tokens "1", ",", "417"); not "1 person".
  const counted = pluralQuantifiers.has(first.lower) || numberWords.has(first.lower) || first.lower === 'no' || /^\d{1,3}(?:,\d{3})+|^(?:[02-9]|\d{2,})\b/.test(text.slice(first.start, first.start + 12))
  if (!counted) {
    if (!isPluralNoun(first.lower) || !/^[\s\p{L}]*$/u.test(text.slice(words[start - 1]!.end, first.start))) return undefined
    const next = words[at + 1]
    if (next && text.slice(first.end, next.start) === ' ' && /^NN/.test(lexiconTags(next.lower)[0] ?? '')) return undefined
    return {start: first.start, end: first.end}
  }

  let digits = 0
  for (let noun = at + 1; noun <= at + 3 + digits && noun < words.length; noun++) {
    const word = words[noun]!
    // "2,000" may come as "2", "000".
    if (/^\d+$/.test(word.value)) {
      digits++
      continue
    }

    if (isPluralNoun(word.lower)) {
      // "there is no sales tax": the plural modifies another noun.
      const next = words[noun + 1]
      if (measureNouns.has(word.lower) || (next && text.slice(word.end, next.start) === ' ' && /^NN/.test(lexiconTags(next.lower)[0] ?? ''))) return undefined
      return {start: first.start, end: word.end}
    }
    // Modifiers: adjectives, participles and names ("three Chinese films", "288 Tory MPs").
    if (!/^\p{Lu}/u.test(word.value) && !lexiconTags(word.lower).some((tag) => tag.startsWith('JJ') || tag === 'NNP' || tag === 'VBN')) return undefined
  }

  return undefined
}

/** "One of the (closest) ministers are", "Each of the candidates have": the verb agrees with "one" or "each". */
function checkOneOf(sentence: SentenceView, index: number, text: string, report: (found: Report) => void): void {
  // "a view of one of these slides are displayed": after a preposition "one" is not the subject.
  const before = sentence.words[index - 1]
  if (before && lexiconTags(before.lower)[0] === 'IN') return
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
