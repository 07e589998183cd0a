/**
 * `mtlint lsp`: a language server on stdio. Plain text and Markdown documents
 * get diagnostics as they are opened, typed in and saved, quick fixes for
 * each `expected`, a fix-all source action, "ignore on this line", and the
 * document's score (a `mtlint/score` notification and a hover on line 1).
 * It shares the engine and the config loader with the CLI.
 */
import {
  CodeActionKind,
  createConnection,
  DidChangeWatchedFilesNotification,
  MessageType,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type Diagnostic,
  type InitializeResult
} from 'vscode-languageserver/node.js'
import {TextDocument} from 'vscode-languageserver-textdocument'
import {formatOf, type InputFormat} from '../engine/parse.js'
import {codeActions, fixAllKind} from './code-actions.js'
import {configProblemDiagnostic} from './config-diagnostics.js'
import {Configs, isConfigFile, pathOf} from './configs.js'
import {source, toDiagnostic} from './diagnostics.js'
import {DocumentState} from './document-state.js'
import {scoreHover, scoreNotification, type ScoreParams} from './score.js'
import {defaultSettings, readSettings, type ServerSettings} from './settings.js'

export {scoreNotification, type ScoreParams} from './score.js'

const lintedLanguages = new Set(['plaintext', 'text', 'markdown'])

/** Start the server on stdin/stdout. It exits on the `exit` notification: 0 after `shutdown`, 1 without. */
export function startServer(): Connection {
  // stdout carries the protocol: anything logged goes to stderr instead.
  console.log = console.error
  console.info = console.error
  const connection = createConnection(ProposedFeatures.all, process.stdin, process.stdout)
  serve(connection)
  connection.listen()
  return connection
}

function serve(connection: Connection): void {
  const documents = new TextDocuments(TextDocument)
  const states = new Map<string, DocumentState>()
  let settings: ServerSettings = defaultSettings
  let configs = new Configs()
  let watchDynamically = false
  /** Config files we published a problem for, so it can be cleared. */
  const problemUris = new Set<string>()
  const shownMessages = new Set<string>()

  connection.onInitialize((params): InitializeResult => {
    settings = readSettings(params.initializationOptions)
    const root = params.workspaceFolders?.[0]?.uri ?? params.rootUri ?? undefined
    configs = new Configs((root && pathOf(root)) || process.cwd())
    watchDynamically = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true
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
    if (!watchDynamically) return
    void connection.client.register(DidChangeWatchedFilesNotification.type, {
      watchers: [{globPattern: '**/.mtlintrc.json'}, {globPattern: '**/package.json'}]
    })
  })

  const isLinted = (document: TextDocument) =>
    lintedLanguages.has(document.languageId) || /\.(txt|text|md|markdown)$/i.test(document.uri)

  const formatFor = (document: TextDocument): InputFormat =>
    document.languageId === 'markdown' || formatOf(document.uri) === 'markdown' ? 'markdown' : 'text'

  function stateFor(document: TextDocument): DocumentState {
    let state = states.get(document.uri)
    if (!state) {
      state = new DocumentState(configs.forDocument(document.uri), pathOf(document.uri) ?? document.uri, formatFor(document))
      states.set(document.uri, state)
      publishConfigProblems()
    }

    return state
  }

  /** Lint the document as it is now and publish; never throws (a failing rule is logged, not fatal). */
  function lintNow(uri: string, complete: boolean): void {
    const document = documents.get(uri)
    if (!document || !isLinted(document)) return
    const state = stateFor(document)
    if (state.version === document.version && (state.complete || !complete)) return
    if (document.getText().length > settings.maxDocumentLength) {
      publishTooLarge(document)
      return
    }

    try {
      const result = state.lint(document, complete)
      void connection.sendDiagnostics({
        uri,
        version: document.version,
        diagnostics: result.findings.map((finding) => toDiagnostic(finding, document))
      })
      const score: ScoreParams = {
        uri,
        version: document.version,
        score: result.score,
        words: result.words,
        penalty: result.penalty,
        findings: result.findings.length,
        complete
      }
      void connection.sendNotification(scoreNotification, score)
    } catch (error) {
      connection.console.error(`mtlint: linting ${uri} failed: ${(error as Error).stack ?? String(error)}`)
    }
  }

  function publishTooLarge(document: TextDocument): void {
    const diagnostic: Diagnostic = {
      range: {start: {line: 0, character: 0}, end: {line: 0, character: 0}},
      severity: 3,
      source,
      code: 'document-too-large',
      message: `Not linted as you type: ${document.getText().length} characters, more than maxDocumentLength (${settings.maxDocumentLength}); run \`mtlint lint\``
    }
    void connection.sendDiagnostics({uri: document.uri, version: document.version, diagnostics: [diagnostic]})
  }

  function publishConfigProblems(): void {
    for (const uri of problemUris) {
      if (!configs.problems.has(uri)) void connection.sendDiagnostics({uri, diagnostics: []})
    }

    problemUris.clear()
    for (const problem of configs.problems.values()) {
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
    lintNow(document.uri, true)
  })

  documents.onDidChangeContent(({document}) => {
    const state = states.get(document.uri)
    if (!state || state.version === document.version) return
    const uri = document.uri
    state.schedule(
      () => lintNow(uri, false),
      settings.debounceMs,
      () => lintNow(uri, true),
      Math.max(settings.documentDelayMs, settings.debounceMs)
    )
  })

  documents.onDidSave(({document}) => lintNow(document.uri, true))

  documents.onDidClose(({document}) => {
    states.get(document.uri)?.cancel()
    states.delete(document.uri)
    if (isLinted(document)) void connection.sendDiagnostics({uri: document.uri, diagnostics: []})
  })

  connection.onDidChangeWatchedFiles(({changes}) => {
    if (!changes.some((change) => isConfigFile(change.uri))) return
    configs.reload()
    shownMessages.clear()
    for (const [uri, state] of states) {
      state.setConfig(configs.forDocument(uri))
      state.version = -1
      lintNow(uri, true)
    }

    publishConfigProblems()
  })

  connection.onCodeAction(({textDocument, range, context}) => {
    const document = documents.get(textDocument.uri)
    if (!document || !isLinted(document)) return []
    const state = stateFor(document)
    // Actions must match the text the client has now.
    if (state.version !== document.version) lintNow(document.uri, true)
    if (!state.result || state.version !== document.version) return []
    return codeActions(document, state.result.findings, range, context.only)
  })

  connection.onHover(({textDocument, position}) => {
    const document = documents.get(textDocument.uri)
    const state = states.get(textDocument.uri)
    if (!document || !state?.result || position.line !== 0) return null
    return scoreHover(state.result)
  })

  connection.onShutdown(() => {
    for (const state of states.values()) state.cancel()
  })

  documents.listen(connection)
}
