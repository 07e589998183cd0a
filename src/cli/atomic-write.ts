/**
 * Write a file so that readers see the old content or the new, never half:
 * write a temporary file beside it, then rename over the target (atomic on
 * POSIX within one filesystem). An existing file's permissions are kept.
 */
import {randomBytes} from 'node:crypto'
import {chmod, rename, stat, unlink, writeFile} from 'node:fs/promises'
import {basename, dirname, join} from 'node:path'

export async function writeFileAtomic(path: string, content: string): Promise<void> {
  const temporary = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`)
  const mode = await stat(path).then(
    (stats) => stats.mode & 0o7777,
    () => undefined
  )
  try {
    await writeFile(temporary, content, {flag: 'wx', mode: mode ?? 0o644})
    if (mode !== undefined) await chmod(temporary, mode)
    await rename(temporary, path)
  } catch (error) {
    await unlink(temporary).catch(() => {})
    throw error
  }
}
