/**
 * A flat token view of each paragraph, computed once per tree and shared by
 * the rules that need to look across sentence boundaries (retext-english
 * splits "days. days." and "power. Power." differently, and sometimes keeps a
 * trailing full stop inside a word node, as it does for abbreviations).
 * White space is left out: no rule reads it as a token (offsets and the text
 * say what stands between two tokens), and it was two tokens in five.
 */
import type {Paragraph, Root, Sentence, SentenceContent, Word} from 'nlcst'
import {maskCharacter} from './mask.js'
import {timedView} from './rule.js'

export type TokenKind = 'word' | 'punctuation' | 'symbol'

export interface Token {
  kind: TokenKind
  /** The token's text, exactly as in the file. */
  value: string
  /** `value` lower-cased, once for every rule (the same string when it has no capital). */
  lower: string
  start: number
  end: number
  /** Index of the sentence (within the paragraph) the token came from. */
  sentence: number
}

export interface ParagraphTokens {
  start: number
  end: number
  tokens: Token[]
  /** The word tokens only, in order (indexes into nothing: a convenience for rules that skip spacing). */
  words: Token[]
}

const cache = new WeakMap<Root, ParagraphTokens[]>()

export function paragraphTokens(tree: Root, text: string): ParagraphTokens[] {
  return cache.get(tree) ?? timedView(() => tokenizeTree(tree, text))
}

function tokenizeTree(tree: Root, text: string): ParagraphTokens[] {
  const paragraphs: ParagraphTokens[] = []
  for (const node of tree.children) {
    if (node.type === 'ParagraphNode') paragraphs.push(tokenizeParagraph(node, text))
  }

  cache.set(tree, paragraphs)
  return paragraphs
}

/**
 * Per paragraph, the words that hold inner punctuation ("Kiev’s", "al-Qaeda")
 * with their nodes and the children that make the word token (its leading
 * and trailing punctuation are tokens of their own), for partsOf; kept beside
 * the tokens, not on them, so that every token keeps one shape.
 */
interface SplitWord {
  token: Token
  word: Word
  /** The word's children [first, last] that lie inside the token. */
  first: number
  last: number
}

const splitWords = new WeakMap<ParagraphTokens, SplitWord[]>()

function tokenizeParagraph(paragraph: Paragraph, text: string): ParagraphTokens {
  const tokens: Token[] = []
  const split: SplitWord[] = []
  let sentenceIndex = 0
  for (const child of paragraph.children) {
    if (child.type === 'SentenceNode') {
      for (const node of (child as Sentence).children) pushNode(tokens, split, node, text, sentenceIndex)
      sentenceIndex++
    }
  }

  const result: ParagraphTokens = {
    start: paragraph.position!.start.offset!,
    end: paragraph.position!.end.offset!,
    tokens,
    words: tokens.filter((token) => token.kind === 'word')
  }
  if (split.length > 0) splitWords.set(result, split)
  return result
}

function pushNode(tokens: Token[], split: SplitWord[], node: SentenceContent, text: string, sentence: number): void {
  switch (node.type) {
    case 'WordNode':
      pushWord(tokens, split, node, text, sentence)
      break
    // Two nodes in five: their positions (read from many shapes of node) are not read.
    case 'WhiteSpaceNode':
      break
    case 'PunctuationNode':
      push(tokens, 'punctuation', node.position!.start.offset!, node.position!.end.offset!, text, sentence, node.value)
      break
    default:
      push(tokens, 'symbol', node.position!.start.offset!, node.position!.end.offset!, text, sentence, 'value' in node ? node.value : undefined)
  }
}

/** Split a word node into leading punctuation, the word itself, and trailing punctuation. */
function pushWord(tokens: Token[], split: SplitWord[], word: Word, text: string, sentence: number): void {
  const parts = word.children
  let first = 0
  let last = parts.length - 1
  while (first <= last && parts[first]!.type === 'PunctuationNode') first++
  while (last >= first && parts[last]!.type === 'PunctuationNode') last--
  for (let index = 0; index < first; index++) pushPart(tokens, parts[index]!, text, sentence)
  if (first <= last) {
    const only = first === last ? parts[first]! : undefined
    push(tokens, 'word', parts[first]!.position!.start.offset!, parts[last]!.position!.end.offset!, text, sentence, only && 'value' in only ? only.value : undefined)
    if (!only) split.push({token: tokens.at(-1)!, word, first, last})
  }

  for (let index = Math.max(last + 1, first); index < parts.length; index++) pushPart(tokens, parts[index]!, text, sentence)
}

function pushPart(tokens: Token[], part: Word['children'][number], text: string, sentence: number): void {
  push(tokens, 'punctuation', part.position!.start.offset!, part.position!.end.offset!, text, sentence, 'value' in part ? part.value : undefined)
}

/**
 * `parsed` is the node's own value: the token reuses that string (no copy)
 * when the text holds exactly it there, which is every token of plain text;
 * in Markdown (`\*`, `&amp;`) and where the prose view masks, the text wins.
 */
function push(tokens: Token[], kind: TokenKind, start: number, end: number, text: string, sentence: number, parsed?: string): void {
  const value = parsed !== undefined && parsed.length === end - start && text.startsWith(parsed, start) ? parsed : text.slice(start, end)
  // A word with masked characters is part of a URL or code: never prose.
  tokens.push({kind: kind === 'word' && value.includes(maskCharacter) ? 'symbol' : kind, value, lower: lowerCase(value), start, end, sentence})
}

/** Tokens read by index: undefined outside [0, length), as an array reads. */
export interface TokenSequence {
  readonly length: number
  get(index: number): Token | undefined
}

/** A token array as a sequence. */
export function sequenceOf(tokens: readonly Token[] | TokenSequence): TokenSequence {
  return Array.isArray(tokens) ? new ArraySequence(tokens) : (tokens as TokenSequence)
}

/** One class for every array read as a sequence (a closure per array made each `get` call site megamorphic). */
class ArraySequence implements TokenSequence {
  readonly length: number

  constructor(private readonly tokens: readonly Token[]) {
    this.length = tokens.length
  }

  get(index: number): Token | undefined {
    return this.tokens[index]
  }
}

const partsCache = new WeakMap<ParagraphTokens, TokenSequence>()

/**
 * The paragraph's tokens with each word that holds inner punctuation split
 * into its parts as the tokenizer cut it ("Kiev’s" -> Kiev ’ s, "al-Qaeda" ->
 * al - Qaeda): the view the phrase index matches, so that a table entry
 * "Kiev" finds the name in "Kiev’s" and "make attention" is told from "make
 * attention-grabbing". The paragraph's own tokens when no word is split.
 * The parts of a word of up to keptParts parts are made once, with the view
 * (the phrase index and four other rules read every part, each made anew per
 * read was a fifth of a calque scan); a longer word's part is made when it is
 * read and not kept: a run such as `a-a-a-…` is a word of hundreds of
 * thousands of parts, which as tokens held for the whole scan cost the
 * garbage collector more than the scan.
 */
export function partsOf(paragraph: ParagraphTokens): TokenSequence {
  let parts = partsCache.get(paragraph)
  if (!parts) {
    const split = splitWords.get(paragraph)
    parts = split ? new Parts(paragraph.tokens, split) : sequenceOf(paragraph.tokens)
    partsCache.set(paragraph, parts)
  }

  return parts
}

/**
 * Indexes into partsOf(paragraph) of the parts whose lower-cased text is one
 * of `words`, in order: what a rule that starts from a few listed words reads
 * first. Whole tokens are looked up as they are, without reading them as
 * parts (the array is read faster than the parts view); only a split word is
 * read part by part.
 */
export function partsIn(paragraph: ParagraphTokens, words: ReadonlySet<string>): number[] {
  const found: number[] = []
  const {tokens} = paragraph
  let longest = 0
  for (const word of words) longest = Math.max(longest, word.length)
  for (let index = 0; index < tokens.length; index++) {
    const {lower} = tokens[index]!
    if (lower.length <= longest && words.has(lower)) found.push(index)
  }

  const parts = partsOf(paragraph)
  if (!(parts instanceof Parts)) return found
  // Token indexes to part indexes (a split word's own text is no listed word), then each split word part by part.
  const inParts = found.filter((index) => !parts.isSplit(index)).map((index) => parts.firstPart(index))
  for (const index of parts.splitTokens()) {
    const end = parts.firstPart(index + 1)
    for (let part = parts.firstPart(index); part < end; part++) if (words.has(parts.get(part)!.lower)) inParts.push(part)
  }

  return inParts.sort((a, b) => a - b)
}

/** Parts of one split word that are made once and kept (see partsOf). */
const keptParts = 16

class Parts implements TokenSequence {
  readonly length: number
  /** Index of each token's first part (and the number of parts at the end). */
  private readonly starts: Int32Array
  /** The token of each part: a part is found in one read, as rules read back and forth around a token. */
  private readonly tokenOf: Int32Array
  /** The split word at each token, where there is one. */
  private readonly splitAt: Array<SplitWord | undefined>
  /** The parts of each split word of up to keptParts parts, made once. */
  private readonly kept: Array<Token[] | undefined>
  private readonly splitIndexes: number[] = []

  constructor(
    private readonly tokens: readonly Token[],
    split: readonly SplitWord[]
  ) {
    this.starts = new Int32Array(tokens.length + 1)
    this.splitAt = new Array<SplitWord | undefined>(tokens.length).fill(undefined)
    this.kept = new Array<Token[] | undefined>(tokens.length).fill(undefined)
    let next = 0
    let count = 0
    for (let index = 0; index < tokens.length; index++) {
      this.starts[index] = count
      const word = split[next]
      if (word !== undefined && word.token === tokens[index]) {
        this.splitAt[index] = word
        this.splitIndexes.push(index)
        if (word.last - word.first < keptParts) this.kept[index] = word.word.children.slice(word.first, word.last + 1).map((part) => partToken(part, word.token))
        count += word.last - word.first + 1
        next++
      } else count++
    }

    this.starts[tokens.length] = count
    this.length = count
    this.tokenOf = new Int32Array(count)
    for (let index = 0; index < tokens.length; index++) {
      for (let part = this.starts[index]!; part < this.starts[index + 1]!; part++) this.tokenOf[part] = index
    }
  }

  /** Index of the first part of token `index` (the number of parts for the token after the last). */
  firstPart(index: number): number {
    return this.starts[index]!
  }

  /** Whether token `index` is a word split into parts. */
  isSplit(index: number): boolean {
    return this.splitAt[index] !== undefined
  }

  /** The indexes of the tokens that are split words, in order. */
  splitTokens(): readonly number[] {
    return this.splitIndexes
  }

  get(index: number): Token | undefined {
    if (!(index >= 0 && index < this.length)) return undefined
    const at = this.tokenOf[index]!
    const word = this.splitAt[at]
    if (!word) return this.tokens[at]
    const offset = index - this.starts[at]!
    return this.kept[at]?.[offset] ?? partToken(word.word.children[word.first + offset]!, word.token)
  }
}

function partToken(part: Word['children'][number], word: Token): Token {
  const start = part.position!.start.offset!
  const end = part.position!.end.offset!
  const kind: TokenKind = part.type === 'TextNode' ? 'word' : part.type === 'PunctuationNode' ? 'punctuation' : 'symbol'
  const value = word.value.slice(start - word.start, end - word.start)
  return {kind: kind === 'word' && value.includes(maskCharacter) ? 'symbol' : kind, value, lower: lowerCase(value), start, end, sentence: word.sentence}
}

const lowerCharacters: Array<string | undefined> = new Array(65536)

/**
 * `value.toLowerCase()`, without the call when there is nothing to lower:
 * slices of a text with curly quotes are two-byte strings, which V8 lowers
 * through ICU even when they are plain lower-case ASCII.
 */
function lowerCase(value: string): string {
  // One character (a quotation mark, a dash): lowered once per character, not once per token.
  if (value.length === 1) return (lowerCharacters[value.charCodeAt(0)] ??= value.toLowerCase())
  for (let index = 0; index < value.length; index++) {
    const code = value.charCodeAt(index)
    if ((code >= 65 && code <= 90) || code > 127) return value.toLowerCase()
  }

  return value
}

/** True when the token is a word written with a capital first letter. */
export function isCapitalized(value: string): boolean {
  const first = value.charAt(0)
  return first !== first.toLowerCase()
}

/** `value` with each curly apostrophe (’) written straight ('): word lists and phrase tables treat the two as one character. */
export function plainApostrophes(value: string): string {
  return value.includes('’') ? value.replaceAll('’', "'") : value
}

/** Whether `second` follows `first` with nothing between them. */
export function glued(first: Token, second: Token): boolean {
  return first.end === second.start
}

/** Letters, digits, apostrophes and hyphens: a token glued to one of them is part of a longer word ("x-a", "workers’", "problem-solving"). */
const wordEdge = /[\p{L}\p{N}'’-]/u

/** Whether token `index` touches a letter, digit, apostrophe or hyphen of the token before it. */
export function touchedBefore(tokens: TokenSequence, index: number): boolean {
  const previous = tokens.get(index - 1)
  return previous !== undefined && glued(previous, tokens.get(index)!) && wordEdge.test(previous.value.at(-1)!)
}

/** Whether a letter, digit, apostrophe or hyphen touches the end of token `index`. */
export function touchedAfter(tokens: TokenSequence, index: number): boolean {
  const next = tokens.get(index + 1)
  return next !== undefined && glued(tokens.get(index)!, next) && wordEdge.test(next.value.charAt(0))
}

const spacesOnly = /^[ \u00a0]+$/u

/** Whether only spaces (no line break, no tab) stand between two tokens: the gap a rule reading two words in a row crosses. */
export function spaced(text: string, first: Token, second: Token): boolean {
  return spacesOnly.test(text.slice(first.end, second.start))
}
