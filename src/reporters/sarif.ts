/**
 * SARIF 2.1.0 (OASIS), the format code-scanning dashboards read. Columns are
 * UTF-16 code units, as our offsets are; each safe or suggested fix becomes
 * a SARIF `fix` with a replacement over the flagged region.
 */
import {pathToFileURL} from 'node:url'
import {isAbsolute, relative} from 'node:path'
import {allRules} from '../../rules/index.js'
import {dimensionOf} from '../engine/dimensions.js'
import type {Finding, Severity} from '../engine/types.js'
import type {LintRun} from '../cli/lint-files.js'
import {version} from '../version.js'

const level: Record<Severity, 'error' | 'warning' | 'note'> = {critical: 'error', major: 'error', minor: 'warning', info: 'note'}

export function formatSarif(run: LintRun): string {
  const ruleIndex = new Map(allRules.map((rule, index) => [rule.meta.id, index]))
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'mtlint',
            version,
            informationUri: 'https://github.com/mtlint/mtlint',
            rules: allRules.map(({meta}) => ({
              id: meta.id,
              name: meta.id,
              shortDescription: {text: meta.description},
              helpUri: `https://github.com/mtlint/mtlint/blob/main/docs/rules/${meta.id}.md`,
              defaultConfiguration: {level: level[meta.severity]},
              properties: {category: meta.category, dimension: dimensionOf[meta.category], tags: [meta.category]}
            }))
          }
        },
        columnKind: 'utf16CodeUnits',
        artifacts: run.files.map(({result}) => ({
          location: {uri: uriOf(result.path)},
          properties: {words: result.words, score: result.score}
        })),
        invocations: [{executionSuccessful: run.errors.length === 0, toolExecutionNotifications: run.errors.map((error) => ({level: 'error', message: {text: error}}))}],
        results: run.files.flatMap(({result, verdict}, artifactIndex) =>
          result.findings.map((finding) => toResult(finding, uriOf(result.path), artifactIndex, ruleIndex.get(finding.ruleId), verdict.passed))
        )
      }
    ]
  }
  return JSON.stringify(log, null, 2) + '\n'
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

/** Relative paths stay relative (SARIF viewers resolve them against the repository); absolute ones become file:// URIs. */
function uriOf(path: string): string {
  if (path === '<stdin>') return 'stdin'
  if (isAbsolute(path)) {
    const inside = relative(process.cwd(), path)
    return inside.startsWith('..') || isAbsolute(inside) ? pathToFileURL(path).href : encodeURI(inside.split('\\').join('/'))
  }

  return encodeURI(path.split('\\').join('/'))
}
