/**
 * Full-width CJK punctuation in English text ("said，the plan", "January。",
 * "the 《People's Daily》", "100％ renewable"):
 * a Chinese or Japanese source's marks carried into the translation, where
 * English takes its own mark and a space.
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

const fullWidth = new RegExp(`[${[...english.keys()].join('')}]`, 'gu')
/** Latin letters near the mark: the text is English, not a quoted Chinese passage. */
const latinNear = /\p{Script=Latin}{2}/u
const cjk = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u

export default defineRule(
  {
    id: 'fullwidth-punctuation',
    category: 'localization',
    severity: 'minor',
    description: 'A full-width Chinese or Japanese punctuation mark (，。：；（）《》％) in English text.',
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
        }
      ],
      good: [
        {text: 'The ministry said the plan would be published next month.', why: 'English marks'},
        {text: 'The sign read “出口，入口” at the station entrance.', why: 'marks inside a Chinese passage'}
      ]
    }
  },
  ({text, report}) => {
    for (const match of text.matchAll(fullWidth)) {
      const start = match.index
      const mark = match[0]
      const before = text.slice(Math.max(0, start - 12), start)
      const after = text.slice(start + 1, start + 13)
      // Next to Chinese characters the mark belongs to the Chinese: that is foreign-script's to report.
      if (cjk.test(before.slice(-1)) || cjk.test(after.charAt(0))) continue
      if (!latinNear.test(before) && !latinNear.test(after)) continue
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
