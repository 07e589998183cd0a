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
import {originalChecks} from './original-checks.js'
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
      finding('quote-integrity', 'Accuracy/Addition', span, 'Quotation not found in the original: nobody is quoted as saying these words.', [])
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
      `Quotation differs from the original (${where(originalInner)}): ${described}${changes.length > 3 ? '; …' : ''}.`,
      [original.slice(originalInner.start, originalInner.end)]
    )
  }

  const kinds: Record<FactKind, {ruleId: string; describe: (expected: string[]) => string}> = {
    number: {
      ruleId: 'changed-number',
      describe: (expected) =>
        expected.length > 0 ? `Number not in the original, which has ${expected.map((e) => `“${e}”`).join(', ')}` : 'Number not in the original'
    },
    name: {
      ruleId: 'changed-name',
      describe: (expected) => `Name not in the original, which has ${expected.map((e) => `“${e}”`).join(', ')}`
    },
    negation: {ruleId: 'changed-negation', describe: () => 'Negation differs from the original'}
  }
  for (const change of factChanges(comparison.original, comparison.derived, comparison.beads)) {
    const kind = kinds[change.kind]
    finding(kind.ruleId, 'Accuracy/Mistranslation', change.span, `${kind.describe(change.expected)} (${where(change.originalSpan)}).`, change.expected)
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

