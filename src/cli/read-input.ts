/**
 * Read one input as text, refusing what is not UTF-8 prose: binary data,
 * invalid UTF-8, empty and oversized files each give a one-line reason.
 */
import {readFile} from 'node:fs/promises'

/** 10 MiB: far above any article; a larger input is almost surely not prose. */
export const defaultMaxBytes = 10 * 1024 * 1024

export class InputError extends Error {
  override name = 'InputError'
}

const decoder = new TextDecoder('utf-8', {fatal: true, ignoreBOM: true})

/**
 * Decode bytes as UTF-8. The byte order mark, if any, is kept in the text so
 * that offsets and fixes address the file exactly as it is on disk.
 */
export function decodeText(bytes: Uint8Array, maxBytes = defaultMaxBytes): string {
  if (bytes.length === 0) throw new InputError('empty input, expected UTF-8 text')
  if (bytes.length > maxBytes) {
    throw new InputError(`input is ${formatBytes(bytes.length)}, over the ${formatBytes(maxBytes)} limit (--max-bytes)`)
  }

  // A NUL byte never occurs in text; checking the first 8 KiB is how git and grep spot binaries.
  if (bytes.subarray(0, 8192).includes(0)) throw new InputError('binary data (NUL byte), expected UTF-8 text')
  try {
    return decoder.decode(bytes)
  } catch {
    throw new InputError(`invalid UTF-8 at byte ${firstInvalidByte(bytes)}, expected UTF-8 text`)
  }
}

export async function readTextFile(path: string, maxBytes = defaultMaxBytes): Promise<string> {
  let bytes: Uint8Array
  try {
    bytes = await readFile(path)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    const reason =
      code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder' : code === 'EACCES' ? 'permission denied' : `cannot read (${code ?? 'error'})`
    throw new InputError(reason)
  }

  return decodeText(bytes, maxBytes)
}

export async function readStdin(maxBytes = defaultMaxBytes): Promise<string> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of process.stdin) {
    const buffer = chunk as Buffer
    size += buffer.length
    // Stop buffering early: an endless pipe must not exhaust memory.
    if (size > maxBytes) throw new InputError(`input is over the ${formatBytes(maxBytes)} limit (--max-bytes)`)
    chunks.push(buffer)
  }

  return decodeText(Buffer.concat(chunks), maxBytes)
}

function firstInvalidByte(bytes: Uint8Array): number {
  let low = 0
  let high = bytes.length
  // Binary search for the shortest invalid prefix (a truncated sequence at the cut is not an error with stream: true).
  while (low < high) {
    const middle = (low + high) >> 1
    try {
      new TextDecoder('utf-8', {fatal: true}).decode(bytes.subarray(0, middle + 1), {stream: true})
      low = middle + 1
    } catch {
      high = middle
    }
  }

  return sequenceStart(bytes, low)
}

/** The decoder fails on the byte that breaks a sequence; report where that sequence began. */
function sequenceStart(bytes: Uint8Array, failing: number): number {
  let lead = failing - 1
  while (lead >= 0 && failing - lead <= 3 && (bytes[lead]! & 0xc0) === 0x80) lead--
  if (lead < 0 || bytes[lead]! < 0xc0) return failing
  const length = bytes[lead]! >= 0xf0 ? 4 : bytes[lead]! >= 0xe0 ? 3 : 2
  return lead + length > failing ? lead : failing
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MiB` : `${bytes} bytes`
}
