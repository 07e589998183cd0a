/**
 * The word count the score divides by: shared by the whole-text lint
 * (lint.ts), the windowed lint (windows.ts), the editor's block lint
 * (lint-block.ts) and compare --original. The findings themselves are made
 * as the rules report them (findingsOf in rule.ts).
 */
import type {Root, Paragraph, Sentence} from 'nlcst'

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
