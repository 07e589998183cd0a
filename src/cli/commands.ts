/**
 * The commands behind src/cli/main.ts, loaded only when one of them runs (so
 * `--version` and `--help` never load the engine).
 */
import {createWriteStream, fstatSync, realpathSync, statSync, writeFileSync} from 'node:fs'
import {once} from 'node:events'
import {dirname, join, resolve} from 'node:path'
import {ConfigFinder} from '../engine/config.js'
import {isSeverity, severityRank, type Severity} from '../engine/types.js'
import {discardWhenClosed} from './closed-output.js'
import {expandOperands, ignoreFileName, type Input} from './inputs.js'
import type {LintedFile, LintRun} from '../engine/run.js'
import {lintInputs, printInputs, type JobChecker, type LintRunOptions} from './lint-files.js'
import {exitCodes, oneLine, say, UsageError, type CommandModule, type Values} from './options.js'
import {progressReporter} from './progress.js'
import {formats} from './usage.js'
import type {StreamingFormat} from '../reporters/stream.js'

type Format = (typeof formats)[number] | 'verdict'

/** Each format as a streaming reporter (src/reporters/stream.ts), loaded only when used. */
async function streamingFormat(format: Format): Promise<StreamingFormat> {
  switch (format) {
    case 'pretty':
      return (await import('../reporters/pretty.js')).prettyFormat()
    case 'verdict':
      return (await import('../reporters/verdict.js')).verdictFormat()
    case 'json':
      return (await import('../reporters/json.js')).jsonFormat()
    case 'sarif':
      return (await import('../reporters/sarif.js')).sarifFormat((await import('../registry.js')).checks)
    case 'github':
      return (await import('../reporters/github.js')).githubFormat
  }
}

async function formatRun(format: Format, run: LintRun): Promise<string> {
  const {formatAll} = await import('../reporters/stream.js')
  return formatAll(await streamingFormat(format), run)
}

function formatOf(values: Values, gate: boolean, toTerminal: boolean): Format {
  const requested = values.format
  if (requested !== undefined && !(formats as readonly string[]).includes(requested)) {
    throw new UsageError(`--format: got \`${requested}\`, expected ${formats.slice(0, -1).join(', ')} or ${formats.at(-1)}`)
  }

  const format = (requested ?? (toTerminal ? 'pretty' : gate ? 'verdict' : 'json')) as Format
  return gate && format === 'pretty' ? 'verdict' : format
}

function runOptions(values: Values): LintRunOptions {
  const failOn = values['fail-on']
  if (failOn !== undefined && failOn !== 'off' && !isSeverity(failOn)) {
    throw new UsageError(`--fail-on: got \`${failOn}\`, expected info, minor, major, critical or off`)
  }

  const minScore = numberOption(values['min-score'], '--min-score', 0, 100, false)
  const maxBytes = numberOption(values['max-bytes'], '--max-bytes', 1, Number.MAX_SAFE_INTEGER, true)
  return {
    configPath: values.config,
    maxBytes,
    stdinPath: values['stdin-filename'],
    policy: {failOn: failOn as Severity | 'off' | undefined, minScore}
  }
}

function numberOption(raw: string | undefined, name: string, min: number, max: number, integer: boolean): number | undefined {
  if (raw === undefined) return undefined
  const value = Number(raw)
  if (raw.trim() === '' || !Number.isFinite(value) || value < min || value > max || (integer && !Number.isInteger(value))) {
    throw new UsageError(`${name}: got \`${raw}\`, expected ${integer ? 'a whole number' : 'a number'} from ${min} to ${max}`)
  }

  return value
}

async function gatherInputs(operands: string[], values: Values) {
  // No operand and a pipe on stdin: lint stdin, as `mtlint lint -` would.
  if (operands.length === 0) {
    if (process.stdin.isTTY) throw new UsageError('no input, expected files, folders, globs or - for stdin (see mtlint --help)')
    operands = ['-']
  }

  const expanded = await expandOperands(operands, {ignore: !values['no-ignore'], configPath: values.config})
  for (const warning of expanded.warnings) say(`warning: ${warning}`)
  if (values.config !== undefined && expanded.inputs.some((input) => input.kind === 'stdin') && isStdin(values.config)) {
    throw new UsageError(`--config: got \`${values.config}\`, which is stdin, and - reads the text from stdin too; expected the configuration or the text in a file`)
  }

  return expanded
}

/** Whether `path` is the file stdin reads (`/dev/stdin`, `/dev/fd/0`, `/proc/self/fd/0`, or the file redirected to it). */
function isStdin(path: string): boolean {
  try {
    const stdin = fstatSync(0)
    const named = statSync(path)
    return stdin.dev === named.dev && stdin.ino === named.ino
  } catch {
    return false
  }
}

/** -o FILE, checked before anything is linted: never one of the inputs, under any of its names (a hard link has no other real path). */
function outputFile(values: Values, inputs: readonly Input[]): string | undefined {
  const file = values['output-file']
  if (file === undefined) return undefined
  const target = realOrResolved(file)
  const inode = inodeOf(file)
  const same = (path: string) => realOrResolved(path) === target || (inode !== undefined && inodeOf(path) === inode)
  const linted = inputs.flatMap((input) => (input.kind === 'file' ? [input.path] : []))
  if (values['print-config'] !== undefined) linted.push(values['print-config'])
  // `cat a.txt | mtlint lint --stdin-filename a.txt - -o a.txt`: the text's own file, which cat may still be reading.
  if (values['stdin-filename'] !== undefined && inputs.some((input) => input.kind === 'stdin')) linted.push(values['stdin-filename'])
  if (linted.some(same)) throw new UsageError(`--output-file: got \`${file}\`, an input; expected a file that is not linted`)
  if (configurationsRead(values, linted).some(same)) {
    throw new UsageError(`--output-file: got \`${file}\`, a configuration file of this run; expected a file that is not read`)
  }

  if (ignoreFilesRead(values, linted).some(same)) {
    throw new UsageError(`--output-file: got \`${file}\`, the ${ignoreFileName} of this run; expected a file that is not read`)
  }

  return file
}

/** The configuration files a run reads: --config, else the nearest one above each input (stdin: above --stdin-filename or the working directory). */
function configurationsRead(values: Values, linted: readonly string[]): string[] {
  if (values.config !== undefined) return [values.config]
  const folders = new Set([...linted.map((path) => dirname(resolve(path))), dirname(resolve(values['stdin-filename'] ?? 'stdin'))])
  return [...folders].flatMap((folder) => ConfigFinder.locate(folder) ?? [])
}

/**
 * The ignore files a run reads (or would, without --no-ignore: a report
 * written there would still ignore files in every later run): the
 * .mtlintignore beside each configuration file that applies, or in the
 * working directory for inputs that have none.
 */
function ignoreFilesRead(values: Values, linted: readonly string[]): string[] {
  const folders = values.config !== undefined ? [values.config] : [...linted, values['stdin-filename'] ?? 'stdin'].map((path) => ConfigFinder.locate(dirname(resolve(path))) ?? join(process.cwd(), 'none'))
  return [...new Set(folders.map((path) => join(dirname(resolve(path)), ignoreFileName)))]
}

/** Print (or write to -o FILE) a whole report. */
function output(text: string, values: Values, inputs: readonly Input[] = []): void {
  const file = outputFile(values, inputs)
  if (file === undefined) {
    process.stdout.write(text)
    return
  }

  try {
    writeFileSync(file, text)
  } catch (error) {
    throw new UsageError(`--output-file: cannot write \`${file}\` (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`)
  }
}

/** The stream a streamed report goes to, and how to finish it. */
async function openOutput(file: string | undefined): Promise<{out: NodeJS.WritableStream; close(): Promise<void>}> {
  if (file === undefined) return {out: process.stdout, close: async () => {}}
  const out = createWriteStream(file)
  try {
    await once(out, 'open')
  } catch (error) {
    throw new UsageError(`--output-file: cannot write \`${file}\` (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`)
  }

  // After 'open': its handler throws every error but EPIPE, so attached before, a folder
  // or a missing one (ENOENT, EISDIR) crashed before the rejected once() could say so.
  discardWhenClosed(out)
  return {out, close: async () => void (await new Promise((done) => out.end(done)))}
}

/** Device and inode of an existing file: the same for every name of one file. */
function inodeOf(path: string): string | undefined {
  try {
    const stats = statSync(path)
    return `${stats.dev}:${stats.ino}`
  } catch {
    return undefined
  }
}

function realOrResolved(path: string): string {
  try {
    return realpathSync(path)
  } catch {
    return resolve(path)
  }
}

/** --quiet: only what fails a file is shown; scores and verdicts still count every finding. */
function quietFile(file: LintedFile): LintedFile {
  const failOn = file.policy.failOn
  const findings = failOn === 'off' ? [] : file.result.findings.filter((finding) => severityRank(finding.severity) >= severityRank(failOn))
  return {...file, result: {...file.result, findings}}
}

function quieted(run: LintRun, values: Values): LintRun {
  return values.quiet ? {...run, files: run.files.map(quietFile)} : run
}

/** Findings that do not fail a file by themselves (below --fail-on, info excluded): ESLint's warnings. */
function warningsOf(file: LintedFile): number {
  const failOn = file.policy.failOn
  let count = 0
  for (const finding of file.result.findings) {
    if (finding.severity !== 'info' && (failOn === 'off' || severityRank(finding.severity) < severityRank(failOn))) count++
  }

  return count
}

/** The exit code from what was linted: errors 2; --no-exit 0; failing files or --max-warnings exceeded 1. */
function exitCode(errors: number, passed: boolean, warnings: number, values: Values): number {
  if (errors > 0) return exitCodes.error
  if (values['no-exit']) return exitCodes.pass
  const maxWarnings = maxWarningsOf(values)
  if (maxWarnings !== undefined && warnings > maxWarnings) {
    say(`${warnings} finding${warnings === 1 ? '' : 's'} below --fail-on, more than --max-warnings ${maxWarnings}`)
    return exitCodes.fail
  }

  return passed ? exitCodes.pass : exitCodes.fail
}

function maxWarningsOf(values: Values): number | undefined {
  return numberOption(values['max-warnings'], '--max-warnings', 0, Number.MAX_SAFE_INTEGER, true)
}

function exitCodeOf(run: LintRun, values: Values): number {
  const warnings = run.files.reduce((sum, file) => sum + warningsOf(file), 0)
  return exitCode(run.errors.length, run.files.every((file) => file.verdict.passed), warnings, values)
}

/** `lint` and `gate` (= `lint --gate`): the same run; the gate prints the verdict screen by default. */
async function lintCommand(operands: string[], values: Values, gate: boolean): Promise<number> {
  if (values['print-config'] !== undefined) return printConfig(values['print-config'], values)
  if (values.ndjson) return ndjsonCommand(operands, values)
  const format = formatOf(values, gate, values['output-file'] === undefined && process.stdout.isTTY === true)
  if (values.fix && values['fix-dry-run']) throw new UsageError('--fix and --fix-dry-run: expected one of them, not both')
  const options = {...runOptions(values), progress: progressReporter(process.stderr)}
  maxWarningsOf(values)
  const expanded = await gatherInputs(operands, values)
  // Checked before anything is linted.
  outputFile(values, expanded.inputs)
  if (!values.fix && !values['fix-dry-run']) return streamReport(expanded.inputs, options, format, values, expanded.errors)

  // --fix needs every text: the whole run is kept.
  const linted = await lintInputs(expanded.inputs, options)
  linted.errors.unshift(...expanded.errors)
  const {fixFiles} = await import('./fix-files.js')
  // Files linted in worker threads left the markup parsers unloaded here; --fix lints again.
  const parse = await import('../engine/parse.js')
  if (linted.files.some((file) => parse.formatOf(file.result.path) !== 'text')) await parse.loadMarkupParsers()
  const fixed = await fixFiles(linted, {dryRun: values['fix-dry-run'] ?? false})
  const run = fixed.run
  // A dry run's output is the diff (stdout or -o FILE), a fix's the report; the summary goes to stderr.
  process.stderr.write(fixed.summary)
  if (values['fix-dry-run']) output(fixed.diff, values, expanded.inputs)
  for (const error of run.errors) say(error)
  if (!values['fix-dry-run']) output(await formatRun(format, quieted(run, values)), values, expanded.inputs)
  return exitCodeOf(run, values)
}

/** Results stream to the reporter as files finish (src/reporters/stream.ts): `lint`, `gate` and `compare`. */
async function streamReport<I extends Input>(
  inputs: readonly I[],
  options: LintRunOptions,
  format: Format,
  values: Values,
  errors: string[],
  checker?: JobChecker
): Promise<number> {
  const file = outputFile(values, inputs)
  const reporter = await streamingFormat(format)
  let warnings = 0
  const shown: StreamingFormat = {
    file(linted) {
      warnings += warningsOf(linted as LintedFile)
      return reporter.file(values.quiet ? quietFile(linted as LintedFile) : linted)
    },
    end: (errors) => reporter.end(errors)
  }
  const destination = await openOutput(file)
  const printed = await printInputs(inputs, options, shown, destination.out, errors, checker)
  await destination.close()
  for (const error of printed.errors) say(error)
  return exitCode(printed.errors.length, printed.passed, warnings, values)
}

/** `lint --ndjson` (src/cli/ndjson.ts): 0 once every line has its answer, whatever the answers say. */
async function ndjsonCommand(operands: string[], values: Values): Promise<number> {
  const clash = (['format', 'fix', 'fix-dry-run', 'gate', 'quiet', 'max-warnings', 'no-exit'] as const).find((name) => values[name] !== undefined)
  if (operands.length > 0 || clash !== undefined) {
    const what = clash === undefined ? `operand \`${operands[0]}\`` : `--${clash}`
    throw new UsageError(`--ndjson: unexpected ${what}, expected the inputs as JSON lines on stdin (see README "Streaming")`)
  }

  const {lintNdjson} = await import('./ndjson.js')
  const destination = await openOutput(outputFile(values, []))
  await lintNdjson(process.stdin, destination.out, runOptions(values))
  await destination.close()
  return exitCodes.pass
}

/** `--print-config FILE`: the resolved configuration, in the shape of a configuration file. */
async function printConfig(file: string, values: Values): Promise<number> {
  const {ConfigError, toConfigFile} = await import('../engine/config.js')
  const {linter} = await import('../registry.js')
  try {
    const config = linter.configFinder(values.config).forFile(resolve(file))
    output(JSON.stringify(toConfigFile(config), null, 2) + '\n', values)
    return exitCodes.pass
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error
    say(`invalid configuration: ${error.message}`)
    return exitCodes.error
  }
}

/** `compare`: source-aware checks (src/cli/compare-command.ts), run and printed like `lint`. */
async function compareCommand(operands: string[], values: Values): Promise<number> {
  const format = formatOf(values, false, values['output-file'] === undefined && process.stdout.isTTY === true)
  const options = {...runOptions(values), progress: progressReporter(process.stderr), sourceLang: values['source-lang']}
  maxWarningsOf(values)
  // The compare readers (saxes, segmenters) load only for `compare`.
  const compare = await import('./compare-command.js')
  const request = {operands, source: values.source, target: values.target, original: values.original, ...options}
  if (values.original !== undefined) {
    const run = await compare.runCompareOriginal(request)
    for (const error of run.errors) say(error)
    const inputs = [values.original, ...operands].map((path) => ({kind: 'file' as const, path}))
    output(await formatRun(format, quieted(run, values)), values, inputs)
    return exitCodeOf(run, values)
  }

  const expanded = await compare.compareJobs(request, {ignore: !values['no-ignore'], configPath: values.config})
  for (const warning of expanded.warnings) say(`warning: ${warning}`)
  const sources = expanded.jobs.flatMap((job) => (job.source === undefined ? [] : [{kind: 'file' as const, path: job.source}]))
  outputFile(values, [...expanded.jobs, ...sources])
  return streamReport(expanded.jobs, options, format, values, expanded.errors, compare.compareChecker)
}

async function reportCommand(operands: string[], values: Values): Promise<number> {
  const options = runOptions(values)
  const expanded = await gatherInputs(operands, values)
  const run = await lintInputs(expanded.inputs, options)
  run.errors.unshift(...expanded.errors)
  const out = values.out ?? 'reports'
  const {writeReports} = await import('./report-command.js')
  const written = await writeReports(run, out)
  if (values.html) {
    const {writeHtmlReports} = await import('./html-report.js')
    written.push(...(await writeHtmlReports(run, out)))
  }

  for (const error of run.errors) say(error)
  for (const path of written) process.stdout.write(`wrote ${oneLine(path)}\n`)
  return exitCodeOf(run, values)
}

async function rulesCommand(values: Values): Promise<number> {
  const format = values.format ?? 'pretty'
  if (format !== 'json' && format !== 'pretty') throw new UsageError(`--format: got \`${format}\`, expected pretty or json for \`rules\``)
  const {checks} = await import('../registry.js')
  // Every check of every kind: text rules (lint), pair checks (compare) and original checks (compare --original).
  const rows = checks.map((meta) => ({id: meta.id, kind: meta.kind, category: meta.category, severity: meta.severity, dimension: meta.dimension, description: meta.description, url: meta.url}))
  if (format === 'json') {
    output(JSON.stringify(rows, null, 2) + '\n', values)
  } else {
    const width = Math.max(...rows.map((row) => row.id.length))
    output(rows.map((row) => `${row.id.padEnd(width)}  ${row.kind.padEnd(8)}  ${row.category.padEnd(12)}  ${row.severity.padEnd(8)}  ${row.description}\n`).join(''), values)
  }

  return exitCodes.pass
}

export const lint: CommandModule = {run: (operands, values) => lintCommand(operands, values, values.gate ?? false)}
export const gate: CommandModule = {run: (operands, values) => lintCommand(operands, values, true)}
export const report: CommandModule = {run: reportCommand}
export const rules: CommandModule = {run: (_operands, values) => rulesCommand(values)}
export const compare: CommandModule = {
  async run(operands, values) {
    try {
      return await compareCommand(operands, values)
    } catch (error) {
      if (error instanceof (await import('./compare-command.js')).CompareUsageError) throw new UsageError(error.message)
      throw error
    }
  }
}
