/**
 * A unified diff (as `diff -u` prints it) between a file and its fixed
 * version. Fixes touch few lines, so trimming the common head and tail of
 * each changed region is enough; no general LCS is needed.
 */
import {isAbsolute} from 'node:path'

const context = 2

interface Change {
  oldStart: number
  oldEnd: number
  newStart: number
  newEnd: number
}

export function unifiedDiff(path: string, before: string, after: string): string {
  if (before === after) return ''
  const old = before.split('\n')
  const now = after.split('\n')
  const hunks = groupChanges(changesOf(old, now)).map((group) => hunk(old, now, group))
  // git-style a/ b/ prefixes only make sense for relative paths.
  const [from, to] = isAbsolute(path) ? [path, path] : [`a/${path}`, `b/${path}`]
  return [`--- ${from}`, `+++ ${to}`, ...hunks].join('\n') + '\n'
}

/** Runs of differing lines, each closed by the next pair of lines that lines up again. */
function changesOf(old: string[], now: string[]): Change[] {
  const changes: Change[] = []
  let oldIndex = 0
  let newIndex = 0
  while (oldIndex < old.length || newIndex < now.length) {
    if (oldIndex < old.length && old[oldIndex] === now[newIndex]) {
      oldIndex++
      newIndex++
      continue
    }

    const [oldEnd, newEnd] = resync(old, now, oldIndex, newIndex)
    changes.push({oldStart: oldIndex, oldEnd, newStart: newIndex, newEnd})
    oldIndex = oldEnd
    newIndex = newEnd
  }

  return changes
}

/** Changes whose context would overlap share one hunk. */
function groupChanges(changes: Change[]): Change[][] {
  const groups: Change[][] = []
  for (const change of changes) {
    const last = groups.at(-1)
    if (last && change.oldStart - last.at(-1)!.oldEnd <= 2 * context) last.push(change)
    else groups.push([change])
  }

  return groups
}

/** The nearest pair of positions after which the two texts agree again. */
function resync(old: string[], now: string[], oldStart: number, newStart: number): [number, number] {
  for (let distance = 1; distance <= old.length + now.length; distance++) {
    for (let oldSkip = 0; oldSkip <= distance; oldSkip++) {
      const oldAt = oldStart + oldSkip
      const newAt = newStart + distance - oldSkip
      if (oldAt > old.length || newAt > now.length) continue
      if (oldAt === old.length && newAt === now.length) return [oldAt, newAt]
      if (oldAt < old.length && newAt < now.length && old[oldAt] === now[newAt] && old[oldAt + 1] === now[newAt + 1]) return [oldAt, newAt]
    }
  }

  return [old.length, now.length]
}

function hunk(old: string[], now: string[], group: Change[]): string {
  const first = group[0]!
  const last = group.at(-1)!
  const before = Math.min(context, first.oldStart)
  const after = Math.min(context, old.length - last.oldEnd)
  const lines = old.slice(first.oldStart - before, first.oldStart).map((line) => ' ' + line)
  for (const [index, change] of group.entries()) {
    lines.push(...old.slice(change.oldStart, change.oldEnd).map((line) => '-' + line))
    lines.push(...now.slice(change.newStart, change.newEnd).map((line) => '+' + line))
    const next = group[index + 1]
    const gapEnd = next ? next.oldStart : change.oldEnd + after
    lines.push(...old.slice(change.oldEnd, gapEnd).map((line) => ' ' + line))
  }

  const oldCount = last.oldEnd + after - (first.oldStart - before)
  const newCount = last.newEnd + after - (first.newStart - before)
  return `@@ -${first.oldStart - before + 1},${oldCount} +${first.newStart - before + 1},${newCount} @@\n${lines.join('\n')}`
}
