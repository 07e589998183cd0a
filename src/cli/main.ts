/**
 * The `mtlint` command line. Returns the exit code instead of exiting, so tests can call it in-process.
 *
 * This module stays small on purpose: `--version` and `--help` load nothing
 * but node:util, and each command loads its own modules on demand.
 */
import {parseArgs} from 'node:util'
import {discardWhenClosed} from './closed-output.js'
import {exitCodes, oneLine, optionTable, say, UsageError, type CommandModule, type OptionName, type Values} from './options.js'
import {commandHelp, generalHelp, type CommandSpec, type OptionSpec} from './usage.js'

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


/**
 * A command that lives outside src/cli (the queue's `worker` and `enqueue`,
 * src/worker/): handed in by bin/mtlint.js, since the queue worker lints with
 * the CLI's input handling and so stands above the CLI.
 */
export type Door = (argv: readonly string[]) => Promise<number>

export async function main(argv: readonly string[], doors: Readonly<Record<string, Door>> = {}): Promise<number> {
  try {
    return await run(argv, doors)
  } catch (error) {
    if (error instanceof UsageError) {
      say((error as Error).message)
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
  // A closed pipe that is not the report's (stdout of the language server, stderr; see closed-output.ts for the report's) is not a crash: stop quietly.
  if (isClosedPipe(error)) return Number(process.exitCode ?? exitCodes.pass)
  process.stderr.write(crashLine(error, debug))
  return exitCodes.error
}

function isClosedPipe(error: unknown): boolean {
  return (error as NodeJS.ErrnoException)?.code === 'EPIPE'
}

/** Errors of the system, not of mtlint, when the report is written (stdout or -o FILE on a full disk, over a quota, on a failing device). */
const outputFailures = new Set(['ENOSPC', 'EDQUOT', 'EFBIG', 'EIO', 'EROFS'])

export function crashLine(error: unknown, debug: boolean): string {
  const {code, syscall} = (error ?? {}) as NodeJS.ErrnoException
  if (syscall === 'write' && code !== undefined && outputFailures.has(code)) {
    // The message is Node's: "ENOSPC: no space left on device, write".
    return `mtlint: cannot write the output (${oneLine(String((error as Error).message).split('\n', 1)[0]!)})\n`
  }

  if (debug) return `mtlint: internal error: ${(error as Error)?.stack ?? String(error)}\n`
  const message = (error as Error)?.message ?? String(error)
  const firstLine = oneLine(message.split('\n', 1)[0]!.slice(0, 300))
  return `mtlint: internal error: ${firstLine} (--debug prints the stack trace; please report it)\n`
}

/** For bin/mtlint.js: run, and turn anything that escapes (an uncaught exception in a callback) into one line. */
export async function cli(argv: readonly string[], doors: Readonly<Record<string, Door>> = {}): Promise<void> {
  const debug = argv.includes('--debug')
  const crash = (error: unknown) => {
    if (isClosedPipe(error)) process.exit(process.exitCode ?? exitCodes.pass)
    process.stderr.write(crashLine(error, debug))
    process.exit(exitCodes.error)
  }

  process.on('uncaughtException', crash)
  process.on('unhandledRejection', crash)
  // The language server's stdout is its protocol: a client that closed it is gone, and the server must end (the crash handler).
  if (argv[0] !== 'lsp') discardWhenClosed(process.stdout)
  process.exitCode = await main(argv, doors)
}

async function run(argv: readonly string[], doors: Readonly<Record<string, Door>>): Promise<number> {
  // The language server owns stdin/stdout until the client sends `exit`, which
  // ends the process (0 after `shutdown`); editors may append `--stdio`.
  if (argv[0] === 'lsp' && !argv.includes('--help') && !argv.includes('-h')) {
    // Loaded here only: the protocol library adds some 70 ms to the start-up of every other command.
    const {startServer} = await import('../lsp/server.js')
    return new Promise<number>(() => startServer())
  }

  // Doors (the queue commands) parse their own options and load their modules only when asked for; so does their help.
  const door = (name: string | undefined) => (name !== undefined && Object.hasOwn(doors, name) ? doors[name] : undefined)
  if (door(argv[0])) return door(argv[0])!(argv)
  if (argv[0] === 'help' && door(argv[1])) return door(argv[1])!([argv[1]!, '--help'])

  checkOptionNames(argv)
  const {values, positionals} = parseOptions(argv)
  checkEmptyValues(values)
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
  if (!spec) throw unknownCommand(command)
  if (!spec.load) throw new UsageError(`\`${command}\` is started by bin/mtlint.js, expected it there (not through this entry point)`)
  checkOptionsFor(command, values)
  if (command !== 'rules') checkWorkingDirectory()
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
      // A typo, or the start of one option's name (`--output` for `--output-file`).
      const starting = Object.keys(optionTable).filter((option) => name.length >= 3 && option.startsWith(name))
      const guess = closest(name, Object.keys(optionTable)) ?? (starting.length === 1 ? starting[0] : undefined)
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
    // Node's wording ("Option '--format <value>' argument missing", "Option '-o, --output-file <value>' ...") names the option; say it our way, by its long name.
    const quoted = /'([^']+)'/.exec((error as Error).message)?.[1] ?? ''
    const name = /--[\w-]+/.exec(quoted)?.[0] ?? /-\w/.exec(quoted)?.[0]
    const code = (error as {code?: string}).code
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && name) {
      const spec = Object.hasOwn(optionTable, name.slice(2)) ? (optionTable[name.slice(2) as OptionName] as OptionSpec) : undefined
      if (spec?.type === 'boolean') throw new UsageError(`${name}: takes no value (see mtlint --help)`)
      // `--max-warnings -1`: the parser takes a value that starts with `-` for the next option.
      if ((error as Error).message.includes('ambiguous')) throw new UsageError(`${name}: expected a value; one that starts with - is written ${name}=VALUE (see mtlint --help)`)
      throw new UsageError(`${name}: expected a value (see mtlint --help)`)
    }

    if (code?.startsWith('ERR_PARSE_ARGS')) throw new UsageError(`${(error as Error).message.split('.', 1)[0]} (see mtlint --help)`)
    throw error
  }
}

/**
 * An empty value (`--config ''`, an unset shell variable) names nothing: it
 * was ignored (--config, --source-lang), taken for the working directory
 * (--out) or ended in an internal error (--stdin-filename). Say so instead.
 */
function checkEmptyValues(given: Values): void {
  for (const [name, value] of Object.entries(given)) {
    const spec = optionTable[name as OptionName] as OptionSpec
    if (value === '' && spec.type === 'string') throw new UsageError(`--${name}: got an empty value, expected ${spec.value ?? 'a value'} (see mtlint --help)`)
  }
}

/** Relative paths, configuration lookup and report names start from the working directory: one that was deleted under the shell is no internal error. */
function checkWorkingDirectory(): void {
  try {
    process.cwd()
  } catch (error) {
    throw new UsageError(`cannot read the working directory (${(error as NodeJS.ErrnoException).code ?? 'error'}: deleted while the shell was in it?), expected to run in an existing folder`)
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
