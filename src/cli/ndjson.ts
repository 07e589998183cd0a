/**
 * `mtlint lint --ndjson`: a filter for pipelines (a shell pipe, Spark's
 * `RDD.pipe()`, a Beam transform that runs a process). Every line of stdin is
 * one input, `{"id": ..., "text": "..."}` or `{"id": ..., "path": "..."}`;
 * every input gets exactly one line on stdout, in input order, as soon as it
 * and the ones before it are done: the report of the text (the `files[]`
 * entry of the JSON report) or `{"error": ...}`, both with the input's
 * `line` number and `id`. A bad line costs only its own answer. Lines are
 * read as they are needed and at most --max-bytes of one line is ever held,
 * so memory does not grow with the length of the stream.
 */
import {availableParallelism} from 'node:os'
import {reportFileOf} from '../reporters/json.js'
import {writeDrained} from './closed-output.js'
import {streamJobs, type Job, type LintRunOptions} from './lint-files.js'
import {defaultMaxBytes} from './read-input.js'

/** A job with where it came from, echoed in its answer. */
type LineJob = Job & {line: number; id?: string | number}

const expectedLine = 'expected a JSON object with "text" or "path" (and optionally "id")'
const keys = new Set(['id', 'text', 'path'])
const decoder = new TextDecoder('utf-8', {fatal: true})

export async function lintNdjson(input: AsyncIterable<Buffer | string>, out: NodeJS.WritableStream, options: LintRunOptions): Promise<void> {
  const workers = options.workers ?? Math.min(availableParallelism(), 8)
  await streamJobs(jobsOf(input, options.maxBytes ?? defaultMaxBytes), {...options, workers}, async (outcome, job) => {
    const where = job.id === undefined ? {line: job.line} : {line: job.line, id: job.id}
    const answer = 'file' in outcome ? {...where, ...reportFileOf(outcome.file)} : {...where, error: outcome.error}
    await writeDrained(out, JSON.stringify(answer) + '\n')
  })
}

async function* jobsOf(input: AsyncIterable<Buffer | string>, maxBytes: number): AsyncGenerator<LineJob> {
  for await (const line of linesOf(input, maxBytes)) {
    if ('tooLong' in line) yield {kind: 'invalid', line: line.number, error: `Unexpected line of over ${maxBytes} bytes (--max-bytes), ${expectedLine}`}
    else yield jobOf(line.bytes, line.number)
  }
}

function jobOf(bytes: Buffer, number: number): LineJob {
  const invalid = (error: string, id?: string | number): LineJob => ({kind: 'invalid', line: number, id, error})
  let value: unknown
  try {
    const line = decoder.decode(bytes)
    try {
      value = JSON.parse(line)
    } catch {
      const shown = line.length > 40 ? line.slice(0, 40) + '…' : line
      return invalid(`Unexpected ${line === '' ? 'empty line' : `\`${shown}\` (not JSON)`}, ${expectedLine}`)
    }
  } catch {
    return invalid(`Unexpected invalid UTF-8, ${expectedLine}`)
  }

  if (typeof value !== 'object' || value === null || Array.isArray(value)) return invalid(`Unexpected ${Array.isArray(value) ? 'array' : JSON.stringify(value)}, ${expectedLine}`)
  const record = value as Record<string, unknown>
  const {id, text, path} = record
  if (id !== undefined && typeof id !== 'string' && typeof id !== 'number') return invalid(`Unexpected "id" ${JSON.stringify(id)}, expected a string or a number`)
  const unknown = Object.keys(record).find((key) => !keys.has(key))
  if (unknown !== undefined) return invalid(`Unexpected key "${unknown}", expected "id", "text" or "path"`, id)
  if (path !== undefined && typeof path !== 'string') return invalid(`Unexpected "path" ${JSON.stringify(path)}, expected a string`, id)
  if (text !== undefined && typeof text !== 'string') return invalid(`Unexpected "text" ${JSON.stringify(text)}, expected a string`, id)
  // A text is linted as it is and `path` only labels it (and picks its format and configuration); a path alone is read.
  if (text !== undefined) return {kind: 'text', text, path, line: number, id}
  if (path !== undefined) return {kind: 'file', path, line: number, id}
  return invalid(`Unexpected object without "text" or "path", ${expectedLine}`, id)
}

type Line = {number: number; bytes: Buffer} | {number: number; tooLong: true}

/** Lines split at "\n" (a "\r" before it dropped); a line over `maxBytes` is skipped to its end, never held. */
async function* linesOf(input: AsyncIterable<Buffer | string>, maxBytes: number): AsyncGenerator<Line> {
  let parts: Buffer[] = []
  let size = 0
  let tooLong = false
  let number = 0
  const finish = (): Line => {
    number++
    const line: Line = tooLong ? {number, tooLong: true} : {number, bytes: trimReturn(Buffer.concat(parts, size))}
    parts = []
    size = 0
    tooLong = false
    return line
  }

  for await (const chunk of input) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk
    let from = 0
    while (from <= buffer.length) {
      const end = buffer.indexOf(10, from)
      const piece = buffer.subarray(from, end === -1 ? buffer.length : end)
      if (!tooLong) {
        size += piece.length
        if (size > maxBytes) {
          tooLong = true
          parts = []
        } else if (piece.length > 0) {
          parts.push(piece)
        }
      }

      if (end === -1) break
      yield finish()
      from = end + 1
    }
  }

  if (size > 0 || tooLong) yield finish()
}

function trimReturn(bytes: Buffer): Buffer {
  return bytes.length > 0 && bytes[bytes.length - 1] === 13 ? bytes.subarray(0, -1) : bytes
}
