/**
 * Readers for the measurement data sets in ../shared/data. They are read at
 * run time and never copied into the project.
 */
import {existsSync, readFileSync} from 'node:fs'
import {dirname, join, relative, resolve} from 'node:path'
import {fileURLToPath} from 'node:url'

export interface CleanItem {
  id: string
  text: string
  kind: string
  dataset: string
  doc: string
  seg_id: string
  suspected_defect?: string
  /**
   * The item opens with the closing mark of the quotation before it: its
   * source segment starts with one (MQM rows: `”` cut into the next
   * segment), so the rebuild joins it without a space whatever mark the MT
   * wrote (`important." said Fangfang`, not `important. " said`).
   */
  closesPrevious?: boolean
  /**
   * The item is a line of its own: its source segment ends in a word with
   * no mark after it (a headline, a byline: `...下周启动-中新网`),
   * so the next item starts a new paragraph instead of running on after it.
   */
  endsParagraph?: boolean
}

export interface CleanDocument {
  /** `dataset/doc` */
  id: string
  text: string
  /** Item ids with their offset range in `text`, so a finding can be traced to its segment. */
  segments: Array<{id: string; start: number; end: number}>
}

/** The project root (the folder with package.json), found from src/ or dist/src/. */
export function projectRoot(): string {
  let folder = dirname(fileURLToPath(import.meta.url))
  while (!existsSync(join(folder, 'package.json')) && dirname(folder) !== folder) folder = dirname(folder)
  return folder
}

/** The shared folder: $MTLINT_SHARED, or ../shared beside the project root. */
export function sharedDir(): string {
  if (process.env['MTLINT_SHARED']) return resolve(process.env['MTLINT_SHARED'])
  return resolve(projectRoot(), '..', 'shared')
}

/** A path as reports show it: relative to the project root, never absolute. */
export function displayPath(path: string): string {
  return relative(projectRoot(), path).replaceAll('\\', '/')
}

/** A shared data file, or undefined when it is missing (measurement then skips it with a note). */
export function sharedDataFile(file: string): string | undefined {
  const path = join(sharedDir(), 'data', file)
  return existsSync(path) ? path : undefined
}

export function readJsonl<T>(path: string): T[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as T)
}

/**
 * Rebuild whole documents from sentence items: group by `doc` within a
 * `dataset`, order by numeric `seg_id`, join with a space (quotations often
 * run over several sentences, so a sentence alone can look unbalanced).
 * A segment that starts with a closing mark (`”` before a space or dash, or a
 * lone `"`) is the end of the sentence before it: the source was cut after
 * its full stop, so the mark is joined without a space (`leader.”`), not
 * turned into a spacing error the text never had.
 */
const closesPrevious = /^(?:”(?=$|[\s—–-])|"\s*$)/u

export function rebuildDocuments(items: readonly CleanItem[]): CleanDocument[] {
  const groups = new Map<string, CleanItem[]>()
  for (const item of items) {
    const key = `${item.dataset}/${item.doc}`
    let group = groups.get(key)
    if (!group) groups.set(key, (group = []))
    group.push(item)
  }

  const documents: CleanDocument[] = []
  for (const [id, group] of groups) {
    group.sort((a, b) => Number(a.seg_id) - Number(b.seg_id))
    let text = ''
    const segments: CleanDocument['segments'] = []
    let paragraphEnds = false
    for (const item of group) {
      if (text !== '' && paragraphEnds) text += '\n\n'
      else if (text !== '' && !item.closesPrevious && !closesPrevious.test(item.text)) text += ' '
      paragraphEnds = item.endsParagraph === true
      segments.push({id: item.id, start: text.length, end: text.length + item.text.length})
      text += item.text
    }

    documents.push({id, text, segments})
  }

  return documents
}

export function loadCleanDocuments(file = 'clean-english.dev.jsonl'): CleanDocument[] | undefined {
  const path = join(sharedDir(), 'data', file)
  if (!existsSync(path)) return undefined
  return rebuildDocuments(readJsonl<CleanItem>(path))
}
