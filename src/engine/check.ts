/**
 * What every check has, whatever it reads: a text rule (rules/, one text), a
 * pair check (src/compare, aligned source and target segments) or an
 * original check (`compare --original`, an original and a derived article).
 * The registry (src/registry.ts) lists them all; configuration, `mtlint
 * rules`, SARIF and the docs read this metadata, and every finding is made
 * by `makeFinding`.
 */
import type {Category, Finding, Point, RelatedPlace, Severity} from './types.js'

export type CheckKind = 'text' | 'pair' | 'original'

export interface CheckMeta {
  /** Kebab-case id: also the file name, the config key and the docs page. */
  id: string
  kind: CheckKind
  category: Category
  /** MQM dimension of the check's findings (a finding may name a narrower one). */
  dimension: string
  severity: Severity
  /** One sentence, for the docs and `mtlint rules`. */
  description: string
  /** JSON schema of the check's options object (validated when the config is loaded). */
  optionsSchema?: Record<string, unknown>
  url: string
}

/**
 * One finding an example must produce, exactly, as remark-lint's `output`
 * examples list them: every finding of the example, in order, is declared.
 */
export interface ExpectedFinding {
  /**
   * `line:column-line:column`, 1-based; the end is the column after the last
   * flagged character (as vfile and remark-lint print places).
   */
  range: string
  /** The flagged text, exactly. */
  actual: string
  message: string
  severity: Severity
  /** `expected[0]`, the first fix ('' deletes); absent when the check offers none. */
  fix?: string
  /** Whether `--fix` applies `fix` (declared whenever `fix` is). */
  safe?: boolean
}

/** What configuration needs of a check of any kind. */
export interface Configurable {
  meta: {id: string; category: Category; severity: Severity; description: string; optionsSchema?: Record<string, unknown>}
}

export interface FindingPlace {
  message: string
  start: Point
  end: Point
  actual: string
  expected?: string[]
  /** Whether `expected[0]` may be applied by `--fix` (never without an expected value). */
  safe?: boolean
  /** Overrides the check's dimension. */
  dimension?: string
  related?: RelatedPlace[]
  /** In `compare` output: which kind of check made it. */
  kind?: Finding['kind']
}

/** The one way a finding is made, for every kind of check. */
export function makeFinding(check: Pick<CheckMeta, 'id' | 'category' | 'dimension' | 'url'>, severity: Severity, place: FindingPlace): Finding {
  const expected = place.expected ?? []
  const finding: Finding = {
    ruleId: check.id,
    category: check.category,
    dimension: place.dimension ?? check.dimension,
    severity,
    message: place.message,
    start: place.start,
    end: place.end,
    actual: place.actual,
    expected,
    safe: Boolean(place.safe && expected.length > 0),
    url: check.url
  }
  if (place.kind) finding.kind = place.kind
  if (place.related && place.related.length > 0) finding.related = place.related
  return finding
}
