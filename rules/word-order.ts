/**
 * An adjective after its noun in Romance order ("in a manner independent",
 * "the situation political", "the commission European"). English puts many
 * adjectives after a noun on purpose ("the people responsible", "the
 * resources available", "something important", "attorney general"), so the
 * rule only knows relational and classifying adjectives, which English never
 * postposes without a complement ("a manner consistent with"), and only after
 * a determiner + common noun that is not the object of a verb ("made the
 * process political" is a complement, not a misplaced modifier).
 */
import {defineRule} from '../src/engine/rule.js'
import {sentencesOf, tagsOf, type TaggedWord} from '../src/engine/pos.js'
import type {Token} from '../src/engine/tokens.js'

/**
 * Relational and classifying adjectives: in English they go before the noun.
 * Words that are also common nouns ("official", "national", "criminal",
 * "rival", "professional", "individual", "American") are left out on purpose:
 * "a government official said" is a compound, not Romance order.
 */
const prenominalAdjectives = new Set([
  'political', 'economic', 'social', 'cultural', 'financial', 'commercial', 'industrial', 'agricultural',
  'educational', 'environmental', 'constitutional', 'judicial', 'legislative', 'diplomatic', 'strategic',
  'technological', 'scientific', 'historical', 'geographical', 'regional', 'international', 'governmental',
  'presidential', 'parliamentary', 'ministerial', 'municipal', 'provincial', 'federal', 'nuclear', 'electoral',
  'fiscal', 'monetary', 'independent', 'european', 'sanitary', 'ecological', 'administrative', 'bureaucratic',
  'democratic', 'economical', 'ideological', 'institutional', 'medical', 'military', 'multilateral', 'bilateral',
  'societal', 'sociopolitical', 'geopolitical', 'humanitarian', 'territorial', 'structural', 'pedagogical',
  'touristic', 'urban', 'rural', 'maritime', 'domestic', 'foreign', 'external', 'internal', 'nationwide',
  'worldwide', 'global', 'local'
])

/** Determiners that open the noun phrase (the noun right after one is the head, not a modifier). */
const determiners = new Set([
  'a', 'an', 'the', 'this', 'that', 'these', 'those', 'its', 'their', 'his', 'her', 'our', 'my', 'your', 'every', 'each'
])

/** Prepositions after the adjective that make it a postposed adjective with a complement ("independent of"). */
const complementWords = new Set([
  'of', 'to', 'with', 'for', 'from', 'than', 'in', 'on', 'at', 'about', 'as', 'enough', 'toward', 'towards', 'by', 'upon'
])

/** Verbs that take an object and its complement ("made the debate political", "found the plan independent"). */
const complementVerbs = /^(make|makes|made|making|keep|keeps|kept|keeping|leave|leaves|left|leaving|find|finds|found|finding|consider|considers|considered|considering|render|renders|rendered|rendering|call|calls|called|calling|deem|deems|deemed|declare|declares|declared|declaring|get|gets|got|getting|turn|turns|turned|turning|hold|holds|held|holding|prove|proves|proved|proving|think|thinks|thought|see|sees|saw|seeing|want|wants|wanted|like|likes|liked|become|becomes|became|remain|remains|remained|go|goes|went|stay|stays|stayed)$/i

/** Words a tagger may call nouns that are really ordinals or quantifiers ("the first commercial uses"). */
const notHeadNouns = new Set(['first', 'second', 'third', 'fourth', 'fifth', 'last', 'next', 'only', 'same', 'other', 'latest', 'biggest', 'largest', 'main', 'most', 'best', 'whole', 'entire', 'sole', 'key', 'top', 'chief', 'major', 'new', 'former'])

/** Noun + adjective pairs English fixes in this order (titles, legal terms). */
const fixedPairs = new Set([
  'attorney general', 'secretary general', 'surgeon general', 'governor general', 'postmaster general',
  'consul general', 'director general', 'solicitor general', 'inspector general', 'auditor general',
  'body politic', 'court martial', 'notary public', 'heir apparent', 'president elect', 'ambassador extraordinary',
  'accountant general', 'procurator general', 'prosecutor general'
])

export default defineRule(
  {
    id: 'word-order',
    category: 'word-order',
    severity: 'info',
    description:
      'A relational adjective placed after its noun in Romance order ("in a manner independent"), where English puts it before the noun.',
    examples: {
      bad: [
        {
          text: 'The officials were at the center of a Kremlin effort begun in 2020 to undermine Kiev’s ability to “operate in a manner independent”.',
          findings: [
            {range: '1:111-1:131', actual: 'a manner independent', message: 'Unexpected adjective after its noun `manner independent`, expected `independent manner`', severity: 'info', fix: 'an independent manner', safe: false}
          ],
          fixed:
            'The officials were at the center of a Kremlin effort begun in 2020 to undermine Kiev’s ability to “operate in an independent manner”.'
        },
        {
          text: 'Analysts said the situation political remains unstable after the elections.',
          findings: [
            {range: '1:15-1:38', actual: 'the situation political', message: 'Unexpected adjective after its noun `situation political`, expected `political situation`', severity: 'info', fix: 'the political situation', safe: false}
          ],
          fixed: 'Analysts said the political situation remains unstable after the elections.'
        },
        {
          text: 'According to the commission European, the new rules will take effect next year.',
          findings: [
            {range: '1:14-1:37', actual: 'the commission European', message: 'Unexpected adjective after its noun `commission European`, expected `European commission`', severity: 'info', fix: 'the European commission', safe: false}
          ],
          fixed: 'According to the European commission, the new rules will take effect next year.'
        }
      ],
      good: [
        {text: 'The agency must operate in a manner independent of the government.', why: 'a postposed adjective with its complement'},
        {text: 'Officials said nothing important was decided at the meeting.', why: 'an adjective after an indefinite pronoun'},
        {text: 'The attorney general said the case would be reviewed.', why: 'a fixed title'},
        {text: 'The president-elect met the secretary general of NATO on Monday.', why: 'fixed titles'},
        {text: 'The people responsible will be brought to justice, the minister said.', why: '"responsible" is not a relational adjective'},
        {text: 'The resources available to the ministry have been cut by half.', why: '"available" is postposed on purpose'},
        {text: 'Critics said the reform made the debate political again.', why: 'an object complement after "made"'},
        {text: 'A government official said the state social programme would continue.', why: 'noun compounds, with the adjective before its noun'}
      ]
    }
  },
  ({tree, text, report}) => {
    for (const sentence of sentencesOf(tree, text)) {
      // Pre-filter, without tags: only a sentence with "determiner + lower-case word + adjective" is tagged.
      if (!hasCandidate(sentence.words)) continue
      const words = tagsOf(sentence, text)
      for (let index = 2; index < words.length; index++) {
        const adjective = words[index]!
        if (!prenominalAdjectives.has(adjective.lower)) continue
        if (!isRomanceOrder(words, index, text)) continue
        const noun = words[index - 1]!
        const determiner = words[index - 2]!
        const fixed = `${articleBefore(determiner.value, adjective.value)} ${adjectiveForm(adjective.value)} ${noun.value}`
        report({
          start: determiner.start,
          end: adjective.end,
          message: `Unexpected adjective after its noun \`${noun.value} ${adjective.value}\`, expected \`${adjectiveForm(adjective.value)} ${noun.value}\``,
          expected: [fixed]
        })
      }
    }
  }
)

/** The untagged shape isRomanceOrder needs: a determiner, a lower-case word, one of the adjectives. */
function hasCandidate(words: readonly Token[]): boolean {
  for (let index = 2; index < words.length; index++) {
    if (
      prenominalAdjectives.has(words[index]!.lower) &&
      determiners.has(words[index - 2]!.lower) &&
      /^[a-z]+$/.test(words[index - 1]!.value)
    ) {
      return true
    }
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

function isRomanceOrder(words: TaggedWord[], index: number, text: string): boolean {
  const adjective = words[index]!
  const noun = words[index - 1]!
  const determiner = words[index - 2]!
  // Adjacent words only: "the noun, political ..." or "noun-political" are other constructions.
  if (text.slice(determiner.end, noun.start) !== ' ' || text.slice(noun.end, adjective.start) !== ' ') return false
  if (!/^NNS?$/.test(noun.tag) || !/^[a-z]+$/.test(noun.value)) return false
  if (!determiners.has(determiner.lower) || notHeadNouns.has(noun.value)) return false
  if (fixedPairs.has(`${noun.lower} ${adjective.lower}`)) return false
  // "made the process political": an object complement, not a noun phrase.
  const before = words[index - 3]
  if (before && complementVerbs.test(before.value) && text.slice(before.end, determiner.start) === ' ') return false
  const after = words[index + 1]
  if (after && text.slice(adjective.end, after.start) === ' ') {
    const lower = after.lower
    // "the state political apparatus": the adjective modifies the next noun; "independent of": a complement.
    if (/^(NN|JJ|CD|VBG)/.test(after.tag) || complementWords.has(lower) || after.value === 'and' || after.value === 'or') return false
  }

  return true
}
