/**
 * The part-of-speech tagger signature: words in (the word tokens of one
 * sentence, as retext split them), one Penn Treebank tag and a lemma per word
 * out. The product ships one tagger, `brill`, loaded lazily on first use, so a
 * run whose enabled rules never ask for tags never pays for its lexicon.
 * measure/bench-taggers.ts compares it with others passed in through the
 * linter's `tagger` option; docs/architecture-pos.md says why `brill` won.
 */
import {createRequire} from 'node:module'

export interface TagInput {
  value: string
  start: number
  end: number
}

export interface Tag {
  /** Penn Treebank tag (NN, NNS, NNP, VBD, VBZ, MD, JJ, PRP$, ...). */
  tag: string
  /** Lower-cased lemma where the tagger gives one, else the lower-cased word. */
  lemma: string
}

/** Tag the words of one sentence; `text` is the file's text (the words' offsets point into it). */
export type Tagger = (words: readonly TagInput[], text: string) => Tag[]

const require = createRequire(import.meta.url)

/** "Kiev’s" is one retext word; taggers know "Kiev". The clitic is tagged POS-free, as the stem. */
const possessive = /['’]s$/i

// --- brill: the `pos` package (Brill's lexicon + transformation rules; what retext-pos wraps) ---

interface BrillTagger {
  tag(words: string[]): Array<[string, string]>
}

let brillTagger: BrillTagger | undefined

export const brill: Tagger = (words) => {
  if (!brillTagger) {
    const posjs = require('pos') as {Tagger: new () => BrillTagger}
    brillTagger = new posjs.Tagger()
  }

  const values = words.map((word) => word.value.replace(possessive, '') || word.value)
  return brillTagger.tag(values).map(([value, tag]) => ({tag, lemma: value.toLowerCase()}))
}

/**
 * The tags Brill's lexicon allows for a lower-cased word, out of context
 * ("say": VBP, VB, NN, ...), for rules that need to know what a word can be
 * rather than what the tagger guessed it is in one sentence.
 */
export function lexiconTags(word: string): readonly string[] {
  if (!brillTagger) brill([], '')
  const lexicon = (brillTagger as unknown as {lexicon: Record<string, string[] | undefined>}).lexicon
  return Object.hasOwn(lexicon, word) ? lexicon[word]! : []
}
