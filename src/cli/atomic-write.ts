/**
 * Write a file so that readers see the old content or the new, never half:
 * write a temporary file beside it, then rename over the target (atomic on
 * POSIX within one filesystem). An existing file keeps its owner, group and
 * mode; when they cannot be kept, nothing is written.
 */
import {randomBytes} from 'node:crypto'
import {chmod, chown, realpath, rename, stat, unlink, writeFile} from 'node:fs/promises'
import {basename, dirname, join} from 'node:path'

/** A write that did not happen, with a one-line reason. */
export class WriteError extends Error {
  override name = 'WriteError'
}

export interface WriteOptions {
  /**
   * Replace the file a symbolic link points to and keep the link (--fix
   * edits the user's file). Without it the link itself is replaced, which is
   * what a report writer wants: it never writes through a link to elsewhere.
   */
  followLinks?: boolean
  /**
   * The file as it was when its text was read and checked: if it is not the
   * same file with the same size and modification time just before the
   * rename, nothing is written (an edit saved while the new text was being
   * written is kept).
   */
  unchangedSince?: {ino: number; size: number; mtimeMs: number}
}

export async function writeFileAtomic(path: string, content: string | Uint8Array, options: WriteOptions = {}): Promise<void> {
  const target = options.followLinks ? await realpath(path).catch(() => path) : path
  const existing = await stat(target).catch(() => undefined)
  const temporary = join(dirname(target), temporaryName(basename(target)))
  try {
    // Private until owner and mode are set, so no one else can open it in between.
    await writeFile(temporary, content, {flag: 'wx', mode: existing ? 0o600 : 0o644})
    if (existing) {
      const made = await stat(temporary)
      // Keep owner and group (root would otherwise take the file over); before chmod, as chown clears set-id bits.
      if (made.uid !== existing.uid || made.gid !== existing.gid) {
        await chown(temporary, existing.uid, existing.gid).catch((error: NodeJS.ErrnoException) => {
          throw new WriteError(`cannot keep its owner and group ${existing.uid}:${existing.gid} (${error.code ?? 'error'})`)
        })
      }

      await chmod(temporary, existing.mode & 0o7777)
    }

    const since = options.unchangedSince
    if (since) {
      const now = await stat(target).catch(() => undefined)
      if (now?.ino !== since.ino || now.size !== since.size || now.mtimeMs !== since.mtimeMs) throw new WriteError('changed on disk while linting')
    }

    await rename(temporary, target)
  } catch (error) {
    await unlink(temporary).catch(() => {})
    if (error instanceof WriteError) throw error
    throw new WriteError(writeFailure(error as NodeJS.ErrnoException))
  }
}

/** `.NAME.RANDOM.tmp` beside the target, or `.mtlint.RANDOM.tmp` when that would pass the 255 bytes a file name may have. */
function temporaryName(name: string): string {
  const random = randomBytes(6).toString('hex')
  const beside = `.${name}.${random}.tmp`
  return Buffer.byteLength(beside) <= 255 ? beside : `.mtlint.${random}.tmp`
}

function writeFailure(error: NodeJS.ErrnoException): string {
  if (error.code === 'EACCES' || error.code === 'EPERM') return 'cannot write in its folder (permission denied)'
  if (error.code === 'EROFS') return 'cannot write (read-only file system)'
  if (error.code === 'ENOSPC') return 'cannot write (no space left on device)'
  return `cannot write (${error.code ?? error.message})`
}
