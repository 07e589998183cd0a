/**
 * For clients that watch no files for the server (Neovim 0.7, any client
 * without dynamic registration of workspace/didChangeWatchedFiles): the
 * server watches, itself, every folder a configuration is looked for in,
 * from each open document's folder up to the root, as ConfigFinder.locate
 * walks them. Watching folders, not files, sees a config created where there
 * was none and one written by rename, as editors save. One inotify watch per
 * folder, never more than the folders above the open documents.
 */
import {watch, type FSWatcher} from 'node:fs'
import {dirname} from 'node:path'

const names = new Set(['.mtlintrc.json', 'package.json'])
/** Editors write a file in several steps: one reload after the last. */
const settleMs = 50

export class ConfigWatcher {
  private readonly watchers = new Map<string, FSWatcher>()
  private timer?: NodeJS.Timeout

  constructor(private readonly changed: () => void) {}

  /** Watch the folders a configuration for `file` may be in. */
  watchFor(file: string): void {
    for (let folder = dirname(file); ; folder = dirname(folder)) {
      if (!this.watchers.has(folder)) this.watchFolder(folder)
      if (dirname(folder) === folder) return
    }
  }

  dispose(): void {
    clearTimeout(this.timer)
    for (const watcher of this.watchers.values()) watcher.close()
    this.watchers.clear()
  }

  private watchFolder(folder: string): void {
    let watcher: FSWatcher
    try {
      watcher = watch(folder, {persistent: false}, (_, name) => {
        if (name !== null && !names.has(String(name))) return
        clearTimeout(this.timer)
        this.timer = setTimeout(this.changed, settleMs)
      })
    } catch {
      // A folder that does not exist or cannot be read (or no inotify watch left): nothing to see there.
      return
    }

    watcher.on('error', () => watcher.close())
    this.watchers.set(folder, watcher)
  }
}
