/**
 * Findings counted by rule and severity, and the table that shows them (with
 * the counts of an earlier run beside them), for the measurements of false
 * alarms on ordinary English (measure/fortunes.ts, measure/handbook.ts).
 * --save writes the counts, --before reads them back.
 */
import {readFileSync, writeFileSync} from 'node:fs'

/** Rule id -> severity -> findings. */
export type RuleCounts = Record<string, Record<string, number>>

export function countByRule(findings: ReadonlyArray<{ruleId: string; severity: string}>): RuleCounts {
  const counts: RuleCounts = {}
  for (const finding of findings) {
    const rule = (counts[finding.ruleId] ??= {})
    rule[finding.severity] = (rule[finding.severity] ?? 0) + 1
  }
  return counts
}

const total = (rule: Record<string, number> | undefined): number => Object.values(rule ?? {}).reduce((sum, n) => sum + n, 0)
/** Minor and above: every severity but info. */
export const aboveInfo = (rule: Record<string, number> | undefined): number => total(rule) - (rule?.info ?? 0)

/** Writes the counts to `save` and reads the earlier ones from `before` (either may be absent). */
export function saveAndReadCounts(counts: RuleCounts, save: string | undefined, before: string | undefined): RuleCounts | undefined {
  if (save) writeFileSync(save, JSON.stringify(counts, null, 2) + '\n')
  return before ? (JSON.parse(readFileSync(before, 'utf8')) as RuleCounts) : undefined
}

/** A Markdown table, one row a rule, most minor+ findings first; with `previous`, before and after side by side. */
export function ruleCountTable(counts: RuleCounts, previous?: RuleCounts): string[] {
  const lines: string[] = []
  const old = previous ?? {}
  lines.push(previous ? '| rule | minor+ before | minor+ after | all before | all after |' : '| rule | minor+ | all |')
  lines.push(previous ? '| --- | ---: | ---: | ---: | ---: |' : '| --- | ---: | ---: |')
  const ids = [...new Set([...Object.keys(counts), ...Object.keys(old)])].sort(
    (a, b) => aboveInfo(counts[b]) - aboveInfo(counts[a]) || total(counts[b]) - total(counts[a]) || a.localeCompare(b)
  )
  for (const id of ids) {
    lines.push(
      previous
        ? `| ${id} | ${aboveInfo(old[id])} | ${aboveInfo(counts[id])} | ${total(old[id])} | ${total(counts[id])} |`
        : `| ${id} | ${aboveInfo(counts[id])} | ${total(counts[id])} |`
    )
  }
  return lines
}

/** The value after `name` in the arguments, and the arguments that are neither options nor their values. */
export function optionsOf(args: readonly string[], names: readonly string[]): {option: (name: string) => string | undefined; rest: string[]} {
  const option = (name: string): string | undefined => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined)
  const rest = args.filter((arg, index) => !arg.startsWith('--') && !names.includes(args[index - 1]!))
  return {option, rest}
}
