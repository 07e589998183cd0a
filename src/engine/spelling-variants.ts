/**
 * What the two rules on one word spelled two ways in a document share
 * (term-consistency: the variants a table lists; name-variant: the variants
 * of a name found in the document itself): the paragraphs of a document
 * rule's tree, the deliberate glosses that name two spellings on purpose,
 * and the majority that decides which spelling is expected.
 */
import type {Paragraph, Root, Sentence} from 'nlcst'
import {parseEnglishText} from './parse-text.js'
import {defaultWindowSize} from './windows.js'
import {paragraphTokens, type ParagraphTokens} from './tokens.js'

/**
 * The token view of each paragraph. A long text linted in windows
 * (src/engine/windows.ts) hands document rules an outline: paragraphs whose
 * sentences hold no words. Each such paragraph is parsed again here, alone
 * (a window is cut only where the parse of each side alone is the whole
 * parse's), scanned and dropped, so memory stays bounded by one paragraph.
 * V8 soon allocates such short-lived trees in its old generation, which only
 * a full collection empties: `pause` after each window's worth lets the host
 * collect (a 100 MB text grew past 2.8 GB without it). `mayHold`, given the
 * paragraph's text, skips the parse of a paragraph it rules out.
 */
export function* documentParagraphs(tree: Root, text: string, pause: () => void, mayHold?: (paragraph: string) => boolean): Generator<ParagraphTokens> {
  const outline = tree.children.some((node) => node.type === 'ParagraphNode' && (node as Paragraph).children.some((child) => child.type === 'SentenceNode' && (child as Sentence).children.length === 0))
  if (!outline) return yield* paragraphTokens(tree, text)
  let parsed = 0
  for (const node of tree.children) {
    const start = node.position?.start
    const end = node.position?.end.offset
    if (node.type !== 'ParagraphNode' || start?.offset === undefined || end === undefined) continue
    parsed += end - start.offset
    if (parsed > defaultWindowSize) {
      pause()
      parsed = 0
    }

    const slice = text.slice(start.offset, end)
    // A rule that can tell from the raw text that a paragraph holds nothing for it spares the parse.
    if (mayHold && !mayHold(slice)) continue
    yield* paragraphTokens(parseEnglishText(slice, undefined, {line: start.line, column: start.column, offset: start.offset}), text)
  }
}

/** One use of a spelling in the document: `variant` tells the spellings of one term apart. */
export interface VariantUse {
  start: number
  end: number
  variant: number
}

/**
 * What may follow the first of two variants when the writer names both on
 * purpose: "Kyiv (formerly Kiev)", "Kiev, now Kyiv", "Kyiv, also spelled
 * Kiev", "Kyiv, the Ukrainian spelling of Kiev". Anchored at the first
 * variant so that ordinary words between two uses ("also", "called") do not
 * pass for a gloss.
 */
const glossOpening =
  /^\s*[,(—–-]?\s*(?:\(|or\b|formerly\b|previously\b|once\b|now\b|then\b|renamed\b|known as\b|also (?:spelled|spelt|written|known as|called)\b|(?:\S+\s+){0,3}(?:spelling|transliteration|name) (?:of|for)\b)/i
const glossReach = 40

/** Drop both sides of a gloss ("Kyiv (formerly Kiev)"): naming two spellings on purpose is not an inconsistency. Uses in document order. */
export function withoutGlosses<Use extends VariantUse>(uses: readonly Use[], text: string): Use[] {
  const glossed = new Set<Use>()
  for (let index = 1; index < uses.length; index++) {
    const previous = uses[index - 1]!
    const current = uses[index]!
    if (previous.variant === current.variant) continue
    const between = text.slice(previous.end, current.start)
    if (between.length <= glossReach && !/[.!?]\s/.test(between) && glossOpening.test(between)) {
      glossed.add(previous)
      glossed.add(current)
    }
  }

  return uses.filter((use) => !glossed.has(use))
}

/** The variant used most; on a tie, the one used first (uses in document order). */
export function majorityOf(uses: readonly VariantUse[]): {variant: number; reason: string} {
  const counts = new Map<number, number>()
  for (const use of uses) counts.set(use.variant, (counts.get(use.variant) ?? 0) + 1)
  const most = Math.max(...counts.values())
  const leaders = [...counts].filter(([, count]) => count === most).map(([variant]) => variant)
  // Map iteration follows insertion, that is first use: leaders[0] is the earliest.
  return leaders.length > 1
    ? {variant: leaders[0]!, reason: 'as first used in this document'}
    : {variant: leaders[0]!, reason: `as used ${most} times in this document`}
}
