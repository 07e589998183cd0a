/**
 * `mtlint lsp`: a language server on stdio. Plain text and Markdown documents
 * get diagnostics as they are opened, typed in and saved, quick fixes for
 * each `expected`, a fix-all source action, "ignore on this line", the rule
 * explained in a hover on a diagnostic, and the document's score (a
 * `mtlint/score` notification and a hover on line 1). It shares the engine
 * and the config loader with the CLI. This thread only speaks the protocol:
 * linting runs in a worker (lint-backend.ts), so a slow document never holds
 * up a request, and the engine loads while `initialize` is answered.
 */
import {
  CodeActionKind,
  createConnection,
  DiagnosticSeverity,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  ErrorCodes,
  MarkupKind,
  MessageType,
  ProposedFeatures,
  ResponseError,
  StreamMessageWriter,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type Diagnostic,
  type InitializeError,
  type InitializeResult
} from 'vscode-languageserver/node.js'
import {TextDocument} from 'vscode-languageserver-textdocument'
import {codeActions, fixAllKind} from './code-actions.js'
import {configProblemDiagnostic} from './config-diagnostics.js'
import {ConfigWatcher} from './config-watch.js'
import type {ConfigProblem} from './configs.js'
import {source, toDiagnostic} from './diagnostics.js'
import {DocumentState} from './document-state.js'
import {WorkerBackend, type LintBackend} from './lint-backend.js'
import {RecoveringMessageReader} from './message-reader.js'
import {scoreMarkdown, scoreNotification, type ScoreParams} from './score.js'
import {defaultSettings, readSettings, type ServerSettings} from './settings.js'
import {isConfigFile, pathOf} from './uris.js'

export {scoreNotification, type ScoreParams} from './score.js'

const lintedLanguages = new Set(['plaintext', 'text', 'markdown'])
/** The longest `initialize` waits for the engine to load. */
const readyTimeoutMs = 10_000

/**
 * Start the server on stdin/stdout. It exits on the `exit` notification, or
 * when stdin ends: 0 after `shutdown`, 1 without.
 */
export function startServer(): Connection {
  // stdout carries the protocol: anything logged goes to stderr instead.
  console.log = console.error
  console.info = console.error
  // First, so the worker loads the engine while this thread loads the protocol and answers `initialize`.
  const backend = new WorkerBackend()
  const connection = createConnection(ProposedFeatures.all, new RecoveringMessageReader(process.stdin), new StreamMessageWriter(process.stdout))
  const server = serve(connection, backend)
  // The library watches stdin only when it reads it itself.
  const end = () => process.exit(server.shutdownReceived() ? 0 : 1)
  process.stdin.on('end', end)
  process.stdin.on('close', end)
  connection.listen()
  return connection
}

/** The path of a file: URI, undefined for other schemes and for one Node cannot map (`file://host/share` on Linux). */
function filePath(uri: string): string | undefined {
  try {
    return pathOf(uri)
  } catch {
    return undefined
  }
}

export interface ServerHandle {
  shutdownReceived(): boolean
}

/** Wire the handlers to `connection` (tests pass an in-thread backend). */
export function serve(connection: Connection, backend: LintBackend): ServerHandle {
  const documents = new TextDocuments(TextDocument)
  const states = new Map<string, DocumentState>()
  let settings: ServerSettings = defaultSettings
  /** What initializationOptions gave: a didChangeConfiguration section is laid over it. */
  let initialSettings: ServerSettings = defaultSettings
  let initialRules: Record<string, unknown> | undefined
  /** The rules the backend holds now. */
  let backendRules: Record<string, unknown> | undefined
  let watchDynamically = false
  /** The client takes a registration for didChangeConfiguration (VS Code sends none without it) and answers workspace/configuration. */
  let configurationDynamically = false
  let pullConfiguration = false
  /** The rules and preference the backend took last (JSON), so an unchanged section lints nothing again. */
  let rulesKey = JSON.stringify([null, defaultSettings.configurationPreference])
  /** Settings are applied one change at a time, in the order they came. */
  let settingsApplied: Promise<void> = Promise.resolve()
  /** The client takes versioned edits (WorkspaceEdit.documentChanges). */
  let versionedEdits = false
  let workspaceRoot = process.cwd()
  /** Set when the client cannot watch the config files for us. */
  let watcher: ConfigWatcher | undefined
  /** The file each open document's configuration folders are watched for (let go on close). */
  const watchedFiles = new Map<string, string>()
  let shutDown = false
  /** Counts configuration reloads: a lint started before one is not published after it. */
  let configGeneration = 0
  /** Config files we published a problem for, so it can be cleared. */
  const problemUris = new Set<string>()
  const shownMessages = new Set<string>()
  let problems: ConfigProblem[] = []
  let problemsKey = ''

  /** The spec: after `shutdown`, every request is an InvalidRequest (only the `exit` notification is expected). */
  const afterShutdown = () => new ResponseError<void>(ErrorCodes.InvalidRequest, 'Unexpected request after shutdown, expected the exit notification')

  connection.onInitialize(async (params): Promise<InitializeResult | ResponseError<InitializeError>> => {
    if (shutDown) return new ResponseError<InitializeError>(ErrorCodes.InvalidRequest, afterShutdown().message, {retry: false})
    const root = params.workspaceFolders?.[0]?.uri ?? params.rootUri ?? undefined
    workspaceRoot = (root && pathOf(root)) || process.cwd()
    backend.configure(workspaceRoot)
    // The worker takes its messages in order: every lint runs with these rules.
    changeSettings(async () => params.initializationOptions, 'initializationOptions')
    configurationDynamically = params.capabilities.workspace?.didChangeConfiguration?.dynamicRegistration === true
    pullConfiguration = params.capabilities.workspace?.configuration === true
    watchDynamically = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true
    versionedEdits = params.capabilities.workspace?.workspaceEdit?.documentChanges === true
    if (!watchDynamically) watcher = new ConfigWatcher(reloadConfigs)
    // Clients send didOpen right after this answer: answer once the engine is warm (or after a while regardless).
    let waited: NodeJS.Timeout | undefined
    await Promise.race([backend.ready, new Promise((resolve) => (waited = setTimeout(resolve, readyTimeoutMs)))])
    clearTimeout(waited)
    return {
      capabilities: {
        textDocumentSync: {openClose: true, change: TextDocumentSyncKind.Incremental, save: {includeText: false}},
        codeActionProvider: {codeActionKinds: [CodeActionKind.QuickFix, fixAllKind]},
        hoverProvider: true
      },
      serverInfo: {name: 'mtlint'}
    }
  })

  connection.onInitialized(() => {
    if (configurationDynamically) void connection.client.register(DidChangeConfigurationNotification.type, {section: 'mtlint'})
    if (!watchDynamically) return
    void connection.client.register(DidChangeWatchedFilesNotification.type, {
      watchers: [{globPattern: '**/.mtlintrc.json'}, {globPattern: '**/package.json'}]
    })
  })

  const isLinted = (document: TextDocument) =>
    lintedLanguages.has(document.languageId) || /\.(txt|text|md|markdown)$/i.test(document.uri)

  // One lint in flight at a time; a document waiting twice is linted once, at its latest version.
  const queue = new Map<string, {complete: boolean; done: Array<() => void>}>()
  let running = false

  /** Lint the document as it is now and publish; resolves when that is done (or not needed). */
  function lintNow(uri: string, complete: boolean): Promise<void> {
    const document = documents.get(uri)
    const state = states.get(uri)
    if (shutDown || !document || !state || !isLinted(document) || state.has(document, complete)) return Promise.resolve()
    if (document.getText().length > settings.maxDocumentLength) {
      publishTooLarge(document, state)
      return Promise.resolve()
    }

    return new Promise((resolve) => {
      const waiting = queue.get(uri)
      if (waiting) {
        waiting.complete ||= complete
        waiting.done.push(resolve)
      } else {
        queue.set(uri, {complete, done: [resolve]})
      }

      void pump()
    })
  }

  async function pump(): Promise<void> {
    if (running) return
    running = true
    try {
      for (let next = queue.entries().next(); !next.done; next = queue.entries().next()) {
        const [uri, {complete, done}] = next.value
        queue.delete(uri)
        await lintOne(uri, complete)
        for (const resolve of done) resolve()
      }
    } finally {
      running = false
    }
  }

  async function lintOne(uri: string, complete: boolean): Promise<void> {
    const document = documents.get(uri)
    const state = states.get(uri)
    if (shutDown || !document || !state || state.has(document, complete)) return
    const version = document.version
    const text = document.getText()
    const generation = configGeneration
    const current = () =>
      !shutDown && states.get(uri) === state && documents.get(uri)?.version === version && document.getText() === text && configGeneration === generation
    try {
      const reply = await backend.lint({uri, languageId: document.languageId, text, complete}, settings.lintTimeoutMs)
      // A newer version is already queued by its change, as is the lint after a reload; closed documents stay cleared.
      if (!current()) return
      Object.assign(state, {result: reply.result, version, text, complete: reply.complete, incremental: reply.incremental})
      void connection.sendDiagnostics({uri, version, diagnostics: reply.result.findings.map((finding) => toDiagnostic(finding, document))})
      const score: ScoreParams = {
        uri,
        version,
        score: reply.result.score,
        words: reply.result.words,
        penalty: reply.result.penalty,
        findings: reply.result.findings.length,
        complete: reply.complete
      }
      void connection.sendNotification(scoreNotification, score)
      publishConfigProblems(reply.problems)
    } catch (error) {
      if (!current()) return
      publishFailure(document, state, (error as Error).message)
    }
  }

  /** Never leave the last version's diagnostics standing: one error in their place, one line in the log. */
  function publishFailure(document: TextDocument, state: DocumentState, reason: string): void {
    connection.console.error(`mtlint: linting ${document.uri} (version ${document.version}) failed: ${reason}`)
    publishNotice(document, state, DiagnosticSeverity.Error, 'lint-failed', `mtlint could not lint this version of the document: ${reason}. Run \`mtlint lint\` on it, and please report the problem.`)
  }

  function publishTooLarge(document: TextDocument, state: DocumentState): void {
    const message = `Not linted as you type: ${document.getText().length} characters, more than maxDocumentLength (${settings.maxDocumentLength}); run \`mtlint lint\``
    publishNotice(document, state, DiagnosticSeverity.Information, 'document-too-large', message)
  }

  /** One diagnostic at the top of the document instead of findings; this version is done. */
  function publishNotice(document: TextDocument, state: DocumentState, severity: DiagnosticSeverity, code: string, message: string): void {
    Object.assign(state, {result: undefined, version: document.version, text: document.getText(), complete: true})
    const diagnostic: Diagnostic = {range: {start: {line: 0, character: 0}, end: {line: 0, character: 0}}, severity, source, code, message}
    void connection.sendDiagnostics({uri: document.uri, version: document.version, diagnostics: [diagnostic]})
  }

  function publishConfigProblems(known: ConfigProblem[] = problems): void {
    const key = JSON.stringify(known)
    if (known !== problems && key === problemsKey) return
    problems = known
    problemsKey = key
    const byUri = new Set(known.map((problem) => problem.uri))
    for (const uri of problemUris) {
      if (!byUri.has(uri)) void connection.sendDiagnostics({uri, diagnostics: []})
    }

    problemUris.clear()
    for (const problem of known) {
      const open = documents.get(problem.uri)
      if (open) {
        problemUris.add(problem.uri)
        void connection.sendDiagnostics({uri: problem.uri, diagnostics: [configProblemDiagnostic(problem, open)]})
      } else if (!shownMessages.has(problem.message)) {
        shownMessages.add(problem.message)
        void connection.sendNotification('window/showMessage', {type: MessageType.Error, message: `mtlint: ${problem.message}`})
      }
    }
  }

  documents.onDidOpen(({document}) => {
    if (isConfigFile(document.uri)) publishConfigProblems()
    if (!isLinted(document)) return
    watchConfigsOf(document.uri)
    states.set(document.uri, new DocumentState())
    void lintNow(document.uri, true)
  })

  documents.onDidChangeContent(({document}) => {
    const state = states.get(document.uri)
    if (shutDown || !state || state.has(document, false)) return
    const uri = document.uri
    state.schedule(
      () => void lintNow(uri, false),
      settings.debounceMs,
      () => void lintNow(uri, true),
      Math.max(settings.documentDelayMs, settings.debounceMs)
    )
  })

  documents.onDidSave(({document}) => void lintNow(document.uri, true))

  documents.onDidClose(({document}) => {
    unwatchConfigsOf(document.uri)
    const state = states.get(document.uri)
    if (!state) return
    state.cancel()
    states.delete(document.uri)
    backend.close(document.uri)
    void connection.sendDiagnostics({uri: document.uri, diagnostics: []})
  })

  connection.onDidChangeWatchedFiles(({changes}) => {
    if (changes.some((change) => isConfigFile(change.uri))) reloadConfigs()
  })

  /** Our own watches of the folders where the configuration of the open document `uri` may be (none under editorOnly, which reads no file). */
  function watchConfigsOf(uri: string): void {
    if (!watcher || watchedFiles.has(uri) || settings.configurationPreference === 'editorOnly') return
    const file = filePath(uri) ?? `${workspaceRoot}/untitled`
    watchedFiles.set(uri, file)
    watcher.watchFor(file)
  }

  function unwatchConfigsOf(uri: string): void {
    const file = watchedFiles.get(uri)
    if (file === undefined) return
    watchedFiles.delete(uri)
    watcher?.unwatchFor(file)
  }

  /** The preference may have changed: hold the watches it needs, no more. */
  function syncConfigWatches(): void {
    if (settings.configurationPreference === 'editorOnly') for (const uri of [...watchedFiles.keys()]) unwatchConfigsOf(uri)
    else for (const uri of states.keys()) watchConfigsOf(uri)
  }

  /** A configuration file changed: load the configurations again and lint every open document with them (unless no file is read). */
  function reloadConfigs(): void {
    if (shutDown) return
    backend.reload()
    shownMessages.clear()
    problemsKey = ''
    // The client's watchers (registered once) still report changes under editorOnly; no lint would differ.
    if (settings.configurationPreference === 'editorOnly') return
    lintAllAgain()
  }

  /** The configuration changed: no lint started before is published, every open document is linted again. */
  function lintAllAgain(): void {
    configGeneration++
    for (const [uri, state] of states) {
      state.version = -1
      void lintNow(uri, true)
    }
  }

  // The `mtlint` section, pushed by the client; a client that pushes none (`settings: null`) is asked for it when it can answer.
  connection.onDidChangeConfiguration(({settings: pushed}) => {
    const section = typeof pushed === 'object' && pushed !== null && Object.hasOwn(pushed, 'mtlint') ? (pushed as {mtlint: unknown}).mtlint : undefined
    if (section !== undefined) changeSettings(async () => section, 'settings.mtlint')
    else if (pullConfiguration) changeSettings(() => connection.workspace.getConfiguration('mtlint') as Promise<unknown>, 'settings.mtlint')
  })

  /**
   * Take the settings `read` gives, after the changes before them: values
   * that are not valid are one message and the last good ones stay; rules
   * that changed are handed to the linter and every open document is linted
   * again with them.
   */
  function changeSettings(read: () => Promise<unknown>, where: string): void {
    settingsApplied = settingsApplied.then(async () => {
      if (shutDown) return
      let given: unknown
      try {
        given = await read()
      } catch (error) {
        return showSettingsProblems([`${where}: the client did not send it (${(error as Error).message.split('\n')[0]})`])
      }

      const initial = where === 'initializationOptions'
      const taken = readSettings(given, settings, where, initialSettings)
      settings = taken.settings
      if (initial) initialSettings = settings
      syncConfigWatches()
      // Rules that are not an object keep the last good ones, under the preference given now.
      const rules = taken.rulesInvalid ? backendRules : (taken.rules ?? (initial ? undefined : initialRules))
      const problems = taken.problems
      let key: string
      try {
        key = JSON.stringify([rules ?? null, settings.configurationPreference])
      } catch {
        key = `unprintable ${configGeneration}`
      }

      if (key !== rulesKey) {
        try {
          await backend.setRules(rules, settings.configurationPreference)
          rulesKey = key
          backendRules = rules
          if (initial) initialRules = rules
          lintAllAgain()
        } catch (error) {
          problems.push(`${(error as Error).message.replace(/^ConfigError: /, '')}; kept the last rules`)
        }
      }

      showSettingsProblems(problems)
    })
  }

  /** One message (and one log line) for one change of settings, however many values it refused. */
  function showSettingsProblems(problems: string[]): void {
    if (problems.length === 0 || shutDown) return
    const message = `mtlint: ${problems.join('; ')}`
    connection.console.warn(message)
    void connection.sendNotification('window/showMessage', {type: MessageType.Warning, message})
  }

  connection.onCodeAction(async ({textDocument, range, context}) => {
    if (shutDown) return afterShutdown()
    const document = documents.get(textDocument.uri)
    const state = states.get(textDocument.uri)
    if (!document || !state) return []
    // Actions must match the text the client has now.
    if (!state.has(document, false)) await lintNow(document.uri, true)
    if (!state.result || !state.has(document, false) || documents.get(textDocument.uri) !== document) return []
    return codeActions(document, state.result.findings, range, context.only, versionedEdits)
  })

  connection.onHover(({textDocument, position}) => {
    if (shutDown) return afterShutdown()
    const document = documents.get(textDocument.uri)
    const state = states.get(textDocument.uri)
    const result = state?.result
    if (!document || !result || !state.has(document, false)) return null
    const offset = document.offsetAt(position)
    const here = [...new Set(result.findings.filter((finding) => finding.start.offset <= offset && offset <= finding.end.offset).map((finding) => finding.ruleId))]
    const parts = position.line === 0 ? [scoreMarkdown(result)] : []
    for (const ruleId of here) parts.push(backend.explain(ruleId) ?? `\`${ruleId}\``)
    if (parts.length === 0) return null
    return {contents: {kind: MarkupKind.Markdown, value: parts.join('\n\n---\n\n')}}
  })

  // Requests no handler claims: MethodNotFound, or InvalidRequest once shut down.
  connection.onRequest((method) => (shutDown ? afterShutdown() : new ResponseError(ErrorCodes.MethodNotFound, `Unhandled method ${method}`)))

  connection.onShutdown(async () => {
    if (shutDown) return afterShutdown()
    shutDown = true
    watcher?.dispose()
    watchedFiles.clear()
    for (const state of states.values()) state.cancel()
    for (const {done} of queue.values()) for (const resolve of done) resolve()
    queue.clear()
    await backend.dispose()
  })

  // Without a shutdown first: the process ends anyway, but an in-process server (tests) lets go of its watches too.
  connection.onExit(() => watcher?.dispose())

  documents.listen(connection)
  return {shutdownReceived: () => shutDown}
}
