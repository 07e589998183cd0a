/**
 * `mtlint worker`: take documents from a BullMQ queue, lint each exactly as
 * `mtlint lint` would, and append its result to a Redis stream once (see
 * results.ts for why a re-run job adds nothing). Any number of workers, on
 * any number of machines, may share a queue. SIGTERM or SIGINT lets the jobs
 * in hand finish, then the worker exits 0.
 */
import {hostname} from 'node:os'
import {resolve} from 'node:path'
import {Queue, UnrecoverableError, Worker, type Job} from 'bullmq'
import {ConfigError} from '../engine/config.js'
import {InputLinter, type Outcome} from '../cli/lint-files.js'
import {reportFileOf} from '../reporters/json.js'
import {loadConfigFile} from '../registry.js'
import {connect, redactedUrl} from './connection.js'
import {drainer, drainFailed} from './dead-letter.js'
import {documentOf, MalformedJobError, type DocumentJob} from './jobs.js'
import {integerOption, parseQueueArgs, QueueUsageError} from './options.js'
import {appendResult, hasResult} from './results.js'

const workerOptions = {
  concurrency: {type: 'string'},
  'lock-ms': {type: 'string'},
  config: {type: 'string'},
  'max-bytes': {type: 'string'}
} as const

export async function runWorker(argv: readonly string[]): Promise<number> {
  const {settings, values, positionals} = parseQueueArgs(argv, workerOptions)
  if (positionals.length > 0) throw new QueueUsageError(`Unexpected operand \`${positionals[0]}\`, expected none (documents come from the queue)`)
  // Jobs in hand at once: one lints while the others' Redis round trips are in flight.
  const concurrency = integerOption(values['concurrency'], '--concurrency', 4, 1, 1000)
  // How long a job stays locked without a sign of life from its worker: the
  // time after which a killed worker's jobs run again elsewhere.
  const lockMs = integerOption(values['lock-ms'], '--lock-ms', 30_000, 1000, 3_600_000)
  const maxBytes = integerOption(values['max-bytes'], '--max-bytes', 10 * 1024 * 1024, 1, Number.MAX_SAFE_INTEGER)
  const configPath = values['config'] as string | undefined
  const linter = new InputLinter({configPath, maxBytes})
  try {
    // An unusable --config is the worker's error, not every job's.
    if (configPath) loadConfigFile(resolve(configPath))
  } catch (error) {
    if (error instanceof ConfigError) throw new QueueUsageError(`invalid configuration: ${error.message}`)
    throw error
  }

  // From here on a signal stops the worker cleanly, even one that comes while it connects.
  const stopped = new Promise<string>((resolvePromise) => {
    process.once('SIGTERM', () => resolvePromise('SIGTERM'))
    process.once('SIGINT', () => resolvePromise('SIGINT'))
  })
  const {names} = settings
  const redis = await connect(settings.redisUrl)
  const queue = new Queue(names.queue, {connection: redis})
  const deadLetters = new Queue(names.deadLetter, {connection: redis})
  const report = (error: Error) => process.stderr.write(`mtlint worker: ${error.message}\n`)
  queue.on('error', report)
  deadLetters.on('error', report)
  const isDone = async (job: Job) => {
    try {
      return await hasResult(redis, names, documentOf(job.data).id)
    } catch (error) {
      if (error instanceof MalformedJobError) return false
      throw error
    }
  }
  const dead = drainer(() => drainFailed(queue, deadLetters, isDone, lockMs), lockMs, report)

  let written = 0
  let duplicates = 0
  const process_ = async (job: Job): Promise<string> => {
    let document: DocumentJob
    try {
      document = documentOf(job.data)
    } catch (error) {
      // No attempt can turn it into a document: straight to the dead letters.
      if (error instanceof MalformedJobError) throw new UnrecoverableError(error.message)
      throw error
    }

    // A re-run job is linted again (rare: only after a worker died) and its write is dropped: one round trip fewer per job than asking first.
    const outcome = await lintDocument(linter, document)
    const fields = 'file' in outcome ? {result: JSON.stringify(reportFileOf(outcome.file))} : {error: outcome.error}
    const entry = await appendResult(redis, names, document.id, job.id ?? '', fields)
    if (entry === undefined) duplicates++
    else written++
    return entry ?? 'duplicate'
  }

  const name = `${hostname()}/${process.pid}`
  const worker = new Worker(names.queue, process_, {
    // Shown as the job's processedBy: which worker holds a job.
    name,
    connection: redis,
    concurrency,
    lockDuration: lockMs,
    stalledInterval: lockMs,
    // The result is in the stream; completed jobs (and their texts) need not stay in Redis.
    removeOnComplete: {count: 1000},
    autorun: false
  })
  worker.on('error', report)
  worker.on('failed', () => void dead.request())
  let retaken = 0
  worker.on('stalled', () => retaken++)

  process.stderr.write(
    `mtlint worker ${name}: taking documents from queue "${names.queue}" on ${redactedUrl(settings.redisUrl)}, results to stream "${names.results}", dead letters to queue "${names.deadLetter}"\n`
  )
  void dead.request()
  const running = worker.run()
  const signal = await stopped
  process.stderr.write(`mtlint worker: ${signal}, finishing the jobs in hand\n`)
  // close() waits for the active jobs; their results are written and they are marked completed.
  await worker.close()
  await running
  await dead.stop()
  await Promise.all([queue.close(), deadLetters.close()])
  await redis.quit()
  process.stderr.write(`mtlint worker ${name}: stopped; ${written} results written, ${duplicates} duplicate jobs skipped, ${retaken} jobs of stopped workers taken back\n`)
  return 0
}

/** The engine, called as `mtlint lint` calls it: a path as a file operand, a text as stdin named by --stdin-filename. */
function lintDocument(linter: InputLinter, document: DocumentJob): Promise<Outcome> {
  if (document.kind === 'path') return linter.lint({kind: 'file', path: document.path})
  return linter.lint({kind: 'text', text: document.text, path: document.filename ?? document.id})
}
