/**
 * A possessive that disagrees with the subject it is bound to: "Russia should
 * withdraw its troops ... if it wanted to prove his point". Which noun a
 * pronoun refers to is usually open, so the rule only judges possessives
 * inside idioms that bind them to their own clause's subject ("prove one's
 * point", "do one's best", "play one's part"): "it wanted to prove his point"
 * can only mean its point. When anything but verbs and adverbs stands between
 * the subject and the idiom ("it helped him prove his point"), it stays quiet.
 */
import {defineRule} from '../src/engine/rule.js'
import {isVerbTag, sentencesOf, tagsOf, type TaggedWord} from '../src/engine/pos.js'
import {checkTable, wordSets} from '../src/engine/phrases.js'
import schema from '../schemas/pronoun-agreement.schema.json' with {type: 'json'}
import table from './data/pronoun-agreement.json' with {type: 'json'}

/**
 * The idioms whose possessive refers to the subject and the verbs of saying are data (data/pronoun-agreement.json,
 * shape: schemas/pronoun-agreement.schema.json), with the reasons for them.
 */
checkTable('pronoun-agreement', table, schema)

/** Each verb form -> the nouns that make it a bound idiom. A Map: "constructor" is a word too, not a property. */
const boundIdioms = new Map<string, readonly string[]>(table.boundIdioms.groups.flatMap(({verbs, nouns}) => verbs.map((verb) => [verb, nouns] as const)))

/** Verbs of saying and thinking: the `that` after them may be dropped ("said it would"). */
const {reportingVerbs} = wordSets(table)

/** Possessives of persons, and the possessive the subject would need. */
const personal = new Set(['his', 'her'])

/** Words after which `it` starts a clause (and so is a subject, not an object: "used it to prove his point"). */
const clauseOpeners = new Set([
  'if', 'and', 'but', 'that', 'because', 'when', 'as', 'so', 'while', 'unless', 'whether', 'since', 'although', 'though',
  'until', 'before', 'after', 'once', 'or', 'where'
])

/** Forms of "be": "it was his duty" has an expletive `it`, not a subject that owns the duty. */
const beForms = new Set(['is', 'was', 'are', 'were', 'be', 'been', 'being', "'s", '’s'])

export default defineRule(
  {
    id: 'pronoun-agreement',
    category: 'agreement',
    severity: 'minor',
    description:
      'A personal possessive (`his`, `her`) inside an idiom bound to a subject `it` ("if it wanted to prove his point"): the possessive disagrees with its antecedent.',
    examples: {
      bad: [
        {
          text: '“It is deeds and actions and not words that make all the difference,” he said, adding that Russia should withdraw its troops from the Ukrainian border if it wanted to prove his point.',
          findings: [
            {range: '1:174-1:177', actual: 'his', message: 'Unexpected `his` for the subject `it`, expected `its`', severity: 'minor', fix: 'its', safe: false}
          ],
          fixed:
            '“It is deeds and actions and not words that make all the difference,” he said, adding that Russia should withdraw its troops from the Ukrainian border if it wanted to prove its point.'
        },
        {
          text: 'The ministry said it would do his best to restore power to the region by Friday.',
          findings: [
            {range: '1:31-1:34', actual: 'his', message: 'Unexpected `his` for the subject `it`, expected `its`', severity: 'minor', fix: 'its', safe: false}
          ],
          fixed: 'The ministry said it would do its best to restore power to the region by Friday.'
        },
        {
          text: 'China has said that it will play her part in the talks on climate finance.',
          findings: [
            {range: '1:34-1:37', actual: 'her', message: 'Unexpected `her` for the subject `it`, expected `its`', severity: 'minor', fix: 'its', safe: false}
          ],
          fixed: 'China has said that it will play its part in the talks on climate finance.'
        }
      ],
      good: [
        {text: 'It hired the best constructor his firm could find, and it paid him well.', why: 'a word that is also a JavaScript property name (`constructor`) is just a word'},
        {text: 'He said Russia should withdraw its troops if it wanted to prove its point.', why: 'the possessive agrees'},
        {text: 'Blinken said the meeting helped him prove his point about the alliance.', why: 'the idiom is bound to `him`, not to a thing'},
        {text: 'The coach said it was his duty to do his best for the club.', why: '`it` is an expletive and `his` refers to the coach'},
        {text: 'She used it to make her point during the debate.', why: '`it` is an object, not the subject of the idiom'},
        {text: 'The news changed his mind about the deal, he said.', why: 'a causative, not a bound idiom'}
      ]
    }
  },
  ({tree, text, report}) => {
    for (const sentence of sentencesOf(tree, text)) {
      // Pre-filter on the untagged words: the idiom itself ("prove his point"); only those sentences are tagged.
      if (!sentence.words.some((_, index) => boundIdiomAt(sentence.words, index))) continue
      const words = tagsOf(sentence, text)
      for (let index = 2; index < words.length - 1; index++) {
        const possessive = words[index]!
        if (!boundIdiomAt(words, index)) continue
        const subject = boundSubject(words, index - 1, text)
        if (!subject) continue
        report({
          start: possessive.start,
          end: possessive.end,
          message: `Unexpected \`${possessive.value}\` for the subject \`${subject.value}\`, expected \`its\``,
          expected: [possessive.value.charAt(0) === 'H' ? 'Its' : 'its'],
          related: [{start: subject.start, end: subject.end, message: 'the subject the possessive refers to'}]
        })
      }
    }
  }
)

/** A personal possessive at `index` between an idiom's verb and its noun ("prove his point"). */
function boundIdiomAt(words: ReadonlyArray<{lower: string}>, index: number): boolean {
  const possessive = words[index]!.lower
  // `his` and `her` have three letters: most words fail on the length, before any lookup.
  if (possessive.length !== 3 || !personal.has(possessive) || index < 1 || index + 1 >= words.length) return false
  return boundIdioms.get(words[index - 1]!.lower)?.includes(words[index + 1]!.lower) === true
}

/**
 * Walk back from the idiom's verb over verbs, `to`, modals and adverbs only,
 * to a subject `it` that starts its clause; anything else makes it unclear.
 */
function boundSubject(words: TaggedWord[], verbIndex: number, text: string): TaggedWord | undefined {
  for (let index = verbIndex - 1; index >= 0; index--) {
    const word = words[index]!
    const lower = word.lower
    if (lower === 'it') {
      const previous = words[index - 1]
      if (!previous || /[,;:—–]/.test(text.slice(previous.end, word.start))) return word
      const before = previous.lower
      return clauseOpeners.has(before) || reportingVerbs.has(before) ? word : undefined
    }

    if (beForms.has(lower)) return undefined
    if (!(isVerbTag(word.tag) || word.tag === 'TO' || word.tag === 'MD' || word.tag.startsWith('RB'))) return undefined
  }

  return undefined
}
