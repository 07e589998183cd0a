/**
 * TSV: `source<TAB>target` per line; further columns are ignored. A first
 * line that names the columns (`source<TAB>target`, `src<TAB>tgt`, as
 * spreadsheets and CAT tools export them) is a header, not a segment.
 */
import {linesOf} from './read-plain.js'
import {AlignError, type AlignedFile, type Segment} from './segment.js'

const sourceNames = new Set(['source', 'src', 'original', 'source text'])
const targetNames = new Set(['target', 'tgt', 'translation', 'target text'])

export function readTsv(text: string, path: string): AlignedFile {
  const segments: Segment[] = []
  let first = true
  for (const line of linesOf(text)) {
    if (line.text.trim() === '') continue
    const tab = line.text.indexOf('\t')
    if (tab === -1) throw new AlignError(`${path}:${line.line}: expected source<TAB>target, found no tab`)
    const rest = line.text.slice(tab + 1)
    const nextTab = rest.indexOf('\t')
    const target = nextTab === -1 ? rest : rest.slice(0, nextTab)
    const header = first && sourceNames.has(line.text.slice(0, tab).trim().toLowerCase()) && targetNames.has(target.trim().toLowerCase())
    first = false
    if (header) continue
    segments.push({id: `line ${line.line}`, source: line.text.slice(0, tab), target, targetStart: line.start + tab + 1})
  }

  return {path, text, segments}
}
