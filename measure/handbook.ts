/**
 * False alarms on professionally edited modern English: lint the English
 * HTML of the Debian Administrator's Handbook (Debian package
 * debian-handbook), every page but the table of contents, as a user would
 * lint a web page, and count the findings by rule; minor and above are the
 * ones to judge. The book is technical prose: code blocks, commands, file
 * names and screen output sit in it, and must not be linted as prose.
 * The pages are read at run time and never copied into the repo.
 *
 * Each minor+ finding is keyed as on the clean set (rule, page, flagged
 * text) and judged by hand in corpus/handbook-verdicts.json: `real: why` (an
 * error the book has) or `false CLASS: why` (a false alarm, CLASS the
 * construction of English or of the page it took for an error).
 *
 * Usage: node dist/measure/handbook.js [--before counts.json] [--save counts.json] [folder]
 *          writes reports/handbook.md (per-rule counts, verdicts by class) and prints the counts
 *        node dist/measure/handbook.js --list [rule ...]
 *          prints every minor+ finding (TSV: verdict, page, rule, key, context, message)
 * Default folder: /usr/share/doc/debian-handbook/html/en-US; when it is
 * absent the run says so in one line and does nothing.
 */
import {existsSync, readdirSync, readFileSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {loadMarkupParsers} from '../src/engine/parse.js'
import {defaultConfig} from '../src/registry.js'
import {evaluateCleanSet, per10k, type CleanFinding} from './lib/clean-set.js'
import {projectRoot, type CleanDocument} from './lib/datasets.js'
import {code, table} from './lib/markdown.js'
import {countByRule, optionsOf, ruleCountTable, saveAndReadCounts} from './lib/rule-counts.js'
import {loadVerdicts, verdictOf, type Verdict} from './lib/verdicts.js'

const defaultFolder = '/usr/share/doc/debian-handbook/html/en-US'

interface Judged extends CleanFinding {
  verdict: Verdict
  falseClass?: string
}

/** The text of an HTML page around a range, tags left out and the common references decoded, on one line. */
function htmlContext(html: string, start: number, end: number, width = 70): string {
  const plain = (text: string): string =>
    text
      .replace(/<[^>]*>/g, '')
      .replace(/^[^<]*>/, '')
      .replace(/<[^>]*$/, '')
      .replace(/&(lt|gt|amp|quot|nbsp|#39);/g, (_, name: string) => ({lt: '<', gt: '>', amp: '&', quot: '"', nbsp: ' ', '#39': "'"})[name]!)
      .replace(/\s+/g, ' ')
  const before = plain(html.slice(Math.max(0, start - 20 * width), start)).slice(-width)
  const after = plain(html.slice(end, end + 20 * width)).slice(0, width)
  return `…${before}⟦${plain(html.slice(start, end))}⟧${after}…`
}

async function main(): Promise<void> {
  const {option, rest} = optionsOf(process.argv.slice(2), ['--before', '--save'])
  const list = process.argv.includes('--list')
  const folder = list ? defaultFolder : (rest[0] ?? defaultFolder)
  if (!existsSync(folder)) {
    process.stderr.write(`handbook: ${folder} is absent (apt-get install debian-handbook), skipped\n`)
    return
  }

  const documents: CleanDocument[] = readdirSync(folder)
    .filter((name) => name.endsWith('.html') && name !== 'index.html')
    .sort()
    .map((name) => {
      const text = readFileSync(join(folder, name), 'utf8')
      return {id: name, text, segments: [{id: name, start: 0, end: text.length}]}
    })
  await loadMarkupParsers()
  const verdicts = loadVerdicts('handbook-verdicts.json')
  const result = evaluateCleanSet(documents, defaultConfig(), verdicts)
  const texts = new Map(documents.map((document) => [document.id, document.text]))
  const findings = result.findings.map((finding): Judged => ({
    ...finding,
    context: htmlContext(texts.get(finding.documentId)!, finding.start, finding.end),
    ...verdictOf(finding.explanation)
  }))

  if (list) {
    const ids = rest
    for (const finding of findings) {
      if (ids.length > 0 && !ids.includes(finding.ruleId)) continue
      process.stdout.write(`${finding.verdict}${finding.falseClass ? ` ${finding.falseClass}` : ''}\t${finding.documentId}\t${finding.ruleId}\t${JSON.stringify(finding.key)}\t${finding.context}\t${finding.message}\n`)
    }
    return
  }

  const counts = countByRule(findings)
  for (const [id, info] of Object.entries(result.infoByRule)) (counts[id] ??= {}).info = info
  const previous = saveAndReadCounts(counts, option('--save'), option('--before'))
  const rate = (count: number): string => per10k(count, result.words).toFixed(2)
  const verdictCounts = (some: readonly Judged[]): string[] => (['real', 'false', 'unjudged'] as const).map((verdict) => String(some.filter((finding) => finding.verdict === verdict).length))
  const falseOnes = findings.filter((finding) => finding.verdict === 'false')
  const summary = `${documents.length} pages, ${result.words} words, ${findings.length} minor+ findings (${rate(findings.length)} per 10k), ${findings.filter((finding) => finding.verdict === 'real').length} judged real, ${falseOnes.length} false (${rate(falseOnes.length)} per 10k), ${findings.filter((finding) => finding.verdict === 'unjudged').length} unjudged`
  process.stdout.write(`handbook: ${summary}\n\n${ruleCountTable(counts, previous).join('\n')}\n`)

  const classes = [...new Set(falseOnes.map((finding) => `${finding.ruleId}\u0000${finding.falseClass}`))]
  const lines = [
    '# False alarms on the Debian Administrator\'s Handbook',
    '',
    "Generated by `node dist/measure/handbook.js` (measure/handbook.ts): the default configuration on the English HTML of the Debian Administrator's Handbook (package debian-handbook), every page but the table of contents, linted as HTML files. Professionally edited modern technical English the rules were never tuned on. Verdicts are hand-written in corpus/handbook-verdicts.json: *real* is an error the book has, *false* a false alarm with its class; `--list` prints every finding with its verdict.",
    '',
    `${summary}.`,
    '',
    '## Per rule',
    '',
    'Findings by severity class; *all* counts info too.',
    '',
    ...ruleCountTable(counts),
    '',
    '## Verdicts (minor and above)',
    '',
    table(
      ['rule', 'findings', 'per 10k', 'real', 'false', 'unjudged'],
      [...new Set(findings.map((finding) => finding.ruleId))]
        .sort((a, b) => findings.filter((finding) => finding.ruleId === b).length - findings.filter((finding) => finding.ruleId === a).length || a.localeCompare(b))
        .map((id) => {
          const some = findings.filter((finding) => finding.ruleId === id)
          return [id, String(some.length), rate(some.length), ...verdictCounts(some)]
        })
    ),
    '',
    '## False-alarm classes',
    '',
    classes.length === 0
      ? 'None.'
      : table(
          ['rule', 'class', 'findings', 'example'],
          classes
            .map((pair) => {
              const [id, falseClass] = pair.split('\u0000') as [string, string]
              const some = falseOnes.filter((finding) => finding.ruleId === id && finding.falseClass === falseClass)
              return [id, falseClass, String(some.length), some[0]!.context]
            })
            .sort((a, b) => Number(b[2]) - Number(a[2]) || a[0]!.localeCompare(b[0]!) || a[1]!.localeCompare(b[1]!))
        ),
    '',
    '## Real errors found',
    '',
    table(
      ['rule', 'page', 'context', 'verdict'],
      findings.filter((finding) => finding.verdict === 'real').map((finding) => [finding.ruleId, finding.documentId, finding.context, finding.explanation!])
    ),
    ''
  ]
  const present = new Set(findings.map((finding) => finding.key))
  const stale = Object.keys(verdicts).filter((key) => !present.has(key))
  if (stale.length > 0) lines.push('## Verdicts whose finding no longer occurs', '', `${stale.length} (fixed since they were judged, or the book changed):`, '', ...stale.map((key) => `- ${code(key)}: ${verdicts[key]}`), '')
  if (folder === defaultFolder) writeFileSync(join(projectRoot(), 'reports/handbook.md'), lines.join('\n'))
}

await main()
