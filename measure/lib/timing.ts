/**
 * Timing for the benchmark. Each run records wall-clock time and the CPU
 * time of this process: on a shared machine (other builds, test runs) wall
 * time mostly measures the queue for a core, while CPU time still measures
 * the work, so ratios are computed from CPU time and wall time is shown
 * beside it. Functions are timed in interleaved rounds so that any drift hits
 * all of them alike.
 */

export interface Sample {
  wallMs: number
  cpuMs: number
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2
}

export async function sample(run: () => unknown): Promise<Sample> {
  const cpu = process.cpuUsage()
  const start = performance.now()
  await run()
  const wallMs = performance.now() - start
  const used = process.cpuUsage(cpu)
  return {wallMs, cpuMs: (used.user + used.system) / 1000}
}

/** Run every function once per round, `rounds` times, and return the samples per function. */
export async function timeInterleaved(runs: Record<string, () => unknown>, rounds: number): Promise<Record<string, Sample[]>> {
  const samples: Record<string, Sample[]> = Object.fromEntries(Object.keys(runs).map((name) => [name, []]))
  for (let round = 0; round < rounds; round++) {
    for (const [name, run] of Object.entries(runs)) samples[name]!.push(await sample(run))
  }

  return samples
}

export function medianCpu(samples: readonly Sample[]): number {
  return median(samples.map((each) => each.cpuMs))
}

export function medianWall(samples: readonly Sample[]): number {
  return median(samples.map((each) => each.wallMs))
}

export function wordsPerSecond(words: number, ms: number): number {
  return (words * 1000) / ms
}

/** Spread of timings as a share of their median: a difference smaller than this means nothing. */
export function relativeSpread(values: readonly number[]): number {
  if (values.length < 2) return 0
  return (Math.max(...values) - Math.min(...values)) / median(values)
}
