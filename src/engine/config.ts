/**
 * Configuration: `.mtlintrc.json` or the `mtlint` key of package.json, found
 * upward from the linted file (nearest wins), validated with ajv against
 * schemas/config.schema.json and each rule's own options schema.
 */
import {existsSync, readFileSync} from 'node:fs'
import {dirname, join, resolve} from 'node:path'
import {Ajv, type ErrorObject} from 'ajv'
import configSchema from '../../schemas/config.schema.json' with {type: 'json'}
import {allRules} from '../../rules/index.js'
import type {RuleSettings} from './rule.js'
import {defaultPolicy, type GatePolicy} from './policy.js'
import {defaultWeights} from './score.js'
import type {Severity} from './types.js'

export interface ResolvedConfig {
  /** Settings of each enabled rule; a rule that is off is absent. */
  rules: Record<string, RuleSettings | undefined>
  weights: Record<Severity, number>
  gate: GatePolicy
  /** The file the configuration came from, if any. */
  path?: string
}

export interface ConfigFile {
  rules?: Record<string, unknown>
  weights?: Partial<Record<Severity, number>>
  gate?: Partial<GatePolicy>
}

/** A configuration problem: `message` is one line naming the file, the key and what was expected. */
export class ConfigError extends Error {
  override name = 'ConfigError'
}

const ajv = new Ajv({allErrors: false, strict: false})
const validateConfig = ajv.compile<ConfigFile>(configSchema)
const ruleById = new Map(allRules.map((rule) => [rule.meta.id, rule]))
const optionValidators = new Map(
  allRules.map((rule) => [
    rule.meta.id,
    ajv.compile(rule.meta.optionsSchema ?? {type: 'object', additionalProperties: false})
  ])
)

export const configFileNames = ['.mtlintrc.json', 'package.json'] as const

/** Every rule at its default severity with its default options. */
export function defaultConfig(): ResolvedConfig {
  return resolveConfig({})
}

let defaults: ResolvedConfig | undefined
function sharedDefaults(): ResolvedConfig {
  defaults ??= defaultConfig()
  return defaults
}

/** A configuration with only one rule on: how each rule's examples are tested. */
export function onlyRule(id: string, options: Record<string, unknown> = {}): ResolvedConfig {
  const rules: Record<string, unknown> = {}
  for (const rule of allRules) rules[rule.meta.id] = rule.meta.id === id ? [rule.meta.severity, options] : 'off'
  return resolveConfig({rules})
}

/** Validate a parsed configuration object and resolve it against the rule defaults. */
export function resolveConfig(raw: unknown, path = '<config>'): ResolvedConfig {
  if (!validateConfig(raw)) throw new ConfigError(`${path}: ${describe(validateConfig.errors?.[0], raw)}`)
  const config = raw
  const rules: Record<string, RuleSettings | undefined> = {}
  for (const rule of allRules) rules[rule.meta.id] = {severity: rule.meta.severity, options: {}}

  for (const [id, setting] of Object.entries(config.rules ?? {})) {
    const rule = ruleById.get(id)
    if (!rule) throw new ConfigError(`${path}: rules.${id}: unknown rule, expected a rule id listed by \`mtlint rules\``)
    const [level, options = {}] = (Array.isArray(setting) ? setting : [setting]) as [Severity | 'off', Record<string, unknown>?]
    const validate = optionValidators.get(id)!
    if (!validate(options)) {
      const error = validate.errors?.[0]
      const key = `rules.${id}[1]${error?.instancePath.replaceAll('/', '.') ?? ''}`
      throw new ConfigError(`${path}: ${key}: ${error?.message ?? 'invalid'}${allowedValues(error)}`)
    }

    rules[id] = level === 'off' ? undefined : {severity: level, options}
  }

  return {
    rules,
    weights: {...defaultWeights, ...config.weights},
    gate: {...defaultPolicy, ...config.gate},
    path: path === '<config>' ? undefined : path
  }
}

function describe(error: ErrorObject | undefined, raw: unknown): string {
  if (!error) return 'invalid configuration'
  const key = error.instancePath.slice(1).replaceAll('/', '.') || '(top level)'
  if (error.instancePath === '' && error.keyword === 'type') return 'expected a JSON object'
  if (error.keyword === 'additionalProperties') {
    const extra = (error.params as {additionalProperty: string}).additionalProperty
    const where = key === '(top level)' ? '' : key + '.'
    return `${where}${extra}: unknown key, expected one of ${Object.keys(propertiesAt(error.schemaPath)).join(', ')}`
  }

  if (/^\/rules\/[^/]+/.test(error.instancePath)) {
    const setting = JSON.stringify(valueAt(raw, error.instancePath))
    return `${key}: got ${setting}, expected "off", a severity (info, minor, major, critical) or [severity, {options}]`
  }

  return `${key}: ${error.message ?? 'invalid'}${allowedValues(error)}`
}

function allowedValues(error: ErrorObject | undefined): string {
  const allowed = (error?.params as {allowedValues?: unknown[]} | undefined)?.allowedValues
  return allowed ? ` (${allowed.join(', ')})` : ''
}

function propertiesAt(schemaPath: string): Record<string, unknown> {
  if (schemaPath.startsWith('#/properties/weights')) return configSchema.properties.weights.properties
  if (schemaPath.startsWith('#/definitions/policy/properties/exceptions')) {
    return configSchema.definitions.policy.properties.exceptions.items.properties
  }

  if (schemaPath.startsWith('#/definitions/policy')) return configSchema.definitions.policy.properties
  return configSchema.properties
}

function valueAt(raw: unknown, pointer: string): unknown {
  let value = raw
  for (const part of pointer.split('/').slice(1)) value = (value as Record<string, unknown> | undefined)?.[part]
  return value
}

/** Read and resolve one configuration file (.mtlintrc.json or package.json). */
export function loadConfigFile(path: string): ResolvedConfig {
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch (error) {
    throw new ConfigError(`${path}: cannot read configuration (${(error as NodeJS.ErrnoException).code ?? 'error'})`)
  }

  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (error) {
    throw new ConfigError(`${path}: invalid JSON (${(error as Error).message})`)
  }

  if (path.endsWith('package.json')) json = (json as {mtlint?: unknown}).mtlint
  return resolveConfig(json, path)
}

/**
 * Finds the configuration that applies to files in a folder, walking up to
 * the filesystem root. Results are cached per folder, so a batch of files
 * reads each configuration once.
 */
export class ConfigFinder {
  private readonly byFolder = new Map<string, ResolvedConfig>()

  constructor(private readonly explicit?: string) {}

  /** Forget cached results (the language server calls this when a config file changes). */
  clear(): void {
    this.byFolder.clear()
  }

  forFile(filePath: string): ResolvedConfig {
    if (this.explicit) return this.forFolder(resolve(this.explicit), true)
    return this.forFolder(dirname(resolve(filePath)), false)
  }

  /** The configuration file that applies to a folder, or undefined for the defaults. */
  static locate(folder: string): string | undefined {
    let current = resolve(folder)
    for (;;) {
      const rc = join(current, '.mtlintrc.json')
      if (existsSync(rc)) return rc
      const pkg = join(current, 'package.json')
      if (existsSync(pkg) && hasMtlintKey(pkg)) return pkg
      const parent = dirname(current)
      if (parent === current) return undefined
      current = parent
    }
  }

  private forFolder(key: string, explicit: boolean): ResolvedConfig {
    let config = this.byFolder.get(key)
    if (!config) {
      const path = explicit ? key : ConfigFinder.locate(key)
      config = path ? loadConfigFile(path) : sharedDefaults()
      this.byFolder.set(key, config)
    }

    return config
  }
}

function hasMtlintKey(path: string): boolean {
  try {
    return Object.hasOwn(JSON.parse(readFileSync(path, 'utf8')) as object, 'mtlint')
  } catch {
    return false
  }
}
