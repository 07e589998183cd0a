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
 * Words the lexicon knows as common words never pair by their letters alone
 * ("Game Oslo"), capitalized country names and demonyms never pair as single
 * words (`Iran`/`Iraq`, `Austria`/`Australia`), and a word is never a variant
 * of its own extension (`Korea`/`Korean`, `Democrat`/`Democrats`).
 */
import {lexiconTags} from './pos-taggers.js'
import {plainApostrophes, spaced, type ParagraphTokens, type Token} from './tokens.js'

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

/** A capitalized word of letters (marks, inner hyphens and apostrophes allowed) with a lower-case letter: not an acronym, a number or a heading in capitals. */
const nameShape = /^\p{Lu}[\p{L}\p{M}]*(?:[-'’][\p{L}\p{M}]+)*$/u
const lowerLetter = /\p{Ll}/u
const possessive = /['’]s?$/u
const marks = /\p{M}/gu

/** The lexicon knows the word in lower case: a common word ("mask", "north", "holdings"). */
function isCommon(word: string): boolean {
  return lexiconTags(word.toLowerCase()).length > 0
}

/** The lexicon knows the word at all, as a common word or as a name ("Iran", "Australia", "Sudanese"). */
function isKnown(word: string): boolean {
  return lexiconTags(word).length > 0 || isCommon(word)
}

/** The letters without their marks ("Mbappé" -> "Mbappe", "Erdoğan" -> "Erdogan"). */
export function withoutMarks(word: string): string {
  return word.normalize('NFD').replace(marks, '').normalize('NFC')
}

/**
 * The same number of letters, one of them different (two for words of
 * eight letters or more, `Mohammed` / `Muhammad`): a romanization changes
 * the letter that spells a sound (`Modi` / `Mody`, `Yonggang` / `Yongkang`).
 * A letter dropped or added and two neighbours swapped are the typist's
 * slips that edited news makes too (`Nordstrand` / `Norstrand`, `Hartmann` /
 * `Harmann`, `Vidyasagar` / `Vidaysagar` on the clean set), left alone; so
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
  if (differences.length === 1) return !(differences[0] === x.length - 1 && /^(?:ae|ea)$/.test(`${x.at(-1)}${y.at(-1)}`))
  if (differences.length !== 2 || x.length < 8) return false
  const [first, second] = differences as [number, number]
  return !(second === first + 1 && x[first] === y[second] && x[second] === y[first])
}

/** The word in lower case with each letter (each two letters, from eight letters on) masked: two words nearSpelling may join share a key. */
function maskedKeys(word: string): string[] {
  const letters = [...plainApostrophes(word.toLowerCase())]
  const keys: string[] = []
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
 * The name runs of a document and the variants among them. Feed it each
 * paragraph's tokens (`addParagraph`), then read `groups()`. `skip` names
 * forms another rule already judges (term-consistency's table).
 */
export class NameVariants {
  private readonly runs: NameWord[][] = []

  constructor(
    private readonly kinds: ReadonlySet<NameVariantKind>,
    private readonly skip: (form: string) => boolean = () => false
  ) {}

  /** Runs of capitalized words (with particles between them) inside one sentence, separated by spaces only. */
  addParagraph(paragraph: ParagraphTokens, text: string): void {
    let run: NameWord[] = []
    let previous: Token | undefined
    let sentence = -1
    const close = () => {
      while (run.at(-1)?.particle) run.pop()
      if (run.length > 0) this.runs.push(run)
      run = []
    }

    for (const token of paragraph.tokens) {
      const first = token.kind === 'word' && token.sentence !== sentence
      if (token.kind === 'word') sentence = token.sentence
      const joins = previous !== undefined && token.sentence === previous.sentence && spaced(text, previous, token)
      previous = token
      if (!joins || token.kind !== 'word') close()
      if (token.kind !== 'word') continue
      if (particles.has(token.value) && run.length > 0) {
        run.push({start: token.start, end: token.end, form: token.value, particle: true})
        continue
      }

      const form = token.value.replace(possessive, '')
      // A common word opening a sentence is capitalized for the sentence, not for a name ("Despite Modero").
      if (!nameShape.test(form) || !lowerLetter.test(form) || (first && isCommon(form))) {
        close()
        continue
      }

      run.push({start: token.start, end: token.start + form.length, form, particle: false})
    }

    close()
  }

  /** Each name with more than one spelling, as groups of spellings joined by the enabled kinds. */
  groups(): NameVariantGroup[] {
    const edges: Array<[string, string, NameVariantKind]> = []
    const words = new Map<string, NameUse[]>()
    const pairs = new Map<string, NameUse[]>()
    for (const run of this.runs) {
      const names = run.filter((word) => !word.particle)
      for (const word of names) push(words, word.form, word)
      for (let index = 1; index < run.length; index++) {
        const [a, b] = [run[index - 1]!, run[index]!]
        if (!a.particle && !b.particle) push(pairs, `${a.form} ${b.form}`, {start: a.start, end: b.end, form: `${a.form} ${b.form}`})
      }
    }

    if (this.kinds.has('diacritics')) this.byKey(words.keys(), withoutMarks, (key) => !isCommon(key), 'diacritics', edges)
    if (this.kinds.has('joining')) this.joining(words, pairs, edges)
    if (this.kinds.has('edit')) this.edits(edges)
    if (this.kinds.has('surname')) this.surnames(words, edges)
    return this.collect(edges, words, pairs)
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
  private joining(words: Map<string, NameUse[]>, pairs: Map<string, NameUse[]>, edges: Array<[string, string, NameVariantKind]>): void {
    const innerCapital = /^.[^-\s]*\p{Lu}/u
    const separators = (form: string) => form.replace(/[^-\s]/gu, '')
    // Parts that also stand alone in the document are two names (`China-Japan` beside `China` and `Japan`); `Jong` and `Il` of `Jong-il` never do.
    const alone = new Set(this.runs.filter((run) => run.length === 1).map((run) => run[0]!.form))
    const twoNames = (form: string) => form.split(/[-\s]/u).every((part) => /^\p{Lu}/u.test(part) && alone.has(part))
    // Common words hyphenated two ways (`Prefecture-level`, `Prefecture Level`) are a hyphenation choice, not a name.
    const commonWords = (form: string) => /[-\s]/u.test(form) && form.split(/[-\s]/u).every(isCommon)
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
  private edits(edges: Array<[string, string, NameVariantKind]>): void {
    const byContext = new Map<string, {anchor: string; forms: Set<string>}>()
    const note = (context: string, anchor: string, form: string) => {
      let entry = byContext.get(context)
      if (!entry) byContext.set(context, (entry = {anchor, forms: new Set()}))
      entry.forms.add(form)
    }

    for (const run of this.runs) {
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
  private surnames(words: Map<string, NameUse[]>, edges: Array<[string, string, NameVariantKind]>): void {
    const surnames = new Set<string>()
    for (const run of this.runs) {
      const names = run.filter((word) => !word.particle)
      if (names.length >= 2) surnames.add(names.at(-1)!.form)
    }

    // Looked up by the letters left when one (or two) are masked: no pass over every surname for every word.
    const index = new Map<string, string[]>()
    for (const surname of surnames) if (!isKnown(surname)) for (const key of maskedKeys(surname)) push(index, key, surname)
    const alone = new Set<string>()
    for (const run of this.runs) if (run.length === 1) alone.add(run[0]!.form)
    for (const word of alone) {
      if (isKnown(word) || !words.has(word)) continue
      const near = new Set(maskedKeys(word).flatMap((key) => index.get(key) ?? []))
      for (const surname of near) if (surname !== word && nearSpelling(word, surname)) edges.push([surname, word, 'surname'])
    }
  }

  /** Joined spellings as groups (union-find), each with all its uses; a group holding a skipped form is left to the rule that knows it. */
  private collect(edges: Array<[string, string, NameVariantKind]>, words: Map<string, NameUse[]>, pairs: Map<string, NameUse[]>): NameVariantGroup[] {
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

    const members = new Map<string, string[]>()
    for (const form of new Set(edges.flatMap(([a, b]) => [a, b]))) push(members, find(form), form)
    const groups: NameVariantGroup[] = []
    for (const forms of members.values()) {
      if (forms.some((form) => this.skip(form))) continue
      const uses = forms
        .flatMap((form, variant) => (words.get(form) ?? pairs.get(form) ?? []).map((use) => ({...use, variant})))
        .sort((a, b) => a.start - b.start)
      const kind = forms.map((form) => kindOf.get(form)).find((kind) => kind !== undefined)!
      groups.push({kind, forms, uses: withoutOverlaps(uses)})
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
