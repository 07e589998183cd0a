/**
 * Configuration: `.mtlintrc.json` or the `mtlint` key of package.json, found
 * upward from the linted file (nearest wins), validated with ajv against
 * the schemas of src/engine/config-schema.ts (precompiled by `npm run build`)
 * and each rule's own options schema. The engine knows no rule:
 * `createLinter` (linter.ts) binds these functions to the rules it is handed,
 * and a resolved configuration carries them to lintText.
 */
import {closeSync, constants, existsSync, fstatSync, openSync, readFileSync, readSync, statSync, type Stats} from 'node:fs'
import {createRequire} from 'node:module'
import {dirname, join, resolve} from 'node:path'
import type {ErrorObject, ValidateFunction} from 'ajv'
import picomatch from 'picomatch'
import {baseConfigSchema, ruleOptionsSchema, ruleValidatorKey} from './config-schema.js'
import {precompiled} from './config-validators.js'
import type {Configurable} from './check.js'
import type {Rule, RuleSettings} from './rule.js'
import {defaultPolicy, type GatePolicy} from './policy.js'
import {defaultWeights, type Weights} from './score.js'
import type {Severity} from './types.js'

export interface ResolvedConfig {
  /** Settings of each enabled rule; a rule that is off is absent. */
  rules: Record<string, RuleSettings | undefined>
  /** Severity weights and check factors: the linter's defaults under the file's `weights`. */
  weights: Weights
  gate: GatePolicy
  /** The file the configuration came from, if any. */
  path?: string
  /** The rules this configuration was resolved against (every one, on or off): what lintText runs. */
  textRules: readonly Rule[]
}

export interface ConfigFile {
  rules?: Record<string, unknown>
  weights?: Partial<Record<Severity, number>> & {checks?: Record<string, number>}
  gate?: Partial<GatePolicy>
}

/** A configuration problem: `message` is one line naming the file, the key and what was expected. */
export class ConfigError extends Error {
  override name = 'ConfigError'
}

/** No configuration needs more; a deeper one is refused before any recursive step (ajv, JSON.stringify) sees it. */
export const maxConfigDepth = 32

const validators = new Map<string, ValidateFunction>()
let ajv: import('ajv').Ajv | undefined

/** The precompiled validator (npm run build), else one compiled with ajv on first use (`shared`: schemas its $refs name). */
function validatorFor(key: string, schema: object, shared: readonly object[] = []): ValidateFunction {
  let validate = validators.get(key) ?? precompiled?.[key]
  if (!validate) {
    // ajv is CommonJS: required synchronously, and only when nothing was precompiled.
    if (!ajv) {
      const {Ajv} = createRequire(import.meta.url)('ajv') as typeof import('ajv')
      ajv = new Ajv({allErrors: false, strict: false})
    }

    for (const each of shared) {
      const id = (each as {$id?: string}).$id
      if (id !== undefined && !ajv.getSchema(id)) ajv.addSchema(each)
    }

    validate = ajv.compile(schema)
  }

  validators.set(key, validate)
  return validate
}

/** The validator of the phrase table rules/data/<name>.json (schemas/<name>.schema.json), precompiled as `table:<name>`. */
export function tableValidator(name: string, schema: object, shared: readonly object[]): ValidateFunction {
  return validatorFor(`table:${name}`, schema, shared)
}

/** A check's severity under a configuration: undefined when it is off, its default when the configuration does not know it. */
export function severityOf(meta: {id: string; severity: Severity}, config?: Pick<ResolvedConfig, 'rules'>): Severity | undefined {
  if (!config || !Object.hasOwn(config.rules, meta.id)) return meta.severity
  return config.rules[meta.id]?.severity
}

export const configFileNames = ['.mtlintrc.json', 'package.json'] as const

/** Configuration functions bound to one set of rules (see createLinter). */
export interface ConfigResolver {
  /** Validate a parsed configuration object and resolve it against the rule defaults. */
  resolveConfig(raw: unknown, path?: string): ResolvedConfig
  /** Every rule at its default severity with its default options. */
  defaultConfig(): ResolvedConfig
  /** A configuration with only one rule on: how each rule's examples are tested. */
  onlyRule(id: string, options?: Record<string, unknown>): ResolvedConfig
  /** Read and resolve one configuration file (.mtlintrc.json or package.json). */
  /** `explicit`: named by the user (--config), which may be a pipe or a device (`--config <(...)`, `/dev/stdin`). */
  loadConfigFile(path: string, explicit?: boolean): ResolvedConfig
}

/**
 * `textRules` run in lintText; `otherChecks` (pair and original checks) are
 * configured the same way and read their settings from the resolved rules.
 * `checkWeights` are the default factors of `weights.checks` (the registry
 * hands in the fitted ones); a configuration's own factors replace them one by one.
 */
export function configResolver(
  textRules: readonly Rule[],
  otherChecks: readonly Configurable[] = [],
  checkWeights: Readonly<Record<string, number>> = {}
): ConfigResolver {
  const checks: readonly Configurable[] = [...textRules, ...otherChecks]
  const ruleById = new Map(checks.map((check) => [check.meta.id, check]))

  const resolveConfig = (raw: unknown, path = '<config>'): ResolvedConfig => {
    const deep = tooDeep(raw)
    if (deep !== undefined) throw new ConfigError(`${path}: ${deep || '(top level)'}: nested deeper than ${maxConfigDepth} levels, expected at most ${maxConfigDepth}`)
    const validateConfig = validatorFor('config', baseConfigSchema)
    if (!validateConfig(raw)) throw new ConfigError(`${path}: ${describe(validateConfig.errors?.[0], baseConfigSchema, raw, '')}`)
    const config = raw as ConfigFile
    const rules: Record<string, RuleSettings | undefined> = {}
    for (const check of checks) rules[check.meta.id] = {severity: check.meta.severity, options: {}}

    for (const [id, setting] of Object.entries(config.rules ?? {})) {
      const rule = ruleById.get(id)
      if (!rule) throw new ConfigError(`${path}: rules.${id}: unknown rule, expected a rule id listed by \`mtlint rules\``)
      const [level, options = {}] = (Array.isArray(setting) ? setting : [setting]) as [Severity | 'off', Record<string, unknown>?]
      const schema = ruleOptionsSchema(rule)
      const validate = validatorFor(ruleValidatorKey(id), schema)
      if (!validate(options)) throw new ConfigError(`${path}: ${describe(validate.errors?.[0], schema, options, `rules.${id}[1]`)}`)
      rules[id] = level === 'off' ? undefined : {severity: level, options}
    }

    for (const id of Object.keys(config.weights?.checks ?? {})) {
      if (!ruleById.has(id)) throw new ConfigError(`${path}: weights.checks.${id}: unknown rule, expected a rule id listed by \`mtlint rules\``)
    }

    for (const [index, exception] of (config.gate?.exceptions ?? []).entries()) {
      for (const [position, glob] of exception.files.entries()) {
        try {
          picomatch(glob)
        } catch (error) {
          throw new ConfigError(`${path}: gate.exceptions.${index}.files.${position}: got ${preview(glob)}, expected a glob (${(error as Error).message})`)
        }
      }
    }

    return {
      rules,
      weights: {...defaultWeights, ...config.weights, checks: {...checkWeights, ...config.weights?.checks}},
      gate: {...defaultPolicy, ...config.gate},
      path: path === '<config>' ? undefined : path,
      textRules
    }
  }

  return {
    resolveConfig,
    defaultConfig: () => resolveConfig({}),
    onlyRule(id, options = {}) {
      const rules: Record<string, unknown> = {}
      for (const check of checks) rules[check.meta.id] = check.meta.id === id ? [check.meta.severity, options] : 'off'
      return resolveConfig({rules})
    },
    loadConfigFile: (path, explicit = false) => resolveConfig(readConfigFile(path, explicit), path)
  }
}

/** The key path (dotted) of the first value nested deeper than the limit, '' for the root; undefined when within it. */
function tooDeep(raw: unknown): string | undefined {
  const stack: Array<{value: unknown; depth: number; key: string}> = [{value: raw, depth: 0, key: ''}]
  while (stack.length > 0) {
    const {value, depth, key} = stack.pop()!
    if (value === null || typeof value !== 'object') continue
    if (depth >= maxConfigDepth) return key
    for (const [name, child] of Object.entries(value)) {
      // The path shown is cut: the first levels say where the nesting is.
      const childKey = key.length > 60 ? key.replace(/(\.\.\.)?$/, '...') : key ? `${key}.${name}` : name
      stack.push({value: child, depth: depth + 1, key: childKey})
    }
  }

  return undefined
}

/** One line for an ajv error: the key, what was found and what was expected. */
function describe(error: ErrorObject | undefined, schema: object, raw: unknown, prefix: string): string {
  if (!error) return `${prefix || '(top level)'}: invalid`
  const key = joinKey(prefix, pointerParts(error.instancePath).join('.'))
  const here = key || '(top level)'
  const actual = valueAt(raw, error.instancePath)
  const at = schemaAt(schema, error.instancePath)
  if (prefix === '' && /^\/rules\/[^/]+/.test(error.instancePath)) {
    const id = pointerParts(error.instancePath)[1]
    return `rules.${id}: got ${preview(valueAt(raw, `/rules/${error.instancePath.split('/')[2]}`))}, expected "off", a severity (info, minor, major, critical) or [severity, {options}]`
  }

  if (error.propertyName !== undefined) {
    const allowed = (schemaAt(schema, '')?.definitions as Record<string, {enum?: unknown[]}> | undefined)?.category?.enum ?? (error.params as {allowedValues?: unknown[]}).allowedValues ?? []
    return `${joinKey(key, error.propertyName)}: unknown key, expected one of ${allowed.join(', ')}`
  }

  switch (error.keyword) {
    case 'additionalProperties': {
      const extra = (error.params as {additionalProperty: string}).additionalProperty
      const allowed = Object.keys((at?.properties as object | undefined) ?? {})
      return `${joinKey(key, extra)}: unknown key, expected ${allowed.length > 0 ? 'one of ' + allowed.join(', ') : 'no keys'}`
    }

    case 'type':
      return `${here}: got ${preview(actual)}, expected ${withArticle(String((error.params as {type: string}).type))}`
    case 'enum':
      return `${here}: got ${preview(actual)}, expected one of ${((error.params as {allowedValues: unknown[]}).allowedValues).map((value) => JSON.stringify(value)).join(', ')}`
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum': {
      const range = [at?.minimum ?? at?.exclusiveMinimum, at?.maximum ?? at?.exclusiveMaximum]
      const expected = range[1] === undefined ? `a number of at least ${range[0]}` : range[0] === undefined ? `a number of at most ${range[1]}` : `a number from ${range[0]} to ${range[1]}`
      return `${here}: got ${preview(actual)}, expected ${expected}`
    }

    case 'minLength':
      return `${here}: got ${preview(actual)}, expected a non-empty string`
    case 'minItems':
      return `${here}: got ${preview(actual)}, expected at least ${(error.params as {limit: number}).limit} item${(error.params as {limit: number}).limit === 1 ? '' : 's'}`
    case 'required':
      return `${here}: missing key \`${(error.params as {missingProperty: string}).missingProperty}\`, expected it`
    default:
      return `${here}: got ${preview(actual)}, expected a value that ${error.message ?? 'matches the schema'}`
  }
}

function joinKey(prefix: string, key: string): string {
  if (!prefix) return key
  if (!key) return prefix
  return `${prefix}.${key}`
}

function pointerParts(pointer: string): string[] {
  return pointer === '' ? [] : pointer.split('/').slice(1).map((part) => part.replaceAll('~1', '/').replaceAll('~0', '~'))
}

function valueAt(raw: unknown, pointer: string): unknown {
  let value = raw
  for (const part of pointerParts(pointer)) value = (value as Record<string, unknown> | undefined)?.[part]
  return value
}

type SchemaNode = Record<string, unknown>

/** The schema that applies at a JSON pointer of the instance, following properties, items and local $refs. */
function schemaAt(root: object, pointer: string): SchemaNode | undefined {
  const deref = (node: unknown): SchemaNode | undefined => {
    let current = node as SchemaNode | undefined
    for (let hops = 0; current && typeof current.$ref === 'string' && current.$ref.startsWith('#/') && hops < 8; hops++) {
      let target: unknown = root
      for (const part of current.$ref.slice(2).split('/')) target = (target as SchemaNode | undefined)?.[part]
      current = target as SchemaNode | undefined
    }

    return current
  }

  let node = deref(root)
  for (const part of pointerParts(pointer)) {
    if (!node) return undefined
    const properties = node.properties as SchemaNode | undefined
    if (properties && Object.hasOwn(properties, part)) node = deref(properties[part])
    else if (Array.isArray(node.items)) node = deref(node.items[Number(part)])
    else if (node.items && typeof node.items === 'object') node = deref(node.items)
    else if (node.additionalProperties && typeof node.additionalProperties === 'object') node = deref(node.additionalProperties)
    else return undefined
  }

  return node
}

/** A short rendering of a value for a message: strings quoted and cut, containers named. */
function preview(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? value.slice(0, 40) + '...' : value)
  if (Array.isArray(value)) return value.length === 0 ? '[]' : 'an array'
  if (value === null) return 'null'
  if (typeof value === 'object') return 'an object'
  return String(value)
}

function withArticle(type: string): string {
  if (type === 'null') return 'null'
  return `${/^[aeiou]/.test(type) ? 'an' : 'a'} ${type}`
}

/** A resolved configuration in the shape of a configuration file (`--print-config`). */
export function toConfigFile(config: ResolvedConfig): ConfigFile {
  const rules: Record<string, unknown> = {}
  for (const [id, setting] of Object.entries(config.rules)) {
    rules[id] = setting === undefined ? 'off' : Object.keys(setting.options).length > 0 ? [setting.severity, setting.options] : setting.severity
  }

  return {rules, weights: config.weights, gate: config.gate}
}

/** The most a configuration read from a pipe or a device may hold: a configuration file is a few kilobytes. */
export const maxStreamedConfigBytes = 1024 * 1024

/** How long a FIFO named by --config is given to get a writer. */
const fifoWriterWaitMs = 5000

/**
 * A configuration file's text. A configuration found by the search is read
 * only when it is a regular file: reading a FIFO would wait for a writer for
 * ever, and a device would never end. One the user names (`explicit`) may be
 * a pipe or a character device (`--config <(echo '{}')`, `--config
 * /dev/stdin`): it is read up to maxStreamedConfigBytes, and a FIFO that has
 * no writer after fifoWriterWaitMs is an error, not a hang.
 */
function readRegularFile(path: string, explicit = false): string {
  const stats = statSync(path)
  if (stats.isDirectory()) throw new ConfigError(`${path}: cannot read configuration (EISDIR)`)
  if (stats.isFile()) return readFileSync(path, 'utf8')
  // Stdin by any name is read from descriptor 0: a socket (what Node gives a child for stdin) cannot be opened by name.
  if (explicit && isStdin(stats)) return readStream(path, 0, false)
  if (explicit && (stats.isFIFO() || stats.isCharacterDevice())) return readStream(path, openSync(path, constants.O_RDONLY | constants.O_NONBLOCK), stats.isFIFO())
  const kind = stats.isFIFO() ? 'FIFO' : stats.isSocket() ? 'socket' : stats.isCharacterDevice() ? 'character device' : stats.isBlockDevice() ? 'block device' : 'special file'
  throw new ConfigError(`${path}: not a regular file (${kind}), expected a JSON file`)
}

/** A pipe's or a device's text (`fd`, opened on `path`), read without blocking when opened here (so a FIFO with no writer cannot hang) and at most maxStreamedConfigBytes of it. */
function readStream(path: string, fd: number, fifo: boolean): string {
  const pause = new Int32Array(new SharedArrayBuffer(4))
  const chunks: Buffer[] = []
  let total = 0
  const started = Date.now()
  try {
    for (;;) {
      const chunk = Buffer.alloc(64 * 1024)
      let count: number
      try {
        count = readSync(fd, chunk, 0, chunk.length, null)
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error
        // A writer is there and has not written yet.
        Atomics.wait(pause, 0, 0, 10)
        continue
      }

      if (count === 0) {
        // A FIFO with nothing read yet may have no writer so far (`mkfifo f; mtlint --config f & echo {} > f`).
        if (!fifo || total > 0) break
        if (Date.now() - started > fifoWriterWaitMs) throw new ConfigError(`${path}: FIFO with no writer after ${fifoWriterWaitMs / 1000} s, expected a JSON file or a pipe that is written`)
        Atomics.wait(pause, 0, 0, 10)
        continue
      }

      total += count
      if (total > maxStreamedConfigBytes) throw new ConfigError(`${path}: more than ${maxStreamedConfigBytes / 1024 / 1024} MiB from a pipe or device, expected a JSON configuration`)
      chunks.push(chunk.subarray(0, count))
    }
  } finally {
    if (fd !== 0) closeSync(fd)
  }

  return Buffer.concat(chunks).toString('utf8')
}

/** Whether `stats` are those of what descriptor 0 (stdin) reads. */
function isStdin(stats: Stats): boolean {
  try {
    const stdin = fstatSync(0)
    return stdin.dev === stats.dev && stdin.ino === stats.ino
  } catch {
    return false
  }
}

/** The configuration object of one file (.mtlintrc.json, or package.json's `mtlint` key). */
function readConfigFile(path: string, explicit: boolean): unknown {
  let text: string
  try {
    text = readRegularFile(path, explicit)
  } catch (error) {
    if (error instanceof ConfigError) throw error
    throw new ConfigError(`${path}: cannot read configuration (${(error as NodeJS.ErrnoException).code ?? 'error'})`)
  }

  let json: unknown
  try {
    // A byte order mark (Notepad, PowerShell's UTF8 encoding) is no JSON error; ESLint and npm skip it too.
    json = JSON.parse(text.startsWith('\uFEFF') ? text.slice(1) : text)
  } catch (error) {
    throw new ConfigError(`${path}: invalid JSON (${(error as Error).message})`)
  }

  if (path.endsWith('package.json')) return json !== null && typeof json === 'object' ? (json as {mtlint?: unknown}).mtlint : undefined
  return json
}

/**
 * Finds the configuration that applies to files in a folder, walking up to
 * the filesystem root. Results are cached per folder, so a batch of files
 * reads each configuration once.
 */
export class ConfigFinder {
  private readonly byFolder = new Map<string, ResolvedConfig>()
  private defaults?: ResolvedConfig

  constructor(
    private readonly resolver: Pick<ConfigResolver, 'defaultConfig' | 'loadConfigFile'>,
    private readonly explicit?: string
  ) {}

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
      // A package.json that is not JSON may hold our key: it is loaded, and named in the error.
      if (existsSync(pkg) && mayHoldMtlintKey(pkg)) return pkg
      const parent = dirname(current)
      if (parent === current) return undefined
      current = parent
    }
  }

  private forFolder(key: string, explicit: boolean): ResolvedConfig {
    let config = this.byFolder.get(key)
    if (!config) {
      const path = explicit ? key : ConfigFinder.locate(key)
      config = path ? this.resolver.loadConfigFile(path, explicit) : (this.defaults ??= this.resolver.defaultConfig())
      this.byFolder.set(key, config)
    }

    return config
  }
}

function mayHoldMtlintKey(path: string): boolean {
  let json: unknown
  try {
    json = JSON.parse(readRegularFile(path).replace(/^\uFEFF/, ''))
  } catch {
    return true
  }

  return json !== null && typeof json === 'object' && Object.hasOwn(json, 'mtlint')
}
