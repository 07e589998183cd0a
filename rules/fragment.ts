/**
 * A sentence with no finite verb in the middle of a paragraph: the piece of a
 * sentence machine translation tears off when it re-segments ("... the
 * secretary said. Pentagon press officer, John Kirby."). Headings, titles,
 * datelines, bylines, contributor lines, captions and list items stand alone
 * or open their paragraph, so only a short sentence that follows another
 * sentence of the same paragraph is a candidate; a byline (`By` and a name)
 * is none wherever it stands, and neither is an afterthought opened by a
 * focusing adverb ("Especially an oral interview.").
 */
import {defineRule} from '../src/engine/rule.js'
import {isVerbTag, sentencesOf, tagsOf, type SentenceView} from '../src/engine/pos.js'
import {lexiconTags} from '../src/engine/pos-taggers.js'

/** Longest candidate, in words: a torn-off piece is short, and tagging long sentences would cost for nothing. */
const maxWords = 10

/** Tags that make a piece a clause (or an answer, a greeting): not a fragment. */
const clauseTags = new Set(['PRP', 'WP', 'WDT', 'UH', 'EX'])

/**
 * Words that start deliberate verbless sentences in news prose: answers,
 * asides and transitions ("Not so.", "No wonder.", "Hence the delay.").
 */
const verblessOpeners = new Set([
  'also', 'and', 'but', 'hence', 'hardly', 'here', 'never', 'no', 'not', 'now', 'nor', 'of', 'oh', 'or', 'perhaps',
  'probably', 'so', 'still', 'such', 'thanks', 'then', 'there', 'too', 'why', 'yes', 'yet', 'maybe', 'again', 'hardly',
  'only', 'just', 'almost', 'certainly', 'exactly', 'indeed', 'well', 'what', 'how', 'sadly', 'luckily', 'fortunately',
  'unfortunately', 'alas', 'much', 'more', 'less', 'even', 'far', 'better', 'worse', 'enough', 'same', 'ditto', 'likewise', 'absolutely', 'definitely', 'good', 'great', 'fine',
  // Focusing adverbs, like `even` and `only`: a verbless afterthought that narrows the sentence before ("Especially an oral interview.", "Mainly because of the cost.").
  'especially', 'particularly', 'notably', 'mainly', 'mostly', 'chiefly', 'primarily', 'largely', 'principally', 'specifically'
])

/** "By Yu Ruidong ECNS.": `By` and nothing but capitalised words (a name, an agency) is a byline, wherever the source put it. */
const byline = /^By(?: \p{Lu}[\p{L}.'’-]*)+\.$/u

/** Marks that put a piece in a quotation, a heading or a list, where verbless sentences are normal. */
const excludedMarks = /[“”"‘’'«»:;()[\]•*#|?!…–—-]/

export default defineRule(
  {
    id: 'fragment',
    category: 'fragment',
    severity: 'minor',
    description:
      'A short verbless sentence in the middle of a paragraph, torn off the sentence before it (an attribution, an apposition) as machine translation leaves it when it re-segments text.',
    examples: {
      bad: [
        {
          text: 'The Pentagon said the exercise has been planned since 2020, the secretary said. Pentagon press officer, John Kirby. He said officials considered the timing.',
          findings: [
            {range: '1:81-1:116', actual: 'Pentagon press officer, John Kirby.', message: 'Unexpected verbless sentence `Pentagon press officer, John Kirby.`, expected a clause with a finite verb (or the piece joined to the sentence it belongs to)', severity: 'minor'}
          ]
        },
        {
          text: 'The decision was announced on Tuesday by the ministry. Spokesman for the foreign ministry, Wang Wenbin. The talks will resume next month.',
          findings: [
            {range: '1:56-1:104', actual: 'Spokesman for the foreign ministry, Wang Wenbin.', message: 'Unexpected verbless sentence `Spokesman for the foreign ministry, Wang Wenbin.`, expected a clause with a finite verb (or the piece joined to the sentence it belongs to)', severity: 'minor'}
          ]
        },
        {
          text: 'The spokesperson of the film festival, "Goddess" Hirose Alice, was absent from the press conference and made a video speech. Famous director Yoji Yamada. At the press conference, the chairman of the Tokyo International Film Festival took the stage.',
          findings: [
            {range: '1:126-1:154', actual: 'Famous director Yoji Yamada.', message: 'Unexpected verbless sentence `Famous director Yoji Yamada.`, expected a clause with a finite verb (or the piece joined to the sentence it belongs to)', severity: 'minor'}
          ]
        },
        {
          text: 'The ceasefire will take effect at midnight, the minister told reporters in Ankara. Deputy foreign minister of Turkey, Mehmet Yilmaz.',
          findings: [
            {range: '1:84-1:133', actual: 'Deputy foreign minister of Turkey, Mehmet Yilmaz.', message: 'Unexpected verbless sentence `Deputy foreign minister of Turkey, Mehmet Yilmaz.`, expected a clause with a finite verb (or the piece joined to the sentence it belongs to)', severity: 'minor'}
          ]
        }
      ],
      good: [
        {text: 'GENEVA — Top US and Russian diplomats agreed on Friday to continue talking.', why: 'a dateline opens the paragraph'},
        {text: 'Christi C. Elwood', why: 'a byline stands alone'},
        {
          text: 'Vladimir Isachenkov in Moscow and Lolita C. Baldor in Washington contributed.',
          why: 'a contributor line has a verb'
        },
        {text: '“I can’t say whether we’re on the right track or not,” he said. “Not yet.”', why: 'a verbless answer inside a quotation'},
        {text: 'Was it worth it? Not really. The team lost again on Sunday.', why: 'a deliberate answer to a question'},
        {
          text: 'Ukraine is already in the throes of conflict. Russia seized control of the Crimean peninsula in 2014.',
          why: 'every sentence has a finite verb'
        },
        {text: 'The other two were born in ambulances on the way to hospital. Both were premature babies at 29 weeks.', why: 'a verb the tagger retags after a determiner (`Both were`) still makes a clause'},
        {text: 'Japanese Prime Minister Shinzo Abe: Good evening, everyone. I’m Shinzo Abe.', why: 'a verb contraction makes a clause'},
        {text: 'He called for closer cooperation between China and Africa in the Security Council. First, rely on unity for strength.', why: 'an imperative is a clause'},
        {text: 'The shaft will serve as permanent ventilation for later railway operations. The successful excavation of shaft No. 1 to the bottom marks the start of tunnelling.', why: 'a full stop before a number ends an abbreviation, not a sentence'},
        {
          text: "New Chinese Ambassador to Canada Cong Peiwu Hosts Reception Celebrating the 70th Anniversary of the founding of the People's Republic of China in Ottawa. By Yu Ruidong ECNS. Ottawa, September 26 New Chinese Ambassador to Canada Cong Peiwu hosted a reception.",
          why: 'a byline, `By` and a name, where the source put it (newstest2020 human reference)'
        },
        {
          text: 'On the one hand, I understand that I don’t need to worry too much about this, because I’m preparing, but still very afraid. Especially an oral interview. So, is there any piece of advice?',
          why: 'an afterthought opened by a focusing adverb (MLQE-PE ru-en post-edit)'
        }
      ]
    }
  },
  ({tree, text, report}) => {
    const sentences = sentencesOf(tree, text)
    for (let index = 1; index < sentences.length; index++) {
      const sentence = sentences[index]!
      const previous = sentences[index - 1]!
      if (!isCandidate(sentence, previous, text)) continue
      const tagged = tagsOf(sentence, text)
      if (tagged.some((word) => isVerbTag(word.tag) || clauseTags.has(word.tag))) continue
      if (!tagged.some((word) => word.tag.startsWith('NN'))) continue
      if (tagged.some((word, at) => at > 0 && mayBeVerb(word.value, tagged[at - 1]!.tag))) continue
      if (tagged.some((word) => isUsuallyVerb(word.value))) continue
      report({
        start: sentence.start,
        end: sentence.end,
        message: `Unexpected verbless sentence \`${text.slice(sentence.start, sentence.end)}\`, expected a clause with a finite verb (or the piece joined to the sentence it belongs to)`
      })
    }
  }
)

/**
 * A lower-case word in -s or -ed right after a noun may be the verb the
 * tagger missed ("China claims sovereignty"): then the piece may be a clause.
 */
function mayBeVerb(value: string, previousTag: string): boolean {
  return /^[a-z]+(s|ed)$/.test(value) && !/(ss|us|is)$/.test(value) && (previousTag.startsWith('NN') || previousTag === 'PRP')
}

/**
 * A word the lexicon knows first as a verb (`were`, `are`, `rely`), which the
 * tagger retagged from its neighbours ("Both/DT were/NN"), or a verb
 * contraction (`I'm`, `we've`, `don't`): the piece is a clause, an
 * imperative ("First, rely on unity.") or an introduction ("I'm Shinzo Abe.").
 */
function isUsuallyVerb(value: string): boolean {
  if (/['’](?:m|re|ve|ll|d)$|n['’]t$/i.test(value)) return true
  return value === value.toLowerCase() && /^(?:VB|MD)/.test(lexiconTags(value)[0] ?? '')
}

/** The cheap pre-filter: a short sentence ending in a full stop, following a full sentence of the same paragraph. */
function isCandidate(sentence: SentenceView, previous: SentenceView, text: string): boolean {
  if (sentence.index === 0 || previous.paragraph !== sentence.paragraph) return false
  const words = sentence.words
  if (words.length < 3 || words.length > maxWords) return false
  const body = text.slice(sentence.start, sentence.end)
  if (!body.endsWith('.') || body.endsWith('..')) return false
  // A full stop followed by a digit or a lower-case word ends an abbreviation, not a sentence (`shaft No. 1 to the bottom`).
  // A line break counts as one character whatever its form (CR LF, CR or LF), so a CRLF or CR file reads as its LF copy.
  if (/^\s*[a-z0-9]/.test(text.slice(sentence.end, sentence.end + 8).replace(/\r\n?/g, '\n').slice(0, 4))) return false
  if (excludedMarks.test(body.slice(0, -1).replace(/(\w)['’](\w)/g, '$1$2'))) return false
  const first = words[0]!.value
  if (first.charAt(0) === first.charAt(0).toLowerCase() || verblessOpeners.has(first.toLowerCase()) || byline.test(body)) return false
  // A previous "sentence" that is itself short or cut at an abbreviation ("Rep.", "U.S.") is a mis-split, not a sentence.
  const before = text.slice(previous.start, previous.end)
  if (previous.words.length < 4 || !/[a-z0-9][.]$/.test(before)) return false
  return !/[“”"]/.test(before.slice(-3))
}
