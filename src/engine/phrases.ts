/**
 * The phrase index: phrase tables (rules/data/*.json) as token patterns, in
 * the spirit of LanguageTool's pattern rules and Harper's Weir rules, so an
 * editor adds an entry without TypeScript or a regular expression.
 *
 * An entry's `tokens` is a sequence of slots; a slot is
 *   "in the"                  a literal phrase (one or more tokens, any case)
 *   ["in", "into"]            alternatives, tried in order
 *   {"optional": slot}        a slot that may be absent (tried present first)
 *   {"word": true}            any word; {"number": true} a number written in digits
 *   {"pos": "NN*"}            a word whose part-of-speech tag is NN or starts with NN
 *   {"map": {"luggages": "luggage"}}  alternatives whose `$n` is the mapped text
 * `before` / `after` list token sequences of which one must come right before /
 * after the match, `notBefore` / `notAfter` sequences that veto it;
 * {"start": true} in `before` stands for the start of a paragraph or a line.
 * Replacement templates reuse slots as `$1`, `$2` (the matched text, or the
 * mapped text) and `{take}`, a verb conjugated like the match's first word.
 *
 * Matching runs over the parts view of tokens.ts (words split at inner
 * apostrophes and hyphens, as the tokenizer splits them), lower-cased, with a
 * straight and a curly apostrophe the same; white space between tokens is not
 * compared. Each table is compiled once into an
 * index keyed by the lower-cased tokens an entry can start with, so a
 * paragraph costs one map lookup per token whatever the size of the table,
 * and an entry is tried only where the next token can be its second one.
 * Part-of-speech tags are asked for (tagsOf) only when an entry with a POS
 * slot reaches that slot.
 */
import type {Root} from 'nlcst'
import type {ErrorObject, ValidateFunction} from 'ajv'
import patternSchema from '../../schemas/phrase-pattern.schema.json' with {type: 'json'}
import {tableValidator} from './config.js'
import {lineBreak} from './lines.js'
import {sentencesOf, tagsOf, type SentenceView, type TaggedWord} from './pos.js'
import {plainApostrophes, sequenceOf, type Token, type TokenSequence} from './tokens.js'
import {thirdPersonOf} from './verb-forms.js'

export type SlotSpec =
  | string
  | SlotSpec[]
  | {optional: SlotSpec}
  | {word: true}
  | {number: true}
  | {pos: string | string[]}
  | {map: Record<string, string>}
  | {start: true}

/** A token sequence of a context: a phrase, a slot, or an array of slots. */
export type SequenceSpec = string | SlotSpec[] | Exclude<SlotSpec, string | SlotSpec[]>

export interface PhraseSpec {
  id: string
  tokens: SlotSpec[]
  before?: SequenceSpec[]
  notBefore?: SequenceSpec[]
  after?: SequenceSpec[]
  notAfter?: SequenceSpec[]
}

interface Literal {
  type: 'literal'
  lowers: string[]
  value?: string
}

type Node =
  | Literal
  /** `literals`: the options, when every one is a literal (the common case, matched without allocating). */
  | {type: 'alternatives'; options: Node[]; literals?: Literal[]}
  | {type: 'optional'; node: Node}
  | {type: 'word' | 'number' | 'start'}
  | {type: 'pos'; tags: string[]; prefixes: string[]}

interface Compiled {
  slots: Node[]
  before?: Node[][]
  notBefore?: Node[][]
  after?: Node[][]
  notAfter?: Node[][]
  /** Longest token count of a `before` / `notBefore` sequence (they are matched ending at the match). */
  reachBack: number
  /** The lower-cased tokens a match's second token can be; undefined when any token (or none) can stand there. */
  seconds?: ReadonlySet<string>
}

export interface SlotMatch {
  /** Token indexes [first, end) in the scanned tokens; equal when an optional slot is absent. */
  first: number
  end: number
  /** The matched text, or a `map` slot's value ('' when absent). */
  text: string
}

export interface PhraseMatch<E> {
  entry: E
  /** Token indexes [first, end) of the match. */
  first: number
  end: number
  /** Offsets into the text. */
  start: number
  stop: number
  slots: SlotMatch[]
}

/** What a scan runs over: the parts of one paragraph, the file's text, and the tree when a POS slot needs tags. */
export interface ScanInput {
  tokens: readonly Token[] | TokenSequence
  text: string
  tree?: Root
  /** Offset before which nothing is read (a paragraph's start). */
  floor?: number
}

/**
 * A table string as tokens: runs of letters, digits and marks, and runs of one
 * punctuation character ("...", "--"), as the English tokenizer cuts text.
 */
export function phraseTokens(phrase: string): string[] {
  return plainApostrophes(phrase.toLowerCase()).match(/[\p{L}\p{N}\p{M}]+|(\S)\1*/gu) ?? []
}

/**
 * A token as the index compares it: lower-cased, a curly apostrophe straight
 * ("Xi’an" is "Xi'an", "People’s" is "People's"), as phraseTokens writes the
 * table's strings. An apostrophe only ever starts a punctuation token.
 */
function matchedLower(token: Token): string {
  return token.lower.charCodeAt(0) === 0x2019 ? plainApostrophes(token.lower) : token.lower
}

/** One line per problem, naming the table and the entry (ajv's path inside it, then its message). */
export function tableErrors(name: string, table: unknown, errors: readonly ErrorObject[]): string[] {
  return errors.map((error) => {
    const [, index, ...rest] = /^\/entries\/(\d+)(.*)$/.exec(error.instancePath) ?? []
    const entries = (table as {entries?: Array<{id?: unknown}>}).entries
    const where = index === undefined ? error.instancePath || '/' : `entry ${Number(index) + 1} (${String(entries?.[Number(index)]?.id ?? '?')})${rest.join('')}`
    const message = (error.keyword === 'pattern' && wordPatterns[(error.params as {pattern: string}).pattern]) || error.message || 'is invalid'
    return `${name}: ${where} ${message}${index === undefined ? offending(table, error) : ''}`
  })
}

/** What the word patterns of the schemas ask, in words (ajv would print the regular expression). */
const wordPatterns: Readonly<Record<string, string>> = {
  "^[a-z]+(['’][a-z]+)?$": 'must be one word in lower case (letters, one apostrophe at most), as the rule compares it',
  '^[a-z]+$': 'must be one word of lower-case letters, as the rule compares it',
  '^[a-z]+ [a-z]+$': 'must be two words in lower case with one space between, as the rule compares them'
}

/** The word a word list's error is about ("/stems/words/3 must match pattern ...: `Demand`"), so that the editor sees it. */
function offending(table: unknown, error: ErrorObject): string {
  let value: unknown = table
  for (const key of error.instancePath.split('/').slice(1)) value = (value as Record<string, unknown> | undefined)?.[key.replace(/~1/g, '/').replace(/~0/g, '~')]
  if (error.keyword === 'uniqueItems' && Array.isArray(value)) value = value[(error.params as {i: number}).i]
  // A key of a word map ("complements": {"Native": [...]}).
  if (error.propertyName !== undefined) value = error.propertyName
  return typeof value === 'string' ? `: ${JSON.stringify(value)}` : ''
}

/** Validate a phrase table against its schema at load; a problem is an Error of one line naming the entry. */
export function checkTable(name: string, table: unknown, schema: object): void {
  const validate: ValidateFunction = tableValidator(name, schema, [patternSchema])
  if (!validate(table)) throw new Error(tableErrors(`rules/data/${name}.json`, table, validate.errors ?? [])[0]!)
}

/** A word list of a token rule's table (the `wordList` of schemas/phrase-pattern.schema.json). */
export interface WordList {
  description?: string
  words: string[]
  /** Sentences a word of the list makes the rule report (`bad`) or leave alone (`good`): test/word-lists.test.ts runs them. */
  examples: {bad?: string[]; good?: string[]}
}

/** A word list as a set, its apostrophes straight: look a token up as `plainApostrophes(token.lower)` (or its value, where case counts). */
export function wordSet(list: WordList): ReadonlySet<string> {
  return new Set(list.words.map(plainApostrophes))
}

/** Every word list of a table (a property `{words: [...]}`) as a set (wordSet), by its name; `$schema`, descriptions and word maps are left out. */
export function wordSets<Table extends object>(table: Table): {[Name in keyof Table as Table[Name] extends {words: readonly string[]} ? Name : never]: ReadonlySet<string>} {
  const lists = Object.entries(table).filter((entry): entry is [string, WordList] => Array.isArray((entry[1] as {words?: unknown} | null)?.words))
  return Object.fromEntries(lists.map(([name, list]) => [name, wordSet(list)])) as never
}

export class PhraseIndex<E extends PhraseSpec> {
  readonly entries: readonly E[]
  private readonly compiled: Compiled[]
  /** Lower-cased first token -> the entries to try there, in table order (entries that can start anywhere included). */
  private readonly byFirst = new Map<string, number[]>()
  private readonly anywhere: number[] = []
  /**
   * Entries that open with a number slot ("1200 î.Hr."): tried only at a
   * token that starts with a digit, where these lists (each of byFirst's,
   * and anywhere's, with them) are used instead.
   */
  private readonly numberFirst: number[] = []
  private readonly byFirstAtNumber = new Map<string, number[]>()
  private anywhereAtNumber: number[] = []
  /**
   * Which (first character, length) pairs the first tokens of entries have,
   * for ASCII first characters: most tokens of a text are ruled out by two
   * array reads, without hashing the token for the map.
   */
  private readonly shapes = new Uint8Array(128 * 32)
  private nonAsciiFirst = false

  constructor(
    entries: readonly E[],
    readonly name: string
  ) {
    this.entries = entries
    this.compiled = entries.map((entry) => compileEntry(entry, name))
    const keyed = new Map<string, number[]>()
    this.compiled.forEach((compiled, index) => {
      const firsts = firstTokens(compiled.slots, 0)
      if (firsts === undefined) (compiled.slots[0]?.type === 'number' ? this.numberFirst : this.anywhere).push(index)
      else for (const first of firsts) keyed.set(first, [...(keyed.get(first) ?? []), index])
    })
    const inOrder = (...lists: number[][]) => [...new Set(lists.flat())].sort((a, b) => a - b)
    this.anywhereAtNumber = inOrder(this.anywhere, this.numberFirst)
    for (const [first, indexes] of keyed) {
      this.byFirst.set(first, inOrder(indexes, this.anywhere))
      this.byFirstAtNumber.set(first, inOrder(indexes, this.anywhere, this.numberFirst))
      const code = first.charCodeAt(0)
      if (code < 128) this.shapes[shapeOf(code, first.length)] = 1
      else this.nonAsciiFirst = true
    }
  }

  /** The entries to try at a token, in table order. */
  private candidatesAt(token: Token): readonly number[] {
    const lower = matchedLower(token)
    const digit = token.value.charCodeAt(0)
    if (digit >= 0x30 && digit <= 0x39 && this.numberFirst.length > 0) return this.byFirstAtNumber.get(lower) ?? this.anywhereAtNumber
    const code = lower.charCodeAt(0)
    const possible = code < 128 ? this.shapes[shapeOf(code, lower.length)] === 1 : this.nonAsciiFirst
    return possible ? (this.byFirst.get(lower) ?? this.anywhere) : this.anywhere
  }

  /** Every match in `input.tokens`, left to right; at each token the first entry (in table order) that matches wins, and the scan goes on after it. */
  scan(input: ScanInput): Array<PhraseMatch<E>> {
    const found: Array<PhraseMatch<E>> = []
    let matcher: Matcher | undefined
    const tokens = sequenceOf(input.tokens)
    for (let index = 0; index < tokens.length; ) {
      const candidates = this.candidatesAt(tokens.get(index)!)
      let match: PhraseMatch<E> | undefined
      // The token after, as the literals compare it: most tries end there (`in` opens eleven calques).
      let second: string | undefined | null = null
      for (const candidate of candidates) {
        const compiled = this.compiled[candidate]!
        if (compiled.seconds) {
          if (second === null) second = index + 1 < tokens.length ? matchedLower(tokens.get(index + 1)!) : undefined
          if (second === undefined || !compiled.seconds.has(second)) continue
        }

        matcher ??= new Matcher(input, tokens)
        const slots = matcher.entryAt(compiled, index)
        if (!slots) continue
        const end = slots.at(-1)!.end
        match = {entry: this.entries[candidate]!, first: index, end, start: tokens.get(index)!.start, stop: tokens.get(end - 1)!.end, slots}
        break
      }

      if (match) found.push(match)
      index = match ? match.end : index + 1
    }

    return found
  }

  /**
   * A replacement template filled from a match: `$n` is slot n, `{verb}` the
   * verb in the form of the match's first word (made -> took); runs of spaces
   * left by absent slots collapse, and a capital on the match is kept.
   */
  fill(template: string, match: PhraseMatch<E>, input: ScanInput): string {
    const {text} = input
    const tokens = sequenceOf(input.tokens)
    const actual = text.slice(match.start, match.stop)
    let result = template
      .replaceAll(/\$(\d+)/g, (_, number: string) => match.slots[Number(number) - 1]?.text ?? '')
      .replaceAll(/\{([a-z]+)\}/g, (_, lemma: string) => conjugate(lemma, formOf(tokens, match.first, input.floor ?? 0)))
      .replaceAll(/ {2,}/g, ' ')
      .trim()
    if (/^\p{Lu}/u.test(actual) && result !== '') result = result.charAt(0).toUpperCase() + result.slice(1)
    return result
  }
}

function shapeOf(code: number, length: number): number {
  return code * 32 + Math.min(length, 31)
}

/** The lower-cased tokens an entry can start with from slot `from` on; undefined when it can start at any token. */
function firstTokens(slots: readonly Node[], from: number): Set<string> | undefined {
  if (from >= slots.length) return undefined
  const firsts = new Set<string>()
  const add = (node: Node): boolean => {
    switch (node.type) {
      case 'literal':
        firsts.add(node.lowers[0]!)
        return true
      case 'alternatives':
        return node.options.every(add)
      case 'optional': {
        const rest = firstTokens(slots, from + 1)
        if (!rest || !add(node.node)) return false
        for (const first of rest) firsts.add(first)
        return true
      }
      default:
        return false
    }
  }

  return add(slots[from]!) ? firsts : undefined
}

/**
 * The tokens the second token of a match can be (a literal's, on every way
 * through the slots), or undefined when a way lets any token stand there (a
 * word or POS slot) or the match end after one token: a candidate whose
 * second token is none of them is not tried.
 */
function secondTokens(slots: readonly Node[]): Set<string> | undefined {
  const seconds = new Set<string>()
  // Whether every way from slot `from`, with `taken` tokens (0 or 1) matched so far, has a literal second token.
  const from = (index: number, taken: number): boolean => index < slots.length && through(slots[index]!, taken, (after) => from(index + 1, after))
  const through = (node: Node, taken: number, rest: (taken: number) => boolean): boolean => {
    switch (node.type) {
      case 'literal':
        if (taken + node.lowers.length < 2) return rest(taken + node.lowers.length)
        seconds.add(node.lowers[1 - taken]!)
        return true
      case 'alternatives':
        return node.options.every((option) => through(option, taken, rest))
      case 'optional':
        return through(node.node, taken, rest) && rest(taken)
      case 'start':
        return rest(taken)
      default:
        return taken === 0 && rest(1)
    }
  }

  return from(0, 0) ? seconds : undefined
}

function compileEntry(entry: PhraseSpec, table: string): Compiled {
  const fail = (message: string): never => {
    throw new Error(`rules/data/${table}.json: entry ${entry.id} ${message}`)
  }

  const slot = (spec: SlotSpec, where: string): Node => {
    if (typeof spec === 'string') {
      const lowers = phraseTokens(spec)
      if (lowers.length === 0) fail(`${where}: empty phrase`)
      return {type: 'literal', lowers}
    }

    if (Array.isArray(spec)) return alternatives(spec.map((option) => slot(option, where)))
    if ('optional' in spec) return {type: 'optional', node: slot(spec.optional, where)}
    if ('map' in spec) return alternatives(Object.entries(spec.map).map(([key, value]): Literal => ({...(slot(key, where) as Literal), value})))
    if ('pos' in spec) {
      const tags = typeof spec.pos === 'string' ? [spec.pos] : spec.pos
      return {type: 'pos', tags: tags.filter((tag) => !tag.endsWith('*')), prefixes: tags.filter((tag) => tag.endsWith('*')).map((tag) => tag.slice(0, -1))}
    }

    if ('word' in spec) return {type: 'word'}
    if ('number' in spec) return {type: 'number'}
    if (where !== 'before') fail(`${where}: {"start": true} stands only in \`before\``)
    return {type: 'start'}
  }

  const sequences = (specs: SequenceSpec[] | undefined, where: string): Node[][] | undefined =>
    specs?.map((spec) => (Array.isArray(spec) ? spec : [spec]).map((each) => slot(each, where)))
  const compiled: Compiled = {
    slots: entry.tokens.map((spec) => slot(spec, 'tokens')),
    before: sequences(entry.before, 'before'),
    notBefore: sequences(entry.notBefore, 'notBefore'),
    after: sequences(entry.after, 'after'),
    notAfter: sequences(entry.notAfter, 'notAfter'),
    reachBack: 0
  }
  compiled.seconds = secondTokens(compiled.slots)
  compiled.reachBack = Math.max(0, ...[...(compiled.before ?? []), ...(compiled.notBefore ?? [])].map((sequence) => sequence.reduce((sum, node) => sum + longest(node), 0)))
  for (const template of (entry as {expected?: string[]}).expected ?? []) {
    for (const [, number] of template.matchAll(/\$(\d+)/g)) if (Number(number) < 1 || Number(number) > compiled.slots.length) fail(`expected "${template}": $${number} names no slot`)
  }

  return compiled
}

function alternatives(options: Node[]): Node {
  return options.every((option) => option.type === 'literal') ? {type: 'alternatives', options, literals: options as Literal[]} : {type: 'alternatives', options}
}

function longest(node: Node): number {
  switch (node.type) {
    case 'literal':
      return node.lowers.length
    case 'alternatives':
      return Math.max(0, ...node.options.map(longest))
    case 'optional':
      return longest(node.node)
    case 'start':
      return 0
    default:
      return 1
  }
}

/** What a sequence must end with: the whole entry (its `after` context), exactly at a token (a `before` context), or anywhere. */
const entryGoal = -1
const anyGoal = -2

/**
 * Backtracking over slots, in order (alternatives in table order, an
 * optional slot present first), as a regular expression would. Most tries
 * fail at the first or second token, so a literal slot is matched without
 * allocating, and captures are kept as token indexes until a match succeeds.
 */
class Matcher {
  private sentences: SentenceView[] | undefined
  private tags: Map<SentenceView, TaggedWord[]> | undefined
  /** The entry being tried, its start, and its slots' [first, end, value] so far. */
  private entry: Compiled | undefined
  private start = 0
  private firsts: number[] = []
  private ends: number[] = []
  private values: Array<string | undefined> = []

  constructor(
    private readonly input: ScanInput,
    private readonly tokens: TokenSequence
  ) {}

  /** The slots of `entry` matched at token `at` with its context, or undefined. */
  entryAt(entry: Compiled, at: number): SlotMatch[] | undefined {
    this.entry = entry
    this.start = at
    if (!this.sequence(entry.slots, 0, at, entryGoal, true)) return undefined
    const {text} = this.input
    return entry.slots.map((_, index) => {
      const first = this.firsts[index]!
      const end = this.ends[index]!
      return {first, end, text: this.values[index] ?? (end > first ? text.slice(this.tokens.get(first)!.start, this.tokens.get(end - 1)!.end) : '')}
    })
  }

  /** Whether the entry's context holds around tokens [start, end). */
  private contextHolds(entry: Compiled, start: number, end: number): boolean {
    if (entry.before && !entry.before.some((sequence) => this.endsAt(sequence, start, entry.reachBack))) return false
    if (entry.notBefore?.some((sequence) => this.endsAt(sequence, start, entry.reachBack))) return false
    if (entry.after && !entry.after.some((sequence) => this.sequence(sequence, 0, end, anyGoal, false))) return false
    return !entry.notAfter?.some((sequence) => this.sequence(sequence, 0, end, anyGoal, false))
  }

  /** Whether a context sequence matches some tokens that end right before `at`. */
  private endsAt(sequence: Node[], at: number, reach: number): boolean {
    for (let from = at; from >= Math.max(0, at - reach); from--) if (this.sequence(sequence, 0, from, at, false)) return true
    return false
  }

  private accept(goal: number, end: number): boolean {
    if (goal === anyGoal) return true
    if (goal !== entryGoal) return end === goal
    return end > this.start && this.contextHolds(this.entry!, this.start, end)
  }

  private sequence(nodes: readonly Node[], index: number, at: number, goal: number, capture: boolean): boolean {
    if (index === nodes.length) return this.accept(goal, at)
    const node = nodes[index]!
    if (node.type === 'literal') return this.literalAt(node, at) && this.step(nodes, index, at, at + node.lowers.length, node.value, goal, capture)
    if (node.type === 'alternatives' && node.literals) {
      for (const option of node.literals) if (this.literalAt(option, at) && this.step(nodes, index, at, at + option.lowers.length, option.value, goal, capture)) return true
      return false
    }

    for (const [end, value] of this.endsOf(node, at)) if (this.step(nodes, index, at, end, value, goal, capture)) return true
    return false
  }

  /** Slot `index` taken from `at` to `end`: on to the next slot. */
  private step(nodes: readonly Node[], index: number, at: number, end: number, value: string | undefined, goal: number, capture: boolean): boolean {
    if (capture) {
      this.firsts[index] = at
      this.ends[index] = end
      this.values[index] = value
    }

    return this.sequence(nodes, index + 1, end, goal, capture)
  }

  private literalAt(node: Literal, at: number): boolean {
    const {lowers} = node
    for (let offset = 0; offset < lowers.length; offset++) {
      const token = this.tokens.get(at + offset)
      if (token === undefined || matchedLower(token) !== lowers[offset]) return false
    }

    return true
  }

  /** Where a slot can end when it starts at `at`, in the order to try (with a map slot's value). */
  private endsOf(node: Node, at: number): Array<[number, string | undefined]> {
    const token = this.tokens.get(at)
    switch (node.type) {
      case 'literal':
        return this.literalAt(node, at) ? [[at + node.lowers.length, node.value]] : []
      case 'alternatives':
        return node.options.flatMap((option) => this.endsOf(option, at))
      case 'optional':
        return [...this.endsOf(node.node, at), [at, undefined]]
      case 'word':
        return token?.kind === 'word' ? [[at + 1, undefined]] : []
      case 'number':
        return token?.kind === 'word' && /^\d+$/.test(token.value) ? [[at + 1, undefined]] : []
      case 'start': {
        const previous = this.tokens.get(at - 1)
        const floor = this.input.floor ?? 0
        const between = this.input.text.slice(previous ? previous.end : floor, token ? token.start : floor)
        return previous === undefined || lineBreak.test(between) ? [[at, undefined]] : []
      }

      case 'pos': {
        if (token?.kind !== 'word') return []
        const tag = this.tagOf(token)
        return tag !== undefined && (node.tags.includes(tag) || node.prefixes.some((prefix) => tag.startsWith(prefix))) ? [[at + 1, undefined]] : []
      }
    }
  }

  /** The tag of the word holding `token` (a part takes its word's tag), tagging its sentence on first request. */
  private tagOf(token: Token): string | undefined {
    const {tree, text} = this.input
    if (!tree) throw new Error('a part-of-speech slot needs the tree: pass `tree` to scan()')
    this.sentences ??= sentencesOf(tree, text)
    const sentence = sentenceHolding(this.sentences, token)
    if (!sentence) return undefined
    this.tags ??= new Map()
    let tagged = this.tags.get(sentence)
    if (!tagged) this.tags.set(sentence, (tagged = tagsOf(sentence, text)))
    return tagged.find((word) => word.start <= token.start && token.end <= word.end)?.tag
  }
}

/**
 * The first sentence that holds `token` (what `sentences.find` returns), by
 * binary search: a POS slot is tried at many tokens of a paragraph, and a
 * linear search of the file's sentences at each made a long text quadratic.
 * Sentences are runs of the file's tokens in order, so their starts and ends
 * both grow: the first sentence ending at or after the token is the only one
 * that can hold it.
 */
function sentenceHolding(sentences: readonly SentenceView[], token: Token): SentenceView | undefined {
  let low = 0
  let high = sentences.length
  while (low < high) {
    const middle = (low + high) >>> 1
    if (sentences[middle]!.end < token.end) low = middle + 1
    else high = middle
  }

  const sentence = sentences[low]
  return sentence !== undefined && sentence.start <= token.start ? sentence : undefined
}

type VerbForm = 'base' | 's' | 'past' | 'participle' | 'ing'

/** Irregular verbs that phrase tables start with or that replacements use: past, participle. */
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
/** Words after which a past form that is also a participle ("made") is the participle ("had made"). */
const perfectOrPassive = new Set(['has', 'have', 'had', 'having', 'be', 'been', 'being', 'is', 'are', 'was', 'were'])

/** Form of the word at `first`; a past that is also a participle is read from the word before it ("had made", "I've made"). */
function formOf(tokens: TokenSequence, first: number, floor: number): VerbForm {
  const word = /^[\p{L}'’]+/u.exec(tokens.get(first)!.lower)?.[0] ?? ''
  let form: VerbForm = irregularForms.get(word) ?? 'base'
  if (form === 'base' && word.endsWith('ing')) form = 'ing'
  else if (form === 'base' && word.endsWith('ed')) form = 'past'
  else if (form === 'base' && /[^s]s$|[sxz]es$|does$/.test(word)) form = 's'
  const previous = tokens.get(first - 1)
  if (form === 'past' && previous && previous.start >= floor && previous.end < tokens.get(first)!.start) {
    const elided = (previous.lower === 've' || previous.lower === 'd') && /^['’]$/.test(tokens.get(first - 2)?.lower ?? '') && tokens.get(first - 2)!.end === previous.start
    if (perfectOrPassive.has(previous.lower) || elided) form = 'participle'
  }

  return form
}

function conjugate(lemma: string, form: VerbForm): string {
  const forms = irregular[lemma]
  if (form === 'base') return lemma
  if (form === 'past' && forms) return forms[0]
  if (form === 'participle' && forms) return forms[1]
  if (form === 's') return thirdPersonOf(lemma)
  if (form === 'ing') return /[^e]e$/.test(lemma) ? lemma.slice(0, -1) + 'ing' : lemma + 'ing'
  return /e$/.test(lemma) ? lemma + 'd' : /[^aeiou]y$/.test(lemma) ? lemma.slice(0, -1) + 'ied' : lemma + 'ed'
}
