/** A worker thread of a large batch: lints each input it is sent and answers with the outcome. */
import {parentPort, workerData} from 'node:worker_threads'
import {keepHeapBounded} from './heap.js'
import {InputLinter, withoutRules, type Job, type LintRunOptions} from './lint-files.js'

const linter = new InputLinter(workerData as LintRunOptions)
parentPort!.on('message', async (input: Job) => {
  parentPort!.postMessage(withoutRules(await linter.lint(input)))
  keepHeapBounded()
})
