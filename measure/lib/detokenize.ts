/** MLQE-PE sentences are tokenized (`metres later , we arrive`): the text as it would be written, for linting. */

/** Tokens that take no space before them (`, . ) %`, `'s`, `n't`, `'t` after `can`, closing curly quotes) or after them (`( [`, opening curly quotes). */
const noSpaceBefore = /^(?:[,.;:!?)\]%}”»]|['’](?:s|re|ve|ll|d|m|t)|n['’]t)$/iu
const noSpaceAfter = /^[(\[{$“„«]$/u
/** The second half of a contraction whose apostrophe the tokenizer split off as a token of its own (`woman ’ s`, `don ’ t`). */
const contractionTail = /^(?:s|re|ve|ll|d|m|t)$/iu
/** A token a quotation opens before (a word or number) and one it closes after (a word, number, or the sentence's or a bracket's end). */
const opensBefore = /^[\p{L}\p{N}]/u
const closesAfter = /[\p{L}\p{N}.!?)\]]$/u
/** Words ending in s that take no possessive apostrophe: a `'` after them opens a quotation (`known as ' Botta Conspiracy '`). */
const notPossessive = new Set(['as', 'is', 'was', 'has', 'does', 'his', 'its', 'this', 'thus', 'us', 'whereas', 'plus', 'always', 'perhaps', 'towards', 'hers', 'ours', 'yours', 'theirs'])
/** An opening quotation mark the tokenizer left on its word (`'Rin , are you alright ? '`). */
const fusedOpen = /^'\p{L}/u
/** A sentence ends after one of these (a closing quotation mark right after still belongs to it). */
const sentenceEnd = /^[.!?]$/u
const isDigits = (token: string | undefined) => /^\p{N}+$/u.test(token ?? '')

/** A split-off apostrophe: between a word and a contraction tail (`woman ’ s`). */
function isSplitApostrophe(tokens: readonly string[], index: number): boolean {
  return /^['’]$/u.test(tokens[index] ?? '') && index > 0 && contractionTail.test(tokens[index + 1] ?? '')
}

/**
 * A slash between two words or numbers (`km / h`, `and / or`): the tokenizer splits every slash off its
 * neighbours, and English writes one glued to both; a spaced slash (`a / b`) is too rare in these texts to keep.
 */
function isSlash(tokens: readonly string[], index: number): boolean {
  return tokens[index] === '/' && /[\p{L}\p{N}]$/u.test(tokens[index - 1] ?? '') && /^[\p{L}\p{N}]/u.test(tokens[index + 1] ?? '')
}

/** A minute mark between two numbers (`35 ° 18 ' 27`), written glued to both. */
function isMinuteMark(tokens: readonly string[], index: number): boolean {
  return tokens[index] === "'" && isDigits(tokens[index - 1]) && isDigits(tokens[index + 1])
}

/** A quotation-mark candidate: tokens start..end; a run of several (`' '`, wiki's `''` split) or one `'` (fused: on its word, `'Rin`). */
interface Mark {start: number; end: number; run: boolean; fused: boolean}

/** Tokens to glue to the token before them and to the one after them. */
interface Glue {before: Set<number>; after: Set<number>}

/**
 * A lone `'` token is a quotation mark or an apostrophe (`the boys ' toys`,
 * `' 90s`, `18 ' 27`, `Guns N ' Roses`). In each sentence, its `'` marks (a
 * run of them, `' ' run ' '`, is one mark: wiki's `''` the tokenizer split)
 * are read as quotation marks only when they pair up: an even number of them,
 * each pair of one kind, opening before a word and closing after one, and no
 * pair whose both marks sit where a plural possessive would (`workers ' union
 * and the farmers ' party`); failing that, the same without the marks that sit
 * where a possessive would (`an ' electronic haversack ' that replaces
 * students ' textbooks`). A decade (`' 90s`) and a minute mark (`18 ' 27`) are
 * no marks. An unpaired sentence keeps its spaced `'` as it was.
 */
function singleQuotePairs(tokens: readonly string[]): Glue {
  const glue: Glue = {before: new Set(), after: new Set()}
  const possessiveLike = (mark: Mark) => {
    const before = tokens[mark.start - 1] ?? ''
    return !mark.run && !mark.fused && /\p{L}s$/iu.test(before) && !notPossessive.has(before.toLowerCase()) && /^\p{L}/u.test(tokens[mark.end + 1] ?? '')
  }
  const fits = (open: Mark, close: Mark) =>
    open.run === close.run && !close.fused && close.start > open.end + (open.fused ? 0 : 1) &&
    opensBefore.test(open.fused ? (tokens[open.start] ?? '').slice(1) : tokens[open.end + 1] ?? '') &&
    closesAfter.test(tokens[close.start - 1] ?? '') && !(possessiveLike(open) && possessiveLike(close))
  const pairs = (marks: Mark[]) => marks.length > 0 && marks.length % 2 === 0 && marks.every((mark, position) => position % 2 === 1 || fits(mark, marks[position + 1] ?? mark))
  const apply = (marks: Mark[]) => marks.forEach((mark, position) => {
    if (mark.fused) return
    for (let index = mark.start; index <= mark.end; index++) (position % 2 === 0 ? glue.after : glue.before).add(index)
    if (mark.run) for (let index = mark.start + 1; index <= mark.end; index++) glue.before.add(index)
  })

  let marks: Mark[] = []
  const closeSentence = () => {
    const withoutPossessives = marks.filter((mark) => !possessiveLike(mark))
    if (pairs(marks)) apply(marks)
    else if (pairs(withoutPossessives)) apply(withoutPossessives)
    marks = []
  }

  const isMark = (index: number) => {
    const token = tokens[index]
    if (token === "''") return true
    if (token !== "'" || isSplitApostrophe(tokens, index)) return false
    return !/^\p{N}0s$/u.test(tokens[index + 1] ?? '') && !isMinuteMark(tokens, index)
  }

  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index] ?? ''
    if (isMark(index)) {
      let end = index
      while (isMark(end + 1)) end++
      marks.push({start: index, end, run: end > index || token === "''", fused: false})
      index = end
    } else if (fusedOpen.test(token) && !noSpaceBefore.test(token)) {
      marks.push({start: index, end: index, run: false, fused: true})
    }

    if (sentenceEnd.test(tokens[index] ?? '') && !isMark(index + 1)) closeSentence()
  }

  closeSentence()
  return glue
}

/**
 * MLQE-PE text is tokenized: rebuild the sentence and each token's place in
 * it; straight double quotes alternate open and close, curly ones open (`“ „ «`) or
 * close (`” »`) by their shape, spaced single quotes open and close when they
 * pair up in their sentence (singleQuotePairs), and an apostrophe token between a word and a
 * contraction tail (`woman ’ s`), a minute mark between numbers (`18 ' 27`) or a slash between words (`km / h`) is glued on both sides.
 */
export function detokenize(tokens: readonly string[]): {text: string; ranges: Array<[number, number]>} {
  let text = ''
  let quoteOpen = false
  let glueNext = true
  const single = singleQuotePairs(tokens)
  const ranges: Array<[number, number]> = []
  tokens.forEach((token, index) => {
    const isQuote = token === '"'
    const splitApostrophe = isSplitApostrophe(tokens, index) || isMinuteMark(tokens, index) || isSlash(tokens, index)
    const glue = glueNext || splitApostrophe || noSpaceBefore.test(token) || (isQuote && quoteOpen) || single.before.has(index)
    if (!glue) text += ' '
    ranges.push([text.length, text.length + token.length])
    text += token
    glueNext = splitApostrophe || noSpaceAfter.test(token) || (isQuote && !quoteOpen) || single.after.has(index)
    if (isQuote) quoteOpen = !quoteOpen
  })

  return {text, ranges}
}
