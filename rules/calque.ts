/**
 * Calques and literal phrases ("make a photo", "since three years", "in the
 * frame of"): word-for-word translations that are grammatical-looking but
 * not English. The phrases are data (data/calques.json, shape:
 * schemas/calques.schema.json) so that an editor can add one without writing
 * TypeScript; this module compiles each entry into a regular expression at
 * load time and tries an entry only at a word its first word matches, so a
 * document is scanned once, with one map lookup per word, whatever the size
 * of the table.
 */
import type {Root} from 'nlcst'
import {defineRule, type BadExample, type GoodExample} from '../src/engine/rule.js'
import table from './data/calques.json' with {type: 'json'}

/** One row of data/calques.json. */
export interface CalqueEntry {
  id: string
  pattern: string
  expected: string[]
  message: string
  safe?: boolean
  note?: string
  examples: {bad: Array<{text: string; actual: string; fixed?: string}>; good: string[]}
}

export const calqueEntries: readonly CalqueEntry[] = (table as {entries: CalqueEntry[]}).entries

/** A space in a pattern stands for any white space (a phrase may wrap); paragraph bounds are checked after matching. */
function compileSource(pattern: string): string {
  let source = ''
  let inClass = false
  for (let index = 0; index < pattern.length; index++) {
    const char = pattern[index]!
    if (char === '\\') {
      source += char + (pattern[index + 1] ?? '')
      index++
      continue
    }

    if (char === '[') inClass = true
    else if (char === ']') inClass = false
    if (char !== ' ' || inClass) source += char
    else if (pattern[index + 1] === '?') {
      // " ?" (an optional space) stays optional.
      source += '\\s*'
      index++
    } else source += '\\s+'
  }

  return `\\b(?:${source})\\b`
}

const sources = calqueEntries.map((entry) => compileSource(entry.pattern))
/** Each entry alone, sticky: tried only where a word starts, in table order (the first entry that matches wins). */
const entryMatchers = sources.map((source) => new RegExp(source, 'iy'))
/**
 * Every pattern starts at a word, and most start with a word that can be
 * read off the pattern (`since`, `(make|makes|made|making)`, `reali[sz]e`):
 * an entry is tried only at a word its first word matches. An entry whose
 * first word cannot be read is tried at every word.
 */
const firstWords = calqueEntries.map((entry) => firstWordOf(entry.pattern))
const everywhere = firstWords.flatMap((first, index) => (first ? [] : [index]))
/** Word (as written) -> the entries to try there; a cache shared by every document (cleared when it grows large). */
const candidatesByWord = new Map<string, readonly number[]>()

function candidatesAt(word: string): readonly number[] {
  let candidates = candidatesByWord.get(word)
  if (!candidates) {
    const matching = firstWords.flatMap((first, index) => (first?.test(word) ? [index] : []))
    candidates = everywhere.length === 0 ? matching : [...new Set([...matching, ...everywhere])].sort((a, b) => a - b)
    if (candidatesByWord.size > 50_000) candidatesByWord.clear()
    candidatesByWord.set(word, candidates)
  }

  return candidates
}

/** `\w` as the patterns' `\b` sees it (no `u` flag): ASCII letters, digits and `_`. */
function isWordCode(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 95
}

/** A whole-word, case-insensitive regex for the pattern's first word, or undefined (see firstWordSource). */
function firstWordOf(pattern: string): RegExp | undefined {
  const source = firstWordSource(pattern)
  return source === undefined ? undefined : new RegExp(`^(?:${source})$`, 'i')
}

/**
 * The pattern's first word, as regex source: each top-level alternative's,
 * joined; otherwise what comes before the first space outside groups and
 * classes, once leading lookarounds (which take no characters) are skipped;
 * when that is a group holding spaces (`((?:criticism|threats?) (?:\w+ )?)at`),
 * the first word of its body. Undefined, so that the entry is tried at every
 * word, wherever the word the scan finds might not be that whole first word:
 * an optional or repeated first group, an optional space after it (`make
 * ?sure`), a group that a word of it runs out of (`(discuss|talk
 * over)(?:es|ed)`), or a character that is not a word character (`e-mail`).
 * Exported for tests.
 */
export function firstWordSource(pattern: string): string | undefined {
  const alternatives = topLevelAlternatives(pattern)
  if (alternatives.length > 1) {
    const firsts = alternatives.map((alternative) => firstWordSource(alternative))
    return firsts.every((each) => each !== undefined) ? firsts.join('|') : undefined
  }

  let rest = pattern
  while (/^\(\?<?[=!]/.test(rest)) rest = rest.slice(groupEnd(rest) + 1)
  const space = topLevelSpace(rest)
  if (/^ [?*]/.test(rest.slice(space))) return undefined
  const first = rest.slice(0, space)
  if (first === '' || /\(\?<?[=!]/.test(first)) return undefined
  if (!/\s| /.test(first)) {
    const plain = first.replaceAll(/\\[dw]/g, '').replaceAll(/\(\?:/g, '(')
    return /^\(.*\)[?*]$/.test(first) || /[^\w|()?*+[\]{},]/.test(plain) ? undefined : first
  }

  const end = groupEnd(rest)
  const body = rest.slice(1, end).replace(/^\?:/, '')
  const after = rest.slice(end + 1)
  if (!rest.startsWith('(') || /^[?*+{]/.test(after)) return undefined
  // What follows the group goes on with the word of an alternative that holds no space ("(discuss|talk over)(?:es|ed)").
  if (after !== '' && !after.startsWith(' ') && topLevelAlternatives(body).some((alternative) => topLevelSpace(alternative) === alternative.length)) return undefined
  return firstWordSource(body)
}

/**
 * The characters of a pattern that stand outside character classes and are
 * not escaped, each with the group depth it stands at (a closing parenthesis
 * at the depth of its group's opening one).
 */
function* outsideClasses(source: string): Generator<[index: number, char: string, depth: number]> {
  let depth = 0
  let inClass = false
  for (let index = 0; index < source.length; index++) {
    const char = source[index]!
    if (char === '\\') index++
    else if (inClass) inClass = char !== ']'
    else if (char === '[') inClass = true
    else if (char === '(') yield [index, char, depth++]
    else if (char === ')') yield [index, char, --depth]
    else yield [index, char, depth]
  }
}

/** Index of the first space outside groups and classes (the length when there is none). */
function topLevelSpace(source: string): number {
  for (const [index, char, depth] of outsideClasses(source)) if (char === ' ' && depth === 0) return index
  return source.length
}

function topLevelAlternatives(body: string): string[] {
  const alternatives: string[] = []
  let from = 0
  for (const [index, char, depth] of outsideClasses(body)) {
    if (char !== '|' || depth !== 0) continue
    alternatives.push(body.slice(from, index))
    from = index + 1
  }

  return [...alternatives, body.slice(from)]
}

/** Index of the parenthesis that closes the group opening at 0. */
function groupEnd(source: string): number {
  for (const [index, char, depth] of outsideClasses(source)) if (char === ')' && depth === 0) return index
  return source.length
}

export interface CalqueMatch {
  entry: CalqueEntry
  start: number
  end: number
  expected: string[]
}

/** The calques in text[start, end), in order. */
export function findCalques(text: string, start = 0, end = text.length): CalqueMatch[] {
  const found: CalqueMatch[] = []
  let index = start
  while (index < end) {
    if (!isWordCode(text.charCodeAt(index))) {
      index++
      continue
    }

    let wordEnd = index + 1
    while (wordEnd < text.length && isWordCode(text.charCodeAt(wordEnd))) wordEnd++
    const match = matchAt(text, index, end, candidatesAt(text.slice(index, wordEnd)))
    index = match ? match.end : wordEnd
    if (match) found.push(match)
  }

  return found
}

/** The first entry among `candidates` that matches at `at` and ends by `end`. */
function matchAt(text: string, at: number, end: number, candidates: readonly number[]): CalqueMatch | undefined {
  for (const index of candidates) {
    const matcher = entryMatchers[index]!
    matcher.lastIndex = at
    const match = matcher.exec(text)
    if (!match || match[0].length === 0 || match.index + match[0].length > end) continue
    const entry = calqueEntries[index]!
    return {entry, start: at, end: at + match[0].length, expected: entry.expected.map((template) => fill(template, match, text))}
  }

  return undefined
}

/** `$n` -> group n; `{verb}` -> the verb in the form of the match's first word; the match's capital is kept. */
function fill(template: string, groups: RegExpExecArray, text: string): string {
  const actual = groups[0]
  const firstWord = /^[\p{L}'’]+/u.exec(actual)?.[0] ?? ''
  const before = text.slice(Math.max(0, groups.index - 12), groups.index)
  let result = template
    .replaceAll(/\$(\d)/g, (_, number: string) => groups[Number(number)] ?? '')
    .replaceAll(/\{([a-z]+)\}/g, (_, lemma: string) => conjugate(lemma, formOf(firstWord.toLowerCase(), before)))
    .replaceAll(/ {2,}/g, ' ')
    .trim()
  if (/^\p{Lu}/u.test(actual) && result !== '') result = result.charAt(0).toUpperCase() + result.slice(1)
  return result
}

type VerbForm = 'base' | 's' | 'past' | 'participle' | 'ing'

/** Irregular verbs that calque patterns start with or that replacements use: past, participle. */
const irregular: Record<string, [string, string]> = {
  do: ['did', 'done'],
  make: ['made', 'made'],
  pay: ['paid', 'paid'],
  put: ['put', 'put'],
  take: ['took', 'taken'],
  place: ['placed', 'placed']
}
const irregularForms = new Map<string, VerbForm>(
  Object.values(irregular).flatMap(([past, participle]): Array<[string, VerbForm]> =>
    past === participle ? [[past, 'past']] : [[past, 'past'], [participle, 'participle']]
  )
)

/** Form of the matched verb; a past that is also a participle ("made") is read from the word before it ("had made"). */
function formOf(word: string, before: string): VerbForm {
  let form: VerbForm = irregularForms.get(word) ?? 'base'
  if (form === 'base' && word.endsWith('ing')) form = 'ing'
  else if (form === 'base' && word.endsWith('ed')) form = 'past'
  else if (form === 'base' && /[^s]s$|[sxz]es$|does$/.test(word)) form = 's'
  if (form === 'past' && /\b(?:has|have|had|having|be|been|being|is|are|was|were|['’]ve|['’]d)\s+$/i.test(before)) form = 'participle'
  return form
}

function conjugate(lemma: string, form: VerbForm): string {
  const forms = irregular[lemma]
  if (form === 'base') return lemma
  if (form === 'past' && forms) return forms[0]
  if (form === 'participle' && forms) return forms[1]
  if (form === 's') return /(?:s|sh|ch|x|z|o)$/.test(lemma) ? lemma + 'es' : /[^aeiou]y$/.test(lemma) ? lemma.slice(0, -1) + 'ies' : lemma + 's'
  if (form === 'ing') return /[^e]e$/.test(lemma) ? lemma.slice(0, -1) + 'ing' : lemma + 'ing'
  return /e$/.test(lemma) ? lemma + 'd' : /[^aeiou]y$/.test(lemma) ? lemma.slice(0, -1) + 'ied' : lemma + 'ed'
}

/** Paragraph ranges: a phrase never runs over a blank line. */
function paragraphRanges(tree: Root): Array<[number, number]> {
  return tree.children.flatMap((node) =>
    node.type === 'ParagraphNode' && node.position ? [[node.position.start.offset!, node.position.end.offset!] as [number, number]] : []
  )
}

const bad: BadExample[] = calqueEntries.flatMap((entry) => entry.examples.bad)
const good: GoodExample[] = calqueEntries.flatMap((entry) => entry.examples.good.map((text) => ({text, why: `not the calque ${entry.id}`})))

export default defineRule(
  {
    id: 'calque',
    category: 'redundancy',
    severity: 'minor',
    description:
      'A word-for-word translation of a foreign phrase ("make a photo", "since three years", "in the frame of") from the phrase table rules/data/calques.json.',
    examples: {bad, good}
  },
  ({tree, text, report}) => {
    for (const [start, end] of paragraphRanges(tree)) {
      // Match on the paragraph alone: a sticky search from `start` in the whole
      // text would scan on to the next match anywhere, once per paragraph (quadratic).
      for (const found of findCalques(text.slice(start, end))) {
        const actual = text.slice(start + found.start, start + found.end)
        report({
          start: start + found.start,
          end: start + found.end,
          message: `Unexpected \`${actual}\`, expected ${found.expected.map((each) => '`' + each + '`').join(' or ')}: ${found.entry.message}`,
          expected: found.expected,
          safe: found.entry.safe === true
        })
      }
    }
  }
)
