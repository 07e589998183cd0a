/**
 * A quotation mark on the wrong side of a space: glued to the word outside
 * the quotation (`said“We`, `”could`) or cut off from the word inside it
 * (`“ We`, `word ”`). Back-translation rebuilds marks and spaces separately
 * and often gets one of them wrong. Single quotation marks, which the
 * paragraph analysis leaves out (they double as apostrophes), are reported
 * when a tokenizer spaced both of a pair (`' constructive '`, `‘ soul ’`).
 */
import {type Lines, linesOf} from '../src/engine/lines.js'
import {isSpace, isWordChar, paragraphQuotes, type QuoteMark, wordEndAfter, wordStartBefore} from '../src/engine/quotes.js'
import {defineRule, type Report} from '../src/engine/rule.js'

export default defineRule(
  {
    id: 'quote-spacing',
    category: 'quotation',
    severity: 'minor',
    description:
      'A quotation mark glued to the word outside its quotation, or separated by a space from the word inside it (single marks: when both of a pair are spaced).',
    examples: {
      bad: [
        {
          text: 'Blinken said after the meeting“We didn’t expect any major breakthroughs today.”',
          findings: [
            {range: '1:24-1:32', actual: 'meeting“', message: 'Unexpected `“` glued to `meeting`, expected a space before it', severity: 'minor', fix: 'meeting “', safe: true}
          ],
          fixed: 'Blinken said after the meeting “We didn’t expect any major breakthroughs today.”'
        },
        {
          text: 'Biden warned that Moscow would “pay a heavy price”for such an action.',
          findings: [
            {range: '1:50-1:54', actual: '”for', message: 'Unexpected `”` glued to `for`, expected a space after it', severity: 'minor', fix: '” for', safe: true}
          ],
          fixed: 'Biden warned that Moscow would “pay a heavy price” for such an action.'
        },
        {
          text: 'The Duchess of York wrote on Twitter: " I know what a mother feels so I have tears of joy."',
          findings: [
            {range: '1:39-1:42', actual: '" I', message: 'Unexpected space after `"`, expected it glued to `I`', severity: 'minor', fix: '"I', safe: true}
          ],
          fixed: 'The Duchess of York wrote on Twitter: "I know what a mother feels so I have tears of joy."'
        },
        {
          text: 'Lavrov called the talks “constructive and helpful ” but declined to characterize American engagement.',
          findings: [
            {range: '1:43-1:52', actual: 'helpful ”', message: 'Unexpected space before `”`, expected it glued to `helpful`', severity: 'minor', fix: 'helpful”', safe: true}
          ],
          fixed: 'Lavrov called the talks “constructive and helpful” but declined to characterize American engagement.'
        },
        {
          text: 'Friedrich Nietzsche\'s saying \' God is dead \' means that we must invest his legacy and try to write his honest biography.',
          findings: [
            {range: '1:30-1:35', actual: "' God", message: "Unexpected space after `'`, expected it glued to `God`", severity: 'minor', fix: "'God", safe: true},
            {range: '1:39-1:45', actual: "dead '", message: "Unexpected space before `'`, expected it glued to `dead`", severity: 'minor', fix: "dead'", safe: true}
          ],
          fixed: 'Friedrich Nietzsche\'s saying \'God is dead \' means that we must invest his legacy and try to write his honest biography.'
        },
        {
          text: 'Alban Berg, a composer, called the ninth symphony ‘ the most excellent thing that Mahler ever wrote ’.',
          findings: [
            {range: '1:51-1:56', actual: '‘ the', message: 'Unexpected space after `‘`, expected it glued to `the`', severity: 'minor', fix: '‘the', safe: true},
            {range: '1:95-1:102', actual: 'wrote ’', message: 'Unexpected space before `’`, expected it glued to `wrote`', severity: 'minor', fix: 'wrote’', safe: true}
          ],
          fixed: 'Alban Berg, a composer, called the ninth symphony ‘the most excellent thing that Mahler ever wrote ’.'
        },
        {
          text: 'Lang Ping said in an interview after the race, “In the third round, we lost about 8 points due to mistakes. ” The team flew home on Sunday.',
          findings: [
            {range: '1:107-1:110', actual: '. ”', message: 'Unexpected space before `”`, expected `.”`', severity: 'minor', fix: '.”', safe: true}
          ],
          fixed: 'Lang Ping said in an interview after the race, “In the third round, we lost about 8 points due to mistakes.” The team flew home on Sunday.'
        }
      ],
      good: [
        {
          text: 'Kirby said the exercise is “not designed against any of the types of scenarios that might arise with respect to Ukraine”.',
          why: 'a closing mark before a full stop'
        },
        {
          text: 'As Lady Gaga once sang in her 2008 hit “Bad Romance”: “Walk, walk, fashion, baby.”',
          why: 'a closing mark before a colon, then a new quotation'
        },
        {
          text: '“I thought, ‘I’m going to respect her new life,’ and in the end I didn’t ask,” she said.',
          why: 'a single mark nested against a double one'
        },
        {
          text: 'The memo, which does not reflect a "verbatim transcript" but is based on "notes and recollections" (as the White House said), was released.',
          why: 'straight marks, each beside its own word'
        },
        {
          text: 'The slogan was “Stop the boats” — and the minister repeated it: “Stop the boats.”',
          why: 'spaces around a dash outside the quotation'
        },
        {
          text: '“We will see what happens . . . ” he said after the vote.',
          why: 'a spaced ellipsis before the closer'
        },
        {
          text: 'The EU Member States \' and Asian countries \' summit runs until 7 November, and the players \' union backed it.',
          why: 'a plural possessive whose apostrophe a tokenizer spaced, not a quotation'
        },
        {
          text: 'He called it rock \'n\' roll diplomacy, the band formed in the \'90s played \'Yesterday\', and the boys \' toys were sold.',
          why: 'apostrophes and unspaced single quotes'
        }
      ]
    }
  },
  ({tree, text, report}) => {
    for (const found of spacedSingleQuotes(text, linesOf(tree, text))) report(found)
    for (const paragraph of paragraphQuotes(tree, text)) {
      // Guessed pairs would make guessed spacing findings.
      if (paragraph.uncertain) continue
      for (const mark of paragraph.marks) {
        // A misdirected mark is reported, with its spacing, by quote-direction.
        if (mark.misdirected) continue
        const found =
          mark.role === 'opening'
            ? openingSpacing(text, mark, paragraph.start, paragraph.end)
            : mark.role === 'closing'
              ? closingSpacing(text, mark, paragraph.start, paragraph.end)
              : undefined
        if (found) report(found)
      }
    }
  }
)

function openingSpacing(text: string, mark: QuoteMark, floor: number, ceiling: number): Report | undefined {
  if (mark.start > floor && isWordChar(text.charAt(mark.start - 1))) {
    const start = wordStartBefore(text, mark.start, floor)
    const word = text.slice(start, mark.start)
    return {start, end: mark.end, message: `Unexpected \`${mark.glyph}\` glued to \`${word}\`, expected a space before it`, expected: [word + ' ' + text.slice(mark.start, mark.end)], safe: true}
  }

  const wordStart = skipSpaces(text, mark.end, ceiling)
  if (wordStart > mark.end && isWordChar(text.charAt(wordStart))) {
    const end = wordEndAfter(text, wordStart, ceiling)
    const word = text.slice(wordStart, end)
    return {start: mark.start, end, message: `Unexpected space after \`${mark.glyph}\`, expected it glued to \`${word}\``, expected: [text.slice(mark.start, mark.end) + word], safe: true}
  }

  return undefined
}

function closingSpacing(text: string, mark: QuoteMark, floor: number, ceiling: number): Report | undefined {
  const after = text.charAt(mark.end)
  // `”s` is a possessive of a quoted title, not a glued word.
  if (mark.end < ceiling && isWordChar(after) && !isPossessiveS(text, mark.end, ceiling)) {
    const end = wordEndAfter(text, mark.end, ceiling)
    const word = text.slice(mark.end, end)
    return {start: mark.start, end, message: `Unexpected \`${mark.glyph}\` glued to \`${word}\`, expected a space after it`, expected: [text.slice(mark.start, mark.end) + ' ' + word], safe: true}
  }

  let wordEnd = mark.start
  while (wordEnd > floor && isSpace(text.charAt(wordEnd - 1))) wordEnd--
  if (wordEnd < mark.start && wordEnd > floor && isWordChar(text.charAt(wordEnd - 1))) {
    const start = wordStartBefore(text, wordEnd, floor)
    const word = text.slice(start, wordEnd)
    return {start, end: mark.end, message: `Unexpected space before \`${mark.glyph}\`, expected it glued to \`${word}\``, expected: [word + text.slice(mark.start, mark.end)], safe: true}
  }

  // `the next step. ”`: the closer cut off from the sentence mark that ends
  // the quotation (a spaced ellipsis `. . . ”` keeps its spaces).
  const stop = text.charAt(wordEnd - 1)
  if (wordEnd < mark.start && wordEnd - 1 > floor && '.!?,;'.includes(stop) && /[\p{L}\p{N})’]/u.test(text.charAt(wordEnd - 2))) {
    const marks = stop + text.slice(mark.start, mark.end)
    return {start: wordEnd - 1, end: mark.end, message: `Unexpected space before \`${mark.glyph}\`, expected \`${marks}\``, expected: [marks], safe: true}
  }

  return undefined
}

/**
 * An opening single mark with a space after it, at a word boundary: after the
 * text's start, a space, a bracket or a dash, before a word or figure.
 */
const spacedSingleOpener = /(?<=^|[\s([{—–])(['‘])[ \u00a0]+(?=[\p{L}\p{N}])/gu
/**
 * Its partner: the same kind of mark (a straight `'`, or `’` for `‘`) within
 * a short quotation on the line (read from Lines: it ends at any break and at
 * its paragraph's end), with a space before it after a word or sentence mark,
 * and a space, a mark or the end after it.
 */
const spacedSingleCloser = /^([^'‘’]{1,80}?[\p{L}\p{N}.,!?)])[ \u00a0]+(['’])(?=$|[\s.,;:!?)\]}—–])/u
/** Words that end in s and are no plural a possessive apostrophe could follow (`described as ' rigid '`). */
const notPlurals = new Set(['as', 'is', 'was', 'has', 'does', 'his', 'its', 'this', 'thus', 'us', 'yes', 'plus', 'whereas', 'across', 'unless'])
/** A contraction or possessive ending cut off by the tokenizer (`Iran ' s`, `rock ' n ' roll`): an apostrophe, not a quotation. */
const clitic = /^(?:s|t|re|ve|ll|d|m|n)(?![\p{L}\p{N}])/iu

/**
 * Single quotation marks spaced on both sides of their quotation (`as '
 * constructive ' but`): a tokenizer's spaces. A mark after a word ending in
 * s or z may be a plural possessive split off (`the boys ' toys`), and a
 * clitic after either mark an apostrophe (`Iran ' s`): both are left alone.
 */
function spacedSingleQuotes(text: string, lines: Lines): Report[] {
  const found: Report[] = []
  let resume = 0
  for (const match of text.matchAll(spacedSingleOpener)) {
    const open = match.index
    if (open < resume) continue
    const glyph = match[1]!
    const wordBefore = /([\p{L}]*)[ \u00a0]*$/u.exec(text.slice(Math.max(0, open - 20), open))![1]!.toLowerCase()
    if (/[sz]$/u.test(wordBefore) && !notPlurals.has(wordBefore)) continue
    const inside = open + match[0].length
    const closer = spacedSingleCloser.exec(lines.after(inside, 120))
    if (!closer || (glyph === '‘' ? closer[2] !== '’' : closer[2] !== "'")) continue
    const close = inside + closer[0].length - 1
    if (clitic.test(text.slice(inside, inside + 3)) || clitic.test(text.slice(close + 1).replace(/^[ \u00a0]/u, ''))) continue
    const firstEnd = wordEndAfter(text, inside, close)
    const first = text.slice(inside, firstEnd)
    const lastStart = inside + closer[1]!.length
    const wordStart = wordStartBefore(text, lastStart, inside)
    // `the best . '`: the closer cut off from the sentence mark that ends the quotation.
    const lastStartAt = wordStart < lastStart ? wordStart : lastStart - 1
    const last = text.slice(lastStartAt, lastStart)
    const glued = last + closer[2]!
    found.push(
      {start: open, end: firstEnd, message: `Unexpected space after \`${glyph}\`, expected it glued to \`${first}\``, expected: [glyph + first], safe: true},
      {start: lastStartAt, end: close + 1, message: `Unexpected space before \`${closer[2]}\`, expected ${wordStart < lastStart ? `it glued to \`${last}\`` : `\`${glued}\``}`, expected: [glued], safe: true}
    )
    resume = close + 1
  }
  return found
}

function skipSpaces(text: string, index: number, ceiling: number): number {
  let next = index
  while (next < ceiling && isSpace(text.charAt(next))) next++
  return next
}

function isPossessiveS(text: string, index: number, ceiling: number): boolean {
  return text.charAt(index) === 's' && (index + 1 >= ceiling || !isWordChar(text.charAt(index + 1)))
}
