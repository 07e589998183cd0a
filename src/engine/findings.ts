/**
 * From the messages rules leave on the file to findings, and the word count
 * the score divides by: shared by the whole-text lint (lint.ts), the
 * windowed lint (windows.ts) and the editor's block lint (lint-block.ts).
 */
import type {Root, Paragraph, Sentence} from 'nlcst'
import {makeFinding} from './check.js'
import type {MtlintMessageFields} from './rule.js'
import type {Finding} from './types.js'

export type Message = MtlintMessageFields & {
  reason: string
  ruleId: string
  url: string
  actual: string
  expected: string[]
}

export function toFinding(message: Message): Finding {
  const check = {id: message.ruleId, category: message.category, dimension: message.dimension, url: message.url}
  return makeFinding(check, message.severity, {
    message: message.reason,
    start: message.startPoint,
    end: message.endPoint,
    actual: message.actual,
    expected: message.expected,
    safe: message.safe,
    related: message.related
  })
}

/** Words as MQM counts them: word tokens of the parse (numbers included). */
export function countWords(tree: Root): number {
  let words = 0
  for (const paragraph of tree.children) {
    if (paragraph.type !== 'ParagraphNode') continue
    for (const sentence of (paragraph as Paragraph).children) {
      if (sentence.type !== 'SentenceNode') continue
      for (const child of (sentence as Sentence).children) if (child.type === 'WordNode') words++
    }
  }

  return words
}
