/**
 * Sentence alignment of two English versions of one article by lexical
 * overlap: a Gale-Church-style dynamic program whose bead score is word
 * overlap (Dice over content-word multisets) instead of length, since a
 * derived article keeps most words of the sentence it came from while its
 * lengths drift with paraphrase. Beads are 1-1, 2-1 (merge), 1-2 (split),
 * 3-1 and 1-3, 1-0 (deletion) and 0-1 (insertion).
 */

/** One bead: indexes of original and derived sentences (0 to 3 of each). */
export interface Bead {
  original: number[]
  derived: number[]
  /** Dice overlap of the bead's two sides, 0 for insertions and deletions. */
  similarity: number
}

const stopwords = new Set(
  ('a an the and or but of to in on at by for with from as is are was were be been being it its this that these those ' +
    'he she they we i you his her their our my your him them us me has have had do does did will would can could should ' +
    'may might must said says say also which who whom whose what when where there here than then so if into over after ' +
    'before about up out not no') .split(' ')
)

/** Content words of a sentence as keys; all words when it has no content words. */
export function contentKeys(keys: readonly string[]): string[] {
  const content = keys.filter((key) => !stopwords.has(key))
  return content.length > 0 ? content : [...keys]
}

/** Dice coefficient over multisets: 2 x shared / (|a| + |b|). */
export function dice(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 || b.length === 0) return 0
  const counts = new Map<string, number>()
  for (const key of a) counts.set(key, (counts.get(key) ?? 0) + 1)
  let shared = 0
  for (const key of b) {
    const count = counts.get(key) ?? 0
    if (count > 0) {
      shared++
      counts.set(key, count - 1)
    }
  }

  return (2 * shared) / (a.length + b.length)
}

// A matched bead must beat leaving both sides unaligned by this much: two
// unrelated sentences share the odd word, and a merge must earn its keep
// over a 1-1 bead plus an insertion.
const oneToOneCost = 0.2
const mergeCost = 0.25
// Three sentences into one (or one into three) is rarer still: it must win clearly.
const tripleCost = 0.3

/**
 * Align sentences given as word-key lists. Returns the beads in order; every
 * sentence of each side is in exactly one bead.
 */
export function alignSentences(original: readonly string[][], derived: readonly string[][]): Bead[] {
  const a = original.map((keys) => countsOf(contentKeys(keys)))
  const b = derived.map((keys) => countsOf(contentKeys(keys)))
  const n = a.length
  const m = b.length
  // best[i][j]: best score aligning the first i original with the first j derived sentences.
  const best: number[][] = Array.from({length: n + 1}, () => new Array<number>(m + 1).fill(-Infinity))
  const back: Array<Array<[number, number, number] | undefined>> = Array.from({length: n + 1}, () =>
    new Array<[number, number, number] | undefined>(m + 1).fill(undefined)
  )
  best[0]![0] = 0
  const moves: Array<[number, number]> = [
    [1, 1],
    [2, 1],
    [1, 2],
    [3, 1],
    [1, 3],
    [1, 0],
    [0, 1]
  ]
  // Search a band around the diagonal: long articles stay fast (quadratic otherwise), and
  // the band is wide enough for the insertions and deletions a rewrite makes.
  const band = 25 + Math.abs(n - m) + Math.ceil(0.05 * Math.max(n, m))
  for (let i = 0; i <= n; i++) {
    const centre = n === 0 ? 0 : Math.round((i * m) / n)
    for (let j = Math.max(0, centre - band); j <= Math.min(m, centre + band); j++) {
      const here = best[i]![j]!
      if (here === -Infinity) continue
      for (const [di, dj] of moves) {
        const ni = i + di
        const nj = j + dj
        if (ni > n || nj > m) continue
        let similarity = 0
        let value = 0
        if (di > 0 && dj > 0) {
          similarity = diceOfCounts(a.slice(i, ni), b.slice(j, nj))
          value = similarity - (di + dj > 3 ? tripleCost : di + dj > 2 ? mergeCost : oneToOneCost)
        }

        if (here + value > best[ni]![nj]!) {
          best[ni]![nj] = here + value
          back[ni]![nj] = [di, dj, similarity]
        }
      }
    }
  }

  const beads: Bead[] = []
  let i = n
  let j = m
  while (i > 0 || j > 0) {
    const [di, dj, similarity] = back[i]![j]!
    beads.push({
      original: range(i - di, i),
      derived: range(j - dj, j),
      similarity
    })
    i -= di
    j -= dj
  }

  return beads.reverse()
}

interface Counts {
  counts: Map<string, number>
  size: number
}

function countsOf(keys: readonly string[]): Counts {
  const counts = new Map<string, number>()
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1)
  return {counts, size: keys.length}
}

/** `dice` of the concatenated sentences on each side, from per-sentence counts (no copying per cell). */
function diceOfCounts(left: readonly Counts[], right: readonly Counts[]): number {
  let leftSize = 0
  let rightSize = 0
  for (const side of left) leftSize += side.size
  for (const side of right) rightSize += side.size
  if (leftSize === 0 || rightSize === 0) return 0
  const total = (sides: readonly Counts[], key: string) => {
    let count = 0
    for (const side of sides) count += side.counts.get(key) ?? 0
    return count
  }

  let shared = 0
  const seen = new Set<string>()
  for (const side of left) {
    for (const key of side.counts.keys()) {
      if (seen.has(key)) continue
      seen.add(key)
      shared += Math.min(total(left, key), total(right, key))
    }
  }

  return (2 * shared) / (leftSize + rightSize)
}

function range(from: number, to: number): number[] {
  const out: number[] = []
  for (let k = from; k < to; k++) out.push(k)
  return out
}
