/**
 * One term spelled two ways in one document ("Kiev" and "Kyiv",
 * "organisation" and "organization"): what a translation engine leaves when
 * it transliterates a name differently from one segment to the next, or when
 * copy from two style guides is merged. Like Vale's `consistency` check, the
 * variants are data (data/term-variants.json); this module compiles them into
 * one regex at load time and makes one pass per document.
 */
import {defineRule, type Report} from '../src/engine/rule.js'
import table from './data/term-variants.json' with {type: 'json'}

/** One row of data/term-variants.json (shape: schemas/term-variants.schema.json). */
export interface TermEntry {
  id: string
  /** Names are matched exactly; common words in any case, keeping the match's capitalization in the fix. */
  caseSensitive: boolean
  /** Each variant is a list of word forms, index-aligned across variants (organisation[s] <-> organization[s]). */
  variants: string[][]
  /** Phrases in which a form is not a spelling choice ("chicken Kiev", "Odessa, Texas"). */
  ignore?: string[]
  note: string
  examples: {bad: string[]; good: string[]}
}

export interface TermConsistencyOptions extends Record<string, unknown> {
  /** Entry id -> the base form an editor wants ({"kyiv": "Kyiv"}), overriding the majority. */
  preferred?: Record<string, string>
}

export const termEntries: readonly TermEntry[] = table.entries

/** Where a word form sits in the table. */
interface FormPlace {
  entry: TermEntry
  variant: number
  form: number
}

/** One use of a table form in the document. */
interface Occurrence {
  start: number
  end: number
  text: string
  variant: number
  form: number
}

/** Lower-cased form -> its place; forms are unique across the table (checked by test/term-variants.test.ts). */
const placeByForm = new Map<string, FormPlace>()
for (const entry of termEntries) {
  entry.variants.forEach((forms, variant) =>
    forms.forEach((form, index) => placeByForm.set(form.toLowerCase(), {entry, variant, form: index}))
  )
}

/**
 * Every form and every ignored phrase in one alternation. Ignored phrases
 * come first so that, at the position where "chicken Kiev" starts, the
 * phrase is consumed whole and its "Kiev" is never seen as a term. The `i`
 * flag serves the common words; names are compared exactly afterwards.
 */
const termPattern = compileTermPattern()

function compileTermPattern(): RegExp {
  const byLengthDescending = (a: string, b: string) => b.length - a.length
  const forms = [...placeByForm.keys()].sort(byLengthDescending).map(escapeRegex)
  const ignored = termEntries.flatMap((entry) => entry.ignore ?? []).sort(byLengthDescending).map(escapeRegex)
  const ignoreAlternative = ignored.length > 0 ? `(?<ignored>${ignored.join('|')})|` : ''
  const after = String.raw`(?![\p{L}\p{N}_])`
  // The left edge is checked in code (`startsWord`, `termMatches`).
  return new RegExp(`(?:${ignoreAlternative}(?<term>${forms.join('|')}))${after}`, 'giu')
}

const wordCharacter = /[\p{L}\p{N}_]/u
const letter = /\p{L}/u

/** Not inside a word, and not after an elided article ("l'organisation" is French). */
function startsWord(text: string, index: number): boolean {
  const previous = text.charAt(index - 1)
  if (previous === '') return true
  if (wordCharacter.test(previous)) return false
  return !((previous === "'" || previous === '’') && letter.test(text.charAt(index - 2)))
}

/**
 * The lower-cased first word of every form and ignored phrase. A case-
 * insensitive alternation of hundreds of words is slow to run at every
 * character, so it runs (sticky) only where such a word starts; a word is
 * looked up only when its length and first two letters could be one of
 * them, so most words of a document cost a few comparisons and no string.
 */
const firstWordsAsWritten = [
  ...termEntries.flatMap((entry) => entry.variants.flat()),
  ...termEntries.flatMap((entry) => entry.ignore ?? [])
].map((phrase) => {
  const first = /^\p{L}+/u.exec(phrase)?.[0]
  if (!first) throw new Error(`term-variants: "${phrase}" must start with a letter`)
  return first
})
const firstWords = new Set(firstWordsAsWritten.map((word) => word.toLowerCase()))
/** A word's first two letters (lower-cased) and length, as one number: a cheap necessary condition for a first word. */
function shapeOf(text: string, start: number, end: number): number {
  const lowerCode = (index: number) => {
    const code = text.charCodeAt(index)
    return code < 128 ? code | 0x20 : text.charAt(index).toLowerCase().charCodeAt(0)
  }

  return (lowerCode(start) * 0x10000 + (end - start > 1 ? lowerCode(start + 1) : 0)) * 64 + Math.min(end - start, 63)
}

// From the words as written, as the text is scanned: lower-casing a whole word can change its length ("İ" lowers to two characters).
const firstWordShapes = new Set(firstWordsAsWritten.map((word) => shapeOf(word, 0, word.length)))
const termAtWord = new RegExp(termPattern.source, 'iuy')

/** Whether each BMP character is a letter: 0 not yet known, 1 a letter, 2 not (curly quotes and dashes are common). */
const bmpLetters = new Uint8Array(0x10000)

/** Code units of the letter (as `\p{L}` has it) at `index`: 0 when there is none; ASCII is answered without a regex. */
function letterAt(text: string, index: number): number {
  if (index >= text.length) return 0
  const code = text.charCodeAt(index)
  if (code < 128) return (code | 0x20) >= 97 && (code | 0x20) <= 122 ? 1 : 0
  if (code < 0xd800 || code > 0xdfff) {
    if (bmpLetters[code] === 0) bmpLetters[code] = letter.test(text.charAt(index)) ? 1 : 2
    return bmpLetters[code] === 1 ? 1 : 0
  }

  const point = text.codePointAt(index)!
  return letter.test(String.fromCodePoint(point)) ? (point > 0xffff ? 2 : 1) : 0
}

/** Matches of the term pattern that start a word, in order. */
function* termMatches(text: string): Generator<RegExpExecArray> {
  let index = 0
  while (index < text.length) {
    const first = letterAt(text, index)
    if (first === 0) {
      index++
      continue
    }

    let end = index + first
    for (let size = letterAt(text, end); size > 0; size = letterAt(text, end)) end += size
    const word = firstWordShapes.has(shapeOf(text, index, end)) ? text.slice(index, end) : ''
    termAtWord.lastIndex = index
    const match = word !== '' && firstWords.has(word.toLowerCase()) && startsWord(text, index) ? termAtWord.exec(text) : null
    if (!match) {
      index = end
      continue
    }

    yield match
    // An ignored phrase ("chicken Kiev") is consumed whole.
    index = match.index + match[0].length
  }
}

function escapeRegex(value: string): string {
  return value.replaceAll(/[.*+?^${}()|[\]\\]/g, '\\$&')
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

/** Words that tie a capitalized common word to the name it starts ("Centre for Policy Studies"). */
const nameLinks = new Set(['of', 'for', 'de', 'des', 'du', 'la', 'le'])

export default defineRule<TermConsistencyOptions>(
  {
    id: 'term-consistency',
    category: 'consistency',
    severity: 'minor',
    scope: 'document',
    description:
      'A name or term spelled two ways in one document (Kiev and Kyiv, organisation and organization); the spelling used most is expected throughout, or the one an editor configured in `preferred`, which is then required everywhere.',
    optionsSchema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        preferred: {
          description: 'Entry id of rules/data/term-variants.json -> the spelling (base form) to require, overriding the majority.',
          type: 'object',
          additionalProperties: false,
          properties: Object.fromEntries(
            termEntries.map((entry) => [entry.id, {enum: entry.variants.map((forms) => forms[0])}])
          )
        }
      }
    },
    examples: {
      bad: [
        {
          text: 'Blinken met with the Ukrainian president in Kiev and senior British, French and German diplomats in Berlin this week. Erdogan said he planned to visit Kyiv next month, adding that he would also hold talks with Putin. The West has sped up arms deliveries to Kiev.',
          actual: 'Kyiv',
          fixed:
            'Blinken met with the Ukrainian president in Kiev and senior British, French and German diplomats in Berlin this week. Erdogan said he planned to visit Kiev next month, adding that he would also hold talks with Putin. The West has sped up arms deliveries to Kiev.'
        },
        {
          text: 'The World Health Organization said the organisation of vaccine deliveries had improved. Organizers of the campaign said the organisation of the second round would start in May.',
          actual: 'Organizers',
          fixed:
            'The World Health Organization said the organisation of vaccine deliveries had improved. Organisers of the campaign said the organisation of the second round would start in May.'
        },
        {
          text: 'President Volodymyr Zelensky said Ukraine would not give up territory. Zelenskiy added that talks with Moscow could resume. Zelensky’s office later confirmed the call.',
          actual: 'Zelenskiy',
          fixed:
            'President Volodymyr Zelensky said Ukraine would not give up territory. Zelensky added that talks with Moscow could resume. Zelensky’s office later confirmed the call.'
        },
        {
          text: 'Blinken met with the Ukrainian president in Kiev. Erdogan said he planned to visit Kyiv next month.',
          actual: 'Kiev',
          options: {preferred: {kyiv: 'Kyiv'}},
          fixed: 'Blinken met with the Ukrainian president in Kyiv. Erdogan said he planned to visit Kyiv next month.'
        },
        {
          text: 'Blinken met with the Ukrainian president in Kiev and reaffirmed American support for Kiev’s sovereignty.',
          actual: 'Kiev',
          count: 2,
          options: {preferred: {kyiv: 'Kyiv'}},
          fixed: 'Blinken met with the Ukrainian president in Kyiv and reaffirmed American support for Kiev’s sovereignty.'
        }
      ],
      good: [
        {
          text: 'Blinken met with the Ukrainian president in Kiev and reaffirmed American support for Kiev’s sovereignty.',
          why: 'one spelling throughout'
        },
        {
          text: 'The organisation said it would follow guidance from the World Health Organization on testing.',
          why: 'a proper name keeps its own spelling'
        },
        {
          text: 'The capital, Kyiv (formerly transliterated as Kiev), was quiet on Sunday.',
          why: 'a deliberate gloss names both spellings'
        },
        {
          text: 'Erdogan said he planned to visit Kyiv next month. Blinken’s visit to Kyiv was “very important for our country,” a soldier said.',
          why: 'only the preferred spelling is used',
          options: {preferred: {kyiv: 'Kyiv'}}
        },
        {
          text: 'Russian troops have massed near Kharkiv, and Ukrainian officials say the city, Ukraine’s second largest, is prepared.',
          why: 'one transliteration throughout'
        }
      ]
    }
  },
  ({text, options, report}) => {
    const occurrencesByEntry = new Map<TermEntry, Occurrence[]>()
    for (const match of termMatches(text)) {
      const matched = match.groups?.['term']
      if (matched === undefined) continue // an ignored phrase
      const place = placeByForm.get(matched.toLowerCase())!
      if (!countsAsTerm(place, matched, match.index, text)) continue
      let occurrences = occurrencesByEntry.get(place.entry)
      if (!occurrences) occurrencesByEntry.set(place.entry, (occurrences = []))
      occurrences.push({start: match.index, end: match.index + matched.length, text: matched, variant: place.variant, form: place.form})
    }

    for (const [entry, occurrences] of occurrencesByEntry) {
      const counted = withoutGlosses(occurrences, text)
      if (counted.length === 0) continue
      const preferred = preferredVariant(entry, options.preferred?.[entry.id])
      const {variant: winner, reason} =
        preferred === undefined ? majorityOf(counted) : {variant: preferred, reason: 'as preferred in the configuration'}
      const firstWinning = counted.find((occurrence) => occurrence.variant === winner)
      for (const occurrence of counted) {
        if (occurrence.variant !== winner) report(reportFor(entry, occurrence, winner, reason, firstWinning))
      }
    }
  }
)

/**
 * Names count wherever they appear, spelled exactly. A common word counts in
 * lower case, or capitalized at the start of a sentence when it does not
 * begin a name: "World Health Organization" and "Centre for Policy Studies"
 * keep their official spelling in any text.
 */
function countsAsTerm(place: FormPlace, matched: string, start: number, text: string): boolean {
  const form = place.entry.variants[place.variant]![place.form]!
  if (place.entry.caseSensitive) return matched === form
  if (matched === matched.toLowerCase()) return true
  if (matched !== capitalize(matched.toLowerCase())) return false // ALL CAPS or mixed: a heading or a name
  return startsSentence(text, start) && !beginsName(text, start + matched.length)
}

function startsSentence(text: string, start: number): boolean {
  let index = start - 1
  while (index >= 0 && /[\s"“‘'(\[]/.test(text[index]!)) {
    if (text[index] === '\n') return true
    index--
  }

  return index < 0 || /[.!?:…]/.test(text[index]!)
}

/** "Centre Party", "Organisation of Islamic Cooperation", "Centre for the Study of ...", but not "Organizers of the campaign". */
function beginsName(text: string, end: number): boolean {
  const words = text.slice(end, end + 80).replace(/^['’]s/, '').trim().split(/\s+/, 3)
  const capitalized = (word: string | undefined) => word !== undefined && /^\p{Lu}/u.test(word)
  const [first, second, third] = words
  if (capitalized(first)) return true
  if (first === undefined || !nameLinks.has(first.toLowerCase())) return false
  return capitalized(second) || (second === 'the' && capitalized(third))
}

/** Drop both sides of a gloss ("Kyiv (formerly Kiev)"): naming two spellings on purpose is not an inconsistency. */
function withoutGlosses(occurrences: Occurrence[], text: string): Occurrence[] {
  const glossed = new Set<Occurrence>()
  for (let index = 1; index < occurrences.length; index++) {
    const previous = occurrences[index - 1]!
    const current = occurrences[index]!
    if (previous.variant === current.variant) continue
    const between = text.slice(previous.end, current.start)
    if (between.length <= glossReach && !/[.!?]\s/.test(between) && glossOpening.test(between)) {
      glossed.add(previous)
      glossed.add(current)
    }
  }

  return occurrences.filter((occurrence) => !glossed.has(occurrence))
}

/** The variant whose base form the editor configured, if it is one of this entry's. */
function preferredVariant(entry: TermEntry, wanted: string | undefined): number | undefined {
  if (wanted === undefined) return undefined
  const same = (form: string) => (entry.caseSensitive ? form === wanted : form.toLowerCase() === wanted.toLowerCase())
  const variant = entry.variants.findIndex((forms) => same(forms[0]!))
  return variant === -1 ? undefined : variant
}

/** The variant used most; on a tie, the one used first (occurrences are in document order). */
function majorityOf(occurrences: Occurrence[]): {variant: number; reason: string} {
  const counts = new Map<number, number>()
  for (const occurrence of occurrences) counts.set(occurrence.variant, (counts.get(occurrence.variant) ?? 0) + 1)
  const most = Math.max(...counts.values())
  const leaders = [...counts].filter(([, count]) => count === most).map(([variant]) => variant)
  // Map iteration follows insertion, that is first use: leaders[0] is the earliest.
  return leaders.length > 1
    ? {variant: leaders[0]!, reason: 'as first used in this document'}
    : {variant: leaders[0]!, reason: `as used ${most} times in this document`}
}

function reportFor(entry: TermEntry, occurrence: Occurrence, winner: number, reason: string, firstWinning: Occurrence | undefined): Report {
  const form = entry.variants[winner]![occurrence.form]!
  const expected = !entry.caseSensitive && occurrence.text !== occurrence.text.toLowerCase() ? capitalize(form) : form
  return {
    start: occurrence.start,
    end: occurrence.end,
    message: `Unexpected \`${occurrence.text}\`, expected \`${expected}\` ${reason}`,
    expected: [expected],
    // Which spelling is right is an editorial decision.
    safe: false,
    related: firstWinning && [{start: firstWinning.start, end: firstWinning.end, message: `\`${firstWinning.text}\` is first used here`}]
  }
}

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1)
}
