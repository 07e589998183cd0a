/**
 * A generalization check for the grammar rules that no one writes by hand:
 *
 * - correct counterparts: every clean sentence where a rule's surface
 *   trigger occurs (two identical adjacent words, a determiner before a
 *   determiner-like word, a pronoun before a verb form, `there is/are`,
 *   `one of the ... is`, a collective noun before its verb, singular they,
 *   a plural subject before its verb): how many the grammar rules flag;
 * - synthetic errors: clean sentences corrupted the way each family
 *   describes (a word doubled, also capitalised and sentence-initial; an
 *   article before a possessive; a pronoun's verb put in the wrong number):
 *   how many a grammar finding overlaps;
 * - real MT (MLQE-PE): each trigger in the MT, as an error when the
 *   post-editor changed it and as a correct counterpart when they kept it.
 *
 * Sentences are split in two halves by a hash of their document (MLQE-PE:
 * train vs dev and test20): rules are tuned on `tune`, figures are quoted on
 * `report`.
 */
import type {ResolvedConfig} from '../../src/engine/config.js'
import {lintText} from '../../src/engine/lint.js'
import {isPluralNoun} from '../../src/engine/nouns.js'
import {lexiconTags} from '../../src/engine/pos-taggers.js'
import {baseOfThirdPerson} from '../../src/engine/verb-forms.js'
import {severityRank, type Finding} from '../../src/engine/types.js'
import doubles from '../../rules/data/english-doubles.json' with {type: 'json'}
import {overlaps, type Range} from './ranges.js'

/** The rules this check measures: a finding by another rule (quotes, spacing) is not counted. */
export const grammarRules = new Set([
  'repeated-word',
  'stacked-determiner',
  'subject-verb-agreement',
  'pronoun-agreement',
  'pronoun-verb-agreement',
  'doubled-possessive',
  'stacked-relative-clause',
  'word-order',
  'self-contradiction'
])

export type Family = 'duplication' | 'capitalised-double' | 'determiner' | 'agreement' | 'word-order'
export type Half = 'tune' | 'report'

export interface Word extends Range {
  value: string
  lower: string
}

export interface Trigger extends Range {
  family: Family
  kind: string
}

export interface Corruption {
  family: Family
  kind: string
  text: string
  span: Range
}

const wordPattern = /\p{L}+(?:['’-]\p{L}+)*/gu

export function wordsOf(text: string): Word[] {
  return [...text.matchAll(wordPattern)].map((match) => ({value: match[0], lower: match[0].toLowerCase(), start: match.index, end: match.index + match[0].length}))
}

/** 32-bit FNV-1a: a stable hash for halves and for picking a position. */
export function hash(value: string): number {
  let h = 0x811c9dc5
  for (let index = 0; index < value.length; index++) h = Math.imul(h ^ value.charCodeAt(index), 0x01000193) >>> 0
  return h
}

export function halfOf(key: string): Half {
  return hash(key) % 2 === 0 ? 'tune' : 'report'
}

const articles = ['the', 'a', 'an']
const demonstratives = ['this', 'that', 'these', 'those']
const possessives = ['my', 'his', 'her', 'its', 'our', 'their', 'your']
const determinerLike = new Set([...articles, ...demonstratives, ...possessives])
const firstDeterminers = new Set([...determinerLike, 'some', 'any', 'each', 'every', 'no', 'all', 'both'])
const subjectPronouns = new Set(['i', 'you', 'he', 'she', 'it', 'we', 'they'])
const agreementVerbs = new Set(['is', 'are', 'was', 'were', 'has', 'have', 'does', 'do'])
const collectives = new Set(['team', 'government', 'police', 'committee', 'family', 'staff', 'group', 'crowd', 'public', 'majority', 'audience', 'board', 'company', 'council', 'jury', 'army', 'band', 'class', 'couple', 'parliament', 'cabinet', 'union', 'party', 'panel', 'club', 'squad', 'side', 'crew', 'faculty', 'management'])
const indefinites = new Set(['someone', 'somebody', 'anyone', 'anybody', 'everyone', 'everybody', 'nobody', 'whoever', 'each', 'person'])
const intensifiers = new Set(doubles.intensifiers.words)

/** The pairs the determiner family names: article + article or possessive, possessive or demonstrative + article. */
function collides(first: string, second: string): boolean {
  if (articles.includes(first)) return articles.includes(second) || possessives.includes(second)
  return (possessives.includes(first) || first === 'these' || first === 'those') && articles.includes(second)
}

function isCapitalised(value: string): boolean {
  return value.charAt(0) !== value.charAt(0).toLowerCase()
}

function spaceOnly(text: string, a: Word, b: Word): boolean {
  return /^\s+$/.test(text.slice(a.end, b.start))
}

function isVerbForm(lower: string): boolean {
  return lexiconTags(lower).some((tag) => tag.startsWith('VB') || tag === 'MD')
}


/**
 * Relational adjectives by their form, not by the word-order rule's list: a word the lexicon knows
 * only as an adjective, ending like "monetary", "political", "economic".
 */
function isRelationalAdjective(lower: string): boolean {
  const tags = lexiconTags(lower)
  return /^[a-z]+(?:al|ic|ary)$/.test(lower) && tags.length > 0 && tags.every((tag) => tag === 'JJ')
}

function isCommonNoun(lower: string): boolean {
  return /^[a-z]+$/.test(lower) && /^NNS?$/.test(lexiconTags(lower)[0] ?? '')
}

/**
 * The noun an adjective is made from or makes ("stalemated" -> "stalemate", "successful" -> "success",
 * "secure" -> "security", "violent" -> "violence"), when the lexicon knows it as a noun only.
 */
function nounOfAdjective(lower: string): string | undefined {
  const candidates = [
    lower.replace(/ful$/, ''), lower.replace(/ous$/, ''), lower.replace(/d$/, ''), lower.replace(/ed$/, ''),
    lower.replace(/e?$/, 'ity'), lower.replace(/ent$/, 'ence'), lower.replace(/ant$/, 'ance'), `${lower}ty`, `${lower}ness`
  ]
  for (const stem of candidates) {
    const tags = lexiconTags(stem)
    if (stem !== lower && stem.length > 3 && tags.length > 0 && tags.every((tag) => tag === 'NN')) return stem
  }

  return undefined
}

const degreeAdverb = /^(?:largely|mostly|mainly|highly|entirely|extremely|increasingly|relatively|completely|totally|deeply|fully|partly|purely|predominantly|particularly|heavily|widely|fairly|truly|essentially|virtually)$/

function isSingularNoun(lower: string): boolean {
  return /^[a-z]+$/.test(lower) && !lower.endsWith('s') && lexiconTags(lower)[0] === 'NN'
}

/** The surface triggers of the grammar families in a (correct) sentence. */
export function triggersOf(text: string): Trigger[] {
  const words = wordsOf(text)
  const found: Trigger[] = []
  const add = (family: Family, kind: string, from: Word, to: Word) => found.push({family, kind, start: from.start, end: to.end})
  for (let index = 0; index + 1 < words.length; index++) {
    const word = words[index]!
    const next = words[index + 1]!
    const gap = text.slice(word.end, next.start)
    if (word.lower === next.lower) {
      if (/^\s+$/.test(gap)) add(isCapitalised(word.value) ? 'capitalised-double' : 'duplication', isCapitalised(word.value) ? 'capitalised double' : 'adjacent double', word, next)
      else if (/^[,.;:]\s+$/.test(gap)) add('duplication', 'echo across a mark', word, next)
      continue
    }

    if (!/^\s+$/.test(gap)) continue
    if (firstDeterminers.has(word.lower) && determinerLike.has(next.lower)) add('determiner', collides(word.lower, next.lower) ? 'determiner collision (`a the`, `the our`, `their the`, `those the`)' : 'determiner + determiner-like word', word, next)
    if (subjectPronouns.has(word.lower) && isVerbForm(next.lower)) add('agreement', 'pronoun + verb', word, next)
    if (word.lower === 'there' && ['is', 'are', 'was', 'were'].includes(next.lower)) add('agreement', 'there is/are', word, next)
    if (collectives.has(word.lower) && agreementVerbs.has(next.lower)) add('agreement', 'collective noun + verb', word, next)
    if (['the', 'these', 'those'].includes(word.lower) && isPluralNoun(next.lower) && agreementVerbs.has(words[index + 2]?.lower ?? '')) add('agreement', 'plural subject + verb', word, words[index + 2]!)
    if (['the', 'a', 'an', 'this'].includes(word.lower) && isSingularNoun(next.lower) && agreementVerbs.has(words[index + 2]?.lower ?? '')) add('agreement', 'singular subject + verb', word, words[index + 2]!)
    if (word.lower === 'one' && next.lower === 'of') {
      const verb = words.slice(index + 3, index + 8).find((each) => agreementVerbs.has(each.lower))
      if (verb) add('agreement', 'one of the ... verb', word, verb)
    }

    const third = words[index + 2]
    const fourth = words[index + 3]
    if (determinerLike.has(word.lower) && third && isCommonNoun(next.lower) && isRelationalAdjective(third.lower) && !(fourth && isCommonNoun(fourth.lower))) add('word-order', 'relational adjective after a noun', word, third)
    if (determinerLike.has(word.lower) && third && fourth && degreeAdverb.test(next.lower) && isCommonNoun(fourth.lower)) add('word-order', 'degree adverb in a noun phrase', word, fourth)
    if (indefinites.has(word.lower)) {
      const they = words.slice(index + 1, index + 15).find((each) => ['they', 'their', 'them', 'themselves'].includes(each.lower))
      if (they) add('agreement', 'singular they', word, they)
    }
  }

  return found
}

function insertAt(text: string, at: number, insertion: string, spanEnd: number): {text: string; span: Range} {
  return {text: text.slice(0, at) + insertion + text.slice(at), span: {start: at, end: spanEnd + insertion.length}}
}

function replaceWord(text: string, word: Word, replacement: string): {text: string; span: Range} {
  return {text: text.slice(0, word.start) + replacement + text.slice(word.end), span: {start: word.start, end: word.start + replacement.length}}
}

function pick<T>(items: readonly T[], key: string): T | undefined {
  return items.length === 0 ? undefined : items[hash(key) % items.length]
}

const singularToPlural: Record<string, string> = {is: 'are', was: 'were', has: 'have', does: 'do'}
const pluralToSingular: Record<string, string> = {are: 'is', were: 'was', have: 'has', do: 'does'}

function matchCase(word: string, like: string): string {
  return isCapitalised(like) ? word.charAt(0).toUpperCase() + word.slice(1) : word
}

/**
 * The corruptions of one clean sentence, at most one per kind, at a position
 * picked by a hash of the sentence (the same every run).
 */
export function corruptionsOf(text: string, key: string): Corruption[] {
  const words = wordsOf(text)
  const out: Corruption[] = []
  const add = (family: Family, kind: string, change: {text: string; span: Range} | undefined) => {
    if (change) out.push({family, kind, ...change})
  }

  const inner = words.slice(1)
  const ordinary = (word: Word) => lexiconTags(word.lower).some((tag) => !tag.startsWith('NNP'))
  const lower = pick(inner.filter((word) => /^[a-z]+$/.test(word.value) && !intensifiers.has(word.lower)), key + 'double')
  if (lower) add('duplication', 'a lower-case word doubled', insertAt(text, lower.start, lower.value + ' ', lower.end))

  const first = words[0]
  if (first && first.start <= 2 && isCapitalised(first.value) && /^\p{L}+$/u.test(first.value) && ordinary(first)) {
    add('capitalised-double', 'first word doubled (`We we`)', {text: text.slice(0, first.end) + ' ' + first.lower + text.slice(first.end), span: {start: first.start, end: first.end + 1 + first.value.length}})
    add('capitalised-double', 'first word doubled, both capitalised (`Talks Talks`)', insertAt(text, first.start, first.value + ' ', first.end))
  }

  const capital = pick(inner.filter((word) => isCapitalised(word.value) && /^\p{Lu}\p{Ll}+$/u.test(word.value)), key + 'capital')
  if (capital) add('capitalised-double', ordinary(capital) ? 'capitalised word doubled mid-sentence' : 'name doubled mid-sentence', insertAt(text, capital.start, capital.value + ' ', capital.end))

  const notAfterDeterminer = (index: number) => index > 0 && !firstDeterminers.has(words[index - 1]!.lower)
  const possessive = pick(words.flatMap((word, index) => (['his', 'its', 'our', 'their', 'my', 'your'].includes(word.value) && notAfterDeterminer(index) ? [word] : [])), key + 'possessive')
  if (possessive) add('determiner', 'article before a possessive (`the our plan`)', insertAt(text, possessive.start, (hash(key) % 3 === 0 ? 'a' : 'the') + ' ', possessive.end))

  const theWords = words.flatMap((word, index) => (word.value === 'the' && notAfterDeterminer(index) && !determinerLike.has(words[index + 1]?.lower ?? 'the') ? [{word, index}] : []))
  const possessiveSlot = pick(theWords, key + 'their')
  if (possessiveSlot) add('determiner', 'possessive before an article (`their the budget`)', insertAt(text, possessiveSlot.word.start, pick(['their', 'his', 'our', 'its'], key)! + ' ', possessiveSlot.word.end))
  const articleSlot = pick(theWords, key + 'a the')
  if (articleSlot) add('determiner', 'article before an article (`a the report`)', insertAt(text, articleSlot.word.start, 'a ', articleSlot.word.end))
  const demonstrativeSlot = pick(theWords.filter(({index}) => isPluralNoun(words[index + 1]?.lower ?? '')), key + 'those')
  if (demonstrativeSlot) add('determiner', 'demonstrative before an article (`those the talks`)', insertAt(text, demonstrativeSlot.word.start, 'those ', demonstrativeSlot.word.end))

  const pronounVerbs = words.flatMap((word, index) => {
    const verb = words[index + 1]
    if (!verb || !spaceOnly(text, word, verb) || /^[A-Z]/.test(verb.value)) return []
    if (['he', 'she', 'it'].includes(word.lower)) {
      const wrong = singularToPlural[verb.lower] ?? baseOfThirdPerson(verb.lower)
      return wrong ? [{verb, wrong}] : []
    }

    if (['they', 'we'].includes(word.lower) && pluralToSingular[verb.lower]) return [{verb, wrong: pluralToSingular[verb.lower]!}]
    return []
  })
  const pronounVerb = pick(pronounVerbs, key + 'pronoun')
  if (pronounVerb) add('agreement', 'pronoun subject, verb of the wrong number (`She say`)', replaceWord(text, pronounVerb.verb, pronounVerb.wrong))

  const there = pick(words.flatMap((word, index) => (word.lower === 'there' && ['are', 'were'].includes(words[index + 1]?.lower ?? '') && !['a', 'an'].includes(words[index + 2]?.lower ?? 'a') ? [words[index + 1]!] : [])), key + 'there')
  if (there) add('agreement', '`there is` before a plural', replaceWord(text, there, matchCase(there.lower === 'are' ? 'is' : 'was', there.value)))

  const oneOf = words.flatMap((word, index) => {
    if (word.lower !== 'one' || words[index + 1]?.lower !== 'of') return []
    for (let at = index + 3; at <= index + 6 && at + 1 < words.length; at++) {
      const verb = words[at + 1]!
      if (isPluralNoun(words[at]!.lower) && singularToPlural[verb.lower]) return [{verb, wrong: singularToPlural[verb.lower]!}]
    }

    return []
  })
  const one = pick(oneOf, key + 'one of')
  if (one) add('agreement', '`one of the ... are`', replaceWord(text, one.verb, one.wrong))

  const plural = pick(words.flatMap((word, index) => {
    const noun = words[index + 1]
    const verb = words[index + 2]
    if (!['the', 'these', 'those'].includes(word.lower) || !noun || !verb || !isPluralNoun(noun.lower) || !pluralToSingular[verb.lower] || !spaceOnly(text, noun, verb)) return []
    return [{verb, wrong: pluralToSingular[verb.lower]!}]
  }), key + 'plural')
  if (plural) add('agreement', 'plural noun subject, singular verb', replaceWord(text, plural.verb, plural.wrong))

  const singular = pick(words.flatMap((word, index) => {
    const noun = words[index + 1]
    const verb = words[index + 2]
    if (!['the', 'a', 'an', 'this'].includes(word.value) || !noun || !verb || !isSingularNoun(noun.lower) || !singularToPlural[verb.lower] || !spaceOnly(text, noun, verb)) return []
    return [{verb, wrong: singularToPlural[verb.lower]!}]
  }), key + 'singular')
  if (singular) add('agreement', 'singular noun subject, plural verb', replaceWord(text, singular.verb, singular.wrong))

  const spaced = (index: number, count: number) => words.slice(index, index + count).every((word, at, all) => at === 0 || spaceOnly(text, all[at - 1]!, word))
  const relational = pick(words.flatMap((word, index) => {
    const [adjective, noun, after] = [words[index + 1], words[index + 2], words[index + 3]]
    if (!determinerLike.has(word.lower) || !adjective || !noun || !isRelationalAdjective(adjective.value) || !isCommonNoun(noun.value) || !spaced(index, 3)) return []
    // "the monetary policy committee": moving the adjective would split a compound, not make Romance order.
    if (after && spaceOnly(text, noun, after) && isCommonNoun(after.lower)) return []
    return [{adjective, noun}]
  }), key + 'relational')
  if (relational) {
    const {adjective, noun} = relational
    add('word-order', 'relational adjective after its noun (`its policy monetary`)', {text: text.slice(0, adjective.start) + noun.value + ' ' + adjective.value + text.slice(noun.end), span: {start: adjective.start, end: noun.end}})
  }

  const nounModifier = pick(words.flatMap((word, index) => {
    const [adverb, adjective, noun] = [words[index + 1], words[index + 2], words[index + 3]]
    if (!determinerLike.has(word.lower) || !adverb || !adjective || !noun || !degreeAdverb.test(adverb.value) || !isCommonNoun(noun.value) || !spaced(index, 4)) return []
    const stem = nounOfAdjective(adjective.value)
    return stem ? [{adjective, stem}] : []
  }), key + 'noun modifier')
  if (nounModifier) add('word-order', 'noun for an adjective after a degree adverb (`a largely stalemate conflict`)', replaceWord(text, nounModifier.adjective, nounModifier.stem))
  return out
}

/** Grammar findings of severity minor and above, one lint per distinct text. */
export function grammarFindings(config: ResolvedConfig): (text: string) => Finding[] {
  const cache = new Map<string, Finding[]>()
  return (text) => {
    let findings = cache.get(text)
    if (!findings) {
      findings = lintText(text, '<text>', config).findings.filter((finding) => grammarRules.has(finding.ruleId) && severityRank(finding.severity) >= severityRank('minor'))
      cache.set(text, findings)
    }

    return findings
  }
}

export function foundIn(findings: readonly Finding[], span: Range): boolean {
  return findings.some((finding) => overlaps({start: finding.start.offset, end: finding.end.offset}, span))
}

/** Number pairs of one verb: a post-edit from one to the other is an agreement edit, not a change of tense. */
const numberPairs = [['is', 'are'], ['is', 'am'], ['are', 'am'], ['was', 'were'], ['has', 'have'], ['does', 'do'], ["isn't", "aren't"], ["wasn't", "weren't"], ["hasn't", "haven't"], ["doesn't", "don't"]]

function otherNumber(a: string, b: string): boolean {
  if (numberPairs.some(([x, y]) => (a === x && b === y) || (a === y && b === x))) return true
  const [short, long] = a.length < b.length ? [a, b] : [b, a]
  return long === short + 's' || long === short + 'es' || (short.endsWith('y') && long === short.slice(0, -1) + 'ies')
}

/**
 * Whether the post-edit put the verb after the pronoun (or `there`) in its
 * other number ("she say" -> "she says"), at the same place: the word before
 * the pronoun is the same in both (a pronoun changed elsewhere is another edit).
 */
export function agreementEdited(trigger: Trigger, mt: string, postEdit: string): boolean {
  const [pronoun, verb] = mt.slice(trigger.start, trigger.end).split(/\s+/).map((word) => word.toLowerCase()) as [string, string]
  const original = wordsOf(mt)
  const at = original.findIndex((word) => word.start === trigger.start)
  const before = original[at - 1]?.lower
  const edited = wordsOf(postEdit)
  return edited.some((word, index) => word.lower === pronoun && edited[index - 1]?.lower === before && otherNumber(verb, edited[index + 1]?.lower ?? ''))
}

export interface Tally {
  hits: number
  total: number
  examples: string[]
}

export interface GeneralizationResult {
  /** family -> half -> tally, for each measure. */
  flagged: Map<string, Tally>
  found: Map<string, Tally>
  realFound: Map<string, Tally>
  realFlagged: Map<string, Tally>
  /** Post-edits (MT corrected by a person) holding a trigger, flagged. */
  postEditFlagged: Map<string, Tally>
  /** nt2020 MT: triggers on a rater-marked fluency span, found (the tally counts misses, like `found`). */
  markedFound: Map<string, Tally>
  /** rule -> correct clean sentences it flags (both halves). */
  byRule: Map<string, number>
}

function tally(map: Map<string, Tally>, key: string, hit: boolean, example: () => string): void {
  let entry = map.get(key)
  if (!entry) map.set(key, (entry = {hits: 0, total: 0, examples: []}))
  entry.total++
  if (hit) {
    entry.hits++
    if (entry.examples.length < 12) entry.examples.push(example())
  }
}

/** Keys: `family|half` and `family|half|kind`. */
function tallyBoth(map: Map<string, Tally>, family: string, half: Half, kind: string, hit: boolean, example: () => string): void {
  tally(map, `${family}|${half}`, hit, example)
  tally(map, `${family}|${half}|${kind}`, hit, example)
}

export interface CleanSentence {
  id: string
  /** The document, for the half. */
  doc: string
  text: string
}

export interface PostEdited {
  id: string
  half: Half
  mt: string
  postEdit: string
}

function describe(findings: readonly Finding[]): string {
  return findings.map((finding) => `${finding.ruleId} \`${finding.actual}\``).join(', ')
}

/** A rated MT segment: its target and the spans any rater marked (measure/lib/mqm.ts mergeRaters). */
export interface MarkedSegment {
  doc: string
  target: string
  spans: Array<Range & {category: string}>
}

export function measureGeneralization(clean: readonly CleanSentence[], postEdited: readonly PostEdited[], config: ResolvedConfig, marked: readonly MarkedSegment[] = []): GeneralizationResult {
  const lint = grammarFindings(config)
  const result: GeneralizationResult = {flagged: new Map(), found: new Map(), realFound: new Map(), realFlagged: new Map(), postEditFlagged: new Map(), markedFound: new Map(), byRule: new Map()}
  for (const sentence of clean) {
    const half = halfOf(sentence.doc)
    const triggers = triggersOf(sentence.text)
    if (triggers.length > 0) {
      const findings = lint(sentence.text)
      for (const family of new Set(triggers.map((trigger) => trigger.family))) {
        tally(result.flagged, `${family}|${half}`, findings.length > 0, () => `${describe(findings)}: ${sentence.text}`)
      }

      for (const kind of new Set(triggers.map((trigger) => `${trigger.family}|${half}|${trigger.kind}`))) {
        tally(result.flagged, kind, findings.length > 0, () => `${describe(findings)}: ${sentence.text}`)
      }

      for (const rule of new Set(findings.map((finding) => finding.ruleId))) result.byRule.set(rule, (result.byRule.get(rule) ?? 0) + 1)
    }

    for (const corruption of corruptionsOf(sentence.text, sentence.id)) {
      const findings = lint(corruption.text)
      const hit = foundIn(findings, corruption.span)
      tallyBoth(result.found, corruption.family, half, corruption.kind, !hit, () => `\`${corruption.text.slice(corruption.span.start, corruption.span.end)}\`: ${corruption.text}`)
    }
  }

  for (const row of postEdited) {
    const corrected = triggersOf(row.postEdit)
    if (corrected.length > 0) {
      const findings = lint(row.postEdit)
      for (const kind of new Set(corrected.map((trigger) => `${trigger.family}|${row.half}|${trigger.kind}`))) {
        const [family] = kind.split('|') as [string]
        const flagged = findings.some((finding) => corrected.some((trigger) => trigger.family === family && overlaps({start: finding.start.offset, end: finding.end.offset}, trigger)))
        tally(result.postEditFlagged, kind, flagged, () => `${describe(findings)}: ${row.postEdit}`)
        tally(result.postEditFlagged, kind.split('|').slice(0, 2).join('|'), flagged, () => `${describe(findings)}: ${row.postEdit}`)
      }
    }

    const editedLower = row.postEdit.toLowerCase()
    const triggers = triggersOf(row.mt)
    if (triggers.length === 0) continue
    const findings = lint(row.mt)
    for (const trigger of triggers) {
      const surface = row.mt.slice(trigger.start, trigger.end)
      const kept = new RegExp(`(?<![\\p{L}'’])${surface.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}'’])`, 'u').test(editedLower)
      // A determiner pair the post-editor dropped is an error only when it is a collision ("that the" is dropped for other reasons).
      const edited =
        trigger.kind === 'pronoun + verb' || trigger.kind === 'there is/are'
          ? agreementEdited(trigger, row.mt, row.postEdit)
          : !kept && trigger.family !== 'agreement' && trigger.kind !== 'degree adverb in a noun phrase' && (trigger.family !== 'determiner' || trigger.kind.startsWith('determiner collision'))
      const at = () => `\`${surface}\`: ${row.mt}`
      if (edited) tallyBoth(result.realFound, trigger.family, row.half, trigger.kind, !foundIn(findings, trigger), at)
      else if (kept) tallyBoth(result.realFlagged, trigger.family, row.half, trigger.kind, foundIn(findings, trigger), () => `${describe(findings.filter((finding) => overlaps({start: finding.start.offset, end: finding.end.offset}, trigger)))}: ${row.mt}`)
    }
  }

  // The agreement triggers and a plain determiner pair are correct English by themselves: a span marked on them is
  // some other error (a pronoun's meaning, a word choice), so only doubles and determiner collisions are counted.
  for (const segment of marked) {
    const triggers = triggersOf(segment.target).filter((trigger) => trigger.family !== 'agreement' && trigger.kind !== 'determiner + determiner-like word' && trigger.kind !== 'degree adverb in a noun phrase')
    const onSpans = triggers.filter((trigger) => segment.spans.some((span) => /^fluency/i.test(span.category) && overlaps(span, trigger)))
    if (onSpans.length === 0) continue
    const findings = lint(segment.target)
    for (const trigger of onSpans) {
      tallyBoth(result.markedFound, trigger.family, halfOf(segment.doc), trigger.kind, !foundIn(findings, trigger), () => `\`${segment.target.slice(trigger.start, trigger.end)}\`: ${segment.target}`)
    }
  }

  return result
}

/** Hits over total; for the `found` maps the tally counts misses, so hits = total - misses. */
export function ratioOf(entry: Tally | undefined, inverted = false): string {
  if (!entry || entry.total === 0) return '–'
  const hits = inverted ? entry.total - entry.hits : entry.hits
  return `${hits}/${entry.total} (${Math.round((100 * hits) / entry.total)}%)`
}
