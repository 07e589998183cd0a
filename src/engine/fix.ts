import type {Finding} from './types.js'

/** Apply the first `expected` of each finding, from the end of the text backwards; overlapping fixes are skipped. */
export function applyFixes(text: string, findings: readonly Finding[]): {text: string; applied: Finding[]} {
  const fixable = findings
    .filter((finding) => finding.expected.length > 0)
    .sort((a, b) => b.start.offset - a.start.offset || b.end.offset - a.end.offset)
  const applied: Finding[] = []
  let result = text
  let limit = Number.POSITIVE_INFINITY
  for (const finding of fixable) {
    if (finding.end.offset > limit) continue
    result = result.slice(0, finding.start.offset) + finding.expected[0] + result.slice(finding.end.offset)
    limit = finding.start.offset
    applied.unshift(finding)
  }

  return {text: result, applied}
}
