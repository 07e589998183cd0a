/**
 * Real defects in published news (suspected-defects.dev.jsonl): each item was
 * taken out of the clean set, so its document is rebuilt from the clean items
 * of the same document plus the suspected ones (quote balance needs the whole
 * document). An item is hit when a finding overlaps it.
 */
import type {ResolvedConfig} from '../../src/engine/config.js'
import {lintText} from '../../src/engine/lint.js'
import {contextOf} from './context.js'
import {rangeOf} from './corpus-score.js'
import {rebuildDocuments, type CleanItem} from './datasets.js'
import {overlaps} from './ranges.js'

export interface SuspectedItemResult {
  id: string
  defect: string
  /** `rule-id (severity)` of every finding overlapping the item. */
  rules: string[]
  /** The first finding in context, or the item's opening words when nothing fired. */
  context: string
}

export interface SuspectedKindResult {
  defect: string
  items: number
  hit: number
  rules: Record<string, number>
}

export interface SuspectedResult {
  items: SuspectedItemResult[]
  byKind: SuspectedKindResult[]
}

export function evaluateSuspected(suspected: readonly CleanItem[], clean: readonly CleanItem[], config: ResolvedConfig): SuspectedResult {
  const documentKey = (item: CleanItem) => `${item.dataset}/${item.doc}`
  const wanted = new Set(suspected.map(documentKey))
  const documents = rebuildDocuments([...clean.filter((item) => wanted.has(documentKey(item))), ...suspected])
  const defectOf = new Map(suspected.map((item) => [item.id, item.suspected_defect ?? 'unspecified']))

  const items: SuspectedItemResult[] = []
  for (const document of documents) {
    const {findings} = lintText(document.text, document.id, config)
    for (const segment of document.segments) {
      const defect = defectOf.get(segment.id)
      if (defect === undefined) continue
      const inside = findings.filter((finding) => overlaps(rangeOf(finding), segment))
      const first = inside[0]
      items.push({
        id: segment.id,
        defect,
        rules: inside.map((finding) => `${finding.ruleId} (${finding.severity})`),
        context: first ? contextOf(document.text, rangeOf(first)) : opening(document.text.slice(segment.start, segment.end))
      })
    }
  }

  const kinds = new Map<string, SuspectedKindResult>()
  for (const item of items) {
    let kind = kinds.get(item.defect)
    if (!kind) kinds.set(item.defect, (kind = {defect: item.defect, items: 0, hit: 0, rules: {}}))
    kind.items++
    if (item.rules.length > 0) kind.hit++
    for (const rule of new Set(item.rules.map((each) => each.split(' ')[0]!))) kind.rules[rule] = (kind.rules[rule] ?? 0) + 1
  }

  return {items, byKind: [...kinds.values()].sort((a, b) => b.items - a.items)}
}

function opening(text: string, length = 140): string {
  return text.length <= length ? text : text.slice(0, length) + '…'
}
