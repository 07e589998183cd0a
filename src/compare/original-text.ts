/**
 * The text model of original-vs-derived comparison: sentences, words and
 * quotations with offsets into the text they came from. Kept independent of
 * the retext parse so that both articles are segmented by the same simple,
 * predictable rules (alignment quality depends on segmenting both alike).
 */

export interface Span {
  start: number
  end: number
}

export interface Word extends Span {
  /** Lower-cased, curly apostrophes straightened, thousands separators dropped from numbers. */
  key: string
  raw: string
}

export interface Sentence extends Span {
  words: Word[]
}

export interface Quotation extends Span {
  /** Offsets of the quoted text, inside the marks. */
  inner: Span
  words: Word[]
}

export interface TextModel {
  text: string
  sentences: Sentence[]
  quotes: Quotation[]
}

// Words, numbers with separators ("14,000", "1.5") and contractions ("it’s") stay one token.
const wordPattern = /[\p{L}\p{N}]+(?:[’'.,-][\p{L}\p{N}]+)*/gu

// A full stop after these is not a sentence end.
const abbreviations = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'st', 'gen', 'col', 'lt', 'sgt', 'capt', 'gov', 'sen', 'rep', 'jr', 'sr',
  'inc', 'ltd', 'co', 'corp', 'vs', 'no', 'jan', 'feb', 'mar', 'apr', 'aug', 'sept', 'sep', 'oct', 'nov', 'dec',
  'u.s', 'u.k', 'e.g', 'i.e', 'a.m', 'p.m'
])

export function wordKey(raw: string): string {
  const key = raw.toLowerCase().replace(/’/g, "'")
  return /^\d{1,3}(,\d{3})+(\.\d+)?$/.test(key) ? key.replace(/,/g, '') : key
}

export function wordsIn(text: string, start = 0, end = text.length): Word[] {
  const words: Word[] = []
  wordPattern.lastIndex = start
  for (let match = wordPattern.exec(text); match && match.index < end; match = wordPattern.exec(text)) {
    const raw = match[0]
    // A trailing abbreviation dot is not part of the word ("U.S." keeps "U.S").
    if (match.index + raw.length > end) break
    words.push({start: match.index, end: match.index + raw.length, raw, key: wordKey(raw)})
  }

  return words
}

/** Sentences: split after . ? ! (plus closing quotes/brackets) before whitespace and a capital, digit or opening quote; and at blank lines. */
export function sentencesOf(text: string): Sentence[] {
  const sentences: Sentence[] = []
  const ends = /([.?!…]+)([”"’')\]]*)(?=\s+[“"‘(\p{Lu}\p{N}])|\n\s*\n/gu
  let start = 0
  const push = (end: number) => {
    const slice = text.slice(start, end)
    const lead = slice.length - slice.trimStart().length
    const trail = slice.length - slice.trimEnd().length
    const s = start + lead
    const e = end - trail
    if (e > s && /[\p{L}\p{N}]/u.test(text.slice(s, e))) sentences.push({start: s, end: e, words: wordsIn(text, s, e)})
  }

  for (let match = ends.exec(text); match; match = ends.exec(text)) {
    if (match[1] === '.') {
      const before = /([\p{L}.]+)$/u.exec(text.slice(Math.max(start, match.index - 12), match.index))
      const token = before?.[1]?.toLowerCase()
      // "Mr. Smith", "U.S. officials", single initials "J. Smith".
      if (token && (abbreviations.has(token) || /^\p{L}$/u.test(token))) continue
    }

    const end = match.index + match[0].length
    push(end)
    start = end
  }

  push(text.length)
  return sentences
}

/**
 * Quotations: “…” pairs, and straight "…" pairs taken in turn within a
 * paragraph. A quotation left open at a paragraph end closes there (news
 * style opens each paragraph of a long quote without closing the last).
 */
export function quotationsOf(text: string): Quotation[] {
  const quotes: Quotation[] = []
  let open = -1
  let openGlyph = ''
  const close = (openAt: number, innerEnd: number, end: number) => {
    // A quotation closed by a paragraph end stops at its last non-space character.
    if (end === innerEnd) {
      while (innerEnd > openAt + 1 && /\s/.test(text[innerEnd - 1]!)) innerEnd--
      end = innerEnd
    }

    const words = wordsIn(text, openAt + 1, innerEnd)
    if (words.length > 0) quotes.push({start: openAt, end, inner: {start: openAt + 1, end: innerEnd}, words})
  }

  for (let i = 0; i < text.length; i++) {
    const char = text[i]
    if (char === '\n' && isBlankLineAt(text, i)) {
      if (open >= 0) close(open, i, i)
      open = -1
    } else if (char === '“' || (char === '"' && open < 0)) {
      if (open >= 0 && openGlyph === '“') close(open, i, i)
      open = i
      openGlyph = char
    } else if ((char === '”' && openGlyph === '“') || (char === '"' && openGlyph === '"')) {
      if (open >= 0) close(open, i, i + 1)
      open = -1
    }
  }

  if (open >= 0) close(open, text.length, text.length)
  return quotes
}

const blankLine = /\n[ \t\r]*\n/y

/** A blank line (also with CRLF endings or trailing spaces) starts at `index`. */
function isBlankLineAt(text: string, index: number): boolean {
  blankLine.lastIndex = index
  return blankLine.test(text)
}

export function modelOf(text: string): TextModel {
  return {text, sentences: sentencesOf(text), quotes: quotationsOf(text)}
}

export function inside(span: Span, offset: number): boolean {
  return offset >= span.start && offset < span.end
}
