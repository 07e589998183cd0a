/**
 * Straight and curly double quotation marks mixed in one document: text
 * assembled from machine-translated pieces keeps the marks of each piece.
 * One finding per mark of the rarer style, so each can be fixed on its own.
 */
import {isMeasure, paragraphQuotes, type QuoteMark} from '../src/engine/quotes.js'
import {defineRule} from '../src/engine/rule.js'

export default defineRule(
  {
    id: 'quote-style-mixed',
    category: 'quotation',
    severity: 'info',
    scope: 'document',
    description: 'Straight (") and curly (“ ”) double quotation marks mixed in one document.',
    examples: {
      bad: [
        {
          text: 'Pulling myself together, I said to my dog Nana, "Mom’s taking you out.”',
          findings: [
            {range: '1:49-1:50', actual: '"', message: 'Unexpected `"` in a document that mostly uses curly quotation marks, expected `“`', severity: 'info', fix: '“', safe: true}
          ],
          fixed: 'Pulling myself together, I said to my dog Nana, “Mom’s taking you out.”'
        },
        {
          text: 'Lavrov called the talks “constructive and helpful,” but said the US demands were "unacceptable" and “destructive.”',
          findings: [
            {range: '1:82-1:83', actual: '"', message: 'Unexpected `"` in a document that mostly uses curly quotation marks, expected `“`', severity: 'info', fix: '“', safe: true},
            {range: '1:95-1:96', actual: '"', message: 'Unexpected `"` in a document that mostly uses curly quotation marks, expected `”`', severity: 'info', fix: '”', safe: true}
          ],
          fixed: 'Lavrov called the talks “constructive and helpful,” but said the US demands were “unacceptable" and “destructive.”'
        },
        {
          text: 'He said the plan was "unworkable" and "dangerous".\n\nThe minister called it “a first step”, and "the only way forward".',
          findings: [
            {range: '3:24-3:25', actual: '“', message: 'Unexpected `“` in a document that mostly uses straight quotation marks, expected `"`', severity: 'info', fix: '"', safe: true},
            {range: '3:37-3:38', actual: '”', message: 'Unexpected `”` in a document that mostly uses straight quotation marks, expected `"`', severity: 'info', fix: '"', safe: true}
          ],
          fixed: 'He said the plan was "unworkable" and "dangerous".\n\nThe minister called it "a first step”, and "the only way forward".'
        }
      ],
      good: [
        {text: 'Lavrov called the talks “constructive and helpful,” but declined to characterize American engagement.', why: 'curly marks only'},
        {text: 'Johnson\'s office said Friday there are still "significant obstacles" to a deal.', why: 'straight marks only'},
        {text: 'He said “it’s the ’90s again” and Jones’s band played rock ’n’ roll.', why: 'apostrophes are not double marks'},
        {text: 'The band released a 12" single called “Home”.', why: 'an inch mark after a number is not a quotation mark'},
        {text: '“He stands 6\'2" in his socks,” the coach said of the 5′ 10″ guard’s new teammate.', why: 'inch marks and primes inside curly quotations'}
      ]
    }
  },
  ({tree, text, report}) => {
    const marks = paragraphQuotes(tree, text)
      .flatMap((paragraph) => paragraph.marks)
      .filter((mark) => mark.role !== 'apostrophe' && !isMeasure(text, mark))
    const straight = marks.filter((mark) => mark.glyph === '"').length
    const curly = marks.length - straight
    if (straight === 0 || curly === 0) return
    // On a tie the curly style wins: it is what typeset news uses.
    const minorityIsStraight = straight <= curly
    for (const mark of marks) {
      if ((mark.glyph === '"') !== minorityIsStraight || mark.doubled) continue
      const wanted = minorityIsStraight ? curlyFor(mark) : '"'
      report({
        start: mark.start,
        end: mark.end,
        message: `Unexpected \`${mark.glyph}\` in a document that mostly uses ${minorityIsStraight ? 'curly' : 'straight'} quotation marks, expected \`${wanted}\``,
        expected: [wanted],
        safe: mark.role === 'opening' || mark.role === 'closing'
      })
    }
  }
)

function curlyFor(mark: QuoteMark): string {
  return mark.role === 'opening' ? '“' : '”'
}
