/**
 * A candidate shape before it becomes a rule: each regular expression's
 * matches on the MQM dev set (WMT23), the training set (nt2020, segments
 * with exact offsets), the MLQE-PE BAD tags and the clean dev set, with how
 * many fall on a rater-marked span (on a fluency span) and a few examples of
 * each; then the English people wrote or corrected, where a match is a false
 * reading unless the text is wrong: the human reference translations of both
 * MQM files and the MLQE-PE post-edits (every split, detokenized). The review
 * of the mining run (reports/mining-review.md) quotes it.
 *
 * With --tagged, each regular expression runs on the text as the rules'
 * part-of-speech view reads it, one `word/TAG` per word and a space between
 * ('the/DT two/CD establishment/NN'), and a match stands for the words it
 * touches: '\bCD/CD \S+/NN\b' for a number word before a singular noun.
 *
 * Usage: node dist/measure/probe-pattern.js [--examples 3] [--tagged] 'regex' ...   (flags gu)
 */
import {loadCleanDocuments, readJsonl, sharedDataFile} from './lib/datasets.js'
import {detokenize} from './lib/detokenize.js'
import {badSegments} from './lib/mlqe.js'
import {mergeRaters, type MqmRow, type MqmSegment} from './lib/mqm.js'
import {overlaps} from './lib/ranges.js'
import {parseEnglishText} from '../src/engine/parse-text.js'
import {sentencesOf, tagsOf} from '../src/engine/pos.js'

type Range = {start: number; end: number}

/** Where `pattern` matches `text`: on the text itself, or (tagged) on its `word/TAG` reading, as the range of the words a match touches. */
function matchesOf(text: string, pattern: RegExp, tagged: boolean): Range[] {
  if (!tagged) return [...text.matchAll(pattern)].map((match) => ({start: match.index, end: match.index + match[0].length}))
  const ranges: Range[] = []
  for (const sentence of sentencesOf(parseEnglishText(text), text)) {
    const words = tagsOf(sentence, text)
    // Where each word's `word/TAG` starts in the reading.
    const starts: number[] = []
    let reading = ''
    for (const word of words) {
      starts.push(reading.length + (reading === '' ? 0 : 1))
      reading += (reading === '' ? '' : ' ') + `${word.value}/${word.tag}`
    }

    for (const match of reading.matchAll(pattern)) {
      const last = match.index + Math.max(match[0].length, 1) - 1
      const first = starts.findLastIndex((start) => start <= match.index)
      const final = starts.findLastIndex((start) => start <= last)
      if (first >= 0) ranges.push({start: words[first]!.start, end: words[final]!.end})
    }
  }

  return ranges
}

function around(text: string, start: number, end: number): string {
  return `${text.slice(Math.max(0, start - 50), start)}[[${text.slice(start, end)}]]${text.slice(end, end + 30)}`.replace(/\s+/gu, ' ')
}

function probe(name: string, segments: readonly MqmSegment[], pattern: RegExp, examples: number, tagged: boolean): string[] {
  let total = 0
  let marked = 0
  let fluency = 0
  const shown: {marked: string[]; unmarked: string[]} = {marked: [], unmarked: []}
  for (const segment of segments) {
    if (segment.scored === false) continue
    for (const range of matchesOf(segment.target, pattern, tagged)) {
      const categories = segment.spans.filter((span) => overlaps(range, span)).map((span) => span.category.toLowerCase())
      total++
      if (categories.length > 0) marked++
      if (categories.some((category) => category.startsWith('fluency/'))) fluency++
      const list = categories.length > 0 ? shown.marked : shown.unmarked
      if (list.length < examples) list.push(`${around(segment.target, range.start, range.end)}  ${[...new Set(categories)].join(', ')}`)
    }
  }

  return [`${name}: ${marked}/${total} on a marked span, ${fluency} on a fluency span`, ...shown.marked.map((line) => `  M ${line}`), ...shown.unmarked.map((line) => `  U ${line}`)]
}

/** Hits of a pattern in texts people wrote or corrected, with a few examples. */
function probeHuman(name: string, texts: readonly string[], pattern: RegExp, examples: number, tagged: boolean): string[] {
  const hits = texts.flatMap((text) => matchesOf(text, pattern, tagged).map((range) => around(text, range.start, range.end)))
  return [`${name}: ${hits.length}`, ...hits.slice(0, examples).map((line) => `  H ${line}`)]
}

/** The MLQE-PE post-edits of every split, detokenized as the MT is. */
function postEdits(): string[] {
  const texts: string[] = []
  for (const lp of ['ro', 'et', 'ru']) {
    const file = sharedDataFile(`mlqe-pe-${lp}-en.jsonl`)
    if (!file) continue
    for (const row of readJsonl<{post_edit?: string | null}>(file)) if (row.post_edit) texts.push(detokenize(row.post_edit.split(' ')).text)
  }

  return texts
}

function main(): void {
  const args = process.argv.slice(2)
  const examples = args.includes('--examples') ? Number(args[args.indexOf('--examples') + 1]) : 3
  const tagged = args.includes('--tagged')
  const patterns = args.filter((arg, index) => !arg.startsWith('--') && args[index - 1] !== '--examples')
  const dev = sharedDataFile('mqm-zhen-wmt23-news.jsonl')
  const training = sharedDataFile('mqm-zhen-nt2020.jsonl')
  const clean = loadCleanDocuments()
  if (patterns.length === 0 || !dev || !training || !clean) {
    process.stderr.write(patterns.length === 0 ? 'probe-pattern: give at least one regular expression\n' : 'probe-pattern: ../shared/data is missing\n')
    process.exitCode = 2
    return
  }

  // Machine translation only: the human references are measured apart in eval.
  const mt = (rows: MqmRow[]) => mergeRaters(rows.filter((row) => !row.is_human_translation))
  const sets: Array<[string, MqmSegment[]]> = [
    ['dev', mt(readJsonl<MqmRow>(dev))],
    ['train', mt(readJsonl<MqmRow>(training))],
    ['bad', badSegments()]
  ]
  const references = [dev, training].flatMap((file) => readJsonl<MqmRow>(file).filter((row) => row.is_human_translation).map((row) => row.target))
  const human: Array<[string, string[]]> = [
    ['references', [...new Set(references)]],
    ['post-edits', postEdits()]
  ]
  for (const source of patterns) {
    const pattern = new RegExp(source, 'gu')
    const lines = [`== /${source}/`]
    for (const [name, segments] of sets) lines.push(...probe(name, segments, pattern, examples, tagged))
    const cleanHits = clean.flatMap((document) => matchesOf(document.text, pattern, tagged).map((range) => around(document.text, range.start, range.end)))
    lines.push(`clean: ${cleanHits.length}`, ...cleanHits.slice(0, examples).map((line) => `  C ${line}`))
    for (const [name, texts] of human) lines.push(...probeHuman(name, texts, pattern, examples, tagged))
    process.stdout.write(lines.join('\n') + '\n')
  }
}

main()
