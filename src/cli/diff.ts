/**
 * A unified diff (as `diff -u` and `git diff` print it) between a file and
 * its fixed version, which `git apply` and `patch` accept: hunks with three
 * lines of context, counts of real lines only, a line keeps its own ending
 * (CRLF stays CRLF), and a last line without one is followed by
 * `\ No newline at end of file`. Lines are matched by Myers' shortest edit
 * script over what lies between the common head and tail, so an unchanged
 * line between two changes stays context. Fixes touch few lines: the work
 * grows with the number of changed lines, not with the file's length squared.
 */
import {isAbsolute} from 'node:path'

const context = 3
/** Edits Myers' search may take (its trace holds about this squared numbers) before the greedy pairing takes over. */
const maxEdits = 2000

/** One run of lines: `old[oldStart, oldEnd)` replaced by `now[newStart, newEnd)`. */
interface Change {
  oldStart: number
  oldEnd: number
  newStart: number
  newEnd: number
}

export function unifiedDiff(path: string, before: string, after: string): string {
  if (before === after) return ''
  const old = linesOf(before)
  const now = linesOf(after)
  const hunks = groupChanges(changesOf(old, now)).map((group) => hunk(old, now, group))
  // git-style a/ b/ prefixes only make sense for relative paths.
  const [from, to] = isAbsolute(path) ? [path, path] : [`a/${path}`, `b/${path}`]
  return `--- ${from}\n+++ ${to}\n${hunks.join('')}`
}

/** The lines of `text`, each with its ending ('\n', '\r\n'); the last has none when the text does not end with one. */
function linesOf(text: string): string[] {
  const lines: string[] = []
  let start = 0
  for (let end = text.indexOf('\n'); end !== -1; end = text.indexOf('\n', start)) {
    lines.push(text.slice(start, end + 1))
    start = end + 1
  }

  if (start < text.length) lines.push(text.slice(start))
  return lines
}

/** The changed runs, in order, after trimming the common head and tail. */
function changesOf(old: string[], now: string[]): Change[] {
  let head = 0
  while (head < old.length && head < now.length && old[head] === now[head]) head++
  let tail = 0
  while (tail < old.length - head && tail < now.length - head && old[old.length - 1 - tail] === now[now.length - 1 - tail]) tail++
  return myers(old, now, head, old.length - tail, head, now.length - tail)
}

/** Myers' O(ND) shortest edit script between old[oldStart, oldEnd) and now[newStart, newEnd), as runs of changed lines. */
function myers(old: string[], now: string[], oldStart: number, oldEnd: number, newStart: number, newEnd: number): Change[] {
  const n = oldEnd - oldStart
  const m = newEnd - newStart
  const max = n + m
  const offset = max + 1
  const v = new Int32Array(2 * max + 3)
  // trace[d] is v's diagonals -d..d after step d, kept to walk back the path.
  const trace: Int32Array[] = []
  let found = -1
  for (let d = 0; d <= max && found < 0; d++) {
    // The trace grows as d squared: past the budget, pair the lines greedily instead (a valid diff, maybe a longer one).
    if (d > maxEdits) return greedy(old, now, oldStart, oldEnd, newStart, newEnd)
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!) ? v[offset + k + 1]! : v[offset + k - 1]! + 1
      let y = x - k
      while (x < n && y < m && old[oldStart + x] === now[newStart + y]) {
        x++
        y++
      }

      v[offset + k] = x
      if (x >= n && y >= m) {
        found = d
        break
      }
    }

    trace.push(v.slice(offset - d, offset + d + 1))
  }

  // Walk back from (n, m), marking which lines are deleted and inserted.
  const deleted = new Uint8Array(n)
  const inserted = new Uint8Array(m)
  let x = n
  let y = m
  for (let d = found; d > 0; d--) {
    const previous = trace[d - 1]!
    const at = (k: number) => previous[k + d - 1]!
    const k = x - y
    const down = k === -d || (k !== d && at(k - 1) < at(k + 1))
    const previousK = down ? k + 1 : k - 1
    const previousX = at(previousK)
    const previousY = previousX - previousK
    if (down) inserted[previousY] = 1
    else deleted[previousX] = 1
    // The lines from there to the old (x, y) are common.
    x = previousX
    y = previousY
  }

  const changes: Change[] = []
  let i = 0
  let j = 0
  while (i < n || j < m) {
    if (i < n && j < m && !deleted[i] && !inserted[j]) {
      i++
      j++
      continue
    }

    const change = {oldStart: oldStart + i, oldEnd: 0, newStart: newStart + j, newEnd: 0}
    while (i < n && deleted[i]) i++
    while (j < m && inserted[j]) j++
    changes.push({...change, oldEnd: oldStart + i, newEnd: newStart + j})
  }

  return changes
}

/** Runs of differing lines, each closed by the next two lines that line up again: fast, not always shortest. */
function greedy(old: string[], now: string[], oldStart: number, oldEnd: number, newStart: number, newEnd: number): Change[] {
  const changes: Change[] = []
  let oldIndex = oldStart
  let newIndex = newStart
  while (oldIndex < oldEnd || newIndex < newEnd) {
    if (oldIndex < oldEnd && newIndex < newEnd && old[oldIndex] === now[newIndex]) {
      oldIndex++
      newIndex++
      continue
    }

    const change = {oldStart: oldIndex, oldEnd: oldEnd, newStart: newIndex, newEnd: newEnd}
    search: for (let distance = 1; distance <= oldEnd - oldIndex + newEnd - newIndex; distance++) {
      for (let oldSkip = 0; oldSkip <= distance; oldSkip++) {
        const oldAt = oldIndex + oldSkip
        const newAt = newIndex + distance - oldSkip
        if (oldAt >= oldEnd || newAt >= newEnd) continue
        if (old[oldAt] === now[newAt] && (oldAt + 1 === oldEnd) === (newAt + 1 === newEnd) && (oldAt + 1 === oldEnd || old[oldAt + 1] === now[newAt + 1])) {
          change.oldEnd = oldAt
          change.newEnd = newAt
          break search
        }
      }
    }

    changes.push(change)
    oldIndex = change.oldEnd
    newIndex = change.newEnd
  }

  return changes
}

/** Changes whose context would touch or overlap share one hunk. */
function groupChanges(changes: Change[]): Change[][] {
  const groups: Change[][] = []
  for (const change of changes) {
    const last = groups.at(-1)
    if (last && change.oldStart - last.at(-1)!.oldEnd <= 2 * context) last.push(change)
    else groups.push([change])
  }

  return groups
}

function hunk(old: string[], now: string[], group: Change[]): string {
  const first = group[0]!
  const last = group.at(-1)!
  const before = Math.min(context, first.oldStart)
  const after = Math.min(context, old.length - last.oldEnd)
  let body = old.slice(first.oldStart - before, first.oldStart).map((line) => diffLine(' ', line)).join('')
  for (const [index, change] of group.entries()) {
    body += old.slice(change.oldStart, change.oldEnd).map((line) => diffLine('-', line)).join('')
    body += now.slice(change.newStart, change.newEnd).map((line) => diffLine('+', line)).join('')
    const gapEnd = group[index + 1]?.oldStart ?? change.oldEnd + after
    body += old.slice(change.oldEnd, gapEnd).map((line) => diffLine(' ', line)).join('')
  }

  const oldFrom = first.oldStart - before
  const newFrom = first.newStart - before
  const oldCount = last.oldEnd + after - oldFrom
  const newCount = last.newEnd + after - newFrom
  return `@@ -${range(oldFrom, oldCount)} +${range(newFrom, newCount)} @@\n${body}`
}

/** A hunk range as diff -u writes it: 1-based start, the count left out when 1, and the line before an empty range. */
function range(from: number, count: number): string {
  if (count === 1) return `${from + 1}`
  return `${count === 0 ? from : from + 1},${count}`
}

function diffLine(mark: string, line: string): string {
  return line.endsWith('\n') ? mark + line : `${mark}${line}\n\\ No newline at end of file\n`
}
