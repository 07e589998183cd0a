/** Redis connections for the queue commands: fail fast on a wrong URL at start, then reconnect for as long as it takes. */
import {Redis} from 'ioredis'
import {QueueUsageError} from './options.js'

export class RedisUnreachableError extends Error {}

/** The URL as it may be printed: without its password. */
export function redactedUrl(url: string): string {
  try {
    const parsed = new URL(url)
    if (parsed.password) parsed.password = '***'
    return parsed.toString()
  } catch {
    return url
  }
}

/**
 * A client as BullMQ needs it (commands wait through reconnects instead of
 * failing), after one attempt that must succeed: a typo in --redis is an
 * error now, not a worker that waits forever.
 */
export async function connect(url: string): Promise<Redis> {
  try {
    new URL(url)
  } catch {
    throw new QueueUsageError(`--redis: got \`${url}\`, expected a redis:// or rediss:// URL`)
  }

  const probe = new Redis(url, {lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null, connectTimeout: 5000})
  probe.on('error', () => {})
  try {
    await probe.connect()
    await probe.ping()
  } catch (error) {
    throw new RedisUnreachableError(`cannot reach Redis at ${redactedUrl(url)} (${(error as Error).message}), expected a running Redis server (--redis or MTLINT_REDIS_URL)`)
  } finally {
    probe.disconnect()
  }

  const redis = new Redis(url, {maxRetriesPerRequest: null})
  redis.on('error', () => {
    // Reported by the BullMQ objects that use the connection; ioredis reconnects by itself.
  })
  return redis
}
