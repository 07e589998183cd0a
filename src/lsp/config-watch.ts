/**
 * For clients that watch no files for the server (Neovim 0.7, any client
 * without dynamic registration of workspace/didChangeWatchedFiles): the
 * server watches, itself, every folder a configuration is looked for in,
 * from each open document's folder up to the root, as ConfigFinder.locate
 * walks them. Watching folders, not files, sees a config created where there
 * was none and one written by rename, as editors save. One inotify watch per
 * folder, never more than the folders above the open documents: each folder
 * counts the open documents below it and is let go when the last closes.
 */
import {existsSync, watch, type FSWatcher} from 'node:fs'
import {basename, dirname} from 'node:path'

const names = new Set(['.mtlintrc.json', 'package.json'])
/** Editors write a file in several steps: one reload after the last. */
const settleMs = 50

interface Watched {
  /** Open documents whose configuration is looked for here. */
  count: number
  /** Undefined when the folder could not be watched or is gone. */
  watcher?: FSWatcher
}

export class ConfigWatcher {
  private readonly folders = new Map<string, Watched>()
  private timer?: NodeJS.Timeout
  private disposed = false

  constructor(private readonly changed: () => void) {}

  /** Watch the folders a configuration for `file` may be in (once more for each call: unwatchFor lets go). */
  watchFor(file: string): void {
    if (this.disposed) return
    for (const folder of foldersOf(file)) {
      const watched = this.folders.get(folder) ?? {count: 0}
      watched.count++
      // A folder that was gone (or unreadable) is tried again when a document needs it.
      watched.watcher ??= this.watchFolder(folder)
      this.folders.set(folder, watched)
    }
  }

  /** The document `file` was closed: stop watching the folders no open document needs. */
  unwatchFor(file: string): void {
    for (const folder of foldersOf(file)) {
      const watched = this.folders.get(folder)
      if (!watched) continue
      if (--watched.count > 0) continue
      watched.watcher?.close()
      this.folders.delete(folder)
    }
  }

  /** Folders watched now (inotify watches held). */
  get size(): number {
    let size = 0
    for (const watched of this.folders.values()) if (watched.watcher) size++
    return size
  }

  dispose(): void {
    this.disposed = true
    clearTimeout(this.timer)
    for (const watched of this.folders.values()) watched.watcher?.close()
    this.folders.clear()
  }

  private watchFolder(folder: string): FSWatcher | undefined {
    let watcher: FSWatcher
    const forget = () => {
      watcher.close()
      const watched = this.folders.get(folder)
      if (watched?.watcher === watcher) watched.watcher = undefined
    }

    try {
      watcher = watch(folder, {persistent: false}, (_, name) => {
        // The folder itself deleted or moved away: its watch is gone, nothing more comes from it.
        if (name !== null && String(name) === basename(folder) && !existsSync(folder)) return forget()
        if (name !== null && !names.has(String(name))) return
        clearTimeout(this.timer)
        if (!this.disposed) this.timer = setTimeout(this.changed, settleMs)
      })
    } catch {
      // A folder that does not exist or cannot be read (or no inotify watch left): nothing to see there.
      return undefined
    }

    watcher.on('error', forget)
    return watcher
  }
}

/** The document's folder and every folder above it, to the root. */
function foldersOf(file: string): string[] {
  const folders: string[] = []
  for (let folder = dirname(file); ; folder = dirname(folder)) {
    folders.push(folder)
    if (dirname(folder) === folder) return folders
  }
}
