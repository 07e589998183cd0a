/** TSV: `source<TAB>target` per line; further columns are ignored. */
import {linesOf} from './read-plain.js'
import {AlignError, type AlignedFile, type Segment} from './segment.js'

export function readTsv(text: string, path: string): AlignedFile {
  const segments: Segment[] = []
  for (const line of linesOf(text)) {
    if (line.text.trim() === '') continue
    const tab = line.text.indexOf('\t')
    if (tab === -1) throw new AlignError(`${path}:${line.line}: expected source<TAB>target, found no tab`)
    const rest = line.text.slice(tab + 1)
    const nextTab = rest.indexOf('\t')
    const target = nextTab === -1 ? rest : rest.slice(0, nextTab)
    segments.push({id: `line ${line.line}`, source: line.text.slice(0, tab), target, targetStart: line.start + tab + 1})
  }

  return {path, text, segments}
}
