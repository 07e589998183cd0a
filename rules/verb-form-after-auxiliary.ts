/**
 * A verb form that cannot follow its auxiliary: a modal, infinitive "to" or
 * "do" before a past or -s form ("can helps", "will made", "to kidnapped",
 * "did not went"). English takes the base form there.
 *
 * Only forms the lexicon knows as nothing but a past, participle or -s verb
 * are judged ("went", "made", "helps", not "cost", "set" or "saw"). A capitalised modal is a name or a month
 * ("May extends"), "will" and "can" after a determiner or a noun are nouns
 * ("the will is", "a garbage can has"), and "do" is judged only when
 * negated ("what he did is" has "do" as its main verb), so all stay quiet.
 */
import {defineRule} from '../src/engine/rule.js'
import {lexiconTags} from '../src/engine/pos-taggers.js'
import {checkTable, phraseTokens, wordSet, type WordList} from '../src/engine/phrases.js'
import {glued, paragraphTokens, partsIn, partsOf, plainApostrophes, spaced, touchedAfter, touchedBefore, type TokenSequence} from '../src/engine/tokens.js'
import schema from '../schemas/verb-form-after-auxiliary.schema.json' with {type: 'json'}
import table from './data/verb-form-after-auxiliary.json' with {type: 'json'}

/**
 * The auxiliaries and the modals that are also nouns are data
 * (data/verb-form-after-auxiliary.json, shape:
 * schemas/verb-form-after-auxiliary.schema.json).
 */
checkTable('verb-form-after-auxiliary', table, schema)
const lists = table as unknown as Record<'modals' | 'infinitive' | 'doForms' | 'negatedDoForms' | 'nounModals', WordList>
const doForms = wordSet(lists.doForms)
/** Every auxiliary, as written (lower case: a capitalised modal is a name or a month). */
const auxiliaries = new Set([...wordSet(lists.modals), ...wordSet(lists.infinitive), ...doForms, ...wordSet(lists.negatedDoForms)])
const infinitive = wordSet(lists.infinitive)
const nounModals = wordSet(lists.nounModals)
/** Each auxiliary as parts, as the tokenizer cuts it ("didn't" is didn ' t), by its first part. */
const auxiliaryParts = new Map<string, string[][]>()
for (const auxiliary of auxiliaries) {
  const parts = phraseTokens(auxiliary)
  auxiliaryParts.set(parts[0]!, [...(auxiliaryParts.get(parts[0]!) ?? []), parts])
}

const firstParts = new Set(auxiliaryParts.keys())

/** A lower-case word of letters only: the verb after the auxiliary. */
const lowerLetters = /^\p{Ll}+$/u
/** The end of the word before the auxiliary ("God's", "minister"). */
const trailingWord = /[\p{L}'’]+$/u

/** The usual readings (the lexicon's first tag) no auxiliary takes. */
const wrongForm = new Set(['VBD', 'VBZ', 'VBN'])

/** The finite forms of "be": after "to" they follow a stranded preposition, never an infinitive marker. */
const finiteBe = new Set(['is', 'are', 'was', 'were'])

/**
 * Whether `verb` can only be a past, participle or -s form: its usual
 * reading is one, and it has no base reading (VB, or VBP, which the lexicon
 * also gives some -s forms by mistake: "helps") and no singular noun
 * reading ("will saw the wood", "fell trees": base forms the lexicon lacks).
 * After "to", a preposition too, a plural noun or an adjective is fine ("to
 * talks", "to increased demand").
 */
function onlyWrongForm(verb: string, auxiliary: string): boolean {
  const tags = lexiconTags(verb)
  const usual = tags[0]
  if (usual === undefined || !wrongForm.has(usual) || tags.includes('VB') || tags.includes('NN')) return false
  if (tags.includes('VBP') && !(usual === 'VBZ' && verb.endsWith('s'))) return false
  return !infinitive.has(auxiliary) || !tags.some((tag) => tag.startsWith('NN') || tag.startsWith('JJ'))
}

/**
 * "the will is", "God's will was", "free will has", "a garbage can has": the
 * modal is a noun after a determiner, a possessive or an adjective, and
 * "can" after a lower-case noun too ("the minister will made" keeps its modal).
 */
function isNounModal(modal: string, before: string | undefined): boolean {
  if (before === undefined) return false
  if (/['’]s$/u.test(before)) return true
  const tags = lexiconTags(before.toLowerCase())
  // A determiner, a possessive, "whose" or a preposition ("the principle of will is").
  if (tags.some((tag) => tag === 'DT' || tag === 'PRP$' || tag === 'WP$' || tag === 'IN')) return true
  if (before !== before.toLowerCase()) return false
  return tags.some((tag) => tag.startsWith('JJ') || (modal === 'can' && tag.startsWith('NN')))
}

export default defineRule(
  {
    id: 'verb-form-after-auxiliary',
    category: 'agreement',
    severity: 'minor',
    description: 'A past or -s verb form after a modal, infinitive "to" or "do" ("can helps", "will made", "to kidnapped", "did not went"), where English takes the base form.',
    examples: {
      bad: [
        {
          text: 'At the press conference, the film selection supervisors of each section each spoke in turn to introduced topics such as the purpose of the festival and the films to be shown.',
          findings: [
            {range: '1:92-1:105', actual: 'to introduced', message: 'Unexpected `to introduced`, expected the base form of `introduced` after `to`', severity: 'minor'}
          ]
        },
        {
          text: 'You can chose not to do that.',
          findings: [
            {range: '1:5-1:14', actual: 'can chose', message: 'Unexpected `can chose`, expected the base form of `chose` after `can`', severity: 'minor'}
          ]
        },
        {
          text: 'Xia Weili said he fed his sheep with "special nutritious meals" every day, cleaned and disinfected the sheepfold regularly, and did his best to takes care of them.',
          findings: [
            {range: '1:142-1:150', actual: 'to takes', message: 'Unexpected `to takes`, expected the base form of `takes` after `to`', severity: 'minor'}
          ]
        },
        {
          text: 'These favourable features will inherited the next generations and, over time, they will become prevalent in the population.',
          findings: [
            {range: '1:27-1:41', actual: 'will inherited', message: 'Unexpected `will inherited`, expected the base form of `inherited` after `will`', severity: 'minor'}
          ]
        }
      ],
      good: [
        {text: 'The principle of will is mere legitimacy as such.', why: '"will" as a noun after a preposition'},
        {text: 'A garbage can has also been set up at the station.', why: '"can" as a noun after a noun'},
        {text: 'What he did is half-finished, and what we do satisfies no one.', why: '"do" as a main verb'},
        {text: 'Prices rose due to increased demand, and the talks moved to Geneva.', why: 'an adjective and a noun after the preposition "to"'},
        {text: 'All I could look forward to was a dead-end job at the port.', why: '"to" ends the subject clause; "was" is its main verb'},
        {text: 'Officials said they could cost the city millions and would set a date.', why: 'base forms that are also past forms'},
        {text: 'Yet another plugin adds support for GitHub, by linking references to commits, issues, and users.', why: 'a plural noun after the preposition "to", ending its phrase'},
        {text: 'Swift lightnings shivered the neighboring ship that would have borne a righteous husband to outstretched, longing arms.', why: 'after the preposition "to", a participle that is never a past tense, before a modifier or a noun, is an adjective (Melville)'}
      ]
    }
  },
  ({tree, text, report}) => {
    for (const paragraph of paragraphTokens(tree, text)) {
      // Parts, not tokens: a verb run into the next sentence is still read ("can helps.The"), and "didn't" is didn ' t.
      const parts = partsOf(paragraph)
      // Where the last auxiliary's verb ended: that verb is the auxiliary's, never an auxiliary of its own ("to do", "will to").
      let taken = 0
      for (const index of partsIn(paragraph, firstParts)) {
        const first = parts.get(index)!
        const last = index < taken || first.kind !== 'word' || touchedBefore(parts, index) ? undefined : auxiliaryEnd(parts, index)
        if (last === undefined) continue
        const auxiliary = text.slice(first.start, parts.get(last)!.end)
        const plain = plainApostrophes(auxiliary)
        // "not" and the verb after it, else the word right after the auxiliary (which may be "not" itself).
        const not = parts.get(last + 1)
        const negated = not?.value === 'not' && spaced(text, parts.get(last)!, not) && verbAt(parts, last + 1, text) ? last + 2 : undefined
        const at = negated ?? (verbAt(parts, last, text) ? last + 1 : undefined)
        if (at === undefined) continue
        const verb = parts.get(at)!
        taken = at + 1
        // "what he did is", "what we do satisfies": "do" is a main verb unless negated ("did not went", "doesn't knows").
        if (doForms.has(plain) && negated === undefined) continue
        if (!onlyWrongForm(verb.value, plain)) continue
        // After the preposition "to", an -s form that ends its phrase is a plural noun the lexicon lacks ("references to commits,").
        if (infinitive.has(plain) && verb.value.endsWith('s') && parts.get(at + 1)?.kind !== 'word') continue
        // "all I could look forward to was a job", "What is worth paying attention to is that": no infinitive is a finite
        // "be"; after "to" it is the verb of a clause whose subject ends on the preposition.
        if (infinitive.has(plain) && finiteBe.has(verb.value)) continue
        // "borne a righteous husband to outstretched, longing arms", "returned to broken homes": after the preposition
        // "to", a participle that is never a past tense, before a noun or another modifier, is an adjective. A form that is
        // also the past tense stays ("each spoke in turn to introduced topics"): that is the infinitive gone wrong.
        if (infinitive.has(plain) && participleOnly(verb.value) && attributiveAfter(parts, at, text)) continue
        if (nounModals.has(plain) && isNounModal(plain, wordBefore(parts, index, text))) continue
        const whole = text.slice(first.start, verb.end)
        report({
          start: first.start,
          end: verb.end,
          message: `Unexpected \`${whole}\`, expected the base form of \`${verb.value}\` after \`${auxiliary}\``,
          expected: [],
          safe: false
        })
      }
    }
  }
)

/** The last part of an auxiliary written from part `index` on, as written and in one piece ("can"; "didn't" as didn ' t; not "Can"), if one is. */
function auxiliaryEnd(parts: TokenSequence, index: number): number | undefined {
  for (const sequence of auxiliaryParts.get(parts.get(index)!.value) ?? []) {
    let last = index
    while (last - index + 1 < sequence.length) {
      const part = parts.get(last + 1)
      if (!part || !glued(parts.get(last)!, part) || plainApostrophes(part.value) !== sequence[last - index + 1]) break
      last++
    }

    if (last - index + 1 === sequence.length) return last
  }

  return undefined
}

/** Whether the part after `index` is a lower-case word across spaces, touching no other word ("can chose", not "can chose-"). */
function verbAt(parts: TokenSequence, index: number, text: string): boolean {
  const verb = parts.get(index + 1)
  return verb?.kind === 'word' && spaced(text, parts.get(index)!, verb) && lowerLetters.test(verb.value) && !touchedAfter(parts, index + 1)
}

/** A past participle the lexicon never reads as a past tense (`outstretched`, `broken`, `hidden`; not `introduced`). */
function participleOnly(value: string): boolean {
  const tags = lexiconTags(value)
  return tags.includes('VBN') && !tags.includes('VBD')
}

/**
 * Whether the participle at part `index` modifies what follows: a noun or an adjective after a space, or a comma and
 * then one ("outstretched arms", "outstretched, longing arms"), not a determiner, a pronoun or an adverb.
 */
function attributiveAfter(parts: TokenSequence, index: number, text: string): boolean {
  let next = index + 1
  if (parts.get(next)?.value === ',') next++
  const word = parts.get(next)
  if (word?.kind !== 'word' || !spaced(text, parts.get(next - 1)!, word) || !lowerLetters.test(word.value)) return false
  const usual = lexiconTags(word.value)[0] ?? ''
  return usual === 'NN' || usual === 'NNS' || usual.startsWith('JJ')
}

/** The word right before part `index` across spaces (with the marks glued to it: "God's"), if it ends in a letter or apostrophe. */
function wordBefore(parts: TokenSequence, index: number, text: string): string | undefined {
  let first = index - 1
  if (first < 0 || !spaced(text, parts.get(first)!, parts.get(index)!)) return undefined
  while (first > 0 && glued(parts.get(first - 1)!, parts.get(first)!)) first--
  return trailingWord.exec(text.slice(parts.get(first)!.start, parts.get(index - 1)!.end))?.[0]
}
