/**
 * Facts changed outside quotations in aligned sentences: numbers, names
 * (capitalized words) and negation. Precision first: a derived fact counts
 * as present when it occurs anywhere in the aligned original sentences or
 * their neighbours (paraphrase moves facts across sentence boundaries), and
 * names and spelled-out numbers are flagged only as substitutions (something
 * of the same kind also vanished from the original's sentences).
 */
import type {Bead} from './original-align.js'
import type {Sentence, Span, TextModel, Word} from './original-text.js'

export type FactKind = 'number' | 'name' | 'negation'

export interface FactChange {
  kind: FactKind
  /** Span in the derived text. */
  span: Span
  /** The original wording the derived one replaced (numbers and names), or the original sentence (negation). */
  expected: string[]
  /** The original sentence(s) the derived span was aligned with. */
  originalSpan: Span
}

const numberWords: Record<string, string> = {
  zero: '0', one: '1', two: '2', three: '3', four: '4', five: '5', six: '6', seven: '7', eight: '8', nine: '9', ten: '10',
  eleven: '11', twelve: '12', thirteen: '13', fourteen: '14', fifteen: '15', sixteen: '16', seventeen: '17',
  eighteen: '18', nineteen: '19', twenty: '20', thirty: '30', forty: '40', fifty: '50', sixty: '60', seventy: '70',
  eighty: '80', ninety: '90', hundred: '100', thousand: '1000', dozen: '12'
}

/** Words capitalized for reasons other than being names. */
const notNames = new Set(['i', "i'm", "i've", "i'd", "i'll"])

const negations = new Set(['not', 'no', 'never', 'nobody', 'nothing', 'none', 'neither', 'nor', 'cannot', 'nowhere'])

export function isNegation(key: string): boolean {
  return negations.has(key) || key.endsWith("n't")
}

function numberValue(word: Word): string | undefined {
  // "14th" and "1990s" are the numbers 14 and 1990 for comparison.
  if (/^\d/.test(word.key)) return word.key.replace(/(st|nd|rd|th|s)$/, '').replace(/\.0+$/, '')
  return numberWords[word.key]
}

const scales: Record<string, number> = {thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12}

/** The values a number may be written as: "2 million" is also 2000000 (and "2,000,000" is 2 million). */
function numberForms(words: readonly Word[], index: number): string[] {
  const value = numberValue(words[index]!)
  if (value === undefined) return []
  const scale = scales[words[index + 1]?.key ?? '']
  const number = Number(value)
  return scale && Number.isFinite(number) ? [value, String(Math.round(number * scale))] : [value]
}

function allNumberForms(words: readonly Word[]): Set<string> {
  return new Set(words.flatMap((_, index) => numberForms(words, index)))
}

function nameKey(word: Word): string {
  return word.key.replace(/'s$/, '')
}

function isName(word: Word, sentence: Sentence, text: string): boolean {
  if (!/^\p{Lu}/u.test(word.raw) || notNames.has(word.key) || /^\p{N}/u.test(word.raw)) return false
  if (word === sentence.words[0]) return false
  // Capitalized after an opening quote, colon or dash starts a clause, not necessarily a name.
  const before = text.slice(Math.max(sentence.start, word.start - 3), word.start).trimEnd()
  return !/[“"‘:—–]$/.test(before)
}

function outside(words: readonly Word[], quotes: readonly Span[]): Word[] {
  return words.filter((word) => !quotes.some((quote) => word.start >= quote.start && word.start < quote.end))
}

export function factChanges(original: TextModel, derived: TextModel, beads: readonly Bead[]): FactChange[] {
  const changes: FactChange[] = []
  for (const bead of beads) {
    if (bead.original.length === 0 || bead.derived.length === 0) continue
    const originalSentences = bead.original.map((index) => original.sentences[index]!)
    const derivedSentences = bead.derived.map((index) => derived.sentences[index]!)
    const originalSpan = {start: originalSentences[0]!.start, end: originalSentences.at(-1)!.end}
    const derivedSpan = {start: derivedSentences[0]!.start, end: derivedSentences.at(-1)!.end}
    const first = bead.original[0]!
    const last = bead.original.at(-1)!
    const windowWords = original.sentences.slice(Math.max(0, first - 1), last + 2).flatMap((sentence) => sentence.words)
    const originalWords = originalSentences.flatMap((sentence) => sentence.words)
    const derivedWords = derivedSentences.flatMap((sentence) => sentence.words)
    const derivedOutside = derivedSentences.flatMap((sentence) =>
      outside(sentence.words, derived.quotes).map((word) => ({word, sentence}))
    )

    // Numbers.
    const windowNumbers = allNumberForms(windowWords)
    const derivedNumbers = allNumberForms(derivedWords)
    const missingNumbers = originalWords.flatMap((word, index) => {
      const forms = numberForms(originalWords, index)
      if (forms.length === 0 || forms.some((form) => derivedNumbers.has(form))) return []
      return [{raw: word.raw, scale: forms.length > 1 ? originalWords[index + 1]!.raw : ''}]
    })
    for (const {word} of derivedOutside) {
      const forms = numberForms(derivedWords, derivedWords.indexOf(word))
      if (forms.length === 0 || forms.some((form) => windowNumbers.has(form))) continue
      // A spelled-out number is often just wording ("the two men"): only a substitution counts.
      if (!/^\d/.test(word.key) && missingNumbers.length === 0) continue
      // `expected` replaces the flagged digits: "38" for "48 million", "38 million" for "48,000,000".
      const derivedScale = forms.length > 1 ? derivedWords[derivedWords.indexOf(word) + 1]!.key : ''
      const expected = missingNumbers.map(({raw, scale}) =>
        scale === '' || scale.toLowerCase() === derivedScale ? raw : `${raw} ${scale}`
      )
      changes.push({kind: 'number', span: word, expected: unique(expected), originalSpan})
    }

    // Names.
    const windowNames = new Set(windowWords.map(nameKey))
    const derivedKeys = new Set(derivedWords.map(nameKey))
    const missingNames = originalSentences.flatMap((sentence) =>
      sentence.words.filter((word) => isName(word, sentence, original.text) && !derivedKeys.has(nameKey(word)))
    )
    if (missingNames.length > 0) {
      for (const {word, sentence} of derivedOutside) {
        if (!isName(word, sentence, derived.text) || windowNames.has(nameKey(word))) continue
        changes.push({kind: 'name', span: word, expected: unique(missingNames.map((w) => w.raw)), originalSpan})
      }
    }

    // Negation: compare counts outside quotations; a quote's own words are quote integrity's business.
    const originalNegations = originalSentences.flatMap((sentence) => outside(sentence.words, original.quotes)).filter((word) =>
      isNegation(word.key)
    )
    const derivedNegations = derivedOutside.map(({word}) => word).filter((word) => isNegation(word.key))
    if (originalNegations.length !== derivedNegations.length) {
      const originalText = original.text.slice(originalSpan.start, originalSpan.end)
      if (derivedNegations.length > originalNegations.length) {
        const known = new Set(originalNegations.map((word) => word.key))
        const added = derivedNegations.find((word) => !known.has(word.key)) ?? derivedNegations.at(-1)!
        changes.push({kind: 'negation', span: added, expected: [originalText], originalSpan})
      } else {
        changes.push({kind: 'negation', span: derivedSpan, expected: [originalText], originalSpan})
      }
    }
  }

  return changes
}

function unique(values: string[]): string[] {
  return [...new Set(values)]
}
