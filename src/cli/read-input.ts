/**
 * Read one input as text, refusing what is not prose: anything but a regular
 * file or stdin, binary data, invalid UTF-8/UTF-16, empty and oversized
 * inputs each give a one-line reason. Reading stops at --max-bytes, so a
 * FIFO, a device or an endless pipe can neither hang nor exhaust memory.
 */
import {constants, fstatSync} from 'node:fs'
import {open} from 'node:fs/promises'

/** 10 MiB: far above any article; a larger input is almost surely not prose. */
export const defaultMaxBytes = 10 * 1024 * 1024

export class InputError extends Error {
  override name = 'InputError'
}

/** How the bytes on disk encode the text; a fix is written back the same way. */
export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be'

export interface DecodedText {
  text: string
  encoding: TextEncoding
}

const utf8 = new TextDecoder('utf-8', {fatal: true, ignoreBOM: true})

/**
 * Decode bytes as UTF-8, or as UTF-16 when they start with its byte order
 * mark. The mark, if any, is kept in the text (one code unit, U+FEFF), so
 * offsets and fixes address the text exactly as decoded from the file.
 */
export function decodeInput(bytes: Uint8Array, maxBytes = defaultMaxBytes): DecodedText {
  if (bytes.length === 0) throw new InputError('empty input, expected UTF-8 text')
  if (bytes.length > maxBytes) throw overLimit(maxBytes, bytes.length)
  const encoding = utf16Encoding(bytes)
  if (encoding) {
    let text: string
    try {
      text = new TextDecoder(encoding, {fatal: true, ignoreBOM: true}).decode(bytes)
    } catch {
      throw new InputError(`invalid ${encoding.toUpperCase()} (odd length or unpaired surrogate), expected UTF-16 text`)
    }

    if (text.slice(0, 8192).includes('\0')) throw new InputError('binary data (NUL character), expected text')
    return {text, encoding}
  }

  // A NUL byte never occurs in text; checking the first 8 KiB is how git and grep spot binaries.
  if (bytes.subarray(0, 8192).includes(0)) throw new InputError('binary data (NUL byte), expected UTF-8 text')
  try {
    return {text: utf8.decode(bytes), encoding: 'utf-8'}
  } catch {
    throw new InputError(`invalid UTF-8 at byte ${firstInvalidByte(bytes)}, expected UTF-8 text`)
  }
}

/** Decode bytes as text (see decodeInput). */
export function decodeText(bytes: Uint8Array, maxBytes = defaultMaxBytes): string {
  return decodeInput(bytes, maxBytes).text
}

/** The bytes of `text` in `encoding`: the inverse of decodeInput for text it returned. */
export function encodeText(text: string, encoding: TextEncoding): Uint8Array {
  if (encoding === 'utf-8') return Buffer.from(text, 'utf8')
  const bytes = Buffer.from(text, 'utf16le')
  return encoding === 'utf-16be' ? bytes.swap16() : bytes
}

function utf16Encoding(bytes: Uint8Array): TextEncoding | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le'
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be'
  return undefined
}

/** Read a regular file's bytes, at most `maxBytes` of them (more is an InputError). */
export async function readFileBytes(path: string, maxBytes = defaultMaxBytes): Promise<Uint8Array> {
  let handle
  try {
    // O_NONBLOCK: opening a FIFO with no writer would otherwise block for ever; regular files ignore it.
    handle = await open(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0))
  } catch (error) {
    throw new InputError(openFailure((error as NodeJS.ErrnoException).code))
  }

  try {
    const stats = await handle.stat()
    if (stats.isDirectory()) throw new InputError('is a folder, expected a file')
    if (!stats.isFile()) throw new InputError(`not a regular file (${kindOf(stats)}), expected a file or - for stdin`)
    if (stats.size > maxBytes) throw overLimit(maxBytes, stats.size)
    // The size is a hint only: the file may grow while it is read, and /proc files say 0.
    const chunks: Buffer[] = []
    let size = 0
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(maxBytes - size + 1, Math.max(stats.size - size + 1, 1 << 16)))
      const {bytesRead} = await handle.read(chunk, 0, chunk.length, null)
      if (bytesRead === 0) break
      size += bytesRead
      if (size > maxBytes) throw overLimit(maxBytes)
      chunks.push(chunk.subarray(0, bytesRead))
    }

    return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size)
  } catch (error) {
    if (error instanceof InputError) throw error
    throw new InputError(`cannot read (${(error as NodeJS.ErrnoException).code ?? 'error'})`)
  } finally {
    await handle.close().catch(() => {})
  }
}

export async function readTextInput(path: string, maxBytes = defaultMaxBytes): Promise<DecodedText> {
  return decodeInput(await readFileBytes(path, maxBytes), maxBytes)
}

export async function readTextFile(path: string, maxBytes = defaultMaxBytes): Promise<string> {
  return (await readTextInput(path, maxBytes)).text
}

export async function readStdin(maxBytes = defaultMaxBytes): Promise<string> {
  // `< folder` reads as empty: say what it is instead.
  if (fstatOrUndefined(0)?.isDirectory()) throw new InputError('is a folder, expected text on stdin')
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of process.stdin) {
    const buffer = chunk as Buffer
    size += buffer.length
    // Stop buffering early: an endless pipe (or `< /dev/zero`) must not exhaust memory.
    if (size > maxBytes) {
      process.stdin.destroy()
      throw overLimit(maxBytes)
    }

    chunks.push(buffer)
  }

  return decodeText(Buffer.concat(chunks), maxBytes)
}

function fstatOrUndefined(fd: number) {
  try {
    return fstatSync(fd)
  } catch {
    return undefined
  }
}

function openFailure(code: string | undefined): string {
  if (code === 'ENOENT') return 'no such file'
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied'
  if (code === 'ENXIO') return 'not a regular file (socket), expected a file or - for stdin'
  return `cannot read (${code ?? 'error'})`
}

function kindOf(stats: {isFIFO(): boolean; isSocket(): boolean; isCharacterDevice(): boolean; isBlockDevice(): boolean}): string {
  if (stats.isFIFO()) return 'FIFO'
  if (stats.isSocket()) return 'socket'
  if (stats.isCharacterDevice()) return 'character device'
  if (stats.isBlockDevice()) return 'block device'
  return 'special file'
}

function overLimit(maxBytes: number, size?: number): InputError {
  const what = size === undefined ? 'input is over' : `input is ${formatBytes(size)}, over`
  return new InputError(`${what} the ${formatBytes(maxBytes)} limit (--max-bytes)`)
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
