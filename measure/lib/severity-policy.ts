/**
 * The severity policy of issue "Reach" (severity by evidence): the default
 * severity a rule's pooled precision on rater-marked spans and its clean-set
 * findings allow. measure/rule-precision.ts measures and reports it
 * (reports/rule-precision.md); each rule's meta follows the report.
 */
import {severityRank, type Category, type Severity} from '../../src/engine/types.js'
import type {Ratio} from './corpus-score.js'

/** Categories the MLQE-PE BAD tags cannot judge: its text is tokenized (spacing is our detokenizer's guess) and its Wikipedia sources carry markup debris a faithful translation keeps. */
export const notJudgedByBad: ReadonlySet<Category> = new Set<Category>(['spacing', 'quotation', 'punctuation'])

/** Fewer pooled findings than this and a precision says little. */
export const fewFindings = 10

/**
 * Rules whose shape is an error in English by construction, so that a rule
 * with too few findings to judge keeps its severity (at most `minor`) instead
 * of dropping to `info`. Each says why.
 */
export const byConstruction: Readonly<Record<string, string>> = {
  'although-but': '"Although ..., but ..." marks one contrast twice in any English sentence',
  'doubled-possessive': 'a possessive marked twice (`its’s`) is never English',
  'missing-space': 'a full stop, comma or semicolon glued to the next word (names, numbers, abbreviations, addresses and initials left alone) is a typing error in any English',
  guillemets: 'English text never quotes with « » or „',
  'pronoun-agreement': 'a subject `it` with `his`/`her` inside an idiom bound to its subject',
  'pronoun-verb-agreement': 'only the unambiguous shapes (subject pronoun + finite verb), subjunctives and singular they left alone',
  'quote-apostrophe': 'a straight double quote inside a word (`India"s`) is a mark in the wrong place',
  'quote-direction': 'a curly mark turned the wrong way is a wrong character, not a style',
  'stacked-determiner': 'two determiners before one noun (`a the report`) is never English',
  'word-order': 'a relational adjective after the noun it classifies (`its policy monetary`) and a degree adverb before a bare noun in a noun phrase (`a largely stalemate conflict`) are Romance order; the postpositive uses English allows (`attorney general`, `independent of`) are left alone',
  'subject-verb-agreement': 'the clearest shape only: determiner, noun, verb opening a clause; collectives and subjunctives left alone',
  'unpaired-bracket': 'a bracket opened and never closed in its paragraph, or closed and never opened, is a broken pair in any English (list labels, emoticons and half-open intervals left alone)',
  'verb-form-after-auxiliary': 'a modal, "to" or negated "do" before a form the lexicon knows only as past, participle or -s (`can chose`, `to takes`); noun readings of "will" and "can" left alone'
}

export interface Evidence {
  hits: number
  total: number
  clean: number
}

/**
 * The policy. Pooled precision p over n findings, c findings on the clean set:
 * - n < 10: too few to judge: `info`, unless the shape is an error by
 *   construction (`byConstruction`): then the author's severity, at most `minor`;
 * - p < 50%: `info` (wrong as often as right, even allowing for the errors
 *   raters leave unmarked: at most five a segment);
 * - 50% <= p < 70%: `minor`;
 * - p >= 70%: the author's severity, at most `minor` unless p >= 90% over at
 *   least 20 findings with no clean-set finding (then `major` is allowed).
 * The author's `info` stays `info`.
 */
export function policySeverity(id: string, author: Severity, evidence: Evidence): Severity {
  const cap = (severity: Severity): Severity => (severityRank(author) < severityRank(severity) ? author : severity)
  const {hits, total, clean} = evidence
  if (total < fewFindings) return id in byConstruction ? cap('minor') : 'info'
  const precision = hits / total
  if (precision < 0.5) return 'info'
  if (precision < 0.7) return cap('minor')
  return precision >= 0.9 && total >= 20 && clean === 0 ? author : cap('minor')
}

/** A rule's findings on one set, split by the severity they were reported at. */
export interface SeveritySplit {
  /** Findings at the rule's own severity (all of them for an `info` rule). */
  own: Ratio
  /** Findings of a shape the rule reports at `info` (Report.tentative) while it runs at `minor` or above. */
  tentative: Ratio
}

/**
 * Splits a rule's findings (all of them, and those at minor or above) by its
 * own severity: a rule at `minor` or above is judged on its minor+ findings
 * even on a set where it has none (its info findings there are tentative
 * shapes, never evidence for its severity).
 */
export function splitBySeverity(severity: Severity, all: Ratio, minorPlus: Ratio): SeveritySplit {
  if (severity === 'info') return {own: all, tentative: {hits: 0, total: 0}}
  return {own: minorPlus, tentative: {hits: all.hits - minorPlus.hits, total: all.total - minorPlus.total}}
}
