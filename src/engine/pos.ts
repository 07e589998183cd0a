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
import {taggers, type TaggerName} from './pos-taggers.js'
import {paragraphTokens, type Token} from './tokens.js'

export interface TaggedWord {
  value: string
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
  /** All tokens (words, punctuation, spaces), as in tokens.ts. */
  tokens: Token[]
  /** The word tokens only. */
  words: Token[]
}

const sentenceCache = new WeakMap<Root, SentenceView[]>()
const tagCache = new WeakMap<SentenceView, TaggedWord[]>()

let current: TaggerName = 'brill'

/** How much tagging the process has done (the bench reports how much the pre-filters save). */
export const posStats = {sentences: 0, words: 0}

/** Choose the tagger for the whole process (the default is the benchmark's winner; the bench switches it). */
export function useTagger(name: TaggerName): void {
  current = name
}

export function currentTagger(): TaggerName {
  return current
}

/** The sentences of a file over the shared token view (cached per tree). */
export function sentencesOf(tree: Root, text: string): SentenceView[] {
  let sentences = sentenceCache.get(tree)
  if (!sentences) {
    sentences = []
    const paragraphs = paragraphTokens(tree, text)
    for (let paragraph = 0; paragraph < paragraphs.length; paragraph++) {
      const grouped: Token[][] = []
      for (const token of paragraphs[paragraph]!.tokens) (grouped[token.sentence] ??= []).push(token)
      // The space between two sentences belongs to the next one in the token view: trim it off.
      const present = grouped
        .map((tokens) => trimSpaces(tokens))
        .filter((tokens) => tokens.length > 0)
      present.forEach((tokens, index) => {
        sentences!.push({
          paragraph,
          index,
          siblings: present.length,
          start: tokens[0]!.start,
          end: tokens.at(-1)!.end,
          tokens,
          words: tokens.filter((token) => token.kind === 'word')
        })
      })
    }

    sentenceCache.set(tree, sentences)
  }

  return sentences
}

function trimSpaces(tokens: Token[]): Token[] {
  let first = 0
  let last = tokens.length - 1
  while (first <= last && tokens[first]!.kind === 'space') first++
  while (last >= first && tokens[last]!.kind === 'space') last--
  return tokens.slice(first, last + 1)
}

/** The tagged words of one sentence (tagged on first request, then cached). */
export function tagsOf(sentence: SentenceView, text: string): TaggedWord[] {
  let tagged = tagCache.get(sentence)
  if (!tagged) {
    const tags = taggers[current](sentence.words, text)
    posStats.sentences++
    posStats.words += sentence.words.length
    const positions = new Map(sentence.tokens.map((token, index) => [token, index]))
    tagged = sentence.words.map((word, index) => ({
      value: word.value,
      start: word.start,
      end: word.end,
      tag: tags[index]?.tag ?? 'NN',
      lemma: tags[index]?.lemma ?? word.value.toLowerCase(),
      token: positions.get(word)!
    }))
    tagCache.set(sentence, tagged)
  }

  return tagged
}

/** Every sentence of the file with its tagged words (what a rule that needs them all, or the bench, calls). */
export function posOf(tree: Root, text: string): Array<{sentence: SentenceView; words: TaggedWord[]}> {
  return sentencesOf(tree, text).map((sentence) => ({sentence, words: tagsOf(sentence, text)}))
}

/** Tags that mark a finite verb (or a modal). */
export const finiteVerbTags = new Set(['VBD', 'VBZ', 'VBP', 'MD'])

export function isVerbTag(tag: string): boolean {
  return tag.startsWith('VB') || tag === 'MD'
}
