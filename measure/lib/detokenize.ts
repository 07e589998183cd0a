/** MLQE-PE sentences are tokenized (`metres later , we arrive`): the text as it would be written, for linting. */

/** Tokens that take no space before them (`, . ) %`, `'s`, `n't`) or after them (`( [`) in detokenized text. */
const noSpaceBefore = /^(?:[,.;:!?)\]%}]|['’](?:s|re|ve|ll|d|m)|n['’]t)$/iu
const noSpaceAfter = /^[(\[{$]$/u

/** MLQE-PE text is tokenized: rebuild the sentence and each token's place in it; straight quotes alternate open and close. */
export function detokenize(tokens: readonly string[]): {text: string; ranges: Array<[number, number]>} {
  let text = ''
  let quoteOpen = false
  let glueNext = true
  const ranges: Array<[number, number]> = []
  for (const token of tokens) {
    const isQuote = token === '"'
    const glue = glueNext || noSpaceBefore.test(token) || (isQuote && quoteOpen)
    if (!glue) text += ' '
    ranges.push([text.length, text.length + token.length])
    text += token
    glueNext = noSpaceAfter.test(token) || (isQuote && !quoteOpen)
    if (isQuote) quoteOpen = !quoteOpen
  }

  return {text, ranges}
}
