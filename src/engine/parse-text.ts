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
import type {Root, Sentence, SentenceContent} from 'nlcst'
import {ParseEnglish} from 'parse-english'

/** Tokens per window: big enough that plugin calls are few, small enough that splices are cheap. */
const defaultWindowSize = 2048

class WindowedParser extends ParseEnglish {
  constructor(private readonly windowSize: number) {
    super()
  }

  override tokenizeSentence(value: string): Sentence {
    const tokens = this.tokenize(value)
    if (tokens.length <= this.windowSize) return this.runSentencePlugins(tokens)

    const children: SentenceContent[] = []
    for (let start = 0; ; ) {
      // A window ends at the first white space after windowSize tokens; that white space also opens the next window.
      let end = Math.min(start + this.windowSize, tokens.length - 1)
      while (end < tokens.length - 1 && tokens[end]!.type !== 'WhiteSpaceNode') end++
      const last = end === tokens.length - 1
      // Copies of the tokens beyond the white space on either side: context only, dropped afterwards.
      const before = start > 0 ? structuredClone(children.at(-1)!) : undefined
      const after = last ? undefined : structuredClone(tokens[end + 1]!)
      const window = this.runSentencePlugins([...(before ? [before] : []), ...tokens.slice(start, end + 1), ...(after ? [after] : [])]).children
      const contextKept = (!before || (window.shift() === before && window[0] === tokens[start])) && (!after || (window.pop() === after && window.at(-1) === tokens[end]))
      if (!contextKept) throw new Error('parse-text: a sentence plugin merged across white space')

      if (last) {
        children.push(...window)
        break
      }

      // The closing white space is the next window's opening one.
      window.pop()
      children.push(...window)
      start = end
    }

    return {type: 'SentenceNode', children, position: {start: children[0]!.position!.start, end: children.at(-1)!.position!.end}}
  }

  private runSentencePlugins(children: SentenceContent[]): Sentence {
    const sentence: Sentence = {type: 'SentenceNode', children}
    for (const plugin of this.tokenizeSentencePlugins) plugin(sentence)
    return sentence
  }
}

/**
 * The tree `unified().use(retextEnglish).parse(text)` builds. `windowSize`
 * is for tests, which cut windows small to put many edges in short texts.
 */
export function parseEnglishText(text: string, windowSize = defaultWindowSize): Root {
  return new WindowedParser(windowSize).parse(text)
}
