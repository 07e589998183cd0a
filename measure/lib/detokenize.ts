/** MLQE-PE sentences are tokenized (`metres later , we arrive`): the text as it would be written, for linting. */

/** Tokens that take no space before them (`, . ) %`, `'s`, `n't`, `'t` after `can`, closing curly quotes) or after them (`( [`, opening curly quotes). */
const noSpaceBefore = /^(?:[,.;:!?)\]%}”»]|['’](?:s|re|ve|ll|d|m|t)|n['’]t)$/iu
const noSpaceAfter = /^[(\[{$“„«]$/u
/** The second half of a contraction whose apostrophe the tokenizer split off as a token of its own (`woman ’ s`, `don ’ t`). */
const contractionTail = /^(?:s|re|ve|ll|d|m|t)$/iu

/**
 * MLQE-PE text is tokenized: rebuild the sentence and each token's place in
 * it; straight quotes alternate open and close, curly ones open (`“ „ «`) or
 * close (`” »`) by their shape, and an apostrophe token between a word and a
 * contraction tail (`woman ’ s`) is glued on both sides.
 */
export function detokenize(tokens: readonly string[]): {text: string; ranges: Array<[number, number]>} {
  let text = ''
  let quoteOpen = false
  let glueNext = true
  const ranges: Array<[number, number]> = []
  tokens.forEach((token, index) => {
    const isQuote = token === '"'
    const splitApostrophe = /^['’]$/u.test(token) && index > 0 && contractionTail.test(tokens[index + 1] ?? '')
    const glue = glueNext || splitApostrophe || noSpaceBefore.test(token) || (isQuote && quoteOpen)
    if (!glue) text += ' '
    ranges.push([text.length, text.length + token.length])
    text += token
    glueNext = splitApostrophe || noSpaceAfter.test(token) || (isQuote && !quoteOpen)
    if (isQuote) quoteOpen = !quoteOpen
  })

  return {text, ranges}
}
