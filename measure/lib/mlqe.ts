/** The MLQE-PE train split (ro, et, ru into English) as MQM-like segments, for measuring rules on BAD tags. */
import {readJsonl, sharedDataFile} from './datasets.js'
import {detokenize} from './detokenize.js'
import type {MqmSegment} from './mqm.js'

interface MlqeRow {
  id: string
  lp: string
  split: string
  target: string
  word_tags: string[]
}

/** MLQE-PE sentences as MQM segments: each BAD word is a span of its own. */
export function badSegments(): MqmSegment[] {
  const segments: MqmSegment[] = []
  for (const lp of ['ro', 'et', 'ru']) {
    const file = sharedDataFile(`mlqe-pe-${lp}-en.jsonl`)
    if (!file) continue
    for (const row of readJsonl<MlqeRow>(file)) {
      if (row.split !== 'train') continue
      const tokens = row.target.split(' ')
      if (tokens.length !== row.word_tags.length) continue
      const {text, ranges} = detokenize(tokens)
      const spans = ranges.filter((_, index) => row.word_tags[index] === 'BAD').map(([start, end]) => ({start, end, category: 'BAD', severity: ''}))
      segments.push({key: row.id, system: row.lp, doc: row.id, segId: '0', target: text, spans})
    }
  }

  return segments
}
