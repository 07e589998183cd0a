/** JSONL: one `{"source": ..., "target": ...}` object per line. */
import {linesOf} from './read-plain.js'
import {AlignError, type AlignedFile, type Segment} from './segment.js'

export function readJsonl(text: string, path: string): AlignedFile {
  const segments: Segment[] = []
  for (const line of linesOf(text)) {
    if (line.text.trim() === '') continue
    let row: unknown
    try {
      // A byte order mark opens the file, not the first record; offsets still count it (line.text keeps it).
      row = JSON.parse(line.line === 1 && line.text.startsWith('\uFEFF') ? line.text.slice(1) : line.text)
    } catch (error) {
      throw new AlignError(`${path}:${line.line}: invalid JSON (${(error as Error).message})`)
    }

    const {source, target, id} = (row ?? {}) as {source?: unknown; target?: unknown; id?: unknown}
    if (typeof source !== 'string' || typeof target !== 'string') {
      throw new AlignError(`${path}:${line.line}: expected an object with string "source" and "target"`)
    }

    const {map, ends} = targetLiteralMap(line.text, target)
    segments.push({
      id: typeof id === 'string' || typeof id === 'number' ? String(id) : `line ${line.line}`,
      source,
      target,
      targetStart: line.start + (map[0] ?? 0),
      targetMap: map.map((offset) => line.start + offset),
      targetEnds: ends.map((offset) => line.start + offset)
    })
  }

  return {path, text, segments}
}

/**
 * Offsets in `line` of each character of the `"target"` string literal, so
 * findings land on the escaped text in the file. Falls back to the line start
 * for every character when the literal cannot be found as expected.
 */
function targetLiteralMap(line: string, target: string): {map: number[]; ends: number[]} {
  const fallback = {map: Array.from({length: target.length + 1}, () => 0), ends: Array.from({length: target.length}, () => 0)}
  let from = 0
  while (true) {
    const key = line.indexOf('"target"', from)
    if (key === -1) return fallback
    from = key + 1
    let index = key + '"target"'.length
    while (line[index] === ' ' || line[index] === '\t') index++
    if (line[index] !== ':') continue
    index++
    while (line[index] === ' ' || line[index] === '\t') index++
    if (line[index] !== '"') continue
    const found = decodeLiteral(line, index + 1, target.length)
    if (found) return found
  }
}

/** Walk a JSON string literal from `start`, one offset per decoded UTF-16 unit; undefined if the length disagrees. */
function decodeLiteral(line: string, start: number, length: number): {map: number[]; ends: number[]} | undefined {
  const map: number[] = []
  const ends: number[] = []
  let index = start
  while (index < line.length && line[index] !== '"') {
    const width = line[index] === '\\' ? (line[index + 1] === 'u' ? 6 : 2) : 1
    map.push(index)
    ends.push(index + width)
    index += width
  }

  // The closing quote ends the target.
  map.push(index)
  return map.length === length + 1 ? {map, ends} : undefined
}
