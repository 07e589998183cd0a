/** The MLQE-PE train split (ro, et, ru into English) as MQM-like segments, for measuring rules on BAD tags. */
import {readJsonl, sharedDataFile} from './datasets.js'
import {detokenize} from './detokenize.js'
import type {MqmSegment} from './mqm.js'

interface MlqeRow {
  id: string
  lp: string
  split: string
  target: string
  post_edit: string
  word_tags: string[]
}

/** One train-split sentence, tokenized as MLQE-PE ships it: MT tokens, their OK/BAD tags, the human post-edit's tokens. */
export interface MlqeSentence {
  id: string
  lp: string
  tokens: string[]
  tags: string[]
  postEdit: string[]
}

/** The train split of every MLQE-PE file present, sentences whose tags line up with their tokens. */
export function mlqeTrainSentences(): MlqeSentence[] {
  const sentences: MlqeSentence[] = []
  for (const lp of ['ro', 'et', 'ru']) {
    const file = sharedDataFile(`mlqe-pe-${lp}-en.jsonl`)
    if (!file) continue
    for (const row of readJsonl<MlqeRow>(file)) {
      if (row.split !== 'train') continue
      const tokens = row.target.split(' ')
      if (tokens.length !== row.word_tags.length) continue
      sentences.push({id: row.id, lp: row.lp, tokens, tags: row.word_tags, postEdit: (row.post_edit ?? '').split(' ')})
    }
  }

  return sentences
}

/** MLQE-PE sentences as MQM segments: each BAD word is a span of its own. */
export function badSegments(): MqmSegment[] {
  return mlqeTrainSentences().map(({id, lp, tokens, tags}) => {
    const {text, ranges} = detokenize(tokens)
    const spans = ranges.filter((_, index) => tags[index] === 'BAD').map(([start, end]) => ({start, end, category: 'BAD', severity: ''}))
    return {key: id, system: lp, doc: id, segId: '0', target: text, spans}
  })
}
