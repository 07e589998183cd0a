/**
 * Part-of-speech taggers the bench compares with the engine's `brill`
 * (measure/bench-taggers.ts): wink-nlp is a dev dependency, so it lives here
 * and reaches the engine only through the linter's `tagger` option.
 */
import {createRequire} from 'node:module'
import {brill, type Tagger} from '../../src/engine/pos-taggers.js'

export const taggerNames = ['brill', 'wink'] as const
export type TaggerName = (typeof taggerNames)[number]

const require = createRequire(import.meta.url)

// --- wink: wink-nlp with wink-eng-lite-web-model (contextual, Universal POS + lemma) ---

interface WinkItem {
  out(what?: unknown): string
}
interface WinkDoc {
  tokens(): {out(what?: unknown): string[]; length(): number; itemAt(index: number): WinkItem}
}
interface Wink {
  readDoc(text: string): WinkDoc
  its: Record<string, unknown>
}

let wink: Wink | undefined

const winkTagger: Tagger = (words, text) => {
  if (!wink) {
    const winkNLP = require('wink-nlp') as (model: unknown) => Wink
    wink = winkNLP(require('wink-eng-lite-web-model'))
  }

  const {its} = wink
  if (words.length === 0) return []
  const start = words[0]!.start
  const slice = text.slice(start, words.at(-1)!.end)
  const tokens = wink.readDoc(slice).tokens()
  const values = tokens.out()
  const upos = tokens.out(its['pos'])
  const lemmas = tokens.out(its['lemma'])
  // wink tokenizes on its own: find each of its tokens in the slice, then give
  // each retext word the tag of the wink token that starts where it starts.
  const byOffset = new Map<number, number>()
  let cursor = 0
  for (let index = 0; index < values.length; index++) {
    const at = slice.indexOf(values[index]!, cursor)
    if (at === -1) continue
    byOffset.set(start + at, index)
    cursor = at + values[index]!.length
  }

  return words.map((word) => {
    const index = byOffset.get(word.start)
    if (index === undefined) return {tag: 'NN', lemma: word.value.toLowerCase()}
    const value = values[index]!
    const lemma = (lemmas[index] ?? value).toLowerCase()
    return {tag: pennOf(upos[index]!, value, lemma), lemma}
  })
}

const modals = new Set(['will', 'would', 'can', 'could', 'shall', 'should', 'may', 'might', 'must', "'ll", 'ca', 'wo'])
/** Auxiliaries whose Penn tag follows from their form alone. */
const auxiliaryTags = new Map(Object.entries({
  is: 'VBZ', are: 'VBP', am: 'VBP', was: 'VBD', were: 'VBD', been: 'VBN', being: 'VBG', be: 'VB',
  has: 'VBZ', have: 'VBP', had: 'VBD', does: 'VBZ', do: 'VBP', did: 'VBD'
}))
const possessivePronouns = new Set(['my', 'your', 'his', 'her', 'its', 'our', 'their'])
const whWords = new Map(Object.entries({who: 'WP', whom: 'WP', whose: 'WP$', which: 'WDT', what: 'WP'}))

/** Universal POS + form + lemma -> the Penn tag the rules read (number and finiteness from the lemma). */
function pennOf(upos: string, value: string, lemma: string): string {
  const lower = value.toLowerCase()
  switch (upos) {
    case 'NOUN':
      return lower !== lemma && /s$/.test(lower) ? 'NNS' : 'NN'
    case 'PROPN':
      return 'NNP'
    case 'VERB':
    case 'AUX':
      if (modals.has(lower)) return 'MD'
      const auxiliary = auxiliaryTags.get(lower)
      if (auxiliary) return auxiliary
      if (lower.endsWith('ing')) return 'VBG'
      if (lower === lemma) return 'VBP'
      if (/s$/.test(lower) && lower.slice(0, -1).startsWith(lemma.slice(0, -1))) return 'VBZ'
      return 'VBD'
    case 'ADJ':
      return 'JJ'
    case 'ADV':
      return 'RB'
    case 'DET':
      return whWords.get(lower) ?? 'DT'
    case 'ADP':
    case 'SCONJ':
      return 'IN'
    case 'PRON':
      if (possessivePronouns.has(lower)) return 'PRP$'
      return whWords.get(lower) ?? 'PRP'
    case 'CCONJ':
      return 'CC'
    case 'NUM':
      return 'CD'
    case 'PART':
      return lower === 'to' ? 'TO' : 'RB'
    case 'INTJ':
      return 'UH'
    default:
      return 'SYM'
  }
}

export const taggers: Record<TaggerName, Tagger> = {brill, wink: winkTagger}
