/** What a queue job holds: a document's text with its id, or the path of a file every worker can read. */

export type DocumentJob = {kind: 'text'; id: string; text: string; filename?: string} | {kind: 'path'; id: string; path: string}

export class MalformedJobError extends Error {
  override name = 'MalformedJobError'
}

const expected = 'expected {"id","text"} (optionally "filename") or {"path"} (optionally "id")'

/** Validate job data (or an `enqueue` input line); a job that is not a document is never retried. */
export function documentOf(data: unknown): DocumentJob {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) throw new MalformedJobError(`Unexpected ${describe(data)} as a job, ${expected}`)
  const {id, text, path, filename} = data as Record<string, unknown>
  for (const [key, value] of Object.entries({id, path, filename})) {
    if (value !== undefined && (typeof value !== 'string' || value === '')) {
      throw new MalformedJobError(`Unexpected ${describe(value)} as "${key}", expected a non-empty string`)
    }
  }

  // An empty text is a document (its result is the error `lint` gives for it); a number is not.
  if (text !== undefined && typeof text !== 'string') throw new MalformedJobError(`Unexpected ${describe(text)} as "text", expected a string`)

  if (typeof text === 'string' && path === undefined && typeof id === 'string') {
    return filename === undefined ? {kind: 'text', id, text} : {kind: 'text', id, text, filename: filename as string}
  }

  if (typeof path === 'string' && text === undefined) return {kind: 'path', id: (id as string | undefined) ?? path, path}
  throw new MalformedJobError(`Unexpected job with keys ${JSON.stringify(Object.keys(data))}, ${expected}`)
}

function describe(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'array'
  return typeof value === 'string' ? 'empty string' : typeof value
}
