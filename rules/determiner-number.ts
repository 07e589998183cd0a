/**
 * A determiner whose number the noun after it does not share: a plural
 * determiner or a number word before a singular noun ("these problem",
 * "several measure", "both side", "eight symphony") or a singular one before
 * a plural noun ("a bishops", "each players", "every workers"). Machine
 * translation from languages without number on the noun (Chinese) or with it
 * on the determiner only leaves them.
 *
 * Only clear cases are judged. The noun must be one the lexicon reads only
 * as a noun (not "these include", "this means", "a rebels"), with a regular
 * plural it knows ("problem"/"problems"); invariable and mass nouns ("many
 * staff", "several aircraft", "these equipment") and quantity words
 * ("several hundred", "these kind of") are left alone. A noun followed by
 * another noun or an adjective modifies it ("a sports car", "a jobs
 * report", "these policy measures"), and a capitalised word is a name, so
 * both stay quiet. A number word right after a singular noun is its label
 * ("a number two pencil", "a round two session"), not a count. "a few",
 * "many a" and "each other" never match.
 */
import {defineRule} from '../src/engine/rule.js'
import {lexiconTags} from '../src/engine/pos-taggers.js'
import {isPluralNoun, pluralOf, singularOf} from '../src/engine/nouns.js'
import {checkTable, wordSet, type WordList} from '../src/engine/phrases.js'
import {glued, paragraphTokens, partsIn, partsOf, spaced, touchedAfter, touchedBefore, type TokenSequence} from '../src/engine/tokens.js'
import schema from '../schemas/determiner-number.schema.json' with {type: 'json'}
import table from './data/determiner-number.json' with {type: 'json'}

/**
 * The word lists are data (data/determiner-number.json, shape:
 * schemas/determiner-number.schema.json): the determiners of each number,
 * the determiners that are never pronouns, invariable nouns ("many staff")
 * and plurals taken after "a" ("a shambles").
 */
checkTable('determiner-number', table, schema)
const lists = table as unknown as Record<'pluralDeterminers' | 'singularDeterminers' | 'neverPronouns' | 'invariable' | 'singularInSense', WordList>
const pluralDeterminers = wordSet(lists.pluralDeterminers)
const determiners = new Set([...pluralDeterminers, ...wordSet(lists.singularDeterminers)])
const neverPronouns = wordSet(lists.neverPronouns)
const invariable = wordSet(lists.invariable)
const singularInSense = wordSet(lists.singularInSense)

/** Letters that have case, any case ("problem", "Bishops"): the word after a determiner, before the rule reads it. */
const casedLetters = /^\p{Ll}+$/iu
/** The start of a word a token holds, with its inner apostrophes and hyphens. */
const leadingWord = /^\p{L}[\p{L}'’-]*/u
/** The number words among the plural determiners (the lexicon gives them no tag). */
const numberWord = /^(?:two|three|four|five|six|seven|eight|nine|ten|twelve|twenty)$/u
/** A gap of spaces on one line, or none. */
const spacesOrNone = /^[ \u00a0]*$/u

/** Parts of speech that make a word more than a noun (verbs, adjectives, adverbs, numbers, function words). */
const notOnlyNoun = /^(?:VB|JJ|RB|IN|CD|DT|PRP|MD|WP|WDT|CC|TO|UH|EX|PDT)/u

function onlyNoun(word: string): boolean {
  const tags = lexiconTags(word)
  return tags.length > 0 && tags.some((tag) => tag.startsWith('NN')) && !tags.some((tag) => notOnlyNoun.test(tag))
}

/**
 * After a determiner that is never a pronoun a plural is a noun even where
 * the lexicon also has it as a verb ("a reports", "every needs"); "this
 * reports the results" and "these measure 5 cm" are a pronoun and a verb.
 */
function nounAfter(determiner: string, word: string): boolean {
  if (onlyNoun(word)) return true
  const usual = lexiconTags(word)[0]
  return neverPronouns.has(determiner) && usual !== undefined && usual.startsWith('NN')
}

/** A following word that makes the noun a modifier ("a sports car", "these policy measures") or that the lexicon does not know. */
function modifies(next: string | undefined): boolean {
  if (next === undefined) return false
  if (next !== next.toLowerCase() || /['’-]/u.test(next)) return true
  // The lexicon's first tag is the word's usual part of speech ("must" is MD first, though NN too).
  const usual = lexiconTags(next)[0]
  return usual === undefined || usual.startsWith('NN') || usual.startsWith('JJ') || usual === 'CD' || usual === 'VBG'
}

/** The text of the parts glued together from `index` on (a word with the marks it touches: "workers'", "well-known"). */
function gluedRun(parts: TokenSequence, index: number, text: string): string {
  let last = index
  while (last + 1 < parts.length && glued(parts.get(last)!, parts.get(last + 1)!)) last++
  return text.slice(parts.get(index)!.start, parts.get(last)!.end)
}

export default defineRule(
  {
    id: 'determiner-number',
    category: 'agreement',
    severity: 'minor',
    description: 'A plural determiner or a number word before a singular noun ("these problem", "several measure", "eight symphony") or a singular one before a plural noun ("a bishops", "every workers"); invariable nouns, quantities and noun modifiers ("a sports car") are left alone.',
    examples: {
      bad: [
        {
          text: 'Each soldiers buys their equipment on their own.',
          findings: [
            {range: '1:1-1:14', actual: 'Each soldiers', message: 'Unexpected `Each soldiers`, expected `Each soldier`', severity: 'minor', fix: 'Each soldier', safe: false}
          ]
        },
        {
          text: 'The Church of Evangelical Luterlik Church of Estonia selected Joel Luhaforest and Tiit Salumäe as a bishops.',
          findings: [
            {range: '1:99-1:108', actual: 'a bishops', message: 'Unexpected `a bishops`, expected `a bishop`', severity: 'minor', fix: 'a bishop', safe: false}
          ]
        },
        {
          text: 'In Serbia, a deadly form of avian influenza was found, while the Indonesian health officials reported an outbreaks of avian influenza among whales.',
          findings: [
            {range: '1:103-1:115', actual: 'an outbreaks', message: 'Unexpected `an outbreaks`, expected `an outbreak`', severity: 'minor', fix: 'an outbreak', safe: false}
          ]
        },
        {
          text: 'The BBC Ssyphony Orchestra played eight symphony in London in 1931 and 1938 in the dirigising of Sir Henry Wood.',
          findings: [
            {range: '1:35-1:49', actual: 'eight symphony', message: 'Unexpected `eight symphony`, expected `eight symphonies`', severity: 'minor', fix: 'eight symphonies', safe: false}
          ]
        },
        {
          text: 'In this work, we must achieve "two no mistakes and two promotion".',
          findings: [
            {range: '1:52-1:65', actual: 'two promotion', message: 'Unexpected `two promotion`, expected `two promotions`', severity: 'minor', fix: 'two promotions', safe: false}
          ]
        },
        {
          text: 'That is what this reporters learned at the “2019 World Manufacturing Conference Intellectual Property Rights Operation and Protection Forum” held in Hefei.',
          findings: [
            {range: '1:14-1:28', actual: 'this reporters', message: 'Unexpected `this reporters`, expected `this reporter`', severity: 'minor', fix: 'this reporter', safe: false}
          ]
        }
      ],
      good: [
        {text: 'Both mother and child were discharged from hospital on Monday.', why: '"both" before two coordinated singulars'},
        {text: 'The bank offered a savings account and a sports car loan.', why: 'a plural noun modifying the noun after it'},
        {text: 'These include several hundred residents and many staff of the hospital.', why: 'a quantity word and an invariable noun after a plural determiner'},
        {text: 'This means the talks will resume next week.', why: '"this" as a pronoun before a verb in -s'},
        {text: 'Archaeologists found various glass, ceramic and metal objects at the site.', why: 'coordinated modifiers after a plural determiner'},
        {text: 'The market is a few minutes away, and a thumbs up from the mayor sealed the deal.', why: '"a few" and an idiom that takes "a"'},
        {text: 'Each other team in the league has played this physics teacher’s game.', why: '"each other" and a field name in -ics'},
        {text: "Attorneys representing five of the state's seven abortion clinics argued the law provides no benefits and causes significant burdens.", why: 'a number word before a noun that modifies the next one'},
        {text: "They don't write in anything less portable than a number two pencil.", why: 'a number word after a singular noun is its label, a rank that counts nothing (fortunes)'},
        {text: 'The talks moved into a round two session on Friday.', why: 'a number word after a singular noun names a stage of it'},
        {
          text: 'It has four configuration file types, all stored in /etc/fail2ban/.',
          why: 'the count is of the compound\'s head: a word that can be a noun ("file", a verb first to the lexicon) before a plural noun is its middle (Debian Administrator\'s Handbook)'
        }
      ]
    }
  },
  ({tree, text, report}) => {
    for (const paragraph of paragraphTokens(tree, text)) {
      // Parts, not tokens: a word run into the next sentence is still read ("a bishops.Then").
      const tokens = partsOf(paragraph)
      // Where the last determiner's word ended: that word is the determiner's, never a determiner of its own ("a few", "many a").
      let taken = 0
      for (const at of partsIn(paragraph, determiners)) {
        const first = tokens.get(at)!
        if (at < taken || first.kind !== 'word' || touchedBefore(tokens, at)) continue
        const word = tokens.get(at + 1)
        if (word?.kind !== 'word' || !spaced(text, first, word) || !casedLetters.test(word.value) || touchedAfter(tokens, at + 1)) continue
        taken = at + 2
        const determiner = first.value
        const noun = word.value
        const lower = first.lower
        // A capital "A" inside a sentence is a letter ("Grade A offices").
        if (determiner === 'A' || determiner === 'An' || invariable.has(noun) || !nounAfter(lower, noun)) continue
        // "a number two pencil", "a round two session": a number word right after a singular noun names a rank or a stage
        // of it, a label that counts nothing (a count follows a determiner, a preposition, a verb or nothing: "and two promotion").
        const before = tokens.get(at - 1)
        if (before?.kind === 'word' && spaced(text, before, first) && numberWord.test(lower) && lexiconTags(before.lower)[0] === 'NN') continue
        const following = tokens.get(at + 2)
        const gap = following ? text.slice(word.end, following.start) : ''
        // A possessive ("a workers' union", tokenized "workers ' union") or a compound modifies the next noun.
        if (following && spacesOrNone.test(gap) && gap.length <= 1 && /^['’-]/u.test(following.value)) continue
        const next = following && spaced(text, word, following) ? leadingWord.exec(gluedRun(tokens, at + 2, text))?.[0] : undefined
        if (modifies(next)) continue
        // "four configuration file types": a word that can be a noun, before a plural one, is the middle of a compound whose head is
        // counted (the lexicon reads "file" first as a verb).
        const third = following && !touchedAfter(tokens, at + 2) ? tokens.get(at + 3) : undefined
        if (next !== undefined && third?.kind === 'word' && spaced(text, following!, third) && lexiconTags(next).some((tag) => tag.startsWith('NN')) && lexiconTags(third.lower)[0] === 'NNS') continue
        const plural = pluralDeterminers.has(lower)
        // "both mother and child", "various glass, ceramic or metal objects": coordinated singulars or modifiers.
        if (plural && (next === 'and' || next === 'or' || (following && spacesOrNone.test(gap) && /^[,/]/u.test(following.value)))) continue
        // Names of fields in -ics are singular ("this metaphysics").
        if (!plural && (singularInSense.has(noun) || noun.endsWith('ics'))) continue
        const fixedNoun = plural ? pluralOf(noun) : noun === 'people' ? undefined : singularOf(noun)
        if (!fixedNoun || (plural ? isPluralNoun(noun) : pluralOf(noun) !== undefined)) continue
        const whole = text.slice(first.start, word.end)
        const fixed = `${determiner} ${fixedNoun}`
        report({
          start: first.start,
          end: word.end,
          message: `Unexpected \`${whole}\`, expected \`${fixed}\``,
          expected: [fixed],
          safe: false
        })
      }
    }
  }
)
