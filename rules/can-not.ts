/**
 * "can not" for "cannot" ("France can not accept everyone", "myopia can not
 * be higher than 600 degrees"): English writes the negative of "can" as one
 * word; MT from Chinese (不能) spells it as two. "can not only ..." is "can"
 * with "not only", and stays quiet.
 */
import {defineRule} from '../src/engine/rule.js'

const canNot = /\b([Cc])an not\b(?! only\b)/gu

export default defineRule(
  {
    id: 'can-not',
    category: 'spacing',
    severity: 'minor',
    description: '"can not" written for "cannot" ("France can not accept everyone"); "can not only" is left alone.',
    examples: {
      bad: [
        {
          text: 'French President Macron recently claimed that France can not "accept everyone", but at the same time it must be generous.',
          findings: [
            {range: '1:54-1:61', actual: 'can not', message: 'Unexpected `can not`, expected `cannot`', severity: 'minor', fix: 'cannot', safe: true}
          ],
          fixed: 'French President Macron recently claimed that France cannot "accept everyone", but at the same time it must be generous.'
        },
        {
          text: 'The white paper points out that China\'s development can not be separated from the world.',
          findings: [
            {range: '1:53-1:60', actual: 'can not', message: 'Unexpected `can not`, expected `cannot`', severity: 'minor', fix: 'cannot', safe: true}
          ],
          fixed: 'The white paper points out that China\'s development cannot be separated from the world.'
        }
      ],
      good: [
        {text: 'The new line can not only carry freight but also passengers.', why: '"not only" belongs to "but also"'},
        {text: 'Officials said the talks cannot resume before March.', why: 'written as one word'}
      ]
    }
  },
  ({text, report}) => {
    for (const match of text.matchAll(canNot)) {
      const fixed = `${match[1]!}annot`
      report({
        start: match.index,
        end: match.index + match[0].length,
        message: `Unexpected \`${match[0]}\`, expected \`${fixed}\``,
        expected: [fixed],
        safe: true
      })
    }
  }
)
