// Thin client: start `mtlint lsp` on stdio for plain text and Markdown.
// The server does everything else (diagnostics, quick fixes, config).
const {existsSync} = require('node:fs')
const {join} = require('node:path')
const vscode = require('vscode')
const {LanguageClient, TransportKind} = require('vscode-languageclient/node')

let client
// The settings `mtlint lsp` reads (src/lsp/settings.ts); `path` is the client's own.
const serverSettings = ['debounceMs', 'documentDelayMs', 'maxDocumentLength', 'lintTimeoutMs', 'rules', 'configurationPreference']

function mtlintCommand() {
  const configured = vscode.workspace.getConfiguration('mtlint').get('path')
  if (configured) return configured
  for (const folder of vscode.workspace.workspaceFolders ?? []) {
    const local = join(folder.uri.fsPath, 'node_modules', '.bin', process.platform === 'win32' ? 'mtlint.cmd' : 'mtlint')
    if (existsSync(local)) return local
  }

  return 'mtlint'
}

async function activate(context) {
  const settings = vscode.workspace.getConfiguration('mtlint')
  const run = {command: mtlintCommand(), args: ['lsp'], transport: TransportKind.stdio}
  client = new LanguageClient(
    'mtlint',
    'mtlint',
    {run, debug: run},
    {
      documentSelector: [
        {scheme: 'file', language: 'plaintext'},
        {scheme: 'file', language: 'markdown'},
        {scheme: 'untitled', language: 'plaintext'},
        {scheme: 'untitled', language: 'markdown'}
      ],
      // configurationSection: every change of the `mtlint` settings reaches the server (didChangeConfiguration).
      synchronize: {fileEvents: vscode.workspace.createFileSystemWatcher('**/{.mtlintrc.json,package.json}'), configurationSection: 'mtlint'},
      initializationOptions: Object.fromEntries(serverSettings.map((key) => [key, settings.get(key)]))
    }
  )

  // The score of the active document in the status bar (the server's mtlint/score notification).
  const status = vscode.window.createStatusBarItem(vscode.StatusBarAlignment.Right, 100)
  context.subscriptions.push(status)
  const scores = new Map()
  const show = () => {
    const editor = vscode.window.activeTextEditor
    const score = editor && scores.get(editor.document.uri.toString())
    if (!score) return status.hide()
    status.text = `mtlint ${score.score.toFixed(1)}`
    status.tooltip = `${score.findings} findings in ${score.words} words (normed penalty ${score.penalty})`
    status.show()
  }

  context.subscriptions.push(vscode.window.onDidChangeActiveTextEditor(show))
  await client.start()
  client.onNotification('mtlint/score', (params) => {
    scores.set(params.uri, params)
    show()
  })
}

function deactivate() {
  return client?.stop()
}

module.exports = {activate, deactivate}
