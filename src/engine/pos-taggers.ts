/**
 * The part-of-speech tagger signature: words in (the word tokens of one
 * sentence, as retext split them), one Penn Treebank tag and a lemma per word
 * out. The product ships one tagger, `brill`, loaded lazily on first use, so a
 * run whose enabled rules never ask for tags never pays for its lexicon.
 * measure/bench-taggers.ts compares it with others passed in through the
 * linter's `tagger` option; docs/architecture-pos.md says why `brill` won.
 */
import {readFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import {join} from 'node:path'
import {packageRoot} from '../version.js'

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
  lexicon: Record<string, string[]>
}

let brillTagger: BrillTagger | undefined
/** The lexicon's entry for a word (own keys only, as Object.hasOwn reads them), or undefined. */
let lexiconEntry: (word: string) => string[] | undefined = () => undefined
/** Whether the tagger's lexicon object must be filled with a sentence's words before it tags them (the compact lexicon). */
let fillsLexicon = false

/**
 * Brill's tagger, with the lexicon the build wrote in compact form when it
 * is there (see compactLexicon), else the `pos` package's own: lexicon.js, a
 * 4 MB object literal of 92,662 words, took some 110 ms of CPU to compile and
 * run in every process, and its 92,662 arrays were copied by the garbage
 * collector, for a text that uses a few thousand of its words. The tagger's
 * own code (POSTagger.prototype.tag) runs unchanged on a plain object that
 * holds the entry of every word it has been asked about: for those words its
 * lookups (own entries, and the prototype's properties for the others) read
 * what they read in the whole lexicon.
 */
function loadBrill(): BrillTagger {
  const posjs = require('pos') as {Tagger: {new (): BrillTagger; prototype: BrillTagger}}
  const compact = compactLexicon((require('pos/package.json') as {version: string}).version)
  if (!compact) {
    const tagger = new posjs.Tagger()
    const lexicon = tagger.lexicon
    lexiconEntry = (word) => (Object.hasOwn(lexicon, word) ? lexicon[word] : undefined)
    return tagger
  }

  const tagger = Object.create(posjs.Tagger.prototype) as BrillTagger
  const lexicon: Record<string, string[]> = {}
  tagger.lexicon = lexicon
  const known = new Map<string, string[] | undefined>()
  lexiconEntry = (word) => {
    if (known.has(word)) return known.get(word)
    const entry = compact(word)
    known.set(word, entry)
    if (entry) Object.defineProperty(lexicon, word, {value: entry, writable: true, enumerable: true, configurable: true})
    return entry
  }
  fillsLexicon = true
  return tagger
}

export const brill: Tagger = (words) => {
  brillTagger ??= loadBrill()
  const values = words.map((word) => word.value.replace(possessive, '') || word.value)
  if (fillsLexicon) {
    // What POSTagger.prototype.tag looks up: each word, and the word in lower case.
    for (const value of values) {
      lexiconEntry(value)
      lexiconEntry(value.toLowerCase())
    }
  }

  return brillTagger.tag(values).map(([value, tag]) => ({tag, lemma: value.toLowerCase()}))
}

/**
 * The tags Brill's lexicon allows for a lower-cased word, out of context
 * ("say": VBP, VB, NN, ...), for rules that need to know what a word can be
 * rather than what the tagger guessed it is in one sentence.
 */
export function lexiconTags(word: string): readonly string[] {
  brillTagger ??= loadBrill()
  return lexiconEntry(word) ?? []
}

/** The first line of the compact lexicon, before the `pos` version it was written from. */
export const compactLexiconHeader = 'mtlint brill-lexicon pos@'

/** Where the build writes the compact lexicon (tools/bundle-cli.mjs). */
export const compactLexiconPath = join(packageRoot, 'dist', 'src', 'engine', 'brill-lexicon.txt')

/**
 * The lexicon as the build wrote it from the installed `pos` package: a
 * header line with the package's version, then one `word<TAB>tag tag...`
 * line per word, sorted by UTF-16 code units. Read as one string; a word is
 * found by binary search over the line starts. Undefined when the file is
 * missing or was written from another version of `pos`.
 */
export function compactLexicon(version: string): ((word: string) => string[] | undefined) | undefined {
  let text: string
  try {
    text = readFileSync(compactLexiconPath, 'utf8')
  } catch {
    return undefined
  }

  const headerEnd = text.indexOf('\n')
  if (headerEnd < 0 || text.slice(0, headerEnd) !== compactLexiconHeader + version) return undefined
  const starts: number[] = []
  for (let at = headerEnd + 1; at < text.length; ) {
    starts.push(at)
    const end = text.indexOf('\n', at)
    if (end < 0) break
    at = end + 1
  }

  return (word) => {
    let low = 0
    let high = starts.length - 1
    while (low <= high) {
      const middle = (low + high) >>> 1
      const at = starts[middle]!
      const order = compareKey(word, text, at)
      if (order === 0) {
        const tagsStart = at + word.length + 1
        const lineEnd = text.indexOf('\n', tagsStart)
        const tags = text.slice(tagsStart, lineEnd < 0 ? text.length : lineEnd)
        return tags === '' ? [] : tags.split(' ')
      }

      if (order < 0) high = middle - 1
      else low = middle + 1
    }

    return undefined
  }
}

/** `word` against the key of the line at `at` (which ends at a tab), in UTF-16 code unit order, as Array.prototype.sort sorts. */
function compareKey(word: string, text: string, at: number): number {
  for (let index = 0; ; index++) {
    const key = text.charCodeAt(at + index)
    if (index === word.length) return key === 9 ? 0 : -1
    if (key === 9) return 1
    const code = word.charCodeAt(index)
    if (code !== key) return code - key
  }
}
