/**
 * Mining run for new rules (issue "Reach"): which token, part-of-speech and
 * character shapes are over-represented inside rater-marked fluency spans of
 * real machine translation, and how often each occurs in clean English.
 *
 * Usage: node dist/measure/mine-patterns.js [--bad] [--out reports/mining.md] [--min-support 15]
 *
 * `--bad` mines the MLQE-PE train split (ro, et, ru into English) instead:
 * the spans are the runs of words tagged BAD against the human post-edit,
 * on the detokenized text (written to reports/mining-bad.md).
 *
 * Training data only (newstest2020 zh-en MQM spans, the MLQE-PE train split's
 * BAD tags); the WMT23 dev set and the clean dev set are the checks the
 * candidates must then pass. A candidate is a lead for review, never a rule:
 * each needs real examples, a rule or table entry, and a clean-set check.
 *
 * Open-class words stand as their tag, closed-class words as themselves.
 * Tokens come from a plain regular-expression tokenizer and the Brill tagger
 * (`pos`), not from the engine: the run must not change when the engine does.
 */
import {createReadStream, existsSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {createInterface} from 'node:readline'
import {fileURLToPath} from 'node:url'
import {createRequire} from 'node:module'
import {detokenize} from './lib/detokenize.js'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const data = path.resolve(root, '../shared/data')

interface Tok {
  /** Feature spelling of the token: lower-cased word, `#` for a number, punctuation as is. */
  form: string
  start: number
  end: number
  /** White space stood right before it. */
  spaced: boolean
  tag: string
}

interface Stats {
  occ: number
  hit: number
  /** Distinct source segments with a hit: ten systems translating one sentence alike are one piece of evidence. */
  sources: Set<string>
  clean: number
  examples: string[]
}

const tokenPattern = /[\p{L}\p{M}]+(?:['’][\p{L}]+)*|\d+(?:[.,]\d+)*|[^\s\p{L}\p{M}\d]/gu
// `pos` ships no types; only its Brill tagger is used.
const {Tagger} = createRequire(import.meta.url)('pos') as {Tagger: new () => {tag(words: string[]): Array<[string, string]>}}
const tagger = new Tagger()

function tokenize(text: string): Tok[] {
  const tokens: Tok[] = []
  for (const match of text.matchAll(tokenPattern)) {
    const start = match.index
    const value = match[0]
    const form = /^\d/.test(value) ? '#' : value.toLowerCase()
    tokens.push({form, start, end: start + value.length, spaced: start > 0 && /\s/.test(text[start - 1]!), tag: ''})
  }

  const tags = tagger.tag(tokens.map((token) => text.slice(token.start, token.end)))
  tags.forEach(([, tag], index) => {
    tokens[index]!.tag = /^[\p{L}]/u.test(tokens[index]!.form) ? tag : tokens[index]!.form === '#' ? 'CD' : 'P'
  })
  return tokens
}

/** Character shapes a tokenizer hides: spacing around punctuation, script mixing, number layout. */
const shapes: Array<[string, RegExp]> = [
  ['no space after sentence mark (a.B)', /[a-z][.!?][A-Z][a-z]/g],
  ['no space after comma (a,b)', /[a-z],[a-zA-Z]/g],
  ['space before , . ; : ! ?', / [,.;:!?](?=\s|$)/g],
  ['space before %', /\d %/g],
  ['spaced opening bracket "( x"', /\( \S/g],
  ['spaced closing bracket "x )"', /\S \)/g],
  ['spaced straight quotes " x "', /(?:^|\s)" [^"]{1,60} "(?=\s|[,.;:]|$)/g],
  ['split contraction (is n\'t)', / n['’]t\b/g],
  ['split possessive (x \'s)', /\w ['’]s\b/g],
  ['full-width CJK punctuation', /[，。：；（）！？、“”]/g],
  ['CJK script in English', /[\u3400-\u9fff]+/g],
  ['spaced thousands (20, 000)', /\d, \d{3}\b/g],
  ['space inside number (1 000)', /\d \d{3}\b/g],
  ['double space', / {2,}/g],
  ['unmatched closing bracket', /^[^(]*\)/g],
  ['doubled comma or full stop', /[,.]{2}(?!\.)/g],
  ['hyphen as dash without spaces (x-Chinanews)', /[a-z]-[A-Z][a-z]+\.com/g],
  ['capitalised word double (We we)', /\b([A-Z][a-z]+) \1\b/gi]
]

function bump(map: Map<string, Stats>, key: string, source: string, hit: boolean, example: () => string): void {
  let stats = map.get(key)
  if (!stats) map.set(key, (stats = {occ: 0, hit: 0, sources: new Set(), clean: 0, examples: []}))
  stats.occ++
  if (hit) {
    stats.hit++
    if (!stats.sources.has(source) && stats.examples.length < 4) stats.examples.push(example())
    stats.sources.add(source)
  }
}

function overlaps(start: number, end: number, spans: ReadonlyArray<[number, number]>): boolean {
  return spans.some(([a, b]) => start < b && end > a)
}

function context(text: string, start: number, end: number): string {
  return (text.slice(Math.max(0, start - 35), start) + '[[' + text.slice(start, end) + ']]' + text.slice(end, end + 35)).replace(/\s+/g, ' ')
}

/** Closed-class tags keep their word (the, of, his, will); open-class words become their tag, so a lead generalises past one sentence. */
const closedClass = new Set(['DT', 'IN', 'PRP', 'PRP$', 'CC', 'MD', 'TO', 'WDT', 'WP', 'WP$', 'WRB', 'EX', 'PDT', 'RP', 'POS'])

/** Features of one text: abstracted token n-grams (2-4, punctuation marked when spaced), shapes. */
function features(text: string, visit: (key: string, start: number, end: number) => void): number {
  const tokens = tokenize(text)
  const form = (token: Tok): string =>
    token.tag === 'P' ? (token.spaced ? '_' : '') + token.form : closedClass.has(token.tag) || /^(is|are|was|were|be|been|has|have|had|do|does|did|not)$/.test(token.form) ? token.form : token.tag
  const forms = tokens.map(form)
  for (let index = 0; index < tokens.length; index++) {
    for (let n = 2; n <= 4 && index + n <= tokens.length; n++) {
      visit('tok:' + forms.slice(index, index + n).join(' '), tokens[index]!.start, tokens[index + n - 1]!.end)
    }
  }

  for (const [name, pattern] of shapes) {
    for (const match of text.matchAll(pattern)) visit('shape:' + name, match.index, match.index + Math.max(1, match[0].length))
  }

  return tokens.filter((token) => token.tag !== 'P').length
}

async function* jsonLines(file: string): AsyncGenerator<Record<string, unknown>> {
  const lines = createInterface({input: createReadStream(file), crlfDelay: Infinity})
  for await (const line of lines) if (line.trim()) yield JSON.parse(line) as Record<string, unknown>
}

interface MqmError {
  start: number
  end: number
  category: string
}

const fluency = /^fluency\/(punctuation|grammar|spelling)/i

type Segments = Map<string, {source: string; target: string; spans: Array<[number, number]>}>

/** The MLQE-PE train split: one segment per sentence, its BAD words as spans. */
async function badTagSegments(files: readonly string[]): Promise<Segments> {
  const segments: Segments = new Map()
  for (const file of files) {
    for await (const row of jsonLines(file)) {
      if (row.split !== 'train') continue
      const tokens = (row.target as string).split(' ')
      const tags = row.word_tags as string[]
      if (tags.length !== tokens.length) continue
      const {text, ranges} = detokenize(tokens)
      const spans = ranges.filter((_, index) => tags[index] === 'BAD')
      segments.set(row.id as string, {source: row.id as string, target: text, spans})
    }
  }

  return segments
}

async function main(): Promise<void> {
  const args = process.argv.slice(2)
  const bad = args.includes('--bad')
  const out = args.includes('--out') ? args[args.indexOf('--out') + 1]! : path.join(root, bad ? 'reports/mining-bad.md' : 'reports/mining.md')
  const minSupport = args.includes('--min-support') ? Number(args[args.indexOf('--min-support') + 1]) : 10
  const trainingFiles = bad ? ['ro', 'et', 'ru'].map((lp) => path.join(data, `mlqe-pe-${lp}-en.jsonl`)) : [path.join(data, 'mqm-zhen-nt2020.jsonl')]
  const clean = path.join(data, 'clean-english.dev.jsonl')
  const missing = [...trainingFiles, clean].filter((file) => !existsSync(file))
  if (missing.length > 0) {
    process.stderr.write(`mine-patterns: ../shared/data is missing (${missing.map((file) => path.basename(file)).join(', ')})\n`)
    process.exitCode = 2
    return
  }

  // One target per system-segment; the spans of its three raters are pooled.
  const segments: Segments = bad ? await badTagSegments(trainingFiles) : new Map()
  for await (const row of bad ? [] : jsonLines(trainingFiles[0]!)) {
    if (row.all_offsets_exact !== true) continue
    const key = `${row.doc as string}/${row.seg_id as string}/${row.system as string}`
    let segment = segments.get(key)
    if (!segment) segments.set(key, (segment = {source: `${row.doc as string}/${row.seg_id as string}`, target: row.target as string, spans: []}))
    for (const error of row.errors as MqmError[]) if (fluency.test(error.category)) segment.spans.push([error.start, error.end])
  }

  const stats = new Map<string, Stats>()
  let mtWords = 0
  let tokensInSpan = 0
  let tokensAll = 0
  for (const {source, target, spans} of segments.values()) {
    mtWords += features(target, (key, start, end) => bump(stats, key, source, overlaps(start, end, spans), () => context(target, start, end)))
    for (const match of target.matchAll(tokenPattern)) {
      tokensAll++
      if (overlaps(match.index, match.index + match[0].length, spans)) tokensInSpan++
    }
  }

  // Clean English, documents rebuilt (group by dataset and doc, order by seg_id).
  const documents = new Map<string, Array<[number, string]>>()
  for await (const row of jsonLines(clean)) {
    const key = `${row.dataset as string}/${row.doc as string}`
    if (!documents.has(key)) documents.set(key, [])
    documents.get(key)!.push([Number(row.seg_id), row.text as string])
  }

  let cleanWords = 0
  const cleanExamples = new Map<string, string>()
  for (const items of documents.values()) {
    const text = items.sort((a, b) => a[0] - b[0]).map(([, item]) => item).join(' ')
    cleanWords += features(text, (key, start, end) => {
      const entry = stats.get(key)
      if (!entry) return
      entry.clean++
      if (!cleanExamples.has(key)) cleanExamples.set(key, context(text, start, end))
    })
  }

  const base = tokensInSpan / tokensAll
  const rows = [...stats.entries()]
    .filter(([, entry]) => entry.sources.size >= minSupport)
    .map(([key, entry]) => ({key, ...entry, precision: entry.hit / entry.occ, cleanPer10k: (entry.clean * 10_000) / cleanWords}))
    .filter((row) => row.precision >= Math.min(0.5, 2 * base) && row.cleanPer10k <= 2)
    .sort((a, b) => b.precision * Math.log(b.sources.size) - a.precision * Math.log(a.sources.size))

  const escape = (value: string): string => value.replaceAll('|', '\\|').replaceAll('`', "'")
  const lines = [
    bad ? '# Mining run: shapes over-represented in BAD-tagged words (MLQE-PE)' : '# Mining run: shapes over-represented in rater-marked fluency spans',
    '',
    `Generated by \`node dist/measure/mine-patterns.js${bad ? ' --bad' : ''}\` (measure/mine-patterns.ts). Leads for review, not rules.`,
    '',
    bad
      ? `- Training: MLQE-PE train split, ro-en, et-en and ru-en, ${segments.size} sentences detokenized, ${mtWords} words; spans = words tagged BAD against the human post-edit (every kind of edit, not only fluency).`
      : `- Training: newstest2020 zh-en MQM, ${segments.size} system-segments with exact offsets, ${mtWords} words; fluency spans = punctuation, grammar, spelling, pooled over raters.`,
    `- Base rate: ${(100 * base).toFixed(1)}% of tokens fall inside a ${bad ? 'BAD' : 'fluency'} span (a feature is a lead when its share is well above that).`,
    `- Clean English: ${documents.size} rebuilt documents of clean-english.dev.jsonl, ${cleanWords} words.`,
    `- Shown: support (distinct source segments with an occurrence inside a span) >= ${minSupport}, in-span share >= ${(100 * Math.min(0.5, 2 * base)).toFixed(0)}%, at most 2 per 10,000 clean words.`,
    '',
    '| feature | source segments | in span / all | share | clean per 10k | examples (MT) | clean example |',
    '|---|---|---|---|---|---|---|'
  ]
  for (const row of rows.slice(0, 400)) {
    lines.push(`| \`${escape(row.key)}\` | ${row.sources.size} | ${row.hit} / ${row.occ} | ${(100 * row.precision).toFixed(0)}% | ${row.cleanPer10k.toFixed(2)} | ${row.examples.slice(0, 2).map(escape).join('<br>')} | ${escape(cleanExamples.get(row.key) ?? '')} |`)
  }

  writeFileSync(out, lines.join('\n') + '\n')
  process.stdout.write(`mine-patterns: ${rows.length} leads, top 400 in ${path.relative(root, out)}\n`)
}

await main()
