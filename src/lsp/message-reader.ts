/**
 * Reads LSP messages (`Content-Length: N\r\n\r\n` + N bytes of JSON) and
 * survives a client that gets the framing wrong. vscode-jsonrpc's
 * StreamMessageReader trusts Content-Length: with a length 10 bytes short it
 * fails to parse the body, then takes the 10 leftover bytes as the start of
 * the next header block, finds no Content-Length key in it, drops that block
 * and reads the next body as headers, so the next request is lost too. Here a
 * body that does not parse is read again up to the next `Content-Length:`
 * header (JSON escapes CR and LF, so a real header never occurs inside a
 * body), delivered if that parses, dropped with one logged line otherwise;
 * bytes that are not a header are skipped up to the next one.
 */
import {AbstractMessageReader, type DataCallback, type Disposable, type Message} from 'vscode-languageserver/node.js'

const headerName = Buffer.from('Content-Length:')
const headerEnd = Buffer.from('\r\n\r\n')
const headerLine = /^[A-Za-z][\w-]*:[^\r\n]*$/

export class RecoveringMessageReader extends AbstractMessageReader {
  private buffer = Buffer.alloc(0)
  /** Chunks not yet joined to `buffer`, while a long body arrives. */
  private chunks: Buffer[] = []
  private pending = 0
  /** Bytes `buffer` must hold before the body it waits for is complete. */
  private needed = 0
  private callback?: DataCallback

  constructor(
    private readonly readable: NodeJS.ReadableStream,
    private readonly log: (line: string) => void = (line) => process.stderr.write(`mtlint lsp: ${line}\n`)
  ) {
    super()
  }

  listen(callback: DataCallback): Disposable {
    this.callback = callback
    const onData = (chunk: Buffer | string) => this.onData(typeof chunk === 'string' ? Buffer.from(chunk) : chunk)
    const onError = (error: Error) => this.fireError(error)
    const onClose = () => this.fireClose()
    this.readable.on('data', onData)
    this.readable.on('error', onError)
    this.readable.on('close', onClose)
    return {
      dispose: () => {
        this.readable.off('data', onData)
        this.readable.off('error', onError)
        this.readable.off('close', onClose)
      }
    }
  }

  private onData(chunk: Buffer): void {
    this.chunks.push(chunk)
    this.pending += chunk.length
    // Joining every chunk of a long body would copy it quadratically: wait for the whole of it,
    // unless the chunk could end a message (a Content-Length too long is read to the last `}`).
    if (this.buffer.length + this.pending < this.needed && !endsObject(chunk)) return
    this.buffer = Buffer.concat([this.buffer, ...this.chunks])
    this.chunks = []
    this.pending = 0
    this.needed = 0
    while (this.buffer.length > 0 && this.next()) {
      // One message (or one skipped run of bytes) per turn.
    }
  }

  /** Consume one message or one unreadable stretch; false when more bytes are needed. */
  private next(): boolean {
    const end = this.buffer.indexOf(headerEnd)
    const length = end === -1 ? undefined : contentLength(this.buffer.subarray(0, end).toString('latin1'))
    if (length === undefined) {
      // Not a header block (or not yet a whole one): skip to the next header, if any has arrived.
      const next = this.buffer.indexOf(headerName, 1)
      if (end === -1 && next === -1) return false
      if (next === -1) {
        if (end === -1) return false
        this.log(`skipped ${end + headerEnd.length} bytes without a Content-Length header`)
        this.buffer = this.buffer.subarray(end + headerEnd.length)
        return true
      }

      this.log(`skipped ${next} bytes before a Content-Length header`)
      this.buffer = this.buffer.subarray(next)
      return true
    }

    const start = end + headerEnd.length
    const available = this.buffer.subarray(start, start + length)
    const message = parse(available)
    if (message && available.length === length) return this.deliver(message, start + length)
    if (!message && available.length < length) {
      // The body is still arriving, unless a header follows: the length is too long, and the bytes
      // it claims may only come once the client has its answer. A body may quote "Content-Length:"
      // as text, but never with the CR LF of a header after it (JSON escapes both).
      const next = headerAfter(this.buffer, start)
      const between = next === -1 ? undefined : parse(this.buffer.subarray(start, next))
      if (!between) {
        this.needed = start + length
        return false
      }

      this.log(`Content-Length ${length} did not match the message (${next - start} bytes)`)
      return this.deliver(between, next)
    }

    if (message) {
      // Fewer bytes than Content-Length, yet a whole message: the length is too long.
      this.log(`Content-Length ${length} did not match the message (${available.length} bytes)`)
      return this.deliver(message, this.buffer.length)
    }

    const next = this.buffer.indexOf(headerName, start + 1)
    if (next === -1) {
      // Content-Length too short, and no message after it yet: the rest of this one may be all there is.
      const all = parse(this.buffer.subarray(start))
      if (!all) return false
      this.log(`Content-Length ${length} did not match the message (${this.buffer.length - start} bytes)`)
      return this.deliver(all, this.buffer.length)
    }

    const between = parse(this.buffer.subarray(start, next))
    if (between) {
      this.log(`Content-Length ${length} did not match the message (${next - start} bytes)`)
      return this.deliver(between, next)
    }

    this.log(`dropped a message that is not JSON (Content-Length ${length})`)
    this.buffer = this.buffer.subarray(next)
    return true
  }

  private deliver(message: Message, consumed: number): boolean {
    this.buffer = this.buffer.subarray(consumed)
    this.callback?.(message)
    return true
  }
}

/** Where the first `Content-Length: N` line after `from` starts, CR LF included: no JSON body holds one. */
function headerAfter(buffer: Buffer, from: number): number {
  for (let at = buffer.indexOf(headerName, from + 1); at !== -1; at = buffer.indexOf(headerName, at + 1)) {
    if (/^[ \t]*\d+\r\n/.test(buffer.subarray(at + headerName.length, at + headerName.length + 24).toString('latin1'))) return at
  }

  return -1
}

/** The Content-Length of a well-formed header block, else undefined. */
function contentLength(block: string): number | undefined {
  let length: number | undefined
  for (const line of block.split('\r\n')) {
    if (!headerLine.test(line)) return undefined
    const [name, value] = [line.slice(0, line.indexOf(':')), line.slice(line.indexOf(':') + 1).trim()]
    if (name.toLowerCase() === 'content-length') {
      if (!/^\d+$/.test(value)) return undefined
      length = Number(value)
    }
  }

  return length
}

/** A JSON-RPC message is an object: its last visible byte is `}`. */
function endsObject(bytes: Buffer): boolean {
  let last = bytes.length - 1
  while (last >= 0 && (bytes[last] === 0x20 || bytes[last] === 0x0a || bytes[last] === 0x0d || bytes[last] === 0x09)) last--
  return last >= 0 && bytes[last] === 0x7d
}

function parse(bytes: Buffer): Message | undefined {
  if (!endsObject(bytes)) return undefined
  try {
    const value = JSON.parse(bytes.toString('utf8')) as unknown
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Message) : undefined
  } catch {
    return undefined
  }
}
