/**
 * SARIF 2.1.0 (OASIS), the format code-scanning dashboards read. Columns are
 * UTF-16 code units, as our offsets are; each safe or suggested fix becomes
 * a SARIF `fix` with a replacement over the flagged region.
 */
import {pathToFileURL} from 'node:url'
import {isAbsolute, relative, sep} from 'node:path'
import type {CheckMeta} from '../engine/check.js'
import type {Finding, Severity} from '../engine/types.js'
import type {LintRun} from '../engine/run.js'
import {version} from '../version.js'
import {formatAll, indented, type StreamingFormat} from './stream.js'

const level: Record<Severity, 'error' | 'warning' | 'note'> = {critical: 'error', major: 'error', minor: 'warning', info: 'note'}

export function formatSarif(run: LintRun): string {
  return formatAll(sarifFormat(run.checks), run)
}

/**
 * The log written result by result: `results` comes before `artifacts` and
 * `invocations` (member order means nothing in JSON), so only one small
 * artifact entry per file is held until the end.
 */
export function sarifFormat(checks: readonly CheckMeta[]): StreamingFormat {
  const ruleIndex = new Map(checks.map((meta, index) => [meta.id, index]))
  const artifacts: Array<{location: {uri: string}; properties: {words: number; score: number}}> = []
  const driver = {
    name: 'mtlint',
    version,
    informationUri: 'https://github.com/mtlint/mtlint',
    rules: checks.map((meta) => ({
      id: meta.id,
      name: meta.id,
      shortDescription: {text: meta.description},
      helpUri: meta.url,
      defaultConfiguration: {level: level[meta.severity]},
      properties: {kind: meta.kind, category: meta.category, dimension: meta.dimension, tags: [meta.category]}
    }))
  }
  const head = `{\n  "$schema": "https://json.schemastore.org/sarif-2.1.0.json",\n  "version": "2.1.0",\n  "runs": [\n    {\n      "tool": ${indented({driver}, 6)},\n      "columnKind": "utf16CodeUnits",\n      "results": [`
  let results = 0
  return {
    // Result by result: one string for a long text's results could be hundreds of MB.
    *file({result, verdict}) {
      const uri = uriOf(result.path)
      const artifactIndex = artifacts.push({location: {uri}, properties: {words: result.words, score: result.score}}) - 1
      if (artifactIndex === 0) yield head
      for (const finding of result.findings) {
        yield (results++ === 0 ? '\n        ' : ',\n        ') + indented(toResult(finding, uri, artifactIndex, ruleIndex.get(finding.ruleId), verdict.passed), 8)
      }
    },
    end(errors) {
      const invocations = [{executionSuccessful: errors.length === 0, toolExecutionNotifications: errors.map((error) => ({level: 'error', message: {text: error}}))}]
      return `${artifacts.length === 0 ? head : ''}${results === 0 ? ']' : '\n      ]'},\n      "artifacts": ${indented(artifacts, 6)},\n      "invocations": ${indented(invocations, 6)}\n    }\n  ]\n}\n`
    }
  }
}

function toResult(finding: Finding, uri: string, artifactIndex: number, ruleIndex: number | undefined, filePassed: boolean) {
  const region = {
    startLine: finding.start.line,
    startColumn: finding.start.column,
    endLine: finding.end.line,
    endColumn: finding.end.column,
    charOffset: finding.start.offset,
    charLength: finding.end.offset - finding.start.offset,
    snippet: {text: finding.actual}
  }
  const artifactLocation = {uri, index: artifactIndex}
  return {
    ruleId: finding.ruleId,
    ...(ruleIndex === undefined ? {} : {ruleIndex}),
    level: level[finding.severity],
    message: {text: finding.message},
    locations: [{physicalLocation: {artifactLocation, region}}],
    // A finding's other places (a misreading's other numbers, a term's first use).
    ...(finding.related && finding.related.length > 0
      ? {
          relatedLocations: finding.related.map((place, id) => ({
            id,
            physicalLocation: {
              artifactLocation,
              region: {startLine: place.start.line, startColumn: place.start.column, endLine: place.end.line, endColumn: place.end.column, charOffset: place.start.offset, charLength: place.end.offset - place.start.offset}
            },
            message: {text: place.message}
          }))
        }
      : {}),
    ...(finding.expected.length > 0
      ? {
          fixes: finding.expected.map((text) => ({
            description: {text: text === '' ? `Remove \`${finding.actual}\`` : `Replace \`${finding.actual}\` with \`${text}\``},
            artifactChanges: [{artifactLocation, replacements: [{deletedRegion: {charOffset: region.charOffset, charLength: region.charLength}, insertedContent: {text}}]}]
          }))
        }
      : {}),
    properties: {severity: finding.severity, category: finding.category, dimension: finding.dimension, safeFix: finding.safe, filePassed}
  }
}

/**
 * Relative paths stay relative (SARIF viewers resolve them against the
 * repository); absolute ones outside the current folder become file:// URIs.
 * Each segment is percent-encoded as RFC 3986 wants (encodeURI would keep
 * `#`, `?`, `[`, `]`, `%` and a `:` that reads as a scheme).
 */
function uriOf(path: string): string {
  if (path === '<stdin>') return 'stdin'
  const inside = isAbsolute(path) ? relative(process.cwd(), path) : path
  if (/^\.\.(?:[\\/]|$)/.test(inside) || isAbsolute(inside)) return pathToFileURL(path).href
  // A backslash separates folders on Windows only; elsewhere it is part of a name.
  return inside.split(sep === '\\' ? /[\\/]/ : '/').map(encodeURIComponent).join('/')
}
