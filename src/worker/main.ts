/** `mtlint worker` and `mtlint enqueue`, loaded only for them: no other command pays for BullMQ. */
import {RedisUnreachableError} from './connection.js'
import {runEnqueue} from './enqueue.js'
import {queueHelp, QueueUsageError} from './options.js'
import {runWorker} from './worker.js'

export async function queueMain(argv: readonly string[]): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(queueHelp)
    return 0
  }

  try {
    return argv[0] === 'worker' ? await runWorker(argv.slice(1)) : await runEnqueue(argv.slice(1))
  } catch (error) {
    const code = (error as {code?: string}).code
    if (error instanceof QueueUsageError || error instanceof RedisUnreachableError || code?.startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`mtlint: ${(error as Error).message}\n`)
      return 2
    }

    throw error
  }
}
