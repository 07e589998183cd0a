/**
 * A quotation mark typed twice (`““`, `””`, `""`): machine translation
 * leaves one from the source and adds one of its own.
 */
import {paragraphQuotes} from '../src/engine/quotes.js'
import {defineRule} from '../src/engine/rule.js'

export default defineRule(
  {
    id: 'quote-doubled',
    category: 'quotation',
    severity: 'minor',
    description: 'A double quotation mark written twice in a row.',
    examples: {
      bad: [
        {
          text: 'Lavrov called the talks ““constructive and helpful,” but declined to characterize American engagement.',
          findings: [
            {range: '1:25-1:27', actual: '““', message: 'Unexpected doubled `““`, expected one `“`', severity: 'minor', fix: '“', safe: true}
          ],
          fixed: 'Lavrov called the talks “constructive and helpful,” but declined to characterize American engagement.'
        },
        {
          text: '“We look at what is visible to everyone,”” he said.',
          findings: [
            {range: '1:41-1:43', actual: '””', message: 'Unexpected doubled `””`, expected one `”`', severity: 'minor', fix: '”', safe: true}
          ],
          fixed: '“We look at what is visible to everyone,” he said.'
        },
        {
          text: 'Critics said Mr Corbyn was using her murder to score ""cheap political points"".',
          findings: [
            {range: '1:54-1:56', actual: '""', message: 'Unexpected doubled `""`, expected one `"`', severity: 'minor', fix: '"', safe: true},
            {range: '1:78-1:80', actual: '""', message: 'Unexpected doubled `""`, expected one `"`', severity: 'minor', fix: '"', safe: true}
          ],
          fixed: 'Critics said Mr Corbyn was using her murder to score "cheap political points"".'
        }
      ],
      good: [
        {text: 'Lavrov called the talks “constructive and helpful,” but declined to comment.', why: 'one mark each side'},
        {text: 'The field was left blank, an empty string "" in the form.', why: 'an empty quotation, not a doubled mark'},
        {
          text: 'As Lady Gaga once sang in her 2008 hit “Bad Romance”: “Walk, walk, fashion, baby.”',
          why: 'a closing and an opening mark with a colon between'
        },
        {
          text: '“I thought, ‘I’m going to respect her new life,’” she said.',
          why: 'a single closing mark nested against a double one'
        }
      ]
    }
  },
  ({tree, text, report}) => {
    for (const paragraph of paragraphQuotes(tree, text)) {
      for (const mark of paragraph.marks) {
        if (!mark.doubled) continue
        const actual = text.slice(mark.start, mark.end)
        report({
          start: mark.start,
          end: mark.end,
          message: `Unexpected doubled \`${actual}\`, expected one \`${mark.glyph}\``,
          expected: [mark.glyph],
          // `"”` or `“"`: which of the two was meant is a guess.
          safe: actual.charAt(0) === actual.charAt(1)
        })
      }
    }
  }
)
