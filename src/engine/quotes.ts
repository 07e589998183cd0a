/**
 * The double quotation marks of each paragraph, found, classified and paired
 * once per tree and shared by the quote-* rules.
 *
 * A mark is classified by its glyph (“ ” ") and by where it sits: opening-
 * shaped after the paragraph start, a space, an opening bracket or a dash and
 * before a word; closing-shaped before a space, punctuation or the paragraph
 * end. Pairing is a small stack machine, reset at each paragraph as
 * retext-quotes does. It is built for precision: whenever the marks admit
 * two readings the paragraph is flagged `uncertain` and the structural rules
 * stay quiet about it.
 */
import type {Paragraph, Root} from 'nlcst'
import {isLineBreak} from './lines.js'
import {timedView} from './rule.js'

export type Glyph = '“' | '”' | '"'

/** Where a mark sits, from the characters either side of it. */
export type Shape = 'opening' | 'closing' | 'isolated' | 'glued'

/**
 * What the pairing made of a mark: it opens or closes a quotation, it closes
 * nothing (`stray`), or it is an apostrophe typed as a double quote
 * (`India"s`, `clients" banking`).
 */
export type Role = 'opening' | 'closing' | 'stray' | 'apostrophe'

export interface QuoteMark {
  start: number
  /** Two characters after `start` when the mark is doubled (`““`). */
  end: number
  glyph: Glyph
  shape: Shape
  role: Role
  doubled: boolean
  /** The glyph says the opposite of the role: `“` closing a quotation, `”` opening one. */
  misdirected: boolean
  /** The other mark of the pair. */
  partner?: QuoteMark
}

export interface ParagraphQuotes {
  node: Paragraph
  start: number
  end: number
  marks: QuoteMark[]
  /** The quotation still open at the paragraph's end (news style reopens it in the next paragraph). */
  openAtEnd?: QuoteMark
  /**
   * A quotation opened while another was open, not after a sentence end:
   * nesting with double marks, or a closer lost somewhere. The pairing is a
   * guess, so rules that judge the structure skip the paragraph.
   */
  uncertain: boolean
}

const cache = new WeakMap<Root, ParagraphQuotes[]>()

export function paragraphQuotes(tree: Root, text: string): ParagraphQuotes[] {
  return cache.get(tree) ?? timedView(() => analyzeTree(tree, text))
}

function analyzeTree(tree: Root, text: string): ParagraphQuotes[] {
  const paragraphs: ParagraphQuotes[] = []
  // Every mark of the text in one scan: a search per paragraph would run on to the next mark, past paragraphs without one.
  const positions: number[] = []
  for (const found of text.matchAll(/["“”]/g)) positions.push(found.index)
  let next = 0
  for (const node of tree.children) {
    if (node.type !== 'ParagraphNode') continue
    const start = node.position!.start.offset!
    while (next < positions.length && positions[next]! < start) next++
    paragraphs.push(analyzeParagraph(node, text, positions, next))
  }

  cache.set(tree, paragraphs)
  return paragraphs
}

/** True when the paragraph starts with an opening mark: it continues or starts a quotation. */
export function opensWithQuote(paragraph: ParagraphQuotes, text: string): boolean {
  const first = paragraph.marks[0]
  return first !== undefined && first.role === 'opening' && text.slice(paragraph.start, first.start).trim() === ''
}

/**
 * Whether `start`-`end` lies inside a quotation whose marks pair up (a chant sung in quotation marks). Asked for many
 * spans of one paragraph: a binary search finds the paragraph, and another the paired openers before `start`.
 */
export function insideQuotation(tree: Root, text: string, start: number, end: number): boolean {
  const paragraphs = paragraphQuotes(tree, text)
  // The first paragraph that ends at or after `start` (paragraphs are in text order).
  const paragraph = paragraphs[firstIndex(paragraphs.length, (index) => paragraphs[index]!.end >= start)]
  if (!paragraph || paragraph.start > start) return false
  const {openerEnds, reach} = quotationReach(paragraph)
  // The paired openers that end by `start` are a prefix; the span is inside one when the furthest of their closers starts at or after `end`.
  const openers = firstIndex(openerEnds.length, (index) => openerEnds[index]! > start)
  return openers > 0 && reach[openers - 1]! >= end
}

/** The first index below `length` for which `after` holds (`after` is false, then true), or `length`. */
function firstIndex(length: number, after: (index: number) => boolean): number {
  let low = 0
  let high = length
  while (low < high) {
    const middle = (low + high) >>> 1
    if (after(middle)) high = middle
    else low = middle + 1
  }

  return low
}

const reaches = new WeakMap<ParagraphQuotes, {openerEnds: number[]; reach: number[]}>()

/** A paragraph's paired opening marks in text order: where each ends, and the furthest start of a closer among it and those before. */
function quotationReach(paragraph: ParagraphQuotes): {openerEnds: number[]; reach: number[]} {
  let found = reaches.get(paragraph)
  if (!found) {
    found = {openerEnds: [], reach: []}
    for (const mark of paragraph.marks) {
      if (mark.role !== 'opening' || mark.partner === undefined) continue
      found.openerEnds.push(mark.end)
      found.reach.push(Math.max(found.reach.at(-1) ?? -Infinity, mark.partner.start))
    }

    reaches.set(paragraph, found)
  }

  return found
}

/** `a 12" single`, `a 12” pizza`: a stray mark after a digit is an inch or a second, not a quotation mark. */
export function isMeasure(text: string, mark: QuoteMark): boolean {
  return mark.role === 'stray' && /\d/.test(text.charAt(mark.start - 1))
}

/** The closing glyph that matches an opening one (and the reverse). */
export function counterpart(glyph: Glyph): Glyph {
  return glyph === '“' ? '”' : glyph === '”' ? '“' : '"'
}

function analyzeParagraph(node: Paragraph, text: string, positions: readonly number[], first: number): ParagraphQuotes {
  const start = node.position!.start.offset!
  const end = node.position!.end.offset!
  const marks = findMarks(text, start, end, positions, first)
  const paragraph: ParagraphQuotes = {node, start, end, marks, uncertain: false}
  pair(paragraph, text)
  return paragraph
}

function isQuote(char: string | undefined): char is Glyph {
  return char === '“' || char === '”' || char === '"'
}

/** The paragraph's marks (`positions` from `first` on, before `end`); adjacent marks of one kind become one doubled mark. */
function findMarks(text: string, start: number, end: number, positions: readonly number[], first: number): QuoteMark[] {
  const marks: QuoteMark[] = []
  let resume = start
  for (let at = first; at < positions.length && positions[at]! < end; at++) {
    const index = positions[at]!
    // The second mark of a doubled one, or of an empty `""`, was taken with the first.
    if (index < resume) continue
    const char = text.charAt(index) as Glyph
    const next = index + 1 < end ? text.charAt(index + 1) : undefined
    // `”“` is a closing mark glued to the next opening one, and `“”` an empty
    // quotation: two marks. Any other adjacent pair is one mark typed twice.
    const doubled = isQuote(next) && !(char === '”' && next === '“') && !(char === '“' && next === '”')
    const markEnd = doubled ? index + 2 : index + 1
    const before = index > start ? text.charAt(index - 1) : undefined
    const after = markEnd < end ? text.charAt(markEnd) : undefined
    // `""` standing alone is an empty string, not a doubled mark.
    if (doubled && char === '"' && next === '"' && opensContext(before) && closesContext(after)) {
      resume = markEnd
      continue
    }

    const glyph: Glyph = doubled && char === '"' ? (next as Glyph) : char
    marks.push({
      start: index,
      end: markEnd,
      glyph,
      shape: shapeOf(before, after),
      role: glyph === '"' && isApostropheSlot(text, index, before, end) ? 'apostrophe' : 'opening',
      doubled,
      misdirected: false
    })
    resume = markEnd
  }

  return marks
}

const openingBefore = new Set(['(', '[', '{', '—', '–', '-', '/'])
const closingAfter = new Set(['.', ',', ';', ':', '!', '?', ')', ']', '}', '—', '–', '-', '/', '…', '’', "'"])

function opensContext(before: string | undefined): boolean {
  return before === undefined || isSpace(before) || openingBefore.has(before)
}

function closesContext(after: string | undefined): boolean {
  return after === undefined || isSpace(after) || closingAfter.has(after)
}

function shapeOf(before: string | undefined, after: string | undefined): Shape {
  const opens = opensContext(before)
  const closes = closesContext(after)
  if (opens && !closes) return 'opening'
  if (closes && !opens) return 'closing'
  return opens ? 'isolated' : 'glued'
}

const spaces = new Set([' ', '\t', '\f', '\v', '\u00a0', '\u2002', '\u2003', '\u2009', '\u200a', '\u202f', '\u3000'])

/** A space or a line break of any form (lines.ts): a mark at a line start or end sits at a word boundary whatever the break. */
export function isSpace(char: string | undefined): boolean {
  return char !== undefined && (spaces.has(char) || isLineBreak(char))
}

export function isWordChar(char: string | undefined): boolean {
  return char !== undefined && /[\p{L}\p{N}]/u.test(char)
}

/** Contraction and possessive endings after an apostrophe: India"s, don"t, we"re. */
const apostropheEndings = new Set(['s', 't', 're', 'll', 've', 'd', 'm'])

/** A straight mark between letters that end like a contraction or possessive: `India"s`, `1974"s`. */
function isApostropheSlot(text: string, index: number, before: string | undefined, end: number): boolean {
  if (!isWordChar(before)) return false
  let after = index + 1
  while (after < end && after < index + 4 && /\p{L}/u.test(text.charAt(after))) after++
  if (after === index + 1 || isWordChar(text.charAt(after))) return false
  return apostropheEndings.has(text.slice(index + 1, after).toLowerCase())
}

/** Which way a mark leans on its own: position first, then the glyph; a straight mark in odd spacing leans nowhere. */
function leanOf(mark: QuoteMark): 'opening' | 'closing' | undefined {
  if (mark.shape === 'opening' || mark.shape === 'closing') return mark.shape
  if (mark.glyph === '“') return 'opening'
  if (mark.glyph === '”') return 'closing'
  return undefined
}

function pair(paragraph: ParagraphQuotes, text: string): void {
  const {marks} = paragraph
  let last = -1
  for (let index = 0; index < marks.length; index++) if (marks[index]!.role !== 'apostrophe') last = index

  const stack: QuoteMark[] = []
  const skipQuotes = quoteRunSkipper(text, paragraph.start)
  for (let index = 0; index < marks.length; index++) {
    const mark = marks[index]!
    if (mark.role === 'apostrophe') continue
    const lean = leanOf(mark)
    const open = stack.at(-1)
    // `say, "Hold the line ... out.""`: a nested quotation and its outer one
    // closing together, not a mark typed twice.
    if (mark.doubled && lean !== 'opening' && stack.length >= 2) {
      mark.doubled = false
      close(stack[stack.length - 2]!, mark)
      stack.length -= 2
      continue
    }

    // `“We need a 12" pipe,” he said`: a straight mark after a digit inside a
    // curly quotation is an inch or a second; a straight mark cannot close `“`.
    if (open?.glyph === '“' && mark.glyph === '"' && !mark.doubled && /\d/.test(text.charAt(mark.start - 1))) {
      mark.role = 'stray'
      continue
    }

    // `a 2"×4" board`: with no quotation open, a straight mark glued to a digit is an inch or a second whatever follows;
    // an opening mark never follows a digit.
    if (!open && mark.glyph === '"' && !mark.doubled && /\d/.test(text.charAt(mark.start - 1))) {
      mark.role = 'stray'
      continue
    }

    if (!open) {
      if (lean === 'closing') {
        mark.role = isPluralPossessive(text, mark, paragraph.end) ? 'apostrophe' : 'stray'
      } else {
        mark.role = 'opening'
        mark.misdirected = mark.glyph === '”'
        stack.push(mark)
      }
    } else if (lean !== 'opening' || mark.glyph === '”' || (index === last && isLostCloser(text, mark, paragraph.start))) {
      close(open, mark)
      stack.pop()
    } else if (afterSentenceEnd(text, mark.start, paragraph.start, skipQuotes)) {
      // News style reopens a quotation that goes on; in text whose paragraphs
      // were joined, the reopening follows a sentence end mid-paragraph.
      mark.role = 'opening'
      stack[stack.length - 1] = mark
    } else {
      paragraph.uncertain = true
      mark.role = 'opening'
      stack.push(mark)
    }
  }

  if (stack.length > 1) paragraph.uncertain = true
  paragraph.openAtEnd = stack[0]
}

function close(open: QuoteMark, mark: QuoteMark): void {
  mark.role = 'closing'
  mark.misdirected = mark.glyph === '“'
  mark.partner = open
  open.partner = mark
}

/**
 * `a “minor incursion “could cause discord.`: a curly opening mark, the last
 * of the paragraph, while a quotation is open, right after a word: nothing
 * else could close the quotation, so this is its closer turned around.
 */
function isLostCloser(text: string, mark: QuoteMark, floor: number): boolean {
  if (mark.glyph !== '“' || mark.doubled) return false
  let index = mark.start - 1
  while (index >= floor && isSpace(text.charAt(index))) index--
  return index >= floor && isWordChar(text.charAt(index))
}

function afterSentenceEnd(text: string, index: number, floor: number, skipQuotes: (from: number) => number): boolean {
  let before = index - 1
  while (before >= floor && isSpace(text.charAt(before))) before--
  if (before < floor) return true
  // `said. ”  “Next`: look past a closing mark to the stop it follows.
  return '.!?…'.includes(text.charAt(skipQuotes(before)))
}

/**
 * The last index at or before `from` that is not a quotation mark (or
 * `floor`). A run of marks (`“““…`) would be walked again for each of them:
 * the previous walk's result is reused where a walk reaches its start.
 */
function quoteRunSkipper(text: string, floor: number): (from: number) => number {
  let lastFrom = -1
  let lastTo = -1
  return (from) => {
    let before = from
    while (before > floor && isQuote(text.charAt(before))) {
      if (before === lastFrom) {
        before = lastTo
        break
      }

      before--
    }

    lastFrom = from
    lastTo = before
    return before
  }
}

/** `clients" banking`: a stray straight mark after a plural, before a lower-case word. */
function isPluralPossessive(text: string, mark: QuoteMark, end: number): boolean {
  return (
    mark.glyph === '"' &&
    !mark.doubled &&
    text.charAt(mark.start - 1) === 's' &&
    text.charAt(mark.end) === ' ' &&
    mark.end + 1 < end &&
    /\p{Ll}/u.test(text.charAt(mark.end + 1))
  )
}

/** The word (letters, digits, inner apostrophes and hyphens) ending at `index`, within `floor`. */
export function wordStartBefore(text: string, index: number, floor: number): number {
  let start = index
  while (start > floor && start > index - 30 && /[\p{L}\p{N}'’-]/u.test(text.charAt(start - 1))) start--
  return start
}

/** The end of the word starting at `index`, within `ceiling`. */
export function wordEndAfter(text: string, index: number, ceiling: number): number {
  let end = index
  while (end < ceiling && end < index + 30 && /[\p{L}\p{N}'’-]/u.test(text.charAt(end))) end++
  return end
}
