/** A configuration error as one diagnostic on the config file, placed at the key it names when it can be found. */
import {DiagnosticSeverity, type Diagnostic} from 'vscode-languageserver/node.js'
import type {TextDocument} from 'vscode-languageserver-textdocument'
import type {ConfigProblem} from './configs.js'
import {source} from './diagnostics.js'

export function configProblemDiagnostic(problem: ConfigProblem, document: TextDocument): Diagnostic {
  // ConfigError messages read "<path>: <key.path>: what was expected".
  const key = /^.*?\.json: ([\w.[\]-]+):/.exec(problem.message)?.[1]
  const last = key?.split(/[.[\]]/).filter((part) => part && !/^\d+$/.test(part)).at(-1)
  const text = document.getText()
  const at = last ? text.indexOf(`"${last}"`) : -1
  const start = document.positionAt(Math.max(at, 0))
  const end = at >= 0 ? document.positionAt(at + last!.length + 2) : start
  return {range: {start, end}, severity: DiagnosticSeverity.Error, source, code: 'config', message: problem.message}
}
