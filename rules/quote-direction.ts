/**
 * A curly quotation mark turned the wrong way: `“` closing a quotation or `”`
 * opening one. Machine translation loses the direction when the target
 * language's marks differ (« », „ “, 「 」) and a back-translation restores
 * the wrong one, often with the space on the wrong side too. A single mark
 * counts when it is plainly a quotation: `’` after a space opening a quoted
 * word that a `’` closes (`the term ’temporary housing’ meant`), where an apostrophe of
 * elision (`’em`, `’tis`, `rock ’n’ roll`, `’90s`) is left alone.
 */
import {lineBreak} from '../src/engine/lines.js'
import {counterpart, isSpace, paragraphQuotes, type QuoteMark, wordEndAfter, wordStartBefore} from '../src/engine/quotes.js'
import {defineRule, type Report} from '../src/engine/rule.js'

export default defineRule(
  {
    id: 'quote-direction',
    category: 'quotation',
    severity: 'minor',
    description:
      'A curly quotation mark turned the wrong way: an opening mark (“) where a quotation closes, or a closing one (”) where it opens.',
    examples: {
      bad: [
        {
          text: 'Biden drew widespread criticism for saying that a “minor incursion “could cause discord among Western allies.',
          findings: [
            {range: '1:58-1:74', actual: 'incursion “could', message: 'Unexpected `“` closing a quotation, expected `”`', severity: 'minor', fix: 'incursion” could', safe: false}
          ],
          fixed: 'Biden drew widespread criticism for saying that a “minor incursion” could cause discord among Western allies.'
        },
        {
          text: 'Lavrov called the talks “constructive and helpful“, but declined to characterize American engagement.',
          findings: [
            {range: '1:43-1:51', actual: 'helpful“', message: 'Unexpected `“` closing a quotation, expected `”`', severity: 'minor', fix: 'helpful”', safe: true}
          ],
          fixed: 'Lavrov called the talks “constructive and helpful”, but declined to characterize American engagement.'
        },
        {
          text: 'The soldier called the visit ”very important for our country.”',
          findings: [
            {range: '1:30-1:35', actual: '”very', message: 'Unexpected `”` opening a quotation, expected `“`', severity: 'minor', fix: '“very', safe: true}
          ],
          fixed: 'The soldier called the visit “very important for our country.”'
        },
        {
          text: 'Kirby said the exercise was ”not designed against“ any scenario, and called the move “a signal“ to Moscow.',
          findings: [
            {range: '1:29-1:33', actual: '”not', message: 'Unexpected `”` opening a quotation, expected `“`', severity: 'minor', fix: '“not', safe: true},
            {range: '1:43-1:51', actual: 'against“', message: 'Unexpected `“` closing a quotation, expected `”`', severity: 'minor', fix: 'against”', safe: true},
            {range: '1:89-1:96', actual: 'signal“', message: 'Unexpected `“` closing a quotation, expected `”`', severity: 'minor', fix: 'signal”', safe: true}
          ],
          fixed: 'Kirby said the exercise was “not designed against“ any scenario, and called the move “a signal“ to Moscow.'
        },
        {
          text: 'Residents said the term ’temporary housing’ meant little after three winters in the camp.',
          findings: [
            {range: '1:25-1:35', actual: '’temporary', message: 'Unexpected `’` opening a quotation, expected `‘`', severity: 'minor', fix: '‘temporary', safe: true}
          ],
          fixed: 'Residents said the term ‘temporary housing’ meant little after three winters in the camp.'
        }
      ],
      good: [
        {
          text: 'Lavrov, meanwhile, called the talks “constructive and helpful,” but declined to characterize American engagement.',
          why: 'each mark faces its quotation'
        },
        {
          text: '“Today, Ukraine is at the forefront,” Laanet said.\n\n“Let’s face it, the war in Ukraine is ongoing.',
          why: 'a quotation that goes on in the next paragraph opens again there'
        },
        {
          text: 'As Lady Gaga once sang in her 2008 hit “Bad Romance”: “Walk, walk, fashion, baby.”',
          why: 'a closing mark before a colon, then a new quotation'
        },
        {
          text: '“I thought, ‘I’m going to respect her new life,’ and in the end I didn’t ask,” she said.',
          why: 'single marks nested inside double ones, and apostrophes, are left alone'
        },
        {
          text: 'The rock ’n’ roll museum, a relic of the ’90s, still plays ’em all, and the players’ union ’tis said approves.',
          why: 'apostrophes of elision after a space, and a plural possessive'
        },
        {
          text: 'Mr Johnson, for his part, said he "deplores" threats made against MPs.',
          why: 'straight marks have no direction'
        }
      ]
    }
  },
  ({tree, text, report}) => {
    for (const paragraph of paragraphQuotes(tree, text)) {
      for (const mark of paragraph.marks) {
        if (mark.misdirected) report(directionReport(text, mark, paragraph.start, paragraph.end))
      }

      for (const opener of singleOpeners(text, paragraph.start, paragraph.end)) {
        const end = wordEndAfter(text, opener + 1, paragraph.end)
        report({start: opener, end, message: 'Unexpected `’` opening a quotation, expected `‘`', expected: ['‘' + text.slice(opener + 1, end)], safe: true})
      }
    }
  }
)

function directionReport(text: string, mark: QuoteMark, floor: number, ceiling: number): Report {
  const wanted = counterpart(mark.glyph)
  const message = `Unexpected \`${mark.glyph}\` ${mark.role === 'closing' ? 'closing' : 'opening'} a quotation, expected \`${wanted}\``
  const gluedBefore = mark.start > floor && !isSpace(text.charAt(mark.start - 1))
  const gluedAfter = mark.end < ceiling && !isSpace(text.charAt(mark.end))

  // `incursion “could`: the closer sits before the space instead of after it.
  if (mark.role === 'closing' && mark.shape === 'opening' && !gluedBefore) {
    let wordEnd = mark.start
    while (wordEnd > floor && isSpace(text.charAt(wordEnd - 1))) wordEnd--
    const start = wordStartBefore(text, wordEnd, floor)
    const end = wordEndAfter(text, mark.end, ceiling)
    const word = text.slice(start, wordEnd)
    const space = text.slice(wordEnd, mark.start)
    return {start, end, message, expected: [word + wanted + space + text.slice(mark.end, end)]}
  }

  const start = gluedBefore ? wordStartBefore(text, mark.start, floor) : mark.start
  const end = gluedAfter ? wordEndAfter(text, mark.end, ceiling) : mark.end
  const expected = text.slice(start, mark.start) + wanted.repeat(mark.end - mark.start) + text.slice(mark.end, end)
  // The glyph alone is wrong when the position agrees with the role.
  const safe = mark.shape === (mark.role === 'closing' ? 'closing' : 'opening')
  return {start, end, message, expected: [expected], safe}
}

/** Words an apostrophe of elision starts (`’em`, `’tis`, `’cause`), and names written with one (`’Ndrangheta`). */
const elisions = new Set(['em', 'tis', 'twas', 'twere', 'til', 'till', 'cause', 'cos', 'coz', 'bout', 'n', 'round', 'neath', 'fraid', 'nuff', 'ere', 'kay', 'sup', 'allo', 'ello', 'ndrangheta', 'scuse', 'specially', 'taint', 'twill', 'tween', 'bye', 'cept', 'gainst', 'mongst', 'pon', 'ow'])

/**
 * `’` after a space, an opening bracket or the paragraph's start, before a letter, when the word it opens is no
 * elision and a `’` after a letter closes a quotation within a few words (followed by a space, punctuation or the
 * end): `the term ’temporary housing’ meant`. An apostrophe inside a word (`don’t`) or after a plural (`the players’ union`)
 * is no closer only when a letter follows it.
 */
function* singleOpeners(text: string, floor: number, ceiling: number): Generator<number> {
  const paragraph = text.slice(floor, ceiling)
  if (!paragraph.includes('’')) return
  for (const found of paragraph.matchAll(/(?<=^|[\s(\[])’(\p{L}+)/gu)) {
    if (elisions.has(found[1]!.toLowerCase())) continue
    // The closer stands on the opener's line, whatever break ends it.
    const after = paragraph.slice(found.index + 1, found.index + 80).split(lineBreak)[0]!
    const closer = /^[^’‘“”".!?]*?\p{L}’(?=[\s.,;:!?)\]]|$)/u.exec(after)
    if (closer && closer[0].split(/\s+/u).length <= 6) yield floor + found.index
  }
}
