/**
 * Queue workers against a real Redis: 10,000 documents, two workers, one
 * SIGKILLed mid-run, another stopped with SIGTERM mid-run, a third that
 * finishes; every document must have exactly one result, equal to linting it
 * in-process and (for a sample) to `mtlint lint`. Needs the Debian package
 * `redis-server`; skipped with one line without it, except under CI=true.
 */
import {spawn, spawnSync, type ChildProcess} from 'node:child_process'
import {mkdirSync, rmSync, writeFileSync} from 'node:fs'
import {extname, join} from 'node:path'
import {Queue} from 'bullmq'
import type {Redis} from 'ioredis'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {hasRedisServer, seedDocuments, startRedisServer, until, type RedisServer} from '../measure/lib/redis-server.js'
import {defaultConfig} from '../src/registry.js'
import {lintText} from '../src/engine/lint.js'
import {readResults, type ResultEntry} from '../src/worker/results.js'
import {mtlint, projectRoot, seedPath} from './helpers/cli.js'

const hasRedis = hasRedisServer()
const inCi = process.env['CI'] === 'true'
if (!hasRedis && !inCi) console.warn('test/worker.test.ts skipped: `redis-server` is not installed (apt-get install -y redis-server)')

const bin = join(projectRoot, 'bin', 'mtlint.js')
const total = 10_000

interface Child {
  process: ChildProcess
  stderr: string
  exit: Promise<{code: number | null; signal: NodeJS.Signals | null}>
}

describe.skipIf(!hasRedis && !inCi)('mtlint worker on a real Redis', () => {
  let server: RedisServer
  let dir: string
  let url: string
  let redis: Redis
  const children: Child[] = []

  const worker = (...args: string[]): Child => {
    const child = spawn(process.execPath, [bin, 'worker', ...args], {cwd: dir, env: {...process.env, MTLINT_REDIS_URL: url}, stdio: ['ignore', 'ignore', 'pipe']})
    const state: Child = {process: child, stderr: '', exit: new Promise((resolveExit) => child.once('exit', (code, signal) => resolveExit({code, signal})))}
    child.stderr!.on('data', (chunk: Buffer) => (state.stderr += chunk.toString()))
    children.push(state)
    return state
  }

  const enqueue = (args: string[], input: string) => spawnSync(process.execPath, [bin, 'enqueue', ...args], {cwd: dir, input, encoding: 'utf8', env: {...process.env, MTLINT_REDIS_URL: url}})

  beforeAll(async () => {
    if (!hasRedis) throw new Error('`redis-server` is not installed, expected it under CI=true (.ci/run installs it)')
    server = await startRedisServer()
    ;({dir, url, client: redis} = server)
  })

  afterAll(async () => {
    for (const child of children) child.process.kill('SIGKILL')
    await server?.stop()
  })

  // The time limits are generous for a shared machine: about 2 minutes on 2 cores at a load average of 20.
  it('writes exactly one result per document, equal to mtlint lint, through a SIGKILL and a SIGTERM', async () => {
    // Texts repeat (see seedDocuments), so the in-process check below lints each distinct one once.
    const documents = seedDocuments(seedPath, total)
    const lines = documents.map((document) => JSON.stringify(document))
    lines.push(JSON.stringify({id: 'empty', text: ''}))
    const queued = enqueue(['-'], lines.join('\n') + '\n')
    expect(queued.stderr).toBe('')
    expect(queued.stdout).toBe(`queued ${total + 1} documents on "mtlint"\n`)
    // Not a document: enqueue refuses it, so put it on the queue as another producer might.
    const queue = new Queue('mtlint', {connection: redis})
    await queue.add('document', {id: 'malformed', text: 42})

    const done = async () => Number(await redis.hlen('mtlint:results:ids'))
    const killed = worker('--lock-ms', '2000')
    const stopped = worker('--lock-ms', '2000')
    await until(async () => (await done()) >= total / 4, 'a quarter of the results', 200_000)
    killed.process.kill('SIGKILL')
    const atKill = await done()

    await until(async () => (await done()) >= total / 2, 'half of the results', 200_000)
    stopped.process.kill('SIGTERM')
    const stop = await stopped.exit
    expect(stop, stopped.stderr).toEqual({code: 0, signal: null})
    expect(stopped.stderr).toMatch(/stopped; \d+ results written/)
    // Graceful: the jobs it held were finished, none is left active in its name.
    const name = /mtlint worker (\S+): taking/.exec(stopped.stderr)![1]
    const active = await queue.getActive()
    expect(active.filter((job) => job.processedBy === name)).toEqual([])

    const finisher = worker('--lock-ms', '2000')
    const counts = async () => Object.values(await queue.getJobCounts('active', 'waiting', 'delayed', 'failed')).reduce((sum, count) => sum + count, 0)
    // Done: every result written, no job left, and the failed set drained into the dead letters.
    await until(async () => (await done()) >= total + 1 && (await counts()) === 0, 'every result', 300_000)
    finisher.process.kill('SIGTERM')
    expect(await finisher.exit, finisher.stderr).toEqual({code: 0, signal: null})
    expect(atKill).toBeLessThan(total / 2)
    // The killed worker held jobs (concurrency 4): their locks ran out and a live worker put them back on the queue.
    const takenBack = [stopped, finisher].map((child) => Number(/(\d+) jobs of stopped workers taken back/.exec(child.stderr)?.[1] ?? 0))
    expect(takenBack[0]! + takenBack[1]!).toBeGreaterThan(0)

    const entries: ResultEntry[] = []
    for (let after = '-'; ; ) {
      const page = await readResults(redis, {queue: 'mtlint', results: 'mtlint:results', deadLetter: 'mtlint-dead'}, after, 2000)
      if (page.length === 0) break
      entries.push(...page)
      after = page.at(-1)!.entry
    }

    // Exactly once: one entry per document, none missing, none extra.
    const ids = entries.map((entry) => entry.id)
    expect(new Set(ids).size).toBe(ids.length)
    expect(ids.length).toBe(total + 1)
    expect(new Set(ids)).toEqual(new Set([...documents.map((document) => document.id), 'empty']))
    const byId = new Map(entries.map((entry) => [entry.id, entry]))
    expect(byId.get('empty')!.error).toBe('empty: empty input, expected UTF-8 text')

    const cache = new Map<string, unknown>()
    let mismatches = 0
    for (const document of documents) {
      const name = document.filename ?? document.id
      const key = extname(name) + '\0' + document.text
      let expected = cache.get(key)
      if (!expected) {
        const {words, score, penalty, findings} = lintText(document.text, 'x' + extname(name), defaultConfig())
        expected = JSON.parse(JSON.stringify({words, score, penalty, findings}))
        cache.set(key, expected)
      }

      const result = byId.get(document.id)!.result as Record<string, unknown>
      const {words, score, penalty, findings} = result
      if (result['path'] !== name || JSON.stringify({words, score, penalty, findings}) !== JSON.stringify(expected)) mismatches++
    }

    expect(mismatches).toBe(0)

    // A sample against the CLI itself: the whole report entry, verdict included.
    const sample = documents.filter((_, index) => index % 997 === 0)
    for (const document of sample) writeFileSync(join(dir, document.filename ?? document.id), document.text)
    const cli = mtlint(['lint', '--format', 'json', ...sample.map((document) => document.filename ?? document.id)], {cwd: dir})
    const report = JSON.parse(cli.stdout) as {files: Array<{path: string}>}
    expect(report.files.map((file) => file.path).sort()).toEqual(sample.map((document) => document.filename ?? document.id).sort())
    for (const file of report.files) {
      const document = sample.find((candidate) => (candidate.filename ?? candidate.id) === file.path)!
      expect(byId.get(document.id)!.result).toEqual(file)
    }

    // The malformed job went to the dead letters, not to the results; a job
    // that lost its lock but has its result (a starved worker) is not a dead letter.
    const deadLetters = new Queue('mtlint-dead', {connection: redis})
    const letters = await deadLetters.getWaiting()
    expect(letters.map((letter) => (letter.data as {data: unknown}).data)).toEqual([{id: 'malformed', text: 42}])
    expect((letters[0]!.data as {failedReason: string}).failedReason).toBe('Unexpected number as "text", expected a string')
    await Promise.all([queue.close(), deadLetters.close()])
  }, 400_000)

  it('retries a job whose result cannot be written, with backoff, then moves it to the dead letters', async () => {
    // A results key of the wrong type makes every write fail: a fault around the lint, which a retry may fix.
    await redis.set('broken:results', 'not a stream')
    const queued = enqueue(['--queue', 'broken', '--attempts', '3', '--backoff-ms', '200'], JSON.stringify({id: 'one', text: 'A sentence.'}) + '\n')
    expect(queued.status, queued.stderr).toBe(0)
    const started = Date.now()
    const child = worker('--queue', 'broken', '--lock-ms', '1000')
    const deadLetters = new Queue('broken-dead', {connection: redis})
    await until(async () => (await deadLetters.getWaitingCount()) === 1, 'the dead letter', 60_000)
    const elapsed = Date.now() - started
    child.process.kill('SIGTERM')
    expect(await child.exit, child.stderr).toEqual({code: 0, signal: null})
    const [letter] = await deadLetters.getWaiting()
    const data = letter!.data as {job: string; attemptsMade: number; failedReason: string; data: unknown}
    expect(data.attemptsMade).toBe(3)
    expect(data.failedReason).toMatch(/^WRONGTYPE/)
    expect(data.data).toEqual({id: 'one', text: 'A sentence.'})
    // Exponential backoff: 200 ms, then 400 ms between the three attempts.
    expect(elapsed).toBeGreaterThanOrEqual(600)
    expect(await redis.hexists('broken:results:ids', 'one')).toBe(0)
    await deadLetters.close()
  }, 90_000)

  it('lints files queued by path or by text as mtlint lint does, and a file gone by then as its one-line error', async () => {
    const files = {'paths/a.txt': 'The the minister said that that the plan , was ready.\n', 'paths/b.md': '# Title\n\nIt said “yes .\n', 'paths/c.txt': 'A clean sentence.\n', 'paths/gone.txt': 'Soon gone.\n'}
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(join(dir, 'paths'), {recursive: true})
      writeFileSync(join(dir, path), text)
    }

    const byPath = enqueue(['--queue', 'paths', '--by-path', 'paths/a.txt', 'paths/b.md', 'paths/gone.txt'], '')
    expect(byPath.stdout, byPath.stderr).toBe('queued 3 documents on "paths"\n')
    expect(enqueue(['--queue', 'paths', 'paths/c.txt'], '').status).toBe(0)
    rmSync(join(dir, 'paths/gone.txt'))
    const child = worker('--queue', 'paths')
    await until(async () => Number(await redis.hlen('paths:results:ids')) === 4, 'four results', 60_000)
    child.process.kill('SIGTERM')
    expect(await child.exit).toEqual({code: 0, signal: null})

    const entries = await readResults(redis, {queue: 'paths', results: 'paths:results', deadLetter: 'paths-dead'})
    const byId = new Map(entries.map((entry) => [entry.id, entry]))
    expect(byId.get('paths/gone.txt')!.error).toBe(`${join(dir, 'paths/gone.txt')}: no such file`)
    const cli = JSON.parse(mtlint(['lint', '--format', 'json', 'paths/a.txt', 'paths/b.md', 'paths/c.txt'], {cwd: dir}).stdout) as {files: Array<{path: string}>}
    expect(cli.files.length).toBe(3)
    for (const file of cli.files) {
      const result = byId.get(file.path)!.result as {path: string}
      // A path job is labelled with the absolute path every worker opened; a text job with its file name.
      expect({...result, path: file.path}).toEqual(file)
      expect(result.path).toBe(file.path === 'paths/c.txt' ? 'paths/c.txt' : join(dir, file.path))
    }
  })

  it('refuses an unreachable Redis and stray operands with one line and exit 2', () => {
    const unreachable = mtlint(['worker', '--redis', 'redis://127.0.0.1:1'])
    expect(unreachable.code).toBe(2)
    expect(unreachable.stderr).toMatch(/^mtlint: cannot reach Redis at redis:\/\/127\.0\.0\.1:1 \(.+\), expected a running Redis server \(--redis or MTLINT_REDIS_URL\)\n$/)
    const stray = mtlint(['worker', 'file.txt', '--redis', url])
    expect(stray).toMatchObject({code: 2, stderr: 'mtlint: Unexpected operand `file.txt`, expected none (documents come from the queue)\n'})
    const wrongUrl = mtlint(['enqueue', '-', '--redis', 'http://x'])
    expect(wrongUrl).toMatchObject({code: 2, stderr: 'mtlint: --redis: got `http://x`, expected a redis:// or rediss:// URL\n'})
  })
})
