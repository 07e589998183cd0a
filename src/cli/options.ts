/**
 * The CLI's exit codes, its options (one table: help, per-command help and
 * the "not an option of" check derive from it) and what a command module
 * is: shared by main.ts and the commands it loads.
 */
import {oneLine} from '../reporters/wrap.js'
import type {OptionSpec} from './usage.js'

export const exitCodes = {pass: 0, fail: 1, error: 2} as const

/**
 * Every option, once. `commands` says which commands take it ('all' = every
 * command); help, per-command help and the "not an option of" check are all
 * derived from this table, so a new flag is one row here.
 */
export const optionTable = {
  format: {type: 'string', value: 'FORMAT', commands: ['lint', 'gate', 'compare', 'rules'], help: 'Output: pretty, json, sarif or github; rules: pretty or json (default: pretty on a terminal, json otherwise)'},
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

/** A mistake in the command line: one line and exit 2. */
export class UsageError extends Error {}

export {oneLine} from '../reporters/wrap.js'

/** One message on stderr, prefixed `mtlint: `. */
export function say(message: string): void {
  process.stderr.write(`mtlint: ${oneLine(message)}\n`)
}
