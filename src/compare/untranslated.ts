/** A target that is the source again, or that keeps words in the source's script. */
import {definePairCheck} from './pair-check.js'
import {scriptOf, scriptPattern} from './language.js'

export const untranslatedCheck = definePairCheck(
  {
    id: 'untranslated',
    category: 'accuracy',
    dimension: 'Accuracy/Untranslated',
    severity: 'major',
    description: 'The target repeats the source, or keeps characters of the source language’s script.',
    examples: {
      bad: [
        {
          source: '他在北京工作。',
          target: 'He works in 北京.',
          findings: [
            {range: '1:13-1:15', actual: '北京', message: "Unexpected untranslated `北京` in the source's script (Han), expected English (segment line 1)", severity: 'major'}
          ]
        },
        {
          source: 'Das ist nicht möglich, sagte er.',
          target: 'Das ist nicht möglich, sagte er.',
          findings: [
            {range: '1:1-1:33', actual: 'Das ist nicht möglich, sagte er.', message: 'Unexpected target identical to the source, expected a translation (segment line 1)', severity: 'major'}
          ],
          sourceLang: 'de'
        },
        {
          source: 'Он живёт в Москве.',
          target: 'He lives in Москве.',
          findings: [
            {range: '1:13-1:19', actual: 'Москве', message: "Unexpected untranslated `Москве` in the source's script (Cyrillic), expected English (segment line 1)", severity: 'major'}
          ]
        }
      ],
      good: [
        {source: '他在北京工作。', target: 'He works in Beijing.'},
        {source: 'Bundesliga', target: 'Bundesliga', sourceLang: 'de', why: 'a name is the same in both languages'},
        {source: 'iPhone 15 发布', target: 'iPhone 15 released'}
      ]
    }
  },
  (segment, {sourceLang, report}) => {
    const source = normalize(segment.source)
    const target = normalize(segment.target)
    // Names and short labels stay the same in translation; a repeated sentence does not.
    const words = target.match(/\p{L}{2,}/gu) ?? []
    const script = scriptOf(sourceLang)
    if (source === target && (script !== 'Latin' ? words.length > 0 : words.length >= 3)) {
      report({segment, start: 0, end: segment.target.length, message: 'Unexpected target identical to the source, expected a translation'})
      return
    }

    const pattern = scriptPattern(script)
    if (!pattern) return
    for (const match of segment.target.matchAll(pattern)) {
      report({
        segment,
        start: match.index,
        end: match.index + match[0].length,
        message: `Unexpected untranslated \`${match[0]}\` in the source's script (${script}), expected English`
      })
    }
  }
)

function normalize(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, ' ').trim()
}
