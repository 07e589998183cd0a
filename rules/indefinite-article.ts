/**
 * "a" before a word that starts with a vowel sound ("form a echelon brand
 * market", "a allocation of nearly S$500 million", "a invasive ventilator"):
 * English takes "an". Words spelled with a vowel but said with a consonant
 * ("a one-off", "a union", "a user", "a European") keep "a"; a capital "A"
 * inside a sentence is a letter ("Grade A offices"), and a capitalised word
 * after "a" is a name whose sound the spelling does not tell, so both are
 * left alone. Before a word no article can precede ("the letter a is",
 * "points a and b") the "a" is a letter or a name, not the article. The other direction ("an" before a consonant) is not checked:
 * in translation from Chinese "an" is as often a syllable of a name
 * ("Xi'an", "Ping An").
 */
import {defineRule} from '../src/engine/rule.js'

/** "a" or sentence-initial "A", a space, a lower-case vowel: the rest is checked by hand. */
const articleBeforeVowel = /\b[Aa] (?=[aeiou])/gu
/** Vowel letters said as a consonant: /w/ in "one", /j/ in "union", "user", "euro", "ewe", "uranium". */
const consonantSound = /^(?:one(?!r)|once|uni|unan|use|usu|usa|uti|ute|uto|ura|ure|uri|uro|eu|ewe|ubiq|uk)/u
const word = /^\p{Ll}+/u
/** Words that never follow an article: an "a" before them is a letter or a label ("the letter a is", "points a and b"). */
const notAfterArticle = new Set(['a', 'an', 'is', 'are', 'was', 'were', 'am', 'and', 'or', 'as', 'at', 'in', 'on', 'of', 'if', 'it', 'its', 'into', 'onto', 'upon', 'unless', 'until'])

export default defineRule(
  {
    id: 'indefinite-article',
    category: 'agreement',
    severity: 'minor',
    description: '"a" before a word that starts with a vowel sound ("a allocation", "a invasive ventilator"); "a one-off", "a union", "a user" keep "a".',
    examples: {
      bad: [
        {
          text: 'In April 2022, the Government announced a allocation of nearly S$500 million to strengthen the sector.',
          findings: [
            {range: '1:41-1:53', actual: 'a allocation', message: 'Unexpected `a allocation`, expected `an allocation`', severity: 'minor', fix: 'an allocation', safe: true}
          ],
          fixed: 'In April 2022, the Government announced an allocation of nearly S$500 million to strengthen the sector.'
        },
        {
          text: 'After being admitted to hospital, the 32-week-old baby was put on a invasive ventilator.',
          findings: [
            {range: '1:67-1:77', actual: 'a invasive', message: 'Unexpected `a invasive`, expected `an invasive`', severity: 'minor', fix: 'an invasive', safe: true}
          ],
          fixed: 'After being admitted to hospital, the 32-week-old baby was put on an invasive ventilator.'
        },
        {
          text: 'It was not easy to find workers because work in a explosives factory was considered to be dangerous.',
          findings: [
            {range: '1:49-1:61', actual: 'a explosives', message: 'Unexpected `a explosives`, expected `an explosives`', severity: 'minor', fix: 'an explosives', safe: true}
          ],
          fixed: 'It was not easy to find workers because work in an explosives factory was considered to be dangerous.'
        }
      ],
      good: [
        {text: 'The campaign also incurred a one-time late fee over its failure to file.', why: '"one" starts with a /w/ sound'},
        {text: 'The gifts included a onesie saying "The Future".', why: '"onesie" starts with a /w/ sound'},
        {text: 'It covers Grade A offices, luxury apartments and a university campus.', why: 'a capital "A" inside a sentence is a letter, and "university" starts with a /j/ sound'},
        {text: 'He is a European citizen and a union member.', why: 'a capitalised word is left alone; "union" starts with a /j/ sound'},
        {text: 'In the diagram, point a is joined to point b by a straight line.', why: 'no article comes before "is": the "a" is a label'}
      ]
    }
  },
  ({text, report}) => {
    for (const match of text.matchAll(articleBeforeVowel)) {
      const start = match.index
      // A capital "A" is the article only at the start of a sentence.
      if (text.charAt(start) === 'A' && !/(?:^|[.!?]["”’)]?\s+)$/u.test(text.slice(Math.max(0, start - 4), start))) continue
      // \b is ASCII: a letter such as ț before "a" makes it the end of a word ("Grivița and").
      if (/[\p{L}\p{M}\p{N}'’-]/u.test(text.charAt(start - 1))) continue
      const next = word.exec(text.slice(start + 2, start + 40))?.[0]
      if (!next || consonantSound.test(next)) continue
      const end = start + 2 + next.length
      // Whole words only: "a in-depth report" is the article before a compound.
      if (notAfterArticle.has(next) && !/^[\p{L}-]/u.test(text.charAt(end))) continue
      const fixed = `${text.charAt(start)}n ${next}`
      report({
        start,
        end,
        message: `Unexpected \`${text.slice(start, end)}\`, expected \`${fixed}\``,
        expected: [fixed],
        safe: true
      })
    }
  }
)
