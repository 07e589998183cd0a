/**
 * Stable names for findings on the clean set, used as keys of the
 * hand-edited corpus/clean-findings-notes.json. A key names the rule, the
 * document and the flagged text (not the offset), so a note survives a rule
 * widening its range; `#2`, `#3` tell apart repeats in one document.
 */
import type {Finding} from '../../src/engine/types.js'

export function findingKeys(documentId: string, findings: readonly Finding[]): string[] {
  const seen = new Map<string, number>()
  return findings.map((finding) => {
    const base = `${finding.ruleId} ${documentId} ${JSON.stringify(finding.actual)}`
    const count = (seen.get(base) ?? 0) + 1
    seen.set(base, count)
    return count === 1 ? base : `${base} #${count}`
  })
}
