/**
 * A curly quotation mark turned the wrong way: `“` closing a quotation or `”`
 * opening one. Machine translation loses the direction when the target
 * language's marks differ (« », „ “, 「 」) and a back-translation restores
 * the wrong one, often with the space on the wrong side too.
 */
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
