/**
 * Code actions: each `expected` of a finding is a quick fix, a source action
 * applies every safe fix at once, and "ignore on this line" inserts the
 * inline control comment the engine honours (src/engine/inline-control.ts).
 */
import {CodeActionKind, type CodeAction, type Range, type TextEdit, type WorkspaceEdit} from 'vscode-languageserver/node.js'
import type {TextDocument} from 'vscode-languageserver-textdocument'
import {applyFixes} from '../engine/fix.js'
import {disableComment} from '../engine/inline-control.js'
import type {Finding} from '../engine/types.js'
import {rangeOf, toDiagnostic} from './diagnostics.js'

export const fixAllKind = CodeActionKind.SourceFixAll + '.mtlint'

/**
 * Actions for the findings that touch `range`, plus the fix-all source action when any safe fix exists.
 * `versioned` (the client takes `documentChanges`): each edit names the version it was made for, so a
 * client can refuse it once the text has changed instead of applying it at the wrong place.
 */
export function codeActions(document: TextDocument, findings: readonly Finding[], range: Range, only?: string[], versioned = false): CodeAction[] {
  const edit = (edits: TextEdit[]) => workspaceEdit(document, edits, versioned)
  const wants = (kind: string) => !only || only.some((prefix) => kind === prefix || kind.startsWith(prefix + '.'))
  const actions: CodeAction[] = []
  const start = document.offsetAt(range.start)
  const end = document.offsetAt(range.end)
  if (wants(CodeActionKind.QuickFix)) {
    // A range over several findings of one rule on one line: one "Ignore" for them all, not one each.
    const ignores = new Map<string, CodeAction>()
    for (const finding of findings) {
      if (finding.end.offset < start || finding.start.offset > end) continue
      actions.push(...quickFixes(document, finding, edit))
      const ignore = ignoreOnLine(document, finding, edit)
      const key = JSON.stringify(ignore.edit)
      const same = ignores.get(key)
      if (same) {
        same.diagnostics!.push(...ignore.diagnostics!)
      } else {
        ignores.set(key, ignore)
        actions.push(ignore)
      }
    }
  }

  if (wants(fixAllKind)) {
    const fixAll = fixAllAction(document, findings, edit)
    if (fixAll) actions.push(fixAll)
  }

  return actions
}

type Edit = (edits: TextEdit[]) => WorkspaceEdit

function workspaceEdit(document: TextDocument, edits: TextEdit[], versioned: boolean): WorkspaceEdit {
  return versioned ? {documentChanges: [{textDocument: {uri: document.uri, version: document.version}, edits}]} : {changes: {[document.uri]: edits}}
}

function quickFixes(document: TextDocument, finding: Finding, edit: Edit): CodeAction[] {
  const diagnostic = toDiagnostic(finding, document)
  return finding.expected.map((expected) => ({
    title: expected === '' ? `Remove \`${finding.actual}\`` : `Replace \`${finding.actual}\` with \`${expected}\``,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    isPreferred: finding.expected.length === 1,
    edit: edit([{range: diagnostic.range, newText: expected}])
  }))
}

/** Every safe fix in one edit (one pass of applyFixes: overlapping fixes wait for the next lint). */
export function fixAllAction(document: TextDocument, findings: readonly Finding[], edit: Edit = (edits) => workspaceEdit(document, edits, false)): CodeAction | undefined {
  const {applied} = applyFixes(document.getText(), findings.filter((finding) => finding.safe))
  if (applied.length === 0) return undefined
  const edits: TextEdit[] = applied.map((finding) => ({
    range: rangeOf(document, finding.start.offset, finding.end.offset),
    newText: finding.expected[0]!
  }))
  return {title: 'Fix all safe mtlint artifacts in this document', kind: fixAllKind, edit: edit(edits)}
}

/**
 * A line that starts a paragraph gets `<!-- mtlint-disable-next-line id -->`
 * on its own line above (in Markdown an HTML block, invisible); a line inside
 * a paragraph gets `<!-- mtlint-disable-line id -->` at its end, because a
 * comment line there would split the paragraph in two. An existing comment
 * of the same kind gets the id added instead.
 */
function ignoreOnLine(document: TextDocument, finding: Finding, workspace: Edit): CodeAction {
  const line = finding.start.line - 1
  const lineText = (index: number) => document.getText({start: {line: index, character: 0}, end: {line: index + 1, character: 0}}).replace(/\r?\n$|\r$/, '')
  const previous = line > 0 ? lineText(line - 1) : ''
  let edit: TextEdit
  const existing = /<!--\s*mtlint-(disable-next-line|disable-line)((?:\s+[\w-]+)*)\s*-->\s*$/
  const previousComment = existing.exec(previous)
  const ownComment = existing.exec(lineText(line))
  if (previousComment?.[1] === 'disable-next-line' && previous.trim().startsWith('<!--')) {
    edit = replaceComment(line - 1, previous, previousComment, finding.ruleId)
  } else if (ownComment?.[1] === 'disable-line') {
    edit = replaceComment(line, lineText(line), ownComment, finding.ruleId)
  } else if (line === 0 || previous.trim() === '') {
    edit = {range: {start: {line, character: 0}, end: {line, character: 0}}, newText: disableComment('disable-next-line', [finding.ruleId]) + lineBreak(document)}
  } else {
    const character = lineText(line).length
    edit = {range: {start: {line, character}, end: {line, character}}, newText: ' ' + disableComment('disable-line', [finding.ruleId])}
  }

  return {
    title: `Ignore ${finding.ruleId} on this line`,
    kind: CodeActionKind.QuickFix,
    diagnostics: [toDiagnostic(finding, document)],
    edit: workspace([edit])
  }
}

/** The document's own line break (CRLF, or a lone CR as old Mac files have), so a comment line added keeps the file's line endings. */
function lineBreak(document: TextDocument): string {
  return /\r\n|\r|\n/.exec(document.getText())?.[0] ?? '\n'
}

function replaceComment(line: number, text: string, match: RegExpExecArray, ruleId: string): TextEdit {
  const ids = match[2]!.trim().split(/\s+/).filter(Boolean)
  if (!ids.includes(ruleId)) ids.push(ruleId)
  const kind = match[1] as 'disable-line' | 'disable-next-line'
  return {
    range: {start: {line, character: match.index}, end: {line, character: text.length}},
    newText: disableComment(kind, ids)
  }
}
