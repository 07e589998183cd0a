/**
 * Facts changed outside quotations in aligned sentences: numbers, names
 * (capitalized words) and negation. Precision first: a derived fact counts
 * as present when it occurs anywhere in the aligned original sentences or
 * their neighbours (paraphrase moves facts across sentence boundaries), and
 * names and spelled-out numbers are flagged only as substitutions (something
 * of the same kind also vanished from the original's sentences).
 */
import type {Bead} from './original-align.js'
import aliases from './name-aliases.json' with {type: 'json'}
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
  return word.key.replace(/'s$/, '').replaceAll('.', '')
}

/** Each alias (lower case, no full stops; several words joined by spaces) -> its group's first form. */
const aliasOf = new Map(aliases.groups.flatMap((group) => group.map((form) => [form, group[0]!] as const)))
/** First word of each alias -> the most words an alias starting with it has (most words start none). */
const aliasLengths = new Map<string, number>()
for (const form of aliasOf.keys()) {
  const words = form.split(' ')
  aliasLengths.set(words[0]!, Math.max(aliasLengths.get(words[0]!) ?? 0, words.length))
}

/**
 * The name key of each word, with the words of an alias replaced by their
 * group's key ("U.S.", "US" and "United States" all become `us`), longest
 * alias first, so spelling variants of one name count as the same name.
 */
function nameKeysOf(words: readonly Word[]): string[] {
  const keys = words.map(nameKey)
  for (let index = 0; index < words.length; index++) {
    const longest = aliasLengths.get(keys[index]!)
    if (longest === undefined) continue
    for (let length = Math.min(longest, words.length - index); length >= 1; length--) {
      const alias = aliasOf.get(keys.slice(index, index + length).join(' '))
      if (alias === undefined) continue
      keys.fill(alias, index, index + length)
      index += length - 1
      break
    }
  }

  return keys
}

/** "U.S" as the word pattern reads it is "U.S." in the text: show the full stop of a dotted abbreviation. */
function asWritten(word: Word, text: string): string {
  return text.charAt(word.end) === '.' && /^(?:\p{L}\.)+\p{L}$/u.test(word.raw) ? word.raw + '.' : word.raw
}

/** Prefixes that negate an adjective or participle: "not convinced" says what "unconvinced" says. */
const negatingPrefixes = ['un', 'in', 'im', 'il', 'ir', 'non', 'non-', 'dis']

/**
 * Words of one side that negate by a prefix what the other side negates with
 * a word ("unconvinced" for "not convinced", "illegal" for "not legal";
 * also after one adverb, "not fully convinced"): each counts as a negation.
 */
function prefixNegated(words: readonly Word[], otherWords: readonly Word[]): number {
  const negated = new Set<string>()
  for (let index = 0; index < otherWords.length; index++) {
    if (!isNegation(otherWords[index]!.key)) continue
    for (const next of [otherWords[index + 1], otherWords[index + 2]]) if (next) for (const prefix of negatingPrefixes) negated.add(prefix + next.key)
  }

  return words.filter((word) => negated.has(word.key)).length
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

    // Names, each word by its alias group's key.
    // A word counts as present by its alias key or by itself ("States" of "United States" is still "states").
    const windowNames = new Set([...nameKeysOf(windowWords), ...windowWords.map(nameKey)])
    const derivedKeyList = nameKeysOf(derivedWords)
    const derivedKeys = new Set([...derivedKeyList, ...derivedWords.map(nameKey)])
    const missingNames = originalSentences.flatMap((sentence) => {
      const keys = nameKeysOf(sentence.words)
      return sentence.words.filter((word, index) => isName(word, sentence, original.text) && !derivedKeys.has(keys[index]!))
    })
    if (missingNames.length > 0) {
      for (const {word, sentence} of derivedOutside) {
        if (!isName(word, sentence, derived.text) || windowNames.has(derivedKeyList[derivedWords.indexOf(word)]!)) continue
        changes.push({kind: 'name', span: word, expected: unique(missingNames.map((w) => asWritten(w, original.text))), originalSpan})
      }
    }

    // Negation: compare counts outside quotations; a quote's own words are quote integrity's business.
    const originalNegations = originalSentences.flatMap((sentence) => outside(sentence.words, original.quotes)).filter((word) =>
      isNegation(word.key)
    )
    const derivedNegations = derivedOutside.map(({word}) => word).filter((word) => isNegation(word.key))
    // "not convinced" on one side and "unconvinced" on the other say the same: count both as one negation.
    const derivedPlain = derivedOutside.map(({word}) => word)
    const originalPlain = originalSentences.flatMap((sentence) => outside(sentence.words, original.quotes))
    const originalCount = originalNegations.length + prefixNegated(originalPlain, derivedPlain)
    const derivedCount = derivedNegations.length + prefixNegated(derivedPlain, originalPlain)
    if (originalCount !== derivedCount) {
      const originalText = original.text.slice(originalSpan.start, originalSpan.end)
      if (derivedCount > originalCount && derivedNegations.length > 0) {
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
