/**
 * `mtlint enqueue`: the producer. Files (folders and globs as for `lint`) go
 * on the queue as their text, or with --by-path as their absolute path for
 * workers that see the same file system; `-` reads NDJSON lines
 * (`{"id","text"}` or `{"path"}`) from stdin. A bad line is one error line
 * and the rest still go on the queue.
 */
import {createInterface} from 'node:readline'
import {resolve} from 'node:path'
import {Queue, type JobsOptions} from 'bullmq'
import {expandOperands} from '../cli/inputs.js'
import {readTextFile} from '../cli/read-input.js'
import {connect} from './connection.js'
import {documentOf} from './jobs.js'
import {integerOption, parseQueueArgs, QueueUsageError} from './options.js'

const enqueueOptions = {
  'by-path': {type: 'boolean'},
  attempts: {type: 'string'},
  'backoff-ms': {type: 'string'}
} as const

/** addBulk round trips: large enough to amortize, small enough to bound memory. */
const batchSize = 500

export async function runEnqueue(argv: readonly string[]): Promise<number> {
  const {settings, values, positionals} = parseQueueArgs(argv, enqueueOptions)
  // As with `lint`: no operand and a pipe on stdin means stdin.
  if (positionals.length === 0 && !process.stdin.isTTY) positionals.push('-')
  if (positionals.length === 0) throw new QueueUsageError('no input, expected files, folders, globs or - for NDJSON on stdin')
  const jobOptions: JobsOptions = {
    attempts: integerOption(values['attempts'], '--attempts', 3, 1, 1000),
    backoff: {type: 'exponential', delay: integerOption(values['backoff-ms'], '--backoff-ms', 1000, 0, 86_400_000)}
  }
  const errors: string[] = []
  const redis = await connect(settings.redisUrl)
  const queue = new Queue(settings.names.queue, {connection: redis})
  let batch: object[] = []
  let queued = 0
  const flush = async () => {
    if (batch.length === 0) return
    await queue.addBulk(batch.map((data) => ({name: 'document', data, opts: jobOptions})))
    queued += batch.length
    batch = []
  }

  const add = async (data: object) => {
    batch.push(data)
    if (batch.length >= batchSize) await flush()
  }

  try {
    const files = positionals.filter((operand) => operand !== '-')
    if (positionals.includes('-')) {
      let line = 0
      for await (const raw of createInterface({input: process.stdin, crlfDelay: Infinity})) {
        line++
        if (raw.trim() === '') continue
        try {
          // Checked here as the worker will check it: a job that is not a document is refused now, not dead-lettered later.
          const data: unknown = JSON.parse(raw)
          documentOf(data)
          await add(data as object)
        } catch (error) {
          errors.push(`stdin line ${line}: ${(error as Error).message}`)
        }
      }
    }

    if (files.length > 0) {
      const expanded = await expandOperands(files)
      errors.push(...expanded.errors)
      for (const input of expanded.inputs) {
        if (input.kind !== 'file') continue
        if (values['by-path']) {
          await add({id: input.path, path: resolve(input.path)})
          continue
        }

        try {
          await add({id: input.path, text: await readTextFile(input.path), filename: input.path})
        } catch (error) {
          errors.push(`${input.path}: ${(error as Error).message}`)
        }
      }
    }

    await flush()
  } finally {
    await queue.close()
    await redis.quit()
  }

  for (const error of errors) process.stderr.write(`mtlint: ${error}\n`)
  process.stdout.write(`queued ${queued} document${queued === 1 ? '' : 's'} on "${settings.names.queue}"\n`)
  return errors.length > 0 ? 2 : 0
}
