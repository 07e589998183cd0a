/**
 * Results go to a Redis stream, one entry per document id. A hash beside it
 * (`${stream}:ids`, document id -> stream entry id) makes the write
 * idempotent: BullMQ re-runs a job whose worker died, possibly after its
 * result was written, and the second write must not add a second entry. The
 * check and the append are one Lua script, so two workers racing on the same
 * document still leave one entry.
 */
import type {Redis} from 'ioredis'
import type {QueueNames} from './options.js'

const appendOnce = `
if redis.call('HEXISTS', KEYS[1], ARGV[1]) == 1 then return false end
local entry = redis.call('XADD', KEYS[2], '*', 'id', ARGV[1], 'job', ARGV[2], ARGV[3], ARGV[4])
redis.call('HSET', KEYS[1], ARGV[1], entry)
return entry
`

/** A document's result: the report entry `mtlint lint --format json` gives for it, or its one-line error. */
export type ResultFields = {result: string} | {error: string}

export interface ResultEntry {
  /** The stream entry id (Redis orders entries by it). */
  entry: string
  id: string
  job: string
  result?: unknown
  error?: string
}

type WithAppend = Redis & {mtlintAppendResult(ids: string, stream: string, id: string, job: string, field: string, value: string): Promise<string | null>}

export function idsKey(names: QueueNames): string {
  return `${names.results}:ids`
}

/** Append the result unless the document already has one; returns the new entry id, or undefined for a duplicate. */
export async function appendResult(redis: Redis, names: QueueNames, id: string, job: string, fields: ResultFields): Promise<string | undefined> {
  const client = redis as WithAppend
  if (typeof client.mtlintAppendResult !== 'function') redis.defineCommand('mtlintAppendResult', {numberOfKeys: 2, lua: appendOnce})
  const [field, value] = 'result' in fields ? ['result', fields.result] : ['error', fields.error]
  return (await client.mtlintAppendResult(idsKey(names), names.results, id, job, field, value)) ?? undefined
}

/** Whether a document already has a result (saves re-linting a job that is run again). */
export async function hasResult(redis: Redis, names: QueueNames, id: string): Promise<boolean> {
  return (await redis.hexists(idsKey(names), id)) === 1
}

/** Read the stream from after `after` (exclusive), `count` entries at most: what a consumer does, in order. */
export async function readResults(redis: Redis, names: QueueNames, after = '-', count = 1000): Promise<ResultEntry[]> {
  const start = after === '-' ? '-' : `(${after}`
  const rows = await redis.xrange(names.results, start, '+', 'COUNT', count)
  return rows.map(([entry, flat]) => {
    const fields: Record<string, string> = {}
    for (let index = 0; index + 1 < flat.length; index += 2) fields[flat[index]!] = flat[index + 1]!
    const row: ResultEntry = {entry, id: fields['id'] ?? '', job: fields['job'] ?? ''}
    if (fields['result'] !== undefined) row.result = JSON.parse(fields['result'])
    if (fields['error'] !== undefined) row.error = fields['error']
    return row
  })
}
