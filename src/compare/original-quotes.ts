/**
 * Quote integrity: each quotation of the derived article is matched to a
 * quotation of the original, and flagged when its words differ. Words are
 * compared as keys (case, curly-vs-straight apostrophes and all punctuation
 * ignored), so re-punctuated quotes are not changes; quoting a contiguous
 * part of the original quotation is selection, not change.
 */
import type {Bead} from './original-align.js'
import {dice} from './original-align.js'
import {wordsIn, type Quotation, type Sentence, type TextModel} from './original-text.js'

export interface QuoteMatch {
  derived: Quotation
  /** The original quotation it came from, if one was found. */
  original?: Quotation
  /** True when the derived words are not the original's (nor a contiguous part of them). */
  changed: boolean
}

// Below this overlap a derived quotation is not taken for a reworded
// original one: too little is shared to name what it replaced.
const minimumOverlap = 0.4

export function matchQuotations(original: TextModel, derived: TextModel, beads: readonly Bead[]): QuoteMatch[] {
  const derivedToOriginal = new Map<number, number[]>()
  for (const bead of beads) for (const d of bead.derived) derivedToOriginal.set(d, bead.original)

  const allKeys = original.sentences.flatMap((sentence) => sentence.words.map((word) => word.key))
  const originalQuoteSentences = original.quotes.map((quote) => overlapping(original.sentences, quote))
  return derived.quotes.map((quote) => {
    const keys = quote.words.map((word) => word.key)
    // Verbatim (or a contiguous part of) any original quotation is never a change, aligned or not.
    const verbatim = original.quotes.find((candidate) => containsRun(candidate.words.map((w) => w.key), keys))
    if (verbatim) return {derived: quote, original: verbatim, changed: false}
    // “A,” he said. “B.” rejoined as one quotation: a run of two consecutive original quotations.
    const joined = original.quotes.find((candidate, index) => {
      const next = original.quotes[index + 1]
      return next !== undefined && containsRun([...candidate.words, ...next.words].map((w) => w.key), keys)
    })
    if (joined) return {derived: quote, original: joined, changed: false}
    const elided = elidedFrom(original.quotes, derived.text, quote)
    if (elided) return {derived: quote, original: elided, changed: false}

    // Candidates: original quotations in the sentences aligned to the quote's sentences (and their neighbours,
    // since a split or merge can move a quote across a bead boundary).
    const sentenceIndexes = overlapping(derived.sentences, quote)
    const near = new Set<number>()
    for (const d of sentenceIndexes) {
      for (const o of derivedToOriginal.get(d) ?? []) for (const k of [o - 1, o, o + 1]) near.add(k)
    }

    let bestQuote: Quotation | undefined
    let bestScore = 0
    for (const [index, candidate] of original.quotes.entries()) {
      const aligned = originalQuoteSentences[index]!.some((sentence) => near.has(sentence))
      // Unaligned candidates must overlap more: they are a guess across the article.
      const score = dice(candidate.words.map((w) => w.key), keys) * (aligned ? 1 : 0.8)
      if (score > bestScore) {
        bestScore = score
        bestQuote = candidate
      }
    }

    if (bestQuote && bestScore >= minimumOverlap) return {derived: quote, original: bestQuote, changed: true}
    // Scare quotes around the original's own words (a phrase of its narration) quote nobody wrongly.
    if (containsRun(allKeys, keys)) return {derived: quote, changed: false}
    return {derived: quote, changed: true}
  })
}

/**
 * A quotation with an ellipsis marks its omissions: it is unchanged when each
 * piece between ellipses is a run of one original quotation, in order. An
 * omission without an ellipsis ("not solving it" dropped) stays a change.
 */
function elidedFrom(originals: readonly Quotation[], text: string, quote: Quotation): Quotation | undefined {
  const pieces = text
    .slice(quote.inner.start, quote.inner.end)
    .split(/…|\.\s?\.\s?\./)
    .map((piece) => wordsIn(piece).map((word) => word.key))
    .filter((keys) => keys.length > 0)
  if (pieces.length < 2) return undefined
  return originals.find((candidate) => {
    const keys = candidate.words.map((word) => word.key)
    let from = 0
    for (const piece of pieces) {
      const at = indexOfRun(keys, piece, from)
      if (at < 0) return false
      from = at + piece.length
    }

    return true
  })
}

function indexOfRun(haystack: readonly string[], needle: readonly string[], from: number): number {
  outer: for (let i = from; i + needle.length <= haystack.length; i++) {
    for (let k = 0; k < needle.length; k++) if (haystack[i + k] !== needle[k]) continue outer
    return i
  }

  return -1
}

function containsRun(haystack: readonly string[], needle: readonly string[]): boolean {
  if (needle.length === 0 || needle.length > haystack.length) return needle.length === 0
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let k = 0; k < needle.length; k++) if (haystack[i + k] !== needle[k]) continue outer
    return true
  }

  return false
}

function overlapping(sentences: readonly Sentence[], quote: Quotation): number[] {
  const out: number[] = []
  sentences.forEach((sentence, index) => {
    if (sentence.start < quote.end && quote.start < sentence.end) out.push(index)
  })
  return out
}

/** Word-level difference as "removed" -> "added" phrases, for messages. */
export function wordChanges(original: readonly string[], derived: readonly string[]): Array<{removed: string; added: string}> {
  const n = original.length
  const m = derived.length
  const lcs: number[][] = Array.from({length: n + 1}, () => new Array<number>(m + 1).fill(0))
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i]![j] = original[i] === derived[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!)
    }
  }

  const changes: Array<{removed: string; added: string}> = []
  let removed: string[] = []
  let added: string[] = []
  const flush = () => {
    if (removed.length > 0 || added.length > 0) changes.push({removed: removed.join(' '), added: added.join(' ')})
    removed = []
    added = []
  }

  let i = 0
  let j = 0
  while (i < n || j < m) {
    if (i < n && j < m && original[i] === derived[j]) {
      flush()
      i++
      j++
    } else if (j < m && (i >= n || lcs[i]![j + 1]! >= lcs[i + 1]![j]!)) {
      added.push(derived[j]!)
      j++
    } else {
      removed.push(original[i]!)
      i++
    }
  }

  flush()
  return changes
}
