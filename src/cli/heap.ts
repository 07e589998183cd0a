/**
 * A heap that stays near its live size in long runs. V8 lets a busy
 * isolate's heap grow to several times what is live before it collects
 * (measured: workers of a 5,000-file batch at 100 MB for 28 MB live), so
 * peak memory would grow with the length of a batch or stream although
 * nothing is kept. Collecting once the heap has grown by a fixed slack past
 * the last live size bounds it: one full collection every few hundred
 * small files, or one per window of a long text.
 */
import {getHeapStatistics, setFlagsFromString} from 'node:v8'
import {runInNewContext} from 'node:vm'

/**
 * Growth past the last live size that triggers a collection. Fixed, not a
 * share of the live size: a long text's windows (hundreds of MB live) then
 * cost one full collection each, some tenth of the time, instead of holding
 * a window's garbage several times over.
 */
const slackBytes = 16 * 1024 * 1024

let collect: (() => void) | undefined
let live = 0

/** Call between two units of work (a file, a stream line): collects when the heap has grown past the slack. */
export function keepHeapBounded(): void {
  const used = getHeapStatistics().used_heap_size
  if (used < live + slackBytes) return
  if (!collect) {
    // The flag exposes `gc` to contexts made after it is set; this process's own global stays as it was.
    setFlagsFromString('--expose-gc')
    collect = runInNewContext('gc') as () => void
  }

  collect()
  live = getHeapStatistics().used_heap_size
}
