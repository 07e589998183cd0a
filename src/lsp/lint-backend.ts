/**
 * How the protocol thread reaches the linter. In the server it is a worker
 * thread (lint-worker.ts), started with the process so the engine loads
 * while `initialize` is answered, and replaced when a lint runs past its
 * time limit or the worker dies; tests may lint in-thread instead.
 */
import {Worker} from 'node:worker_threads'
import type {LintJob, LintReply} from './lint-service.js'
import type {ConfigurationPreference} from './settings.js'
import {readyId, type WorkerReply, type WorkerRequest} from './worker-protocol.js'

export interface LintBackend {
  /** Resolves when the engine is loaded and warm (the server answers `initialize` then, so the first lint is fast). */
  ready: Promise<void>
  /** Rejects with a one-line Error when the lint throws or runs past `timeoutMs`. */
  lint(job: LintJob, timeoutMs: number): Promise<LintReply>
  close(uri: string): void
  /** Configuration files changed. */
  reload(): void
  /** The workspace folder, where untitled documents look for a configuration. */
  configure(root: string): void
  /** The editor's rule overrides (undefined: none); rejects with the one-line ConfigError when they are invalid, and the last good ones stay. */
  setRules(rules: Record<string, unknown> | undefined, preference?: ConfigurationPreference): Promise<void>
  /** Markdown explaining the rule (empty until `ready`). */
  explain(ruleId: string): string | undefined
  dispose(): Promise<void>
}

type Request = WorkerRequest extends infer R ? (R extends {id: number} ? Omit<R, 'id'> : never) : never

interface Pending {
  resolve: (value: unknown) => void
  reject: (error: Error) => void
  timer?: NodeJS.Timeout
}

export class WorkerBackend implements LintBackend {
  private worker?: Worker
  private readonly pending = new Map<number, Pending>()
  private nextId = 0
  private root?: string
  /** The last rules the worker took (and where they yield to the project's), posted again to a new worker. */
  private rules?: {rules?: Record<string, unknown>; preference?: ConfigurationPreference}
  ready: Promise<void>
  private markReady = () => {}
  private explanations: Record<string, string> = {}

  constructor(private readonly url: URL = new URL('lint-worker.js', import.meta.url)) {
    this.ready = new Promise((resolve) => (this.markReady = resolve))
    this.start()
  }

  lint(job: LintJob, timeoutMs: number): Promise<LintReply> {
    return this.call({kind: 'lint', job}, timeoutMs) as Promise<LintReply>
  }

  close(uri: string): void {
    void this.call({kind: 'close', uri}).catch(() => undefined)
  }

  reload(): void {
    void this.call({kind: 'reload'}).catch(() => undefined)
  }

  configure(root: string): void {
    this.root = root
    void this.call({kind: 'configure', root}).catch(() => undefined)
  }

  async setRules(rules: Record<string, unknown> | undefined, preference?: ConfigurationPreference): Promise<void> {
    await this.call({kind: 'rules', rules, preference})
    this.rules = {rules, preference}
  }

  explain(ruleId: string): string | undefined {
    return this.explanations[ruleId]
  }

  async dispose(): Promise<void> {
    const worker = this.worker
    this.worker = undefined
    this.fail(new Error('the language server is shutting down'))
    await worker?.terminate()
  }

  private start(): Worker {
    const worker = new Worker(this.url)
    worker.on('message', (reply: WorkerReply) => {
      if (reply.id === readyId && reply.ok) {
        this.explanations = reply.value as Record<string, string>
        this.markReady()
      }

      const pending = this.pending.get(reply.id)
      if (!pending) return
      this.pending.delete(reply.id)
      clearTimeout(pending.timer)
      if (reply.ok) pending.resolve(reply.value)
      else pending.reject(new Error(reply.error))
    })
    // An uncaught error or an exit (out of memory) ends this worker: the next call starts another.
    worker.on('error', (error) => this.stop(worker, new Error(`the lint worker failed: ${error.message.split('\n')[0]}`)))
    worker.on('exit', (code) => this.stop(worker, new Error(`the lint worker exited with code ${code}`)))
    worker.once('exit', () => this.markReady())
    this.worker = worker
    if (this.root !== undefined) worker.postMessage({id: this.nextId++, kind: 'configure', root: this.root} satisfies WorkerRequest)
    if (this.rules !== undefined) worker.postMessage({id: this.nextId++, kind: 'rules', ...this.rules} satisfies WorkerRequest)
    return worker
  }

  private stop(worker: Worker, error: Error): void {
    if (this.worker !== worker) return
    this.worker = undefined
    this.fail(error)
    void worker.terminate()
  }

  private fail(error: Error): void {
    for (const pending of this.pending.values()) {
      clearTimeout(pending.timer)
      pending.reject(error)
    }

    this.pending.clear()
  }

  private call(request: Request, timeoutMs?: number): Promise<unknown> {
    const worker = this.worker ?? this.start()
    const id = this.nextId++
    return new Promise((resolve, reject) => {
      const pending: Pending = {resolve, reject}
      if (timeoutMs !== undefined) {
        pending.timer = setTimeout(() => this.stop(worker, new Error(`linting took longer than ${timeoutMs} ms (lintTimeoutMs); the linter was restarted`)), timeoutMs)
      }

      this.pending.set(id, pending)
      worker.postMessage({...request, id} as WorkerRequest)
    })
  }
}
