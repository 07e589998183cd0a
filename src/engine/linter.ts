/**
 * The engine's entry: it knows no rule and is handed its rules. A linter
 * binds configuration to them; the configurations it resolves carry the rules
 * to lintText and IncrementalLinter. src/registry.ts builds the one the CLI,
 * the language server and the measurements use.
 */
import {ConfigFinder, configResolver, type ConfigResolver} from './config.js'
import type {Configurable} from './check.js'
import type {Rule} from './rule.js'

export interface Linter extends ConfigResolver {
  /** Every rule the linter was given, on or off. */
  readonly rules: readonly Rule[]
  /** A finder of the configuration that applies to a file, cached per folder (`explicit`: `--config FILE`). */
  configFinder(explicit?: string): ConfigFinder
}

/**
 * `rules` are what lintText runs; `checks` are the other kinds (pair, original),
 * configured alongside; `checkWeights` are the default factors of `weights.checks`.
 */
export function createLinter({
  rules,
  checks = [],
  checkWeights = {}
}: {
  rules: readonly Rule[]
  checks?: readonly Configurable[]
  checkWeights?: Readonly<Record<string, number>>
}): Linter {
  const resolver = configResolver(rules, checks, checkWeights)
  return {...resolver, rules, configFinder: (explicit) => new ConfigFinder(resolver, explicit)}
}
