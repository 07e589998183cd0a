/**
 * Configuration for open documents: the same ConfigFinder the CLI uses, from
 * the document's folder. A broken config file never stops the server: its
 * documents are linted with the defaults, and the error is shown once, as a
 * diagnostic on the config file when it is open, else as a message.
 */
import {dirname} from 'node:path'
import {pathToFileURL} from 'node:url'
import {ConfigError, ConfigFinder, type ResolvedConfig} from '../engine/config.js'
import {linter} from '../registry.js'
import {pathOf} from './uris.js'

export interface ConfigProblem {
  /** URI of the configuration file. */
  uri: string
  message: string
}

export class Configs {
  private finder = linter.configFinder()
  private readonly defaults = linter.defaultConfig()
  /** Problems by config file URI, as found since the last reload. */
  readonly problems = new Map<string, ConfigProblem>()

  /** The folder to search from: the document's, or `fallback` (the workspace root) for untitled documents. */
  constructor(private readonly fallback: string = process.cwd()) {}

  forDocument(uri: string): ResolvedConfig {
    const path = pathOf(uri) ?? `${this.fallback}/untitled`
    try {
      return this.finder.forFile(path)
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error
      const file = ConfigFinder.locate(dirname(path))
      const configUri = file ? pathToFileURL(file).href : uri
      this.problems.set(configUri, {uri: configUri, message: error.message})
      return this.defaults
    }
  }

  /** Forget every loaded configuration (a config file changed on disk). */
  reload(): void {
    this.finder = linter.configFinder()
    this.problems.clear()
  }
}
