/**
 * Part-of-speech tags on the shared tree, for the grammar-aware rules.
 *
 * Tags are computed lazily and cached on each sentence of the tree's view, one sentence at a
 * time: a rule first looks at the cheap token view of a sentence and asks for
 * tags only when its pre-filter says the sentence could matter, so a file is
 * tagged at most once, only where some enabled rule needs it, and never when
 * no enabled rule asks.
 */
import type {Root} from 'nlcst'
import {brill, type Tagger} from './pos-taggers.js'
import {timedView} from './rule.js'
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

/**
 * A sentence keeps its own tags and tagging settings: a WeakMap entry per
 * sentence (an ephemeron) costs the garbage collector more than the tags
 * themselves on a long text.
 */
interface Sentence extends SentenceView {
  tagged: TaggedWord[] | undefined
  tagging: Tagging | undefined
}

const sentenceCache = new WeakMap<Root, Sentence[]>()

/** How a run tags: the linter's `tagger` and `onTag` options, kept per tree (no process-wide state). */
export interface Tagging {
  /** The tagger (default: `brill`, the benchmark's winner). */
  tagger?: Tagger
  /** Called with the number of words each time a sentence is tagged (the bench reports how much the pre-filters save). */
  onTag?: (words: number) => void
}

const taggingOfTree = new WeakMap<Root, Tagging>()

/** Tag the sentences of `tree` with these settings (the linter calls this before its rules run). */
export function setTagging(tree: Root, tagging: Tagging): void {
  taggingOfTree.set(tree, tagging)
  for (const sentence of sentenceCache.get(tree) ?? []) sentence.tagging = tagging
}

/** The sentences of a file over the shared token view (cached per tree). */
export function sentencesOf(tree: Root, text: string): SentenceView[] {
  return sentenceCache.get(tree) ?? timedView(() => buildSentences(tree, text))
}

function buildSentences(tree: Root, text: string): Sentence[] {
  const sentences: Sentence[] = []
  const tagging = taggingOfTree.get(tree)
  const paragraphs = paragraphTokens(tree, text)
  for (let paragraph = 0; paragraph < paragraphs.length; paragraph++) {
    const tokens = paragraphs[paragraph]!.tokens
    const first = sentences.length
    // A sentence's tokens are one run of the paragraph's tokens.
    for (let runStart = 0; runStart < tokens.length; ) {
      const sentence = tokens[runStart]!.sentence
      let runEnd = runStart + 1
      while (runEnd < tokens.length && tokens[runEnd]!.sentence === sentence) runEnd++
      const own = tokens.slice(runStart, runEnd)
      const words: Token[] = []
      for (const token of own) if (token.kind === 'word') words.push(token)
      sentences.push({paragraph, index: sentences.length - first, siblings: 0, start: own[0]!.start, end: own[runEnd - runStart - 1]!.end, tokens: own, words, tagged: undefined, tagging})
      runStart = runEnd
    }

    for (let index = first; index < sentences.length; index++) sentences[index]!.siblings = sentences.length - first
  }

  sentenceCache.set(tree, sentences)
  return sentences
}

/** The tagged words of one sentence (tagged on first request, then cached). */
export function tagsOf(sentence: SentenceView, text: string): TaggedWord[] {
  return (sentence as Sentence).tagged ?? timedView(() => tag(sentence as Sentence, text), false)
}

function tag(sentence: Sentence, text: string): TaggedWord[] {
  const {tagging, tokens, words} = sentence
  const tags = (tagging?.tagger ?? brill)(words, text)
  tagging?.onTag?.(words.length)
  const tagged: TaggedWord[] = new Array(words.length)
  // Words are a subsequence of the tokens: one walk finds each word's index.
  let token = 0
  for (let index = 0; index < words.length; index++) {
    const word = words[index]!
    while (tokens[token] !== word) token++
    const found = tags[index]
    tagged[index] = {value: word.value, lower: word.lower, start: word.start, end: word.end, tag: found?.tag ?? 'NN', lemma: found?.lemma ?? word.lower, token}
  }

  sentence.tagged = tagged
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
