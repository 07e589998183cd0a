/**
 * Dead letters: BullMQ moves a job to its queue's failed set once it has no
 * attempt left (its error on the last attempt, or its worker dying more often
 * than maxStalledCount allows). Every worker drains that set into the
 * dead-letter queue, where the job waits, with its error, for a person or a
 * script to look at it and enqueue it again.
 *
 * A failed job whose document has a result is done, not dead: a worker that
 * stalled past its lock (a long lint, a starved machine) loses the job to the
 * stalled check, but may still write the result. Failures younger than
 * `graceMs` wait for the next drain so that such a write can land first.
 *
 * Copy, then remove: the copy has a job id derived from the failed job's, so a
 * worker killed between the two steps (or two workers draining at once) adds
 * it only once.
 */
import type {Job, Queue} from 'bullmq'

export interface DeadLetter {
  queue: string
  job: string
  data: unknown
  failedReason: string
  attemptsMade: number
  failedAt?: number
}

const page = 100

export async function drainFailed(queue: Queue, deadLetters: Queue, isDone: (job: Job) => Promise<boolean>, graceMs: number): Promise<number> {
  let moved = 0
  // Jobs left in the failed set by this drain: the next page starts after them.
  let kept = 0
  for (;;) {
    const failed = await queue.getFailed(kept, kept + page - 1)
    if (failed.length === 0) return moved
    for (const job of failed) {
      if (!job?.id || Date.now() - (job.finishedOn ?? 0) < graceMs) {
        kept++
        continue
      }

      if (!(await isDone(job))) {
        const letter: DeadLetter = {
          queue: queue.name,
          job: job.id,
          data: job.data,
          failedReason: job.failedReason,
          attemptsMade: job.attemptsMade,
          failedAt: job.finishedOn
        }
        await deadLetters.add('dead-letter', letter, {jobId: `dead-${job.id}`})
        moved++
      }

      if ((await queue.remove(job.id)) === 0) kept++
    }
  }
}

/** Runs `drain` on request and on a timer, never two at once; requests made during a run cause one more run. */
export function drainer(drain: () => Promise<unknown>, intervalMs: number, onError: (error: Error) => void) {
  let running: Promise<void> | undefined
  let again = false
  const request = (): Promise<void> => {
    if (running) {
      again = true
      return running
    }

    running = (async () => {
      do {
        again = false
        await drain().catch(onError)
      } while (again)
      running = undefined
    })()
    return running
  }

  const timer = setInterval(request, intervalMs)
  timer.unref()
  return {
    request,
    async stop() {
      clearInterval(timer)
      await running
    }
  }
}
