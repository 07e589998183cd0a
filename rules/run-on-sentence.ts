/**
 * Two sentences run together with no full stop between them ("the
 * sustainable development goals It provides a new perspective"): machine
 * translation that drops a sentence mark, or a segment joined to the next.
 * Only the words that open a sentence and never stand capitalised inside one
 * are judged (data/sentence-openers.json: subject pronouns and sentence
 * adverbs), after a lower-case word and before a lower-case one, so titles
 * ("the film It Follows", "the song Take It Easy"), names and quotations
 * that open with a capital are left alone. "He" is left out: it is also a
 * Chinese surname ("researcher He said"). The text's first sentence is left
 * alone too: a headline run into its body, as text pasted without its line
 * breaks has it ("... to save dog hit by car This is the heroic moment"), is
 * not a sentence missing its mark.
 */
import {defineRule} from '../src/engine/rule.js'
import {sentencesOf} from '../src/engine/pos.js'
import table from './data/sentence-openers.json' with {type: 'json'}

const openers = new Set((table as {openers: string[]}).openers)
const lowerWord = /^\p{Ll}{2,}$/u
const lowerStart = /^\p{Ll}/u

export default defineRule(
  {
    id: 'run-on-sentence',
    category: 'punctuation',
    severity: 'minor',
    description: 'A sentence that runs into the next with no full stop: a capitalised subject pronoun or sentence adverb ("It", "They", "However") between two lower-case words.',
    examples: {
      bad: [
        {
          text: 'The repurchase of stocks by listed companies is conducive to boosting investor confidence and has a supporting effect on the stock prices of listed companies. According to the estimation of the Oriental Securities Research Report, according to the estimated number of stock repurchases set by the A-share listed companies since the beginning of this year and the average transaction price of the stocks repurchased, the incremental capital brought by the stock repurchase this year to the A-share market It is expected to exceed 150 billion yuan.',
          findings: [
            {range: '1:504-1:507', actual: ' It', message: 'Unexpected `market It` with no sentence mark, expected `market. It`', severity: 'minor', fix: '. It', safe: false}
          ]
        },
        {
          text: 'He believes that the project may not be actually implemented, but it will help strengthen the relationship between the two countries. According to RIA Novosti, Andrey Slepnev, president of the Russian Export Center, said during the Eastern Economic Forum that product information of more than 170 Russian companies has been on Alibaba.com, the largest international wholesale online platform It can be purchased in China or in other countries.',
          findings: [
            {range: '1:392-1:395', actual: ' It', message: 'Unexpected `platform It` with no sentence mark, expected `platform. It`', severity: 'minor', fix: '. It', safe: false}
          ]
        },
        {
          text: 'The sentence at the end of the video resonated with the majority of netizens. In an interview with Xinhua News Agency, Cui Aimin, director of the consular department of the Ministry of Foreign Affairs, said the short film aims to further make the people feel the feelings and temperature of "diplomacy for the people" and let Chinese citizens feel that no matter where they are in the world, Chinese diplomats They will lend a helping hand to them, giving help, strength and hope.',
          findings: [
            {range: '1:410-1:415', actual: ' They', message: 'Unexpected `diplomats They` with no sentence mark, expected `diplomats. They`', severity: 'minor', fix: '. They', safe: false}
          ]
        }
      ],
      good: [
        {text: 'The studio released a trailer on Monday. Critics praised the horror film It Follows when it opened in 2015.', why: 'a title: the word after the capitalised pronoun is capitalised too'},
        {text: 'The delegation arrived on Monday. Speaking at the forum, researcher He said the results were promising.', why: '"He" is also a Chinese surname and is not judged'},
        {text: 'Hero police officer rushes onto busy motorway to save dog hit by car This is the heroic moment a police officer ran out onto a busy motorway.', why: 'a headline run into its body at the start of the text (pasted without its line break)'},
        {text: 'The ministry listed the new rules on Monday. Two take effect at once\nThey cover fuel and food prices.', why: 'a line break, not a space, stands between the two: a list item or a heading'},
        {text: 'The minister spoke for an hour. However, she took no questions, and we left.', why: 'a sentence adverb at the start of a sentence'}
      ]
    }
  },
  ({tree, text, report, opensText}) => {
    for (const sentence of sentencesOf(tree, text)) {
      // The text's first sentence may be a headline run into the body.
      if (opensText && sentence.paragraph === 0 && sentence.index === 0) continue
      const tokens = sentence.tokens
      for (let index = 1; index + 1 < tokens.length; index++) {
        const opener = tokens[index]!
        if (opener.kind !== 'word' || !openers.has(opener.value)) continue
        const before = tokens[index - 1]!
        const after = tokens[index + 1]!
        if (before.kind !== 'word' || after.kind !== 'word' || !lowerWord.test(before.value) || !lowerStart.test(after.value)) continue
        // Only a plain space: a line break may end a heading or a list item.
        if (text.slice(before.end, opener.start) !== ' ' || text.slice(opener.end, after.start) !== ' ') continue
        report({
          start: before.end,
          end: opener.end,
          message: `Unexpected \`${before.value} ${opener.value}\` with no sentence mark, expected \`${before.value}. ${opener.value}\``,
          expected: [`. ${opener.value}`]
        })
      }
    }
  }
)
