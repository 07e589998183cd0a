/**
 * No space after a sentence mark, a comma or a colon between two words, or
 * before the opening quotation mark of the next ("the statement.The
 * ministry", "Crimea,which", "survivors:two children", "he said.“The"):
 * machine translation and copy from CJK sources, which put no space after
 * punctuation, glue the words together. Names, numbers, abbreviations, web
 * addresses and code keep their marks ("Node.js", "U.S.", "3,500",
 * "www.who.int", "System.IO", "10:30", "John 3:16", "mailto:news"). Labels
 * and bylines write a colon unspaced before a capital ("[Source:Xinhua]",
 * "Photo:AFP", "Re:Budget"), which raters leave unmarked: a colon counts only
 * between two lower-case words.
 */
import {defineRule} from '../src/engine/rule.js'

/**
 * The scan starts at the mark, the rare character, with a letter right after
 * it (a regular expression that starts with the word would be tried at every
 * letter of the text). Then, by hand: a word of two or more letters before
 * the mark, and after it a capitalised word (sentence marks: a lower-case one
 * is a name or an address, "Booking.com") or any word of two letters or more.
 */
const markBeforeLetter = /[.!?,;:](?=[“‘]?\p{L})/gu
const sentenceNext = /^\p{Lu}\p{Ll}\p{L}*/u
const clauseNext = /^\p{L}{2,}/u
/** After a colon, a whole lower-case word: one that goes on in capitals is an identifier ("connect:bodyParser"). */
const colonNext = /^\p{Ll}{2,}(?!\p{L})/u
/** A curly opening quotation mark glued to the mark before it ("said.“The"); a straight one may be the closer of the sentence before. */
const openingQuote = /^[“‘]/u
/** The word before a colon: lower case, and no address scheme ("mailto:", "javascript:"). */
const colonBefore = /^\p{Ll}+$/u
const scheme = /^(?:https?|ftp|file|mailto|javascript|data|urn|tel|sms|news|about|magnet)$/u
/** The word before the mark (words are short: 64 characters hold any), and what may not stand before it. */
const wordBefore = /(?<![\p{L}\p{N}.@/_\\-])\p{L}{2,}$/u

/** A figure before the mark ("in 2019.Since then", "ended 2-2.Fans", "rose 5%,while"): not part of a decimal, a version or an address. */
const figureBefore = /(?<![\p{L}\p{N}.,@/_\\:$€£¥-])\p{N}+(?:[-–]\p{N}+)?%?$/u
/** After a figure the next word must be plainly a word: a sentence mark needs a capital and two lower-case letters ("1.5.Final" stays alone). */
const figureSentenceNext = /^\p{Lu}\p{Ll}{2,}/u
const figureClauseNext = /^\p{Ll}{2,}/u

/** What stands right after the second word and shows an identifier or an address ("System.IO.File", "Math.Max(", "a,b,c"). */
const identifierAfter = /^[.,;:@/_\\(\p{N}-]/u

/**
 * A top-level domain that is no English word, capitalised as part of a
 * site's name ("Kasparov.Ru", "Lenta.Ru", "Mail.Ru", "Sina.Com"): the name of
 * a site, not a sentence run into the next ("In", "It", "To" are left out).
 */
const domainAfter = /^(?:com|net|org|ru|ua|kz|uk|cn|fr|pl|info|biz|io|tv|fm|su|gov|edu|eu)$/iu

/** Capitals only ("ASP.NET", "AP.Reuters") or a short title ("St.Hanshaugen", "Mr.Smith"): an abbreviation, not a sentence end. */
const abbreviation = /^(?:\p{Lu}+|\p{Lu}\p{Ll}{1,2})$/u

export default defineRule(
  {
    id: 'missing-space',
    category: 'spacing',
    severity: 'minor',
    description: 'No space after a full stop, question or exclamation mark, comma, semicolon or colon between two words, or before the opening quotation mark of the next.',
    examples: {
      bad: [
        {
          text: 'Li Keqiang met the delegation on Tuesday.The two sides signed three agreements.',
          findings: [
            {range: '1:34-1:45', actual: 'Tuesday.The', message: 'Unexpected `Tuesday.The` with no space after `.`, expected `Tuesday. The`', severity: 'minor', fix: 'Tuesday. The', safe: true}
          ],
          fixed: 'Li Keqiang met the delegation on Tuesday. The two sides signed three agreements.'
        },
        {
          text: 'The delegation included representatives of trade and media to Macau,in addition to working meetings.',
          findings: [
            {range: '1:63-1:71', actual: 'Macau,in', message: 'Unexpected `Macau,in` with no space after `,`, expected `Macau, in`', severity: 'minor', fix: 'Macau, in', safe: true}
          ],
          fixed: 'The delegation included representatives of trade and media to Macau, in addition to working meetings.'
        },
        {
          text: 'The committee approved the bill;the full senate will vote on it next week.',
          findings: [
            {range: '1:28-1:36', actual: 'bill;the', message: 'Unexpected `bill;the` with no space after `;`, expected `bill; the`', severity: 'minor', fix: 'bill; the', safe: true}
          ],
          fixed: 'The committee approved the bill; the full senate will vote on it next week.'
        },
        {
          text: 'The talks ended in Moscow.Russia will host the next round.',
          findings: [
            {range: '1:20-1:33', actual: 'Moscow.Russia', message: 'Unexpected `Moscow.Russia` with no space after `.`, expected `Moscow. Russia`', severity: 'minor', fix: 'Moscow. Russia', safe: true}
          ],
          fixed: 'The talks ended in Moscow. Russia will host the next round.'
        },
        {
          text: 'The ministry blamed the flooding on two causes:heavy rain and blocked drains.',
          findings: [
            {range: '1:41-1:53', actual: 'causes:heavy', message: 'Unexpected `causes:heavy` with no space after `:`, expected `causes: heavy`', severity: 'minor', fix: 'causes: heavy', safe: false}
          ],
          fixed: 'The ministry blamed the flooding on two causes: heavy rain and blocked drains.'
        },
        {
          text: 'Officials confirmed the figures on Monday.“This is only the beginning,” one analyst warned.',
          findings: [
            {range: '1:36-1:48', actual: 'Monday.“This', message: 'Unexpected `Monday.“This` with no space after `.`, expected `Monday. “This`', severity: 'minor', fix: 'Monday. “This', safe: true}
          ],
          fixed: 'Officials confirmed the figures on Monday. “This is only the beginning,” one analyst warned.'
        },
        {
          text: 'The spokesman told reporters,‘We have nothing to add.’',
          findings: [
            {range: '1:20-1:33', actual: 'reporters,‘We', message: 'Unexpected `reporters,‘We` with no space after `,`, expected `reporters, ‘We`', severity: 'minor', fix: 'reporters, ‘We', safe: true}
          ],
          fixed: 'The spokesman told reporters, ‘We have nothing to add.’'
        },
        {
          text: 'The company reported a loss.Net income fell 5 percent in the quarter.',
          findings: [
            {range: '1:24-1:32', actual: 'loss.Net', message: 'Unexpected `loss.Net` with no space after `.`, expected `loss. Net`', severity: 'minor', fix: 'loss. Net', safe: true}
          ],
          fixed: 'The company reported a loss. Net income fell 5 percent in the quarter.'
        },
        {
          text: 'Will the central bank raise rates again?Most analysts say it will wait.',
          findings: [
            {range: '1:35-1:45', actual: 'again?Most', message: 'Unexpected `again?Most` with no space after `?`, expected `again? Most`', severity: 'minor', fix: 'again? Most', safe: true}
          ],
          fixed: 'Will the central bank raise rates again? Most analysts say it will wait.'
        }
      ],
      good: [
        {text: 'U.S. officials said the talks would resume in Geneva on Monday.', why: 'an abbreviation written with full stops'},
        {text: 'Inflation slowed to 3.5 percent, and the army said 1,200 troops had crossed.', why: 'numbers keep their marks'},
        {text: 'More details are available at www.who.int and on Booking.com.', why: 'web addresses and names with a full stop'},
        {text: 'The developers rewrote the service in Node.js and ASP.NET last year.', why: 'product names'},
        {text: 'Kasparov.Ru published the text of our joint memorandum with Andrei Illarionov.', why: 'a site named by its address, the domain capitalised (MLQE-PE ru-en post-edit)'},
        {text: 'The error came from System.IO.File in the old code.', why: 'a dotted identifier'},
        {text: 'The novel was written by J.R.R. Tolkien and published in 1954.', why: 'initials'},
        {text: 'Foreign residents were most commonly found in Frogner, Gamle Oslo and St.Hanshaugen.', why: 'a short abbreviation before a name: a spacing choice, not a sentence run into the next'},
        {text: 'Floodwater covers a street in Valencia on Wednesday. Photo:AFP', why: 'a label or byline with a colon, written unspaced by many desks'},
        {text: 'He paused...then said the decision had already been made.', why: 'an ellipsis'},
        {text: 'Use the keys x,y and z to move the cursor.', why: 'single letters are a list of symbols'},
        {text: 'Here are the four approaches they use. 2.Rest when you need to.', why: 'a number that opens a sentence labels a list item'},
        {text: 'The session opens at 10:30, voters backed the plan 3:1 and the pastor read John 3:16.', why: 'times, ratios and verse references keep their colons'},
        {text: 'Forwarded message, subject Re:budget, sent to mailto:press@example.org and javascript:void(0) links.', why: 'a capitalised label before a colon, and address schemes'},
        {text: 'Suppose for example your library has debuggers named "connect:bodyParser", "connect:compress", "connect:session".', why: 'quoted names with a colon, one in camel case'}
      ]
    }
  },
  ({text, report}) => {
    for (const match of text.matchAll(markBeforeLetter)) {
      const at = match.index
      const mark = match[0]
      const opener = openingQuote.exec(text.charAt(at + 1))?.[0] ?? ''
      const next = mark === '.' || mark === '!' || mark === '?' ? sentenceNext : mark === ':' && !opener ? colonNext : clauseNext
      const word = next.exec(text.slice(at + 1 + opener.length, at + 65))?.[0]
      if (!word) continue
      const after = opener + word
      const window = text.slice(Math.max(0, at - 64), at)
      const figure = figureBefore.exec(window)?.[0]
      // A figure after a word of its sentence ("in 2019.Since"); one that opens a sentence or a line numbers a list ("2.Rest when you need to").
      const inSentence = figure !== undefined && /[\p{L},] +$/u.test(window.slice(0, window.length - figure.length))
      const before = wordBefore.exec(window)?.[0] ?? (inSentence && mark !== ':' && (mark === ',' ? figureClauseNext : figureSentenceNext).test(word) ? figure : undefined)
      // A word that fills the whole look-back may go on further back: not judged.
      if (!before || (at > 64 && before.length === window.length)) continue
      const end = at + 1 + after.length
      if (identifierAfter.test(text.charAt(end))) continue
      // A domain only after a capitalised name ("Kasparov.Ru"): "loss.Net income", "late.Info about" are run-on sentences.
      if (mark === '.' && (abbreviation.test(before) || (domainAfter.test(word) && /^\p{Lu}/u.test(before)))) continue
      const start = at - before.length
      if (mark === ':' && (!colonBefore.test(before) || scheme.test(before) || quotedName(text, start, end))) continue
      const whole = text.slice(start, end)
      const fixed = before + mark + ' ' + after
      report({
        start,
        end,
        message: `Unexpected \`${whole}\` with no space after \`${mark}\`, expected \`${fixed}\``,
        expected: [fixed],
        // Two lower-case words around a colon may be a technical name ("xml:lang", "re:invent"): the fix is offered, never written unasked.
        safe: mark !== ':'
      })
    }
  }
)

/** Whether a quotation mark or backtick encloses the two words and their colon alone: a name ("connect:compress", `xml:lang`). */
function quotedName(text: string, start: number, end: number): boolean {
  return /["“'‘`]/u.test(text.charAt(start - 1)) && /["”'’`]/u.test(text.charAt(end))
}
