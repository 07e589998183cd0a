/**
 * A quotation that never closes, or a closing mark that closes nothing.
 * News style leaves a quotation open at the end of a paragraph when it goes
 * on in the next one, which then reopens with an opening mark: that is
 * correct, so this rule looks at the next paragraph (scope `document`).
 *
 * Severity by shape (reports/rule-precision.md): a closing mark that
 * closes nothing, glued to the word before it (`Survey Report"`, `the
 * United States" LNG`, `and Me” together`), is `minor`: 27 of 31 such
 * findings on real MT (training and dev) fall on a rater-marked span (the
 * other four are marks glued to the wrong side, `of“ external`, that raters
 * left unmarked), none on the clean set. The other shapes are `info`: an
 * unclosed quotation, 24 of 43 on a marked span (dev 7 of 23: quotations
 * that run over segments or paragraphs without reopening), whether or not
 * another sentence follows it, and a mark glued to no word (`leader.”`,
 * `partners, ” White House`), 16 of 53. A mark closing a quotation opened by the low mark
 * „ (`SA „Moara”`) is no stray: guillemets reports the `„`.
 */
import {isMeasure, paragraphQuotes, opensWithQuote, type ParagraphQuotes, type QuoteMark, wordStartBefore} from '../src/engine/quotes.js'
import {defineRule} from '../src/engine/rule.js'

/** Longest span reported for an unclosed quotation: its start is what matters. */
const maxSpan = 60

export default defineRule(
  {
    id: 'quote-unclosed',
    category: 'quotation',
    severity: 'minor',
    scope: 'document',
    description:
      'A quotation opened and never closed in its paragraph (while the next paragraph does not reopen it), or a closing mark with no quotation to close; only a closing mark glued to the word before it (`Report"`) is `minor`: an unclosed quotation, wherever it opens, and a closing mark glued to no word (`leader.”`, `partners, ” White`) are reported at `info`, since quotations run over segments and paragraphs.',
    examples: {
      bad: [
        {
          text: 'Blinken suggested there was no wiggle room on Russia’s demands, saying firmly, “There is no trading space there: none.\n\nThe United States and its allies say Putin knows the demands are futile.',
          findings: [
            {range: '1:80-1:119', actual: '“There is no trading space there: none.', message: 'Unexpected unclosed quotation, expected a closing `”` in its paragraph or an opening mark at the start of the next', severity: 'info', fix: '“There is no trading space there: none.”', safe: false}
          ],
          fixed:
            'Blinken suggested there was no wiggle room on Russia’s demands, saying firmly, “There is no trading space there: none.”\n\nThe United States and its allies say Putin knows the demands are futile.'
        },
        {
          text: 'The consultation, launched on the Government\'s website on Friday, says: "Effective and consistent enforcement across Scotland is fundamental in helping address issues relating to out-of-control dogs.',
          findings: [
            {range: '1:73-1:129', actual: '"Effective and consistent enforcement across Scotland is', message: 'Unexpected unclosed quotation, expected a closing `"` in its paragraph or an opening mark at the start of the next', severity: 'info'}
          ]
        },
        {
          text: 'Top 10 Overseas Students Returning to China for Job Search in 2022 Source 2022 China Returnee Employment Survey Report"',
          findings: [
            {range: '1:113-1:120', actual: 'Report"', message: 'Unexpected closing `"` with no quotation open, expected an opening mark before it or no mark', severity: 'minor', fix: 'Report', safe: false}
          ]
        },
        {
          text: 'The report said it expected the United States" LNG export capacity to double by the end of this year.',
          findings: [
            {range: '1:40-1:47', actual: 'States"', message: 'Unexpected closing `"` with no quotation open, expected the apostrophe of `States’`, an opening mark before it or no mark', severity: 'minor', fix: 'States’', safe: false}
          ],
          fixed: 'The report said it expected the United States’ LNG export capacity to double by the end of this year.'
        },
        {
          text: '“We will not accept it,” he said, adding that the plan was “unworkable.”\n\nThe minister said the offer was final.”',
          findings: [
            {range: '3:39-3:40', actual: '”', message: 'Unexpected closing `”` with no quotation open, expected an opening mark before it or no mark', severity: 'info', fix: '', safe: false}
          ]
        }
      ],
      good: [
        {
          text: '“Today, Ukraine is at the forefront of separating Europe from the military conflict,” Laanet said.\n\n“Let’s face it, the war in Ukraine is ongoing.\n\n“It is important to support Ukraine in every way possible.”',
          why: 'a quotation that runs over paragraphs stays open and reopens in each'
        },
        {
          text: 'A source said: "Tristan is good pals with Drake and has been using him as a sounding board. "Drake told him to pull out all the stops if he wanted to win Khloe back."',
          why: 'paragraphs joined into one: the quotation reopens after a sentence end'
        },
        {
          text: '“I thought, ‘I’m going to respect her new life,’ and in the end I didn’t ask,” she said.',
          why: 'single marks nested inside double ones are left alone'
        },
        {
          text: 'As Lady Gaga once sang in her 2008 hit “Bad Romance”: “Walk, walk, fashion, baby.”',
          why: 'two quotations, each closed'
        },
        {
          text: 'The band, which played rock ’n’ roll in the ’90s, released a 12" single in Jones’s studio.',
          why: 'apostrophes and an inch mark after a number'
        },
        {
          text: '“We laid a 12" pipe under the road last spring,” the foreman said. The guard, who is 6\' 2", stood by the door.',
          why: 'inch marks inside a curly quotation and after feet'
        },
        {
          text: 'The light industry includes the SA „Moara”, SA „Falutex”, SA „Bălțeanca”, SA „Rada”, etc. enterprises',
          why: 'a quotation opened with the low mark „ (guillemets reports that mark) is closed by its `”`'
        },
        {
          text: 'Royal news: How Princess Beatrice "reacted with fury at hostile family members" On Thursday, the couple announced the date.',
          why: 'a headline joined to its story still closes its quotation'
        }
      ]
    }
  },
  ({tree, text, report}) => {
    const paragraphs = paragraphQuotes(tree, text)
    // A quotation left open (reported where it opens, or doubted) may close
    // paragraphs later: marks before the next opening one are not stray.
    let carried = false
    paragraphs.forEach((paragraph, index) => {
      const next = paragraphs[index + 1]
      const carriedHere = carried && !opensWithQuote(paragraph, text)
      if (paragraph.marks.length > 0) carried = paragraph.openAtEnd !== undefined
      if (paragraph.uncertain) return
      let opened = false
      let previousEnd = paragraph.start
      for (const mark of paragraph.marks) {
        opened ||= mark.role === 'opening'
        // `SA „Moara”`: a German or Romanian low opening mark (guillemets reports it) opened what this mark closes.
        const lowOpened = text.slice(previousEnd, mark.start).includes('„')
        if (mark.role === 'stray' && !(carriedHere && !opened) && !lowOpened && !isMeasure(text, mark)) reportStray(mark, paragraph)
        previousEnd = mark.end
      }

      const open = paragraph.openAtEnd
      if (open && !(next && opensWithQuote(next, text))) reportUnclosed(open, paragraph)
    })

    function reportStray(mark: QuoteMark, paragraph: ParagraphQuotes): void {
      const start = wordStartBefore(text, mark.start, paragraph.start)
      const word = text.slice(start, mark.start)
      const expected = word.endsWith('s') && mark.glyph === '"' ? [word + '’', word] : [word]
      report({
        start,
        end: mark.end,
        message: `Unexpected closing \`${mark.glyph}\` with no quotation open, expected ${expected.length > 1 ? `the apostrophe of \`${expected[0]}\`, an opening mark before it` : 'an opening mark before it'} or no mark`,
        expected,
        // A mark glued to no word (after a full stop, a comma or a space) mostly ends a quotation run over paragraphs (reports/rule-precision.md).
        tentative: start === mark.start
      })
    }

    function reportUnclosed(open: QuoteMark, paragraph: ParagraphQuotes): void {
      const sentenceEnd = endOfSentence(paragraph, open.start)
      let end = Math.min(sentenceEnd, open.start + maxSpan)
      if (end < sentenceEnd) end = Math.max(text.lastIndexOf(' ', end), open.end)
      while (end > open.end && /\s/.test(text.charAt(end - 1))) end--
      const actual = text.slice(open.start, end)
      const closer = open.glyph === '"' ? '"' : '”'
      const lastText = text.slice(end, paragraph.end).trim() === ''
      report({
        start: open.start,
        end,
        message: `Unexpected unclosed quotation, expected a closing \`${closer}\` in its paragraph or an opening mark at the start of the next`,
        // Closing at the paragraph end is a guess worth offering only when the span reaches it.
        expected: !lastText ? [] : end === open.end ? [''] : [actual + closer, actual.slice(open.end - open.start)],
        // Too few unclosed quotations of any shape are marked (reports/rule-precision.md): most run over segments or paragraphs.
        tentative: true
      })
    }
  }
)

function endOfSentence(paragraph: ParagraphQuotes, offset: number): number {
  for (const sentence of paragraph.node.children) {
    const end = sentence.position!.end.offset!
    if (sentence.type === 'SentenceNode' && end > offset) return end
  }

  return paragraph.end
}
