/**
 * Options of `mtlint worker` and `mtlint enqueue`: where Redis is and which
 * keys the queue, the results and the dead letters live under. Producers and
 * workers must agree on them, so both commands read the same ones.
 */
import {parseArgs, type ParseArgsConfig} from 'node:util'

export class QueueUsageError extends Error {}

export interface QueueNames {
  /** The BullMQ queue jobs are taken from. */
  queue: string
  /** The Redis stream results are appended to; `${results}:ids` is its index by document id. */
  results: string
  /** The BullMQ queue that receives jobs which exhausted their attempts. */
  deadLetter: string
}

export interface QueueSettings {
  redisUrl: string
  names: QueueNames
}

export const defaultRedisUrl = 'redis://127.0.0.1:6379'

export const queueOptions = {
  redis: {type: 'string'},
  queue: {type: 'string'},
  results: {type: 'string'},
  'dead-letter': {type: 'string'}
} satisfies ParseArgsConfig['options']

/** The queue options are shared; `extra` are the command's own. */
export function parseQueueArgs(argv: readonly string[], extra: NonNullable<ParseArgsConfig['options']>) {
  const parsed = parseArgs({args: [...argv], options: {...queueOptions, ...extra}, allowPositionals: true, strict: true})
  const values = parsed.values as Record<string, string | boolean | undefined>
  const text = (name: string) => values[name] as string | undefined
  const queue = text('queue') ?? 'mtlint'
  const settings: QueueSettings = {
    // The URL may carry a password: the environment keeps it out of `ps` output.
    redisUrl: text('redis') ?? process.env['MTLINT_REDIS_URL'] ?? defaultRedisUrl,
    names: {queue, results: text('results') ?? `${queue}:results`, deadLetter: text('dead-letter') ?? `${queue}-dead`}
  }
  if (!/^rediss?:\/\//.test(settings.redisUrl)) {
    throw new QueueUsageError(`--redis: got \`${settings.redisUrl}\`, expected a redis:// or rediss:// URL`)
  }

  // BullMQ joins its keys with ':'; a queue name holding one would collide with them.
  for (const [flag, name] of [['--queue', queue], ['--dead-letter', settings.names.deadLetter]] as const) {
    if (name === '' || name.includes(':')) throw new QueueUsageError(`${flag}: got \`${name}\`, expected a name without ':'`)
  }

  return {settings, values, positionals: parsed.positionals}
}

/** An integer option within bounds, or its default. */
export function integerOption(raw: unknown, name: string, fallback: number, min: number, max: number): number {
  if (raw === undefined) return fallback
  const value = Number(raw)
  if (typeof raw !== 'string' || !/^\d+$/.test(raw.trim()) || value < min || value > max) {
    throw new QueueUsageError(`${name}: got \`${String(raw)}\`, expected a whole number from ${min} to ${max}`)
  }

  return value
}
