/**
 * An apostrophe typed as a straight double quote: `India"s`, `clients"
 * banking`. Seen in published news whose apostrophes went through a lossy
 * conversion, and in machine output that maps ’ to the wrong mark.
 */
import {paragraphQuotes, wordEndAfter, wordStartBefore} from '../src/engine/quotes.js'
import {defineRule} from '../src/engine/rule.js'

export default defineRule(
  {
    id: 'quote-apostrophe',
    category: 'quotation',
    severity: 'minor',
    // The apostrophe offered follows the whole document's style.
    scope: 'document',
    description: 'A straight double quotation mark where an apostrophe belongs: inside a word (`India"s`) or after a plural before a noun (`clients" banking`).',
    examples: {
      bad: [
        {
          text: 'The People\'s Liberation Army tried to lay a road close to India"s narrow Chicken Neck corridor.',
          findings: [
            {range: '1:59-1:66', actual: 'India"s', message: 'Unexpected `"` in `India"s`, expected an apostrophe (`\'`)', severity: 'minor', fix: "India's", safe: true}
          ],
          fixed: 'The People\'s Liberation Army tried to lay a road close to India\'s narrow Chicken Neck corridor.'
        },
        {
          text: 'The system combines data on clients" banking activities with public data on company ownership.',
          findings: [
            {range: '1:29-1:37', actual: 'clients"', message: 'Unexpected `"` in `clients"`, expected an apostrophe (`’`)', severity: 'minor', fix: 'clients’', safe: false}
          ],
          fixed: 'The system combines data on clients’ banking activities with public data on company ownership.'
        },
        {
          text: 'The court observed in 1974"s United States v. Nixon that privilege must yield.',
          findings: [
            {range: '1:23-1:29', actual: '1974"s', message: 'Unexpected `"` in `1974"s`, expected an apostrophe (`’`)', severity: 'minor', fix: '1974’s', safe: true}
          ],
          fixed: 'The court observed in 1974’s United States v. Nixon that privilege must yield.'
        },
        {
          text: 'Meanwhile, university presidents" annual salaries average out to $500,000, and workers" pay lags.',
          findings: [
            {range: '1:23-1:34', actual: 'presidents"', message: 'Unexpected `"` in `presidents"`, expected an apostrophe (`’`)', severity: 'minor', fix: 'presidents’', safe: false},
            {range: '1:80-1:88', actual: 'workers"', message: 'Unexpected `"` in `workers"`, expected an apostrophe (`’`)', severity: 'minor', fix: 'workers’', safe: false}
          ],
          fixed: 'Meanwhile, university presidents’ annual salaries average out to $500,000, and workers" pay lags.'
        }
      ],
      good: [
        {text: 'Johnson\'s office said Friday there are still "significant obstacles" to a deal.', why: 'a quotation closed after a plural'},
        {
          text: 'Facebook has begun hiding the number of "likes" for posts in Australia.',
          why: 'a one-word quotation ending in s'
        },
        {text: 'He said “it’s the ’90s again” and Jones’s band played rock ’n’ roll.', why: 'real apostrophes'},
        {
          text: 'The "Civility in Politics" awards were announced on Friday, and the "experts" said so.',
          why: 'quotations closed before a noun and a verb'
        }
      ]
    }
  },
  ({tree, text, report}) => {
    // Follow the document's own apostrophe: typographic if it uses any, else straight.
    let apostrophe: string | undefined
    for (const paragraph of paragraphQuotes(tree, text)) {
      for (const mark of paragraph.marks) {
        if (mark.role !== 'apostrophe') continue
        apostrophe ??= text.includes('’') || !text.includes("'") ? '’' : "'"
        const start = wordStartBefore(text, mark.start, paragraph.start)
        const end = wordEndAfter(text, mark.end, paragraph.end)
        const inWord = end > mark.end
        report({
          start,
          end,
          message: `Unexpected \`"\` in \`${text.slice(start, end)}\`, expected an apostrophe (\`${apostrophe}\`)`,
          expected: [text.slice(start, mark.start) + apostrophe + text.slice(mark.end, end)],
          // Between letters the mark can only be an apostrophe; after a plural it may close a lost quotation.
          safe: inWord
        })
      }
    }
  }
)
