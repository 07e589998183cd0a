/** A worker thread of a large batch: lints its share of the inputs and posts each outcome as it is ready. */
import {parentPort, workerData} from 'node:worker_threads'
import type {Input} from './inputs.js'
import {InputLinter, type LintRunOptions} from './lint-files.js'

const {inputs, options} = workerData as {inputs: Input[]; options: LintRunOptions}
const linter = new InputLinter(options)
for (const [position, input] of inputs.entries()) {
  parentPort!.postMessage({position, outcome: await linter.lint(input)})
}
