/**
 * MQM ratings as a folder of documents for one `mtlint compare` run: one
 * JSONL file of {"source","target"} per system and document, segments in
 * order, and the raters' MQM penalty of each document (Freitag et al. 2021:
 * major 5, minor 1, critical 25; raters averaged per segment).
 */
import {mkdirSync, readFileSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'

export interface MqmDocRow {
  system: string
  doc: string
  seg_id: string
  rater: string
  is_human_translation: boolean
  source: string
  target: string
  errors: Array<{severity: string; category?: string}>
  unlocated_errors?: Array<{severity: string; category?: string}>
  source_errors?: Array<{severity: string; category?: string}>
}

export interface MqmDocument {
  system: string
  doc: string
  human: boolean
  /** Relative path of the document's JSONL file. */
  file: string
  segments: Array<{source: string; target: string}>
  /** Mean MQM penalty per segment (raters averaged). */
  mqm: number
  /** Each segment's MQM penalty (raters averaged), in segment order. */
  segmentMqm: number[]
}

const severityWeight: Record<string, number> = {minor: 1, major: 5, critical: 25}

export function readRows(path: string): MqmDocRow[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as MqmDocRow)
}

export function documentsOf(rows: readonly MqmDocRow[]): MqmDocument[] {
  const byDoc = new Map<string, Map<string, {source: string; target: string; penalties: number[]}>>()
  for (const row of rows) {
    const key = `${row.system}\u0000${row.doc}`
    let segments = byDoc.get(key)
    if (!segments) byDoc.set(key, (segments = new Map()))
    let segment = segments.get(row.seg_id)
    if (!segment) segments.set(row.seg_id, (segment = {source: row.source, target: row.target, penalties: []}))
    const marks = [...row.errors, ...(row.unlocated_errors ?? []), ...(row.source_errors ?? [])]
    segment.penalties.push(marks.reduce((sum, mark) => sum + (severityWeight[mark.severity.toLowerCase()] ?? 0), 0))
  }

  const human = new Set(rows.filter((row) => row.is_human_translation).map((row) => row.system))
  return [...byDoc.entries()].map(([key, segments]) => {
    const [system, doc] = key.split('\u0000') as [string, string]
    const ordered = [...segments.entries()].sort((a, b) => Number(a[0]) - Number(b[0]) || a[0].localeCompare(b[0])).map(([, segment]) => segment)
    const segmentMqm = ordered.map((segment) => segment.penalties.reduce((a, b) => a + b, 0) / segment.penalties.length)
    const mqm = segmentMqm.reduce((sum, value) => sum + value, 0) / ordered.length
    return {system, doc, human: human.has(system), file: `${safeName(system)}/${safeName(doc)}.jsonl`, segments: ordered.map(({source, target}) => ({source, target})), mqm, segmentMqm}
  })
}

export function writeDocuments(documents: readonly MqmDocument[], root: string): void {
  for (const document of documents) {
    const path = join(root, document.file)
    mkdirSync(join(path, '..'), {recursive: true})
    writeFileSync(path, document.segments.map((segment) => JSON.stringify(segment) + '\n').join(''))
  }
}

function safeName(name: string): string {
  return name.replace(/[^\w.-]+/g, '_')
}
