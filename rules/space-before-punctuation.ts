/**
 * Whitespace before , . ; : ? ! inside a line ("a united response , fast",
 * "Ukraine” ."): machine translation re-joins tokens with a space before the
 * mark, or carries over French spacing.
 */
import {oneLineBreak} from '../src/engine/lines.js'
import {defineRule} from '../src/engine/rule.js'

/** Spaces (not tabs, which align columns, nor line breaks) and the mark after them: the scan. */
// Anchored at the run's first space: a long run of spaces before no mark is tried once, not from each of its spaces (quadratic).
const spacedMark = /(?<![ \u00a0\u202f])[ \u00a0\u202f]+[,.;:?!]/gu

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
 * and " ;-)" (emoticons), " ?id=", "!important". U+FFFC is masked markup
 * (an HTML `</p>`), which ends the prose as the end of the text does.
 */
const followers: Record<string, RegExp> = {
  ',': /^(?:$|[^\p{N}])/u, // " ,5" is a number written oddly, not a stray space
  '.': /^(?:$|\s|\uFFFC|[”"’')\]])/u,
  ';': /^(?:$|\s|\uFFFC|[”"’'])/u,
  ':': /^(?:$|\s|\uFFFC|[”"’'])/u,
  '?': /^(?:$|\s|\uFFFC|[”"’')\]?!])/u,
  '!': /^(?:$|\s|\uFFFC|[”"’')\]?!])/u
}

/**
 * A stray space before a sentence end is followed by the end of the text, a
 * closing mark, or a new sentence; a full stop, question or exclamation mark
 * followed by a lower-case word or a bracket, on its line or the next (a
 * break of any form), is named as a symbol ("use ! to override", "the .
 * (dot)"). Commas are exempt: "response , fast".
 */
const symbolFollows = new RegExp(`^[ \\t\\u00a0]*(?:${oneLineBreak.source})?[ \\t]*(?:\\p{Ll}|\\()`, 'u')
/**
 * A semicolon or colon goes on with a lower-case word in prose ("power ;
 * crews worked", "the pike : they wanted"), so only a bracket after it, or a
 * word before it that names a symbol ("a : command", "type ; to end"), makes
 * it a symbol.
 */
const bracketFollows = new RegExp(`^[ \\t\\u00a0]*(?:${oneLineBreak.source})?[ \\t]*\\(`, 'u')
const namesSymbol = /^(?:a|an|the|use|using|type|typing|press|enter|add|insert|with|or|and)$/iu

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
          findings: [
            {range: '1:68-1:78', actual: 'response ,', message: 'Unexpected space before `,` in `response ,`, expected `response,`', severity: 'minor', fix: 'response,', safe: true}
          ],
          fixed: 'Russia decides to continue aggression against Ukraine, to a united response, fast and severe”.'
        },
        {
          text: 'Kirby said the exercise is “not designed against any of the types of scenarios that might arise with respect to Ukraine” .',
          findings: [
            {range: '1:120-1:123', actual: '” .', message: 'Unexpected space before `.` in `” .`, expected `”.`', severity: 'minor', fix: '”.', safe: true}
          ],
          fixed: 'Kirby said the exercise is “not designed against any of the types of scenarios that might arise with respect to Ukraine”.'
        },
        {
          text: 'However , according to NASA , the first images of the planet were taken in September.',
          findings: [
            {range: '1:1-1:10', actual: 'However ,', message: 'Unexpected space before `,` in `However ,`, expected `However,`', severity: 'minor', fix: 'However,', safe: true},
            {range: '1:24-1:30', actual: 'NASA ,', message: 'Unexpected space before `,` in `NASA ,`, expected `NASA,`', severity: 'minor', fix: 'NASA,', safe: true}
          ],
          fixed: 'However, according to NASA , the first images of the planet were taken in September.'
        },
        {
          text: 'The delegation included representatives and bloggers, etc ,they visited Macau last week.',
          findings: [
            {range: '1:55-1:60', actual: 'etc ,', message: 'Unexpected space before `,` in `etc ,`, expected `etc,` and a space after it', severity: 'minor', fix: 'etc, ', safe: true}
          ],
          fixed: 'The delegation included representatives and bloggers, etc, they visited Macau last week.'
        },
        {
          text: 'The National Health Commission set the risk level at Level 2 . Schools remain open.',
          findings: [
            {range: '1:60-1:63', actual: '2 .', message: 'Unexpected space before `.` in `2 .`, expected `2.`', severity: 'minor', fix: '2.', safe: true}
          ],
          fixed: 'The National Health Commission set the risk level at Level 2. Schools remain open.'
        },
        {
          text: 'The Tunaado destroyed almost the entire town of Greensburg ; nine people died and sixty-three were injured.',
          findings: [
            {range: '1:49-1:61', actual: 'Greensburg ;', message: 'Unexpected space before `;` in `Greensburg ;`, expected `Greensburg;`', severity: 'minor', fix: 'Greensburg;', safe: true}
          ],
          fixed: 'The Tunaado destroyed almost the entire town of Greensburg; nine people died and sixty-three were injured.'
        },
        {
          text: 'They threatened the pike : they wanted to drown the pike in the lake.',
          findings: [
            {range: '1:21-1:27', actual: 'pike :', message: 'Unexpected space before `:` in `pike :`, expected `pike:`', severity: 'minor', fix: 'pike:', safe: true}
          ],
          fixed: 'They threatened the pike: they wanted to drown the pike in the lake.'
        },
        {
          text: 'Who will pay for the new bridge ?',
          findings: [
            {range: '1:26-1:34', actual: 'bridge ?', message: 'Unexpected space before `?` in `bridge ?`, expected `bridge?`', severity: 'minor', fix: 'bridge?', safe: true}
          ],
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
        {text: 'The error message said to use ! to override the lock.', why: 'a mark named as a symbol, followed by a lower-case word'},
        {text: 'In the editor, press : to enter a command and type ; to end it.', why: 'a colon or semicolon named as a symbol after a word that names it'}
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
      const following = text.slice(end, end + 8)
      if (mark === ';' || mark === ':' ? bracketFollows.test(following) || (namesSymbol.test(before) && symbolFollows.test(following)) : mark !== ',' && symbolFollows.test(following)) continue
      if (mark === ':' && /\p{N}$/u.test(before) && ratioAfter.test(rest)) continue
      // "etc ,they": removing the space must not glue the next word on.
      const gap = mark === ',' && /^\p{L}/u.test(rest) ? ' ' : ''
      report({
        start,
        end,
        message: `Unexpected space before \`${mark}\` in \`${whole}\`, expected \`${before + mark}\`${gap ? ' and a space after it' : ''}`,
        expected: [before + mark + gap],
        safe: true
      })
    }
  }
)
