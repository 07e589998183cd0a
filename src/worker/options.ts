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
  'dead-letter': {type: 'string'},
  // A crash is one line either way (src/cli/main.ts); --debug adds its stack trace there.
  debug: {type: 'boolean'},
  help: {type: 'boolean', short: 'h'}
} satisfies ParseArgsConfig['options']

export const queueHelp = `Usage: mtlint worker [options]
       mtlint enqueue [paths|globs|-] [options]

Queue options (worker and enqueue; see docs/scale.md):
  --redis URL              Redis to use (default: $MTLINT_REDIS_URL, else ${defaultRedisUrl})
  --queue NAME             BullMQ queue of the documents (default mtlint)
  --results KEY            Redis stream of the results (default NAME:results; index KEY:ids)
  --dead-letter NAME       BullMQ queue of the jobs that exhausted their attempts (default NAME-dead)

worker:
  --concurrency N          Jobs in hand at once (default 4; run one worker per core)
  --lock-ms N              After this long without a sign of life, a worker's jobs run elsewhere (default 30000)
  --config FILE            Use this configuration instead of the nearest .mtlintrc.json
  --max-bytes N            Refuse documents larger than N bytes (default 10 MiB)

enqueue:
  --by-path                Queue the absolute path of each file instead of its text
  --attempts N             Attempts per job before it becomes a dead letter (default 3)
  --backoff-ms N           First retry delay, doubled at each retry (default 1000)

Exit codes: 0 done (worker: stopped by SIGTERM or SIGINT), 2 usage error or Redis unreachable at start.
`

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
