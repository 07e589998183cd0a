/** A worker thread of a large `compare` batch: checks each pair job it is sent and answers with the outcome. */
import {parentPort, workerData} from 'node:worker_threads'
import {CompareLinter, type CompareRunOptions} from './compare-command.js'
import {keepHeapBounded} from './heap.js'
import {withoutRules, type Job} from './lint-files.js'

const linter = new CompareLinter(workerData as CompareRunOptions)
parentPort!.on('message', async (job: Job) => {
  parentPort!.postMessage(withoutRules(await linter.lint(job)))
  keepHeapBounded()
})
