/**
 * The worker thread of `mtlint lsp`: loads the engine while the protocol
 * thread answers `initialize`, then serves LintService calls one at a time.
 * A throw becomes an error reply of one line; the protocol thread decides
 * what the editor sees.
 */
import {parentPort} from 'node:worker_threads'
import {LintService} from './lint-service.js'
import {readyId, type WorkerReply, type WorkerRequest} from './worker-protocol.js'

const port = parentPort
if (port) {
  const service = new LintService()
  try {
    service.warmUp()
  } catch {
    // Only a speed-up: a lint that throws the same way reports it with its document.
  }

  port.postMessage({id: readyId, ok: true, value: service.explanations()} satisfies WorkerReply)
  port.on('message', (request: WorkerRequest) => {
    try {
      port.postMessage({id: request.id, ok: true, value: handle(service, request)} satisfies WorkerReply)
    } catch (error) {
      port.postMessage({id: request.id, ok: false, error: oneLine(error)} satisfies WorkerReply)
    }
  })
}

export function handle(service: LintService, request: WorkerRequest): unknown {
  switch (request.kind) {
    case 'lint':
      return service.lint(request.job)
    case 'close':
      return service.close(request.uri)
    case 'reload':
      return service.reload()
    case 'configure':
      return service.configure(request.root)
    case 'rules':
      return service.setRules(request.rules, request.preference)
  }
}

/** `RangeError: Maximum call stack size exceeded`, never the stack. */
export function oneLine(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error)
  return text.split('\n')[0]!.slice(0, 300)
}
