/**
 * A word written twice: inside a sentence ("would would"), in capitals ("We
 * we agreed", "Talks Talks resumed", "the ILO ILO"), a subject pronoun before
 * its own contraction ("It it's", "he he's") or echoed across a
 * sentence boundary or comma ("a few days. days.", "in March, March,"), the
 * echo machine translation leaves when it re-segments a sentence. English
 * that doubles a word stays quiet by class, not by sentence: tenses and
 * free relatives ("had had", "What it is is"), names and binomials,
 * initials, intensifiers, a particle before its preposition, rhetoric,
 * interjections ("hey hey hey") and a double that is all a quotation holds
 * (the song "Bang Bang", the mascot "Mai Mai"). A listed doubled name written
 * twice ("Duran Duran Duran Duran") is left to phrase-echo, which reports the
 * whole name once.
 */
import {lineBreak} from '../src/engine/lines.js'
import {defineRule} from '../src/engine/rule.js'
import {lexiconTags} from '../src/engine/pos-taggers.js'
import {insideQuotation} from '../src/engine/quotes.js'
import {isCapitalized, paragraphTokens, type Token} from '../src/engine/tokens.js'
import {verbForms} from '../src/engine/verb-forms.js'
import doubles from './data/english-doubles.json' with {type: 'json'}

/**
 * English that doubles a word on purpose is data (data/english-doubles.json,
 * shape: schemas/english-doubles.schema.json): fixed pairs ("had had"),
 * dictionary reduplicatives ("cha cha", "mahi mahi"), intensifiers ("a long long time"), a pronoun that is object and possessive
 * ("told her her visa"), and a verb's particle before the same preposition
 * ("brought in in March"), and names written with one word twice ("Walla
 * Walla", "Sirhan Sirhan"). Any other name written twice ("Nike Nike") is
 * reported, but for a Chinese syllable ("Fang Fang", "Li Li") or a short
 * nickname ("Dee Dee"), known by their form.
 */
const legitimateDoubles = new Set(doubles.pairs.map((pair) => pair.words))
/** Listed pairs English says three times or more too ("ha ha ha", "blah blah blah"); "had had had" is a slip. */
const runningDoubles = new Set(doubles.pairs.filter((pair) => 'runs' in pair && pair.runs).map((pair) => pair.words))
/** Dictionary words that double one word ("cha cha", "mahi mahi", "tom tom"), in any case and anywhere. */
const reduplicatives = new Set(doubles.reduplicatives.words)
const doubledNames = new Set(doubles.names.map((name) => name.words.split(' ')[0]!))

/** One syllable of Hanyu Pinyin, capitalised: Chinese given names double one ("Fang Fang", "Li Li", "Qiao Qiao"). */
const pinyinSyllable = /^(?:[BPMFDTNLGKHJQXRZCSYW]|Zh|Ch|Sh)?(?:a|o|e|ai|ei|ao|ou|an|en|ang|eng|ong|er|i|ia|ie|iao|iu|ian|in|iang|ing|iong|u|ua|uo|uai|ui|uan|un|uang|ue|ve|v)$/
/** A word of two or more pinyin syllables ("Huangpu", "Songhua"): a romanized Chinese name, which Chinese never doubles as a whole. */
const pinyinWord = /^(?:(?:[bpmfdtnlgkhjqxrzcsyw]|zh|ch|sh)?(?:a|o|e|ai|ei|ao|ou|an|en|ang|eng|ong|er|i|ia|ie|iao|iu|ian|in|iang|ing|iong|u|ua|uo|uai|ui|uan|un|uang|ue|ve|v)){2,}$/
const intensifiers = new Set(doubles.intensifiers.words)
const objectPossessives = new Set(doubles.objectPossessive.words)
const objectSubjects = new Set(doubles.objectSubject.words)
const irregular = doubles.irregularForms as Record<string, string[]>
/** particle -> every form of the verbs it follows ("in" -> brought, bringing, came, ...). */
const particleVerbs = new Map(doubles.particleVerbs.map((group) => [group.particle, new Set(group.verbs.flatMap((verb) => verbForms(verb, irregular[verb] ?? [])))]))

/** Free relatives whose clause ends on a verb the main clause repeats ("What she did did help", "Whoever wins wins"). */
const freeRelatives = new Set(['what', 'whatever', 'whoever', 'whichever', 'whomever'])

/** Words people repeat on purpose across a comma or stop ("No, no.", "Go, go, go!"). */
const emphaticEchoes = new Set([
  'again',
  'bravo',
  'come',
  'go',
  'ha',
  'hey',
  'more',
  'never',
  'no',
  'now',
  'oh',
  'please',
  'stop',
  'well',
  'why',
  'yeah',
  'yes'
])

/** Boundary marks an echo may follow: "days. days.", "March, March,". */
const boundaryMarks = new Set(['.', ',', ';', ':', '!', '?'])

export default defineRule(
  {
    id: 'repeated-word',
    category: 'duplication',
    severity: 'major',
    description:
      'A word written twice in a row, in one sentence or echoed across a sentence boundary or comma, as machine translation leaves it when it re-segments text.',
    examples: {
      bad: [
        {
          text: 'Blinken suggested the two would likely meet again soon after, raising hopes that any invasion would be delayed for at least a few days. days.',
          findings: [
            {range: '1:131-1:142', actual: 'days. days.', message: 'Unexpected echo of `days` after `.`, expected the word once', severity: 'major', fix: 'days.', safe: true}
          ],
          fixed:
            'Blinken suggested the two would likely meet again soon after, raising hopes that any invasion would be delayed for at least a few days.'
        },
        {
          text: 'The ministers said the the talks would continue next week in Geneva.',
          findings: [
            {range: '1:20-1:27', actual: 'the the', message: 'Unexpected repeated word `the`, expected it once', severity: 'major', fix: 'the', safe: true}
          ],
          fixed: 'The ministers said the talks would continue next week in Geneva.'
        },
        {
          text: 'Officials said the vote would would be held in March, March, after the holidays.',
          findings: [
            {range: '1:25-1:36', actual: 'would would', message: 'Unexpected repeated word `would`, expected it once', severity: 'major', fix: 'would', safe: true},
            {range: '1:48-1:61', actual: 'March, March,', message: 'Unexpected echo of `March` after `,`, expected the word once', severity: 'major', fix: 'March,', safe: true}
          ],
          fixed: 'Officials said the vote would be held in March, March, after the holidays.'
        },
        {
          text: 'Shares of Johnson & Johnson fell after the the company cut its forecast.',
          findings: [
            {range: '1:40-1:47', actual: 'the the', message: 'Unexpected repeated word `the`, expected it once', severity: 'major', fix: 'the', safe: true}
          ],
          fixed: 'Shares of Johnson & Johnson fell after the company cut its forecast.'
        },
        {
          text: 'The report will be published in March, March, according to the ministry.',
          findings: [
            {range: '1:33-1:46', actual: 'March, March,', message: 'Unexpected echo of `March` after `,`, expected the word once', severity: 'major', fix: 'March,', safe: true}
          ],
          fixed: 'The report will be published in March, according to the ministry.'
        },
        {
          text: 'The report will be published in March, March , according to the ministry.',
          findings: [
            {range: '1:33-1:47', actual: 'March, March ,', message: 'Unexpected echo of `March` after `,`, expected the word once', severity: 'major', fix: 'March,', safe: true}
          ],
          fixed: 'The report will be published in March, according to the ministry.'
        },
        {
          text: 'It is a question of power. Power.',
          findings: [
            {range: '1:21-1:34', actual: 'power. Power.', message: 'Unexpected echo of `power` after `.`, expected the word once', severity: 'major', fix: 'power.', safe: true}
          ],
          fixed: 'It is a question of power.'
        },
        {
          text: 'Talks Talks resumed in Geneva on Monday after a pause.',
          findings: [
            {range: '1:1-1:12', actual: 'Talks Talks', message: 'Unexpected repeated word `Talks`, expected it once', severity: 'major', fix: 'Talks', safe: true}
          ],
          fixed: 'Talks resumed in Geneva on Monday after a pause.'
        },
        {
          text: 'He said the Senate Senate would vote on the bill on Tuesday.',
          findings: [
            {range: '1:13-1:26', actual: 'Senate Senate', message: 'Unexpected repeated word `Senate`, expected it once', severity: 'major', fix: 'Senate', safe: true}
          ],
          fixed: 'He said the Senate would vote on the bill on Tuesday.'
        },
        {
          text: 'Iranian President Hassan Hassan Rouhani told reporters on the 24th that Iran is willing to discuss “minor changes, additions or amendments” to the Iran nuclear agreement, provided the United States lifts sanctions.',
          findings: [
            {range: '1:19-1:32', actual: 'Hassan Hassan', message: 'Unexpected repeated word `Hassan`, expected it once', severity: 'major', fix: 'Hassan', safe: true}
          ],
          fixed:
            'Iranian President Hassan Rouhani told reporters on the 24th that Iran is willing to discuss “minor changes, additions or amendments” to the Iran nuclear agreement, provided the United States lifts sanctions.'
        },
        {
          text: 'The talks will resume in in Geneva on Monday.',
          findings: [
            {range: '1:23-1:28', actual: 'in in', message: 'Unexpected repeated word `in`, expected it once', severity: 'major', fix: 'in', safe: true}
          ],
          fixed: 'The talks will resume in Geneva on Monday.'
        },
        {
          text: 'In particular, the ILO ILO sets out a set of derogations for operators in trade areas.',
          findings: [
            {range: '1:20-1:27', actual: 'ILO ILO', message: 'Unexpected repeated word `ILO`, expected it once', severity: 'major', fix: 'ILO', safe: true}
          ],
          fixed: 'In particular, the ILO sets out a set of derogations for operators in trade areas.'
        },
        {
          text: 'The Arles Church Church and the Church of Nicia were convened by the emperor.',
          findings: [
            {range: '1:11-1:24', actual: 'Church Church', message: 'Unexpected repeated word `Church`, expected it once', severity: 'major', fix: 'Church', safe: true}
          ],
          fixed: 'The Arles Church and the Church of Nicia were convened by the emperor.'
        },
        {
          text: 'The expedition team was was defeated, and two of its men were brought to Mecca.',
          findings: [
            {range: '1:21-1:28', actual: 'was was', message: 'Unexpected repeated word `was`, expected it once', severity: 'major', fix: 'was', safe: true}
          ],
          fixed: 'The expedition team was defeated, and two of its men were brought to Mecca.'
        },
        {
          text: 'By then the company had had left the market, the report said.',
          findings: [
            {range: '1:21-1:28', actual: 'had had', message: 'Unexpected repeated word `had`, expected it once', severity: 'major', fix: 'had', safe: true}
          ],
          fixed: 'By then the company had left the market, the report said.'
        },
        {
          text: "Tharwa, near Gudgenby Valus Yankee Hati, is located in the Hati Hati Hill of the Abkhazians' camp, along with the housing built in the rock.",
          findings: [
            {range: '1:60-1:69', actual: 'Hati Hati', message: 'Unexpected repeated word `Hati`, expected it once', severity: 'major', fix: 'Hati', safe: true}
          ]
        },
        {
          text: 'Should should the talks fail, the central bank would step in to support the currency.',
          findings: [
            {range: '1:1-1:14', actual: 'Should should', message: 'Unexpected repeated word `should`, expected it once', severity: 'major', fix: 'Should', safe: true}
          ],
          fixed: 'Should the talks fail, the central bank would step in to support the currency.'
        },
        {
          text: 'There there are nations with worse income inequalities, including some with reasonably strong economies.',
          findings: [
            {range: '1:1-1:12', actual: 'There there', message: 'Unexpected repeated word `there`, expected it once', severity: 'major', fix: 'There', safe: true}
          ],
          fixed: 'There are nations with worse income inequalities, including some with reasonably strong economies.'
        },
        {
          text: 'Both both Robson and Safechuck allege that they were abused by Jackson as children for a number of years.',
          findings: [
            {range: '1:1-1:10', actual: 'Both both', message: 'Unexpected repeated word `both`, expected it once', severity: 'major', fix: 'Both', safe: true}
          ],
          fixed: 'Both Robson and Safechuck allege that they were abused by Jackson as children for a number of years.'
        },
        {
          text: "Three three months after Baloch's murder, parliament passed new legislation mandating life imprisonment for honour killings.",
          findings: [
            {range: '1:1-1:12', actual: 'Three three', message: 'Unexpected repeated word `three`, expected it once', severity: 'major', fix: 'Three', safe: true}
          ],
          fixed: "Three months after Baloch's murder, parliament passed new legislation mandating life imprisonment for honour killings."
        },
        {
          text: 'The Sutong GIL tunnel project is a UHV AC loop project crossing the Yangtze Yangtze River.',
          findings: [
            {range: '1:69-1:84', actual: 'Yangtze Yangtze', message: 'Unexpected repeated word `Yangtze`, expected it once', severity: 'major', fix: 'Yangtze', safe: true}
          ],
          fixed: 'The Sutong GIL tunnel project is a UHV AC loop project crossing the Yangtze River.'
        },
        {
          text: 'The The ministry said the figures were provisional.',
          findings: [
            {range: '1:1-1:8', actual: 'The The', message: 'Unexpected repeated word `The`, expected it once', severity: 'major', fix: 'The', safe: true}
          ],
          fixed: 'The ministry said the figures were provisional.'
        },
        {
          text: "It it's not clear what the ministry meant by the statement.",
          findings: [
            {range: '1:1-1:8', actual: "It it's", message: "Unexpected repeated word `It` before `it's`, expected it once", severity: 'major', fix: "It's", safe: true}
          ],
          fixed: "It's not clear what the ministry meant by the statement."
        },
        {
          text: 'The coach said he he’s ready to play on Saturday.',
          findings: [
            {range: '1:16-1:23', actual: 'he he’s', message: 'Unexpected repeated word `he` before `he’s`, expected it once', severity: 'major', fix: 'he’s', safe: true}
          ],
          fixed: 'The coach said he’s ready to play on Saturday.'
        },
        {
          text: 'Portugal has several summer music festivals, such as from, from, near Caminha.',
          findings: [
            {range: '1:54-1:65', actual: 'from, from,', message: 'Unexpected echo of `from` after `,`, expected the word once', severity: 'major', fix: 'from,', safe: true}
          ],
          fixed: 'Portugal has several summer music festivals, such as from, near Caminha.'
        }
      ],
      good: [
        {text: 'The company had had losses for three years before the merger.', why: 'past perfect of "have"'},
        {text: 'He said that that decision was made by the board.', why: 'conjunction followed by a demonstrative'},
        {text: 'The plant is in Walla Walla, Washington.', why: 'a place name that doubles a word'},
        {
          text: 'Talks will resume in Vienna. Vienna has hosted them before.',
          why: 'the next sentence starts with the last word and goes on'
        },
        {text: 'Scalia will succeed Alexander Acosta. Acosta, then the labor secretary, announced his resignation in July.', why: 'the next sentence opens with the name and an apposition'},
        {text: 'HOST: Is the deal done, Senator? Senator: Not yet, but we are close.', why: 'a transcript: the word before the colon names the next speaker'},
        {text: '“No, no, no,” the coach shouted from the sideline.', why: 'deliberate emphatic repetition'},
        {text: 'As Lady Gaga once sang in her 2008 hit “Bad Romance”: “Walk, walk, fashion, baby.”', why: 'a word doubled at the start of a quotation is rhetoric'},
        {text: 'The budget for 2021 was larger than that of 2020, 2019 and 2018.', why: 'different numbers'},
        {text: 'Tourists flocked to Bora Bora for the holidays.', why: 'a name listed in rules/data/english-doubles.json'},
        {text: 'Floodwater reached the village of Gol Gol on the Murray River.', why: 'a word the lexicon does not know, doubled where a place name stands'},
        {text: 'The Mitta Mitta River flows north into Lake Hume.', why: 'a short root the lexicon does not know, doubled before a place head'},
        {text: 'Fang Fang, as a representative of high-quality creators, spoke at the scene.', why: 'a Chinese given name that doubles one syllable'},
        {text: 'The former UN chief Boutros Boutros-Ghali died in Cairo.', why: 'the second word starts a hyphenated name'},
        {text: 'The hospital was named after Sir Run Run Shaw, the film producer.', why: 'a capitalised double inside a run of capitalised words is a name'},
        {text: 'It has been a long long time since the river flooded like this.', why: 'an intensifier doubled for emphasis'},
        {text: 'The fans chanted "hey hey hey" as the players came out.', why: 'an interjection repeated on purpose'},
        {text: 'The stadium sang "Olé, olé olé olé" as the team took the field.', why: 'a word three times or more inside a quotation is a chant'},
        {text: 'The Macau tourist mascot "Mai Mai" was also present to welcome visitors.', why: 'a double that is all a quotation holds is a name or a title'},
        {text: 'Rose rose from her seat to speak.', why: 'a name at the start, then the verb spelt the same'},
        {text: 'The curfew was brought in in March after the riots.', why: 'a verb\'s particle, then the same word as a preposition'},
        {text: 'The officer told her her visa had expired.', why: '"her" as object, then as possessive'},
        {text: 'Whoever wins wins the right to host the final.', why: 'the verb of a free relative, then the main verb'},
        {text: 'What it is is a plan to cut taxes, the minister said.', why: 'a pseudo-cleft: the verb of the free relative, then the main verb'},
        {text: 'The company had had mixed results before the merger.', why: '"had had" before a noun phrase is the past perfect of "have"'},
        {text: 'Georg and Are are soon informed about the visit.', why: 'a name inside the sentence, then an ordinary word'},
        {text: 'Rupicapra rupicapra tatrica lives only in the Tatra Mountains.', why: 'a Latin binomial whose genus and species are one word'},
        {text: 'The band was influenced by Buddy Guy, Freddie King and B. B. King.', why: 'initials'},
        {text: 'They were silent, silent, and suddenly everyone was talking.', why: 'a content word echoed inside a sentence for rhetoric'},
        {text: '“Take, take, take!” the crowd chanted.', why: 'three times is deliberate'},
        {text: 'I GET YELLED AT AT HOME, he wrote.', why: 'a particle, then the same preposition, in capitals'},
        {text: 'May may attend the summit, her aides said.', why: 'a name at the start, then the modal spelt the same'},
        {text: 'Will will take over as chief executive in March.', why: 'a statement opens with no modal: a capitalised modal before the modal is a name'},
        {text: 'Can can speak Turkish, his friends said.', why: 'a name before the modal spelt the same, then its verb: no subject follows the modal'},
        {text: 'There there, the nurse told the crying child before the injection.', why: '"there there" consoles when no verb follows'},
        {text: '“Well well, look who has finally turned up,” the coach said as the striker walked in.', why: 'an interjection doubled at the start of a quotation, closed by a comma'},
        {text: '“No no, that is not what the minister meant,” her spokesman said.', why: 'an interjection doubled at the start of a quotation, closed by a comma'},
        {text: 'Come come, the judge told the witness, you must remember where you were that night.', why: 'an imperative doubled at the start of a sentence, closed by a comma'},
        {text: 'His will will be read on Monday, the family’s lawyer said.', why: 'a noun, then the modal spelt the same'},
        {text: 'Volunteers said they can can the surplus fruit for the winter.', why: 'a modal, then the verb spelt the same'},
        {text: 'Is he French French or Canadian French?', why: 'a word doubled to contrast its plain sense with another'},
        {text: 'Those who can, can; those who cannot, teach.', why: 'a relative clause ending on the verb the main clause repeats'},
        {text: 'The minister walked in in a hurry and left early.', why: 'a verb’s particle, then the same word as a preposition'},
        {text: 'She grew up up the coast, in a fishing town north of Boston.', why: 'a phrasal verb WordNet lists as intransitive, then its particle as a preposition'},
        {text: 'The coach told you you’re starting on Saturday.', why: '“you” as object, then the subject of the next clause'},
        {text: 'The band Duran Duran Duran Duran sold out the arena.', why: 'a listed name written twice is one echo of the whole name, which phrase-echo reports'},
        {text: "Relationships and blah blah blah I'm here for advice.", why: 'filler a listed pair says three times (runs: true in rules/data/english-doubles.json)'},
        {text: 'The restaurant added grilled mahi mahi to its menu.', why: 'a dictionary word that doubles one word (rules/data/english-doubles.json, from WordNet)'}
      ]
    }
  },
  ({tree, text, report}) => {
    for (const paragraph of paragraphTokens(tree, text)) {
      const {tokens} = paragraph
      let previous = -1
      for (let index = 0; index < tokens.length; index++) {
        const token = tokens[index]!
        if (token.kind !== 'word') continue
        const before = tokens[previous]
        if (before && before.lower === token.lower) {
          checkPair(before, previous, token, tokens.slice(previous + 1, index), tokens, index)
        } else if (before && previous === index - 1 && contractionEcho(tokens, previous, token)) {
          report({
            start: before.start,
            end: token.end,
            message: `Unexpected repeated word \`${before.value}\` before \`${token.value}\`, expected it once`,
            expected: [before.value + token.value.slice(before.value.length)],
            safe: !lineBreakBetween(text, before, token)
          })
        }

        previous = index
      }
    }

    function checkPair(first: Token, firstIndex: number, second: Token, between: Token[], tokens: Token[], secondIndex: number): void {
      const lower = first.lower
      if (between.length === 0) {
        if (isEnglishDouble(tokens, firstIndex, second)) return
        // "Na na na na, hey hey hey": a word three times or more inside a quotation is a chant or a song (MT's triples in
        // training and MLQE-PE, "joint joint joint", "Museum Museum Museum", are never quoted).
        if (runLength(tokens, firstIndex) >= 3 && insideQuotation(tree, text, first.start, second.end)) return
        report({
          start: first.start,
          end: second.end,
          message: `Unexpected repeated word \`${second.value}\`, expected it once`,
          expected: [first.value],
          // Across a line break (a heading, a verse or a subtitle line ending on the word) the fix would join two lines;
          // two spellings ("a A" for the grade, "in IN" for Indiana, "who Who") leave a reader to say which word is meant.
          safe: !lineBreakBetween(text, first, second) && sameWord(first.value, second.value)
        })
        return
      }

      // An echo across a boundary: "days. days." / "March, March,". Only a
      // one-word echo counts: a new sentence that starts with the same word
      // and goes on ("Vienna. Vienna has hosted ...") is ordinary prose.
      if (between.length !== 1 || !boundaryMarks.has(between[0]!.value)) return
      if (emphaticEchoes.has(lower)) return
      // "B. B. King", "P. P. Panaitescu": initials.
      if (between[0]!.value === '.' && first.value.length === 1) return
      if (startsClause(tokens, firstIndex)) return
      // "Those who can, can.", "Whatever will be, will be": a relative clause that ends on the verb the main clause repeats.
      if (afterFreeRelative(tokens, firstIndex, true)) return
      // "Take, take, take!": a third time before makes it deliberate, as after ("Go, go, go!").
      if (tokens[firstIndex - 2]?.lower === lower && boundaryMarks.has(tokens[firstIndex - 1]!.value)) return
      // "They were silent, silent, and", "judge, judge:": a word the lexicon knows as a content word, echoed inside a
      // sentence, is rhetoric as often as an echo; a function word ("from, from,") or a name ("in March, March,") is not.
      if (!/[.!?]/.test(between[0]!.value) && !isCapitalized(first.value) && !isFunctionWord(lower)) return
      const after = tokens[secondIndex + 1]
      const echoEnd = after === undefined ? second.end : boundaryMarks.has(after.value) ? after.end : -1
      if (echoEnd === -1) return
      // "replace Alexander Acosta. Acosta, who resigned": a capitalised word after a full stop and before a comma opens the next sentence with the name.
      // The first copy must be capitalised inside its sentence: "a few days. Days, ..." stays an echo.
      if (/[.!?]/.test(between[0]!.value) && isCapitalized(first.value) && midSentence(tokens, firstIndex) && after?.value === ',' && tokens[secondIndex + 2] !== undefined) return
      // "What's the good word, Norm? Norm: Plop, plop": in a transcript or a script a capitalised word and a colon after a
      // sentence end name the next speaker (or head an entry); an echo does not take a colon.
      if (/[.!?]/.test(between[0]!.value) && isCapitalized(second.value) && after?.value === ':') return
      if (followedBySameWord(tokens, secondIndex, lower)) return
      const closing = after ? after.value : ''
      report({
        start: first.start,
        end: echoEnd,
        message: `Unexpected echo of \`${first.value}\` after \`${between[0]!.value}\`, expected the word once`,
        expected: [first.value + closing],
        safe: true
      })
    }
  }
)

/** The same word written the same way, or capitalised only as a sentence's first word ("The the"). */
function sameWord(first: string, second: string): boolean {
  return first === second || first === second.charAt(0).toUpperCase() + second.slice(1)
}

/** Whether a line break of any form stands between two tokens ("Who am I\nI'm a poet"): a fix there joins two lines. */
function lineBreakBetween(text: string, first: Token, second: Token): boolean {
  return lineBreak.test(text.slice(first.end, second.start))
}

/** Subject pronouns a contraction joins a verb to ("he's", "it's", "I'm"): written again before it, the pronoun is an echo. */
const contractionSubjects = new Set(['i', 'he', 'she', 'we', 'they', 'it', 'you'])
/** The verbs a contraction glues to a pronoun: 's, 're, 'll, 'd, 've, 'm (either apostrophe). */
const contractedVerbs = new Set(["'s", "'re", "'ll", "'d", "'ve", "'m"])

/**
 * "It it's not clear", "he he's ready", "I I'm sure": a subject pronoun, then the same pronoun with a contracted verb
 * (one token to the parser, so no "W W" double). "told you you're late" (the object, then the subject) and "gave it
 * it's own name" (the object, then a misspelt "its") are no echo: after a verb or a preposition, "you" and "it" are
 * the object of what stands before them.
 */
function contractionEcho(tokens: Token[], firstIndex: number, second: Token): boolean {
  const first = tokens[firstIndex]!
  if (!contractionSubjects.has(first.lower) || !second.lower.startsWith(first.lower)) return false
  if (!contractedVerbs.has(second.lower.slice(first.lower.length).replace('’', "'"))) return false
  const previous = tokens[firstIndex - 1]
  if ((first.lower === 'you' || first.lower === 'it') && previous?.kind === 'word') return !lexiconTags(previous.lower).some((tag) => /^(?:VB|IN|TO)/.test(tag))
  return true
}

/** Whether "W W" (no mark between) is English rather than an echo. */
function isEnglishDouble(tokens: Token[], firstIndex: number, second: Token): boolean {
  const first = tokens[firstIndex]!
  const lower = first.lower
  const previous = tokens[firstIndex - 1]
  const next = tokens[firstIndex + 2]
  const nextWord = next?.kind === 'word' ? next : undefined
  // "Duran Duran Duran Duran": a listed name written twice is one echo of the whole name, phrase-echo's finding (its fix
  // keeps the name); read here as word pairs it would give overlapping findings that each leave three words.
  if (doubledNames.has(first.value) && runLength(tokens, firstIndex) === 4 && runTokens(tokens, firstIndex).every((token) => token.value === first.value)) return true
  // A third time in a row ("Cypriot Cypriot Cypriot", "Football Football Football") is no name and no tense.
  const tripled = nextWord?.lower === lower
  if (legitimateDoubles.has(lower + ' ' + second.lower)) return (!tripled || runningDoubles.has(lower + ' ' + second.lower)) && !doubledByMistake(lower, nextWord, tokens[firstIndex + 3])
  if (reduplicatives.has(lower + ' ' + second.lower)) return true
  if (intensifiers.has(lower)) return true
  // "Bang Bang", "Mai Mai": a double that is all a quotation holds is a title, a name or a chant, not an echo.
  if (fillsQuotation(tokens, firstIndex)) return true
  // "hey hey hey", "oh oh": an interjection is repeated on purpose, however often (no MT finding on one in training or dev).
  if (lexiconTags(lower)[0] === 'UH') return true
  // "Well well, look who is here", "No no, that is not it", "Come come, ...": an interjection or an imperative doubled
  // at the very start of a sentence or quotation and closed by a comma is said twice on purpose. In training, dev,
  // MLQE-PE and the clean set a capitalised word doubled there before a comma is only ever a name ("Fang Fang,").
  if (next?.value === ',' && startsClause(tokens, firstIndex) && (lexiconTags(lower).includes('UH') || lexiconTags(lower)[0] === 'VB')) return true
  // "French French or Canadian French?", "a date date?": a word doubled to contrast its plain sense with another.
  if (nextWord?.lower === 'or' || next?.value === '?') return true
  if (isCapitalized(first.value)) {
    if (!isCapitalized(second.value)) {
      // "Georg and Are are informed", "Will will": a capital inside a sentence is a name, the lower-case word another word.
      if (previous?.kind === 'word') return true
      // "May may attend": a name the lexicon knows first as a name when capitalised, before a word that is no noun
      // (a modal or a verb); "Judge judge", "We we agreed" stay errors.
      // "Rose rose from her seat": the same holds before a word the lexicon reads first as a verb.
      const lowerTags = lexiconTags(lower)
      // "Will will be there by noon": a statement does not open with a modal, so a capitalised modal the lexicon also
      // knows as a name (Will, Can, May) before the same modal is that name; "Could could be" is no name, and in a
      // question ("Will will the talks resume?") or before its subject, an inversion with or without a question mark
      // ("Should should we fail, ...", a headline's "Can can the euro survive"), it is the modal written twice.
      if (lowerTags[0] === 'MD') return lexiconTags(first.value).includes('NNP') && !isQuestion(tokens, firstIndex) && !opensSubject(nextWord)
      if (lexiconTags(first.value)[0] === 'NNP' && (!lowerTags.some((tag) => tag.startsWith('NN') && tag !== 'NNP') || /^(?:VB|MD)/.test(lowerTags[0] ?? ''))) return true
      // "Rupicapra rupicapra": a binomial whose genus and species are one word the lexicon does not know in either case;
      // a word it knows capitalised ("Both both", "Half half": Brill's lexicon lacks some lower-case function words) or
      // a number word ("Three three months") is no genus.
      return lexiconTags(lower).length === 0 && lexiconTags(first.value).length === 0 && !numberWord.test(lower)
    }

    if (tripled) return false
    const capitalized = (token: Token | undefined) => token?.kind === 'word' && isCapitalized(token.value)
    // "the ILO ILO sets": an acronym written twice, unless the text around it is in capitals too ("YELLED AT AT HOME").
    if (isAllCaps(first.value)) return isAllCaps(previous?.kind === 'word' ? previous.value : '') || isAllCaps(nextWord?.value ?? '')
    // "Walla Walla", "Bora Bora": a listed name; "Fang Fang", "Dee Dee": a Chinese syllable or a short nickname;
    // "Boutros Boutros-Ghali": the second word starts a hyphenated name. Other names written twice are echoes ("Nike Nike").
    // A listed name that doubles a function word ("the band The The") is that name only inside a sentence: at its start
    // "The The ministry said" is the article written twice, capitalised as the first word.
    if (doubledNames.has(first.value) && !(startsClause(tokens, firstIndex) && isFunctionWord(lower))) return true
    if (isChineseSyllable(first.value) || next?.value === '-') return true
    // "the Mitta Mitta River", "the town of Grong Grong": a short root the lexicon does not know at all, doubled where a
    // place name stands, and nowhere in the paragraph once or three times ("Yankee Hati ... the Hati Hati Hill" is an
    // echo); a romanized Chinese name doubled there ("the Huangpu Huangpu River") or a longer name ("the Yangtze Yangtze
    // River", "the Carpathian Carpathian Mountains") is MT's echo, not a reduplicated name.
    if (reduplicableRoot.test(first.value) && lexiconTags(lower).length === 0 && lexiconTags(first.value).length === 0 && !pinyinWord.test(lower) && namesPlace(tokens, firstIndex) && !writtenOtherwise(tokens, firstIndex)) return true
    if (!lexiconTags(lower).some((tag) => !tag.startsWith('NNP'))) return first.value.length <= 3
    // Inside a name, with capitals on both sides, an ordinary word may be doubled ("Sir Run Run Shaw").
    return capitalized(previous) && capitalized(next)
  }

  if (previous?.kind !== 'word') return false
  if (homographPair(previous, lower, nextWord)) return true
  if (objectPossessives.has(lower)) return true
  // "told you you would": the object of the verb, then the subject of the clause.
  if (objectSubjects.has(lower)) return lexiconTags(previous.lower).some((tag) => tag.startsWith('VB'))
  if (particleVerbs.get(lower)?.has(previous.lower)) return true
  return afterFreeRelative(tokens, firstIndex)
}

/** The first and last index of the run of the word at `index` written again and again with nothing between ("na na na na"). */
/** Each paragraph's runs, found once: walking a run from each of its words ("the the the ..." a thousand times) is quadratic. */
const runsOf = new WeakMap<Token[], {from: Int32Array; to: Int32Array}>()

function runBounds(tokens: Token[], index: number): [number, number] {
  let runs = runsOf.get(tokens)
  if (!runs) {
    const from = new Int32Array(tokens.length)
    const to = new Int32Array(tokens.length)
    for (let at = 0; at < tokens.length; at++) from[at] = at > 0 && tokens[at - 1]!.lower === tokens[at]!.lower ? from[at - 1]! : at
    for (let at = tokens.length - 1; at >= 0; at--) to[at] = at < tokens.length - 1 && tokens[at + 1]!.lower === tokens[at]!.lower ? to[at + 1]! : at
    runs = {from, to}
    runsOf.set(tokens, runs)
  }
  return [runs.from[index]!, runs.to[index]!]
}

function runTokens(tokens: Token[], index: number): Token[] {
  const [from, to] = runBounds(tokens, index)
  return tokens.slice(from, to + 1)
}

function runLength(tokens: Token[], index: number): number {
  const [from, to] = runBounds(tokens, index)
  return to - from + 1
}

/**
 * Whether the run of one word through `index` ("la la la") is all a quotation holds: marks glued to its ends (not a
 * closing and an opening mark around it: `"the president" was was "not fun"`), and no function word (`lift "all all"
 * sanctions` is the word written twice).
 */
function fillsQuotation(tokens: Token[], index: number): boolean {
  const word = tokens[index]!
  const tag = lexiconTags(word.lower)[0]
  if (!isCapitalized(word.value) && tag !== undefined && !/^(?:NN|JJ|UH|FW)/.test(tag)) return false
  const [from, to] = runBounds(tokens, index)
  const before = tokens[from - 1]
  const after = tokens[to + 1]
  const isQuoteMark = (token: Token | undefined): token is Token => token !== undefined && token.kind !== 'word' && /^["“”‘’']$/.test(token.value)
  return isQuoteMark(before) && isQuoteMark(after) && before.end === tokens[from]!.start && after.start === tokens[to]!.end
}

/**
 * The root a reduplicated place name doubles: one or two short syllables of plain letters, five at most, as every such
 * place in data/english-doubles.json and the audit suite has (Wagga, Walla, Mitta, Grong, Gol, Woy, Kurri, Bora, Pago);
 * half of the names unknown to the lexicon that MT writes before a place head are longer (Yangtze, Carpathian, Nicobar).
 */
const reduplicableRoot = /^[A-Z][a-z]{1,4}$/

/** Capitalised heads of place names ("the Mitta Mitta River") and the nouns of "the town of ..." before one. */
const placeHeads = new Set(['River', 'Creek', 'Lake', 'Island', 'Islands', 'Valley', 'Bay', 'Beach', 'Hill', 'Hills', 'Mountain', 'Mountains', 'Range', 'Falls', 'Springs', 'Reef', 'Atoll', 'Harbour', 'Harbor', 'Shire', 'Station', 'Airport'])
const placeNouns = new Set(['town', 'city', 'village', 'suburb', 'island', 'islands', 'atoll', 'region', 'district', 'county', 'shire', 'port', 'municipality'])

/** Whether the double at `index` stands where a place name does: before a place head, or after "the town of". */
function namesPlace(tokens: Token[], index: number): boolean {
  const after = tokens[index + 2]
  if (after?.kind === 'word' && placeHeads.has(after.value)) return true
  return tokens[index - 1]?.lower === 'of' && placeNouns.has(tokens[index - 2]?.lower ?? '')
}

/** Whether the paragraph writes the word at `index` once somewhere, or three times here: then the double is an echo. */
function writtenOtherwise(tokens: Token[], index: number): boolean {
  if (runLength(tokens, index) > 2) return true
  const lower = tokens[index]!.lower
  return tokens.some((token, at) => token.lower === lower && tokens[at - 1]?.lower !== lower && tokens[at + 1]?.lower !== lower)
}

/** Whether the sentence of the token at `index` asks a question (a `?` before its end). */
function isQuestion(tokens: Token[], index: number): boolean {
  const sentence = tokens[index]!.sentence
  for (let next = index + 1; next < tokens.length && tokens[next]!.sentence === sentence; next++) if (tokens[next]!.value.includes('?')) return true
  return false
}

/** Cardinal number words, which Brill's lexicon does not carry. */
const numberWord = /^(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion)s?$/

/** Whether a word opens a subject: a pronoun, a determiner or `there` ("we", "the", "their", "there"), never a bare verb. */
function opensSubject(token: Token | undefined): boolean {
  if (!token) return false
  const tag = lexiconTags(token.lower)[0] ?? lexiconTags(token.value)[0]
  return token.lower === 'that' || tag === 'PRP' || tag === 'PRP$' || tag === 'DT' || tag === 'EX'
}

/** A pinyin syllable that is no English word but perhaps a noun ("Fang", "Qiao"; not "He", "We", "Man", "Long"). */
function isChineseSyllable(value: string): boolean {
  return pinyinSyllable.test(value) && lexiconTags(value.toLowerCase()).every((tag) => tag === 'NN' || tag.startsWith('NNP'))
}

/** Determiners before a noun, for a noun followed by the verb or modal spelt the same. */
const nounDeterminers = new Set(['the', 'a', 'an', 'his', 'her', 'its', 'our', 'their', 'my', 'your', 'this', 'that'])
const subjectPronouns = new Set(['i', 'you', 'we', 'they'])
const beForms = new Set(['am', 'is', 'are', 'was', 'were', 'be', 'been', 'being'])

/**
 * A noun, then the verb or modal spelt the same ("His will will be read",
 * "the police police the streets"), or a modal, then the verb spelt the same
 * ("we can can the peaches"): the lexicon knows the word as both, and what
 * stands around the pair shows the two readings.
 */
function homographPair(previous: Token, lower: string, next: Token | undefined): boolean {
  // "This is is the biggest protest": a form of "be" is no noun, whatever tags the lexicon carries for it (NNS for "is").
  if (beForms.has(lower)) return false
  const tags = lexiconTags(lower)
  const objectFollows = next !== undefined && (nounDeterminers.has(next.lower) || next.lower === 'be')
  if (nounDeterminers.has(previous.lower)) return tags.some((tag) => tag.startsWith('NN')) && tags.some((tag) => tag === 'MD' || tag.startsWith('VB')) && objectFollows
  return subjectPronouns.has(previous.lower) && tags[0] === 'MD' && tags.includes('VB') && objectFollows && next.lower !== 'be'
}

function isAllCaps(value: string): boolean {
  return value.length > 1 && value === value.toUpperCase() && value !== value.toLowerCase()
}

/**
 * "had had" before a past participle ("had had left the city") is the
 * auxiliary written twice, as "that that" before an article or a subject
 * pronoun ("said that that the plan") is the conjunction written twice;
 * before a noun phrase both are English ("had had losses", "had had mixed
 * results", "that that decision"). "there there" before a verb ("there
 * there are nations") is the expletive written twice.
 */
function doubledByMistake(lower: string, next: Token | undefined, after: Token | undefined): boolean {
  if (!next) return false
  if (lower === 'had') {
    const participle = /^VB[ND]$/.test(lexiconTags(next.lower)[0] ?? '')
    return participle && !(after?.kind === 'word' && /^NNS?$/.test(lexiconTags(after.lower)[0] ?? ''))
  }

  // "there there are nations": the expletive twice before its verb; "There there, she said" consoles.
  if (lower === 'there') return /^(?:VB|MD)/.test(lexiconTags(next.lower.replace(/n['’]t$/, ''))[0] ?? '')
  return lower === 'that' && ['the', 'a', 'an', 'he', 'she', 'they', 'we', 'i'].includes(next.lower)
}

/**
 * "What she did did help": a free relative opened within the five words
 * before, with no mark in between; with `headed`, a relative "who" too
 * ("Those who can, can").
 */
function afterFreeRelative(tokens: Token[], index: number, headed = false): boolean {
  for (let back = index - 1; back >= 0 && back >= index - 5; back--) {
    const token = tokens[back]!
    if (token.kind !== 'word') return false
    if (freeRelatives.has(token.lower) || (headed && token.lower === 'who')) return lexiconTags(tokens[index]!.lower).some((tag) => tag.startsWith('VB') || tag === 'MD')
  }

  return false
}

/**
 * "Walk, walk, fashion, baby.": a word doubled at the very start of a
 * sentence or quotation is rhetoric; an MT echo trails a finished clause.
 */
function startsClause(tokens: Token[], wordIndex: number): boolean {
  const token = tokens[wordIndex - 1]
  return token === undefined || (token.kind !== 'word' && /^[“"‘'(\[—–-]$|[.!?:]$/.test(token.value))
}

/** Closed-class tags: prepositions, determiners, conjunctions, pronouns, modals, `to`, `there`. */
const functionTags = new Set(['IN', 'DT', 'CC', 'TO', 'MD', 'PRP', 'PRP$', 'WDT', 'WP', 'WP$', 'WRB', 'EX', 'PDT', 'RP'])

function isFunctionWord(lower: string): boolean {
  const tags = lexiconTags(lower)
  return tags.length > 0 && functionTags.has(tags[0]!)
}

/** "Go, go, go!": a third occurrence makes the repetition deliberate. */
function followedBySameWord(tokens: Token[], index: number, lower: string): boolean {
  for (let next = index + 1; next < tokens.length; next++) {
    const token = tokens[next]!
    if (token.kind === 'word') return token.lower === lower
  }

  return false
}

/** Whether the token at `index` follows a word or a mark inside its sentence (not a sentence end, not the text's start). */
function midSentence(tokens: Token[], index: number): boolean {
  const before = tokens[index - 1]
  return before !== undefined && !/^[.!?]$/.test(before.value)
}
