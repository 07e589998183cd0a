/**
 * Mining run for the phrase tables (issue "Reach"): word phrases of 2-5 words
 * over-represented in what raters and post-editors marked, as leads for
 * rules/data/calques.json, and names or terms spelled two ways in one
 * machine-translated document, as leads for rules/data/term-variants.json.
 *
 * Usage: node dist/measure/mine-phrases.js [--out reports/mining-phrases.md] [--min-support 6] [--top 120] [--leads measure/phrase-leads.txt]
 *
 * Training data only: newstest2020 zh-en MQM (spans marked Style/Awkward or
 * Fluency/*, pooled over raters; the human references counted apart) and the
 * MLQE-PE train split (ro, et, ru into English: the BAD-tagged words against
 * the human post-edit, which gives each phrase the post-editor's usual
 * replacement, a calque's `expected`). The clean dev set is the check: a lead
 * with a clean hit is shown but cannot become an entry. The WMT23 dev set is
 * not read: it measures the tables after review.
 *
 * Words are matched in lower case, as the phrase index matches; a phrase does
 * not run over punctuation other than an inner hyphen or apostrophe.
 */
import {existsSync, readFileSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {displayPath, loadCleanDocuments, projectRoot, readJsonl, sharedDataFile} from './lib/datasets.js'
import {mlqeTrainSentences, type MlqeSentence} from './lib/mlqe.js'
import {mergeRaters, type MqmRow} from './lib/mqm.js'
import {overlapsAny, type Range} from './lib/ranges.js'

const wordPattern = /[\p{L}\p{M}]+(?:['’-][\p{L}\p{M}]+)*|\d+(?:[.,]\d+)*/gu
/** Spans a rater drew over most of a sentence say nothing about one phrase in it. */
const longestSpan = 60
const markedCategory = /^(?:style\/awkward|style\/unnatural|fluency\/)/iu

interface Word extends Range {
  /** Lower case, digits as `#`. */
  form: string
  surface: string
  /** The word follows punctuation (a phrase does not run across it). */
  breakBefore: boolean
}

function words(text: string): Word[] {
  const out: Word[] = []
  let previousEnd = 0
  for (const match of text.matchAll(wordPattern)) {
    const gap = text.slice(previousEnd, match.index)
    out.push({
      form: /^\d/u.test(match[0]) ? '#' : match[0].toLowerCase(),
      surface: match[0],
      start: match.index,
      end: match.index + match[0].length,
      breakBefore: out.length === 0 || /\S/u.test(gap)
    })
    previousEnd = match.index + match[0].length
  }

  return out
}

interface Lead {
  occurrences: number
  marked: number
  /** Distinct sources with a marked occurrence (an nt2020 document, an MLQE-PE sentence): ten systems translating one document alike are one piece of evidence. */
  sources: Set<string>
  mtMarked: number
  badMarked: number
  /** All occurrences in nt2020 and in MLQE-PE, and the nt2020 documents with a marked one. */
  mtOccurrences: number
  badOccurrences: number
  mtDocuments: Set<string>
  reference: number
  clean: number
  /** Post-edit replacements of marked MLQE-PE occurrences, and how many were left as they were. */
  replacements: Map<string, number>
  kept: number
  examples: string[]
  cleanExample?: string
}

function around(text: string, start: number, end: number): string {
  return `${text.slice(Math.max(0, start - 40), start)}[[${text.slice(start, end)}]]${text.slice(end, end + 30)}`.replace(/\s+/gu, ' ')
}

const functionWords = new Set(
  (
    'a an the of in on at to for from by with about as into onto over under between through during after before and or but nor so yet ' +
    'is are was were be been being has have had do does did will would shall should can could may might must not no ' +
    'it its this that these those he she they we you i him her them us me his their our your my which who whom whose what ' +
    'there here than then also very more most such other some any all each every # s t'
  ).split(' ')
)

/** N-grams of 2-5 words within one stretch between punctuation (and the single words named as hand leads); each is visited with its word range. */
function phrases(list: readonly Word[], visit: (key: string, first: number, last: number) => void): void {
  for (let first = 0; first < list.length; first++) {
    if (singleLeads.has(list[first]!.form)) visit(list[first]!.form, first, first)
    for (let last = first + 1; last < Math.min(list.length, first + 5); last++) {
      if (list[last]!.breakBefore) break
      const forms = list.slice(first, last + 1).map((word) => word.form)
      if (forms.every((form) => functionWords.has(form))) continue
      visit(forms.join(' '), first, last)
    }
  }
}

/** One-word hand leads (`netizens`): the n-grams start at two words. */
const singleLeads = new Set<string>()

/** The hand-lead file: `phrase: ...` and `variants: A / B` lines, `#` comments. */
function handLeads(file: string): {phrases: string[]; pairs: Array<[string, string]>} {
  const result: {phrases: string[]; pairs: Array<[string, string]>} = {phrases: [], pairs: []}
  if (!existsSync(file)) return result
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const [, kind, value] = /^(phrase|variants):\s*(.+?)\s*$/u.exec(line) ?? []
    if (kind === 'phrase') result.phrases.push(words(value!).map((word) => word.form).join(' '))
    else if (kind === 'variants') result.pairs.push(value!.split(/\s+\/\s+/u) as [string, string])
  }

  return result
}

function lead(leads: Map<string, Lead>, key: string): Lead {
  let entry = leads.get(key)
  if (!entry) {
    entry = {occurrences: 0, marked: 0, sources: new Set(), mtMarked: 0, badMarked: 0, mtOccurrences: 0, badOccurrences: 0, mtDocuments: new Set(), reference: 0, clean: 0, replacements: new Map(), kept: 0, examples: []}
    leads.set(key, entry)
  }

  return entry
}

/** Token alignment of MT and post-edit (longest common subsequence, in lower case): for each MT token, the post-edit token it is kept as, or -1. */
function align(mt: readonly string[], pe: readonly string[]): number[] {
  const a = mt.map((token) => token.toLowerCase())
  const b = pe.map((token) => token.toLowerCase())
  const table: Uint16Array[] = Array.from({length: a.length + 1}, () => new Uint16Array(b.length + 1))
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) table[i]![j] = a[i] === b[j] ? table[i + 1]![j + 1]! + 1 : Math.max(table[i + 1]![j]!, table[i]![j + 1]!)
  }

  const kept = new Array<number>(a.length).fill(-1)
  for (let i = 0, j = 0; i < a.length && j < b.length; ) {
    if (a[i] === b[j]) kept[i++] = j++
    else if (table[i + 1]![j]! >= table[i]![j + 1]!) i++
    else j++
  }

  return kept
}

/** What the post-editor wrote for MT tokens first..last: the post-edit between the nearest kept tokens outside the phrase. */
function replacement(sentence: MlqeSentence, kept: readonly number[], first: number, last: number): string {
  let from = 0
  for (let i = first - 1; i >= 0; i--) if (kept[i]! >= 0) { from = kept[i]! + 1; break }
  let to = sentence.postEdit.length
  for (let i = last + 1; i < kept.length; i++) if (kept[i]! >= 0) { to = kept[i]!; break }
  return sentence.postEdit.slice(from, to).join(' ').toLowerCase()
}

/** MLQE-PE tokens as words with token-index ranges (one token = one unit), so a phrase's BAD tags are read directly. */
function mlqeWords(tokens: readonly string[]): Word[] {
  const out: Word[] = []
  let broken = true
  tokens.forEach((token, index) => {
    if (!/^[\p{L}\p{M}\d]/u.test(token)) {
      // `'s` and `n't` are words of the text; other punctuation breaks a phrase.
      if (!/^['’]\p{L}/u.test(token)) broken = true
      return
    }

    out.push({form: /^\d/u.test(token) ? '#' : token.toLowerCase(), surface: token, start: index, end: index + 1, breakBefore: broken})
    broken = false
  })
  return out
}

/** UK spelling and its US counterpart, by suffix: the lead generator for spelling pairs (both must occur in the training MT). */
const spellingRules: Array<[RegExp, string]> = [
  [/(?<=\p{L}{3})our(s|ed|ing|ite|ites|able|ably|ful|hood|hoods)?$/u, 'or$1'],
  [/is(e|es|ed|ing|ation|ations|er|ers)$/u, 'iz$1'],
  [/ys(e|es|ed|ing)$/u, 'yz$1'],
  [/(?<=[bcdfgklmnpstv])re(s|d)?$/u, 'er$1'],
  [/(?<=\p{L}{3}[aeu])ll(ed|ing|er|ers)$/u, 'l$1'],
  [/ence(s)?$/u, 'ense$1'],
  [/ogue(s)?$/u, 'og$1'],
  [/(?<=\p{L})ae(?=\p{L}{2})/u, 'e'],
  [/(?<=\p{L})oe(?=\p{L}{2})/u, 'e']
]

interface VariantLead {
  forms: [string, string]
  /** Named in the hand-lead file, not found by a generator. */
  hand: boolean
  /** MT documents (system + document) holding both forms. */
  mixed: number
  /** In those documents, occurrences of the rarer form on a span of any category. */
  minority: number
  minorityMarked: number
  /** Training MT documents with each form. */
  documents: [number, number]
  clean: number
  cleanEach: [number, number]
  /** MLQE-PE post-edits that replaced one form by the other, and MLQE-PE MT sentences with each form. */
  postEdited: number
  sentences: [number, number]
  example?: string
}

/** Capitalised names (1-2 words) folded to one key: case, diacritics, hyphens, spaces and apostrophes dropped (`Xi'an`/`Xian`, `Hong Kong`/`Hongkong`). */
function nameKey(surface: string): string {
  return surface.normalize('NFD').replace(/\p{M}/gu, '').replace(/[\s'’-]/gu, '').toLowerCase()
}

function main(): void {
  const args = process.argv.slice(2)
  const option = (name: string, fallback: string): string => (args.includes(name) ? args[args.indexOf(name) + 1]! : fallback)
  const out = path.resolve(projectRoot(), option('--out', 'reports/mining-phrases.md'))
  const minSupport = Number(option('--min-support', '6'))
  const top = Number(option('--top', '120'))
  const training = sharedDataFile('mqm-zhen-nt2020.jsonl')
  const clean = loadCleanDocuments()
  if (!training || !clean) {
    process.stderr.write('mine-phrases: ../shared/data is missing (mqm-zhen-nt2020.jsonl, clean-english.dev.jsonl)\n')
    process.exitCode = 2
    return
  }

  const hand = handLeads(path.join(projectRoot(), option('--leads', 'measure/phrase-leads.txt')))
  for (const phrase of hand.phrases) if (!phrase.includes(' ')) singleLeads.add(phrase)
  const rows = readJsonl<MqmRow>(training)
  const segments = mergeRaters(rows.filter((row) => !row.is_human_translation)).filter((segment) => segment.scored !== false)
  const references = [...new Map(rows.filter((row) => row.is_human_translation).map((row) => [`${row.system}/${row.doc}/${row.seg_id}`, row.target])).values()]
  const sentences = mlqeTrainSentences()
  const leads = new Map<string, Lead>()
  let mtWords = 0
  let markedWords = 0

  for (const segment of segments) {
    const spans = segment.spans.filter((span) => markedCategory.test(span.category) && span.end - span.start <= longestSpan)
    const list = words(segment.target)
    mtWords += list.length
    markedWords += list.filter((word) => overlapsAny(word, spans)).length
    phrases(list, (key, first, last) => {
      const entry = lead(leads, key)
      entry.occurrences++
      entry.mtOccurrences++
      const range = {start: list[first]!.start, end: list[last]!.end}
      if (!overlapsAny(range, spans)) return
      entry.marked++
      entry.mtMarked++
      entry.mtDocuments.add(segment.doc)
      const source = segment.doc
      if (!entry.sources.has(source) && entry.examples.length < 3) entry.examples.push(`${around(segment.target, range.start, range.end)} (nt2020 ${segment.system})`)
      entry.sources.add(source)
    })
  }

  let badWords = 0
  for (const sentence of sentences) {
    // Over half the words BAD: a hallucinated or unrelated output (the post-edit is another sentence), no evidence about one phrase.
    if (sentence.tags.filter((tag) => tag === 'BAD').length > sentence.tags.length / 2) continue
    const list = mlqeWords(sentence.tokens)
    mtWords += list.length
    badWords += list.filter((word) => sentence.tags[word.start] === 'BAD').length
    let kept: number[] | undefined
    phrases(list, (key, first, last) => {
      const entry = lead(leads, key)
      entry.occurrences++
      entry.badOccurrences++
      const from = list[first]!.start
      const to = list[last]!.end
      if (!sentence.tags.slice(from, to).includes('BAD')) return
      entry.marked++
      entry.badMarked++
      kept ??= align(sentence.tokens, sentence.postEdit)
      const written = replacement(sentence, kept, from, to - 1)
      if (written === key) entry.kept++
      else entry.replacements.set(written, (entry.replacements.get(written) ?? 0) + 1)
      if (!entry.sources.has(sentence.id) && entry.examples.length < 3) {
        entry.examples.push(`${sentence.tokens.slice(Math.max(0, from - 7), from).join(' ')} [[${sentence.tokens.slice(from, to).join(' ')}]] ${sentence.tokens.slice(to, to + 5).join(' ')} -> ${written} (${sentence.lp})`)
      }
      entry.sources.add(sentence.id)
    })
  }

  for (const text of references) phrases(words(text), (key) => { const entry = leads.get(key); if (entry) entry.reference++ })
  let cleanWords = 0
  for (const document of clean) {
    const list = words(document.text)
    cleanWords += list.length
    phrases(list, (key, first, last) => {
      const entry = leads.get(key)
      if (!entry) return
      entry.clean++
      entry.cleanExample ??= around(document.text, list[first]!.start, list[last]!.end)
    })
  }

  const base = (markedWords + badWords) / mtWords
  const ranked = [...leads.entries()]
    .filter(([key, entry]) => key.includes(' ') && entry.sources.size >= minSupport && entry.marked / entry.occurrences >= Math.min(0.6, 2 * base))
    .map(([key, entry]) => ({key, ...entry, share: entry.marked / entry.occurrences}))
    .sort((a, b) => b.share * Math.log(b.sources.size) - a.share * Math.log(a.sources.size))
  // A phrase inside a longer lead with most of its marked occurrences is that lead: show the longer one only.
  const shown = ranked.filter((row) => !ranked.some((other) => other.key !== row.key && ` ${other.key} `.includes(` ${row.key} `) && other.marked >= 0.8 * row.marked))

  const variants = mineVariants(segments, sentences, clean.map((document) => document.text), hand.pairs)
  const escape = (value: string): string => value.replaceAll('|', '\\|').replaceAll('`', "'")
  const usual = (entry: Lead): string => {
    const best = [...entry.replacements.entries()].sort((a, b) => b[1] - a[1])[0]
    const changed = entry.badMarked - entry.kept
    return best ? `${escape(best[0] || '(deleted)')} (${best[1]}/${entry.badMarked}; changed ${changed})` : '–'
  }

  const lines = [
    '# Mining run: phrases and spellings for the calque and term tables',
    '',
    `Generated by \`node dist/measure/mine-phrases.js\` (measure/mine-phrases.ts). Leads for review, not entries: reports/mining-review.md says which became table entries.`,
    '',
    `- Training MT: newstest2020 zh-en MQM, ${segments.length} system-segments whose spans matched exactly (marked = Style/Awkward or Fluency/* spans up to ${longestSpan} characters, pooled over raters), and the MLQE-PE train split ro/et/ru-en, ${sentences.length} sentences (marked = a BAD-tagged word; sentences with over half their words BAD are left out: hallucinated outputs whose post-edit is another sentence); ${mtWords} words, ${(100 * base).toFixed(1)}% of them marked.`,
    `- Reference: the ${references.length} human translations of newstest2020 (how often translators write the phrase).`,
    `- Clean English: ${clean.length} documents of clean-english.dev.jsonl, ${cleanWords} words. A lead with a clean hit cannot become an entry.`,
    `- Shown: support (distinct sources with a marked occurrence: an nt2020 document, an MLQE-PE sentence) >= ${minSupport}, marked share >= ${(100 * Math.min(0.6, 2 * base)).toFixed(0)}%, a phrase only when no longer lead holds 80% of its marked occurrences; the top ${top} by share x log(support).`,
    '',
    '## Phrases (calque leads)',
    '',
    'marked / all: occurrences on a marked span (nt2020 + MLQE-PE) of all in the training MT. Post-edit: the most frequent replacement of a marked MLQE-PE occurrence, with how many of them, and how many the post-editor changed at all.',
    '',
    '| phrase | support | marked / all | share | nt2020 / BAD | reference | clean | post-edit | examples | clean example |',
    '|---|---|---|---|---|---|---|---|---|---|'
  ]
  for (const row of shown.slice(0, top)) {
    lines.push(
      `| \`${escape(row.key)}\` | ${row.sources.size} | ${row.marked} / ${row.occurrences} | ${(100 * row.share).toFixed(0)}% | ${row.mtMarked} / ${row.badMarked} | ${row.reference} | ${row.clean} | ${usual(row)} | ${row.examples.map(escape).join('<br>')} | ${escape(row.cleanExample ?? '')} |`
    )
  }

  const table = (title: string, note: string, rows: Array<[string, Lead]>): void => {
    lines.push('', title, '', note, '', '| phrase | support | marked / all | share | nt2020 / BAD | reference | clean | post-edit | examples | clean example |', '|---|---|---|---|---|---|---|---|---|---|')
    for (const [key, row] of rows) {
      lines.push(
        `| \`${escape(key)}\` | ${row.sources.size} | ${row.marked} / ${row.occurrences} | ${row.occurrences ? ((100 * row.marked) / row.occurrences).toFixed(0) : 0}% | ${row.mtMarked} / ${row.badMarked} | ${row.reference} | ${row.clean} | ${usual(row)} | ${row.examples.map(escape).join('<br>')} | ${escape(row.cleanExample ?? '')} |`
      )
    }
  }

  const multiWord = [...leads.entries()].filter(([key]) => key.includes(' '))
  table(
    '## nt2020: marked phrases the human translators do not write',
    `Phrases of the zh-en MT in at least 3 documents with a marked occurrence, marked in at least 40% of their MT occurrences, written by the human references (${references.length} translations of the same sources) at most once per ten MT occurrences, no clean hit: the Chinese-English translationese leads. Ranked by marked occurrences.`,
    multiWord
      .filter(([, row]) => row.mtDocuments.size >= 3 && row.mtMarked >= 0.4 * row.mtOccurrences && row.reference * 10 <= row.mtOccurrences && row.clean === 0)
      .sort((a, b) => b[1].mtMarked - a[1].mtMarked)
      .filter(([key, row], index, all) => !all.some(([other, each]) => other !== key && ` ${other} `.includes(` ${key} `) && each.mtMarked >= 0.8 * row.mtMarked))
      .slice(0, 80)
  )
  const consistent = (row: Lead): number => Math.max(0, ...[...row.replacements].filter(([text]) => text !== '').map(([, count]) => count))
  table(
    '## MLQE-PE: phrases the post-editors replaced consistently',
    'Phrases with at least 4 BAD-tagged occurrences whose most frequent post-edit replacement (not a deletion) accounts for at least 3 of them and 30% of all, no clean hit: the leads with an `expected` from the post-editors. Ranked by that count.',
    multiWord
      .filter(([, row]) => row.badMarked >= 4 && consistent(row) >= 3 && consistent(row) >= 0.3 * row.badMarked && row.clean === 0)
      .sort((a, b) => consistent(b[1]) - consistent(a[1]))
      .filter(([key, row], index, all) => !all.some(([other, each]) => other !== key && ` ${other} `.includes(` ${key} `) && consistent(each) >= 0.8 * consistent(row)))
      .slice(0, 80)
  )

  lines.push(
    '',
    '## Hand leads (phrases)',
    '',
    'Phrases named in measure/phrase-leads.txt (translationese known from the literature and from reading the marked spans), measured the same way, whatever their support.',
    '',
    '| phrase | support | marked / all | share | nt2020 / BAD | reference | clean | post-edit | examples | clean example |',
    '|---|---|---|---|---|---|---|---|---|---|'
  )
  for (const key of hand.phrases) {
    const row = leads.get(key)
    if (!row) {
      lines.push(`| \`${escape(key)}\` | 0 | 0 / 0 | – | 0 / 0 | – | – | – | | |`)
      continue
    }

    lines.push(
      `| \`${escape(key)}\` | ${row.sources.size} | ${row.marked} / ${row.occurrences} | ${row.occurrences ? (100 * row.marked / row.occurrences).toFixed(0) : 0}% | ${row.mtMarked} / ${row.badMarked} | ${row.reference} | ${row.clean} | ${usual(row)} | ${row.examples.map(escape).join('<br>')} | ${escape(row.cleanExample ?? '')} |`
    )
  }

  lines.push(
    '',
    '## Spellings of one name or term (term-variant leads)',
    '',
    'Pairs from two generators: UK and US spelling by suffix (`-our`/`-or`, `-ise`/`-ize`, `-re`/`-er`, `-lled`/`-led`, `-ence`/`-ense`, `ae`/`oe`), and capitalised names of one or two words that differ only in case, diacritics, hyphens, spaces or apostrophes. Mixed: nt2020 MT documents (system + document) holding both; minority marked: in those, occurrences of the rarer form on a rater span of any category. Post-edited: MLQE-PE post-edits that replaced one form by the other. Clean: clean documents holding both (each form apart in brackets). Pairs named in measure/phrase-leads.txt come first, whatever their counts.',
    '',
    '| forms | mixed documents | minority marked | nt2020 documents with each | MLQE-PE sentences with each | clean (each) | post-edited | example |',
    '|---|---|---|---|---|---|---|---|'
  )
  for (const row of variants) {
    lines.push(
      `| \`${escape(row.forms[0])}\` / \`${escape(row.forms[1])}\` | ${row.mixed} | ${row.minorityMarked}/${row.minority} | ${row.documents[0]} / ${row.documents[1]} | ${row.sentences[0]} / ${row.sentences[1]} | ${row.clean} (${row.cleanEach[0]} / ${row.cleanEach[1]}) | ${row.postEdited} | ${escape(row.example ?? '')} |`
    )
  }

  writeFileSync(out, lines.join('\n') + '\n')
  process.stdout.write(`mine-phrases: ${shown.length} phrase leads (top ${top} shown), ${variants.length} spelling leads in ${displayPath(out)}\n`)
}

function mineVariants(segments: ReturnType<typeof mergeRaters>, sentences: readonly MlqeSentence[], cleanTexts: readonly string[], handPairs: ReadonlyArray<[string, string]>): VariantLead[] {
  // The training MT as documents (system + document), and the vocabulary the generators pair up.
  const documents = new Map<string, Array<{text: string; spans: Range[]}>>()
  for (const segment of segments) {
    const key = `${segment.system}/${segment.doc}`
    if (!documents.has(key)) documents.set(key, [])
    documents.get(key)!.push({text: segment.target, spans: segment.spans})
  }

  const forms = (text: string): string[] => {
    const list = words(text)
    const out = list.map((word) => word.surface)
    for (let index = 0; index + 1 < list.length; index++) {
      if (/^\p{Lu}/u.test(list[index]!.surface) && /^\p{Lu}/u.test(list[index + 1]!.surface) && !list[index + 1]!.breakBefore) out.push(`${list[index]!.surface} ${list[index + 1]!.surface}`)
    }
    return out
  }

  const vocabulary = new Map<string, number>()
  for (const parts of documents.values()) for (const form of new Set(parts.flatMap((part) => forms(part.text)))) vocabulary.set(form, (vocabulary.get(form) ?? 0) + 1)

  const pairs = new Map<string, [string, string]>()
  const byName = new Map<string, string[]>()
  for (const [form, count] of vocabulary) {
    if (count < 2) continue
    if (/^\p{Ll}+$/u.test(form)) {
      for (const [pattern, us] of spellingRules) {
        const other = form.replace(pattern, us)
        if (other !== form && (vocabulary.get(other) ?? 0) >= 2) pairs.set(`${form}|${other}`, [form, other])
      }
    } else if (/^\p{Lu}/u.test(form) && form.length >= 4 && !/['’]s$/u.test(form)) {
      const key = nameKey(form)
      if (!byName.has(key)) byName.set(key, [])
      byName.get(key)!.push(form)
    }
  }

  for (const group of byName.values()) {
    // Forms that differ only in the case of their first letter are one word at a sentence start; all capitals are a headline.
    const distinct = group.filter((form, index) => form !== form.toUpperCase() && group.findIndex((other) => other.slice(1) === form.slice(1) && other[0]!.toLowerCase() === form[0]!.toLowerCase()) === index)
    for (let i = 0; i < distinct.length; i++) for (let j = i + 1; j < distinct.length; j++) pairs.set(`${distinct[i]}|${distinct[j]}`, [distinct[i]!, distinct[j]!])
  }

  for (const pair of handPairs) pairs.set(pair.join('|'), pair)
  const pattern = (form: string): RegExp => new RegExp(`(?<![\\p{L}\\p{M}'’-])${form.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')}(?![\\p{L}\\p{M}-]|['’](?!s\\b))`, /^\p{Ll}/u.test(form) ? 'giu' : 'gu')
  const joined = [...documents.values()].map((parts) => ({parts, text: parts.map((part) => part.text).join('\n')}))
  // MLQE-PE splits `Xi'an` as `Xi 'an`: glue the apostrophe back before looking a form up.
  const glued = (tokens: readonly string[]): string => ` ${tokens.join(' ').toLowerCase().replace(/ (['’]\p{L})/gu, '$1')} `
  const mlqeTexts = sentences.map((sentence) => ({mt: glued(sentence.tokens), pe: glued(sentence.postEdit)}))
  const results: VariantLead[] = []
  for (const [first, second] of pairs.values()) {
    const patterns = [pattern(first), pattern(second)] as const
    const row: VariantLead = {forms: [first, second], hand: handPairs.some(([a, b]) => a === first && b === second), mixed: 0, minority: 0, minorityMarked: 0, documents: [0, 0], clean: 0, cleanEach: [0, 0], postEdited: 0, sentences: [0, 0]}
    for (const {parts, text} of joined) {
      const counts = patterns.map((each) => text.match(each)?.length ?? 0)
      if (counts[0]! > 0) row.documents[0]++
      if (counts[1]! > 0) row.documents[1]++
      if (counts[0] === 0 || counts[1] === 0) continue
      row.mixed++
      const rarer = patterns[counts[0]! <= counts[1]! ? 0 : 1]
      for (const part of parts) {
        for (const match of part.text.matchAll(rarer)) {
          row.minority++
          const range = {start: match.index, end: match.index + match[0].length}
          if (!overlapsAny(range, part.spans)) continue
          row.minorityMarked++
          row.example ??= around(part.text, range.start, range.end)
        }
      }
    }

    for (const text of cleanTexts) {
      const a = patterns[0].test(text)
      patterns[0].lastIndex = 0
      const b = patterns[1].test(text)
      patterns[1].lastIndex = 0
      if (a) row.cleanEach[0]++
      if (b) row.cleanEach[1]++
      if (a && b) row.clean++
    }

    const [a, b] = [` ${first.toLowerCase()} `, ` ${second.toLowerCase()} `]
    for (const {mt, pe} of mlqeTexts) {
      const [inA, inB] = [mt.includes(a), mt.includes(b)]
      if (inA) row.sentences[0]++
      if (inB) row.sentences[1]++
      if ((inA && !pe.includes(a) && pe.includes(b)) || (inB && !pe.includes(b) && pe.includes(a))) row.postEdited++
    }
    if (row.mixed > 0 || row.postEdited > 0 || row.hand) results.push(row)
  }

  return results.sort((x, y) => Number(y.hand) - Number(x.hand) || y.mixed - x.mixed || y.postEdited - x.postEdited || x.forms[0].localeCompare(y.forms[0]))
}

main()
