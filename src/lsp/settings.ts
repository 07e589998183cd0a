/**
 * Server settings: `initializationOptions` and the `mtlint` section of
 * workspace/didChangeConfiguration (all optional; each section replaces the
 * last one whole, over initializationOptions: a key it leaves out is back
 * at the value initializationOptions gave, else its default). A value that
 * is not valid is one problem line and the last good value is kept.
 * `rules` are editor overrides, in the shape of .mtlintrc.json's `rules`,
 * checked by the lint worker (it knows the rules) and laid over each
 * document's project configuration as `configurationPreference` says
 * (lint-service.ts). Weights and the gate are never the editor's: the score
 * an editor shows is the one `mtlint gate` gives the file in CI.
 */
export interface ServerSettings {
  /** Quiet time after a change before the quick (paragraph) lint, ms. */
  debounceMs: number
  /** Quiet time after a change before the complete lint with document rules, ms. */
  documentDelayMs: number
  /** Longer documents are not linted as you type (one notice instead); use `mtlint lint`. */
  maxDocumentLength: number
  /** A lint running longer is stopped (its document gets one error diagnostic) and the linter restarted. */
  lintTimeoutMs: number
  /** Which wins where the editor's `rules` and a project configuration file meet. */
  configurationPreference: ConfigurationPreference
}

/**
 * Ruff's editor setting of the same name: `editorFirst` lays the editor's
 * rules over the project's file, `filesystemFirst` takes the file as it is
 * where there is one (the editor's rules only for documents without), and
 * `editorOnly` ignores configuration files (the defaults under the editor's
 * rules).
 */
export const configurationPreferences = ['editorFirst', 'filesystemFirst', 'editorOnly'] as const
export type ConfigurationPreference = (typeof configurationPreferences)[number]

export const defaultSettings: ServerSettings = {debounceMs: 10, documentDelayMs: 150, maxDocumentLength: 1_000_000, lintTimeoutMs: 10_000, configurationPreference: 'editorFirst'}

const numberKeys = ['debounceMs', 'documentDelayMs', 'maxDocumentLength', 'lintTimeoutMs'] as const

export interface ReadSettings {
  settings: ServerSettings
  /** The `rules` given (an object, not yet checked against the rule ids), undefined when none. */
  rules?: Record<string, unknown>
  /** Whether `rules` was given but is not an object: the last good rules stay. */
  rulesInvalid: boolean
  /** One line per value not taken. */
  problems: string[]
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)

/** `where` names the source in problem lines ('initializationOptions', 'settings.mtlint'); `base` gives the keys `options` leaves out. */
export function readSettings(options: unknown, previous: ServerSettings = defaultSettings, where = 'initializationOptions', base: ServerSettings = defaultSettings): ReadSettings {
  const problems: string[] = []
  if (options !== undefined && options !== null && !isObject(options)) {
    return {settings: previous, rulesInvalid: true, problems: [`${where}: got ${describe(options)}, expected an object`]}
  }

  const given = options ?? {}
  const settings = {...base}
  for (const key of numberKeys) {
    const value = given[key]
    if (value === undefined || value === null) continue
    if (typeof value === 'number' && Number.isFinite(value) && value >= 0) settings[key] = value
    else {
      settings[key] = previous[key]
      problems.push(`${where}.${key}: got ${describe(value)}, expected a number of at least 0; kept ${previous[key]}`)
    }
  }

  const preference = given.configurationPreference
  if (preference !== undefined && preference !== null) {
    if (configurationPreferences.includes(preference as ConfigurationPreference)) settings.configurationPreference = preference as ConfigurationPreference
    else {
      settings.configurationPreference = previous.configurationPreference
      problems.push(`${where}.configurationPreference: got ${describe(preference)}, expected ${configurationPreferences.map((name) => `"${name}"`).join(', ')}; kept "${previous.configurationPreference}"`)
    }
  }

  const rules = given.rules
  if (rules === undefined || rules === null) return {settings, rulesInvalid: false, problems}
  if (!isObject(rules)) {
    problems.push(`${where}.rules: got ${describe(rules)}, expected an object of rule ids, as in .mtlintrc.json; kept the last rules`)
    return {settings, rulesInvalid: true, problems}
  }

  return {settings, rules, rulesInvalid: false, problems}
}

function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}...` : value)
  if (Array.isArray(value)) return 'an array'
  if (typeof value === 'object' && value !== null) return 'an object'
  return String(value)
}
