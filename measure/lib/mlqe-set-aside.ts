/**
 * MLQE-PE findings that cannot be judged on the sentence alone (used by
 * measure/pseudo-clean.ts). MLQE-PE samples sentences one by one, often cut
 * at an abbreviation or inside a parenthesis, and tokenizes them; a finding
 * that rests on the dropped paragraph or on the lost spacing is set aside.
 */
import type {CleanFinding} from './clean-set.js'

/** Unmatched closing and opening marks of one pair in a text, left to right. */
export function unmatched(text: string, opening: readonly string[], closing: readonly string[]): {closing: number; opening: number} {
  let depth = 0
  let stray = 0
  for (const char of text) {
    if (opening.includes(char)) depth++
    else if (closing.includes(char)) {
      if (depth === 0) stray++
      else depth--
    }
  }

  return {closing: stray, opening: depth}
}

/**
 * Unmatched double quotation marks in a source sentence, left to right. `“` closes a quotation `„` opened (Estonian,
 * Russian and German write „so“; Romanian „so”) and opens one otherwise (English “so”).
 */
export function unmatchedQuotes(text: string): {closing: number; opening: number} {
  const open: string[] = []
  let stray = 0
  for (const char of text) {
    if (char === '“' && open[open.length - 1] === '„') open.pop()
    else if (char === '„' || char === '“' || char === '«') open.push(char)
    else if (char === '”' || char === '»') {
      if (open.length === 0) stray++
      else open.pop()
    }
  }

  return {closing: stray, opening: open.length}
}

const straightQuotes = (text: string) => [...text].filter((char) => char === '"').length

/**
 * Why an MLQE-PE finding cannot be judged on the sentence alone, given the
 * sentence's source: `cut` for a round bracket or double quotation mark the
 * source leaves unpaired the same way (its other half is in the paragraph the
 * data set dropped), `tokenized` for a spacing finding at a space beside a
 * straight `'` (the data set's tokenizer put a space there).
 */
export function mlqeSetAside(finding: Pick<CleanFinding, 'ruleId' | 'actual' | 'message'>, source: string): string | undefined {
  if (finding.ruleId === 'unpaired-bracket' && (finding.actual === '(' || finding.actual === ')')) {
    const marks = unmatched(source, ['('], [')'])
    return (finding.actual === ')' ? marks.closing : marks.opening) > 0 ? 'cut' : undefined
  }

  if (finding.ruleId === 'quote-unclosed') {
    const closingMark = finding.message.startsWith('Unexpected closing')
    const marks = unmatchedQuotes(source)
    return (closingMark ? marks.closing : marks.opening) > 0 || straightQuotes(source) % 2 === 1 ? 'cut' : undefined
  }

  if ((finding.ruleId === 'quote-spacing' || finding.ruleId === 'tokenizer-spacing') && /'\s|\s'/u.test(finding.actual)) return 'tokenized'
  return undefined
}
