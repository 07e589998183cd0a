/**
 * Spaces a word tokenizer left in machine-translation output: inside
 * brackets ("( 2019 )"), inside contractions and possessives ("is n't",
 * "the government 's"), and before a percent sign ("7.5 %"). MT systems
 * translate tokenized text and do not always put it back together.
 * (Spaced quotation marks are quote-spacing's.)
 */
import {defineRule} from '../src/engine/rule.js'

interface Shape {
  /** What the finding calls the artifact. */
  name: string
  /** Starts with the space or the bracket, so the scan skips ahead to those; what must precede is `after`. */
  pattern: RegExp
  /** The character before the match, when the shape needs one ("is n't": a letter). */
  after?: RegExp
  /** The text without the tokenizer's space. */
  fix: (match: RegExpMatchArray) => string
}

const shapes: Shape[] = [
  {
    // Only text after the space: "( , )" names a mark, ":( " is an emoticon.
    name: 'space after an opening bracket',
    pattern: /([([]) +(?=[\p{L}\p{N}"“‘'$€£])/gu,
    fix: (match) => match[1]!
  },
  {
    name: 'space before a closing bracket',
    pattern: / +([)\]])/gu,
    after: /[\p{L}\p{N}.%"”’']/u,
    fix: (match) => match[1]!
  },
  {
    // "n't" only ever follows a verb with no space; "'s" and the other clitics follow a word.
    name: 'split contraction',
    pattern: / +(n['’]t|['’](?:s|re|ve|ll|d|m))(?![\p{L}\p{N}'’])/gu,
    after: /\p{L}/u,
    fix: (match) => match[1]!
  },
  {
    name: 'space before a percent sign',
    pattern: / +(%)/gu,
    after: /\p{N}/u,
    fix: (match) => match[1]!
  }
]

export default defineRule(
  {
    id: 'tokenizer-spacing',
    category: 'spacing',
    severity: 'minor',
    description:
      'A space a tokenizer left inside brackets, a contraction or possessive, or before a percent sign ("( 2019 )", "is n\'t", "the government \'s", "7.5 %").',
    examples: {
      bad: [
        {
          text: 'On Saturday ( February 11), French trade unions called a fifth day of strikes.',
          findings: [
            {range: '1:13-1:15', actual: '( ', message: 'Unexpected space after an opening bracket in `( `, expected `(`', severity: 'minor', fix: '(', safe: true}
          ],
          fixed: 'On Saturday (February 11), French trade unions called a fifth day of strikes.'
        },
        {
          text: 'In 1996, Shanshan Shares (600884.SH ) was listed, becoming the first listed company in the industry.',
          findings: [
            {range: '1:36-1:38', actual: ' )', message: 'Unexpected space before a closing bracket in ` )`, expected `)`', severity: 'minor', fix: ')', safe: true}
          ],
          fixed: 'In 1996, Shanshan Shares (600884.SH) was listed, becoming the first listed company in the industry.'
        },
        {
          text: 'Officials said they do n\'t expect a deal before the summer.',
          findings: [
            {range: '1:23-1:27', actual: " n't", message: "Unexpected split contraction in ` n't`, expected `n't`", severity: 'minor', fix: "n't", safe: true}
          ],
          fixed: 'Officials said they don\'t expect a deal before the summer.'
        },
        {
          text: 'About 70% of the world ’s economies are in a state of stagnation, the report said.',
          findings: [
            {range: '1:23-1:26', actual: ' ’s', message: 'Unexpected split contraction in ` ’s`, expected `’s`', severity: 'minor', fix: '’s', safe: true}
          ],
          fixed: 'About 70% of the world’s economies are in a state of stagnation, the report said.'
        },
        {
          text: 'The grade should reach 80 % of the total score to apply for law.',
          findings: [
            {range: '1:26-1:28', actual: ' %', message: 'Unexpected space before a percent sign in ` %`, expected `%`', severity: 'minor', fix: '%', safe: true}
          ],
          fixed: 'The grade should reach 80% of the total score to apply for law.'
        }
      ],
      good: [
        {text: 'The study was published in Nature (2019) and widely cited.', why: 'brackets without spaces'},
        {text: 'Use a comma ( , ) between the two clauses.', why: 'a mark named inside brackets'},
        {text: 'He called it "rock \'n\' roll diplomacy" in an interview.', why: '\'n\' is a word of its own'},
        {text: 'The band was formed in the \'90s and still tours.', why: 'an apostrophe before a decade'},
        {text: 'The players\' union said it would appeal, and \'sources\' were cited.', why: 'a plural possessive and a quoted word'},
        {text: 'Unemployment rose to 7.5% in the third quarter.', why: 'no space before the percent sign'},
        {text: 'The answer to question 3 ) was left blank.', why: 'a list label: a lone number before the bracket'}
      ]
    }
  },
  ({text, report}) => {
    for (const shape of shapes) {
      for (const match of text.matchAll(shape.pattern)) {
        const start = match.index
        const end = start + match[0].length
        if (shape.after && !shape.after.test(text.charAt(start - 1))) continue
        if (shape.name === 'space before a closing bracket' && !opensBefore(text, start, match[1] === ')' ? '(' : '[')) continue
        const fixed = shape.fix(match)
        report({
          start,
          end,
          message: `Unexpected ${shape.name} in \`${match[0]}\`, expected \`${fixed}\``,
          expected: [fixed],
          safe: true
        })
      }
    }
  }
)

/**
 * A closing bracket closes something earlier on its line ("question 3 )" is a
 * list label); a bracketed aside is short, so the look-back is bounded and
 * the scan stays linear.
 */
function opensBefore(text: string, at: number, opening: string): boolean {
  const window = text.slice(Math.max(0, at - 300), at)
  return window.slice(window.lastIndexOf('\n') + 1).includes(opening)
}
