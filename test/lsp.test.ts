/**
 * The language server over stdio, driven by a real protocol client: the
 * compiled `mtlint lsp` (npm test compiles first), one test per behaviour.
 */
import {spawn, type ChildProcessWithoutNullStreams} from 'node:child_process'
import {mkdirSync, mkdtempSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {fileURLToPath, pathToFileURL} from 'node:url'
import {TextDocument} from 'vscode-languageserver-textdocument'
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type CodeAction,
  type Diagnostic,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type TextEdit
} from 'vscode-languageserver-protocol/node.js'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {allRules} from '../rules/index.js'
import {lintText} from '../src/engine/lint.js'
import {defaultConfig} from '../src/registry.js'
import {waitFor} from './helpers/lsp.js'

const root = fileURLToPath(new URL('..', import.meta.url))
const seed = readFileSync(join(root, 'corpus/seed-article.txt'), 'utf8')

interface Server {
  child: ChildProcessWithoutNullStreams
  connection: ProtocolConnection
  published: PublishDiagnosticsParams[]
  scores: Array<{uri: string; version: number; complete: boolean; score: number}>
  messages: Array<{type: number; message: string}>
  exited: Promise<number | null>
}

function startServer(): Server {
  const child = spawn(process.execPath, [join(root, 'bin/mtlint.js'), 'lsp'], {stdio: 'pipe'})
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin))
  const server: Server = {
    child,
    connection,
    published: [],
    scores: [],
    messages: [],
    exited: new Promise((resolve) => child.on('exit', (code) => resolve(code)))
  }
  connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => server.published.push(params))
  connection.onNotification('mtlint/score', (params: Server['scores'][number]) => server.scores.push(params))
  connection.onNotification('window/showMessage', (params: Server['messages'][number]) => server.messages.push(params))
  connection.onRequest('client/registerCapability', () => null)
  connection.listen()
  return server
}

async function initialize(server: Server, folder: string): Promise<unknown> {
  const result = await server.connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: pathToFileURL(folder).href,
    capabilities: {workspace: {didChangeWatchedFiles: {dynamicRegistration: true}}},
    initializationOptions: {debounceMs: 5, documentDelayMs: 20}
  })
  await server.connection.sendNotification('initialized', {})
  return result
}

/** Diagnostics of the complete lint (document rules included) of one version. */
async function diagnosticsOf(server: Server, uri: string, version: number): Promise<Diagnostic[]> {
  await waitFor(() => server.scores.find((score) => score.uri === uri && score.version === version && score.complete), `complete lint of ${uri} v${version}`)
  return server.published.findLast((params) => params.uri === uri && params.version === version)!.diagnostics
}

/** A client-side copy of each open document, so edits can be applied as an editor would. */
class Editor {
  private readonly documents = new Map<string, TextDocument>()
  constructor(private readonly server: Server) {}

  async open(uri: string, text: string, languageId = 'plaintext'): Promise<TextDocument> {
    const document = TextDocument.create(uri, languageId, 1, text)
    this.documents.set(uri, document)
    await this.server.connection.sendNotification('textDocument/didOpen', {textDocument: {uri, languageId, version: 1, text}})
    return document
  }

  /** Apply edits the way a client does: send them as incremental changes. */
  async apply(uri: string, edits: TextEdit[]): Promise<TextDocument> {
    const current = this.documents.get(uri)!
    const sorted = [...edits].sort((a, b) => current.offsetAt(b.range.start) - current.offsetAt(a.range.start))
    const next = TextDocument.create(uri, current.languageId, current.version + 1, TextDocument.applyEdits(current, edits))
    this.documents.set(uri, next)
    await this.server.connection.sendNotification('textDocument/didChange', {
      textDocument: {uri, version: next.version},
      contentChanges: sorted.map((edit) => ({range: edit.range, text: edit.newText}))
    })
    return next
  }

  get(uri: string): TextDocument {
    return this.documents.get(uri)!
  }
}

let folder: string
let server: Server
let editor: Editor
let articleUri: string

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'mtlint-lsp-'))
  server = startServer()
  editor = new Editor(server)
  await initialize(server, folder)
  articleUri = pathToFileURL(join(folder, 'article.txt')).href
})

afterAll(async () => {
  if (server.child.exitCode === null) server.child.kill()
})

describe('mtlint lsp', () => {
  it('publishes the seed article findings as diagnostics with rule codes and UTF-16 ranges', async () => {
    const document = await editor.open(articleUri, seed)
    const diagnostics = await diagnosticsOf(server, articleUri, 1)
    const expected = lintText(seed, fileURLToPath(articleUri), defaultConfig()).findings
    expect(diagnostics.map((diagnostic) => diagnostic.code)).toEqual(expected.map((finding) => finding.ruleId))
    const offset = seed.indexOf('days. days.')
    const echo = diagnostics.find((diagnostic) => diagnostic.code === 'repeated-word')!
    expect(echo.range).toEqual({start: document.positionAt(offset), end: document.positionAt(offset + 'days. days.'.length)})
    expect(echo).toMatchObject({source: 'mtlint', severity: 1, codeDescription: {href: expect.stringMatching(/repeated-word\.md$/)}})
    for (const diagnostic of diagnostics) {
      const finding = expected.find((each) => each.ruleId === diagnostic.code && document.positionAt(each.start.offset).line === diagnostic.range.start.line)!
      expect(diagnostic.severity).toBe({critical: 1, major: 1, minor: 2, info: 3}[finding.severity])
    }
  })

  it('counts ranges in UTF-16 code units (an emoji before the finding)', async () => {
    const uri = pathToFileURL(join(folder, 'emoji.txt')).href
    await editor.open(uri, '😀 Officials said the the talks would continue.')
    const [diagnostic] = (await diagnosticsOf(server, uri, 1)).filter((each) => each.code === 'repeated-word')
    expect(diagnostic!.range).toEqual({start: {line: 0, character: 18}, end: {line: 0, character: 25}})
  })

  it('reports the score in a notification and in a hover on the first line', async () => {
    const score = server.scores.findLast((each) => each.uri === articleUri)!
    expect(score.score).toBe(lintText(seed, fileURLToPath(articleUri), defaultConfig()).score)
    const hover = (await server.connection.sendRequest('textDocument/hover', {
      textDocument: {uri: articleUri},
      position: {line: 0, character: 3}
    })) as {contents: {value: string}}
    expect(hover.contents.value).toContain(`mtlint score ${score.score.toFixed(1)}`)
    expect(await server.connection.sendRequest('textDocument/hover', {textDocument: {uri: articleUri}, position: {line: 4, character: 3}})).toBeNull()
  })

  it('explains the rule, with examples from its metadata, in a hover on a diagnostic', async () => {
    const document = editor.get(articleUri)
    const offset = seed.indexOf('days. days.')
    const hover = (await server.connection.sendRequest('textDocument/hover', {
      textDocument: {uri: articleUri},
      position: document.positionAt(offset + 7)
    })) as {contents: {kind: string; value: string}}
    const {meta} = allRules.find((rule) => rule.meta.id === 'repeated-word')!
    expect(hover.contents.kind).toBe('markdown')
    expect(hover.contents.value).toContain('**`repeated-word`**')
    expect(hover.contents.value).toContain(meta.description)
    expect(hover.contents.value).toContain(`: \`${meta.examples.bad[0]!.findings![0]!.actual}\` → \`days.\``)
    expect(hover.contents.value).toContain('Not flagged: ')
    expect(hover.contents.value).toMatch(/\[Rule reference\]\(https:.*repeated-word\.md\)/)
  })

  it('offers "Replace `days. days.` with `days.`" as the preferred quick fix; applying it removes the diagnostic', async () => {
    const document = editor.get(articleUri)
    const offset = seed.indexOf('days. days.')
    const actions = (await server.connection.sendRequest('textDocument/codeAction', {
      textDocument: {uri: articleUri},
      range: {start: document.positionAt(offset + 2), end: document.positionAt(offset + 2)},
      context: {diagnostics: []}
    })) as CodeAction[]
    const fix = actions.find((action) => action.title === 'Replace `days. days.` with `days.`')!
    expect(fix).toMatchObject({kind: 'quickfix', isPreferred: true})
    const next = await editor.apply(articleUri, fix.edit!.changes![articleUri]!)
    expect(next.getText()).toContain('for at least a few days.\n')
    expect(next.getText()).not.toContain('days. days.')
    const diagnostics = await diagnosticsOf(server, articleUri, next.version)
    expect(diagnostics.filter((diagnostic) => diagnostic.code === 'repeated-word')).toEqual([])
    expect(diagnostics.length).toBeGreaterThan(0)
  })

  it('"ignore this rule on this line" inserts a disable comment the engine honours', async () => {
    const before = await diagnosticsOf(server, articleUri, editor.get(articleUri).version)
    const target = before.find((diagnostic) => diagnostic.code === 'stacked-determiner') ?? before[0]!
    const actions = (await server.connection.sendRequest('textDocument/codeAction', {
      textDocument: {uri: articleUri},
      range: target.range,
      context: {diagnostics: [target]}
    })) as CodeAction[]
    const ignore = actions.find((action) => action.title === `Ignore ${String(target.code)} on this line`)!
    const next = await editor.apply(articleUri, ignore.edit!.changes![articleUri]!)
    expect(next.getText()).toContain(`<!-- mtlint-disable-next-line ${String(target.code)} -->\n`)
    const after = await diagnosticsOf(server, articleUri, next.version)
    expect(after.filter((diagnostic) => diagnostic.code === target.code && diagnostic.range.start.line === target.range.start.line + 1)).toEqual([])
    expect(after.length).toBe(before.length - 1)
  })

  it('fixes all safe artifacts with one source action', async () => {
    const uri = pathToFileURL(join(folder, 'fix-all.txt')).href
    await editor.open(uri, 'The the talks resumed in March, March, in Geneva .\n\nIt was a question of power. Power.\n')
    const before = await diagnosticsOf(server, uri, 1)
    expect(before.length).toBeGreaterThanOrEqual(3)
    const [fixAll] = (await server.connection.sendRequest('textDocument/codeAction', {
      textDocument: {uri},
      range: {start: {line: 0, character: 0}, end: {line: 0, character: 0}},
      context: {diagnostics: [], only: ['source.fixAll']}
    })) as CodeAction[]
    expect(fixAll!.kind).toBe('source.fixAll.mtlint')
    const next = await editor.apply(uri, fixAll!.edit!.changes![uri]!)
    expect(next.getText()).toBe('The talks resumed in March, in Geneva.\n\nIt was a question of power.\n')
    expect(await diagnosticsOf(server, uri, next.version)).toEqual([])
  })

  it('lints Markdown documents', async () => {
    const uri = pathToFileURL(join(folder, 'notes.md')).href
    await editor.open(uri, '# Talks\n\nThe ministers said the the talks would continue.\n\n```\nthe the\n```\n', 'markdown')
    const diagnostics = await diagnosticsOf(server, uri, 1)
    expect(diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.range.start.line])).toEqual([['repeated-word', 2]])
  })

  it('clears diagnostics when a document is closed', async () => {
    const uri = pathToFileURL(join(folder, 'emoji.txt')).href
    await server.connection.sendNotification('textDocument/didClose', {textDocument: {uri}})
    await waitFor(() => (server.published.at(-1)?.uri === uri && server.published.at(-1)!.diagnostics.length === 0 ? true : undefined), 'cleared diagnostics')
  })

  it('ignores a change to a document it never opened, and keeps serving', async () => {
    await server.connection.sendNotification('textDocument/didChange', {
      textDocument: {uri: 'file:///never/opened.txt', version: 2},
      contentChanges: [{text: 'days. days.'}]
    })
    const hover = await server.connection.sendRequest('textDocument/hover', {textDocument: {uri: articleUri}, position: {line: 0, character: 0}})
    expect(hover).not.toBeNull()
    expect(server.published.some((params) => params.uri === 'file:///never/opened.txt')).toBe(false)
  })

  it('lints the text a client sends under a version number it already used, and offers no fix from the text before', async () => {
    const uri = pathToFileURL(join(folder, 'versions.txt')).href
    await editor.open(uri, 'Officials said the the talks would continue.')
    await diagnosticsOf(server, uri, 1)
    // Forward to 2, then back to 1 with other text, before the server has linted 2.
    const text = 'It was a question of power. Power.'
    await server.connection.sendNotification('textDocument/didChange', {textDocument: {uri, version: 2}, contentChanges: [{text: 'The talks resumed.'}]})
    await server.connection.sendNotification('textDocument/didChange', {textDocument: {uri, version: 1}, contentChanges: [{text}]})
    const actions = (await server.connection.sendRequest('textDocument/codeAction', {
      textDocument: {uri},
      range: {start: {line: 0, character: 0}, end: {line: 0, character: text.length}},
      context: {diagnostics: []}
    })) as CodeAction[]
    expect(actions.map((action) => action.title)).toContain('Replace `power. Power.` with `power.`')
    expect(actions.map((action) => action.title)).not.toContain('Replace `the the` with `the`')
    const published = await waitFor(() => server.published.findLast((params) => params.uri === uri && params.diagnostics.length > 0 && params.diagnostics[0]!.range.start.character === 21), 'diagnostics of the last text')
    expect(published.diagnostics.map((diagnostic) => diagnostic.code)).toEqual(['repeated-word'])
  })

  it('answers an unknown method with MethodNotFound', async () => {
    await expect(server.connection.sendRequest('mtlint/noSuchMethod', {})).rejects.toMatchObject({code: -32601})
    await server.connection.sendNotification('mtlint/noSuchNotification', {})
    expect(await server.connection.sendRequest('textDocument/hover', {textDocument: {uri: articleUri}, position: {line: 0, character: 0}})).not.toBeNull()
  })

  it('survives bad JSON on the wire', async () => {
    const body = '{"jsonrpc": "2.0", "id": 99, "method": '
    server.child.stdin.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`)
    expect(await server.connection.sendRequest('textDocument/hover', {textDocument: {uri: articleUri}, position: {line: 0, character: 0}})).not.toBeNull()
    expect(server.child.exitCode).toBeNull()
  })

  it('declines a huge document with one notice and keeps serving', async () => {
    const uri = pathToFileURL(join(folder, 'huge.txt')).href
    await editor.open(uri, 'The the talks resumed. '.repeat(50_000))
    const notice = await waitFor(() => server.published.find((params) => params.uri === uri), 'notice on the huge document')
    expect(notice.diagnostics.map((diagnostic) => diagnostic.code)).toEqual(['document-too-large'])
    expect(await server.connection.sendRequest('textDocument/hover', {textDocument: {uri: articleUri}, position: {line: 0, character: 0}})).not.toBeNull()
  })

  it('reports an invalid config as one diagnostic on the open config file, and reloads it when fixed', async () => {
    const project = join(folder, 'project')
    mkdirSync(project)
    const rc = join(project, '.mtlintrc.json')
    const rcUri = pathToFileURL(rc).href
    const broken = '{\n  "rules": {\n    "repeated-word": "loud"\n  }\n}\n'
    writeFileSync(rc, broken)
    await editor.open(rcUri, broken, 'json')
    const uri = pathToFileURL(join(project, 'doc.txt')).href
    await editor.open(uri, 'The ministers said the the talks would continue.')
    expect((await diagnosticsOf(server, uri, 1)).map((diagnostic) => diagnostic.code)).toEqual(['repeated-word'])
    const problem = await waitFor(() => server.published.findLast((params) => params.uri === rcUri), 'config diagnostic')
    expect(problem.diagnostics).toHaveLength(1)
    expect(problem.diagnostics[0]!.message).toContain('rules.repeated-word')
    expect(problem.diagnostics[0]!.range.start.line).toBe(2)

    writeFileSync(rc, '{"rules": {"repeated-word": "off"}}\n')
    const published = server.published.length
    await server.connection.sendNotification('workspace/didChangeWatchedFiles', {changes: [{uri: rcUri, type: 2}]})
    await waitFor(() => (server.published.slice(published).some((params) => params.uri === uri && params.diagnostics.length === 0) ? true : undefined), 're-lint with the new config')
    await waitFor(() => (server.published.findLast((params) => params.uri === rcUri)!.diagnostics.length === 0 ? true : undefined), 'config diagnostic cleared')
  })

  it('shows a message for an invalid config file that is not open', async () => {
    const project = join(folder, 'closed')
    mkdirSync(project)
    writeFileSync(join(project, '.mtlintrc.json'), '{"rules": ')
    await editor.open(pathToFileURL(join(project, 'doc.txt')).href, 'Text.')
    const message = await waitFor(() => server.messages.find((each) => each.message.includes('invalid JSON')), 'showMessage')
    expect(message.type).toBe(1)
  })

  it('names the version each edit was made for when the client takes documentChanges, so it can refuse one made for an older text', async () => {
    const other = startServer()
    await other.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: pathToFileURL(folder).href,
      capabilities: {workspace: {workspaceEdit: {documentChanges: true}}},
      initializationOptions: {debounceMs: 5, documentDelayMs: 20}
    })
    await other.connection.sendNotification('initialized', {})
    const uri = pathToFileURL(join(folder, 'versioned.txt')).href
    await other.connection.sendNotification('textDocument/didOpen', {textDocument: {uri, languageId: 'plaintext', version: 1, text: 'The ministers said the the talks.'}})
    await diagnosticsOf(other, uri, 1)
    const text = 'It was a question of power. Power.'
    await other.connection.sendNotification('textDocument/didChange', {textDocument: {uri, version: 2}, contentChanges: [{text}]})
    const actions = (await other.connection.sendRequest('textDocument/codeAction', {
      textDocument: {uri},
      range: {start: {line: 0, character: 0}, end: {line: 0, character: text.length}},
      context: {diagnostics: []}
    })) as CodeAction[]
    expect(actions.map((action) => action.title)).toEqual(['Replace `power. Power.` with `power.`', 'Ignore repeated-word on this line', 'Fix all safe mtlint artifacts in this document'])
    for (const action of actions) {
      expect(action.edit!.changes).toBeUndefined()
      expect(action.edit!.documentChanges).toMatchObject([{textDocument: {uri, version: 2}}])
    }

    const [change] = actions[0]!.edit!.documentChanges as Array<{edits: TextEdit[]}>
    expect(TextDocument.applyEdits(TextDocument.create(uri, 'plaintext', 2, text), change!.edits)).toBe('It was a question of power.')
    await other.connection.sendRequest('shutdown')
    await other.connection.sendNotification('exit')
    expect(await other.exited).toBe(0)
  })

  it('exits with 0 after shutdown and exit', async () => {
    await server.connection.sendRequest('shutdown')
    await server.connection.sendNotification('exit')
    expect(await server.exited).toBe(0)
  })

  it('exits with 1 on exit without shutdown', async () => {
    const other = startServer()
    await initialize(other, folder)
    await other.connection.sendNotification('exit')
    expect(await other.exited).toBe(1)
  })
})
