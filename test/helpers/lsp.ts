/** Shared by the language server tests: poll until something the server sent has arrived. */
export async function waitFor<T>(find: () => T | undefined, what: string, timeout = 20_000): Promise<T> {
  const start = Date.now()
  for (;;) {
    const found = find()
    if (found !== undefined) return found
    if (Date.now() - start > timeout) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}
