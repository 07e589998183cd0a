/**
 * A word or name joined to itself by "and" or "or" ("benevolence and
 * benevolence", "between Vietnam and Vietnam", "the School of Finance and
 * Finance"): machine translation from Chinese renders two different source
 * words (仁心仁术, 财政金融) with one English word, or one name twice. English
 * repeats a word on purpose in shapes the rule leaves alone by class:
 * comparatives and adverbs of degree or duration ("stronger and stronger",
 * "again and again", "on and on"), lower-case plurals of quantity ("years
 * and years", "thousands and thousands"), verbs of duration ("waited and
 * waited"), and a second copy that begins a longer phrase ("war crimes and
 * crimes against humanity", "fish and fish products", "Moscow and Moscow
 * Region"); idioms no class covers are data (data/coordinated-doubles.json).
 */
import {defineRule} from '../src/engine/rule.js'
import {sentencesOf} from '../src/engine/pos.js'
import {lexiconTags} from '../src/engine/pos-taggers.js'
import {isPluralNoun} from '../src/engine/nouns.js'
import type {Token} from '../src/engine/tokens.js'
import doubles from './data/coordinated-doubles.json' with {type: 'json'}

const idioms = new Set(doubles.idioms.map((idiom) => idiom.words.split(' ')[0]!.toLowerCase()))

/** Tags whose repetition is degree, duration or direction ("more and more", "over and over", "on and on"). */
const degreeTags = /^(IN|RB|RBR|RBS|RP|JJR|JJS|DT|PDT|CC|CD|MD|PRP|WDT|WP|WRB|TO|EX)/

/** The longest copy the rule compares: a name of up to three words ("Kim Jong-un", "Viet Nam"). */
const longest = 3

export default defineRule(
  {
    id: 'coordinated-repeat',
    category: 'duplication',
    severity: 'minor',
    description: 'A word or name joined to itself by "and" or "or" ("benevolence and benevolence", "between Vietnam and Vietnam"); comparatives, adverbs, plurals of quantity and shared-head phrases ("war crimes and crimes against humanity") are left alone.',
    examples: {
      bad: [
        {
          text: 'China has progressed from closedness and backwardness to openness and progress, and from poverty and weakness to prosperity and prosperity.',
          findings: [
            {range: '1:114-1:139', actual: 'prosperity and prosperity', message: 'Unexpected `prosperity and prosperity`, expected `prosperity` once or two different words', severity: 'minor', fix: 'prosperity', safe: false}
          ]
        },
        {
          text: 'China, Laos, Myanmar, Thailand and Thailand dispatched 136 law enforcement personnel and 6 law enforcement boats.',
          findings: [
            {range: '1:23-1:44', actual: 'Thailand and Thailand', message: 'Unexpected `Thailand and Thailand`, expected `Thailand` once or two different words', severity: 'minor', fix: 'Thailand', safe: false}
          ]
        },
        {
          text: 'Chen Mingzhang, president of the Taipei Institute of Management and Management, said that the trade friction continues.',
          findings: [
            {range: '1:54-1:79', actual: 'Management and Management', message: 'Unexpected `Management and Management`, expected `Management` once or two different words', severity: 'minor', fix: 'Management', safe: false}
          ]
        },
        {
          text: 'China will make due contributions to the common realization of good governance and good governance.',
          findings: [
            {range: '1:64-1:99', actual: 'good governance and good governance', message: 'Unexpected `good governance and good governance`, expected `good governance` once or two different words', severity: 'minor', fix: 'good governance', safe: false}
          ]
        },
        {
          text: 'Secondary education is provided by secondary schools and secondary schools.',
          findings: [
            {range: '1:36-1:75', actual: 'secondary schools and secondary schools', message: 'Unexpected `secondary schools and secondary schools`, expected `secondary schools` once or two different words', severity: 'minor', fix: 'secondary schools', safe: false}
          ]
        }
      ],
      good: [
        {text: 'More and more foreigners enjoy learning Vietnamese, the prime minister said.', why: 'a comparative repeated for degree'},
        {text: 'The faculty at the university will become stronger and stronger.', why: 'a comparative repeated for degree'},
        {text: 'Some of those atrocities rise to the level of war crimes and crimes against humanity, Mr Pompeo said.', why: 'the second copy begins a longer phrase'},
        {text: 'Portugal also consumes the most fish and fish products per capita in Europe.', why: 'the second copy modifies a noun'},
        {text: 'He defeated his rival, the Deputy Prime Minister and Minister of Infrastructure and Tourism.', why: 'the second copy begins a longer title'},
        {text: 'The head of the FSB in Moscow and Moscow Region was arrested on Monday.', why: 'the second copy begins a longer name'},
        {text: 'Protesters have waited for years and years for an answer.', why: 'a plural of quantity repeated for duration'},
        {text: 'The minister has said time and time again that taxes will not rise.', why: 'a word that can be a verb, repeated for duration'},
        {text: 'He was told to report on such and such a day.', why: 'an idiom listed in rules/data/coordinated-doubles.json'},
        {text: 'Rescuers dug and dug until the family was found.', why: 'a verb repeated for duration'},
        {text: 'The talks went on and on into the night.', why: 'a particle repeated for duration'},
        {text: '"We tried and we tried, but the door would not open," she said.', why: 'a clause repeated for duration'}
      ]
    }
  },
  ({tree, text, report}) => {
    for (const sentence of sentencesOf(tree, text)) {
      const words = sentence.words
      for (let at = 1; at + 1 < words.length; at++) {
        const conjunction = words[at]!
        if (conjunction.lower !== 'and' && conjunction.lower !== 'or') continue
        if (text.slice(words[at - 1]!.end, conjunction.start) !== ' ' || text.slice(conjunction.end, words[at + 1]!.start) !== ' ') continue
        for (let size = Math.min(longest, at, words.length - at - 1); size >= 1; size--) {
          const first = words.slice(at - size, at)
          const second = words.slice(at + 1, at + 1 + size)
          if (!sameWords(first, second, text)) continue
          if (isLicensed(second, words[at + 1 + size], text)) break
          const phrase = text.slice(first[0]!.start, first[size - 1]!.end)
          report({
            start: first[0]!.start,
            end: second[size - 1]!.end,
            message: `Unexpected \`${text.slice(first[0]!.start, second[size - 1]!.end)}\`, expected \`${phrase}\` once or two different words`,
            expected: [phrase]
          })
          break
        }
      }
    }
  }
)

/** The same words, exactly (case included), one space apart. */
function sameWords(first: readonly Token[], second: readonly Token[], text: string): boolean {
  for (let index = 0; index < first.length; index++) {
    if (first[index]!.value !== second[index]!.value) return false
    if (index > 0 && (text.slice(first[index - 1]!.end, first[index]!.start) !== ' ' || text.slice(second[index - 1]!.end, second[index]!.start) !== ' ')) return false
  }

  return true
}

/** A repetition English makes on purpose (see the file comment): `copy` is the second copy, `after` the word after it. */
function isLicensed(copy: readonly Token[], after: Token | undefined, text: string): boolean {
  const last = copy[copy.length - 1]!
  if (!copy.every((word) => /^\p{L}[\p{L}'’-]*\p{L}$/u.test(word.value))) return true
  if (copy.length === 1 && idioms.has(last.lower)) return true
  // "we tried and we tried", "it rained and it rained": a clause repeated for duration.
  if (copy.length > 1 && (copy.some((word) => lexiconTags(word.lower)[0] === 'PRP') || (last.value === last.lower && /^VB|^MD/.test(lexiconTags(last.lower)[0] ?? '')))) return true
  if (copy.length === 1) {
    const tags = lexiconTags(last.lower)
    const capitalised = last.value !== last.lower
    if (degreeTags.test(tags[0] ?? '')) return true
    if (!capitalised && (isPluralNoun(last.lower) || tags.some((tag) => tag.startsWith('VB')) || /(ed|ing)$/.test(last.lower))) return true
  }

  // The second copy begins a longer phrase: a word follows it with only a space between.
  if (after && text.slice(last.end, after.start) === ' ') {
    // The word's usual reading: "signed" after "Suzuki and Suzuki" is a verb, not a participle modifier.
    const usual = lexiconTags(after.lower)[0]
    if (after.value !== after.lower || /\d/.test(after.value) || !usual || /^(NN|JJ|IN|TO|CD|VBG|POS)/.test(usual)) return true
  }

  return false
}
