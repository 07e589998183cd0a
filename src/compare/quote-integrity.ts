/** `compare --original`: a quotation whose words differ from the original's, or that nobody in the original said (found in original-quotes.ts). */
import {defineOriginalCheck} from './original-check.js'

const biden =
  '“I’ve been absolutely clear with President Putin,” Biden said. “He has no misunderstanding: if any assembled Russian units move across the Ukrainian border, that’s an invasion.”'

export const quoteIntegrityCheck = defineOriginalCheck('quote-integrity', 'A quotation whose words differ from the original, or that nobody in the original said.', {
  bad: [
    {
      original: biden,
      derived:
        '“I’ve been absolutely clear with President Putin,” Biden said. “He has no misunderstanding: all assembled Russian units are crossing the Ukrainian border, it’s an invasion.”',
      findings: [
        {range: '1:65-1:173', actual: 'He has no misunderstanding: all assembled Russian units are crossing the Ukrainian border, it’s an invasion.', message: "Unexpected change in a quotation (“if any” became “all”; “move across” became “are crossing”; “that's” became “it's”), expected the words of the original (line 1, column 65 of the original)", severity: 'major', fix: 'He has no misunderstanding: if any assembled Russian units move across the Ukrainian border, that’s an invasion.', safe: false}
      ]
    },
    {
      original: '“If we build this wall without studying the lower river, we are moving the problem, not solving it,” Okafor said.',
      derived: '“If we build this wall without studying the lower river, we are moving the problem, solving it,” Okafor said.',
      findings: [
        {range: '1:2-1:96', actual: 'If we build this wall without studying the lower river, we are moving the problem, solving it,', message: 'Unexpected change in a quotation (“not” dropped), expected the words of the original (line 1, column 2 of the original)', severity: 'major', fix: 'If we build this wall without studying the lower river, we are moving the problem, not solving it,', safe: false}
      ]
    },
    {
      original: biden,
      derived: biden + ' “We will respond with overwhelming force,” he added.',
      findings: [
        {range: '1:180-1:220', actual: 'We will respond with overwhelming force,', message: 'Unexpected quotation that nobody in the original says, expected only words quoted in the original', severity: 'major'}
      ]
    }
  ],
  good: [
    {
      original: biden,
      derived: '"I\'ve been absolutely clear with President Putin" Biden said. "He has no misunderstanding - if any assembled Russian units move across the Ukrainian border that\'s an invasion!"',
      why: 'straight quotes for curly ones, other punctuation'
    },
    {
      original: '“If we build this wall without studying the lower river, we are moving the problem, not solving it,” Okafor said.',
      derived: '“If we build this wall … we are moving the problem, not solving it,” Okafor said.',
      why: 'words left out where an ellipsis says so'
    },
    {
      original: biden,
      derived: 'Biden said any Russian move across the border would be, in his words, “an invasion.”',
      why: 'a contiguous part of an original quotation'
    }
  ]
})
