/**
 * "Although ..., but ..." ("Although the case itself still has doubts, but
 * its suspicion is difficult to clear"): Chinese 虽然……但是 marks the
 * contrast twice; English marks it once, with "although" or with "but". Only
 * an although-clause that runs to the comma before "but" is reported:
 * "Although it rained, we went out, but we came back early" coordinates a
 * third clause and is English.
 */
import {defineRule} from '../src/engine/rule.js'

/** "although", "though", "even though"; the clause after it is read by hand. */
const though = /\b(?:al)?though\b/giu
/** The concessive clause: no sentence mark and no comma before the comma that "but" follows. */
const clauseToBut = /^ [^.;:?!,]{3,150}?( ?, but)\b/u

export default defineRule(
  {
    id: 'although-but',
    category: 'redundancy',
    severity: 'minor',
    description: '"Although ..., but ...": the contrast marked twice (Chinese 虽然……但是); English keeps "although" or "but".',
    examples: {
      bad: [
        {
          text: 'Although the case itself still has doubts, but its suspicion is difficult to clear.',
          findings: [
            {range: '1:42-1:47', actual: ', but', message: 'Unexpected `but` after a clause opened by `Although`, expected one of the two', severity: 'minor', fix: ',', safe: false}
          ],
          fixed: 'Although the case itself still has doubts, its suspicion is difficult to clear.'
        },
        {
          text: 'The war was waged over the later city of Riga with peasants, although Christians won, but Berthold fell.',
          findings: [
            {range: '1:85-1:90', actual: ', but', message: 'Unexpected `but` after a clause opened by `although`, expected one of the two', severity: 'minor', fix: ',', safe: false}
          ],
          fixed: 'The war was waged over the later city of Riga with peasants, although Christians won, Berthold fell.'
        },
        {
          text: 'Many buyers believe that the "insurance agreement" although it is to give buyers a "pill of peace" , but the conditions are not low.',
          findings: [
            {range: '1:99-1:105', actual: ' , but', message: 'Unexpected `but` after a clause opened by `although`, expected one of the two', severity: 'minor', fix: ',', safe: false}
          ]
        }
      ],
      good: [
        {text: 'Although it rained, the crowd stayed, but many left before the speeches.', why: 'a third clause joined by "but"'},
        {text: 'The plan, though, was dropped, but talks went on.', why: '"though" as an adverb opens no clause'},
        {text: 'Although turnout was low, the vote passed. But the opposition called it void.', why: '"But" opens the next sentence'}
      ]
    }
  },
  ({text, report}) => {
    for (const match of text.matchAll(though)) {
      const after = text.slice(match.index + match[0].length, match.index + match[0].length + 170)
      const clause = clauseToBut.exec(after)
      if (!clause) continue
      const end = match.index + match[0].length + clause[0].length
      const start = end - clause[1]!.length
      report({
        start,
        end,
        message: `Unexpected \`but\` after a clause opened by \`${match[0]}\`, expected one of the two`,
        expected: [',']
      })
    }
  }
)
