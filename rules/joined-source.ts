/**
 * A headline's source glued to its last word by a hyphen ("the crisis of
 * trust-Chinanews.com", "around the world-Xinhua.com"): Chinese news sites
 * end a headline with "——中新网" or "-新华网", and machine translation keeps
 * the mark but drops its spaces, so the site name reads as half of a
 * compound. A separator takes a space on each side. Only a site name (a
 * capitalised word with a domain ending) is judged, and a prefix before the
 * hyphen ("an anti-Amazon.com protest") makes a real compound, so it stays
 * quiet.
 */
import {defineRule} from '../src/engine/rule.js'

/** A word of three or more letters, a hyphen, a capitalised site name with its domain ending. */
const joinedSite = /(?<![\p{L}\p{N}'’])(\p{L}{3,})-(\p{Lu}[\p{L}\p{N}]*(?:\.(?:com|cn|net|org))+)(?![\p{L}\p{N}])/gu

/** Prefixes that make a compound with a name ("anti-Amazon.com", "post-Yahoo.com"). */
const prefixes = new Set(['anti', 'non', 'pro', 'pre', 'post', 'mid', 'sub', 'inter', 'pan', 'neo', 'pseudo', 'ultra', 'semi', 'multi'])

export default defineRule(
  {
    id: 'joined-source',
    category: 'spacing',
    severity: 'minor',
    description: 'A headline\'s source site glued to its last word by a hyphen ("the world-Xinhua.com"): a separator takes a space on each side.',
    examples: {
      bad: [
        {
          text: 'Research shows that manufacturing industry has become the focus of attention of major countries around the world-Xinhua.com',
          findings: [
            {range: '1:108-1:124', actual: 'world-Xinhua.com', message: 'Unexpected `world-Xinhua.com` with the source glued to the headline, expected `world - Xinhua.com`', severity: 'minor', fix: 'world - Xinhua.com', safe: false}
          ]
        },
        {
          text: 'The repurchase scale of listed companies reached an all-time high of more than 100 billion yuan during the year-Xinhua.com',
          findings: [
            {range: '1:108-1:123', actual: 'year-Xinhua.com', message: 'Unexpected `year-Xinhua.com` with the source glued to the headline, expected `year - Xinhua.com`', severity: 'minor', fix: 'year - Xinhua.com', safe: false}
          ]
        }
      ],
      good: [
        {text: 'More than 30 pieces of the Summer Palace\'s fine cultural relics are on display for the first time - Xinhua.com', why: 'the separator is spaced'},
        {text: 'Shoppers joined an anti-Amazon.com protest outside the warehouse in Seattle.', why: 'a prefix makes a compound with the name'},
        {text: 'The ticket resale site StubHub.com was sold to Viagogo for $4 billion.', why: 'a site name with no hyphen before it'}
      ]
    }
  },
  ({text, report}) => {
    for (const match of text.matchAll(joinedSite)) {
      const [, word, site] = match as unknown as [string, string, string]
      if (prefixes.has(word.toLowerCase())) continue
      const fixed = `${word} - ${site}`
      report({
        start: match.index,
        end: match.index + match[0].length,
        message: `Unexpected \`${match[0]}\` with the source glued to the headline, expected \`${fixed}\``,
        expected: [fixed],
        safe: false
      })
    }
  }
)
