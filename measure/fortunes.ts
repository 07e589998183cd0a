/**
 * False alarms on ordinary English: lint every entry of the fortune files
 * (Debian's fortunes packages; entries are split on lines that are just `%`)
 * and any prose files named, one paragraph an entry, and list the findings by
 * rule, minor and above first. Every finding here is taken as a false alarm
 * to judge: fortunes are literary, old or spoken English, not translations.
 * The texts are read at run time and never copied into the repo.
 *
 * Usage: node dist/measure/fortunes.js [--before counts.json] [--save counts.json] [--report file.md] [path ...]
 * A path is a fortune directory (its files without an extension), a fortune
 * file (it holds `%` lines) or a prose file (split on blank lines).
 * Default path: /usr/share/games/fortunes; a path that is absent is skipped.
 * --save writes the counts per rule; --before reads such counts and prints
 * them beside this run's.
 */
import {existsSync, readdirSync, readFileSync, statSync, writeFileSync} from 'node:fs'
import {basename, join} from 'node:path'
import {defaultConfig} from '../src/registry.js'
import {lintText} from '../src/engine/lint.js'
import {severityRank, type Finding} from '../src/engine/types.js'
import {countByRule, optionsOf, ruleCountTable, saveAndReadCounts} from './lib/rule-counts.js'

interface Entry {
  id: string
  text: string
}

/** Files that are pictures or lists, not prose. */
const notProse = new Set(['ascii-art'])

function entriesOf(path: string): Entry[] {
  if (!existsSync(path)) {
    process.stderr.write(`fortunes: ${path} is absent, skipped\n`)
    return []
  }
  if (statSync(path).isDirectory()) {
    return readdirSync(path)
      .filter((name) => !name.includes('.') && !notProse.has(name))
      .sort()
      .flatMap((name) => entriesOf(join(path, name)))
  }
  const text = readFileSync(path, 'utf8')
  const fortune = /^%$/m.test(text)
  const parts = fortune ? text.split(/^%\n/m) : text.split(/\n\s*\n/)
  return parts
    .map((part, index) => ({id: `${basename(path)}#${index + 1}`, text: part.replace(/\s+$/, '') + '\n'}))
    .filter((entry) => /[a-z]/i.test(entry.text))
}

function main(): void {
  const {option, rest: paths} = optionsOf(process.argv.slice(2), ['--before', '--save', '--report'])
  const report = option('--report')
  const entries = (paths.length > 0 ? paths : ['/usr/share/games/fortunes']).flatMap(entriesOf)
  if (entries.length === 0) {
    process.stderr.write('fortunes: no entries (install fortunes-min or fortunes, or name a path)\n')
    return
  }

  const config = defaultConfig()
  const found: {entry: Entry; finding: Finding}[] = []
  let words = 0
  for (const entry of entries) {
    const result = lintText(entry.text, 'fortune.txt', config)
    words += result.words
    for (const finding of result.findings) found.push({entry, finding})
  }

  const counts = countByRule(found.map(({finding}) => finding))
  const previous = saveAndReadCounts(counts, option('--save'), option('--before'))
  const lines: string[] = []
  lines.push(`${entries.length} entries, ${words} words, ${found.length} findings (${found.filter(({finding}) => finding.severity !== 'info').length} minor or above)`, '')
  lines.push(...ruleCountTable(counts, previous))
  process.stdout.write(lines.join('\n') + '\n')
  if (report) writeFileSync(report, lines.join('\n') + '\n')

  found.sort(
    (a, b) =>
      severityRank(b.finding.severity) - severityRank(a.finding.severity) ||
      a.finding.ruleId.localeCompare(b.finding.ruleId)
  )
  let rule = ''
  for (const {entry, finding} of found) {
    const key = `${finding.severity} ${finding.ruleId}`
    if (key !== rule) process.stdout.write(`\n## ${key}\n`)
    rule = key
    const context = entry.text.slice(Math.max(0, finding.start.offset - 60), finding.end.offset + 60).replace(/\s+/g, ' ')
    process.stdout.write(`${entry.id}\t[${finding.actual.replace(/\s+/g, ' ')}]\t…${context}…\n`)
  }
}

main()
