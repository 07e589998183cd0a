/**
 * The variants of one name found in the document itself, with no table:
 * what machine translation leaves when it romanizes a name differently from
 * one segment to the next ("Wang Yi-ning" / "Wang Yining", "Yang Yonggang" /
 * "Yang Yongkang"). Only shapes that published news does not produce on its
 * own count, each a kind the rule can enable alone (measure/name-variant.ts
 * measures them one by one):
 * - diacritics: the same letters with and without marks (`Mbappé`, `Mbappe`);
 * - joining: the same letters with and without a hyphen or space inside
 *   (`Ing-wen`, `Ingwen`; `Jong-un`, `Jong Un`);
 * - edit: one word of a multi-word name changed by a letter (two for long
 *   words) while its neighbour in the name stays (`Narendra Modi`,
 *   `Narendra Mody`; `Mohammed bin Salman`, `Muhammad bin Salman`);
 * - surname: a word alone one letter from the last word of a full name used
 *   in the document (`Olaf Scholz`, `Scholtz`), when the lexicon knows
 *   neither word.
 * A letter in a run of capitals never makes a variant (`OpenSSH` / `OpenSSL`,
 * an acronym's letter names another thing; see inCapitals).
 * Words the lexicon knows as common words never pair by their letters alone
 * ("Game Oslo"), capitalized country names and demonyms never pair as single
 * words (`Iran`/`Iraq`, `Austria`/`Australia`), and a word is never a variant
 * of its own extension (`Korea`/`Korean`, `Democrat`/`Democrats`).
 */
import {isLineBreak} from './lines.js'
import {lexiconTags} from './pos-taggers.js'
import {maskCharacter} from './mask.js'
import {plainApostrophes} from './tokens.js'

export type NameVariantKind = 'diacritics' | 'joining' | 'edit' | 'surname'
export const nameVariantKinds: readonly NameVariantKind[] = ['diacritics', 'joining', 'edit', 'surname']

/** One use of a spelling: a word, or two words of a name for the joining kind ("Jong Un"). */
export interface NameUse {
  start: number
  end: number
  /** The spelling as written, a possessive ending left out ("Mbappe" in "Mbappe's"). */
  form: string
}

/** Spellings of one name and their uses in document order; `variant` indexes `forms`. */
export interface NameVariantGroup {
  kind: NameVariantKind
  forms: string[]
  uses: Array<NameUse & {variant: number}>
}

/** Lower-case words between the parts of a name ("Mohammed bin Salman", "Ursula von der Leyen"). */
const particles = new Set(['al', 'bin', 'bint', 'da', 'das', 'de', 'del', 'della', 'den', 'der', 'di', 'do', 'dos', 'du', 'el', 'ibn', 'la', 'le', 'van', 'von'])

/**
 * A capitalized word, `\p{Lu}[\p{L}\p{M}\p{N}_]*(?:[-'’][\p{L}\p{M}\p{N}_]+)*['’]?`
 * (letters with marks, digits and inner hyphens or apostrophes), and the
 * characters of a word an inner one cannot start after, `[\p{L}\p{M}\p{N}_'’-]`:
 * read by hand with a class per UTF-16 code unit, filled on first sight by
 * the regular expressions themselves. A pattern matched over the whole text
 * cost a microsecond per capitalized word (seed x200: 54,000 of them),
 * most of it outside the match.
 */
const capital = 1
const wordCharacter = 2
const inWordCharacter = 4
const letterOrMark = 8
const lowerCase = 16
const classified = 32
const codeUnitClasses = new Uint8Array(65536)

function classOf(codePoint: number): number {
  if (codePoint < 65536) {
    const known = codeUnitClasses[codePoint]!
    if (known !== 0) return known
  }

  const character = String.fromCodePoint(codePoint)
  const test = (pattern: RegExp, flag: number) => (pattern.test(character) ? flag : 0)
  const found =
    classified |
    test(/^\p{Lu}$/u, capital) |
    test(/^[\p{L}\p{M}\p{N}_]$/u, wordCharacter) |
    test(/^[\p{L}\p{M}\p{N}_'’-]$/u, inWordCharacter) |
    test(/^[\p{L}\p{M}]$/u, letterOrMark) |
    test(/^\p{Ll}$/u, lowerCase)
  if (codePoint < 65536) codeUnitClasses[codePoint] = found
  return found
}

/** The code point at `index` as the `u` flag reads it (a lone surrogate is one), or -1 past the end. */
function codePointAt(text: string, index: number): number {
  return index < text.length ? text.codePointAt(index)! : -1
}

/** Where the next capitalized word starts at or after `from` (stepping by code point, as a `u` pattern does), or -1. */
function nextCapital(text: string, from: number): number {
  for (let index = from; index < text.length; ) {
    const code = text.charCodeAt(index)
    if (code < 128) {
      if (code >= 65 && code <= 90) return index
      index++
      continue
    }

    const point = text.codePointAt(index)!
    if ((classOf(point) & capital) !== 0) return index
    index += point > 0xffff ? 2 : 1
  }

  return -1
}

/** Past the word characters from `index` on. */
function skipWordCharacters(text: string, index: number): number {
  for (;;) {
    const point = codePointAt(text, index)
    if (point < 0 || (classOf(point) & wordCharacter) === 0) return index
    index += point > 0xffff ? 2 : 1
  }
}

/** The end of the capitalized word that starts at `start` (a capital letter). */
function capitalWordEnd(text: string, start: number): number {
  let index = skipWordCharacters(text, start + (text.codePointAt(start)! > 0xffff ? 2 : 1))
  for (;;) {
    const code = text.charCodeAt(index)
    if (!(code === 0x2d || code === 0x27 || code === 0x2019)) break
    const next = codePointAt(text, index + 1)
    if (next < 0 || (classOf(next) & wordCharacter) === 0) break
    index = skipWordCharacters(text, index + 1)
  }

  const code = text.charCodeAt(index)
  return code === 0x27 || code === 0x2019 ? index + 1 : index
}

/**
 * Whether text[start, end) is a capitalized word of letters (marks, inner
 * hyphens and apostrophes allowed) with a lower-case letter, as
 * `^\p{Lu}[\p{L}\p{M}]*(?:[-'’][\p{L}\p{M}]+)*$` and `\p{Ll}` read it: not an
 * acronym, a number or a heading in capitals.
 */
function hasNameShape(text: string, start: number, end: number): boolean {
  let lower = false
  let afterSeparator = false
  for (let index = start; index < end; ) {
    const point = text.codePointAt(index)!
    const size = point > 0xffff ? 2 : 1
    const found = classOf(point)
    if (index === start) {
      if ((found & capital) === 0) return false
    } else if ((found & letterOrMark) !== 0) {
      afterSeparator = false
    } else {
      const code = text.charCodeAt(index)
      if (afterSeparator || !(code === 0x2d || code === 0x27 || code === 0x2019)) return false
      afterSeparator = true
    }

    if ((found & lowerCase) !== 0) lower = true
    index += size
  }

  return lower && !afterSeparator
}

/** Whether the code unit before `index` belongs to a word (`iPhone`, `al-Qaeda`): a capital there starts no name. */
function afterWordCharacter(text: string, index: number): boolean {
  return index > 0 && (classOf(text.charCodeAt(index - 1)) & inWordCharacter) !== 0
}

/** The end of a word without its possessive ending, `['’]s?$` ("Mbappe" in "Mbappe's"). */
function withoutPossessive(text: string, start: number, end: number): number {
  const last = text.charCodeAt(end - 1)
  if (last === 0x27 || last === 0x2019) return end - 1
  const before = end - 2 >= start ? text.charCodeAt(end - 2) : -1
  return last === 0x73 && (before === 0x27 || before === 0x2019) ? end - 2 : end
}

/** Whether only spaces (at least one, no particle) stand between `from` and `to`: the common gap inside a name. */
function spacesOnly(text: string, from: number, to: number): boolean {
  if (from >= to) return false
  for (let index = from; index < to; index++) {
    const code = text.charCodeAt(index)
    if (code !== 0x20 && code !== 0xa0) return false
  }

  return true
}

/** Spaces only, or particles between spaces ("bin", "von der"): the gap inside one name. */
const particleGap = new RegExp(`^[ \\u00a0]+(?:(?:${[...particles].join('|')})[ \\u00a0]+)*$`, 'u')

/** What `opensSentence` skips back over: spaces, opening quotes and brackets, `*` and `_`. */
const openers = new Set([0x20, 0xa0, 0x22, 0x201c, 0x2018, 0x27, 0x28, 0x5b, 0x2a, 0x5f])
/** What ends a sentence before a word (a line break of any form ends its line: lines.ts). */
const sentenceEnds = new Set([0x2e, 0x21, 0x3f, 0x2026, 0x3a])

/** At the text's start, a line's start or after a sentence mark, past opening quotes and brackets. */
function opensSentence(text: string, start: number): boolean {
  let index = start - 1
  while (index >= 0 && openers.has(text.charCodeAt(index))) index--
  return index < 0 || sentenceEnds.has(text.charCodeAt(index)) || isLineBreak(text[index])
}
const marks = /\p{M}/gu

/** The lexicon knows the word in lower case: a common word ("mask", "north", "holdings"). */
function isCommon(word: string): boolean {
  return lexiconTags(word.toLowerCase()).length > 0
}

/** The lexicon knows the word at all, as a common word or as a name ("Iran", "Australia", "Sudanese"). */
function isKnown(word: string): boolean {
  return lexiconTags(word).length > 0 || isCommon(word)
}

/**
 * Letters English writes without their stroke or dot that Unicode does not decompose ("Kılıçdaroğlu" ->
 * "Kilicdaroglu", "Wałęsa" -> "Walesa", "Søren" -> "Soren"): NFD leaves them whole.
 */
const undecomposed: Readonly<Record<string, string>> = {ı: 'i', ł: 'l', Ł: 'L', ø: 'o', Ø: 'O', đ: 'd', Đ: 'D', ħ: 'h', Ħ: 'H', ŧ: 't', Ŧ: 'T'}
const undecomposedLetters = new RegExp(`[${Object.keys(undecomposed).join('')}]`, 'gu')

/** The letters without their marks ("Mbappé" -> "Mbappe", "Erdoğan" -> "Erdogan", "Kılıçdaroğlu" -> "Kilicdaroglu"). */
export function withoutMarks(word: string): string {
  return word.normalize('NFD').replace(marks, '').replace(undecomposedLetters, (letter) => undecomposed[letter]!).normalize('NFC')
}

/**
 * The same number of letters, one of them different (two for words of
 * eight letters or more, `Mohammed` / `Muhammad`): a romanization changes
 * the letter that spells a sound (`Modi` / `Mody`, `Yonggang` / `Yongkang`).
 * A letter dropped or added and two neighbours swapped are the typist's
 * slips that edited text makes too (the clean set's `Nordstrand` /
 * `Norstrand` and `Vidyasagar` / `Vidaysagar`; `Hartmann` / `Harmann` in a
 * professional translation of newstest2020), left alone; so
 * are short words (`Li` / `Lu`) and the a/e of a demonym (`Argentina` /
 * `Argentine`).
 */
export function nearSpelling(a: string, b: string): boolean {
  // A straight and a curly apostrophe are one character ("Tu'ionetoa", "Tu’ionetoa"), as in the phrase tables.
  const x = plainApostrophes(a.toLowerCase())
  const y = plainApostrophes(b.toLowerCase())
  if (x === y || x.length !== y.length || x.length < 4 || withoutMarks(x) === withoutMarks(y)) return false
  const differences: number[] = []
  for (let index = 0; index < x.length; index++) if (x[index] !== y[index]) differences.push(index)
  if (differences.some((index) => inCapitals(a, index) && inCapitals(b, index))) return false
  if (differences.length === 1) return !(differences[0] === x.length - 1 && /^(?:ae|ea)$/.test(`${x.at(-1)}${y.at(-1)}`))
  if (differences.length !== 2 || x.length < 8) return false
  const [first, second] = differences as [number, number]
  return !(second === first + 1 && x[first] === y[second] && x[second] === y[first])
}

/**
 * Whether the letter at `index` is a capital beside another: a letter of an
 * acronym or of a name's run of capitals (`OpenSSH`, `OpenSSL`). Each letter
 * there spells another name (OpenSSH and OpenSSL, two projects the Debian
 * Administrator's Handbook names on one page); a romanization changes the
 * letter of a sound, in a word written in lower case after its capital.
 */
function inCapitals(word: string, index: number): boolean {
  const capital = (at: number) => /\p{Lu}/u.test(word[at] ?? '')
  return capital(index) && (capital(index - 1) || capital(index + 1))
}

/**
 * Longer than any name (the longest surnames run to some 35 letters): such a
 * "word" is a run of hyphens or apostrophes between letters ('Xa-a-a-…'), and
 * its masked keys, a square in number and each as long as the word, took
 * minutes at a few thousand characters.
 */
const longestName = 64

/** The word in lower case with each letter (each two letters, from eight letters on) masked: two words nearSpelling may join share a key. None for a word longer than any name. */
function maskedKeys(word: string): string[] {
  const letters = [...plainApostrophes(word.toLowerCase())]
  const keys: string[] = []
  if (letters.length > longestName) return keys
  for (let i = 0; i < letters.length; i++) {
    keys.push(letters.with(i, '\0').join(''))
    if (letters.length >= 8) for (let j = i + 1; j < letters.length; j++) keys.push(letters.with(i, '\0').with(j, '\0').join(''))
  }

  return keys
}

interface NameWord extends NameUse {
  particle: boolean
}

/**
 * The name runs of a document and the variants among them. Feed it the
 * text (`addText`), then read `groups()`. `skip` names
 * forms another rule already judges (term-consistency's table).
 */
export class NameVariants {
  /**
   * Each distinct run (by its forms, particles included) once, at its first
   * use; every use as the distinct run it repeats and the starts of its
   * words (`starts`, flat, run after run). A long document repeats its
   * names: the seed x200 has 36,200 runs of some 180 spellings, and keeping
   * each as objects cost the collector more than reading the text did.
   */
  private readonly distinct = new Map<string, NameWord[]>()
  private readonly occurrences: NameWord[][] = []
  private readonly starts: number[] = []
  /** isCommon of the capitalized words that open a sentence, once per spelling. */
  private readonly common = new Map<string, boolean>()

  constructor(
    private readonly kinds: ReadonlySet<NameVariantKind>,
    private readonly skip: (form: string) => boolean = () => false
  ) {}

  /**
   * Runs of capitalized words (with particles between them) inside one
   * sentence, separated by spaces only, read from the prose view character
   * by character, not from the parse: a long text linted in windows hands a
   * document rule only an outline, and parsing each paragraph again cost as
   * much as the rest of the lint (seed x200).
   */
  addText(text: string): void {
    let run: NameWord[] = []
    let previousEnd = -1
    const close = () => {
      while (run.at(-1)?.particle) run.pop()
      if (run.length > 0) {
        const key = run.length === 1 ? run[0]!.form : run.map((word) => word.form).join(' ')
        const known = this.distinct.get(key)
        if (known === undefined) this.distinct.set(key, run)
        this.occurrences.push(known ?? run)
        for (const word of run) this.starts.push(word.start)
      }
      run = []
    }

    // Only capitalized words are read; what stands between two of them says whether they make one name.
    const mask = maskCharacter.charCodeAt(0)
    for (let start = nextCapital(text, 0); start >= 0; start = nextCapital(text, previousEnd)) {
      const end = capitalWordEnd(text, start)
      const gapStart = previousEnd
      previousEnd = end
      // Inside a word (`iPhone`, `al-Qaeda`) or glued to masked markup or code (U+FFFC): never a name of prose.
      if (afterWordCharacter(text, start) || text.charCodeAt(start - 1) === mask || text.charCodeAt(end) === mask) {
        close()
        continue
      }

      if (run.length > 0 && !spacesOnly(text, gapStart, start)) {
        const gap = text.slice(gapStart, start)
        if (!particleGap.test(gap)) close()
        else for (const particle of gap.split(/[ \u00a0]+/u).filter(Boolean)) run.push({start, end: start, form: particle, particle: true})
      }

      const formEnd = withoutPossessive(text, start, end)
      // A common word opening a sentence is capitalized for the sentence, not for a name ("Despite Modero").
      if (!hasNameShape(text, start, formEnd)) {
        close()
        continue
      }

      const form = text.slice(start, formEnd)
      if (opensSentence(text, start) && this.isCommon(form)) {
        close()
        continue
      }

      run.push({start, end: formEnd, form, particle: false})
    }

    close()
  }

  /** Every run in document order, each word with its offsets (a particle's are the start of the word after it). */
  private get runs(): NameWord[][] {
    let next = 0
    return this.occurrences.map((run) =>
      run.map((word) => {
        const start = this.starts[next++]!
        return {start, end: word.particle ? start : start + word.form.length, form: word.form, particle: word.particle}
      })
    )
  }

  private isCommon(form: string): boolean {
    let known = this.common.get(form)
    if (known === undefined) this.common.set(form, (known = isCommon(form)))
    return known
  }

  /** Each name with more than one spelling, as groups of spellings joined by the enabled kinds. */
  groups(): NameVariantGroup[] {
    // The kinds compare spellings, not uses: each distinct run once (a long document repeats its names).
    const distinct = [...this.distinct.values()]
    const edges: Array<[string, string, NameVariantKind]> = []
    const words = new Set<string>()
    const pairs = new Set<string>()
    for (const run of distinct) {
      for (const word of run) if (!word.particle) words.add(word.form)
      for (let index = 1; index < run.length; index++) {
        const [a, b] = [run[index - 1]!, run[index]!]
        if (!a.particle && !b.particle) pairs.add(`${a.form} ${b.form}`)
      }
    }

    if (this.kinds.has('diacritics')) this.byKey(words, withoutMarks, (key) => !isCommon(key), 'diacritics', edges)
    if (this.kinds.has('joining')) this.joining(distinct, words, pairs, edges)
    if (this.kinds.has('edit')) this.edits(distinct, edges)
    if (this.kinds.has('surname')) this.surnames(distinct, edges)
    return this.collect(edges)
  }

  /** Forms with one key and different spellings pair. */
  private byKey(forms: Iterable<string>, keyOf: (form: string) => string, allowed: (key: string) => boolean, kind: NameVariantKind, edges: Array<[string, string, NameVariantKind]>): void {
    const byKey = new Map<string, string[]>()
    for (const form of forms) push(byKey, keyOf(form), form)
    for (const [key, group] of byKey) {
      if (group.length < 2 || !allowed(key)) continue
      for (const form of group.slice(1)) edges.push([group[0]!, form, kind])
    }
  }

  /**
   * `Ing-wen` / `Ingwen` / `Ing Wen`: one key, the letters in lower case; the
   * forms differ in their separators, not only in case (`Time-Honored` /
   * `Time-honored` is a heading's case). Left alone: a joined form the
   * lexicon knows (`Cooperative`), common words hyphenated two ways
   * (`Prefecture-level`, `Prefecture Level`), a compound of two names that each stand
   * alone in the document (`China-Japan`, `China Japan`) and a word with an
   * inner capital, a handle or hashtag (`ObamaFoundation`).
   */
  private joining(distinct: NameWord[][], words: Set<string>, pairs: Set<string>, edges: Array<[string, string, NameVariantKind]>): void {
    const innerCapital = /^.[^-\s]*\p{Lu}/u
    const separators = (form: string) => form.replace(/[^-\s]/gu, '')
    // Parts that also stand alone in the document are two names (`China-Japan` beside `China` and `Japan`); `Jong` and `Il` of `Jong-il` never do.
    const alone = new Set(distinct.filter((run) => run.length === 1).map((run) => run[0]!.form))
    const twoNames = (form: string) => form.split(/[-\s]/u).every((part) => /^\p{Lu}/u.test(part) && alone.has(part))
    // Common words hyphenated two ways (`Prefecture-level`, `Prefecture Level`) are a hyphenation choice, not a name; a word longer
    // than any romanized syllable (six letters) tells them from syllables that are English words too (`Bi Ai`, `Sha Wan`).
    const commonWords = (form: string) => {
      const parts = form.split(/[-\s]/u)
      return parts.length > 1 && parts.every(isCommon) && parts.some((part) => part.length > 6)
    }
    const forms = [...words.keys(), ...pairs.keys()].filter((form) => !twoNames(form) && !commonWords(form) && !(!/[-\s]/u.test(form) && innerCapital.test(form)))
    const byKey = new Map<string, string[]>()
    for (const form of forms) push(byKey, form.replace(/[-\s]/gu, '').toLowerCase(), form)
    for (const [key, group] of byKey) {
      if (group.length < 2 || isCommon(key)) continue
      for (let i = 0; i < group.length; i++) {
        for (let j = i + 1; j < group.length; j++) {
          // Two-word forms pair with one word only ("Jong Un" / "Jong-un"): "Tsai Ing-wen" / "Tsai Ingwen" is the pair of its words.
          const [a, b] = [group[i]!, group[j]!]
          if (separators(a) !== separators(b) && !(a.includes(' ') && b.includes(' '))) edges.push([a, b, 'joining'])
        }
      }
    }
  }

  /**
   * Two words beside one neighbour in a name (`Narendra Modi`, `Narendra
   * Mody`): the neighbour, with the particles between, is the context; it
   * must be a word the lexicon does not know as a common word (a title or a
   * common head such as `Minister`, `Holdings`, `Port` names many things).
   * Two common words pair only beside a neighbour the lexicon does not know
   * at all (`Elon Musk`, `Elon Mask`; not `White House`, `White Horse`).
   */
  private edits(distinct: NameWord[][], edges: Array<[string, string, NameVariantKind]>): void {
    const byContext = new Map<string, {anchor: string; forms: Set<string>}>()
    const note = (context: string, anchor: string, form: string) => {
      let entry = byContext.get(context)
      if (!entry) byContext.set(context, (entry = {anchor, forms: new Set()}))
      entry.forms.add(form)
    }

    for (const run of distinct) {
      run.forEach((word, index) => {
        if (word.particle) return
        let next = index + 1
        while (run[next]?.particle) next++
        if (next < run.length) note(`>${run.slice(index + 1, next + 1).map((part) => part.form).join(' ')}`, run[next]!.form, word.form)
        let before = index - 1
        while (run[before]?.particle) before--
        if (before >= 0) note(`<${run.slice(before, index).map((part) => part.form).join(' ')}`, run[before]!.form, word.form)
      })
    }

    for (const {anchor, forms} of byContext.values()) {
      if (forms.size < 2 || isCommon(anchor)) continue
      const list = [...forms]
      for (let i = 0; i < list.length; i++) {
        for (let j = i + 1; j < list.length; j++) {
          const [a, b] = [list[i]!, list[j]!]
          if (!nearSpelling(a, b)) continue
          if ((isCommon(a) || isCommon(b)) && isKnown(anchor)) continue
          edges.push([a, b, 'edit'])
        }
      }
    }
  }

  /** `Scholtz` alone beside `Olaf Scholz`: both words unknown to the lexicon, one letter (two when long) apart. */
  private surnames(distinct: NameWord[][], edges: Array<[string, string, NameVariantKind]>): void {
    const surnames = new Set<string>()
    for (const run of distinct) {
      const names = run.filter((word) => !word.particle)
      if (names.length >= 2) surnames.add(names.at(-1)!.form)
    }

    // Looked up by the letters left when one (or two) are masked: no pass over every surname for every word.
    const index = new Map<string, string[]>()
    for (const surname of surnames) if (!isKnown(surname)) for (const key of maskedKeys(surname)) push(index, key, surname)
    const alone = new Set<string>()
    for (const run of distinct) if (run.length === 1) alone.add(run[0]!.form)
    for (const word of alone) {
      if (isKnown(word)) continue
      const near = new Set(maskedKeys(word).flatMap((key) => index.get(key) ?? []))
      for (const surname of near) if (surname !== word && nearSpelling(word, surname)) edges.push([surname, word, 'surname'])
    }
  }

  /** Joined spellings as groups (union-find), each with all its uses; a group holding a skipped form is left to the rule that knows it. */
  private collect(edges: Array<[string, string, NameVariantKind]>): NameVariantGroup[] {
    const parent = new Map<string, string>()
    const find = (form: string): string => {
      let root = form
      while (parent.has(root) && parent.get(root) !== root) root = parent.get(root)!
      parent.set(form, root)
      return root
    }

    const kindOf = new Map<string, NameVariantKind>()
    for (const [a, b, kind] of edges) {
      const [x, y] = [find(a), find(b)]
      if (x !== y) parent.set(y, x)
      for (const form of [a, b]) if (!kindOf.has(form)) kindOf.set(form, kind)
    }

    if (kindOf.size === 0) return []
    // The uses of the paired forms only: a word, or two words in a row for a two-word form.
    const uses = new Map<string, NameUse[]>()
    for (const run of this.runs) {
      run.forEach((word, index) => {
        if (word.particle) return
        if (kindOf.has(word.form)) push(uses, word.form, word)
        const next = run[index + 1]
        const pair = next && !next.particle ? `${word.form} ${next.form}` : undefined
        if (pair && kindOf.has(pair)) push(uses, pair, {start: word.start, end: next!.end, form: pair})
      })
    }

    const members = new Map<string, string[]>()
    for (const form of kindOf.keys()) push(members, find(form), form)
    const groups: NameVariantGroup[] = []
    for (const forms of members.values()) {
      if (forms.some((form) => this.skip(form))) continue
      const ordered = forms.flatMap((form, variant) => (uses.get(form) ?? []).map((use) => ({...use, variant}))).sort((a, b) => a.start - b.start)
      groups.push({kind: kindOf.get(forms[0]!)!, forms, uses: withoutOverlaps(ordered)})
    }

    return groups
  }
}

/** A word use inside a two-word use of the same group ("Jong" in "Jong Un") is that use, counted once. */
function withoutOverlaps<Use extends NameUse>(uses: Use[]): Use[] {
  const kept: Use[] = []
  for (const use of uses) {
    const last = kept.at(-1)
    if (last && use.start < last.end) {
      if (use.end - use.start > last.end - last.start) kept[kept.length - 1] = use
      continue
    }
    kept.push(use)
  }

  return kept
}

function push<V>(map: Map<string, V[]>, key: string, value: V): void {
  const list = map.get(key)
  if (list) list.push(value)
  else map.set(key, [value])
}
