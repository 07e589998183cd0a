/**
 * A source number with no counterpart anywhere in the translation, where the
 * translation has no wrong number in its place (that is number-mismatch).
 * A weaker kind than a changed number: human translators drop datelines and
 * report days (`2月11日电`), so it is minor and weighed apart in the score.
 */
import {numbersOf} from './number-mismatch.js'
import {definePairCheck} from './pair-check.js'

export const numberMissingCheck = definePairCheck(
  {
    id: 'number-missing',
    category: 'accuracy',
    dimension: 'Accuracy/Omission',
    severity: 'minor',
    description: 'A number of the source is left out of the translation, with no equivalent form anywhere in the segment.',
    examples: {
      bad: [
        {
          source: '共有3人受伤。',
          target: 'A total of people were injured.',
          findings: [
            {range: '1:1-1:32', actual: 'A total of people were injured.', message: "Unexpected translation without the source's number `3`, expected it in some writing (segment line 1)", severity: 'minor'}
          ]
        },
        {
          source: '统计显示，1月台湾地区进出口双降，出超金额仅23.4亿美元，创近3年来最低水平。',
          target: "Concurring to measurements, Taiwan's imports and trades diminished in January, with the excess coming to a record-low US$2.34 billion.",
          findings: [
            {range: '1:1-1:135', actual: "Concurring to measurements, Taiwan's imports and trades diminished in January, with the excess coming to a record-low US$2.34 billion.", message: "Unexpected translation without the source's number `3`, expected it in some writing (segment line 1)", severity: 'minor'}
          ]
        }
      ],
      good: [
        {source: '共有3人受伤。', target: 'Three people were injured.', why: 'a number written in words'},
        {source: '新华社北京2月10日电', target: 'BEIJING, Feb. 10 (Xinhua)', why: 'a dateline carried over'},
        {source: '去年收到92万份申请。', target: 'It received 920,000 applications last year.'},
        {source: '共有3人受伤。', target: 'A total of 4 people were injured.', why: 'a changed number is number-mismatch, not a number left out'}
      ]
    }
  },
  (segment, {sourceLang, report}) => {
    const {missing, extra} = numbersOf(segment, sourceLang)
    if (extra.length > 0 || missing.length === 0) return
    report({
      segment,
      start: 0,
      end: segment.target.length,
      message: `Unexpected translation without the source's number \`${missing.map((mention) => mention.text).join('`, `')}\`, expected it in some writing`
    })
  }
)
