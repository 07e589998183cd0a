/** One source translated two ways in a file, and one translation given to two different sources. */
import {defineFileCheck} from './pair-check.js'
import type {Segment} from './segment.js'

export const consistencyCheck = defineFileCheck(
  {
    id: 'segment-consistency',
    category: 'consistency',
    dimension: 'Terminology/Inconsistent use',
    severity: 'minor',
    description: 'The same source segment is translated two ways in one file, or two different sources get the same translation.',
    examples: {
      bad: [
        {
          source: '保存文件\n打开\n保存文件',
          target: 'Save the file\nOpen\nSave file',
          findings: [
            {range: '3:1-3:10', actual: 'Save file', message: 'Unexpected second translation of the same source, expected `Save the file` as in segment line 1 (segment line 3)', severity: 'minor', fix: 'Save the file', safe: false}
          ]
        },
        {
          source: '删除所有数据\n删除全部草稿',
          target: 'Delete all the data\nDelete all the data',
          findings: [
            {range: '2:1-2:20', actual: 'Delete all the data', message: 'Unexpected same translation as segment line 1 for a different source, expected a translation of this source (segment line 2)', severity: 'minor'}
          ]
        }
      ],
      good: [
        {source: '保存文件\n打开\n保存文件', target: 'Save the file\nOpen\nSave the file'},
        {source: '是\n对', target: 'Yes\nYes', why: 'short answers legitimately share a translation'}
      ]
    }
  },
  ({segments, report}) => {
    const bySource = new Map<string, Segment>()
    const byTarget = new Map<string, Segment>()
    for (const segment of segments) {
      const source = loose(segment.source)
      const target = loose(segment.target)
      if (source === '' || target === '') continue
      const first = bySource.get(source)
      if (!first) bySource.set(source, segment)
      else if (loose(first.target) !== target) {
        report({
          segment,
          start: 0,
          end: segment.target.length,
          message: `Unexpected second translation of the same source, expected \`${first.target}\` as in segment ${first.id}`,
          expected: [first.target],
          related: [{segment: first, start: 0, end: first.target.length, message: 'first translation'}]
        })
        continue
      }

      // Short targets (Yes, Open) rightly translate several sources.
      if (target.split(' ').length < 3) continue
      const same = byTarget.get(target)
      if (!same) byTarget.set(target, segment)
      else if (loose(same.source) !== source) {
        report({
          segment,
          start: 0,
          end: segment.target.length,
          message: `Unexpected same translation as segment ${same.id} for a different source, expected a translation of this source`,
          related: [{segment: same, start: 0, end: same.target.length, message: 'same translation, other source'}]
        })
      }
    }
  }
)

/** Case, spacing and punctuation differences are not a second translation. */
function loose(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim()
}
