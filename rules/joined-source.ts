/**
 * A headline's source glued to its last word by a hyphen ("the crisis of
 * trust-Chinanews.com", "delayed tonight-China News Network"), and other
 * words run into a name the same way ("the company's joint partner-ST
 * Engineering"): Chinese news sites end a headline with "——中新网" or
 * "-新华网", and machine translation keeps the mark but drops its spaces, so
 * the name reads as half of a compound. A separator takes a space on each
 * side. Judged are a lower-case word before a capitalised one, and any word
 * before a site name (a domain ending: "Keynote Speech-Chinanews.com"); a
 * prefix before the hyphen ("an anti-Amazon.com protest", "the one-China
 * principle", "then-President Obama") makes a real compound and stays quiet.
 */
import {defineRule} from '../src/engine/rule.js'

/** A word of three or more letters, a hyphen, a capitalised word with an optional domain ending. */
const joined = /(?<![\p{L}\p{N}'’-])(\p{L}{3,})-(\p{Lu}[\p{L}\p{N}]*)((?:\.(?:com|cn|net|org))+)?(?![\p{L}\p{N}])/gu
const lowerCase = /^\p{Ll}+$/u

/** Prefixes that make a compound with a name ("anti-Amazon.com", "mid-January", "then-President"). */
const prefixes = new Set([
  'anti', 'non', 'pro', 'pre', 'post', 'mid', 'sub', 'inter', 'intra', 'extra', 'pan', 'neo', 'pseudo', 'ultra', 'semi',
  'multi', 'trans', 'cross', 'counter', 'self', 'all', 'far', 'one', 'over', 'under', 'out', 'then', 'vice', 'quasi',
  'half', 'part', 'crypto', 'hyper', 'super', 'mini'
])

export default defineRule(
  {
    id: 'joined-source',
    category: 'spacing',
    severity: 'minor',
    description: 'A headline\'s source or another name glued to a lower-case word by a hyphen ("the world-Xinhua.com", "delayed tonight-China News Network", "joint partner-ST Engineering"): a separator takes a space on each side; prefixes ("anti-", "then-") make compounds.',
    examples: {
      bad: [
        {
          text: 'Research shows that manufacturing industry has become the focus of attention of major countries around the world-Xinhua.com',
          findings: [
            {range: '1:108-1:124', actual: 'world-Xinhua.com', message: 'Unexpected `world-Xinhua.com`, expected `world - Xinhua.com`', severity: 'minor', fix: 'world - Xinhua.com', safe: false}
          ]
        },
        {
          text: 'The repurchase scale of listed companies reached an all-time high of more than 100 billion yuan during the year-Xinhua.com',
          findings: [
            {range: '1:108-1:123', actual: 'year-Xinhua.com', message: 'Unexpected `year-Xinhua.com`, expected `year - Xinhua.com`', severity: 'minor', fix: 'year - Xinhua.com', safe: false}
          ]
        },
        {
          text: 'Beijing Subway Line 1, Line 2 and Line 7 will be delayed tonight-China News Network',
          findings: [
            {range: '1:58-1:71', actual: 'tonight-China', message: 'Unexpected `tonight-China`, expected `tonight - China`', severity: 'minor', fix: 'tonight - China', safe: false}
          ]
        },
        {
          text: "Yang Zhicheng, general manager of Vietnam Airlines, said that the company's joint partner-ST Engineering Aerospace is the world's largest and highest level aircraft maintenance group.",
          findings: [
            {range: '1:83-1:93', actual: 'partner-ST', message: 'Unexpected `partner-ST`, expected `partner - ST`', severity: 'minor', fix: 'partner - ST', safe: false}
          ]
        },
        {
          text: 'Hohhot accelerates the upgrading of dairy industry structure-Xinhuanet',
          findings: [
            {range: '1:52-1:71', actual: 'structure-Xinhuanet', message: 'Unexpected `structure-Xinhuanet`, expected `structure - Xinhuanet`', severity: 'minor', fix: 'structure - Xinhuanet', safe: false}
          ]
        }
      ],
      good: [
        {text: 'More than 30 pieces of the Summer Palace\'s fine cultural relics are on display for the first time - Xinhua.com', why: 'the separator is spaced'},
        {text: 'Shoppers joined an anti-Amazon.com protest outside the warehouse in Seattle.', why: 'a prefix makes a compound with the name'},
        {text: 'The ticket resale site StubHub.com was sold to Viagogo for $4 billion.', why: 'a site name with no hyphen before it'},
        {text: 'Both sides restated their commitment to the one-China principle.', why: 'a prefix makes a compound with the name'},
        {text: 'The deal was signed by then-President Barack Obama in 2015.', why: '"then-" makes a compound with a title'},
        {text: 'Shares of Coca-Cola rose 2% in New York.', why: 'a capitalised word before the hyphen makes a compound of names'},
        {text: 'The video reviewed the relations between China, Indonesia and China-ASEAN.', why: 'a capitalised word before the hyphen makes a compound of names'}
      ]
    }
  },
  ({text, report}) => {
    for (const match of text.matchAll(joined)) {
      const [whole, word, name, domain] = match as unknown as [string, string, string, string | undefined]
      // Only a site name follows a capitalised word: "Speech-Chinanews.com", not "Coca-Cola".
      if ((!domain && !lowerCase.test(word)) || prefixes.has(word.toLowerCase())) continue
      const fixed = `${word} - ${name}${domain ?? ''}`
      report({
        start: match.index,
        end: match.index + whole.length,
        message: `Unexpected \`${whole}\`, expected \`${fixed}\``,
        expected: [fixed],
        safe: false
      })
    }
  }
)
