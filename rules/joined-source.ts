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
 * A source ends its headline's line or runs on in capitals: where the
 * sentence goes on, an acronym is a compound's head ("the secure-HTTP (443)
 * port") and a site name after a capitalised word is named in running text
 * ("Steve Kemp of Debian-Administration.org, ...").
 */
import {defineRule} from '../src/engine/rule.js'
import {checkTable, wordSet, type WordList} from '../src/engine/phrases.js'
import {type Lines, linesOf} from '../src/engine/lines.js'
import {glued, paragraphTokens, partsOf, touchedBefore, type Token, type TokenSequence} from '../src/engine/tokens.js'
import schema from '../schemas/joined-source.schema.json' with {type: 'json'}
import table from './data/joined-source.json' with {type: 'json'}

/** The prefixes and domain endings are data (data/joined-source.json, shape: schemas/joined-source.schema.json). */
checkTable('joined-source', table, schema)
const lists = table as unknown as Record<'prefixes' | 'domainEndings', WordList>
const prefixes = wordSet(lists.prefixes)
const domainEndings = wordSet(lists.domainEndings)

/** The word before the hyphen: three or more letters. */
const letters = /^\p{L}{3,}$/u
const lowerCase = /^\p{Ll}+$/u
/** The name after it: a capital, then letters and digits ("Xinhua", "ST", "Chinanews"); a capital alone is a letter ("a straight-A student", "plan-B"), never a source. */
const name = /^\p{Lu}[\p{L}\p{N}]+$/u
const acronym = /^\p{Lu}+$/u

/** A part glued to `previous` with exactly this value (a "-", a "."). */
function gluedMark(parts: TokenSequence, index: number, previous: Token, value: string): boolean {
  const part = parts.get(index)
  return part !== undefined && part.value === value && glued(previous, part)
}

export default defineRule(
  {
    id: 'joined-source',
    category: 'spacing',
    severity: 'minor',
    description: 'A headline\'s source or another name glued to a lower-case word by a hyphen ("the world-Xinhua.com", "delayed tonight-China News Network", "joint partner-ST Engineering"): a separator takes a space on each side; prefixes ("anti-", "then-") make compounds, and so does an acronym the sentence goes on after ("the secure-HTTP (443) port"), as a site name in running text is named ("Steve Kemp of Debian-Administration.org, ...").',
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
        {text: "Unlike me, she is a straight-A student and she didn't have any friends.", why: 'a single capital letter is a letter grade, not a source (MLQE-PE ru-en post-edit)'},
        {text: 'The eruption on Thíra, 100 kilometers from Crete, took place during the late-Minoan era.', why: '"late-" makes a compound with a proper adjective (MLQE-PE et-en post-edit)'},
        {text: 'The video reviewed the relations between China, Indonesia and China-ASEAN.', why: 'a capitalised word before the hyphen makes a compound of names'},
        {
          text: 'The first one is the web server, and the checks are made on the HTTP (80) and secure-HTTP (443) ports.',
          why: 'an acronym after a lower-case word, the sentence going on, heads a compound (Debian Administrator\'s Handbook)'
        },
        {text: 'This case can be addressed both by a RAID-0 (or even linear-RAID) and by an LVM volume.', why: 'the same compound before a bracket (Debian Administrator\'s Handbook)'},
        {
          text: 'Ladislav Bodnar of Distrowatch, Steve Kemp of Debian-Administration.org, Christian Pfeiffer Jensen of Debian-News.net, Artem Nosulchik of LinuxScrew.com.',
          why: 'a site name the sentence goes on after is named in running text, not a headline\'s source (Debian Administrator\'s Handbook, its acknowledgements)'
        }
      ]
    }
  },
  ({tree, text, report}) => {
    let lines: Lines | undefined
    for (const paragraph of paragraphTokens(tree, text)) {
      // Only a paragraph with a hyphen holds the shape, read as parts ("world" "-" "Xinhua" "." "com").
      if (!paragraph.tokens.some((token) => token.value.includes('-'))) continue
      const parts = partsOf(paragraph)
      for (let index = 0; index + 2 < parts.length; index++) {
        const word = parts.get(index)!
        // Not the middle of a compound ("dairy-industry-Xinhua").
        if (word.kind !== 'word' || !letters.test(word.value) || !gluedMark(parts, index + 1, word, '-') || touchedBefore(parts, index)) continue
        const named = parts.get(index + 2)!
        if (named.kind !== 'word' || !glued(parts.get(index + 1)!, named) || !name.test(named.value)) continue
        // ".com", ".com.cn": the endings of a site name, each glued to the last.
        let end = index + 2
        while (gluedMark(parts, end + 1, parts.get(end)!, '.') && domainEndings.has(parts.get(end + 2)?.value ?? '') && glued(parts.get(end + 1)!, parts.get(end + 2)!)) end += 2
        const domain = end > index + 2
        const last = parts.get(end)!
        // The name is this word's: "Coca-Cola-Xinhua" is read once, from "Coca".
        index = end
        if (prefixes.has(word.lower)) continue
        // A headline's source stands at its line's end, or runs on in capitals ("partner-ST Engineering Aerospace is"). Where the sentence
        // goes on, an acronym after a lower-case word is the head of a compound ("the secure-HTTP (443) port", "a linear-RAID volume"), and
        // a site name after a capitalised word is named in running text ("Steve Kemp of Debian-Administration.org, ...").
        const after = (lines ??= linesOf(tree, text)).after(last.end)
        const runsOn = /[\p{L}\p{N}]/u.test(after) && !/^\s+\p{Lu}/u.test(after)
        // Only a site name follows a capitalised word: "Speech-Chinanews.com", not "Coca-Cola".
        if (lowerCase.test(word.value) ? !domain && runsOn && acronym.test(named.value) : !domain || /[\p{L}\p{N}]/u.test(after)) continue
        const whole = text.slice(word.start, last.end)
        const fixed = `${word.value} - ${text.slice(named.start, last.end)}`
        report({
          start: word.start,
          end: last.end,
          message: `Unexpected \`${whole}\`, expected \`${fixed}\``,
          expected: [fixed],
          safe: false
        })
      }
    }
  }
)
