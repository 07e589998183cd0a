/**
 * Whitespace before , . ; : ? ! inside a line ("a united response , fast",
 * "Ukraine” ."): machine translation re-joins tokens with a space before the
 * mark, or carries over French spacing.
 */
import {defineRule} from '../src/engine/rule.js'

/** Spaces (not tabs, which align columns, nor line breaks) and the mark after them: the scan. */
const spacedMark = /[ \u00a0\u202f]+[,.;:?!]/gu

/**
 * What must come before the space: a whole word, or one closing mark (a
 * quote, bracket, percent or degree sign). Other marks before the space
 * ("( , )", "— .") are punctuation talked about or typography; a sentence
 * mark there (". ,") is left to doubled-punctuation.
 */
const wordOrClosingMark = /(?:[\p{L}\p{N}]+|[”"’')\]}%°»])$/u

/**
 * What may follow each mark for the space to be an error; anything else is
 * not prose punctuation: " .45 caliber", " .NET", " ..." (ellipsis), " :)"
 * and " ;-)" (emoticons), " ?id=", "!important".
 */
const followers: Record<string, RegExp> = {
  ',': /^(?:$|[^\p{N}])/u, // " ,5" is a number written oddly, not a stray space
  '.': /^(?:$|\s|[”"’')\]])/u,
  ';': /^(?:$|\s|[”"’'])/u,
  ':': /^(?:$|\s|[”"’'])/u,
  '?': /^(?:$|\s|[”"’')\]?!])/u,
  '!': /^(?:$|\s|[”"’')\]?!])/u
}

/**
 * A stray space before a sentence end or a colon is followed by the end of
 * the text, a closing mark, or a new sentence; a mark followed by a
 * lower-case word or a bracket is named as a symbol ("use ! to override",
 * "the . (dot)", "a : command"). Commas are exempt: "response , fast".
 */
const symbolFollows = /^[ \t\u00a0]*\n?[ \t]*(?:\p{Ll}|\()/u

/** A spaced ellipsis (". . .") or a ratio or score ("3 : 1"). */
const spacedEllipsisAfter = /^[ \u00a0]\./u
const ratioAfter = /^[ \u00a0]\p{N}/u

export default defineRule(
  {
    id: 'space-before-punctuation',
    category: 'spacing',
    severity: 'minor',
    description: 'Whitespace inside a line before a comma, full stop, semicolon, colon, question or exclamation mark.',
    examples: {
      bad: [
        {
          text: 'Russia decides to continue aggression against Ukraine, to a united response , fast and severe”.',
          actual: 'response ,',
          fixed: 'Russia decides to continue aggression against Ukraine, to a united response, fast and severe”.'
        },
        {
          text: 'Kirby said the exercise is “not designed against any of the types of scenarios that might arise with respect to Ukraine” .',
          actual: '” .',
          fixed: 'Kirby said the exercise is “not designed against any of the types of scenarios that might arise with respect to Ukraine”.'
        },
        {
          text: 'However , according to NASA , the first images of the planet were taken in September.',
          actual: 'However ,',
          count: 2,
          fixed: 'However, according to NASA , the first images of the planet were taken in September.'
        },
        {
          text: 'The delegation included representatives and bloggers, etc ,they visited Macau last week.',
          actual: 'etc ,',
          fixed: 'The delegation included representatives and bloggers, etc, they visited Macau last week.'
        },
        {
          text: 'The National Health Commission set the risk level at Level 2 . Schools remain open.',
          actual: '2 .',
          fixed: 'The National Health Commission set the risk level at Level 2. Schools remain open.'
        },
        {
          text: 'Who will pay for the new bridge ?',
          actual: 'bridge ?',
          fixed: 'Who will pay for the new bridge?'
        }
      ],
      good: [
        {text: 'I think I should quit while I’m ahead ... Last time, I ended up in hospital.', why: 'an ellipsis may stand apart from the word before it'},
        {text: 'He said the delay was . . . regrettable.', why: 'a spaced ellipsis'},
        {text: 'Police found a .45 caliber handgun in the car.', why: 'a decimal written with its leading point'},
        {text: 'The company rewrote the app in .NET last year.', why: 'a name that starts with a point'},
        {text: 'The coach texted “see you tomorrow :)” after practice.', why: 'an emoticon'},
        {text: 'The home side won the match 3 : 1 after extra time.', why: 'a score written with spaces'},
        {text: 'Kirby listed the options:\n. a delay\n. a smaller exercise', why: 'marks at the start of a line are bullets'},
        {text: 'Use a comma ( , ) between the two clauses.', why: 'punctuation named inside brackets'},
        {text: 'The error message said to use ! to override the lock.', why: 'a mark named as a symbol, followed by a lower-case word'}
      ]
    }
  },
  ({text, report}) => {
    for (const match of text.matchAll(spacedMark)) {
      const end = match.index + match[0].length
      const mark = match[0].charAt(match[0].length - 1)
      // Words are short; 40 characters hold any word worth flagging.
      const before = wordOrClosingMark.exec(text.slice(Math.max(0, match.index - 40), match.index))?.[0]
      if (!before) continue
      const start = match.index - before.length
      const whole = text.slice(start, end)
      const rest = text.slice(end, end + 2)
      if (!followers[mark]!.test(rest)) continue
      if (mark === '.' && spacedEllipsisAfter.test(rest)) continue
      if (mark !== ',' && symbolFollows.test(text.slice(end, end + 8))) continue
      if (mark === ':' && /\p{N}$/u.test(before) && ratioAfter.test(rest)) continue
      // "etc ,they": removing the space must not glue the next word on.
      const gap = mark === ',' && /^\p{L}/u.test(rest) ? ' ' : ''
      report({
        start,
        end,
        message: `Unexpected space before \`${mark}\` in \`${whole}\`, expected \`${before + mark}\``,
        expected: [before + mark + gap],
        safe: true
      })
    }
  }
)
