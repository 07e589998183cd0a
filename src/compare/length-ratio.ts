/** Targets far shorter or longer than their source, for the language pair's usual range of length ratios. */
import {definePairCheck} from './pair-check.js'
import {primaryOf, scriptOf, type Script} from './language.js'

/**
 * English characters per source character (letters and digits, no spaces).
 * Wide on purpose: only outliers, such as a dropped clause, should fire.
 */
const ranges: Partial<Record<Script, [number, number]>> & {Latin: [number, number]} = {
  Han: [1.3, 7],
  Hiragana: [0.9, 5.5],
  Hangul: [0.9, 4.5],
  Cyrillic: [0.5, 2],
  Arabic: [0.6, 2.6],
  Latin: [0.45, 2.2]
}
/** Shorter sources say too little about the ratio. */
const minimumSource: Partial<Record<Script, number>> = {Han: 12, Hiragana: 15, Hangul: 12}

export function expectedRange(sourceLang: string): [number, number] {
  return ranges[scriptOf(sourceLang)] ?? [0.35, 3]
}

export const lengthCheck = definePairCheck(
  {
    id: 'length-ratio',
    category: 'accuracy',
    dimension: 'Accuracy/Omission',
    severity: 'minor',
    description: 'The target is much shorter (an omission) or much longer (an addition) than the source, for its language pair.',
    examples: {
      bad: [
        {
          source: '该公司表示，由于原材料价格上涨和需求下降，今年第三季度利润大幅下降。',
          target: 'Profits fell.',
          findings: [
            {range: '1:1-1:14', actual: 'Profits fell.', message: 'Unexpected length ratio 0.35 (target/source characters), expected 1.3–7 for zh-en (segment line 1)', severity: 'minor'}
          ]
        },
        {
          source: 'Die Sitzung des Stadtrats wurde vertagt.',
          target: 'The meeting was adjourned, and then everyone went home to think long and hard about what had happened there.',
          findings: [
            {range: '1:1-1:109', actual: 'The meeting was adjourned, and then everyone went home to think long and hard about what had happened there.', message: 'Unexpected length ratio 2.59 (target/source characters), expected 0.45–2.2 for de-en (segment line 1)', severity: 'minor'}
          ],
          sourceLang: 'de'
        }
      ],
      good: [
        {source: '该公司表示，由于原材料价格上涨和需求下降，今年第三季度利润大幅下降。', target: 'The company said third-quarter profits fell sharply this year on higher raw material prices and weaker demand.'},
        {source: 'Die Sitzung wurde vertagt.', target: 'The meeting was adjourned.', sourceLang: 'de'}
      ]
    }
  },
  (segment, {sourceLang, report}) => {
    const script = scriptOf(sourceLang)
    const sourceLength = countChars(segment.source)
    if (sourceLength < (minimumSource[script] ?? 25)) return
    const ratio = countChars(segment.target) / sourceLength
    const [low, high] = expectedRange(sourceLang)
    if (ratio >= low && ratio <= high) return
    report({
      segment,
      start: 0,
      end: segment.target.length,
      message: `Unexpected length ratio ${ratio.toFixed(2)} (target/source characters), expected ${low}–${high} for ${primaryOf(sourceLang)}-en`,
      dimension: ratio < low ? 'Accuracy/Omission' : 'Accuracy/Addition'
    })
  }
)

/** Letters and digits, without URLs and e-mail addresses (copied, not translated). */
export function countChars(text: string): number {
  return (text.replace(/\S+(?::\/\/|@)\S+/g, ' ').match(/[\p{L}\p{N}]/gu) ?? []).length
}
