/**
 * Part-of-speech tags on the shared tree, for the grammar-aware rules.
 *
 * Tags are computed lazily and cached per tree (WeakMap), one sentence at a
 * time: a rule first looks at the cheap token view of a sentence and asks for
 * tags only when its pre-filter says the sentence could matter, so a file is
 * tagged at most once, only where some enabled rule needs it, and never when
 * no enabled rule asks.
 */
import type {Root} from 'nlcst'
import {brill, type Tagger} from './pos-taggers.js'
import {paragraphTokens, type Token} from './tokens.js'

export interface TaggedWord {
  value: string
  /** `value` lower-cased (the token's). */
  lower: string
  start: number
  end: number
  /** Penn Treebank tag. */
  tag: string
  /** Lower-cased lemma (the tagger's, or the lower-cased word when it gives none). */
  lemma: string
  /** Index of this word in its sentence's `tokens`. */
  token: number
}

export interface SentenceView {
  /** Index of the paragraph in the file and of the sentence in that paragraph. */
  paragraph: number
  index: number
  /** Number of sentences in the paragraph. */
  siblings: number
  start: number
  end: number
  /** All tokens (words, punctuation, symbols), as in tokens.ts. */
  tokens: Token[]
  /** The word tokens only. */
  words: Token[]
}

const sentenceCache = new WeakMap<Root, SentenceView[]>()
const tagCache = new WeakMap<SentenceView, TaggedWord[]>()

/** How a run tags: the linter's `tagger` and `onTag` options, kept per tree (no process-wide state). */
export interface Tagging {
  /** The tagger (default: `brill`, the benchmark's winner). */
  tagger?: Tagger
  /** Called with the number of words each time a sentence is tagged (the bench reports how much the pre-filters save). */
  onTag?: (words: number) => void
}

const taggingOfTree = new WeakMap<Root, Tagging>()
const taggingOfSentence = new WeakMap<SentenceView, Tagging>()

/** Tag the sentences of `tree` with these settings (the linter calls this before its rules run). */
export function setTagging(tree: Root, tagging: Tagging): void {
  taggingOfTree.set(tree, tagging)
  for (const sentence of sentenceCache.get(tree) ?? []) taggingOfSentence.set(sentence, tagging)
}

/** The sentences of a file over the shared token view (cached per tree). */
export function sentencesOf(tree: Root, text: string): SentenceView[] {
  let sentences = sentenceCache.get(tree)
  if (!sentences) {
    sentences = []
    const paragraphs = paragraphTokens(tree, text)
    for (let paragraph = 0; paragraph < paragraphs.length; paragraph++) {
      const tokens = paragraphs[paragraph]!.tokens
      const first = sentences.length
      // A sentence's tokens are one run of the paragraph's tokens.
      for (let runStart = 0; runStart < tokens.length; ) {
        let runEnd = runStart + 1
        while (runEnd < tokens.length && tokens[runEnd]!.sentence === tokens[runStart]!.sentence) runEnd++
        const own = tokens.slice(runStart, runEnd)
        const words: Token[] = []
        for (const token of own) if (token.kind === 'word') words.push(token)
        sentences.push({paragraph, index: sentences.length - first, siblings: 0, start: own[0]!.start, end: own.at(-1)!.end, tokens: own, words})
        runStart = runEnd
      }

      for (let index = first; index < sentences.length; index++) sentences[index]!.siblings = sentences.length - first
    }

    sentenceCache.set(tree, sentences)
    const tagging = taggingOfTree.get(tree)
    if (tagging) for (const sentence of sentences) taggingOfSentence.set(sentence, tagging)
  }

  return sentences
}

/** The tagged words of one sentence (tagged on first request, then cached). */
export function tagsOf(sentence: SentenceView, text: string): TaggedWord[] {
  let tagged = tagCache.get(sentence)
  if (!tagged) {
    const tagging = taggingOfSentence.get(sentence)
    const tags = (tagging?.tagger ?? brill)(sentence.words, text)
    tagging?.onTag?.(sentence.words.length)
    const positions = new Map(sentence.tokens.map((token, index) => [token, index]))
    tagged = sentence.words.map((word, index) => ({
      value: word.value,
      lower: word.lower,
      start: word.start,
      end: word.end,
      tag: tags[index]?.tag ?? 'NN',
      lemma: tags[index]?.lemma ?? word.lower,
      token: positions.get(word)!
    }))
    tagCache.set(sentence, tagged)
  }

  return tagged
}

/** Every sentence of the file with its tagged words (what a rule that needs them all, or the bench, calls). */
export function posOf(tree: Root, text: string, tagging?: Tagging): Array<{sentence: SentenceView; words: TaggedWord[]}> {
  if (tagging) setTagging(tree, tagging)
  return sentencesOf(tree, text).map((sentence) => ({sentence, words: tagsOf(sentence, text)}))
}

/** Tags that mark a finite verb (or a modal). */
export const finiteVerbTags = new Set(['VBD', 'VBZ', 'VBP', 'MD'])

export function isVerbTag(tag: string): boolean {
  return tag.startsWith('VB') || tag === 'MD'
}
