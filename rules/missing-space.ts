/**
 * No space after a sentence mark or a comma between two words
 * ("the statement.The ministry", "Crimea,which"): machine translation and
 * copy from CJK sources, which put no space after punctuation, glue the
 * words together. Names, numbers, abbreviations, web addresses and code keep
 * their marks ("Node.js", "U.S.", "3,500", "www.who.int", "System.IO").
 */
import {defineRule} from '../src/engine/rule.js'

/**
 * The scan: a word of two or more letters, a mark, and a word of two or more
 * letters. A sentence mark must be followed by a capitalised word (a lower-
 * case one is a name or an address: "Booking.com", "Yahoo!"s), a comma,
 * semicolon or colon by any word.
 */
const glued = /(?<![\p{L}\p{N}.@/_\\-])(\p{L}{2,})([.!?](?=\p{Lu}\p{Ll})|[,;:](?=\p{L}{2}))(\p{L}+)/gu

/** What stands right after the second word and shows an identifier or an address ("System.IO.File", "Math.Max(", "a,b,c"). */
const identifierAfter = /^[.,;:@/_\\(\p{N}-]/u

/** Capitals only ("ASP.NET", "AP.Reuters") or a short title ("St.Hanshaugen", "Mr.Smith"): an abbreviation, not a sentence end. */
const abbreviation = /^(?:\p{Lu}+|\p{Lu}\p{Ll}{1,2})$/u

export default defineRule(
  {
    id: 'missing-space',
    category: 'spacing',
    severity: 'minor',
    description: 'No space after a full stop, question or exclamation mark, comma, semicolon or colon between two words.',
    examples: {
      bad: [
        {
          text: 'Li Keqiang met the delegation on Tuesday.The two sides signed three agreements.',
          actual: 'Tuesday.The',
          fixed: 'Li Keqiang met the delegation on Tuesday. The two sides signed three agreements.'
        },
        {
          text: 'The delegation included representatives of trade and media to Macau,in addition to working meetings.',
          actual: 'Macau,in',
          fixed: 'The delegation included representatives of trade and media to Macau, in addition to working meetings.'
        },
        {
          text: 'The committee approved the bill;the full senate will vote on it next week.',
          actual: 'bill;the',
          fixed: 'The committee approved the bill; the full senate will vote on it next week.'
        },
        {
          text: 'Will the central bank raise rates again?Most analysts say it will wait.',
          actual: 'again?Most',
          fixed: 'Will the central bank raise rates again? Most analysts say it will wait.'
        }
      ],
      good: [
        {text: 'U.S. officials said the talks would resume in Geneva on Monday.', why: 'an abbreviation written with full stops'},
        {text: 'Inflation slowed to 3.5 percent, and the army said 1,200 troops had crossed.', why: 'numbers keep their marks'},
        {text: 'More details are available at www.who.int and on Booking.com.', why: 'web addresses and names with a full stop'},
        {text: 'The developers rewrote the service in Node.js and ASP.NET last year.', why: 'product names'},
        {text: 'The error came from System.IO.File in the old code.', why: 'a dotted identifier'},
        {text: 'The novel was written by J.R.R. Tolkien and published in 1954.', why: 'initials'},
        {text: 'Foreign residents were most commonly found in Frogner, Gamle Oslo and St.Hanshaugen.', why: 'a short abbreviation before a name: a spacing choice, not a sentence run into the next'},
        {text: 'He paused...then said the decision had already been made.', why: 'an ellipsis'},
        {text: 'Use the keys x,y and z to move the cursor.', why: 'single letters are a list of symbols'}
      ]
    }
  },
  ({text, report}) => {
    for (const match of text.matchAll(glued)) {
      const [whole, before, mark, after] = match as unknown as [string, string, string, string]
      const end = match.index + whole.length
      if (identifierAfter.test(text.charAt(end))) continue
      if (mark === '.' && abbreviation.test(before)) continue
      const fixed = before + mark + ' ' + after
      report({
        start: match.index,
        end,
        message: `Unexpected \`${whole}\` with no space after \`${mark}\`, expected \`${fixed}\``,
        expected: [fixed],
        safe: true
      })
    }
  }
)
