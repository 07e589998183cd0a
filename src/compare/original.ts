/**
 * Original vs derived English (`mtlint compare --original ORIG DERIVED`):
 * align the two articles by sentence, then report quotations whose words
 * changed and facts (numbers, names, negation) changed outside quotations.
 * Findings point into the derived text only; the original's place is named
 * in the message, since `related` may only point into the same file.
 */
import {VFile} from 'vfile'
import {makeFinding} from '../engine/check.js'
import {severityOf, type ResolvedConfig} from '../engine/config.js'
import {countWords} from '../engine/findings.js'
import {parseEnglishText} from '../engine/parse-text.js'
import {pointsOf} from '../engine/rule.js'
import {defaultWeights, scoreOf} from '../engine/score.js'
import type {FileResult, Finding} from '../engine/types.js'
import {alignSentences, type Bead} from './original-align.js'
import {originalChecks} from './checks.js'
import {factChanges, type FactKind} from './original-facts.js'
import {matchQuotations, wordChanges} from './original-quotes.js'
import {modelOf, type Span, type TextModel} from './original-text.js'

const originalCheckById = new Map(originalChecks.map((check) => [check.meta.id, check.meta]))

export interface OriginalComparison {
  original: TextModel
  derived: TextModel
  beads: Bead[]
}

/** The sentence models of both texts and their alignment (exported for tests and reports). */
export function alignOriginal(original: string, derived: string): OriginalComparison {
  const originalModel = modelOf(original)
  const derivedModel = modelOf(derived)
  const keys = (model: TextModel) => model.sentences.map((sentence) => sentence.words.map((word) => word.key))
  return {original: originalModel, derived: derivedModel, beads: alignSentences(keys(originalModel), keys(derivedModel))}
}

export function compareOriginal(
  original: string,
  derived: string,
  derivedPath: string,
  config?: ResolvedConfig
): FileResult {
  const comparison = alignOriginal(original, derived)
  const derivedPoint = pointsOf(new VFile({value: derived}))
  const originalPoint = pointsOf(new VFile({value: original}))
  const where = (span: Span) => {
    const point = originalPoint(span.start)
    return `line ${point.line}, column ${point.column} of the original`
  }

  const findings: Finding[] = []
  const finding = (ruleId: string, dimension: string, span: Span, message: string, expected: string[]): void => {
    const check = originalCheckById.get(ruleId)!
    const severity = severityOf(check, config)
    if (!severity) return
    const place = {message, start: derivedPoint(span.start), end: derivedPoint(span.end), actual: derived.slice(span.start, span.end), expected, dimension}
    findings.push(makeFinding(check, severity, place))
  }

  for (const match of matchQuotations(comparison.original, comparison.derived, comparison.beads)) {
    if (!match.changed) continue
    const span = trimmed(derived, match.derived.inner)
    if (!match.original) {
      finding('quote-integrity', 'Accuracy/Addition', span, 'Unexpected quotation that nobody in the original says, expected only words quoted in the original', [])
      continue
    }

    const originalInner = trimmed(original, match.original.inner)
    const changes = wordChanges(
      match.original.words.map((word) => word.key),
      match.derived.words.map((word) => word.key)
    )
    const described = changes
      .slice(0, 3)
      .map(({removed, added}) => (removed && added ? `“${removed}” became “${added}”` : removed ? `“${removed}” dropped` : `“${added}” added`))
      .join('; ')
    finding(
      'quote-integrity',
      'Accuracy/Mistranslation',
      span,
      `Unexpected change in a quotation (${described}${changes.length > 3 ? '; …' : ''}), expected the words of the original (${where(originalInner)})`,
      [original.slice(originalInner.start, originalInner.end)]
    )
  }

  const listed = (values: string[]) => values.map((value) => `\`${value}\``).join(' or ')
  const kinds: Record<FactKind, {ruleId: string; describe: (actual: string, expected: string[]) => string}> = {
    number: {
      ruleId: 'changed-number',
      describe: (actual, expected) => `Unexpected number \`${actual}\` that the original lacks, expected ${expected.length > 0 ? listed(expected) : "the original's numbers"}`
    },
    name: {
      ruleId: 'changed-name',
      describe: (actual, expected) => `Unexpected name \`${actual}\` that the original lacks, expected ${listed(expected)}`
    },
    negation: {
      ruleId: 'changed-negation',
      describe: (actual) =>
        /\s/.test(actual)
          ? 'Unexpected sentence whose negation differs from the original, expected the negation of the original'
          : `Unexpected negation \`${actual}\` that the original lacks, expected the statement the original makes`
    }
  }
  for (const change of factChanges(comparison.original, comparison.derived, comparison.beads)) {
    const kind = kinds[change.kind]
    const actual = derived.slice(change.span.start, change.span.end)
    // An added negation word would be replaced by the whole original sentence: no fix then, only the message.
    const expected = change.kind === 'negation' && !/\s/.test(actual) ? [] : change.expected
    finding(kind.ruleId, 'Accuracy/Mistranslation', change.span, `${kind.describe(actual, change.expected)} (${where(change.originalSpan)})`, expected)
  }

  findings.sort((a, b) => a.start.offset - b.start.offset || a.end.offset - b.end.offset || a.ruleId.localeCompare(b.ruleId))
  const words = countWords(parseEnglishText(derived))
  const {score, penalty} = scoreOf(findings, words, config?.weights ?? defaultWeights)
  return {path: derivedPath, words, score, penalty, findings}
}

function trimmed(text: string, span: Span): Span {
  let {start, end} = span
  while (start < end && /\s/.test(text[start]!)) start++
  while (end > start && /\s/.test(text[end - 1]!)) end--
  return {start, end}
}

