/**
 * number-mismatch and number-missing on the MLQE-PE pairs (Romanian,
 * Estonian, Russian into English; every split), both sides detokenized as a
 * user would have them. The sources write scale words after digits (5 млрд,
 * 2,5 milioane, 80 miljoni): the table counts findings on the pairs whose
 * source has one apart, and how many findings fall on a word the post-editor
 * changed (BAD-tagged; test21 has no tags).
 *
 *   node dist/measure/number-mlqe.js            the table and the findings on scale-word pairs
 *   node dist/measure/number-mlqe.js --dump F   also every finding, one JSON line each, to diff two builds
 */
import {writeFileSync} from 'node:fs'
import {numbersCheck} from '../src/compare/number-mismatch.js'
import {numberMissingCheck} from '../src/compare/number-missing.js'
import type {PairReport} from '../src/compare/pair-check.js'
import type {Segment} from '../src/compare/segment.js'
import {readJsonl, sharedDataFile} from './lib/datasets.js'
import {detokenize} from './lib/detokenize.js'
import {overlaps} from './lib/ranges.js'

interface Row {
  id: string
  source: string
  target: string
  word_tags?: string[]
}

/** Scale words after a number as the MLQE-PE sources write them (measured: ru 140, ro 110, et 62 occurrences). */
const scaleWord = /\d\s*(?:de\s+)?(?:тыс(?!\p{L})|тысяч|млн(?!\p{L})|млрд(?!\p{L})|миллион|миллиард|трлн(?!\p{L})|триллион|mii(?!\p{L})|milio|miliard|trilio|miljon|miljard|tuhat|tuhande)/iu

const languages = ['ro', 'et', 'ru'] as const

interface Found {
  lp: string
  id: string
  check: string
  actual: string
  message: string
  expected: string[]
  scaled: boolean
  bad: boolean | undefined
  source: string
  target: string
}

function measure(): {rows: string[]; found: Found[]} {
  const found: Found[] = []
  const rows: string[] = []
  for (const lp of languages) {
    const file = sharedDataFile(`mlqe-pe-${lp}-en.jsonl`)
    if (!file) {
      rows.push(`| ${lp}-en | data not found | | | | | |`)
      continue
    }

    const pairs = readJsonl<Row>(file)
    const segments: Segment[] = []
    const badRanges = new Map<string, Array<{start: number; end: number}> | undefined>()
    for (const pair of pairs) {
      const tokens = pair.target.split(' ')
      const {text, ranges} = detokenize(tokens)
      const source = detokenize(pair.source.split(' ')).text
      segments.push({id: pair.id, source, target: text, targetStart: 0})
      const tags = pair.word_tags?.length === tokens.length ? pair.word_tags : undefined
      badRanges.set(pair.id, tags && ranges.filter((_, index) => tags[index] === 'BAD').map(([start, end]) => ({start, end})))
    }

    const byId = new Map(segments.map((segment) => [segment.id, segment]))
    for (const check of [numbersCheck, numberMissingCheck]) {
      check.run({
        segments,
        sourceLang: lp,
        report: (report: PairReport) => {
          const segment = byId.get(report.segment.id)!
          const bad = badRanges.get(segment.id)
          const places = [report, ...(report.related ?? [])]
          found.push({
            lp,
            id: segment.id,
            check: check.meta.id,
            actual: segment.target.slice(report.start, report.end),
            message: report.message,
            expected: report.expected ?? [],
            scaled: scaleWord.test(segment.source),
            bad: bad && places.some((place) => bad.some((range) => overlaps(range, place))),
            source: segment.source,
            target: segment.target
          })
        }
      })
    }

    const scaledPairs = segments.filter((segment) => scaleWord.test(segment.source)).length
    const mine = found.filter((finding) => finding.lp === lp)
    const count = (check: string, scaled?: boolean) => mine.filter((finding) => finding.check === check && (scaled === undefined || finding.scaled === scaled)).length
    const tagged = mine.filter((finding) => finding.check === numbersCheck.meta.id && finding.bad !== undefined)
    rows.push(
      `| ${lp}-en | ${segments.length} | ${scaledPairs} | ${count(numbersCheck.meta.id)} | ${count(numbersCheck.meta.id, true)} | ${count(numberMissingCheck.meta.id)} | ${count(numberMissingCheck.meta.id, true)} | ${tagged.filter((finding) => finding.bad).length}/${tagged.length} |`
    )
  }

  return {rows, found}
}

export function mlqeNumbersSection(): string {
  const {rows, found} = measure()
  const lines = [
    '## number-mismatch on MLQE-PE (ro, et, ru into English)',
    '',
    '`node dist/measure/number-mlqe.js`: every pair of every split, both sides detokenized. A scale-word pair has a scale word after a digit in its source (млн, 2,5 milioane, 80 miljoni).',
    '',
    '| pairs | all | with a scale word | number-mismatch | on scale-word pairs | number-missing | on scale-word pairs | number-mismatch on a BAD-tagged word |',
    '|---|---|---|---|---|---|---|---|',
    ...rows,
    '',
    'number-mismatch and number-missing on scale-word pairs:',
    '',
    '| pair | check | actual | message |',
    '|---|---|---|---|'
  ]
  for (const finding of found.filter((each) => each.scaled)) {
    lines.push(`| ${finding.id} | ${finding.check} | ${finding.check === numbersCheck.meta.id ? finding.actual : '(whole segment)'} | ${finding.message.replaceAll('|', '\\|')} |`)
  }

  return lines.join('\n') + '\n'
}

if (process.argv[1]?.endsWith('number-mlqe.js')) {
  process.stdout.write(mlqeNumbersSection())
  const dump = process.argv.indexOf('--dump')
  if (dump >= 0) {
    const {found} = measure()
    writeFileSync(process.argv[dump + 1]!, found.map(({source: _source, target: _target, ...finding}) => JSON.stringify(finding)).join('\n') + '\n')
  }
}
