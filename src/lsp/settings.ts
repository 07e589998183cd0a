/** Server settings, from `initializationOptions` (all optional). */
export interface ServerSettings {
  /** Quiet time after a change before the quick (paragraph) lint, ms. */
  debounceMs: number
  /** Quiet time after a change before the complete lint with document rules, ms. */
  documentDelayMs: number
  /** Longer documents are not linted as you type (one notice instead); use `mtlint lint`. */
  maxDocumentLength: number
  /** A lint running longer is stopped (its document gets one error diagnostic) and the linter restarted. */
  lintTimeoutMs: number
}

export const defaultSettings: ServerSettings = {debounceMs: 10, documentDelayMs: 150, maxDocumentLength: 1_000_000, lintTimeoutMs: 10_000}

export function readSettings(options: unknown): ServerSettings {
  const given = (typeof options === 'object' && options !== null ? options : {}) as Record<string, unknown>
  const settings = {...defaultSettings}
  for (const key of Object.keys(defaultSettings) as Array<keyof ServerSettings>) {
    const value = given[key]
    if (typeof value === 'number' && Number.isFinite(value) && value >= 0) settings[key] = value
  }

  return settings
}
