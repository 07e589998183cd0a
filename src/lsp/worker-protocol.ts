/** Messages between the protocol thread (lint-backend.ts) and the lint worker (lint-worker.ts). */
import type {LintJob} from './lint-service.js'
import type {ConfigurationPreference} from './settings.js'

export type WorkerRequest =
  | {id: number; kind: 'lint'; job: LintJob}
  | {id: number; kind: 'close'; uri: string}
  | {id: number; kind: 'reload'}
  | {id: number; kind: 'configure'; root: string}
  | {id: number; kind: 'rules'; rules?: Record<string, unknown>; preference?: ConfigurationPreference}

/** Replies carry the request's id; `readyId` says the engine is loaded and warm, its value the rule explanations by id. */
export type WorkerReply = {id: number; ok: true; value: unknown} | {id: number; ok: false; error: string}

export const readyId = -1
