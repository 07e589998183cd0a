/**
 * Full-width CJK punctuation in English text ("said，the plan", "January。",
 * "the 《People's Daily》", "100％ renewable"):
 * a Chinese or Japanese source's marks carried into the translation, where
 * English takes its own mark and a space. Full-width Latin letters and
 * digits too ("the Ｓ-400 system", "in ２０２０"): a Chinese source types
 * them at the width of its characters, and a translation that keeps them
 * reads as English at the wrong width (search, sorting and numbers parse
 * them as other characters). They are this rule's, not foreign-script's:
 * the letters are English, and the fix is the same letters, safe.
 */
import {defineRule} from '../src/engine/rule.js'

/** Each full-width mark and the English mark that replaces it. */
const english = new Map<string, string>([
  ['，', ','],
  ['、', ','],
  ['。', '.'],
  ['：', ':'],
  ['；', ';'],
  ['！', '!'],
  ['？', '?'],
  ['（', '('],
  ['）', ')'],
  ['【', '['],
  ['】', ']'],
  // Title marks: English quotes a title (or sets it in italics).
  ['《', '“'],
  ['》', '”'],
  ['％', '%']
])

/** A full-width mark, or a run of full-width Latin letters and digits (`ＡＢＣ`, `２０２０`), the forms a Chinese source types them in. */
const fullWidth = new RegExp(`[${[...english.keys()].join('')}]|(?<alphanumeric>[０-９Ａ-Ｚａ-ｚ]+)`, 'gu')
/** Latin letters near the mark, of ordinary width: the text is English, not a quoted Chinese passage. */
const latinNear = /(?:(?![Ａ-Ｚａ-ｚ])\p{Script=Latin}){2}/u
/** A full-width letter or digit as its ordinary form: the block sits 0xFEE0 above ASCII. */
const ordinary = (run: string) => [...run].map((character) => String.fromCharCode(character.charCodeAt(0) - 0xfee0)).join('')
const cjk = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u

export default defineRule(
  {
    id: 'fullwidth-punctuation',
    category: 'localization',
    severity: 'minor',
    description: 'A full-width Chinese or Japanese punctuation mark (，。：；（）《》％), or full-width Latin letters or digits (ＡＢＣ, ２０２０), in English text.',
    examples: {
      bad: [
        {
          text: 'Anti-fraud tips：never share your account password or verification code.',
          findings: [
            {range: '1:16-1:17', actual: '：', message: 'Unexpected full-width `：`, expected `:` with a space after it', severity: 'minor', fix: ': ', safe: true}
          ],
          fixed: 'Anti-fraud tips: never share your account password or verification code.'
        },
        {
          text: 'Raise personal awareness of prevention；report suspicious calls at once.',
          findings: [
            {range: '1:39-1:40', actual: '；', message: 'Unexpected full-width `；`, expected `;` with a space after it', severity: 'minor', fix: '; ', safe: true}
          ],
          fixed: 'Raise personal awareness of prevention; report suspicious calls at once.'
        },
        {
          text: 'Consumer prices rose 2.1 percent in January。',
          findings: [
            {range: '1:44-1:45', actual: '。', message: 'Unexpected full-width `。`, expected `.`', severity: 'minor', fix: '.', safe: true}
          ],
          fixed: 'Consumer prices rose 2.1 percent in January.'
        },
        {
          // newstest2020 MT (DeepMind, tsrus.cn.2112, segment 598) with the source's full-width `Ｓ` kept.
          text: 'Such weapons can also be integrated into a unified network with other air defense systems, especially the Ｓ-400 system.',
          findings: [
            {range: '1:107-1:108', actual: 'Ｓ', message: 'Unexpected full-width `Ｓ`, expected `S`', severity: 'minor', fix: 'S', safe: true}
          ],
          fixed: 'Such weapons can also be integrated into a unified network with other air defense systems, especially the S-400 system.'
        },
        {
          // WMT23 MT (GPT4-5shot, hunan_ribao-zh.11306, segment 902) with the date in full-width digits.
          text: 'February 11, ２０２３, 13:09:10 [Source: Xinhua News Agency] [Editor: Li Xufeng]',
          findings: [
            {range: '1:14-1:18', actual: '２０２３', message: 'Unexpected full-width `２０２３`, expected `2023`', severity: 'minor', fix: '2023', safe: true}
          ],
          fixed: 'February 11, 2023, 13:09:10 [Source: Xinhua News Agency] [Editor: Li Xufeng]'
        }
      ],
      good: [
        {text: 'The ministry said the plan would be published next month.', why: 'English marks'},
        {text: 'The sign read “出口，入口” at the station entrance.', why: 'marks inside a Chinese passage'},
        {text: 'The sign read “２号出口” at the station entrance.', why: 'digits inside a Chinese passage'}
      ]
    }
  },
  ({text, report}) => {
    for (const match of text.matchAll(fullWidth)) {
      const start = match.index
      const mark = match[0]
      const end = start + mark.length
      const before = text.slice(Math.max(0, start - 12), start)
      const after = text.slice(end, end + 12)
      // Next to Chinese characters the mark belongs to the Chinese: that is foreign-script's to report.
      if (cjk.test(before.slice(-1)) || cjk.test(after.charAt(0))) continue
      if (!latinNear.test(before) && !latinNear.test(after)) continue
      if (match.groups?.alphanumeric) {
        // Letters and digits keep their place: only their width changes.
        const fixed = ordinary(mark)
        report({start, end, message: `Unexpected full-width \`${mark}\`, expected \`${fixed}\``, expected: [fixed], safe: true})
        continue
      }

      const replacement = english.get(mark)!
      // An English mark takes a space after it (an opening bracket, before it) where the source had none.
      const opening = replacement === '(' || replacement === '[' || replacement === '“'
      const spaceBefore = opening && /[^\s(\[]$/u.test(before)
      const spaceAfter = !opening && /^[\p{L}\p{N}]/u.test(after)
      const fixed = (spaceBefore ? ' ' : '') + replacement + (spaceAfter ? ' ' : '')
      report({
        start,
        end: start + 1,
        message: `Unexpected full-width \`${mark}\`, expected \`${replacement}\`${spaceBefore ? ' with a space before it' : spaceAfter ? ' with a space after it' : ''}`,
        expected: [fixed],
        safe: true
      })
    }
  }
)
