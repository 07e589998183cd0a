/**
 * Hand-written explanations of clean-set findings (corpus/clean-findings-notes.json:
 * finding key -> why it fires, or why it is a genuine error in the source).
 * A finding without a note is reported as unexplained.
 */
import {existsSync, readFileSync} from 'node:fs'
import {join} from 'node:path'
import {corpusDir} from './gold.js'

export const notesFileName = 'clean-findings-notes.json'

export function loadNotes(dir = corpusDir()): Record<string, string> {
  const path = join(dir, notesFileName)
  if (!existsSync(path)) return {}
  const json = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>
  const notes: Record<string, string> = {}
  // Keys starting with "$" or "//" are for the people editing the file.
  for (const [key, value] of Object.entries(json)) if (!key.startsWith('$') && !key.startsWith('//') && typeof value === 'string') notes[key] = value
  return notes
}

/** Notes whose finding no longer occurs, so stale notes can be removed. */
export function staleNotes(notes: Record<string, string>, keys: readonly string[]): string[] {
  const present = new Set(keys)
  return Object.keys(notes).filter((key) => !present.has(key))
}
