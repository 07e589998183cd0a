/**
 * The `mtlint` command line. Returns the exit code instead of exiting, so tests can call it in-process.
 *
 * This module stays small on purpose: `--version` and `--help` load nothing
 * but node:util, and each command loads its own modules on demand.
 */
import {parseArgs} from 'node:util'
import {commandHelp, generalHelp, type CommandSpec, type OptionSpec} from './usage.js'

export const exitCodes = {pass: 0, fail: 1, error: 2} as const

/**
 * Every option, once. `commands` says which commands take it ('all' = every
 * command); help, per-command help and the "not an option of" check are all
 * derived from this table, so a new flag is one row here.
 */
export const optionTable = {
  format: {type: 'string', value: 'FORMAT', commands: ['lint', 'gate', 'compare', 'rules'], help: 'Output: pretty, json, sarif or github (default: pretty on a terminal, json otherwise)'},
  config: {type: 'string', value: 'FILE', commands: 'all', help: 'Use this configuration instead of the nearest .mtlintrc.json'},
  'fail-on': {type: 'string', value: 'SEVERITY', commands: ['lint', 'gate', 'report', 'compare'], help: 'Lowest severity that fails a file: info, minor, major, critical or off (default major)'},
  'min-score': {type: 'string', value: 'N', commands: ['lint', 'gate', 'report', 'compare'], help: 'Lowest passing score, 0-100 (default 0)'},
  'max-warnings': {type: 'string', value: 'N', commands: ['lint', 'gate', 'compare'], help: 'Fail when more than N findings below --fail-on (info excluded) are found'},
  'max-bytes': {type: 'string', value: 'N', commands: ['lint', 'gate', 'report', 'compare'], help: 'Refuse inputs larger than N bytes (default 10 MiB)'},
  'stdin-filename': {type: 'string', value: 'NAME', commands: ['lint', 'gate', 'report'], help: 'Name, format and config lookup path for text read from stdin'},
  quiet: {type: 'boolean', commands: ['lint', 'gate', 'compare'], help: 'Report only findings at or above --fail-on (scores still count every finding)'},
  'output-file': {type: 'string', short: 'o', value: 'FILE', commands: ['lint', 'gate', 'compare', 'rules'], help: 'Write the report to FILE instead of stdout'},
  'no-exit': {type: 'boolean', commands: ['lint', 'gate', 'compare'], help: 'Exit 0 even when a file fails the policy (errors still exit 2)'},
  'no-ignore': {type: 'boolean', commands: ['lint', 'gate', 'report'], help: 'Do not skip files matched by .mtlintignore'},
  'print-config': {type: 'string', value: 'FILE', commands: ['lint'], help: 'Print the configuration that applies to FILE as JSON, and lint nothing'},
  fix: {type: 'boolean', commands: ['lint', 'gate'], help: 'Apply safe fixes in place (atomic write, permissions kept)'},
  'fix-dry-run': {type: 'boolean', commands: ['lint', 'gate'], help: 'Print the safe fixes as a diff and change nothing'},
  gate: {type: 'boolean', commands: ['lint'], help: 'Print the verdict screen, as `mtlint gate` does'},
  ndjson: {type: 'boolean', commands: ['lint'], help: 'Read {"id","text"} or {"id","path"} JSON lines on stdin, write one result line each, in order (README "Streaming")'},
  out: {type: 'string', value: 'DIR', commands: ['report'], help: 'Folder for the reports (default reports/)'},
  html: {type: 'boolean', commands: ['report'], help: 'Also write an HTML page per file and index.html'},
  source: {type: 'string', value: 'FILE', commands: ['compare'], help: 'The source text, aligned with --target by line or paragraph'},
  target: {type: 'string', value: 'FILE', commands: ['compare'], help: 'The translation of --source'},
  'source-lang': {type: 'string', value: 'LANG', commands: ['compare'], help: "The source language (default: the file's, or guessed from its script)"},
  original: {type: 'string', value: 'FILE', commands: ['compare'], help: 'Compare a derived English article against this original'},
  debug: {type: 'boolean', commands: 'all', help: 'Print the full stack trace of an internal error'},
  help: {type: 'boolean', short: 'h', commands: 'all', help: 'Show help (for a command: mtlint help COMMAND)'},
  version: {type: 'boolean', short: 'v', commands: 'all', help: 'Show the version'}
} as const satisfies Record<string, OptionSpec>

export type OptionName = keyof typeof optionTable
export type Values = {[Name in OptionName]?: (typeof optionTable)[Name]['type'] extends 'boolean' ? boolean : string}

/** What a command module exports: `run(operands, values)` resolving to the exit code. */
export interface CommandModule {
  run(operands: string[], values: Values, command: string): Promise<number>
}

/** Every command, in help order; `load` imports only what the command needs. */
export const commandTable: Record<string, CommandSpec & {load?: () => Promise<CommandModule>}> = {
  lint: {
    usage: ['lint [paths|globs|-]'],
    summary: 'Lint files, folders (.txt, .md), globs or stdin (-)',
    load: () => import('./commands.js').then((module) => module.lint)
  },
  gate: {
    usage: ['gate [paths|globs|-]'],
    summary: 'The pre-publish verdict: PASS or FAIL per file (lint --gate)',
    load: () => import('./commands.js').then((module) => module.gate)
  },
  report: {
    usage: ['report [paths] --out DIR [--html]'],
    summary: 'Write per-file JSON reports and a Markdown summary (and HTML pages) to DIR',
    load: () => import('./commands.js').then((module) => module.report)
  },
  compare: {
    usage: ['compare --source SRC --target TGT', 'compare FILE', 'compare --original ORIG DERIVED'],
    summary:
      'Check a translation against its source (two files aligned by line or paragraph; a .tsv, .jsonl, .xlf/.xliff or .tmx file), or a derived English article against its original',
    load: () => import('./commands.js').then((module) => module.compare)
  },
  rules: {
    usage: ['rules'],
    summary: 'List the rules with their category and default severity',
    load: () => import('./commands.js').then((module) => module.rules)
  },
  lsp: {
    usage: ['lsp [--stdio]'],
    summary: 'Start the language server on stdio (docs/editors.md)'
  },
  worker: {
    usage: ['worker [--redis URL] [--queue NAME]'],
    summary: 'Lint documents from a BullMQ queue in Redis, results to a Redis stream (mtlint worker --help, docs/scale.md)'
  },
  enqueue: {
    usage: ['enqueue [paths|globs|-] [--redis URL] [--queue NAME]'],
    summary: 'Put files, or NDJSON {"id","text"} lines from stdin, on that queue'
  },
  help: {
    usage: ['help [COMMAND]'],
    summary: 'Show help, for one command when named'
  }
}

export class UsageError extends Error {}

export async function main(argv: readonly string[]): Promise<number> {
  try {
    return await run(argv)
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`mtlint: ${(error as Error).message}\n`)
      return exitCodes.error
    }

    return internalError(error, argv.includes('--debug'))
  }
}

/**
 * A surprise (a bug of ours, an exhausted resource) is one line and exit 2;
 * `--debug` prints the stack trace instead.
 */
export function internalError(error: unknown, debug: boolean): number {
  // A reader that stopped early (`mtlint lint ... | head`) is not a crash: stop quietly, as the uncaught path does.
  if (isClosedPipe(error)) return Number(process.exitCode ?? exitCodes.pass)
  process.stderr.write(crashLine(error, debug))
  return exitCodes.error
}

function isClosedPipe(error: unknown): boolean {
  return (error as NodeJS.ErrnoException)?.code === 'EPIPE'
}

export function crashLine(error: unknown, debug: boolean): string {
  if (debug) return `mtlint: internal error: ${(error as Error)?.stack ?? String(error)}\n`
  const message = (error as Error)?.message ?? String(error)
  const firstLine = message.split('\n', 1)[0]!.slice(0, 300)
  return `mtlint: internal error: ${firstLine} (--debug prints the stack trace; please report it)\n`
}

/** For bin/mtlint.js: run, and turn anything that escapes (an uncaught exception in a callback) into one line. */
export async function cli(argv: readonly string[]): Promise<void> {
  const debug = argv.includes('--debug')
  const crash = (error: unknown) => {
    if (isClosedPipe(error)) process.exit(process.exitCode ?? exitCodes.pass)
    process.stderr.write(crashLine(error, debug))
    process.exit(exitCodes.error)
  }

  process.on('uncaughtException', crash)
  process.on('unhandledRejection', crash)
  process.exitCode = await main(argv)
}

async function run(argv: readonly string[]): Promise<number> {
  // The language server owns stdin/stdout until the client sends `exit`, which
  // ends the process (0 after `shutdown`); editors may append `--stdio`.
  if (argv[0] === 'lsp' && !argv.includes('--help') && !argv.includes('-h')) {
    // Loaded here only: the protocol library adds some 70 ms to the start-up of every other command.
    const {startServer} = await import('../lsp/server.js')
    return new Promise<number>(() => startServer())
  }

  // Queue commands parse their own options and load BullMQ only when asked for (src/worker/); so does their help.
  const queue = (name: string | undefined) => name === 'worker' || name === 'enqueue'
  if (queue(argv[0])) return (await import('../worker/main.js')).queueMain(argv)
  if (argv[0] === 'help' && queue(argv[1])) return (await import('../worker/main.js')).queueMain([argv[1]!, '--help'])

  checkOptionNames(argv)
  const {values, positionals} = parseOptions(argv)
  const [command, ...operands] = positionals
  if (values.version) {
    const {version} = await import('../version.js')
    process.stdout.write(version + '\n')
    return exitCodes.pass
  }

  if (command === 'help' || values.help || command === undefined) {
    const topic = command === 'help' ? operands[0] : command
    if (topic !== undefined && !Object.hasOwn(commandTable, topic)) throw unknownCommand(topic)
    process.stdout.write(topic === undefined ? generalHelp(commandTable, optionTable) : commandHelp(topic, commandTable, optionTable))
    return command === undefined && !values.help ? exitCodes.error : exitCodes.pass
  }

  const spec = Object.hasOwn(commandTable, command) ? commandTable[command]! : undefined
  if (!spec?.load) throw unknownCommand(command)
  checkOptionsFor(command, values)
  const module = await spec.load()
  return module.run(operands, values, command)
}

function unknownCommand(command: string): UsageError {
  const names = Object.keys(commandTable)
  const guess = closest(command, names)
  return new UsageError(
    `unknown command \`${command}\`, ${guess ? `did you mean \`${guess}\`? ` : ''}expected ${names.slice(0, -1).join(', ')} or ${names.at(-1)} (see mtlint --help)`
  )
}

/** Unknown flags get our own one line with a suggestion, never Node's parser text. */
function checkOptionNames(argv: readonly string[]): void {
  const shorts = new Map<string, string>()
  for (const [name, spec] of Object.entries(optionTable)) if ('short' in spec) shorts.set(spec.short, name)
  for (const arg of argv) {
    if (arg === '--') return
    if (arg.startsWith('--')) {
      const name = arg.slice(2).split('=', 1)[0]!
      if (Object.hasOwn(optionTable, name)) continue
      const guess = closest(name, Object.keys(optionTable))
      throw new UsageError(`unknown option \`--${name}\`${guess ? `, did you mean \`--${guess}\`?` : ''} (see mtlint --help)`)
    }

    if (/^-[^-\d]/.test(arg)) {
      for (const letter of arg.slice(1)) {
        if (shorts.has(letter)) {
          // A short string option takes the rest of the argument as its value (-oFILE).
          if (optionTable[shorts.get(letter) as OptionName].type === 'string') break
          continue
        }

        throw new UsageError(`unknown option \`-${letter}\` (see mtlint --help)`)
      }
    }
  }
}

function parseOptions(argv: readonly string[]): {values: Values; positionals: string[]} {
  const options = Object.fromEntries(
    Object.entries(optionTable).map(([name, spec]) => [name, 'short' in spec ? {type: spec.type, short: spec.short} : {type: spec.type}])
  ) as Record<string, {type: 'string' | 'boolean'; short?: string}>
  try {
    return parseArgs({args: [...argv], options, allowPositionals: true, strict: true}) as {values: Values; positionals: string[]}
  } catch (error) {
    // Node's wording ("Option '--format <value>' argument missing") names the option; say it our way.
    const name = /'(-[^' ]+)/.exec((error as Error).message)?.[1]
    const code = (error as {code?: string}).code
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && name) {
      const spec = optionTable[name.replace(/^-+/, '').split(',')[0] as OptionName] as OptionSpec | undefined
      if (spec?.type === 'boolean') throw new UsageError(`${name}: takes no value (see mtlint --help)`)
      throw new UsageError(`${name.split(',').at(-1)!.trim()}: expected a value (see mtlint --help)`)
    }

    if (code?.startsWith('ERR_PARSE_ARGS')) throw new UsageError(`${(error as Error).message.split('.', 1)[0]} (see mtlint --help)`)
    throw error
  }
}

/** `lint --html` or `report --source` would be ignored silently: say so instead. */
function checkOptionsFor(command: string, given: Values): void {
  for (const [name, value] of Object.entries(given)) {
    const spec = optionTable[name as OptionName] as OptionSpec
    if (value === undefined || spec.commands === 'all' || spec.commands.includes(command)) continue
    const owners = spec.commands.map((owner) => '`' + owner + '`').join(' or ')
    throw new UsageError(`--${name}: not an option of \`${command}\`, expected it with ${owners} (see mtlint help ${command})`)
  }
}

/** The nearest name by edit distance, if it is close enough to be a typo. */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined
  let bestDistance = Math.max(2, Math.floor(word.length / 3)) + 1
  for (const candidate of candidates) {
    const distance = editDistance(word, candidate)
    if (distance < bestDistance) {
      best = candidate
      bestDistance = distance
    }
  }

  return best
}

/** Damerau-Levenshtein (optimal string alignment): a swapped pair, as in `fromat`, costs 1. */
function editDistance(a: string, b: string): number {
  const rows = Array.from({length: a.length + 1}, (_, i) => Array.from({length: b.length + 1}, (_, j) => (i === 0 ? j : j === 0 ? i : 0)))
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      let value = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost)
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, rows[i - 2]![j - 2]! + 1)
      rows[i]![j] = value
    }
  }

  return rows[a.length]![b.length]!
}
