/**
 * `mtlint --help` and `mtlint help COMMAND`, built from the command and option
 * tables of main.ts so that help cannot leave out a command or a flag.
 */
import {wrap} from '../reporters/wrap.js'

export interface OptionSpec {
  type: 'string' | 'boolean'
  short?: string
  /** Placeholder for the value of a string option, as in `--out DIR`. */
  value?: string
  /** The commands that take the option, or 'all'. */
  commands: readonly string[] | 'all'
  help: string
}

export interface CommandSpec {
  usage: readonly string[]
  summary: string
}

export const formats = ['pretty', 'json', 'sarif', 'github'] as const

const width = 80
const exitCodes = 'Exit codes: 0 every file passed, 1 a file failed the policy, 2 usage, configuration or input error.'

export function generalHelp(commands: Record<string, CommandSpec>, options: Record<string, OptionSpec>): string {
  const lines = ['Usage: mtlint <command> [options]', '', 'Commands:']
  for (const [name, spec] of Object.entries(commands)) lines.push(...row(spec.usage.join('\n'), spec.summary))
  lines.push('', 'Options:')
  for (const [name, spec] of Object.entries(options)) {
    const takers = spec.commands === 'all' ? '' : ` [${spec.commands.join(', ')}]`
    lines.push(...row(flag(name, spec), spec.help + takers))
  }

  lines.push('', `Formats: ${formats.join(', ')} (gate prints a verdict screen on a terminal).`, exitCodes)
  lines.push('Run `mtlint help COMMAND` for one command. Docs: README.md, docs/ci.md, docs/editors.md.', '')
  return lines.join('\n')
}

export function commandHelp(command: string, commands: Record<string, CommandSpec>, options: Record<string, OptionSpec>): string {
  const spec = commands[command]!
  const lines = spec.usage.map((usage, index) => `${index === 0 ? 'Usage:' : '      '} mtlint ${usage} [options]`)
  lines.push('', ...wrap(spec.summary + '.', width), '', 'Options:')
  for (const [name, option] of Object.entries(options)) {
    if (option.commands === 'all' || option.commands.includes(command)) lines.push(...row(flag(name, option), option.help))
  }

  lines.push('', exitCodes, '')
  return lines.join('\n')
}

function flag(name: string, spec: OptionSpec): string {
  const long = `--${name}${spec.type === 'string' ? ' ' + (spec.value ?? 'VALUE') : ''}`
  return spec.short ? `-${spec.short}, ${long}` : `    ${long}`
}

/** A two-column row: the left part (may span lines), then the wrapped description. */
function row(left: string, text: string): string[] {
  const column = 29
  const lefts = left.split('\n').map((part) => '  ' + part)
  const description = wrapIndented(text, width - column, ' '.repeat(column))
  const lines: string[] = []
  for (const [index, part] of lefts.entries()) {
    const last = index === lefts.length - 1
    if (last && part.length < column - 1) lines.push(part.padEnd(column) + description[0]!.trimStart(), ...description.slice(1))
    else lines.push(part, ...(last ? description : []))
  }

  return lines
}

function wrapIndented(text: string, room: number, indent: string): string[] {
  return wrap(text, room).map((line) => indent + line)
}
