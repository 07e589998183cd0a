/**
 * The language server under hostile or unlucky traffic (issue 14): requests
 * after `shutdown`, exit codes, a wrong Content-Length, a document whose lint
 * is slow, a lint that throws, and a configuration that changes while a lint
 * is on its way back. The compiled server (`mtlint lsp`) over stdio, except
 * for the last two, which need a linter that throws or waits on demand: there
 * the server runs in this process on an in-thread backend.
 */
import {spawn, type ChildProcessWithoutNullStreams} from 'node:child_process'
import {mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {PassThrough} from 'node:stream'
import {fileURLToPath, pathToFileURL} from 'node:url'
import {createConnection, ProposedFeatures} from 'vscode-languageserver/node.js'
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type ProtocolConnection,
  type PublishDiagnosticsParams
} from 'vscode-languageserver-protocol/node.js'
import {afterEach, describe, expect, it} from 'vitest'
import type {LintBackend} from '../src/lsp/lint-backend.js'
import {LintService, type LintJob, type LintReply} from '../src/lsp/lint-service.js'
import type {ConfigurationPreference} from '../src/lsp/settings.js'
import {oneLine} from '../src/lsp/lint-worker.js'
import {serve} from '../src/lsp/server.js'
import {waitFor} from './helpers/lsp.js'

const root = fileURLToPath(new URL('..', import.meta.url))
const folder = mkdtempSync(join(tmpdir(), 'mtlint-lsp-hardening-'))
const uriOf = (name: string) => pathToFileURL(join(folder, name)).href

interface Client {
  connection: ProtocolConnection
  published: PublishDiagnosticsParams[]
  logs: string[]
  /** window/showMessage texts. */
  messages: string[]
  /** Names of the events in the order they arrived, for ordering assertions. */
  events: string[]
}

function client(connection: ProtocolConnection): Client {
  const result: Client = {connection, published: [], logs: [], messages: [], events: []}
  connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
    result.published.push(params)
    result.events.push(`publish ${params.uri}`)
  })
  connection.onNotification('window/logMessage', (params: {message: string}) => result.logs.push(params.message))
  connection.onNotification('window/showMessage', (params: {message: string}) => result.messages.push(params.message))
  connection.onRequest('client/registerCapability', () => null)
  connection.listen()
  return result
}

interface Spawned extends Client {
  child: ChildProcessWithoutNullStreams
  exited: Promise<number | null>
}

const children: ChildProcessWithoutNullStreams[] = []
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill()
})

function spawnServer(): Spawned {
  const child = spawn(process.execPath, [join(root, 'bin/mtlint.js'), 'lsp'], {stdio: 'pipe'})
  children.push(child)
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
  return {...client(createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin))), child, exited}
}

async function initialize(server: Client, options: Record<string, unknown> = {}): Promise<void> {
  await server.connection.sendRequest('initialize', {processId: null, rootUri: pathToFileURL(folder).href, capabilities: {}, initializationOptions: options})
  await server.connection.sendNotification('initialized', {})
}

/** The first diagnostics published for `uri` that `where` accepts (any, by default). */
function publishedFor(server: Client, uri: string, what: string, where: (params: PublishDiagnosticsParams) => boolean = () => true, timeout?: number): Promise<PublishDiagnosticsParams> {
  return waitFor(() => server.published.find((params) => params.uri === uri && where(params)), what, timeout)
}

/** A server started and initialized (with `options`), with `name` open as `text` and its first diagnostics published. */
async function serverWith(name: string, text: string, what: string, options: Record<string, unknown> = {}): Promise<{server: Spawned; uri: string; published: PublishDiagnosticsParams}> {
  const server = spawnServer()
  await initialize(server, options)
  const uri = uriOf(name)
  await open(server, uri, text)
  return {server, uri, published: await publishedFor(server, uri, what)}
}

/** A request, or a rejection naming it when no answer comes (a lost request would otherwise hang the test). */
function answered<T>(request: Promise<T>, what: string, timeout = 15_000): Promise<T> {
  return Promise.race([request, new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`no answer to ${what}`)), timeout))])
}

const open = (server: Client, uri: string, text: string, version = 1) =>
  server.connection.sendNotification('textDocument/didOpen', {textDocument: {uri, languageId: 'plaintext', version, text}})

const hover = (server: Client, uri: string, line = 0, character = 0) =>
  server.connection.sendRequest('textDocument/hover', {textDocument: {uri}, position: {line, character}})

const frame = (message: object, shortBy = 0) => {
  const body = JSON.stringify(message)
  return `Content-Length: ${Buffer.byteLength(body) - shortBy}\r\n\r\n${body}`
}

describe('mtlint lsp after shutdown', () => {
  it('answers every request with InvalidRequest, then exits 0 on exit', async () => {
    const {server, uri} = await serverWith('after-shutdown.txt', 'The ministers said the the talks would continue.', 'diagnostics')
    await server.connection.sendRequest('shutdown')
    const invalid = {code: -32600}
    await expect(hover(server, uri)).rejects.toMatchObject(invalid)
    await expect(
      server.connection.sendRequest('textDocument/codeAction', {textDocument: {uri}, range: {start: {line: 0, character: 0}, end: {line: 0, character: 0}}, context: {diagnostics: []}})
    ).rejects.toMatchObject(invalid)
    await expect(server.connection.sendRequest('mtlint/noSuchMethod', {})).rejects.toMatchObject(invalid)
    await expect(server.connection.sendRequest('shutdown')).rejects.toMatchObject(invalid)
    await server.connection.sendNotification('exit')
    expect(await server.exited).toBe(0)
  })

  it('exits 0 when stdin closes after shutdown, 1 when it closes without', async () => {
    const polite = spawnServer()
    await initialize(polite)
    await polite.connection.sendRequest('shutdown')
    polite.child.stdin.end()
    const abrupt = spawnServer()
    await initialize(abrupt)
    abrupt.child.stdin.end()
    expect([await polite.exited, await abrupt.exited]).toEqual([0, 1])
  })
})

describe('mtlint lsp with a wrong Content-Length', () => {
  it('loses no message when a Content-Length is 10 bytes short', async () => {
    const server = spawnServer()
    await initialize(server)
    const uri = uriOf('short-header.txt')
    const didOpen = {jsonrpc: '2.0', method: 'textDocument/didOpen', params: {textDocument: {uri, languageId: 'plaintext', version: 1, text: 'The ministers said the the talks would continue.'}}}
    server.child.stdin.write(frame(didOpen, 10))
    // The request right after it, framed correctly: the one vscode-jsonrpc's reader loses. It needs the document too.
    const actions = (await answered(
      server.connection.sendRequest('textDocument/codeAction', {textDocument: {uri}, range: {start: {line: 0, character: 20}, end: {line: 0, character: 20}}, context: {diagnostics: []}}),
      'the request after the short message'
    )) as Array<{title: string}>
    expect(actions.map((action) => action.title)).toContain('Replace `the the` with `the`')
    const published = await publishedFor(server, uri, 'diagnostics of the short message')
    expect(published.diagnostics.map((diagnostic) => diagnostic.code)).toEqual(['repeated-word'])
    expect(server.child.exitCode).toBeNull()
  })

  it('answers at once when a Content-Length is longer than all that follows it, in one write', async () => {
    const server = spawnServer()
    await initialize(server)
    const uri = uriOf('long-header.txt')
    const didOpen = {jsonrpc: '2.0', method: 'textDocument/didOpen', params: {textDocument: {uri, languageId: 'plaintext', version: 1, text: 'The ministers said the the talks would continue.'}}}
    const hoverRequest = {jsonrpc: '2.0', id: 'after-long', method: 'textDocument/hover', params: {textDocument: {uri}, position: {line: 0, character: 0}}}
    const answer = new Promise((resolve) => server.child.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('"after-long"') && resolve(true)))
    // 1,000 bytes too long: no more bytes come until the client has its answer.
    server.child.stdin.write(frame(didOpen, -1000) + frame(hoverRequest))
    expect(await answered(answer, 'the request after the long message', 5000)).toBe(true)
    const published = await publishedFor(server, uri, 'diagnostics of the long message')
    expect(published.diagnostics.map((diagnostic) => diagnostic.code)).toEqual(['repeated-word'])
  })

  it('drops a message that is not JSON and reads the next one, in one write', async () => {
    const server = spawnServer()
    await initialize(server)
    const uri = uriOf('garbage.txt')
    const didOpen = {jsonrpc: '2.0', method: 'textDocument/didOpen', params: {textDocument: {uri, languageId: 'plaintext', version: 1, text: 'It was a question of power. Power.'}}}
    server.child.stdin.write('Content-Length: 25\r\n\r\n{"jsonrpc": "2.0", "id": 7, "method"' + frame(didOpen))
    const published = await publishedFor(server, uri, 'diagnostics of the message after the garbage')
    expect(published.diagnostics.map((diagnostic) => diagnostic.code)).toEqual(['repeated-word'])
    expect(await answered(hover(server, uri), 'a request after the garbage')).not.toBeNull()
  })
})

describe('mtlint lsp on a slow document', () => {
  it("answers a request sent right after opening 'a/' × 100,000 before that document's diagnostics", async () => {
    const {server, uri: small} = await serverWith('small.txt', 'The ministers said the the talks would continue.', 'diagnostics of the small document')
    const slow = uriOf('slashes.txt')
    await open(server, slow, 'a/'.repeat(100_000))
    const answer = hover(server, small, 0, 20).then((value) => {
      server.events.push('hover answered')
      return value
    })
    expect(await answered(answer, 'the hover')).toMatchObject({contents: {value: expect.stringContaining('repeated-word')}})
    await publishedFor(server, slow, 'diagnostics of the slow document', () => true, 60_000)
    expect(server.events.filter((event) => event !== `publish ${small}`)).toEqual(['hover answered', `publish ${slow}`])
  })

  it('stops a lint that runs past lintTimeoutMs: one error diagnostic, one log line, and the server goes on', async () => {
    const {server, uri, published} = await serverWith('timeout.txt', 'The talks resumed in Geneva on Friday, officials said. '.repeat(2000), 'the error diagnostic', {lintTimeoutMs: 1})
    expect(published.diagnostics).toMatchObject([{code: 'lint-failed', severity: 1, message: expect.stringContaining('lintTimeoutMs')}])
    await waitFor(() => (server.logs.length > 0 ? true : undefined), 'the log line')
    expect(server.logs).toHaveLength(1)
    expect(server.logs[0]).not.toContain('\n')
    expect(await answered(hover(server, uri), 'a request after the timeout')).toBeNull()
  })
})

/** The real linter in this thread, throwing for texts that ask for it. */
class ThrowingBackend implements LintBackend {
  private readonly service = new LintService()
  ready = Promise.resolve()
  async lint(job: LintJob): Promise<LintReply> {
    if (job.text.includes('THROW')) throw new Error(oneLine(new RangeError('Maximum call stack size exceeded')))
    return this.service.lint(job)
  }

  close(uri: string): void {
    this.service.close(uri)
  }

  reload(): void {
    this.service.reload()
  }

  configure(rootFolder: string): void {
    this.service.configure(rootFolder)
  }

  async setRules(rules: Record<string, unknown> | undefined, preference?: ConfigurationPreference): Promise<void> {
    try {
      this.service.setRules(rules, preference)
    } catch (error) {
      throw new Error(oneLine(error))
    }
  }

  explain(): string | undefined {
    return undefined
  }

  async dispose(): Promise<void> {}
}

describe('mtlint lsp when a lint throws', () => {
  it('replaces the stale diagnostics with one error diagnostic and logs one line', async () => {
    const {server, stop} = await inThreadServer(new ThrowingBackend(), folder)
    const uri = uriOf('throws.txt')
    await open(server, uri, 'The ministers said the the talks would continue.')
    const first = await publishedFor(server, uri, 'the first diagnostics')
    expect(first.diagnostics.map((diagnostic) => diagnostic.code)).toEqual(['repeated-word'])

    await server.connection.sendNotification('textDocument/didChange', {textDocument: {uri, version: 2}, contentChanges: [{text: 'THROW the the talks.'}]})
    const failed = await publishedFor(server, uri, 'diagnostics of version 2', (params) => params.version === 2)
    expect(failed.diagnostics).toMatchObject([{code: 'lint-failed', severity: 1, message: expect.stringContaining('RangeError: Maximum call stack size exceeded')}])
    await waitFor(() => (server.logs.length > 0 ? true : undefined), 'the log line')
    expect(server.logs).toEqual([expect.stringMatching(/^mtlint: linting file:.*throws\.txt \(version 2\) failed: RangeError: Maximum call stack size exceeded$/)])

    // The next good version is linted again.
    await server.connection.sendNotification('textDocument/didChange', {textDocument: {uri, version: 3}, contentChanges: [{text: 'It was a question of power. Power.'}]})
    const recovered = await publishedFor(server, uri, 'diagnostics of version 3', (params) => params.version === 3)
    expect(recovered.diagnostics.map((diagnostic) => diagnostic.code)).toEqual(['repeated-word'])
    await stop()
  })
})

/** The real linter in this thread; a text holding HOLD is linted at once, and its result held until `release`. */
class HoldingBackend extends ThrowingBackend {
  release = () => {}
  private readonly held = new Promise<void>((resolve) => (this.release = resolve))
  override async lint(job: LintJob): Promise<LintReply> {
    const reply = await super.lint(job)
    if (job.text.includes('HOLD')) await this.held
    return reply
  }
}

describe('mtlint lsp when the configuration changes during a lint', () => {
  it('lints again with the new configuration instead of keeping the result linted with the old one', async () => {
    const project = join(folder, 'config-race')
    mkdirSync(project)
    const rc = join(project, '.mtlintrc.json')
    writeFileSync(rc, '{}\n')
    const backend = new HoldingBackend()
    const {server, stop} = await inThreadServer(backend, project, {}, {workspace: {didChangeWatchedFiles: {dynamicRegistration: true}}})
    const uri = pathToFileURL(join(project, 'held.txt')).href
    await open(server, uri, 'HOLD The ministers said the the talks would continue.')
    await hover(server, uri)
    // While that lint (with the old configuration) is on its way back, the rule is turned off.
    writeFileSync(rc, '{"rules": {"repeated-word": "off"}}\n')
    await server.connection.sendNotification('workspace/didChangeWatchedFiles', {changes: [{uri: pathToFileURL(rc).href, type: 2}]})
    await hover(server, uri)
    backend.release()
    await waitFor(() => (server.published.some((params) => params.uri === uri) ? true : undefined), 'diagnostics')
    await waitFor(() => (server.published.findLast((params) => params.uri === uri)!.diagnostics.length === 0 ? true : undefined), 'diagnostics linted with the new configuration', 5000)
    await stop()
  })
})

/** The inotify watches this process holds (Linux): one line per watch in the fdinfo of its inotify descriptors. */
function inotifyWatches(): number {
  let count = 0
  for (const fd of readdirSync('/proc/self/fdinfo')) {
    try {
      count += readFileSync(`/proc/self/fdinfo/${fd}`, 'utf8').split('\n').filter((line) => line.startsWith('inotify wd:')).length
    } catch {
      // A descriptor closed while we read.
    }
  }

  return count
}

/**
 * A server in this thread on `backend`, initialized for `project`; without `capabilities`, a client without dynamic
 * registration of file watchers, for which the server watches the config folders itself.
 */
async function inThreadServer(
  backend: LintBackend,
  project: string,
  options: Record<string, unknown> = {},
  capabilities: Record<string, unknown> = {}
): Promise<{server: Client; stop(): Promise<void>}> {
  const up = new PassThrough()
  const down = new PassThrough()
  const serverConnection = createConnection(ProposedFeatures.all, new StreamMessageReader(up), new StreamMessageWriter(down))
  serve(serverConnection, backend)
  serverConnection.listen()
  const server = client(createProtocolConnection(new StreamMessageReader(down), new StreamMessageWriter(up)))
  await server.connection.sendRequest('initialize', {processId: null, rootUri: pathToFileURL(project).href, capabilities, initializationOptions: {debounceMs: 1, documentDelayMs: 5, ...options}})
  await server.connection.sendNotification('initialized', {})
  return {
    server,
    async stop() {
      await server.connection.sendRequest('shutdown')
      server.connection.dispose()
      serverConnection.dispose()
    }
  }
}

const watchingServer = (project: string, options: Record<string, unknown> = {}) => inThreadServer(new ThrowingBackend(), project, options)

describe.runIf(process.platform === 'linux')("mtlint lsp's own folder watchers", () => {
  it('lets go of the watches when documents close: 1,000 documents in 1,000 folders opened and closed', async () => {
    const project = join(folder, 'many-folders')
    const before = inotifyWatches()
    const {server, stop} = await watchingServer(project)
    const uris: string[] = []
    for (let index = 0; index < 1000; index++) {
      const sub = join(project, `f${index}`)
      mkdirSync(sub, {recursive: true})
      const uri = pathToFileURL(join(sub, 'a.txt')).href
      uris.push(uri)
      await open(server, uri, 'The talks resumed on Friday.')
    }

    await waitFor(() => (server.published.filter((params) => params.diagnostics.length === 0).length >= 1000 ? true : undefined), '1,000 publications', 60_000)
    expect(inotifyWatches() - before).toBeGreaterThanOrEqual(1000)
    for (const uri of uris) await server.connection.sendNotification('textDocument/didClose', {textDocument: {uri}})
    await hover(server, uris[0]!)
    expect(inotifyWatches() - before).toBe(0)

    // Shutdown lets go of the watches of documents still open.
    await open(server, uris[1]!, 'The talks resumed on Friday.')
    await hover(server, uris[1]!)
    expect(inotifyWatches()).toBeGreaterThan(before)
    await stop()
    expect(inotifyWatches() - before).toBe(0)
    expect(server.logs).toEqual([])
  }, 120_000)

  it('goes on when a watched folder is deleted: no log line, and a config written where it is created again is seen', async () => {
    const project = join(folder, 'deleted-folder')
    const sub = join(project, 'sub')
    mkdirSync(sub, {recursive: true})
    const {server, stop} = await watchingServer(project)
    const uri = pathToFileURL(join(sub, 'a.txt')).href
    const text = 'The ministers said the the talks would continue.'
    await open(server, uri, text)
    await publishedFor(server, uri, 'the repeated-word diagnostic', (params) => params.diagnostics.length === 1)
    rmSync(sub, {recursive: true})
    await new Promise((resolve) => setTimeout(resolve, 200))
    expect(await answered(hover(server, uri, 0, 20), 'a hover after the folder was deleted')).not.toBeNull()

    // Reopened after the folder is back: its watch is taken again.
    mkdirSync(sub)
    await server.connection.sendNotification('textDocument/didClose', {textDocument: {uri}})
    await open(server, uri, text, 2)
    await publishedFor(server, uri, 'diagnostics again', (params) => params.version === 2 && params.diagnostics.length === 1)
    writeFileSync(join(sub, '.mtlintrc.json'), '{"rules": {"repeated-word": "off"}}\n')
    await waitFor(() => (server.published.findLast((params) => params.uri === uri)!.diagnostics.length === 0 ? true : undefined), 'the rule turned off', 5000)
    expect(server.logs).toEqual([])
    await stop()
  })
})

describe.runIf(process.platform === 'linux')("mtlint lsp's own folder watchers under editorOnly", () => {
  it('holds no watch while configuration files are not read, takes them when the preference changes, and lints nothing again for a file written meanwhile', async () => {
    const project = join(folder, 'editor-only-watches')
    mkdirSync(project, {recursive: true})
    const uri = pathToFileURL(join(project, 'a.txt')).href
    const before = inotifyWatches()
    const {server, stop} = await watchingServer(project, {configurationPreference: 'editorOnly'})
    await open(server, uri, 'The ministers said the the talks would continue.')
    await publishedFor(server, uri, 'the repeated-word diagnostic', (params) => params.diagnostics.length === 1)
    expect(inotifyWatches() - before).toBe(0)

    // A file written now is not read: no second publication.
    writeFileSync(join(project, '.mtlintrc.json'), '{"rules": {"repeated-word": "off"}}\n')
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect(server.published.filter((params) => params.uri === uri)).toHaveLength(1)

    // editorFirst reads it (the rule off) and watches the folders; editorOnly lets go of them again.
    await server.connection.sendNotification('workspace/didChangeConfiguration', {settings: {mtlint: {configurationPreference: 'editorFirst'}}})
    await waitFor(() => (server.published.findLast((params) => params.uri === uri)!.diagnostics.length === 0 ? true : undefined), 'the rule turned off by the file', 5000)
    expect(inotifyWatches()).toBeGreaterThan(before)
    await server.connection.sendNotification('workspace/didChangeConfiguration', {settings: {mtlint: {configurationPreference: 'editorOnly'}}})
    await waitFor(() => (server.published.findLast((params) => params.uri === uri)!.diagnostics.length === 1 ? true : undefined), 'the defaults again', 5000)
    expect(inotifyWatches() - before).toBe(0)
    expect(server.logs).toEqual([])
    await stop()
  })
})

describe('mtlint lsp settings from the editor', () => {
  const text = 'The ministers said the the talks would continue.'
  const project = join(folder, 'editor-settings')
  mkdirSync(project, {recursive: true})
  writeFileSync(join(project, '.mtlintrc.json'), '{"rules": {"repeated-word": "minor"}}\n')
  const uri = pathToFileURL(join(project, 'a.txt')).href
  const severities = (server: Client) => server.published.findLast((params) => params.uri === uri)?.diagnostics.map((diagnostic) => diagnostic.severity)
  const change = (server: Client, settings: unknown) => server.connection.sendNotification('workspace/didChangeConfiguration', {settings})
  /** The next publication for the document after `count` of them shows `expected`. */
  const published = (server: Client, expected: number[], what: string) =>
    waitFor(() => (JSON.stringify(severities(server)) === JSON.stringify(expected) ? true : undefined), what, 5000)

  it('lays rules from didChangeConfiguration over .mtlintrc.json, lints open documents again, and keeps the last good rules when the next are invalid', async () => {
    const {server, stop} = await watchingServer(project)
    await open(server, uri, text)
    await published(server, [2], 'the project severity (minor: Warning)')
    await change(server, {mtlint: {rules: {'repeated-word': 'off'}}})
    await published(server, [], 'the rule turned off by the editor')
    await change(server, {mtlint: {rules: {'repeated-word': 'critical'}}})
    await published(server, [1], 'the editor severity (critical: Error)')

    // Invalid settings: one message each, the last good ones stay, the server goes on.
    const invalid: unknown[] = [
      {mtlint: {rules: {'no-such-rule': 'off'}}},
      {mtlint: {rules: {'repeated-word': 'loud'}}},
      {mtlint: {rules: ['repeated-word']}},
      {mtlint: 'yes'},
      {mtlint: {rules: {'repeated-word': 'critical'}, debounceMs: -1, lintTimeoutMs: 'soon'}},
      {mtlint: {rules: JSON.parse('{"repeated-word": ["minor", ' + '['.repeat(100) + ']'.repeat(100) + ']}')}}
    ]
    for (const [index, settings] of invalid.entries()) {
      await change(server, settings)
      await waitFor(() => (server.messages.length === index + 1 ? true : undefined), `the message for invalid settings ${index}`, 5000)
    }

    expect(server.messages).toEqual([
      'mtlint: settings.mtlint: rules.no-such-rule: unknown rule, expected a rule id listed by `mtlint rules`; kept the last rules',
      expect.stringMatching(/^mtlint: settings\.mtlint: rules\.repeated-word: got "loud", expected .*; kept the last rules$/),
      'mtlint: settings.mtlint.rules: got an array, expected an object of rule ids, as in .mtlintrc.json; kept the last rules',
      'mtlint: settings.mtlint: got "yes", expected an object',
      'mtlint: settings.mtlint.debounceMs: got -1, expected a number of at least 0; kept 1; settings.mtlint.lintTimeoutMs: got "soon", expected a number of at least 0; kept 10000',
      expect.stringMatching(/^mtlint: settings\.mtlint: rules\..*nested deeper than 32 levels.*; kept the last rules$/)
    ])
    expect(server.logs).toEqual(server.messages)
    await server.connection.sendNotification('textDocument/didChange', {textDocument: {uri, version: 2}, contentChanges: [{text: `${text} `}]})
    await publishedFor(server, uri, 'version 2', (params) => params.version === 2)
    expect(severities(server)).toEqual([1])

    // A section without rules: the project's configuration again.
    await change(server, {mtlint: {}})
    await published(server, [2], 'the project severity again')
    await stop()
  })

  it('does the same in the worker of `mtlint lsp`, and a new worker (after a lint timed out) keeps the rules', async () => {
    const server = spawnServer()
    await server.connection.sendRequest('initialize', {processId: null, rootUri: pathToFileURL(project).href, capabilities: {}, initializationOptions: {debounceMs: 1, documentDelayMs: 5}})
    await server.connection.sendNotification('initialized', {})
    await open(server, uri, text)
    await published(server, [2], 'the project severity')
    await change(server, {mtlint: {rules: {'repeated-word': 'critical'}}})
    await published(server, [1], 'the editor severity')
    await change(server, {mtlint: {rules: {'no-such-rule': 'off'}}})
    await waitFor(() => (server.messages.length > 0 ? true : undefined), 'the message')
    expect(server.messages).toEqual(['mtlint: settings.mtlint: rules.no-such-rule: unknown rule, expected a rule id listed by `mtlint rules`; kept the last rules'])
    const slow = pathToFileURL(join(project, 'slow.txt')).href
    await change(server, {mtlint: {rules: {'repeated-word': 'critical'}, lintTimeoutMs: 1}})
    await open(server, slow, 'The talks resumed in Geneva on Friday, officials said. '.repeat(2000))
    await publishedFor(server, slow, 'the timed-out lint')
    await change(server, {mtlint: {rules: {'repeated-word': 'critical'}}})
    await server.connection.sendNotification('textDocument/didChange', {textDocument: {uri, version: 2}, contentChanges: [{text: `${text} `}]})
    await publishedFor(server, uri, 'version 2', (params) => params.version === 2)
    expect(severities(server)).toEqual([1])
  })

  it('lets the project file win with configurationPreference "filesystemFirst", ignores it with "editorOnly", and keeps the last preference when one is unknown', async () => {
    const {server, stop} = await watchingServer(project, {rules: {'repeated-word': 'info'}, configurationPreference: 'filesystemFirst'})
    await open(server, uri, text)
    await published(server, [2], 'the project severity (minor) over the editor rules')
    // A document no configuration file reaches takes the editor's rules.
    mkdirSync(join(folder, 'no-config'), {recursive: true})
    const alone = pathToFileURL(join(folder, 'no-config', 'b.txt')).href
    await open(server, alone, text)
    await waitFor(() => (server.published.findLast((params) => params.uri === alone)?.diagnostics[0]?.severity === 3 ? true : undefined), 'the editor severity (info) without a project file')
    await change(server, {mtlint: {rules: {'repeated-word': 'info'}, configurationPreference: 'editorFirst'}})
    await published(server, [3], 'the editor severity over the project file')
    // editorOnly: the defaults (repeated-word is major: Error) under the editor's rules (none here), the project file unread.
    await change(server, {mtlint: {rules: {}, configurationPreference: 'editorOnly'}})
    await published(server, [1], 'the default severity, the project file ignored')
    await change(server, {mtlint: {rules: {'repeated-word': 'info'}, configurationPreference: 'editorOnly'}})
    await published(server, [3], 'the editor severity over the defaults')
    await change(server, {mtlint: {rules: {'repeated-word': 'info'}, configurationPreference: 'projectFirst'}})
    await waitFor(() => (server.messages.length > 0 ? true : undefined), 'the message')
    expect(server.messages).toEqual(['mtlint: settings.mtlint.configurationPreference: got "projectFirst", expected "editorFirst", "filesystemFirst", "editorOnly"; kept "editorOnly"'])
    await server.connection.sendNotification('textDocument/didChange', {textDocument: {uri, version: 2}, contentChanges: [{text: `${text} `}]})
    await publishedFor(server, uri, 'version 2', (params) => params.version === 2)
    expect(severities(server)).toEqual([3])
    await stop()
  })

  it('takes rules from initializationOptions before the first lint', async () => {
    const {server, stop} = await watchingServer(project, {rules: {'repeated-word': 'critical'}})
    await open(server, uri, text)
    await published(server, [1], 'the editor severity from initializationOptions')
    expect(server.published.filter((params) => params.uri === uri).map((params) => params.diagnostics.length)).toEqual([1])
    expect(server.messages).toEqual([])
    await stop()
  })
})

describe('mtlint lsp incremental changes in UTF-16 positions', () => {
  it('applies ranges after emoji (surrogate pairs) and across CRLF line ends, and its diagnostics point at the words', async () => {
    const project = join(folder, 'utf16')
    mkdirSync(project, {recursive: true})
    const {server, stop} = await watchingServer(project)
    const uri = pathToFileURL(join(project, 'a.txt')).href
    let text = 'Hello 😀 world, 👍🏽 fine.\r\nThe talks 😀 went on.\r\n'
    await open(server, uri, text)
    await publishedFor(server, uri, 'the first diagnostics')
    // Insert ' the the' after 'talks' on line 1 (character 9; the emoji before it is not on that line), then
    // replace the emoji of line 0 (characters 6-8: one code point, two UTF-16 units) and join the lines across the CRLF.
    const edits = [
      {range: {start: {line: 1, character: 9}, end: {line: 1, character: 9}}, text: ' the the'},
      {range: {start: {line: 0, character: 6}, end: {line: 0, character: 8}}, text: '🙂🙂'},
      {range: {start: {line: 0, character: 28}, end: {line: 1, character: 0}}, text: ' '}
    ]
    const apply = (line: number, character: number) => {
      const lines = text.split('\r\n')
      return lines.slice(0, line).reduce((sum, each) => sum + each.length + 2, 0) + character
    }

    for (const [index, edit] of edits.entries()) {
      const start = apply(edit.range.start.line, edit.range.start.character)
      const end = apply(edit.range.end.line, edit.range.end.character)
      text = text.slice(0, start) + edit.text + text.slice(end)
      await server.connection.sendNotification('textDocument/didChange', {textDocument: {uri, version: index + 2}, contentChanges: [edit]})
    }

    expect(text).toBe('Hello 🙂🙂 world, 👍🏽 fine. The talks the the 😀 went on.\r\n')
    const last = await publishedFor(server, uri, 'diagnostics of version 4', (params) => params.version === 4 && params.diagnostics.length > 0)
    const repeated = last.diagnostics.find((diagnostic) => diagnostic.code === 'repeated-word')!
    expect(repeated.range.start.line).toBe(0)
    const lineText = text.split('\r\n')[0]!
    expect(lineText.slice(repeated.range.start.character, repeated.range.end.character)).toMatch(/^the the$/)
    // What the server holds is the text the client has: a fix replaces exactly that range.
    const actions = await server.connection.sendRequest('textDocument/codeAction', {textDocument: {uri}, range: repeated.range, context: {diagnostics: [repeated]}})
    expect(JSON.stringify(actions)).toContain('"newText":"the"')
    await stop()
  })
})

describe('editor rules over a project configuration', () => {
  it("change a rule's severity and keep the project's options for it, unless they give options of their own", () => {
    const project = join(folder, 'rule-options')
    mkdirSync(project, {recursive: true})
    writeFileSync(join(project, '.mtlintrc.json'), '{"rules": {"term-consistency": ["minor", {"preferred": {"kyiv": "Kiev"}}]}}\n')
    const service = new LintService()
    service.configure(project)
    const job = {uri: pathToFileURL(join(project, 'a.txt')).href, languageId: 'plaintext', text: 'The minister visited Kiev on Monday. Officials in Kyiv said the talks went well. Kyiv is calm.', complete: true}
    const first = () => service.lint(job).result.findings.filter((finding) => finding.ruleId === 'term-consistency').map((finding) => `${finding.severity}: ${finding.message}`)[0]
    expect(first()).toBe('minor: Unexpected `Kyiv`, expected `Kiev` as preferred in the configuration')
    service.setRules({'term-consistency': 'major'})
    expect(first()).toBe('major: Unexpected `Kyiv`, expected `Kiev` as preferred in the configuration')
    service.setRules({'term-consistency': ['major', {}]})
    expect(first()).toBe('major: Unexpected `Kiev`, expected `Kyiv` as used 2 times in this document')
    expect(() => service.setRules({'term-consistency': ['major', {preferred: {kiev: 'Kiev'}}]})).toThrow(/^settings\.mtlint: rules\.term-consistency\[1\]\.preferred\.kiev: unknown key/)
    expect(first()).toBe('major: Unexpected `Kiev`, expected `Kyiv` as used 2 times in this document')
    service.setRules(undefined)
    expect(first()).toBe('minor: Unexpected `Kyiv`, expected `Kiev` as preferred in the configuration')
  })
})
