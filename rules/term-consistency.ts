/**
 * One term spelled two ways in one document ("Kiev" and "Kyiv",
 * "organisation" and "organization"): what a translation engine leaves when
 * it transliterates a name differently from one segment to the next, or when
 * copy from two style guides is merged. Like Vale's `consistency` check, the
 * variants are data (data/term-variants.json): phrases of the engine's phrase
 * index (src/engine/phrases.ts), found in one pass over the token view.
 */
import type {ExpectedFinding} from '../src/engine/check.js'
import type {Root} from 'nlcst'
import {isLineBreak} from '../src/engine/lines.js'
import {defineRule, type Report} from '../src/engine/rule.js'
import {checkTable, PhraseIndex, phraseTokens, type PhraseSpec, type SequenceSpec, type SlotSpec} from '../src/engine/phrases.js'
import {documentParagraphs, majorityOf, withoutGlosses} from '../src/engine/spelling-variants.js'
import {paragraphTokens, partsOf, plainApostrophes, type ParagraphTokens} from '../src/engine/tokens.js'
import schema from '../schemas/term-variants.schema.json' with {type: 'json'}
import table from './data/term-variants.json' with {type: 'json'}

/** One row of data/term-variants.json (shape: schemas/term-variants.schema.json). */
export interface TermEntry {
  id: string
  /** Names are matched exactly; common words in any case, keeping the match's capitalization in the fix. */
  caseSensitive: boolean
  /** Each variant is a list of word forms, index-aligned across variants (organisation[s] <-> organization[s]). */
  variants: string[][]
  /** Phrases (token sequences) in which a form is not a spelling choice ("chicken Kiev", "Odessa, Texas"). */
  ignore?: SequenceSpec[]
  note: string
  /** Run as the rule's examples too (after the ones below). */
  examples: {bad: Array<{text: string; findings: ExpectedFinding[]}>; good: string[]}
}

export interface TermConsistencyOptions extends Record<string, unknown> {
  /** Entry id -> the base form an editor wants ({"kyiv": "Kyiv"}), overriding the majority. */
  preferred?: Record<string, string>
}

checkTable('term-variants', table, schema)
export const termEntries: readonly TermEntry[] = (table as unknown as {entries: TermEntry[]}).entries

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
 * The first word of every form, lower-cased, as the phrase index splits words
 * (runs of letters, digits and marks): a paragraph none of whose words is one
 * holds no use, so a long text linted in windows need not parse it again.
 */
const wordRun = /[\p{L}\p{N}\p{M}]+/gu
const formFirstWords = new Set([...placeByForm.keys()].map((form) => form.match(wordRun)?.[0] ?? form))
function mayHoldForm(paragraph: string): boolean {
  for (const [word] of paragraph.toLowerCase().matchAll(wordRun)) if (formFirstWords.has(word)) return true
  return false
}

/** A phrase of the index: a form (with its place) or an ignored phrase (without). */
interface TermPhrase extends PhraseSpec {
  place?: FormPlace
}

/**
 * Every form and every ignored phrase in one phrase index. Ignored phrases
 * come first so that, at the token where "chicken Kiev" starts, the phrase is
 * consumed whole and its "Kiev" is never seen as a term; longer phrases
 * before shorter ones. Matching is in any case; names are compared exactly
 * afterwards (countsAsTerm).
 */
const longestFirst = (a: TermPhrase, b: TermPhrase) => phraseLength(b.tokens) - phraseLength(a.tokens)
const termIndex = new PhraseIndex<TermPhrase>(
  [
    ...termEntries.flatMap((entry) => (entry.ignore ?? []).map((spec): TermPhrase => ({id: entry.id, tokens: Array.isArray(spec) ? spec : [spec]}))).sort(longestFirst),
    ...[...placeByForm.values()].map((place): TermPhrase => ({id: place.entry.id, tokens: [place.entry.variants[place.variant]![place.form]!], place})).sort(longestFirst)
  ],
  'term-variants'
)

/** Tokens of the longest text a sequence can match. */
function phraseLength(slots: readonly SlotSpec[]): number {
  const longest = (slot: SlotSpec): number =>
    typeof slot === 'string' ? phraseTokens(slot).length : Array.isArray(slot) ? Math.max(...slot.map(longest)) : 'optional' in slot ? longest(slot.optional) : 1
  return slots.reduce((sum, slot) => sum + longest(slot), 0)
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

/** A use of a table form: its place and where it stands. */
interface TermMatch {
  place: FormPlace
  start: number
  end: number
}

/** The uses of table forms in the file, in order, paragraph by paragraph. */
function* termMatches(tree: Root, text: string, pause: () => void): Generator<TermMatch> {
  for (const paragraph of documentParagraphs(tree, text, pause, mayHoldForm)) yield* paragraphMatches(paragraph, text, 0)
}

/** The uses in one paragraph's tokens (`text` holds them from `base` on: a window's text starts there in the file). */
function* paragraphMatches(paragraph: ParagraphTokens, text: string, base: number): Generator<TermMatch> {
  for (const match of termIndex.scan({tokens: partsOf(paragraph), text})) {
    // An ignored phrase ("chicken Kiev") is consumed whole.
    if (match.entry.place && startsWord(text, match.start)) yield {place: match.entry.place, start: match.start + base, end: match.stop + base}
  }
}

/**
 * On a long text linted in windows: the uses in one window's tree, gathered
 * while it exists (RuleMeta.gathersWindows), from the paragraphs
 * documentParagraphs would parse again (those mayHoldForm lets through).
 */
function gatherWindow(tree: Root, text: string, window: {start: number; gathered: unknown[]}): void {
  for (const paragraph of paragraphTokens(tree, text)) {
    if (!mayHoldForm(text.slice(paragraph.start, paragraph.end))) continue
    for (const match of paragraphMatches(paragraph, text, window.start)) window.gathered.push(match)
  }
}

/** Words that tie a capitalized common word to the name it starts ("Centre for Policy Studies"). */
const nameLinks = new Set(['of', 'for', 'de', 'des', 'du', 'la', 'le'])

export default defineRule<TermConsistencyOptions>(
  {
    id: 'term-consistency',
    category: 'consistency',
    severity: 'minor',
    scope: 'document',
    gathersWindows: true,
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
          findings: [
            {range: '1:152-1:156', actual: 'Kyiv', message: 'Unexpected `Kyiv`, expected `Kiev` as used 2 times in this document', severity: 'minor', fix: 'Kiev', safe: false}
          ],
          fixed:
            'Blinken met with the Ukrainian president in Kiev and senior British, French and German diplomats in Berlin this week. Erdogan said he planned to visit Kiev next month, adding that he would also hold talks with Putin. The West has sped up arms deliveries to Kiev.'
        },
        {
          text: 'The World Health Organization said the organisation of vaccine deliveries had improved. Organizers of the campaign said the organisation of the second round would start in May.',
          findings: [
            {range: '1:89-1:99', actual: 'Organizers', message: 'Unexpected `Organizers`, expected `Organisers` as used 2 times in this document', severity: 'minor', fix: 'Organisers', safe: false}
          ],
          fixed:
            'The World Health Organization said the organisation of vaccine deliveries had improved. Organisers of the campaign said the organisation of the second round would start in May.'
        },
        {
          text: 'President Volodymyr Zelensky said Ukraine would not give up territory. Zelenskiy added that talks with Moscow could resume. Zelensky’s office later confirmed the call.',
          findings: [
            {range: '1:72-1:81', actual: 'Zelenskiy', message: 'Unexpected `Zelenskiy`, expected `Zelensky` as used 2 times in this document', severity: 'minor', fix: 'Zelensky', safe: false}
          ],
          fixed:
            'President Volodymyr Zelensky said Ukraine would not give up territory. Zelensky added that talks with Moscow could resume. Zelensky’s office later confirmed the call.'
        },
        {
          text: 'Blinken met with the Ukrainian president in Kiev. Erdogan said he planned to visit Kyiv next month.',
          findings: [
            {range: '1:45-1:49', actual: 'Kiev', message: 'Unexpected `Kiev`, expected `Kyiv` as preferred in the configuration', severity: 'minor', fix: 'Kyiv', safe: false}
          ],
          options: {preferred: {kyiv: 'Kyiv'}},
          fixed: 'Blinken met with the Ukrainian president in Kyiv. Erdogan said he planned to visit Kyiv next month.'
        },
        {
          text: 'Blinken met with the Ukrainian president in Kiev and reaffirmed American support for Kiev’s sovereignty.',
          findings: [
            {range: '1:45-1:49', actual: 'Kiev', message: 'Unexpected `Kiev`, expected `Kyiv` as preferred in the configuration', severity: 'minor', fix: 'Kyiv', safe: false},
            {range: '1:86-1:90', actual: 'Kiev', message: 'Unexpected `Kiev`, expected `Kyiv` as preferred in the configuration', severity: 'minor', fix: 'Kyiv', safe: false}
          ],
          options: {preferred: {kyiv: 'Kyiv'}},
          fixed: 'Blinken met with the Ukrainian president in Kyiv and reaffirmed American support for Kiev’s sovereignty.'
        },
        ...termEntries.flatMap((entry) => entry.examples.bad)
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
  ({tree, text, options, report, pause, window, gathered}) => {
    if (window) return gatherWindow(tree, text, window)
    const occurrencesByEntry = new Map<TermEntry, Occurrence[]>()
    for (const {place, start, end} of (gathered as readonly TermMatch[] | undefined) ?? termMatches(tree, text, pause)) {
      const matched = text.slice(start, end)
      if (!countsAsTerm(place, matched, start, text)) continue
      let occurrences = occurrencesByEntry.get(place.entry)
      if (!occurrences) occurrencesByEntry.set(place.entry, (occurrences = []))
      occurrences.push({start, end, text: matched, variant: place.variant, form: place.form})
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
  // A straight and a curly apostrophe spell one form ("Shi'ite", "Shi’ite"), as the phrase index matches them.
  if (place.entry.caseSensitive) return plainApostrophes(matched) === plainApostrophes(form)
  if (matched === matched.toLowerCase()) return true
  if (matched !== capitalize(matched.toLowerCase())) return false // ALL CAPS or mixed: a heading or a name
  return startsSentence(text, start) && !beginsName(text, start + matched.length)
}

/** Back over white space, opening marks and masked markup (U+FFFC: an HTML `<p>` before the word) to the line start or a sentence mark. */
function startsSentence(text: string, start: number): boolean {
  let index = start - 1
  while (index >= 0 && /[\s"“‘'(\[\uFFFC]/.test(text[index]!)) {
    if (isLineBreak(text[index])) return true
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

/** The variant whose base form the editor configured, if it is one of this entry's. */
function preferredVariant(entry: TermEntry, wanted: string | undefined): number | undefined {
  if (wanted === undefined) return undefined
  const plain = plainApostrophes(wanted)
  const same = (form: string) => (entry.caseSensitive ? plainApostrophes(form) === plain : form.toLowerCase() === plain.toLowerCase())
  const variant = entry.variants.findIndex((forms) => same(forms[0]!))
  return variant === -1 ? undefined : variant
}

function reportFor(entry: TermEntry, occurrence: Occurrence, winner: number, reason: string, firstWinning: Occurrence | undefined): Report {
  const tableForm = entry.variants[winner]![occurrence.form]!
  // The document's apostrophe: curly where its first use of the expected spelling is written curly.
  const form = firstWinning?.text.includes('’') ? tableForm.replaceAll("'", '’') : tableForm
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
