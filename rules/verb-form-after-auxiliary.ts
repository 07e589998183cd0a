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

/** An auxiliary, an optional "not", a lower-case word. */
const auxiliaryAndWord = /(?<![\p{L}\p{N}'’-])(can|could|will|would|shall|should|may|might|must|cannot|to|did|does|do|didn['’]t|doesn['’]t|don['’]t)((?:[ \u00a0]+not)?)[ \u00a0]+(\p{Ll}+)(?![\p{L}\p{N}'’-])/gu
const previousWord = /([\p{L}'’]+)[ \u00a0]+$/u

/** Modals that are also nouns ("the will", "a can"). */
const nounModals = new Set(['will', 'can', 'may', 'might', 'must'])

/** The usual readings (the lexicon's first tag) no auxiliary takes. */
const wrongForm = new Set(['VBD', 'VBZ', 'VBN'])

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
  return auxiliary !== 'to' || !tags.some((tag) => tag.startsWith('NN') || tag.startsWith('JJ'))
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
        {text: 'Officials said they could cost the city millions and would set a date.', why: 'base forms that are also past forms'}
      ]
    }
  },
  ({text, report}) => {
    for (const match of text.matchAll(auxiliaryAndWord)) {
      const [whole, auxiliary, negation, verb] = match as unknown as [string, string, string, string]
      // "what he did is", "what we do satisfies": "do" is a main verb unless negated ("did not went", "doesn't knows").
      if (/^d(?:o|oes|id)$/u.test(auxiliary) && negation === '') continue
      if (!onlyWrongForm(verb, auxiliary)) continue
      if (nounModals.has(auxiliary) && isNounModal(auxiliary, previousWord.exec(text.slice(Math.max(0, match.index - 30), match.index))?.[1])) continue
      report({
        start: match.index,
        end: match.index + whole.length,
        message: `Unexpected \`${whole}\`, expected the base form of \`${verb}\` after \`${auxiliary}\``,
        expected: [],
        safe: false
      })
    }
  }
)
