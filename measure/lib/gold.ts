/**
 * The annotated corpus: each `corpus/NAME.txt` with its `NAME.gold.json`
 * (schemas/gold.schema.json), read and validated so a wrong offset fails
 * loudly instead of silently skewing recall.
 */
import {existsSync, readFileSync, readdirSync} from 'node:fs'
import {join} from 'node:path'
import {Ajv} from 'ajv'
import goldSchema from '../../schemas/gold.schema.json' with {type: 'json'}
import type {Category} from '../../src/engine/types.js'
import type {Range} from './ranges.js'
import {projectRoot} from './datasets.js'

/** `meaning`: tier-3 artifacts no rule can see, listed so nobody takes them for clean text. */
export type GoldCategory = Category | 'meaning'

export interface GoldRange extends Range {
  text: string
}

export interface GoldArtifact {
  id: string
  tier: 1 | 2 | 3
  category: GoldCategory
  alsoCategories?: GoldCategory[]
  description: string
  ranges: GoldRange[]
}

export interface GoldTrap {
  id: string
  description: string
  ranges: GoldRange[]
}

export interface GoldFile {
  text: string
  source: string
  notes?: string
  artifacts: GoldArtifact[]
  traps: GoldTrap[]
}

export interface CorpusText {
  /** File name of the text, for example `seed-article.txt`. */
  name: string
  text: string
  gold: GoldFile
}

const ajv = new Ajv({allErrors: true, strict: false})
const validateSchema = ajv.compile<GoldFile>(goldSchema)

export function corpusDir(): string {
  return join(projectRoot(), 'corpus')
}

/** Problems of one gold file against its text: schema errors, then ranges whose text does not match. */
export function goldProblems(json: unknown, text: string | undefined): string[] {
  if (!validateSchema(json)) return (validateSchema.errors ?? []).map((error) => `${error.instancePath || '/'} ${error.message ?? 'invalid'}`)
  if (text === undefined) return [`${json.text}: text file not found`]
  const problems: string[] = []
  const ids = new Set<string>()
  for (const entry of [...json.artifacts, ...json.traps]) {
    if (ids.has(entry.id)) problems.push(`${entry.id}: duplicate id`)
    ids.add(entry.id)
    for (const range of entry.ranges) {
      const actual = text.slice(range.start, range.end)
      if (range.end <= range.start || range.end > text.length) problems.push(`${entry.id}: range ${range.start}-${range.end} is outside the text`)
      else if (actual !== range.text) problems.push(`${entry.id}: ${range.start}-${range.end} is ${JSON.stringify(actual)}, gold says ${JSON.stringify(range.text)}`)
    }
  }

  return problems
}

/** Every annotated text of the corpus, in file-name order; throws on a gold file that does not validate. */
export function loadCorpus(dir = corpusDir()): CorpusText[] {
  const texts: CorpusText[] = []
  for (const file of readdirSync(dir).filter((name) => name.endsWith('.gold.json')).sort()) {
    const json = JSON.parse(readFileSync(join(dir, file), 'utf8')) as GoldFile
    const textPath = join(dir, String(json.text))
    const text = existsSync(textPath) ? readFileSync(textPath, 'utf8') : undefined
    const problems = goldProblems(json, text)
    if (problems.length > 0 || text === undefined) throw new Error(`corpus/${file}: ${problems.join('; ')}`)
    texts.push({name: json.text, text, gold: json})
  }

  return texts
}

/** The categories under which a finding counts for an artifact. */
export function acceptedCategories(artifact: GoldArtifact): GoldCategory[] {
  return [artifact.category, ...(artifact.alsoCategories ?? [])]
}
