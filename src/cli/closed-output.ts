/**
 * A reader that stops early (`mtlint lint ... | head -1`, a fifo given to
 * -o) closes the pipe under mtlint. The run goes on with its report
 * discarded, so that the exit code is the run's own verdict, not whatever
 * was decided when the pipe happened to close: under `set -o pipefail` a
 * failing file still fails the pipeline.
 */

/** The streams whose reader has gone; their writes are discarded. */
const closed = new WeakSet<NodeJS.WritableStream>()

/**
 * From the first EPIPE on, `out` takes every write and drops it. Any other
 * error of the stream (a full disk) is thrown on, to the one-line crash
 * handler of the command line.
 */
export function discardWhenClosed(out: NodeJS.WritableStream): void {
  out.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error
    if (closed.has(out)) return
    closed.add(out)
    // Node destroys the stream on EPIPE: a later write would raise ERR_STREAM_DESTROYED.
    out.write = () => true
  })
}

/**
 * Write `chunk` and wait until `out` takes more: on 'drain', or at once when
 * its reader has gone ('close' follows the EPIPE; 'drain' never comes).
 */
export async function writeDrained(out: NodeJS.WritableStream, chunk: string): Promise<void> {
  if (out.write(chunk) || closed.has(out)) return
  await new Promise<void>((resolve) => {
    const done = () => {
      out.off('drain', done)
      out.off('close', done)
      out.off('error', done)
      resolve()
    }

    out.on('drain', done)
    out.on('close', done)
    out.on('error', done)
  })
}
