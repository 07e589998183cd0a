/**
 * Progress for long batch runs: a single self-overwriting line on an
 * interactive terminal, and nothing in CI logs or pipes.
 */
import {oneLine} from './options.js'

export type Progress = (done: number, total: number, path: string) => void

/** Batches smaller than this finish before a progress line would help. */
const minimumFiles = 20

export function progressReporter(stream: NodeJS.WriteStream): Progress | undefined {
  if (!stream.isTTY || process.env['CI']) return undefined
  let lastWrite = 0
  return (done, total, path) => {
    if (total < minimumFiles) return
    const now = Date.now()
    if (done < total && now - lastWrite < 100) return
    lastWrite = now
    const line = `[${done}/${total}] ${oneLine(path)}`.slice(0, Math.max(20, (stream.columns ?? 80) - 1))
    stream.write(`\r\u001B[K${line}`)
    if (done === total) stream.write('\r\u001B[K')
  }
}
