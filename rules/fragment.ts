/**
 * A sentence with no finite verb in the middle of a paragraph: the piece of a
 * sentence machine translation tears off when it re-segments ("... the
 * secretary said. Pentagon press officer, John Kirby."). Headings, titles,
 * datelines, bylines, contributor lines, captions and list items stand alone
 * or open their paragraph, so only a short sentence that follows another
 * sentence of the same paragraph is a candidate; a byline (`By` and a name)
 * is none wherever it stands, and neither is an afterthought opened by a
 * focusing adverb ("Especially an oral interview.") or any adverb ("Truly a
 * timeless statement."), nor a comparison opened by "like" or "unlike"
 * ("Like father, like son."), nor a summary or an example ("In short,
 * commitment to an institution.", "As in memory access, unpredictable."). A verb the tagger missed still makes a clause: a
 * verb reading before "the" or "your" ("Eat the steak.", "Accepted his
 * fate."), a first word known first as a base verb ("Cover with top crust."),
 * one of a series of instructions ("Measure with a micrometer. Mark with
 * chalk. Cut with an axe."), "That's" and "Here's". Verse, where every line
 * starts with a capital, is left alone.
 */
import {defineRule} from '../src/engine/rule.js'
import {isVerbTag, sentencesOf, tagsOf, type SentenceView, type TaggedWord} from '../src/engine/pos.js'
import {lexiconTags} from '../src/engine/pos-taggers.js'
import {lineBreak} from '../src/engine/lines.js'

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
  'especially', 'particularly', 'notably', 'mainly', 'mostly', 'chiefly', 'primarily', 'largely', 'principally', 'specifically',
  // A condition or a reason cut short: "If not, use news.misc.", "Because of his acne."
  'if', 'unless', 'because',
  // A comparison said without its clause: "Like father, like son.", "Like the hunt, but with richer rewards.", "Unlike last year."
  'like', 'unlike'
])

/** Phrases that sum up or name an example, before a verbless remark ("In short, ...", "In other words, ...", "As in ..."). */
const summaryOpener = /^(?:In (?:short|brief|sum|other words|a word)|As in)\b/

/** "By Yu Ruidong ECNS.": `By` and nothing but capitalised words (a name, an agency) is a byline, wherever the source put it. */
const byline = /^By(?: \p{Lu}[\p{L}.'’-]*)+\.$/u

/**
 * Marks that put a piece in a quotation, a heading or a list, where verbless sentences are normal; and the prose view's mask,
 * code, markup or an address standing in the sentence: the code may be the verb or its object ("To change this, use
 * `RejectFailures true`."), so the words around it alone are no piece. An equals sign makes the piece an equation, said
 * without a verb on purpose ("Debra + Ian = Debian.").
 */
const excludedMarks = /[“”"‘’'«»:;()[\]•*#|?!…–—=\uFFFC-]/

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
          text: "The process was intense and stimulating. Cheer up and show Macau's tourist charm. The men's category champion was won by Warren Obejas Cabada.",
          findings: [
            {range: '1:42-1:82', actual: "Cheer up and show Macau's tourist charm.", message: "Unexpected verbless sentence `Cheer up and show Macau's tourist charm.`, expected a clause with a finite verb (or the piece joined to the sentence it belongs to)", severity: 'minor'}
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
        },
        {text: "Ray's Rule of Precision: Measure with a micrometer. Mark with chalk. Cut with an axe.", why: 'a series of instructions: a verb of the lexicon opens the piece, and the sentence after it opens with a verb (fortunes)'},
        {text: 'You can create your own opportunities this week. Blackmail a senior executive.', why: 'a verb reading before a determiner: a noun never runs into "a" or "the", so the piece is an imperative (fortunes)'},
        {text: 'Pour this syrup over Crackers, dot generously with butter or margarine and sprinkle with cinnamon. Cover with top crust. Trim and flute edges together.', why: 'a first word the lexicon knows first as a base verb, before a lower-case word: an imperative (a recipe)'},
        {text: 'I actually had a DREAM about introducing a stupid new bug into xbase-preinst last night. That\'s a Bad Sign.', why: 'a pronoun with a contracted "is" makes a clause'},
        {
          text: 'Also called the silhouette of passage, this phenomenon is the speciality of reckless cowards who are so eager to escape that they exit directly through the wall of a house, leaving a cookie-cutout-perfect hole. The threat of skunks or matrimony often catalyzes this reaction.',
          why: 'an -s word after an adverb, unknown to the lexicon, is the verb the tagger missed (fortunes)'
        },
        {text: 'Almost immediately we are blowing off Alfas, Fiats, and Lancias full of excited Italians. These people love fast cars. But they love sport too.', why: 'a present verb after a plural noun (fortunes)'},
        {text: 'If you are a news admin, or there is one on your machine, try news.admin. If not, use news.misc.', why: 'a condition cut short opens a clause'},
        {
          text: 'Debian keeps a list of its official mirrors. Full list at https://www.debian.org/mirror/list.',
          why: 'an address (or code, in HTML and Markdown) stands in the sentence and may be its verb or object: the words around it are no piece (after the Debian Administrator\'s Handbook, whose HTML reads \'To change this, use <code>RejectFailures true</code>.\')'
        },
        {
          text: 'This name is, in reality, a contraction of two first names: that of Ian Murdock, and his girlfriend at the time, Debra. Debra + Ian = Debian.',
          why: 'an equation is said without a verb (Debian Administrator\'s Handbook)'
        },
        {text: 'No watch parts or anything. Just a great big chunk on your wrist. Truly a timeless statement.', why: 'an aside opened by an adverb (fortunes, advertising copy)'},
        {text: 'Random, n.: As in number, predictable. As in memory access, unpredictable.', why: 'an example named by "as in", then the remark, is a definition’s style (fortunes)'},
        {text: 'An old, established institution, entered into by two people deeply in love and desiring to make a committment to each other expressing that love. In short, committment to an institution.', why: 'a summary opened by "in short" (fortunes, the spelling theirs)'},
        {text: 'I feel it myself. Like the hunt, but with richer rewards.', why: 'a comparison opened by "like" is an elliptical afterthought, not a torn-off piece (fortunes, Star Trek)'},
        {text: 'His son joined the same regiment in 1990. Like father, like son. The family has served for three generations.', why: 'a proverb, a comparison said without its clause'},
        {text: "'Twas midnight on the ocean,\t\tHer children all were orphans,\nNot a streetcar was in sight,\t\tExcept one a tiny tot,\nSo I stepped into a cigar store\t\tWho had a home across the way\nTo ask them for a light.\t\tAbove a vacant lot.", why: 'verse: every line starts with a capital, and a verbless line is the poem’s (fortunes)'}
      ]
    }
  },
  ({tree, text, report}) => {
    const sentences = sentencesOf(tree, text)
    let verse: {paragraph: number; lines: boolean} | undefined
    for (let index = 1; index < sentences.length; index++) {
      const sentence = sentences[index]!
      const previous = sentences[index - 1]!
      if (!isCandidate(sentence, previous, text)) continue
      const tagged = tagsOf(sentence, text)
      if (tagged.some((word) => isVerbTag(word.tag) || clauseTags.has(word.tag))) continue
      if (!tagged.some((word) => word.tag.startsWith('NN'))) continue
      if (tagged.some((word, at) => at > 0 && mayBeVerb(word.value, tagged[at - 1]!.tag))) continue
      if (tagged.some((word) => isUsuallyVerb(word.value)) || opensImperative(tagged)) continue
      if (tagged.some((word, at) => opensObject(tagged, at, text))) continue
      if (inImperativeSeries(sentences, index, tagged, text)) continue
      if (verse?.paragraph !== sentence.paragraph) verse = {paragraph: sentence.paragraph, lines: isVerse(sentences, index, text)}
      if (verse.lines) continue
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
  if (/^[a-z]+(s|ed)$/.test(value) && !/(ss|us|is)$/.test(value) && (previousTag.startsWith('NN') || previousTag === 'PRP')) return true
  // "The threat of skunks or matrimony often catalyzes this reaction.": an -s word after an adverb, one the lexicon
  // reads as a verb or does not know.
  if (previousTag.startsWith('RB') && /^[a-z]+[^s]s$/.test(value) && !/(us|is)$/.test(value)) {
    const tags = lexiconTags(value)
    if (tags.length === 0 || tags.includes('VBZ')) return true
  }
  // "These people love fast cars.": after a plural noun, a word the lexicon reads as a present verb.
  return /^NNP?S$/.test(previousTag) && /^[a-z]+$/.test(value) && lexiconTags(value).includes('VBP')
}

/**
 * "Cover with top crust.", "Trim and flute edges together.": a first word the
 * lexicon knows first as a base verb, before a lower-case word, opens an
 * imperative. Not before a capital ("Sue Gray", "Rob Jones": a name).
 */
function opensImperative(tagged: readonly TaggedWord[]): boolean {
  const second = tagged[1]
  return second !== undefined && /^\p{Ll}/u.test(second.value) && lexiconTags(tagged[0]!.value.toLowerCase())[0] === 'VB'
}

/**
 * "Measure with a micrometer. Mark with chalk. Cut with an axe.": a piece
 * whose first word may be a base verb, before a lower-case word, between
 * sentences of the same paragraph that open with a verb is one of a series of
 * instructions, not a torn-off noun phrase.
 */
function inImperativeSeries(sentences: readonly SentenceView[], index: number, tagged: readonly TaggedWord[], text: string): boolean {
  if (!(tagged.length > 1 && /^\p{Ll}/u.test(tagged[1]!.value) && lexiconTags(tagged[0]!.value.toLowerCase()).includes('VB'))) return false
  return [sentences[index - 1], sentences[index + 1]].some((neighbour) => {
    if (!neighbour || neighbour.paragraph !== sentences[index]!.paragraph) return false
    const words = tagsOf(neighbour, text)
    return words.length > 1 && (words[0]!.tag === 'VB' || opensImperative(words) || opensObject(words, 0, text))
  })
}

/** Determiners and possessives that open a noun phrase: a verb's object ("Eat the steak."), never a noun's continuation. */
const objectOpeners = new Set(['the', 'a', 'an', 'my', 'your', 'his', 'her', 'our', 'their', 'another', 'every'])

/** Particles of phrasal verbs ("Clean up your own mess."). */
const particles = new Set(['up', 'out', 'off', 'down', 'away', 'back'])

/**
 * Whether the word at `at` may be a verb with its object: a word the lexicon
 * reads as a base verb (first as a verb or a noun: `spike`, `blackmail`, `open`),
 * right before a determiner or a possessive, or before a particle and one
 * ("Spike the office water cooler.", "Any further difficulties, open the second
 * envelope.", "Clean up your own mess."). A noun is never followed straight
 * away by "the" or "your" inside a noun phrase, so the piece is an imperative,
 * a clause. Only white space between the words: "Second, the settlement of
 * disputes" is still a piece.
 */
function opensObject(tagged: readonly TaggedWord[], at: number, text: string): boolean {
  const word = tagged[at]!
  let next = at + 1
  const tags = lexiconTags(word.value.toLowerCase())
  // Any verb form: "Accepted his fate.", "Talks the talk." have their subject left out, still a clause.
  if (!tags.some((tag) => /^VB[DPZ]?$/.test(tag))) return false
  if (particles.has(tagged[next]?.value ?? '') && spacedOnly(text, tagged[next - 1]!, tagged[next]!)) next++
  else if (!/^(?:VB|NN$)/.test(tags[0]!)) return false
  const object = tagged[next]
  return object !== undefined && objectOpeners.has(object.value.toLowerCase()) && spacedOnly(text, tagged[next - 1]!, object)
}

/** Whether only white space stands between two words. */
function spacedOnly(text: string, left: TaggedWord, right: TaggedWord): boolean {
  return /^[ \t]+$/.test(text.slice(left.end, right.start))
}

/**
 * Whether the paragraph of sentence `index` is verse or a list: three lines or
 * more, each starting with a capital letter (after quotes or white space),
 * some line not ending a sentence. There a line is a unit of its own, and a
 * verbless line is the poem's ("Above a vacant lot."), not a torn-off piece.
 */
function isVerse(sentences: readonly SentenceView[], index: number, text: string): boolean {
  const paragraph = sentences[index]!.paragraph
  let first = index
  while (first > 0 && sentences[first - 1]!.paragraph === paragraph) first--
  let last = index
  while (last + 1 < sentences.length && sentences[last + 1]!.paragraph === paragraph) last++
  // An attribution line ("-- Isaac Watts") and a refrain mark ("(chorus)") are not verse lines.
  const lines = text.slice(sentences[first]!.start, sentences[last]!.end).split(lineBreak).filter((line) => !/^\s*(?:--|—|\(\p{Ll}+\)|$)/u.test(line))
  if (lines.length < 3) return false
  return lines.every((line) => /^[\s"“‘'(]*\p{Lu}/u.test(line)) && lines.some((line) => !/[.!?]["”’')]*\s*$/.test(line))
}

/**
 * A word the lexicon knows first as a verb (`were`, `are`, `rely`), which the
 * tagger retagged from its neighbours ("Both/DT were/NN"), or a verb
 * contraction (`I'm`, `we've`, `don't`): the piece is a clause, an
 * imperative ("First, rely on unity.") or an introduction ("I'm Shinzo Abe.").
 */
function isUsuallyVerb(value: string): boolean {
  if (/['’](?:m|re|ve|ll|d)$|n['’]t$/i.test(value)) return true
  // "That's a Bad Sign.", "Here's the money.": a pronoun or an adverb with a contracted "is" (not a noun's possessive).
  if (/^(?:that|this|here|there|it|what|who|where|how|he|she|let|everything|everyone|nothing)['’]s$/i.test(value)) return true
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
  // A summary or an example said without its clause: "In short, commitment to an institution.", "As in memory access, unpredictable."
  if (summaryOpener.test(body)) return false
  // An adverb the lexicon reads first as one opens an aside ("Truly a timeless statement.", "Very, very messy business.").
  if (lexiconTags(first.toLowerCase())[0] === 'RB') return false
  // A previous "sentence" that is itself short or cut at an abbreviation ("Rep.", "U.S.") is a mis-split, not a sentence.
  const before = text.slice(previous.start, previous.end)
  if (previous.words.length < 4 || !/[a-z0-9][.]$/.test(before)) return false
  return !/[“”"]/.test(before.slice(-3))
}
