/**
 * A phrase written twice within a few words: "at least a few days at least",
 * "in order to in order to", "For the first time, the team won the title for
 * the first time." Machine translation leaves these when it moves a phrase
 * and keeps its first place too, and when it re-segments text it echoes a
 * sentence's last words after the full stop, in lower case ("will resume
 * next week. next week, the delegations"). repeated-word handles single words; this
 * rule needs two or more words, not all function words, so that "in the
 * morning and in the evening" stays quiet. English repeats a phrase on purpose
 * in parallel phrases ("clerk for the township party committee, clerk for the
 * county party committee"), when a noun is named again under another head ("the
 * area of the field changes the shape of the field") and when a noun phrase
 * ends one clause and opens the next ("in the fire, the fire detected at 7 am"),
 * in list items that share a phrase the sentence names a third time ("theories
 * of big data, big data education, big data visualization"), in a series
 * whose link comes again ("from village to village to count") and in a free
 * relative whose verb phrase the main clause repeats ("whatever is understood
 * is understood"); measured on human references and post-edits
 * (measure/pseudo-clean.ts), those shapes stay quiet, and so does a
 * tautology, the same words on both sides of "be" ("too long is too long",
 * "good enough is never good enough"; measured on the fortunes). A name written twice
 * back to back ("the Yangtze River Yangtze River") is reported, but its fix is
 * not safe: names are where English doubles on purpose.
 */
import {defineRule} from '../src/engine/rule.js'
import {lineBreak} from '../src/engine/lines.js'
import {maskCharacter} from '../src/engine/mask.js'
import {insideQuotation} from '../src/engine/quotes.js'
import {isVerbTag, sentencesOf, tagsOf} from '../src/engine/pos.js'
import {isCapitalized, paragraphTokens, type Token} from '../src/engine/tokens.js'

/** The longest and shortest phrase looked for, and how many words may stand between its two copies. */
const longest = 4
const shortest = 2
const maxGap = 6

/** Function words: a phrase made only of these ("in the", "of a") repeats in ordinary prose. */
const functionWords = new Set(
  (
    'a an the of to in on at for by with from into onto about as and or nor but so if than then that this these those ' +
    'it its he his him she her they their them we our us i my me you your is are was were be been being has have had ' +
    'do does did will would can could may might shall should must not no there here which who whom whose what when where'
  ).split(' ')
)

/**
 * Words between the copies that make the repetition deliberate: coordination
 * and contrast ("the first time in years, and the first time since"), ranges
 * ("from 3 per cent to 2 per cent"), series ("step by step", "a cover-up of a
 * cover-up"), and a new clause that may name the thing again ("the rescue
 * team said that the rescue ...", a free relative: "to face what we all have
 * to face", "Words can never express what words can never express").
 */
const deliberateLinks = new Set(
  (
    'and or nor but than versus vs by after to from upon over as then plus not of ' +
    'when because that which who while where since although though until before once whereas whether if so ' +
    'what whatever whoever wherever whenever'
  ).split(' ')
)

/** Words that join two phrases: an echo of "benevolence and" is a coordination problem, not a moved phrase. */
const coordinators = new Set(['and', 'or', 'nor', 'but'])

const rateWords = new Set(['a', 'an', 'per'])

/** Pronouns that open a free or headed relative clause whose verb phrase the main clause may repeat ("Whoever wins wins"). */
const freeRelatives = new Set(['what', 'whatever', 'whoever', 'whichever', 'whomever', 'who'])

/** Pronouns that open a relative clause after its head noun ("a pathname whose parent directory is ignored"). */
const headedRelatives = new Set(['whose', 'which', 'who', 'whom'])

/** Subject pronouns a free relative's clause may open with ("What he said he said in anger"). */
const subjectPronouns = new Set(['i', 'you', 'he', 'she', 'we', 'they', 'it'])

/** Links of a series said with one word twice: "from village to village", "step by step", "day after day", "time upon time". */
const seriesLinks = new Set(['to', 'by', 'after', 'upon'])

/** Forms of "be" that join the two sides of a tautology ("too long is too long"), and the adverbs that may stand beside them ("is never"). */
const copulas = new Set(['is', 'was', 'are', 'were', 'be', 'am'])
const copulaAdverbs = new Set(['never', 'not', 'always', 'still'])

/** Determiners: a noun phrase ("the world") is named again in ordinary prose; a moved phrase is adverbial ("at least"). */
const determiners = new Set(['the', 'a', 'an', 'this', 'that', 'these', 'those', 'his', 'her', 'its', 'their', 'our', 'my', 'your'])

/**
 * A line break, then a bullet (`-`, `*`, `•`, ...) or a number or letter label (`1.`, `2)`, `(b)`) and a space: a list
 * item begins. In Markdown and HTML the parser masks the marker (`maskCharacter`); an escaped one (`\-`) keeps its backslash.
 */
const listItemStart = new RegExp(`${lineBreak.source}[ \\t]*(?:[${maskCharacter}\\\\]?(?:[-+*•▪◦‣·–—]|\\(?(?:\\d{1,3}|[a-zA-Z])[${maskCharacter}\\\\]?[.)])|${maskCharacter}+)[ \\t]`)
/** The end of a list item: the next item starts on the next line. */
const listItemEnd = new RegExp('^[ \\t]*' + listItemStart.source)

const isNumber = (token: Token | undefined): boolean => token !== undefined && /^\d/.test(token.value)

/** Prepositions that end a phrase before a comma: "the construction of the project, the project department ...". */
const prepositions = new Set('of in on at for by with from into onto about to under over through during after before against within among between'.split(' '))

/** Tags of a word that modifies the noun after it: "international arrivals", "the county party committee", "4 MB floppy disks". */
const modifierTags = new Set(['JJ', 'JJR', 'JJS', 'NN', 'NNS', 'NNP', 'NNPS', 'CD', 'DT', 'PRP$', 'POS', 'VBN', 'VBG'])

export default defineRule(
  {
    id: 'phrase-echo',
    category: 'redundancy',
    severity: 'minor',
    description:
      'A phrase of two or more words written twice within a few words ("at least a few days at least"), as machine translation leaves it when it moves a phrase and keeps its first place too.',
    examples: {
      bad: [
        {
          text: 'Any invasion would be delayed for at least a few days at least, officials said.',
          findings: [
            {range: '1:35-1:63', actual: 'at least a few days at least', message: 'Unexpected second `at least`, expected `at least` once', severity: 'minor', fix: 'at least a few days', safe: false}
          ],
          fixed: 'Any invasion would be delayed for at least a few days, officials said.'
        },
        {
          text: 'The ministry said it had acted in order to in order to protect the border.',
          findings: [
            {range: '1:32-1:55', actual: 'in order to in order to', message: 'Unexpected second `in order to`, expected `in order to` once', severity: 'minor', fix: 'in order to', safe: true}
          ],
          fixed: 'The ministry said it had acted in order to protect the border.'
        },
        {
          text: 'For the first time, the team won the title for the first time.',
          findings: [
            {range: '1:1-1:62', actual: 'For the first time, the team won the title for the first time', message: 'Unexpected second `for the first time`, expected `For the first time` once', severity: 'minor', fix: 'For the first time, the team won the title', safe: false}
          ],
          fixed: 'For the first time, the team won the title.'
        },
        {
          text: 'The Sutong GIL tunnel project is a UHV AC loop project crossing the Yangtze River Yangtze River.',
          findings: [
            {range: '1:69-1:96', actual: 'Yangtze River Yangtze River', message: 'Unexpected second `Yangtze River`, expected `Yangtze River` once', severity: 'minor', fix: 'Yangtze River', safe: false}
          ],
          fixed: 'The Sutong GIL tunnel project is a UHV AC loop project crossing the Yangtze River.'
        },
        {
          text: 'According to the report, the report of the agency states that enrichment went on.',
          findings: [
            {range: '1:14-1:36', actual: 'the report, the report', message: 'Unexpected second `the report`, expected `the report` once', severity: 'minor', fix: 'the report', safe: false}
          ],
          fixed: 'According to the report of the agency states that enrichment went on.'
        },
        {
          text: 'The Cozia Monastery Cozia monastery was founded by Mircea cel Bătrân.',
          findings: [
            {range: '1:5-1:36', actual: 'Cozia Monastery Cozia monastery', message: 'Unexpected second `Cozia monastery`, expected `Cozia Monastery` once', severity: 'minor', fix: 'Cozia Monastery', safe: false}
          ],
          fixed: 'The Cozia Monastery was founded by Mircea cel Bătrân.'
        },
        {
          text: 'The risk level is Level 2, Level 2, which is Level 2, with a two-level risk level.',
          findings: [
            {range: '1:19-1:35', actual: 'Level 2, Level 2', message: 'Unexpected second `Level 2`, expected `Level 2` once', severity: 'minor', fix: 'Level 2', safe: false}
          ],
          fixed: 'The risk level is Level 2, which is Level 2, with a two-level risk level.'
        },
        {
          text: 'Coconut oil is made from the production of coconut oil, coconut oil and coconut oil for oil production.',
          findings: [
            {range: '1:44-1:68', actual: 'coconut oil, coconut oil', message: 'Unexpected second `coconut oil`, expected `coconut oil` once', severity: 'minor', fix: 'coconut oil', safe: false}
          ],
          fixed: 'Coconut oil is made from the production of coconut oil and coconut oil for oil production.'
        },
        {
          text: 'The two sides agreed to meet again within a few weeks. within a few weeks, both delegations will return to Geneva.',
          findings: [
            {range: '1:36-1:74', actual: 'within a few weeks. within a few weeks', message: 'Unexpected second `within a few weeks`, expected `within a few weeks` once', severity: 'minor', fix: 'within a few weeks', safe: false}
          ],
          fixed: 'The two sides agreed to meet again within a few weeks, both delegations will return to Geneva.'
        },
        {
          text: 'Hundreds of flights were cancelled across northern Europe. across northern Europe.',
          findings: [
            {range: '1:36-1:82', actual: 'across northern Europe. across northern Europe', message: 'Unexpected second `across northern Europe`, expected `across northern Europe` once', severity: 'minor', fix: 'across northern Europe', safe: false}
          ],
          fixed: 'Hundreds of flights were cancelled across northern Europe.'
        },
        {
          text: 'Key points:\n- The talks were delayed for at least a few days at least\n- Both sides will meet again in Geneva',
          findings: [
            {range: '2:30-2:58', actual: 'at least a few days at least', message: 'Unexpected second `at least`, expected `at least` once', severity: 'minor', fix: 'at least a few days', safe: false}
          ],
          fixed: 'Key points:\n- The talks were delayed for at least a few days\n- Both sides will meet again in Geneva'
        }
      ],
      good: [
        {text: 'Prices rose in the morning and in the evening.', why: 'only function words repeat'},
        {text: 'Banned in the city centre:\n- Smoking in public places\n- Walking dogs in public places', why: 'list items written alike: a line that opens a list item starts a new item'},
        {text: 'Requirements:\n1. Experience with data visualisation\n2. Experience with data', why: 'numbered list items that start with the same words'},
        {text: 'The Los Angeles Lakers beat the Los Angeles Clippers on Sunday.', why: 'a name repeated in two names'},
        {text: 'It was the first time in years, and the first time since the war.', why: 'parallel phrases joined by “and”'},
        {text: 'Frank Sinatra closed the show with “New York, New York” to a standing ovation.', why: 'a name said twice across a comma is a title or a call, not an echo'},
        {text: 'Growth slowed from 3 per cent to 2 per cent last year.', why: 'quantities in a range'},
        {text: 'Talks went on step by step, and week after week.', why: 'deliberate series'},
        {text: 'At least 10 people died. At least 20 were injured.', why: 'two sentences'},
        {text: 'The two sides agreed to meet again next week. Next week, both delegations will also visit Geneva.', why: 'a capital after the full stop opens a new sentence that names the phrase again'},
        {
          text: '“I wish I could trade places with you son, I wish I could trade places with you,” the victim’s father said.',
          why: 'a repeated clause after a comma is rhetoric'
        },
        {text: 'Gounder worked 100 hours a week for seven days a week.', why: 'a rate said of two numbers'},
        {text: '“Slow down, slow down!” the instructor shouted at the driver.', why: 'a phrase said twice that is all a quotation holds is speech'},
        {text: 'The children sang “la la la la, la la la la” until the bus arrived.', why: 'one word said again and again in quotation marks is a chant'},
        {text: 'China has one of the best schools in the world, attracting students all around the world.', why: 'a noun phrase named again'},
        {
          text: 'He began work in 1967 and served as clerk for the township party committee, clerk for the county party committee, and mayor.',
          why: 'parallel phrases: a comma between the copies, and the first copy ends its phrase'
        },
        {
          text: 'Floors one to four are international arrivals, domestic arrivals, domestic departures and international departures.',
          why: 'list items that share words: the repeated words span two items and the copy stops inside the next one'
        },
        {text: 'Some brands have moved away from paper tea bags toward plastic tea bags.', why: 'the same noun after a different modifier each time'},
        {text: 'The area of the field changes the shape of the field, a change the detector perceives.', why: 'a phrase that opens with “of” completes another noun each time'},
        {
          text: 'During the construction of the project, the project department filed more than 130 national patents.',
          why: 'a noun phrase ends one clause and starts the next'
        },
        {text: 'No one was injured in the fire, the fire detected at 7 am local time was put out at 8.45.', why: 'a noun phrase ends one clause and is the subject of the next'},
        {
          text: 'The sub-forums focused on the exchanges and discussions about the basic theories of big data, big data education, big data visualization, big data finance and technology.',
          why: 'list items that share a phrase: the copy modifies the next word and the sentence names the phrase a third time'
        },
        {text: 'Allegedly, a boy was sent from village to village to count, and the resulting figure was 30 000 people.', why: 'a series (“village to village”) whose link word comes again to open what follows'},
        {text: 'But whatever is understood is understood under the universal logos.', why: 'a free relative whose verb phrase the main clause repeats'},
        {text: 'What he said he said in anger, his lawyer told the court.', why: 'a free relative whose subject and verb the main clause repeats'},
        {text: 'A pathname whose parent directory is ignored is ignored as well.', why: 'a headed relative that ends with the verb phrase its main clause repeats'},
        {text: 'We stayed at the New York, New York hotel on the Strip.', why: 'a name said twice across a comma is a title or a name'},
        {text: 'Sometimes, too long is too long.', why: 'a tautology: the same words on both sides of "is" (fortunes, Joe Crowe)'},
        {text: "Steckel's Rule to Success: Good enough is never good enough.", why: 'a tautology with an adverb beside "is" (fortunes)'},
        {text: 'A rose is a rose is a rose.', why: 'a tautology said again: the echo "a rose is" ends with "is" (Gertrude Stein, quoted in the fortunes)'},
        {text: 'It takes a special kind of courage to face what we all have to face.', why: 'a free relative opened by "what" names the verb phrase again (fortunes)'}
      ]
    }
  },
  ({tree, text, report}) => {
    for (const {words} of paragraphTokens(tree, text)) {
      let index = 0
      while (index < words.length) {
        const echo = recurs(words, index) ? echoAt(words, index) : undefined
        if (!echo) {
          index++
          continue
        }

        const {length, second} = echo
        const first = words[index]!
        const firstEnd = words[second - 1]!.end
        const last = words[second + length - 1]!
        const between = text.slice(words[index + length - 1]!.end, words[second]!.start)
        const phrase = text.slice(first.start, words[index + length - 1]!.end)
        report({
          start: first.start,
          end: last.end,
          message: `Unexpected second \`${text.slice(words[second]!.start, last.end)}\`, expected \`${phrase}\` once`,
          expected: [text.slice(first.start, firstEnd)],
          // Back to back ("in order to in order to") the fix is certain; with words between, an editor picks the copy to keep.
          // A name written twice ("the Yangtze River Yangtze River", "the New York New York hotel") is MT's echo in every
          // case measured, but names are where English doubles on purpose (Walla Walla, Duran Duran, the Las Vegas hotel
          // New York-New York), so an editor confirms the fix.
          safe: between.trim() === '' && !isName(words.slice(index, index + length))
        })
        index = second + length
      }
    }

    /** Cheap pre-check (most words): do the two words at `index` come again close enough to start an echo? */
    function recurs(words: Token[], index: number): boolean {
      const word = words[index]!.lower
      const following = words[index + 1]?.lower
      const last = Math.min(words.length - shortest, index + longest + maxGap)
      for (let next = index + shortest; next <= last; next++) if (words[next]!.lower === word && words[next + 1]!.lower === following) return true
      return false
    }

    /** The longest phrase starting at `index` that is echoed within `maxGap` words of one sentence, if any. */
    function echoAt(words: Token[], index: number): {length: number; second: number} | undefined {
      for (let length = longest; length >= shortest; length--) {
        const phrase = words.slice(index, index + length)
        if (phrase.length < length) continue
        if (phrase.every((word) => functionWords.has(word.lower))) continue
        if (phrase.some((word) => coordinators.has(word.lower))) continue
        // "Na na na na, hey hey hey" in quotation marks: one word said again and again is a chant (MT's runs are never quoted).
        if (phrase.every((word) => word.lower === phrase[0]!.lower) && insideQuotation(tree, text, phrase[0]!.start, phrase[length - 1]!.end)) continue
        // "a week", "per cent": a rate or count, said again of another number ("100 hours a week for seven days a week").
        if (length === 2 && rateWords.has(phrase[0]!.lower)) continue
        const key = spanOf(phrase).toLowerCase()
        for (let second = index + length; second <= index + length + maxGap && second + length <= words.length; second++) {
          if (words[second]!.value.length !== phrase[0]!.value.length) continue
          const copy = words.slice(second, second + length)
          if (spanOf(copy).toLowerCase() !== key) continue
          if (copy[length - 1]!.sentence !== phrase[0]!.sentence) break
          // The same word before both copies: the echo starts earlier, and is judged from there.
          const before = words[index - 1]
          if (before && before.lower === words[second - 1]!.lower && second - 1 > index) break
          if (deliberate(words, index, length, second)) break
          return {length, second}
        }
      }

      return undefined
    }

    /** Every word capitalised or a function word: a name ("Los Angeles", "the Yangtze River"), or a title. */
    function isName(phrase: Token[]): boolean {
      return phrase.every((word) => isCapitalized(word.value) || functionWords.has(word.lower))
    }

    /**
     * Whether the sentence names `phrase` (the words at `index`) again apart from the two copies at `index` and `second`
     * (one word at least between), and nowhere right beside them: "the basic theories of big data, big data education,
     * big data visualization": a phrase three lists items share is their common modifier or head, not an echo. A copy
     * right beside the pair ("one, one, one") makes it a run, which is reported.
     */
    function namedApart(words: Token[], index: number, length: number, second: number): boolean {
      const sentence = words[index]!.sentence
      const same = (at: number) => {
        if (at < 0 || at + length > words.length || words[at + length - 1]!.sentence !== sentence || words[at]!.sentence !== sentence) return false
        for (let offset = 0; offset < length; offset++) if (words[at + offset]!.lower !== words[index + offset]!.lower) return false
        return !/[^\s\p{L}\p{N}'’-]/u.test(spanOf(words.slice(at, at + length)))
      }
      if (same(index - length) || same(second + length)) return false
      for (let at = index - length - 1; at >= 0 && words[at]!.sentence === sentence; at--) if (same(at)) return true
      for (let at = second + length + 1; at + length <= words.length && words[at]!.sentence === sentence; at++) if (same(at)) return true
      return false
    }

    /** The text of consecutive words, with what stands between them ("websites, and" is not "websites and"). */
    function spanOf(phrase: Token[]): string {
      return text.slice(phrase[0]!.start, phrase[phrase.length - 1]!.end)
    }

    /** The part-of-speech tag of a word (tagged only for the rare candidate echo). */
    function tagOf(word: Token | undefined): string | undefined {
      if (!word) return undefined
      const sentence = sentencesOf(tree, text).find((sentence) => sentence.start <= word.start && word.end <= sentence.end)
      return sentence ? tagsOf(sentence, text).find((tagged) => tagged.start === word.start)?.tag : undefined
    }

    /** Does the word at `index` open its sentence or a clause (nothing before it in the sentence but a comma, colon, ...)? */
    function opensClause(words: Token[], index: number): boolean {
      const before = words[index - 1]
      if (!before || before.sentence !== words[index]!.sentence) return true
      return /[,;:(]/.test(text.slice(before.end, words[index]!.start))
    }

    /** Does a relative pronoun and its subject ("whose parent directory") stand just before the word at `index`? */
    function headedRelativeBefore(words: Token[], index: number): boolean {
      for (let back = index - 1; back >= Math.max(1, index - 5); back--) {
        const word = words[back]!
        const gap = text.slice(word.end, words[back + 1]!.start)
        if (word.sentence !== words[index]!.sentence || /[^\s\p{L}\p{N}'’-]/u.test(gap)) return false
        // The words between are the relative's subject ("whose parent directory"), no verb: after "which he founded" the
        // verb phrase said twice belongs to the main clause.
        if (headedRelatives.has(word.lower)) return back < index - 1 && words[back - 1]!.sentence === word.sentence && words.slice(back + 1, index).every((between) => !isVerbTag(tagOf(between) ?? ''))
      }
      return false
    }

    function fillsQuotation(start: number, end: number): boolean {
      return /["“‘]$/u.test(text.slice(Math.max(0, start - 1), start)) && /^[,.!?]?["”’]/u.test(text.slice(end, end + 2))
    }

    /**
     * Whether a copy after a full stop, a question or an exclamation mark is an echo: it starts in lower case (a capital
     * opens a new sentence that may name the phrase again: "next week. Next week, ...") and ends at a mark or its
     * paragraph's end, as a torn-off piece does ("a few days. a few days."; "the U.S. the U.S. government" goes on). A
     * dot after a single letter or inside the word before it ends an initial or an abbreviation, not a sentence.
     */
    function boundaryEcho(phrase: Token[], copy: Token[], next: Token | undefined): boolean {
      const last = phrase[phrase.length - 1]!
      if (!/^\p{Ll}/u.test(copy[0]!.value) || last.value.length === 1 || last.value.includes('.')) return false
      return next === undefined || /^[.,;:!?]/.test(text.slice(copy[copy.length - 1]!.end, next.start))
    }

    function deliberate(words: Token[], index: number, length: number, second: number): boolean {
      const phrase = words.slice(index, index + length)
      const copy = words.slice(second, second + length)
      // Names ("Los Angeles ... Los Angeles"), and quantities ("3 per cent ... 2 per cent").
      const between = text.slice(phrase[length - 1]!.end, copy[0]!.start)
      // Back to back with only a space between ("the Yangtze River Yangtze River", "New York Times New York Times") a
      // name written twice is an echo.
      if (isName(phrase) && isName(copy) && !(second === index + length && /^\s+$/.test(between))) return true
      if (isNumber(words[index - 1]) && isNumber(words[second - 1])) return true
      const gap = words.slice(index + length, second)
      if (gap.some((word) => deliberateLinks.has(word.lower))) return true
      // "Too long is too long", "Good enough is never good enough", "A rose is a rose is a rose": a tautology says the
      // same words on both sides of "be", with nothing but spaces between (a moved phrase needs no verb to join its copies).
      if (/^[\s\p{L}'’]+$/u.test(between) && (gap.length > 0 ? gap.length <= 2 && gap.some((word) => copulas.has(word.lower)) && gap.every((word) => copulas.has(word.lower) || copulaAdverbs.has(word.lower)) : copulas.has(phrase[length - 1]!.lower))) return true
      // "will resume next week. next week, the delegations": a sentence's last words said again by a next one that
      // starts in lower case, the echo a re-segmenting translation leaves ("a few days. days." is repeated-word's).
      if (gap.length === 0 && /^[.!?][ \t]+$/.test(between)) return !boundaryEcho(phrase, copy, words[second + length])
      // Only spaces and commas may stand between the copies: other marks start a new clause or a quotation.
      // "Banned:\n- Smoking in public places\n- Walking dogs in public places": a line that opens a list item starts a
      // new item, and items of one list are written alike on purpose.
      if (listItemStart.test(between)) return true
      if (/[^\s,\p{L}\p{N}'’-]/u.test(between)) return true
      const next = words[second + length]
      const continues = next !== undefined && next.sentence === copy[0]!.sentence && /^\s+$/.test(text.slice(copy[length - 1]!.end, next.start))
      // "international arrival, domestic arrival, domestic departure": a phrase that spans two items of a list, and whose
      // copy stops inside the next item, is the list's shared words, not the list written twice.
      if (/[,;]/.test(spanOf(phrase)) && continues) return true
      if (gap.length === 0) {
        // "sent from village to village to count", "from time to time to prepare": a word, a link and the word again is a
        // series ("village to village", "day by day"), and the link after it opens what follows; three times ("hand in
        // hand in hand") is a run.
        if (length === 2 && seriesLinks.has(phrase[1]!.lower) && !functionWords.has(phrase[0]!.lower) && /^\s+$/.test(between) && next?.lower !== phrase[0]!.lower) return true
        // "whatever is understood is understood under the logos", "Whoever has been on horseback has been on horseback",
        // "He who is not good is not good for himself": a free relative whose verb phrase the main clause says again (a
        // tautology or a proverb, each with the repetition in its source) is no moved phrase; the fix would leave no main verb.
        const opener = words[index - 1]
        // "What he said he said in anger": the same with the relative's own subject pronoun before its verb.
        const relativeVerb = subjectPronouns.has(phrase[0]!.lower) && length >= 2 ? phrase[1] : phrase[0]
        if (/^\s+$/.test(between) && opener?.sentence === phrase[0]!.sentence && freeRelatives.has(opener.lower) && isVerbTag(tagOf(relativeVerb) ?? '')) return true
        // "A pathname whose parent directory is ignored is ignored as well": a headed relative ends with the verb phrase
        // its main clause then says of the head.
        if (/^\s+$/.test(between) && isVerbTag(tagOf(phrase[0]) ?? '') && headedRelativeBefore(words, index)) return true
        // "the basic theories of big data, big data education, big data visualization": list items that share a phrase,
        // the copy modifying the next word and the sentence naming the phrase a third time; "Level 2, Level 2, which is
        // Level 2" (the copy ends its item), "coconut oil, coconut oil and coconut oil" (the copy is a whole item before
        // "and") and "intelligent investment, intelligent investment research" (named twice) stay reported.
        if (/^,\s*$/.test(between) && continues && !coordinators.has(next!.lower) && !/[^\s\p{L}\p{N}'’-]/u.test(spanOf(phrase)) && namedApart(words, index, length, second)) return true
        // "During the construction of the project, the project department ...", "In the fire, the fire detected at 7 am
        // was put out": a noun phrase ends one clause and starts the next as its subject or a modifier.
        if (determiners.has(phrase[0]!.lower) && /^,\s*$/.test(between) && continues && !prepositions.has(next!.lower)) {
          if (prepositions.has(words[index - 1]?.lower ?? '') || isVerbTag(tagOf(next) ?? '')) return true
        }
        // "“Come on, come on,” she urged": a phrase said twice and nothing else in a quotation is speech (no MT finding on one).
        return fillsQuotation(phrase[0]!.start, copy[length - 1]!.end)
      }
      // "the area of the field changes the shape of the field": a phrase that opens with "of" completes another noun each
      // time (a moved phrase is adverbial: "at least", "for the first time").
      if (phrase[0]!.lower === 'of') return true
      // "clerk for the township party committee, clerk for the county party committee", "is 0, it is 0": a comma between
      // the copies, and the first copy ends a phrase rather than opening the clause, is parallelism (a list written twice,
      // "behavior, housekeeping, catering ... behavior, housekeeping, catering", is not).
      if (/,/.test(between) && !opensClause(words, index) && !/,/.test(spanOf(phrase))) return true
      // "from paper tea bags toward plastic tea bags", "the floppy disks are called 4 MB floppy disks": each copy is the
      // head of its own noun phrase, after its own modifier (four words are more than a noun and its modifiers).
      if (length < longest && !functionWords.has(phrase[0]!.lower) && modifierTags.has(tagOf(words[index - 1]) ?? '') && modifierTags.has(tagOf(words[second - 1]) ?? '')) return true
      if (determiners.has(phrase[0]!.lower)) return true
      // A copy that opens a clause after a comma is anaphora or a list ("I won an Emmy, I won an Oscar").
      if (/,\s*$/.test(between)) return true
      // A moved phrase is left at the end of its clause ("a few days at least,", or the end of a list item); a copy that
      // goes on is a new mention.
      const after = text.slice(copy[length - 1]!.end, copy[length - 1]!.end + 3)
      if (listItemEnd.test(text.slice(copy[length - 1]!.end, copy[length - 1]!.end + 12))) return false
      return !/^(?:\s*[.,;:!?)”"’]|\s*$)/.test(after)
    }
  }
)
