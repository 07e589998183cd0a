/**
 * One name spelled two ways in one document, found without a table: the
 * same letters with and without diacritics or an inner hyphen or space
 * (`Mbappé` / `Mbappe`, `Ing-wen` / `Ingwen`), or one word of a multi-word
 * name a letter off while its neighbour stays (`Narendra Modi` / `Narendra
 * Mody`). The variants term-consistency's table lists (`Kiev` / `Kyiv`) are
 * that rule's; the shapes and what they leave alone are in
 * src/engine/name-variants.ts.
 */
import {defineRule} from '../src/engine/rule.js'
import {NameVariants, nameVariantKinds, type NameVariantKind} from '../src/engine/name-variants.js'
import {majorityOf, withoutGlosses} from '../src/engine/spelling-variants.js'
import {termEntries} from './term-consistency.js'

export interface NameVariantOptions extends Record<string, unknown> {
  /** The kinds of variant to report (all by default). */
  kinds?: NameVariantKind[]
}

/** Every run of whole words in the forms of term-consistency's table, in lower case ("kim jong-un", "jong-un", "kim"): a name it knows is its to judge. */
const tableParts = new Set(
  termEntries.flatMap((entry) =>
    entry.variants.flat().flatMap((form) => {
      const words = form.toLowerCase().split(' ')
      return words.flatMap((_, start) => words.slice(start).map((__, length) => words.slice(start, start + length + 1).join(' ')))
    })
  )
)
const inTable = (form: string) => tableParts.has(form.toLowerCase())

export default defineRule<NameVariantOptions>(
  {
    id: 'name-variant',
    category: 'consistency',
    severity: 'minor',
    scope: 'document',
    description:
      'A name spelled two ways in one document without a table: with and without diacritics (Mbappé and Mbappe), with and without an inner hyphen or space (Ing-wen and Ingwen), or one letter changed in a word of a multi-word name beside the same neighbour (Narendra Modi and Narendra Mody; two letters in long words, Mohammed and Muhammad) or in a full name\'s surname used alone (Andrei Slepniov and Slipniov); the spelling used most is expected. Common words, demonyms and country names never pair (Iran and Iraq, Korea and Korean), nor do names a letter apart in a run of capitals (OpenSSH and OpenSSL: a letter of an acronym), and a letter dropped, added or swapped is left to a spelling checker: edited news slips that way too (Nordstrand and Norstrand).',
    optionsSchema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        kinds: {
          description: 'The kinds of variant to report: `diacritics`, `joining` (hyphen or space), `edit` (a letter off in a multi-word name), `surname` (a word alone a letter off the surname of a full name). All by default.',
          type: 'array',
          uniqueItems: true,
          items: {enum: [...nameVariantKinds]}
        }
      }
    },
    examples: {
      bad: [
        {
          text: 'Turkey’s main opposition leader, Kemal Kılıçdaroğlu, called for calm on Sunday night. Kilicdaroglu told supporters in Ankara the count was not over.',
          findings: [
            {range: '1:87-1:99', actual: 'Kilicdaroglu', message: 'Unexpected `Kilicdaroglu`, expected `Kılıçdaroğlu` as first used in this document', severity: 'minor', fix: 'Kılıçdaroğlu', safe: false}
          ]
        },
        {
          text: 'In fact, both Constantin Serban and Radu Șerban are Moldovean Gheorghe Șerban.',
          findings: [
            {range: '1:26-1:32', actual: 'Serban', message: 'Unexpected `Serban`, expected `Șerban` as used 2 times in this document', severity: 'minor', fix: 'Șerban', safe: false}
          ]
        },
        {
          text: 'Vice Chairman of the Taiwanese People\'s National Party, Shi Lian, will meet with the Director of the State Council of China, Liu Bei, and the Permanent Secretary of the Political Bureau of the CPC Central Committee, Wang Yi-ning. According to the official Xinhua news agency, the Vice Chairman of the Kuomintang Party, Mr. Shao Yi, met with the CCP Central Political Bureau\'s Standing Committee Chairman, Mr. Wang Yining, the new State Bureau Director, Mr. Liu Yi, and the Beijing Municipal Committee Secretary, Mr. Liu Yi.',
          findings: [
            {range: '1:415-1:421', actual: 'Yining', message: 'Unexpected `Yining`, expected `Yi-ning` as first used in this document', severity: 'minor', fix: 'Yi-ning', safe: false}
          ]
        },
        {
          text: 'The founder of Suzuki, Yang Yonggang, died of a sudden heart attack after leading the first transformation of Chinese clothing. On February 11, the certification body issued a public notice that the founder of Sugiyama Enterprises, Chairman of the Board of Directors of Sugiyama Holding Co., Ltd., Yang Yongkang, died on February 10, 2023 at the age of 65 due to sudden cardiac arrest.',
          findings: [
            {range: '1:304-1:312', actual: 'Yongkang', message: 'Unexpected `Yongkang`, expected `Yonggang` as first used in this document', severity: 'minor', fix: 'Yonggang', safe: false}
          ]
        },
        {
          text: 'In a recent exclusive interview with Xinhua News Agency, Andrei Slepniov, general manager of the Russian Export Center, said that Russia is willing to strengthen cooperation in the economic and trade field with China. Slipniov pointed out that in Russia’s exports to China, forestry, machinery manufacturing and chemical industries account for a considerable proportion.',
          findings: [
            {range: '1:219-1:227', actual: 'Slipniov', message: 'Unexpected `Slipniov`, expected `Slepniov` as first used in this document', severity: 'minor', fix: 'Slepniov', safe: false}
          ]
        }
      ],
      good: [
        {
          // WMT23 zh-en reference translation (refA, international_times-zh.9295, segment 969).
          text: 'According to South Korea\'s "North Korea News" and other reports, in the official group photo of Kim Jong-un and Lee Seok-joo with their daughter Kim Joo-ae at the dinner on the 7th, Kim Joo-ae not only sat in the middle of her parents, but she also joined Kim Jong-un on the podium at the military parade.',
          why: 'two names of one family (`Jong-un`, `Joo-ae`) and `North Korea` / `South Korea` are different names'
        },
        {
          text: 'Iran and Iraq signed a border security agreement on Sunday, and Austria and Australia renewed their working holiday scheme.',
          why: 'country names the lexicon knows never pair, however close their letters'
        },
        {
          text: 'The Sudanese army said fighting had spread across Sudan, and South Korean diplomats left the South Korea embassy in Khartoum.',
          why: 'a demonym is not a spelling of its country'
        },
        {
          text: 'Mohamed Salah and Mohammed Kudus both scored on Sunday.',
          why: 'two people: the other parts of the names differ'
        },
        {
          text: 'Li Keqiang handed over to Li Qiang, who was confirmed as premier in March.',
          why: 'a name longer by two letters is another name'
        },
        {
          text: 'Taiwan\'s president, Tsai Ing-wen (also spelled Tsai Ingwen), spoke in Taipei on Friday.',
          why: 'a deliberate gloss names both spellings'
        },
        {
          text: 'Ivana Trump, the first wife of Donald Trump, and her daughter Ivanka Trump attended the gala.',
          why: 'a letter more is another name as often as a slip; a dropped or added letter never pairs (edited news drops letters too: `Nordstrand` / `Norstrand` on the clean set)'
        },
        {
          text: 'Debian uses OpenSSH, a free version of SSH maintained by the OpenBSD project. A widely used library like Debian OpenSSL should not generate warnings.',
          why: 'a letter of a run of capitals (an acronym) spells another name: OpenSSH and OpenSSL are two projects (after the Debian Administrator\'s Handbook, whose page on SSH names both)'
        }
      ]
    }
  },
  ({text, options, report}) => {
    const variants = new NameVariants(new Set(options.kinds ?? nameVariantKinds), inTable)
    variants.addText(text)
    for (const group of variants.groups()) {
      const uses = withoutGlosses(group.uses, text)
      if (new Set(uses.map((use) => use.variant)).size < 2) continue
      const {variant: winner, reason} = majorityOf(uses)
      const expected = group.forms[winner]!
      const first = uses.find((use) => use.variant === winner)!
      for (const use of uses) {
        if (use.variant === winner) continue
        report({
          start: use.start,
          end: use.end,
          message: `Unexpected \`${use.form}\`, expected \`${expected}\` ${reason}`,
          expected: [expected],
          // Which spelling is right is an editorial decision.
          safe: false,
          related: [{start: first.start, end: first.end, message: `\`${first.form}\` is first used here`}]
        })
      }
    }
  }
)
