/** Numbers in a source or an English target, each with every value its writing may mean. */

export interface NumberMention {
  start: number
  end: number
  text: string
  values: number[]
}

/** Languages that write 1,5 for one and a half (and 1.000 for a thousand). */
const decimalComma = new Set(['de', 'fr', 'es', 'it', 'pt', 'nl', 'ru', 'uk', 'pl', 'cs', 'sk', 'sv', 'da', 'nb', 'no', 'fi', 'tr', 'ro', 'hu', 'bg', 'hr', 'sl', 'sr', 'el', 'id', 'vi'])

const scales: Record<string, number> = {
  hundred: 1e2, thousand: 1e3, k: 1e3, million: 1e6, m: 1e6, mn: 1e6, billion: 1e9, bn: 1e9, b: 1e9, trillion: 1e12, tn: 1e12
}
const cjkScales: Record<string, number> = {'百': 1e2, '千': 1e3, '万': 1e4, '萬': 1e4, '亿': 1e8, '億': 1e8, '万亿': 1e12}

// Digits not glued to a Latin letter on the left (A4, G7 are names), with grouping and decimals.
const digitPattern = /(?<![A-Za-z\d]|\d[.,])\d+(?:[.,]\d+)*/g
// MT output sometimes spaces a thousands separator: 24, 150 for 24,150.
const spacedGroups = /^(?:, \d{3}(?!\d))+/

/** Digit numbers of a source in language `lang`, CJK scale characters applied (2.5万 = 25,000). */
export function sourceNumbers(text: string, lang: string): NumberMention[] {
  const normalized = text.normalize('NFKC')
  const mentions: NumberMention[] = []
  for (const match of normalized.matchAll(digitPattern)) {
    const start = match.index
    const end = start + match[0].length
    if (dottedDate.test(match[0])) {
      mentions.push(...dateParts(match[0], start))
      continue
    }

    const values = readDigits(match[0], decimalComma.has(lang))
    // 500余万 is "more than 5 million": the approximation sits before the scale.
    const approximate = /^[余多几]/.test(normalized.slice(end, end + 1)) ? 1 : 0
    const after = normalized.slice(end + approximate, end + approximate + 2)
    const cjk = cjkScales[after] ?? cjkScales[after[0] ?? '']
    // 5千米 is 5 km: keep the plain value beside the scaled one.
    if (cjk) values.push(...values.map((value) => value * cjk))
    const latin = scaleAfter(normalized, end)
    if (latin) values.push(...values.map((value) => value * latin.scale))
    mentions.push({start, end, text: match[0], values})
  }

  return mentions
}

/** Digit numbers of an English target, a following scale word applied (2 million = 2,000,000). */
export function targetNumbers(text: string): NumberMention[] {
  const mentions: Array<NumberMention & {scale?: number}> = []
  for (const match of text.matchAll(digitPattern)) {
    const start = match.index
    // Already part of the previous number (24, 150); or a name's number (COVID-19, MH-370).
    if (start < (mentions.at(-1)?.end ?? 0) || /[A-Za-z]-$/.test(text.slice(Math.max(0, start - 2), start))) continue
    let end = start + match[0].length
    if (dottedDate.test(match[0])) {
      mentions.push(...dateParts(match[0], start))
      continue
    }

    let values = readDigits(match[0], false)
    const groups = spacedGroups.exec(text.slice(end))
    if (groups) {
      values.push(...readDigits(match[0] + groups[0].replaceAll(', ', ''), false))
      end += groups[0].length
    }

    const scale = scaleAfter(text, end)
    if (scale) {
      values = values.map((value) => value * scale.scale)
      end = scale.end
    }

    // 15:00 may be written 3 p.m.
    if (text[start + match[0].length] === ':' && values[0]! >= 13 && values[0]! <= 23) values.push(values[0]! - 12)
    // The 1980s are 80年代.
    if (/^\d{4}$/.test(match[0]) && /^'?s\b/.test(text.slice(end))) values.push(values[0]! % 100)
    mentions.push({start, end, text: text.slice(start, end), values, scale: scale?.scale})
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

/** Numbers that belong to a name in an English target (F-22, Mars-17): never extra, but they do carry a source's number. */
export function targetNameNumbers(text: string): number[] {
  return [...text.matchAll(/(?<=[A-Za-z]-)\d+(?![.,]?\d)/g)].map((match) => Number(match[0]))
}

// Source words that make a year implicit ("last year", "year on year"): a translator writes the year out for clarity.
const relativeYear = /去年|今年|明年|前年|后年|上年|前一年|同比|当年|本年|昨年|翌年/

/** A target year (1900-2099) the source leaves implicit in a relative-year word. */
export function isClarifiedYear(mention: NumberMention, source: string): boolean {
  return /^(?:19|20)\d\d$/.test(mention.text) && relativeYear.test(source)
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

function scaleAfter(text: string, end: number): {scale: number; end: number} | undefined {
  const match = /^[ \u00a0-]?(hundred|thousand|million|billion|trillion|mn|bn|tn|[kmb])\b/i.exec(text.slice(end, end + 12))
  if (!match) return undefined
  const word = match[1]!
  // Single letters only glued to the number (5k, 3m): "5 m" is five metres.
  if (word.length === 1 && match[0].length !== 1) return undefined
  return {scale: scales[word.toLowerCase()]!, end: end + match[0].length}
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

const units: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19, twenty: 20,
  thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90, dozen: 12, first: 1, second: 2,
  third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10, half: 0.5, twice: 2, double: 2
}
const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']

/**
 * Values the target says in words: number words (two million), and month
 * names (5月 is May). They make a source number present; they are never
 * flagged, since English spells small numbers out.
 */
export function targetWordValues(text: string): number[] {
  const values: number[] = []
  const words = text.match(/[A-Za-z]+/g) ?? []
  for (const [index, word] of words.entries()) {
    const month = months.findIndex((name) => name === word || (word.length >= 3 && name.startsWith(word)))
    if (month !== -1) values.push(month + 1)
    const value = units[word.toLowerCase()]
    if (value === undefined) continue
    const next = units[words[index + 1]?.toLowerCase() ?? '']
    // twenty-five; then a scale word: two million, twenty-five thousand.
    const base = value >= 20 && next !== undefined && next < 10 ? value + next : value
    const scale = scales[words[index + (base === value ? 1 : 2)]?.toLowerCase() ?? '']
    values.push(value, base, ...(scale && scale >= 100 ? [base * scale] : []))
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
    const value = parseCjk(match[0])
    if (value !== undefined) values.push(value)
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
      total = (total + section + (digit ?? 0)) * big
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
