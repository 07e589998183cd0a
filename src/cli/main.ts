/** The `mtlint` command line. Returns the exit code instead of exiting, so tests can call it in-process. */
import {parseArgs, type ParseArgsConfig} from 'node:util'
import {allRules} from '../../rules/index.js'
import {isSeverity, type Severity} from '../engine/types.js'
import {formatGithub, githubFormat} from '../reporters/github.js'
import {formatJson, jsonFormat} from '../reporters/json.js'
import {formatPretty, prettyFormat} from '../reporters/pretty.js'
import {formatSarif, sarifFormat} from '../reporters/sarif.js'
import type {StreamingFormat} from '../reporters/stream.js'
import {formatVerdict, verdictFormat} from '../reporters/verdict.js'
import {version} from '../version.js'
import {CompareUsageError, runCompare} from './compare-command.js'
import {fixFiles} from './fix-files.js'
import {expandOperands} from './inputs.js'
import {lintInputs, printInputs, type LintRun, type LintRunOptions} from './lint-files.js'
import {progressReporter} from './progress.js'
import {writeHtmlReports} from './html-report.js'
import {writeReports} from './report-command.js'
import {usage} from './usage.js'

export const exitCodes = {pass: 0, fail: 1, error: 2} as const

const options = {
  format: {type: 'string'},
  config: {type: 'string'},
  'fail-on': {type: 'string'},
  'min-score': {type: 'string'},
  'max-bytes': {type: 'string'},
  'stdin-filename': {type: 'string'},
  out: {type: 'string'},
  html: {type: 'boolean'},
  fix: {type: 'boolean'},
  'fix-dry-run': {type: 'boolean'},
  gate: {type: 'boolean'},
  source: {type: 'string'},
  target: {type: 'string'},
  'source-lang': {type: 'string'},
  original: {type: 'string'},
  help: {type: 'boolean', short: 'h'},
  version: {type: 'boolean', short: 'v'}
} satisfies ParseArgsConfig['options']

class UsageError extends Error {}

/** Options every command takes; the others belong to one command each. */
const sharedOptions = ['format', 'config', 'fail-on', 'min-score', 'max-bytes', 'stdin-filename', 'help', 'version']
const commandOptions: Record<string, string[]> = {
  lint: ['fix', 'fix-dry-run', 'gate'],
  gate: ['fix', 'fix-dry-run'],
  report: ['out', 'html'],
  compare: ['source', 'target', 'source-lang', 'original'],
  rules: []
}

/** `lint --html` or `report --source` would be ignored silently: say so instead. */
function checkOptionsFor(command: string, given: Record<string, unknown>): void {
  const allowed = commandOptions[command]
  if (!allowed) return
  for (const [name, value] of Object.entries(given)) {
    if (value === undefined || sharedOptions.includes(name) || allowed.includes(name)) continue
    const owners = Object.keys(commandOptions).filter((other) => commandOptions[other]!.includes(name))
    throw new UsageError(`--${name}: not an option of \`${command}\`, expected it with ${owners.map((owner) => '`' + owner + '`').join(' or ')}`)
  }
}

export async function main(argv: readonly string[]): Promise<number> {
  try {
    return await run(argv)
  } catch (error) {
    if (error instanceof UsageError || error instanceof CompareUsageError || (error as {code?: string}).code?.startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`mtlint: ${(error as Error).message}\n`)
      return exitCodes.error
    }

    throw error
  }
}

async function run(argv: readonly string[]): Promise<number> {
  // The language server owns stdin/stdout until the client sends `exit`, which
  // ends the process (0 after `shutdown`); editors may append `--stdio`.
  if (argv[0] === 'lsp') {
    // Loaded here only: the protocol library adds some 70 ms to the start-up of every other command.
    const {startServer} = await import('../lsp/server.js')
    return new Promise<number>(() => startServer())
  }

  const {values, positionals} = parseArgs({args: [...argv], options, allowPositionals: true, strict: true})
  const [command, ...operands] = positionals
  if (values.version) {
    process.stdout.write(version + '\n')
    return exitCodes.pass
  }

  if (values.help || command === undefined || command === 'help') {
    process.stdout.write(usage)
    return command === undefined && !values.help ? exitCodes.error : exitCodes.pass
  }

  checkOptionsFor(command, values)
  switch (command) {
    case 'lint':
      return lintCommand(operands, values, values.gate ?? false)
    case 'gate':
      return lintCommand(operands, values, true)
    case 'report':
      return reportCommand(operands, values)
    case 'rules':
      return rulesCommand(values.format)
    case 'compare':
      return compareCommand(operands, values)
    default:
      throw new UsageError(`unknown command \`${command}\`, expected lint, gate, compare, report, rules or lsp (see mtlint --help)`)
  }
}

type Values = ReturnType<typeof parseArgs<{options: typeof options}>>['values']

function runOptions(values: Values): LintRunOptions {
  const failOn = values['fail-on']
  if (failOn !== undefined && failOn !== 'off' && !isSeverity(failOn)) {
    throw new UsageError(`--fail-on: got \`${failOn}\`, expected info, minor, major, critical or off`)
  }

  const minScore = numberOption(values['min-score'], '--min-score', 0, 100)
  const maxBytes = numberOption(values['max-bytes'], '--max-bytes', 1, Number.MAX_SAFE_INTEGER)
  return {
    configPath: values.config,
    maxBytes,
    stdinPath: values['stdin-filename'],
    policy: {failOn: failOn as Severity | 'off' | undefined, minScore}
  }
}

function numberOption(raw: string | undefined, name: string, min: number, max: number): number | undefined {
  if (raw === undefined) return undefined
  const value = Number(raw)
  if (raw.trim() === '' || !Number.isFinite(value) || value < min || value > max) {
    throw new UsageError(`${name}: got \`${raw}\`, expected a number from ${min} to ${max}`)
  }

  return value
}

async function gatherInputs(operands: string[]) {
  // No operand and a pipe on stdin: lint stdin, as `mtlint lint -` would.
  if (operands.length === 0) {
    if (process.stdin.isTTY) throw new UsageError('no input, expected files, folders, globs or - for stdin')
    operands = ['-']
  }

  return expandOperands(operands)
}

const formatters = {
  pretty: (run: LintRun) => formatPretty(run),
  verdict: (run: LintRun) => formatVerdict(run),
  json: formatJson,
  sarif: formatSarif,
  github: formatGithub
} as const
type Format = keyof typeof formatters
/** The same formats, written file by file as the batch goes. */
const streamingFormats: Record<Format, () => StreamingFormat> = {
  pretty: () => prettyFormat(),
  verdict: () => verdictFormat(),
  json: jsonFormat,
  sarif: sarifFormat,
  github: () => githubFormat
}

/** `lint` and `gate` (= `lint --gate`): the same run; the gate prints the verdict screen by default. */
async function lintCommand(operands: string[], values: Values, gate: boolean): Promise<number> {
  const fallback: Format = process.stdout.isTTY ? (gate ? 'verdict' : 'pretty') : gate ? 'verdict' : 'json'
  const requested = values.format === 'pretty' && gate ? 'verdict' : values.format
  const format = (requested ?? fallback) as Format
  if (!Object.hasOwn(formatters, format) || format === 'verdict' && !gate) {
    throw new UsageError(`--format: got \`${values.format}\`, expected pretty, json, sarif or github`)
  }

  if (values.fix && values['fix-dry-run']) throw new UsageError('--fix and --fix-dry-run: expected one of them, not both')
  const lintOptions = {...runOptions(values), progress: progressReporter(process.stderr)}
  const expanded = await gatherInputs(operands)
  if (!values.fix && !values['fix-dry-run']) {
    const printed = await printInputs(expanded.inputs, lintOptions, streamingFormats[format](), process.stdout, expanded.errors)
    for (const error of printed.errors) process.stderr.write(`mtlint: ${error}\n`)
    return printed.errors.length > 0 ? exitCodes.error : printed.passed ? exitCodes.pass : exitCodes.fail
  }

  // --fix needs every text: the whole run is kept.
  const linted = await lintInputs(expanded.inputs, lintOptions)
  linted.errors.unshift(...expanded.errors)
  const fixed = await fixFiles(linted, {dryRun: values['fix-dry-run'] ?? false})
  const run = fixed.run
  // The diff goes to stdout only when it is the output the user asked for.
  process.stderr.write(fixed.summary)
  if (values['fix-dry-run']) process.stdout.write(fixed.diff)

  for (const error of run.errors) process.stderr.write(`mtlint: ${error}\n`)
  if (!values['fix-dry-run']) process.stdout.write(formatters[format](run))
  return exitCodeOf(run)
}

/** `compare`: source-aware checks (src/cli/compare-command.ts), printed like `lint`. */
async function compareCommand(operands: string[], values: Values): Promise<number> {
  const format = (values.format ?? (process.stdout.isTTY ? 'pretty' : 'json')) as Format
  if (!Object.hasOwn(formatters, format) || format === 'verdict') {
    throw new UsageError(`--format: got \`${values.format}\`, expected pretty, json, sarif or github`)
  }

  const {configPath, maxBytes, policy} = runOptions(values)
  const run = await runCompare({
    operands,
    source: values.source,
    target: values.target,
    sourceLang: values['source-lang'],
    original: values.original,
    configPath,
    maxBytes,
    policy
  })
  for (const error of run.errors) process.stderr.write(`mtlint: ${error}\n`)
  process.stdout.write(formatters[format](run))
  return exitCodeOf(run)
}

async function reportCommand(operands: string[], values: Values): Promise<number> {
  const lintOptions = runOptions(values)
  const expanded = await gatherInputs(operands)
  const run = await lintInputs(expanded.inputs, lintOptions)
  run.errors.unshift(...expanded.errors)
  const out = values.out ?? 'reports'
  const written = await writeReports(run, out)
  if (values.html) written.push(...(await writeHtmlReports(run, out)))
  for (const error of run.errors) process.stderr.write(`mtlint: ${error}\n`)
  for (const path of written) process.stdout.write(`wrote ${path}\n`)
  return exitCodeOf(run)
}

function rulesCommand(format: string | undefined): number {
  const rows = allRules.map(({meta}) => ({id: meta.id, category: meta.category, severity: meta.severity, description: meta.description}))
  if (format === 'json') {
    process.stdout.write(JSON.stringify(rows, null, 2) + '\n')
  } else {
    const width = Math.max(...rows.map((row) => row.id.length))
    for (const row of rows) process.stdout.write(`${row.id.padEnd(width)}  ${row.category.padEnd(12)}  ${row.severity.padEnd(8)}  ${row.description}\n`)
  }

  return exitCodes.pass
}

function exitCodeOf(run: {errors: string[]; files: Array<{verdict: {passed: boolean}}>}): number {
  if (run.errors.length > 0) return exitCodes.error
  return run.files.every((file) => file.verdict.passed) ? exitCodes.pass : exitCodes.fail
}
