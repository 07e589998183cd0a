/**
 * Spaces a word tokenizer left in machine-translation output: inside
 * brackets ("( 2019 )"), inside contractions and possessives ("is n't",
 * "the government 's", "Iran ’ s"), before a percent sign ("7.5 %"), after
 * the thousands separator of a figure ("20, 000"), inside a currency symbol
 * ("US $11.16 million"), inside a dotted abbreviation ("U. S."), around the
 * ampersand of an abbreviation in capitals ("R & D", "Q & A") and around a
 * slash between two lower-case words ("and / or", "km / h"). MT systems translate tokenized text and do not
 * always put it back together. (Spaced quotation marks are quote-spacing's.)
 *
 * The space before a percent sign is reported at `info`: raters seldom mark
 * it (29% of its findings on a marked span), and some house styles write it.
 * The spaced slash's fix is offered but never applied by `--fix`: a spaced
 * slash is also correct English (a line break in quoted verse, alternatives
 * of several words), where closing it up would change the text.
 */
import {defineRule} from '../src/engine/rule.js'
import {type Lines, linesOf} from '../src/engine/lines.js'

interface Shape {
  /** What the finding calls the artifact. */
  name: string
  /** Starts with the space or the bracket, so the scan skips ahead to those; what must precede is `after`. */
  pattern: RegExp
  /** The character before the match, when the shape needs one ("is n't": a letter). */
  after?: RegExp
  /** The text without the tokenizer's space. */
  fix: (match: RegExpMatchArray) => string
  /** The whole artifact when it reaches past the match (a figure), or undefined when the text around rules it out. */
  extent?: (text: string, start: number, end: number, lines: Lines) => [number, number] | undefined
  /** The artifact and its fix as the message shows them, when the file escapes a character the reader sees plainly. */
  shown?: (written: string) => string
  /** Reported at `info` whatever the rule's severity: raters mark this shape too seldom for more (reports/rule-precision.md). */
  tentative?: true
  /** Its fix is offered but not applied by `--fix`: the shape is also correct English somewhere, and the fix would change it there. */
  unsafe?: true
}

const month = /\b(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.? $/u

/**
 * "20, 000": one to three digits, the separator with a space, groups of three.
 * Not a date before a number ("March 3, 500 people"), nor a list of figures
 * ("rooms 101, 102 and 103", "1, 200, 3"): those keep their spaces.
 */
function figureExtent(text: string, start: number, end: number): [number, number] | undefined {
  // A figure's first group has no leading zero: "max(0, 100)", "scores of 0, 100 and 50" are lists.
  const head = /(?<![\p{L}\d.,]|\d, )[1-9]\d{0,2}$/u.exec(text.slice(Math.max(0, start - 8), start))
  if (!head) return undefined
  const from = start - head[0].length
  if (month.test(text.slice(Math.max(0, from - 12), from))) return undefined
  const tail = /^\d{3}(?:, \d{3})*(?![\d.,]\d|\d)/u.exec(text.slice(end, end + 40))
  if (!tail) return undefined
  const to = end + tail[0].length
  // A group with a leading zero is no list item ("600, 000 and 800, 000" is two figures); others may be ("101, 102 and 103").
  const next = text.slice(to, to + 8)
  if (/^,? ?\d/u.test(next) || (!/^0|, 0/u.test(tail[0]) && /^ (?:and|or|to) \d/u.test(next))) return undefined
  return [from, to]
}

/**
 * "and / or", "km / h", "bloggers / netizens": the only spaced slash of its
 * line. Verse quoted with its line breaks ("every three or five days / full
 * of light / ...") and lists of alternatives space every slash they hold.
 */
function slashExtent(_: string, start: number, end: number, lines: Lines): [number, number] | undefined {
  const before = lines.before(start, 200)
  const after = lines.after(end, 200)
  return before.includes(' / ') || after.includes(' / ') ? undefined : [start, end]
}

/**
 * "US $11.16 million", "S $13.8 billion": a currency code the tokenizer split
 * from its dollar sign. Only codes that are no English word: "A $5 million
 * grant" opens with the article.
 */
function currencyExtent(text: string, start: number, end: number): [number, number] | undefined {
  const code = /(?<![\p{L}\p{N}.])(?:US|HK|NT|NZ|AU|CA|SG|S)$/u.exec(text.slice(Math.max(0, start - 4), start))
  return code ? [start - code[0].length, end] : undefined
}

// A pattern that opens with ` +` starts at a run's first space ((?<! )): tried from every space of a long run, it is quadratic.
const shapes: Shape[] = [
  {
    // Only text after the space: "( , )" names a mark. A tokenizer spaces the bracket from the word before too: one
    // glued to a mark or word is something else, a face (":( says it all", ":-( ") or a key ("Press Ctrl+[ to indent").
    name: 'space after an opening bracket',
    pattern: /(?<![^\s"“‘([])([([]) +(?=[\p{L}\p{N}"“‘'$€£])/gu,
    fix: (match) => match[1]!
  },
  {
    name: 'space before a closing bracket',
    pattern: /(?<! ) +([)\]])/gu,
    after: /[\p{L}\p{N}.%"”’']/u,
    fix: (match) => match[1]!
  },
  {
    // "n't" only ever follows a verb with no space; "'s" and the other clitics follow a word.
    name: 'split contraction',
    pattern: /(?<! ) +(n['’]t|['’](?:s|re|ve|ll|d|m))(?![\p{L}\p{N}'’])/gu,
    after: /\p{L}/u,
    fix: (match) => match[1]!
  },
  {
    // "Iran ’ s": the tokenizer cut the apostrophe off both words.
    name: 'spaced apostrophe',
    pattern: / (['’]) s(?![\p{L}\p{N}'’])/gu,
    after: /\p{L}/u,
    fix: (match) => match[1]! + 's'
  },
  {
    name: 'space before a percent sign',
    pattern: /(?<! ) +(%)/gu,
    after: /\p{N}/u,
    fix: (match) => match[1]!,
    // On a rater-marked span 5 of 20 times on the dev set and 2 of 4 in training (29%): the policy's `info`.
    tentative: true
  },
  {
    name: 'space in a figure',
    pattern: /, (?=\d)/gu,
    after: /\d/u,
    fix: () => ',',
    extent: figureExtent
  },
  {
    name: 'space in a currency symbol',
    pattern: / (\$)(?=\d)/gu,
    after: /\p{Lu}/u,
    fix: (match) => match[1]!,
    extent: currencyExtent
  },
  {
    // The abbreviations of countries and bodies news writes with full stops; spaced initials ("J. K. Rowling") are a name's.
    name: 'space in an abbreviation',
    pattern: /\bU\. ([KNS])\./gu,
    fix: (match) => `U.${match[1]!}.`
  },
  {
    // "R & D", "Q & A", "M & A", "AT & T": news writes these abbreviations closed up. A spaced "&" between names
    // ("Johnson & Johnson") has words around it, and labels after a plural ("Groups A & B") are two items, not one word.
    name: 'spaced ampersand in an abbreviation',
    // Markdown may escape the mark (`R \& D`), HTML must (`R &amp; D`): the reader sees `R & D` all the same. The prose
    // of Markdown and HTML masks an escape's backslash (U+FFFC, then `&`) and a reference's tail (`&`, four U+FFFC).
    pattern: /(?<![\p{L}\p{N}&.-])(\p{Lu}{1,2}) (&(?:amp;|\uFFFC*)|\\&|\uFFFC&) (\p{Lu}{1,2})(?![\p{L}\p{N}&'’-])/gu,
    fix: (match) => match[1]! + writtenAmpersand(match[2]!) + match[3]!,
    shown: (written) => written.replace(/&(?:amp;|\uFFFC+)|\\&|\uFFFC&/u, '&'),
    // A plural of four letters or more before it ("Groups", not "its" or "this") makes the letters labels.
    extent: (text, start, end) => (/\p{L}{2}[^\P{L}isu]s\s+$/u.test(text.slice(Math.max(0, start - 20), start)) ? undefined : [start, end])
  },
  {
    name: 'spaced slash',
    pattern: / \/ (?=\p{Ll})/gu,
    after: /\p{Ll}/u,
    fix: () => '/',
    extent: slashExtent,
    // Spaced, the slash is also right: a verse quotation's line break ("two roads diverged in a yellow wood / and sorry
    // I could not travel both"), alternatives of more than one word ("division operator / regex token"). Closed up there,
    // the words regroup or two lines run together: every MT finding in ../shared/data closes up well (and/or, km/h), but
    // a human picks.
    unsafe: true
  }
]

export default defineRule(
  {
    id: 'tokenizer-spacing',
    category: 'spacing',
    severity: 'minor',
    description:
      'A space a tokenizer left inside brackets, a contraction or possessive, before a percent sign, in a figure, in a currency symbol, in a dotted abbreviation, around the ampersand of an abbreviation or around a slash between words ("( 2019 )", "is n\'t", "the government \'s", "7.5 %", "20, 000", "US $11", "U. S.", "R & D", "and / or").',
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
            {range: '1:26-1:28', actual: ' %', message: 'Unexpected space before a percent sign in ` %`, expected `%`', severity: 'info', fix: '%', safe: true}
          ],
          fixed: 'The grade should reach 80% of the total score to apply for law.'
        },
        {
          text: 'The report pointed out that advanced centrifuges at Iran ’ s Natanz Nuclear Facility are accumulating.',
          findings: [
            {range: '1:57-1:61', actual: ' ’ s', message: 'Unexpected spaced apostrophe in ` ’ s`, expected `’s`', severity: 'minor', fix: '’s', safe: true}
          ],
          fixed: 'The report pointed out that advanced centrifuges at Iran’s Natanz Nuclear Facility are accumulating.'
        },
        {
          text: 'The death toll from the quake in Turkey climbed to 24, 150 people on Friday.',
          findings: [
            {range: '1:52-1:59', actual: '24, 150', message: 'Unexpected space in a figure in `24, 150`, expected `24,150`', severity: 'minor', fix: '24,150', safe: true}
          ],
          fixed: 'The death toll from the quake in Turkey climbed to 24,150 people on Friday.'
        },
        {
          text: 'Police expect between 600, 000 and 800, 000 people nationwide.',
          findings: [
            {range: '1:23-1:31', actual: '600, 000', message: 'Unexpected space in a figure in `600, 000`, expected `600,000`', severity: 'minor', fix: '600,000', safe: true},
            {range: '1:36-1:44', actual: '800, 000', message: 'Unexpected space in a figure in `800, 000`, expected `800,000`', severity: 'minor', fix: '800,000', safe: true}
          ]
        },
        {
          text: 'Stoltenberg said in a speech at the U. S. Military Academy at West Point.',
          findings: [
            {range: '1:37-1:42', actual: 'U. S.', message: 'Unexpected space in an abbreviation in `U. S.`, expected `U.S.`', severity: 'minor', fix: 'U.S.', safe: true}
          ],
          fixed: 'Stoltenberg said in a speech at the U.S. Military Academy at West Point.'
        },
        {
          text: "The total prize amount for this year's China Open competition also reached a record high, reaching US $11.16 million.",
          findings: [
            {range: '1:100-1:104', actual: 'US $', message: 'Unexpected space in a currency symbol in `US $`, expected `US$`', severity: 'minor', fix: 'US$', safe: true}
          ],
          fixed: "The total prize amount for this year's China Open competition also reached a record high, reaching US$11.16 million."
        },
        {
          // newstest2020 MT (OPPO, hunan_ribao-zh.175, segment 977): the tokenizer's spaces left around the ampersand of R&D.
          text: 'The new policy greatly reduced the R & D, manufacturing and sales costs of the related industrial clusters.',
          findings: [
            {range: '1:36-1:41', actual: 'R & D', message: 'Unexpected spaced ampersand in an abbreviation in `R & D`, expected `R&D`', severity: 'minor', fix: 'R&D', safe: true}
          ],
          fixed: 'The new policy greatly reduced the R&D, manufacturing and sales costs of the related industrial clusters.'
        },
        {
          // newstest2020 MT (THUNLP, australian-zh.107, segment 743; five systems write it), shortened.
          text: "Mr Wang's actions ostensibly constitute a violation of the anti-discrimination law and / or the dismissal of the applicant is illegal.",
          findings: [
            {range: '1:87-1:90', actual: ' / ', message: 'Unexpected spaced slash in ` / `, expected `/`', severity: 'minor', fix: '/', safe: false}
          ],
          fixed: "Mr Wang's actions ostensibly constitute a violation of the anti-discrimination law and/or the dismissal of the applicant is illegal."
        }
      ],
      good: [
        {text: 'The study was published in Nature (2019) and widely cited.', why: 'brackets without spaces'},
        {text: 'Use a comma ( , ) between the two clauses.', why: 'a mark named inside brackets'},
        {text: 'The score was announced and the sad face :( says it all.', why: 'a face, not a bracket'},
        {text: 'In the editor, Ctrl+[ moves the line left.', why: 'a bracket glued to the key before it is a key name, not an opening bracket'},
        {text: 'He called it "rock \'n\' roll diplomacy" in an interview.', why: '\'n\' is a word of its own'},
        {text: 'The band was formed in the \'90s and still tours.', why: 'an apostrophe before a decade'},
        {text: 'The players\' union said it would appeal, and \'sources\' were cited.', why: 'a plural possessive and a quoted word'},
        {text: 'Unemployment rose to 7.5% in the third quarter.', why: 'no space before the percent sign'},
        {text: 'The answer to question 3 ) was left blank.', why: 'a list label: a lone number before the bracket'},
        {text: 'The airports 610, 615 and 32 ensured airspace protection.', why: 'a list of figures, not one figure'},
        {text: 'Rooms 12, 205 or 7 stay shut until the inspection ends.', why: 'followed by another figure: a list of room numbers'},
        {text: 'The score is max(0, 100 - penalty), the documentation says.', why: 'a figure never opens with a 0 group: two arguments, not "0,100"'},
        {text: 'On March 3, 500 protesters gathered outside parliament.', why: 'a date before a number'},
        {text: 'The series was written by J. K. Rowling and filmed in 2001.', why: 'spaced initials are a name'},
        {text: 'Johnson & Johnson and Procter & Gamble both reported, and Groups A & B play on Sunday.', why: 'an ampersand between names, and two labels after a plural'},
        {text: 'He quoted the poem: every three or five days we meet / full of clear light / the sky looks on.', why: 'verse quoted with its line breaks: more than one spaced slash on the line'},
        {text: 'A $5 million grant was awarded to the museum, and the Plan B $2 fund closed.', why: 'an article or a word before the dollar sign, not a currency code'}
      ]
    }
  },
  ({tree, text, report}) => {
    const lines = linesOf(tree, text)
    for (const shape of shapes) {
      for (const match of text.matchAll(shape.pattern)) {
        let start = match.index
        let end = start + match[0].length
        if (shape.after && !shape.after.test(text.charAt(start - 1))) continue
        if (shape.name === 'space before a closing bracket' && !opensBefore(lines, start, match[1] === ')' ? '(' : '[')) continue
        let fixed = shape.fix(match)
        if (shape.extent) {
          const whole = shape.extent(text, start, end, lines)
          if (!whole) continue
          fixed = text.slice(whole[0], start) + fixed + text.slice(end, whole[1]).replaceAll(match[0], fixed)
          ;[start, end] = whole
        }
        const shown = shape.shown ?? ((written: string) => written)
        report({
          start,
          end,
          message: `Unexpected ${shape.name} in \`${shown(text.slice(start, end))}\`, expected \`${shown(fixed)}\``,
          expected: [fixed],
          safe: !shape.unsafe,
          tentative: shape.tentative
        })
      }
    }
  }
)

/** The source's ampersand behind the prose's: `\&` in Markdown, a character reference in HTML (written back as `&amp;`). */
function writtenAmpersand(prose: string): string {
  if (!prose.includes('\uFFFC')) return prose
  return prose.startsWith('\uFFFC') ? '\\&' : '&amp;'
}

/**
 * A closing bracket closes something earlier on its line ("question 3 )" is a
 * list label); a bracketed aside is short, so the look-back is bounded and
 * the scan stays linear.
 */
function opensBefore(lines: Lines, at: number, opening: string): boolean {
  return lines.before(at, 300).includes(opening)
}
