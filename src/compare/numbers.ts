/** Numbers in a source or an English target, each with every value its writing may mean. */
import scaleWordTable from './scale-words.json' with {type: 'json'}
import unitTable from './metric-units.json' with {type: 'json'}

export interface NumberMention {
  start: number
  end: number
  text: string
  values: number[]
  /**
   * What the number is, where its writing says: a day of the month (27日), a
   * year (2019年), a time's minutes (7:00), a list marker (1) ...).
   */
  kind?: 'day' | 'year' | 'minutes' | 'marker'
  /** A source number as the source writes it, its scale character included (89.6亿). */
  written?: string
  /**
   * The values a source number means where a scale makes its bare digits no
   * reading of their own (89.6亿 is 8.96 billion, never 89.6): what a
   * misreading's power of ten is measured from. `values` keeps the bare
   * digits too, since a scale character or word may belong to the next word.
   */
  meant?: number[]
}

/** The English scale words a target writes after digits (2 million, 5k, 3bn), for a regular expression. */
export const scaleWords = 'hundred|thousand|million|billion|trillion|mn|bn|tn|[kmb]'

/** Languages that write 1,5 for one and a half (and 1.000 for a thousand). */
const decimalComma = new Set(['de', 'fr', 'es', 'it', 'pt', 'nl', 'ru', 'uk', 'pl', 'cs', 'sk', 'sv', 'da', 'nb', 'no', 'fi', 'et', 'tr', 'ro', 'hu', 'bg', 'hr', 'sl', 'sr', 'el', 'id', 'vi'])

// Scale words of source languages after digits (5 млрд, 2,5 milioane, 80 miljoni): data, in scale-words.json.
const sourceScaleForms = new Map(
  Object.entries(scaleWordTable.languages).map(([lang, byScale]) => [lang, new Map(Object.entries(byScale).flatMap(([scale, forms]) => forms.map((form) => [form, Number(scale)] as const)))])
)
const scaleJoiners = new Map(Object.entries(scaleWordTable.joiners).map(([lang, words]) => [lang, new Set(words)]))
const wordsAfter = /^[ \u00a0]?(\p{L}+)(?:[ \u00a0](\p{L}+))?/u

/** The scale word of language `lang` right after digits ending at `end` (5 млрд, 20 de milioane), and where it ends. */
function sourceScaleWord(text: string, end: number, lang: string): {scale: number; end: number} | undefined {
  const forms = sourceScaleForms.get(lang)
  const match = forms && wordsAfter.exec(text.slice(end, end + 40))
  if (!match) return undefined
  const first = match[1]!
  const joined = match[2] !== undefined && scaleJoiners.get(lang)?.has(first.toLowerCase())
  const word = joined ? match[2]! : first
  const scale = forms.get(word.toLowerCase())
  return scale ? {scale, end: end + (joined ? match[0].length : match[0].length - (match[2] === undefined ? 0 : match[2].length + 1))} : undefined
}

/** A metric unit after a number: its dimension and its size in the dimension's base unit (a kilometre is 1,000 metres). */
export interface MetricUnit {
  dimension: string
  size: number
  /** The unit as the text writes it after the number, its space included (` cm`). */
  text: string
}

// Metric units a translator converts (1.2公里 is 1,200 metres): data, in metric-units.json; the longest form first.
const unitForms = (side: 'source' | 'target') =>
  Object.entries(unitTable.dimensions)
    .flatMap(([dimension, units]) => units.flatMap((unit) => unit[side].map((form) => ({form, unit: {dimension, size: unit.size}}))))
    .sort((a, b) => b.form.length - a.form.length)
const sourceUnitForms = unitForms('source')
const targetUnitForms = unitForms('target')

/**
 * The metric unit written right after a number that ends at `end`, in a
 * source (its normalized text, sourceNumbers' offsets) or an English target:
 * 1.2公里, 180 cm, 3,500 grams. A Latin form must end its word (5 min is no
 * metre).
 */
export function unitAfter(text: string, end: number, side: 'source' | 'target'): MetricUnit | undefined {
  // normalizedSource writes a superscript as ^ (km²).
  const after = text.slice(end, end + 24).replaceAll('^', '²').toLowerCase()
  const gap = /^[ \u00a0\u202f-]?/.exec(after)![0]
  const rest = after.slice(gap.length)
  const found = (side === 'source' ? sourceUnitForms : targetUnitForms).find(
    ({form}) => rest.startsWith(form) && !(/[a-z\d²]$/.test(form) && /^[\p{L}\d]/u.test(rest.slice(form.length)))
  )
  return found && {...found.unit, text: text.slice(end, end + gap.length + found.form.length).replaceAll('^', '²')}
}

/** English scale words and letters, and their values. */
export const scales: Record<string, number> = {
  hundred: 1e2, thousand: 1e3, k: 1e3, million: 1e6, m: 1e6, mn: 1e6, billion: 1e9, bn: 1e9, b: 1e9, trillion: 1e12, tn: 1e12
}
const cjkScales: Record<string, number> = {'百': 1e2, '千': 1e3, '万': 1e4, '萬': 1e4, '亿': 1e8, '億': 1e8, '万亿': 1e12}

// Digits not glued to a Latin letter on the left (A4, G7 are names), with grouping and decimals.
const digitPattern = /(?<![A-Za-z\d]|\d[.,])\d+(?:[.,]\d+)*/g
// MT output sometimes spaces a thousands separator: 24, 150 for 24,150.
const spacedGroups = /^(?:, \d{3}(?!\d))+/
// A space between groups of three digits is a thousands separator where a small whole number leads them (27 000, 1 000 000): SI style, and Estonian, Russian and Romanian sources.
const spaceGroups = /^(?:[ \u00a0\u2009\u202f]\d{3}(?![\d]|[.,]\d))+/

/** `groups` (spaceGroups' match) after the leading digits `lead`: the whole number, and each group by itself (a list may space its numbers). */
function spaceGroupValues(lead: string, groups: string): number[] {
  const parts = groups.trim().split(/[ \u00a0\u2009\u202f]/)
  return [Number(lead + parts.join('')), ...parts.map(Number)]
}

// Units a translator converts: 80斤 is 40 kilograms.
const cjkConversions: Record<string, number> = {'斤': 0.5}
// A range's two ends: 600至850亿 is 60 to 85 billion.
const cjkRangeJoin = /^\s*(?:至|到|-|—|–|~|～)\s*$/

/** The source text whose offsets sourceNumbers gives. */
export function normalizedSource(text: string): string {
  // A full-width comma separates list items (25:19，25:16), never thousands: kept apart from the ASCII comma NFKC would make of it.
  // A superscript is an exponent or a note (km², a reference¹), never a number of the text: NFKC would make a digit of it.
  return text.replaceAll('，', '、').replace(/[⁰¹²³⁴-⁹]/g, '^').normalize('NFKC')
}

/** Digit numbers of a source in language `lang`, CJK scale characters applied (2.5万 = 25,000). */
export function sourceNumbers(text: string, lang: string): NumberMention[] {
  const normalized = normalizedSource(text)
  const mentions: Array<NumberMention & {scale?: number}> = []
  for (const match of normalized.matchAll(digitPattern)) {
    const start = match.index
    // A group of the previous number (27 000).
    if (start < (mentions.at(-1)?.end ?? 0)) continue
    const spaced = /^\d{1,3}$/.test(match[0]) ? spaceGroups.exec(normalized.slice(start + match[0].length)) : null
    const digits = spaced ? match[0] + spaced[0] : match[0]
    const end = start + digits.length
    if (dottedDate.test(match[0])) {
      mentions.push(...dateParts(match[0], start))
      continue
    }

    const values = readDigits(match[0], decimalComma.has(lang))
    if (spaced) values.push(...spaceGroupValues(match[0], spaced[0]))
    // 500余万 is "more than 5 million": the approximation sits before the scale.
    const approximate = /^[余多几]/.test(normalized.slice(end, end + 1)) ? 1 : 0
    const after = normalized.slice(end + approximate, end + approximate + 2)
    const scaleText = cjkScales[after] ? after : cjkScales[after[0] ?? ''] ? after[0]! : ''
    const cjk = cjkScales[scaleText]
    const plain = [...values]
    // 5千米 is 5 km: keep the plain value beside the scaled one.
    if (cjk) values.push(...plain.map((value) => value * cjk))
    const latin = scaleAfter(normalized, end)
    if (latin) values.push(...values.map((value) => value * latin.scale))
    // 5 млрд is 5 billion; the bare 5 stays a reading (в 1990 тысячи людей: in 1990, thousands of people).
    const local = cjk || latin ? undefined : sourceScaleWord(normalized, end, lang)
    if (local) values.push(...plain.map((value) => value * local.scale))
    // 万 and 亿 (and a scale word) are no part of a unit's name: the number means its scaled value.
    const scaled = cjk && cjk >= 1e4 ? cjk : latin && !latin.glued ? latin.scale : local?.scale
    const meant = scaled ? plain.map((value) => value * scaled) : undefined
    const unit = cjkConversions[normalized[end + approximate + scaleText.length] ?? '']
    if (unit) values.push(...values.map((value) => value * unit))
    // 八成 is 80%: a tenth.
    if (normalized[end] === '成') values.push(...values.map((value) => value * 10))
    // 1. or （2） opening a segment numbers a list item: a translator may leave it out.
    const marker = /^[\s"“'‘(（]*$/.test(normalized.slice(0, start)) && /^[.、)）]/.test(normalized.slice(end)) && values[0]! < 100
    const next = normalized[end + approximate + scaleText.length]
    const kind = marker ? 'marker' : /^[日号]/.test(normalized.slice(end)) && values[0]! >= 1 && values[0]! <= 31 ? 'day' : /^\d{4}$/.test(match[0]) && next === '年' ? 'year' : undefined
    const previous = mentions.at(-1)
    // 7万8千 and 11万7015 are one number, 78,000 and 117,015.
    if (previous?.scale !== undefined && previous.scale >= 1e4 && previous.end === start && (!cjk || cjk < previous.scale)) {
      const head = previous.values.filter((value) => value >= previous.scale!)
      const tail = cjk ? values.filter((value) => value >= cjk) : values
      const whole = head.flatMap((value) => tail.map((part) => value + part))
      previous.values.push(...whole)
      previous.meant = whole
      previous.end = end + approximate + scaleText.length
      previous.text = normalized.slice(previous.start, previous.end)
      continue
    }

    const scale = cjk ?? local?.scale
    mentions.push({start, end, text: digits, values, ...(kind ? {kind} : {}), ...(scale ? {scale} : {}), ...(meant ? {meant} : {})})
    // The scale ends where the next digit may carry on the number (7万8千).
    if (cjk) mentions.at(-1)!.end = end + approximate + scaleText.length
    else if (local) mentions.at(-1)!.end = local.end
  }

  // 600至850亿: the second number's scale is also the first's.
  for (const [index, mention] of mentions.entries()) {
    const next = mentions[index + 1]
    if (!next?.scale || mention.scale || !cjkRangeJoin.test(normalized.slice(mention.end, next.start))) continue
    const scaled = mention.values.map((value) => value * next.scale!)
    mention.values.push(...scaled)
    if (next.meant) mention.meant = scaled
  }

  return mentions.map(({scale: _scale, ...mention}) => ({...mention, written: normalized.slice(mention.start, mention.end), end: Math.min(mention.end, mention.start + mention.text.length)}))
}

// Between the digit groups of one long number (8599 3119, 0571-8888 1234, (010) 6512 3456): one space or hyphen, or an area code's closing parenthesis.
const groupJoin = /^(?:[ \u00a0]|[ \u00a0]?[-–][ \u00a0]?|\)[ \u00a0]?)$/
// A telephone or account number has this many digits; a range's two ends (1990-2000) each match a source number by themselves.
const longNumber = 7

/**
 * Source and target numbers that are the same digits grouped another way: a
 * telephone number (85993119 written 8599 3119, or the other way round).
 * Offsets of `source` are in normalizedSource(sourceText). A source list
 * (211，985大学) written as one number (211,985 universities) stays a
 * finding: MQM raters mark it in every system that writes it so.
 */
export function regroupedNumbers(source: readonly NumberMention[], sourceText: string, target: readonly NumberMention[], targetText: string): Set<NumberMention> {
  const same = new Set<NumberMention>()
  const sourceRuns = digitRuns(source, normalizedSource(sourceText))
  for (const run of digitRuns(target, targetText)) {
    for (const other of sourceRuns) {
      if (other.digits !== run.digits || run.members.length + other.members.length < 3) continue
      for (const mention of [...run.members, ...other.members]) same.add(mention)
    }
  }

  return same
}

/** Every run of plain digit numbers joined as groups of one number, with at least longNumber digits (one number alone included). */
function digitRuns(mentions: readonly NumberMention[], text: string): Array<{digits: string; members: NumberMention[]}> {
  const runs: Array<{digits: string; members: NumberMention[]}> = []
  for (let first = 0; first < mentions.length; first++) {
    let digits = ''
    for (let last = first; last < mentions.length; last++) {
      const mention = mentions[last]!
      // A time's hours and minutes (2023-02-11 13:09) are no digit groups.
      const inTime = /^:\d/.test(text.slice(mention.end, mention.end + 2)) || /\d:$/.test(text.slice(Math.max(0, mention.start - 2), mention.start))
      if (inTime || !/^\d+$/.test(mention.written ?? mention.text) || (last > first && !groupJoin.test(text.slice(mentions[last - 1]!.end, mention.start)))) break
      digits += mention.text
      if (digits.length >= longNumber) runs.push({digits, members: mentions.slice(first, last + 1)})
    }
  }

  return runs
}

/** Numbers glued to Latin letters in a source (ATP500, G20): names, never required, but the target may write them apart (ATP 500). */
export function sourceNameNumbers(text: string): number[] {
  return [...text.normalize('NFKC').matchAll(/(?<=[A-Za-z]-?)\d+(?![.,]?\d)/g)].map((match) => Number(match[0]))
}

/** Digit numbers of an English target, a following scale word applied (2 million = 2,000,000). */
export function targetNumbers(text: string): NumberMention[] {
  const mentions: Array<NumberMention & {scale?: number}> = []
  // A currency code glued to its amount (USD11.16 million) is not a name like A4: blanked for the search, offsets kept.
  const searched = text.replace(currencyCode, (code) => ' '.repeat(code.length))
  for (const match of searched.matchAll(digitPattern)) {
    const start = match.index
    // Already part of the previous number (24, 150); or a name's number (COVID-19, MH-370).
    if (start < (mentions.at(-1)?.end ?? 0) || /[A-Za-z]-$|\b(?:GMT|UTC)[+-]$/.test(text.slice(Math.max(0, start - 4), start))) continue
    let end = start + match[0].length
    if (dottedDate.test(match[0])) {
      mentions.push(...dateParts(match[0], start))
      continue
    }

    let values = readDigits(match[0], false)
    const groups = spacedGroups.exec(text.slice(end))
    const spaced = groups || !/^\d{1,3}$/.test(match[0]) ? undefined : spaceGroups.exec(text.slice(end))
    if (groups) {
      values.push(...readDigits(match[0] + groups[0].replaceAll(', ', ''), false))
      // Or a list: 211, 985 universities.
      values.push(...groups[0].split(', ').filter(Boolean).map(Number))
      end += groups[0].length
    } else if (spaced) {
      values.push(...spaceGroupValues(match[0], spaced[0]))
      end += spaced[0].length
    }

    const scale = scaleAfter(text, end)
    if (scale) {
      // 700m and 1.83m are metres as often as millions: a glued single letter keeps the plain value too.
      values = [...values.map((value) => value * scale.scale), ...(scale.glued ? values : [])]
      end = scale.end
    }

    // 15:00 may be written 3 p.m.
    if (text[start + match[0].length] === ':' && values[0]! >= 13 && values[0]! <= 23) values.push(values[0]! - 12)
    // The 1980s (1980’s) are 80年代 and 80后.
    if (/^\d{4}$/.test(match[0]) && /^['’]?s\b/.test(text.slice(end))) values.push(values[0]! % 100)
    // Zhang and three others (and other three) are 4.
    if (/^\s+others?\b/.test(text.slice(end)) || /\bother\s+$/.test(text.slice(Math.max(0, start - 7), start))) values.push(...values.map((value) => value + 1))
    // 25 basis points are 0.25 of a percentage point (0.25个百分点, 0,25 puncte procentuale): a basis point is a hundredth of one.
    if (/^\s*(?:basis[\s-]+points?|bps)\b/i.test(text.slice(end))) values.push(...values.map((value) => value / 100))
    const before = text.slice(Math.max(0, start - 12), start)
    const inParenthesis = text.lastIndexOf('(', start) > text.lastIndexOf(')', start)
    // MT's tokenizer spaces a time's colon (10: 00 a.m.): two-digit minutes after `H: ` are minutes too.
    const kind = (/\b\d{1,2}:$/.test(before) || (/\b\d{1,2}: $/.test(before) && /^\d{2}$/.test(match[0]))) && values[0]! < 60 ? 'minutes' : text[end] === ')' && !inParenthesis && /^\d{1,2}$/.test(match[0]) && /(?:^|[:;.]\s*|\n\s*)$/.test(text.slice(0, start).slice(-12)) ? 'marker' : undefined
    mentions.push({start, end, text: text.slice(start, end), values, scale: scale?.scale, ...(kind ? {kind} : {})})
  }

  // 12 to 14 million: the scale of a range's second number is also the first's.
  for (const [index, mention] of mentions.entries()) {
    const next = mentions[index + 1]
    if (!next?.scale || mention.scale) continue
    if (/^\s*(?:to|-|–|and|or)\s*(?:[A-Z]*\$|€|£|¥)?\s*$/.test(text.slice(mention.end, next.start))) {
      mention.values.push(...mention.values.map((value) => value * next.scale!))
    }
  }

  return mentions.map(({scale: _scale, ...mention}) => mention)
}

// Currency codes written against the amount (USD11.16 million, RMB500).
const currencyCode = /\b(?:USD|US|HKD|HK|RMB|CNY|EUR|GBP|JPY|SGD|AUD|CAD|NTD|NT|MYR|CHF|KRW|INR)(?=\$?\d)/g

/** Numbers that belong to a name in an English target (F-22, Mars-17, L4, GMT+8): never extra, but they do carry a source's number. */
export function targetNameNumbers(text: string): number[] {
  const names = text.replace(currencyCode, (code) => ' '.repeat(code.length))
  const zones = /GMT|UTC/.test(text) ? [...text.matchAll(/\b(?:GMT|UTC)[+-](\d+)/g)].map((match) => Number(match[1])) : []
  return [...[...names.matchAll(/(?<=[A-Za-z]-?)\d+(?![.,]?\d)/g)].map((match) => Number(match[0])), ...zones]
}

// Source words that make a year implicit ("last year", "year on year"): a translator writes the year out for clarity.
const relativeYear = /去年|今年|明年|前年|后年|上年|前一年|同比|当年|本年|昨年|翌年/

/** A target year (1900-2099) the source leaves implicit in a relative-year word. */
export function isClarifiedYear(mention: NumberMention, source: string): boolean {
  return isYear(mention) && relativeYear.test(source)
}

export const isYear = (mention: NumberMention) => /^(?:19|20)\d\d$/.test(mention.text)

// Source words for a day the reader knows (that day, today): a translator writes the date out.
const relativeDay = /当日|当天|今日|今天|昨日|昨天|同日|次日|明日|明天|前一天/
const monthName = /\b(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.? $/

/** A target day of the month (September 27, the 27th) the source leaves implicit in a relative-day word. */
export function isClarifiedDay(mention: NumberMention, target: string, source: string): boolean {
  if (!relativeDay.test(source) || !/^\d{1,2}$/.test(mention.text) || Number(mention.text) > 31) return false
  const ordinal = /^(?:st|nd|rd|th)\b/.test(target.slice(mention.end))
  return monthName.test(target.slice(Math.max(0, mention.start - 11), mention.start)) || (ordinal && /\bthe $/.test(target.slice(Math.max(0, mention.start - 4), mention.start)))
}

// Target words that stand for a year or a day the source writes out: "this year" for 2019年, "Monday" for 26日.
const relativeYearWords = /\b(?:this|last|next|that|the same|the previous|the following) year\b|\byear[- ]on[- ]year\b/i
const relativeDayWords = /\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|yesterday|tomorrow|tonight)\b/i

/** A source year or day the target gives in a relative word, which is no omission. */
export function isRelativeInTarget(mention: NumberMention, target: string): boolean {
  return (mention.kind === 'year' && relativeYearWords.test(target)) || (mention.kind === 'day' && relativeDayWords.test(target))
}

/** An added number in a parenthesis that converts an amount (about 4.3 billion U.S. dollars): a translator's note. */
export function isConversionNote(mention: NumberMention, target: string): boolean {
  const open = target.lastIndexOf('(', mention.start)
  if (open === -1 || target.lastIndexOf(')', mention.start) > open) return false
  return /^\((?:about|approximately|around|roughly|some|nearly|or|equivalent to|i\.e\.)\s/i.test(target.slice(open, mention.start + 1))
}

// 12.05.2023 is a date in the source's format: its day, month and year are the numbers.
const dottedDate = /^\d{1,2}\.\d{1,2}\.(?:\d{2}|\d{4})$/

function dateParts(date: string, start: number): NumberMention[] {
  const parts: NumberMention[] = []
  let offset = start
  for (const part of date.split('.')) {
    const value = Number(part)
    // A two-digit year may be written in full.
    const values = part.length === 2 && offset - start > 3 ? [value, 1900 + value, 2000 + value] : [value]
    parts.push({start: offset, end: offset + part.length, text: part, values})
    offset += part.length + 1
  }

  return parts
}

const scaleAfterDigits = new RegExp(`^[ \u00a0-]?(${scaleWords})\\b`, 'i')

function scaleAfter(text: string, end: number): {scale: number; end: number; glued: boolean} | undefined {
  const match = scaleAfterDigits.exec(text.slice(end, end + 12))
  if (!match) return undefined
  const word = match[1]!
  // Single letters only glued to the number (5k, 3m): "5 m" is five metres.
  if (word.length === 1 && match[0].length !== 1) return undefined
  return {scale: scales[word.toLowerCase()]!, end: end + match[0].length, glued: word.length === 1}
}

/** Every value `raw` may mean: 1,234.5 in English; 1.234,5 or 1,5 where the comma is decimal. */
function readDigits(raw: string, commaDecimal: boolean): number[] {
  const values = new Set<number>()
  // In those languages 1,5 can only be decimal; 1,500 may be either.
  const onlyDecimalComma = commaDecimal && /,(\d{1,2}|\d{4,})$/.test(raw)
  const english = Number(raw.replaceAll(',', ''))
  if (Number.isFinite(english) && !onlyDecimalComma) values.add(english)
  if (commaDecimal) {
    const european = Number(raw.replaceAll('.', '').replace(',', '.'))
    if (Number.isFinite(european)) values.add(european)
  }

  return [...values]
}

const units = new Map<string, number>(Object.entries({
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19, twenty: 20,
  thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90, dozen: 12, first: 1, second: 2,
  third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10, half: 0.5, twice: 2, double: 2, a: 1, an: 1
}))
// Units a translator converts into: two decades are 20 years, a two-week rate is the 14-day one.
const wordUnits = new Map(Object.entries({decade: 10, decades: 10, century: 100, centuries: 100, week: 7, weeks: 7, fortnight: 14}))
const wordScales = new Map(Object.entries(scales).filter(([word]) => word.length > 1))
const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']
// Each month's name and its capitalised abbreviations of three letters or more (Sept, Dec), to its number.
const monthOf = new Map(months.flatMap((name, index) => Array.from({length: name.length - 2}, (_, cut) => [name.slice(0, cut + 3), index + 1] as const)))
// A text with none of these words says no number in words: most segments, left at once.
const anyNumberWord = new RegExp(`\\b(?:${[...units.keys(), ...wordUnits.keys()].filter((word) => word.length > 2).join('|')}|${months.map((name) => name.slice(0, 3)).join('|')})`, 'i')

/**
 * Values the target says in words: number words (two million, five hundred
 * thousand, two decades, three others), and month names (5月 is May). They
 * make a source number present; they are never flagged, since English spells
 * small numbers out.
 */
export function targetWordValues(text: string): number[] {
  if (!anyNumberWord.test(text)) return []
  const values: number[] = []
  const written = text.match(/[A-Za-z]+/g) ?? []
  const words = written.map((word) => word.toLowerCase())
  for (const [index, word] of words.entries()) {
    const month = monthOf.get(written[index]!)
    if (month !== undefined) values.push(month)
    const value = units.get(word)
    if (value === undefined) continue
    // "a" and "an" count only before a unit word (a decade, an hour is not a number).
    if (word === 'a' || word === 'an') {
      const unit = wordUnits.get(words[index + 1] ?? '')
      if (unit) values.push(unit)
      continue
    }

    // twenty-five, five hundred thousand: one number of several words.
    let total = 0
    let current = value
    let next = index + 1
    for (; next < words.length; next++) {
      const part = units.get(words[next]!)
      const scale = wordScales.get(words[next]!)
      if (part !== undefined && part >= 1 && part < 10 && words[next] !== 'a' && words[next] !== 'an' && current >= 20 && current % 10 === 0 && current < 100) current += part
      else if (scale && scale >= 100) {
        if (scale === 100) current *= 100
        else {
          total += current * scale
          current = 0
        }
      } else break
    }

    const whole = total + current
    values.push(value, whole)
    const unit = wordUnits.get(words[next] ?? '')
    if (unit) values.push(whole * unit)
    if (words[next] === 'other' || words[next] === 'others' || words[index - 1] === 'other') values.push(whole + 1)
  }

  return values
}

const romanValues: Record<string, number> = {I: 1, V: 5, X: 10, L: 50, C: 100, D: 500, M: 1000}
const romanNumeral = /(?<![\p{L}\d])(?=[IVXLCDM])M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})(?![\p{L}\d])/gu

/**
 * Values of Roman numerals in a source (secolul XVI, XIX век, Ludovic al XIV-lea):
 * a translator writes the 16th century. Only used to excuse target numbers,
 * like Chinese numerals: `I` is also a word and a letter, so none is required.
 */
export function romanNumeralValues(text: string): number[] {
  const values: number[] = []
  for (const [numeral] of text.matchAll(romanNumeral)) {
    if (numeral === '') continue
    let total = 0
    for (const [index, char] of [...numeral].entries()) {
      const value = romanValues[char]!
      total += value < (romanValues[numeral[index + 1] ?? ''] ?? 0) ? -value : value
    }

    values.push(total)
  }

  return values
}

const cjkDigits: Record<string, number> = {'零': 0, '〇': 0, '一': 1, '二': 2, '两': 2, '兩': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9}
const cjkUnits: Record<string, number> = {'十': 10, '百': 100, '千': 1000}

/**
 * Values of Chinese numerals in the source (二十 = 20, 三万 = 30,000). Only
 * used to excuse target numbers: 一 is also "a", "one day", "unify", so a
 * Chinese numeral is never required in the target.
 */
export function cjkNumeralValues(text: string): number[] {
  const values: number[] = []
  for (const match of text.matchAll(/[零〇一二两兩三四五六七八九十百千万萬亿億]+/g)) {
    // The scale of a digit number (1.1亿) is read with it (sourceNumbers).
    if (/[\d.０-９．]/.test(text[match.index - 1] ?? '') && /^[百千万萬亿億]+$/.test(match[0])) continue
    // 四五十 is 40 to 50, 一万六七千 16,000 to 17,000: two digits in a row before a unit are a range's ends.
    const range = /([一二三四五六七八九])([二三四五六七八九])(?=[十百千万萬亿億])/.exec(match[0])
    const readings = range ? [match[0].slice(0, range.index + 1) + match[0].slice(range.index + 2), match[0].slice(0, range.index) + match[0].slice(range.index + 1)] : [match[0]]
    // 八成 is 80%: a tenth.
    const tenths = text[match.index + match[0].length] === '成'
    for (const reading of readings) {
      const value = parseCjk(reading)
      if (value !== undefined) values.push(value, ...(tenths ? [value * 10] : []))
    }

    // 二〇二三 is 2023 and 九二 is '92: digits written one after another.
    if ([...match[0]].every((char) => char in cjkDigits) && match[0].length > 1) {
      const digits = Number([...match[0]].map((char) => cjkDigits[char]).join(''))
      values.push(digits, ...(match[0].length === 2 ? [1900 + digits, 2000 + digits] : []))
    }

    // 十二五 or 一二三: also each digit by itself.
    for (const char of match[0]) if (char in cjkDigits) values.push(cjkDigits[char]!)
  }

  // 一半, 近半: half is written 50% in English as often as "half".
  if (/半/.test(text)) values.push(50, 0.5)
  return values
}

function parseCjk(numeral: string): number | undefined {
  let total = 0
  let section = 0
  let digit: number | undefined
  for (const char of numeral) {
    if (char in cjkDigits) digit = cjkDigits[char]!
    else if (char in cjkUnits) {
      section += (digit ?? 1) * cjkUnits[char]!
      digit = undefined
    } else {
      const big = char === '万' || char === '萬' ? 1e4 : 1e8
      // A scale by itself is one of it: 万元户 are 10,000-yuan households, 过亿 over 100 million.
      total = (total + section + (digit ?? (total + section === 0 ? 1 : 0))) * big
      section = 0
      digit = undefined
    }
  }

  const value = total + section + (digit ?? 0)
  return value > 0 ? value : undefined
}

/** Equal up to floating-point noise (1.2 x 1e8 against 120 x 1e6). */
export function sameValue(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b))
}
