/** Findings -> LSP diagnostics, with ranges in UTF-16 positions as LSP counts them (our offsets already are). */
import {DiagnosticSeverity, type Diagnostic} from 'vscode-languageserver/node.js'
import type {TextDocument} from 'vscode-languageserver-textdocument'
import type {Finding, Severity} from '../engine/types.js'

export const source = 'mtlint'

const severityMap: Record<Severity, DiagnosticSeverity> = {
  critical: DiagnosticSeverity.Error,
  major: DiagnosticSeverity.Error,
  minor: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information
}

export function toDiagnostic(finding: Finding, document: TextDocument): Diagnostic {
  const diagnostic: Diagnostic = {
    range: rangeOf(document, finding.start.offset, finding.end.offset),
    severity: severityMap[finding.severity],
    code: finding.ruleId,
    codeDescription: {href: finding.url},
    source,
    message: finding.message
  }
  if (finding.related) {
    diagnostic.relatedInformation = finding.related.map((place) => ({
      location: {uri: document.uri, range: rangeOf(document, place.start.offset, place.end.offset)},
      message: place.message
    }))
  }

  return diagnostic
}

export function rangeOf(document: TextDocument, start: number, end: number): Diagnostic['range'] {
  return {start: document.positionAt(start), end: document.positionAt(end)}
}
