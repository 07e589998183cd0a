/**
 * retext-english's parse of plain text, without its quadratic step.
 *
 * parse-latin tokenizes a whole document as one sentence and runs its
 * sentence plugins (the merges that build words such as `U.S.`, `don't`,
 * `and/or`) over that one token array before it splits paragraphs and
 * sentences. The inner-word merge splices the array once per merge, so the
 * cost grows with the square of the document: on the seed article repeated
 * 200 times, three quarters of the parse. Those merges only join tokens that
 * touch, and a white-space token is never merged, moved or looked past, so
 * this parser runs the same plugins over windows of the token array cut at
 * white space, each window holding the white-space token on either side as
 * context, and joins the windows. Everything else (paragraph and root
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
      // A window ends at the first white space after windowSize tokens and keeps it as context: it opens the next window.
      let end = Math.min(start + this.windowSize, tokens.length - 1)
      while (end < tokens.length - 1 && tokens[end]!.type !== 'WhiteSpaceNode') end++
      const window = this.runSentencePlugins(tokens.slice(start, end + 1)).children
      if (end === tokens.length - 1) {
        children.push(...window)
        break
      }

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
