/**
 * retext-english's parse of plain text, without its quadratic step.
 *
 * parse-latin tokenizes a whole document as one sentence and runs its
 * sentence plugins (the merges that build words such as `U.S.`, `don't`,
 * `and/or`) over that one token array before it splits paragraphs and
 * sentences. The inner-word merge splices the array once per merge, so the
 * cost grows with the square of the document: on the seed article repeated
 * 200 times, three quarters of the parse. Those merges only join tokens that
 * touch, and a white-space token is never merged or moved, so this parser
 * runs the same plugins over windows of the token array cut at white space
 * and joins the windows. Each window keeps the white space on either side
 * and, beyond it, a copy of the neighbouring token: one plugin
 * (parse-english's elision merge, "ol' days") asks that an apostrophe stand
 * at least three tokens into the sentence, and the copies keep every index
 * check as it is in the whole document. Everything else (paragraph and root
 * plugins, their order, extensions) is parse-english's own, and
 * test/parse-text.test.ts checks that the tree is the one the whole parse
 * builds, on every text of the corpus and the clean news set and on
 * generated texts.
 */
import type {Paragraph, ParagraphContent, Root, Sentence, SentenceContent} from 'nlcst'
import {toString} from 'nlcst-to-string'
import {ParseEnglish} from 'parse-english'

/** Tokens per window: big enough that plugin calls are few, small enough that splices are cheap. */
const defaultWindowSize = 2048

/**
 * A run of this many tokens without white space is no prose (`a.a.a.…`,
 * base64): it is cut without context, because the inner-word merges are
 * quadratic on it and spread it as call arguments (a stack overflow at ~100k).
 */
const hardRunTokens = 2048

/** Tokens of one paragraph-plugin window, and half of it the longest sentence kept whole. */
const hardWindowTokens = 32768

/**
 * Sentences without a blank line between them after which the paragraph
 * plugins' window is cut anyway (`. , ; : ! ? ` repeated: every sentence
 * merges into its neighbour, one splice of the whole list each).
 */
const hardRunSentences = 8192

/** A place in the text, as nlcst positions hold it. */
export interface Point {
  line: number
  column: number
  offset: number
}

type TokenType = 'WhiteSpaceNode' | 'PunctuationNode' | 'WordNode' | 'SymbolNode'

/**
 * The token type parse-latin gives each UTF-16 code unit (its tokenizer tests
 * three Unicode regular expressions per character, a tenth of the parse),
 * filled on first sight by asking the stock tokenizer about the character
 * alone, so the classes are parse-latin's by construction. Index: the code unit.
 */
const tokenTypes: Array<TokenType | undefined> = new Array(65536)

class WindowedParser extends ParseEnglish {
  constructor(
    private readonly windowSize: number,
    /** Where the text starts: a guard put before a block is parsed at negative offsets, so the block's own start is 0 (lint-block.ts). */
    private readonly origin: Point
  ) {
    super()
    this.tokenizeParagraphPlugins = this.tokenizeParagraphPlugins.map((plugin) => (plugin === stockBreakImplicitSentences ? breakImplicitSentences : plugin))
  }

  /**
   * parse-latin's tokenize, the same tokens with the same positions counted
   * from `origin`: a table lookup per character instead of three regular
   * expressions, and one point object where a token ends and the next
   * starts (and for a word and its text): no plugin changes a point in place,
   * they only replace one, and incremental.ts copies them before it shifts a
   * block. A fifth of the objects of a parse tree were points.
   */
  override tokenize(value: string): SentenceContent[] {
    const children: SentenceContent[] = []
    if (!value) return children
    let line = this.origin.line
    let column = this.origin.column
    let offset = this.origin.offset
    let from = 0
    let start: Point = {line, column, offset}
    let previousType: TokenType | undefined
    let previous = -1
    const flush = (type: TokenType, to: number): Point => {
      const end: Point = {line, column, offset}
      const slice = to - from === 1 ? singleCharacter(value.charCodeAt(from)) : value.slice(from, to)
      children.push(
        type === 'WordNode'
          ? {type, children: [{type: 'TextNode', value: slice, position: {start, end}}], position: {start, end}}
          : {type, value: slice, position: {start, end}}
      )
      return end
    }

    for (let index = 0; index < value.length; index++) {
      const code = value.charCodeAt(index)
      const currentType = tokenTypes[code] ?? typeOf(code)
      if (
        previousType !== undefined &&
        from < index &&
        !(
          previousType === currentType &&
          // Words and white space continue, and so does a run of one punctuation mark or symbol (or of surrogates).
          (currentType === 'WordNode' || currentType === 'WhiteSpaceNode' || code === previous || (code >= 0xd800 && code <= 0xdfff))
        )
      ) {
        start = flush(previousType, index)
        from = index
      }

      if (code === 13 || (code === 10 && previous !== 13)) {
        line++
        column = 1
      } else if (code !== 10) {
        column++
      }

      offset++
      previousType = currentType
      previous = code
    }

    if (previousType !== undefined && from < value.length) flush(previousType, value.length)
    return children
  }

  override tokenizeSentence(value: string): Sentence {
    const tokens = this.tokenize(value)
    if (tokens.length <= this.windowSize) return this.runSentencePlugins(tokens)

    const children: SentenceContent[] = []
    // Whether the window starting at `start` opens at white space (a soft edge) or inside a run without any (a hard one).
    for (let start = 0, soft = false; ; ) {
      // A window ends at the first white space after windowSize tokens; that white space also opens the next window.
      let end = Math.min(start + this.windowSize, tokens.length - 1)
      // The run without white space that holds tokens[end] is cut only once it is hardRunTokens long, counted from where it starts.
      let runStart = end
      while (runStart > start && tokens[runStart - 1]!.type !== 'WhiteSpaceNode') runStart--
      const hardEnd = Math.min(Math.max(runStart + hardRunTokens, end), tokens.length - 1)
      while (end < hardEnd && tokens[end]!.type !== 'WhiteSpaceNode') end++
      const last = end === tokens.length - 1
      // No white space for hardRunTokens tokens (`a.a.a.…`, not prose): cut the run there, merges across the cut are lost.
      const hard = !last && tokens[end]!.type !== 'WhiteSpaceNode'
      // Copies of the tokens beyond the white space on either side: context only, dropped afterwards.
      const before = soft ? structuredClone(children.at(-1)!) : undefined
      const after = last || hard ? undefined : structuredClone(tokens[end + 1]!)
      const own = tokens.slice(start, hard ? end : end + 1)
      const window = this.runSentencePlugins([...(before ? [before] : []), ...own, ...(after ? [after] : [])]).children
      const contextKept = (!before || (window.shift() === before && window[0] === tokens[start])) && (!after || (window.pop() === after && window.at(-1) === tokens[end]))
      if (!contextKept) throw new Error('parse-text: a sentence plugin merged across white space')

      if (last) {
        for (const token of window) children.push(token)
        break
      }

      // The closing white space is the next window's opening one.
      if (!hard) window.pop()
      for (const token of window) children.push(token)
      start = end
      soft = !hard
    }

    return {type: 'SentenceNode', children, position: {start: children[0]!.position!.start, end: children.at(-1)!.position!.end}}
  }

  /**
   * The paragraph plugins (sentence merges) splice the document's whole list
   * of sentences once per merge: they run on windows of it instead, cut
   * where no merge crosses (see isSafeEdge), so the tree is the same. They
   * also spread a sentence's tokens as call arguments, which overflows the
   * stack past ~100k: a window holds at most hardWindowTokens tokens, and a
   * longer sentence (no prose) is cut into pieces in windows of their own.
   */
  override tokenizeParagraph(value: string): Paragraph {
    // The stock split into sentences, without the plugins.
    const plugins = this.tokenizeParagraphPlugins
    this.tokenizeParagraphPlugins = []
    const {sentences, pieceStarts} = cutLongSentences(super.tokenizeParagraph(value).children)
    this.tokenizeParagraphPlugins = plugins

    const windows: Paragraph[] = []
    const flush = (from: number, to: number) => windows.push(this.runParagraphPlugins(sentences.slice(from, to)))

    // `tokens` counts the window's tokens so far; `lineEdge` is its last edge at a line break, the best hard cut.
    let start = 0
    let tokens = 0
    let lineEdge = -1
    for (let index = 0; index < sentences.length; index++) {
      const size = sizeOf(sentences[index]!)
      if (index > start) {
        const soft = pieceStarts.has(index) || (index - start >= this.windowSize && isSafeEdge(sentences, index, true))
        if (soft || index - start >= hardRunSentences || tokens + size > hardWindowTokens) {
          const cut = soft || lineEdge <= start ? index : lineEdge
          flush(start, cut)
          start = cut
          tokens = 0
          for (let kept = cut; kept < index; kept++) tokens += sizeOf(sentences[kept]!)
          lineEdge = -1
        }
      }

      if (index > start && isSafeEdge(sentences, index, false)) lineEdge = index
      tokens += size
    }

    flush(start, sentences.length)
    if (windows.length === 1) return windows[0]!
    const children = windows.flatMap((window) => window.children)
    return {type: 'ParagraphNode', children, position: {start: children[0]!.position!.start, end: children.at(-1)!.position!.end}}
  }

  private runParagraphPlugins(children: ParagraphContent[]): Paragraph {
    const paragraph: Paragraph = {type: 'ParagraphNode', children}
    for (const plugin of this.tokenizeParagraphPlugins) plugin(paragraph)
    return paragraph
  }

  private runSentencePlugins(children: SentenceContent[]): Sentence {
    const sentence: Sentence = {type: 'SentenceNode', children}
    for (const plugin of this.tokenizeSentencePlugins) plugin(sentence)
    return sentence
  }
}

/**
 * One string per character for one-character tokens: V8 shares only the
 * strings of characters up to U+00FF, and a text of curly quotes or dashes
 * would otherwise hold a fresh string for each mark.
 */
const singleCharacters: Array<string | undefined> = new Array(65536)

function singleCharacter(code: number): string {
  return (singleCharacters[code] ??= String.fromCharCode(code))
}

const stockTokenize = ParseEnglish.prototype.tokenize

/**
 * parse-latin's breakImplicitSentences, found in parse-english's list of
 * paragraph plugins: between makeFinalWhiteSpaceSiblings and
 * removeEmptyNodes, the two that stand second and third in the list of root
 * plugins (the list parse-latin 7 builds). Undefined when the lists are
 * shaped otherwise: the stock plugin then runs.
 */
const stockBreakImplicitSentences = ((): unknown => {
  const paragraph = ParseEnglish.prototype.tokenizeParagraphPlugins
  const root = ParseEnglish.prototype.tokenizeRootPlugins
  const at = (paragraph as unknown[]).indexOf(root[2])
  return root.length === 4 && at >= 2 && (paragraph[at - 2] as unknown) === root[1] && paragraph.length === at + 2 && (paragraph[at + 1] as unknown) === root[3] ? paragraph[at - 1] : undefined
})()

/**
 * breakImplicitSentences (parse-latin/lib/plugin/break-implicit-sentences.js
 * through unist-util-modify-children and array-iterate), the same steps,
 * but for the test: it split every white-space node's text at line breaks
 * to count them (an array and its strings per space, a tenth of the bytes a
 * parse allocates); this counts them in place, `\r\n` as one as the split
 * does.
 */
function breakImplicitSentences(paragraph: Paragraph): void {
  const siblings = paragraph.children
  for (let index = 0; index < siblings.length; index++) {
    if (!(index in siblings)) continue
    const next = breakImplicitSentence(siblings[index]!, index, paragraph)
    if (next !== undefined) index = next - 1
  }
}

function breakImplicitSentence(child: ParagraphContent, index: number, parent: Paragraph): number | undefined {
  if (child.type !== 'SentenceNode') return undefined
  const children = child.children
  // Ignore first and last child.
  let position = 0
  while (++position < children.length - 1) {
    const node = children[position]!
    if (node.type !== 'WhiteSpaceNode' || lineBreaks('value' in node ? node.value : toString(node)) < 2) continue
    child.children = children.slice(0, position)
    const insertion: Sentence = {type: 'SentenceNode', children: children.slice(position + 1)}
    const tail = children[position - 1]!
    const head = children[position + 1]!
    parent.children.splice(index + 1, 0, node, insertion)
    if (child.position && tail.position && head.position) {
      const end = child.position.end
      child.position.end = tail.position.end
      insertion.position = {start: head.position.start, end}
    }

    return index + 1
  }

  return undefined
}

/** Line breaks in `value` (`\r\n`, `\r` or `\n`, as `/\r\n|\r|\n/` matches them), counted up to two. */
function lineBreaks(value: string): number {
  let count = 0
  for (let index = 0; index < value.length && count < 2; index++) {
    const code = value.charCodeAt(index)
    if (code === 13) {
      count++
      if (value.charCodeAt(index + 1) === 10) index++
    } else if (code === 10) count++
  }

  return count
}

function typeOf(code: number): TokenType {
  const type = stockTokenize.call(new ParseEnglish(), String.fromCharCode(code))[0]!.type as TokenType
  tokenTypes[code] = type
  return type
}

/**
 * The tree `unified().use(retextEnglish).parse(text)` builds. `windowSize`
 * is for tests, which cut windows small to put many edges in short texts;
 * `origin` is the point the text starts at (the default: its own start).
 */
export function parseEnglishText(text: string, windowSize = defaultWindowSize, origin: Point = {line: 1, column: 1, offset: 0}): Root {
  return new WindowedParser(windowSize, origin).parse(text)
}

/**
 * Whether no paragraph plugin merges across the edge before `sentences[index]`:
 * it opens with a blank line and a capitalized word, and the sentence before
 * it holds a word (a sentence without one merges into its neighbour). With
 * `blankLine` false, a line break is enough: then a merge can still cross
 * (`Mr.` at the end of a line), so only a hard cut takes such an edge.
 */
function isSafeEdge(sentences: ParagraphContent[], index: number, blankLine: boolean): boolean {
  const node = sentences[index]!
  const previous = sentences[index - 1]
  if (node.type !== 'SentenceNode' || previous?.type !== 'SentenceNode') return false
  const [space, word] = node.children
  if (space?.type !== 'WhiteSpaceNode' || !(blankLine ? /(?:\r\n|\r|\n)[^]*(?:\r\n|\r|\n)/ : /[\r\n]/).test(space.value)) return false
  if (word?.type !== 'WordNode' || word.children[0]?.type !== 'TextNode' || !/^\p{Lu}/u.test(word.children[0].value)) return false
  return previous.children.some((child) => child.type === 'WordNode')
}

function sizeOf(node: ParagraphContent): number {
  return node.type === 'SentenceNode' ? node.children.length : 1
}

/** Sentences over half a window, cut before white space (or anywhere, without any); `pieceStarts` holds the later pieces' indices. */
function cutLongSentences(sentences: ParagraphContent[]): {sentences: ParagraphContent[]; pieceStarts: Set<number>} {
  const pieceStarts = new Set<number>()
  const limit = hardWindowTokens / 2
  if (!sentences.some((node) => sizeOf(node) > limit)) return {sentences, pieceStarts}
  const result: ParagraphContent[] = []
  for (const node of sentences) {
    if (node.type !== 'SentenceNode' || node.children.length <= limit) {
      result.push(node)
      continue
    }

    let piece: SentenceContent[] = []
    let first = true
    const flush = () => {
      if (!first) pieceStarts.add(result.length)
      first = false
      result.push({type: 'SentenceNode', children: piece, position: {start: piece[0]!.position!.start, end: piece.at(-1)!.position!.end}})
      piece = []
    }

    for (const child of node.children) {
      if (piece.length >= limit || (piece.length >= limit / 2 && child.type === 'WhiteSpaceNode')) flush()
      piece.push(child)
    }

    flush()
  }

  return {sentences: result, pieceStarts}
}
