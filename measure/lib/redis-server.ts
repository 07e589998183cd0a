/**
 * A throw-away redis-server for the queue test and benchmark: a free loopback
 * port, a temporary folder, no persistence; stopped (and its folder removed)
 * by `stop()`. Also the documents both feed to the queue.
 */
import {spawn, spawnSync} from 'node:child_process'
import {mkdtempSync, readFileSync, rmSync} from 'node:fs'
import {createServer} from 'node:net'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {Redis} from 'ioredis'

export function hasRedisServer(): boolean {
  return spawnSync('redis-server', ['--version'], {stdio: 'ignore'}).status === 0
}

export interface RedisServer {
  url: string
  /** A client for the caller (commands wait through reconnects, as BullMQ needs). */
  client: Redis
  dir: string
  pid: number
  stop(): Promise<void>
}

async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const {port} = server.address() as {port: number}
      server.close(() => resolvePort(port))
    })
  })
}

export async function startRedisServer(): Promise<RedisServer> {
  const dir = mkdtempSync(join(tmpdir(), 'mtlint-redis-'))
  const port = await freePort()
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir], {stdio: 'ignore'})
  const exited = new Promise<void>((resolveExit) => child.once('exit', () => resolveExit()))
  const url = `redis://127.0.0.1:${port}`
  const client = new Redis(url, {maxRetriesPerRequest: null, retryStrategy: () => 50})
  client.on('error', () => {})
  await until(async () => (await client.ping().catch(() => '')) === 'PONG', 'redis-server to start', 20_000)
  return {
    url,
    client,
    dir,
    pid: child.pid!,
    async stop() {
      client.disconnect()
      child.kill('SIGKILL')
      await exited
      rmSync(dir, {recursive: true, force: true})
    }
  }
}

export async function until(condition: () => Promise<boolean>, what: string, timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolveWait) => setTimeout(resolveWait, 50))
  }
}

export interface QueueDocument {
  id: string
  text: string
  filename?: string
}

/**
 * `count` documents of `size` consecutive seed-article paragraphs each
 * (starting at a different paragraph for each document, so texts repeat and a
 * checker can lint each distinct one once); every tenth is Markdown by its
 * file name.
 */
export function seedDocuments(seedPath: string, count: number, size = 1): QueueDocument[] {
  const paragraphs = readFileSync(seedPath, 'utf8').trimEnd().split('\n\n')
  return Array.from({length: count}, (_, index) => {
    const first = (index * 7) % paragraphs.length
    const text = Array.from({length: size}, (_, offset) => paragraphs[(first + offset) % paragraphs.length]).join('\n\n') + '\n'
    return {id: `doc-${index}`, text, ...(index % 10 === 0 ? {filename: `doc-${index}.md`} : {})}
  })
}
