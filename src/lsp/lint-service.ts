/**
 * The linting half of the language server, run in a worker thread
 * (lint-worker.ts) so that a slow lint never holds up the protocol: one
 * IncrementalLinter per open document, the configuration found from the
 * document's folder, and rule explanations for hovers. Everything it returns
 * is plain data that crosses the thread boundary.
 */
import {IncrementalLinter} from '../engine/incremental.js'
import {formatOf, type InputFormat} from '../engine/parse.js'
import {brill} from '../engine/pos-taggers.js'
import type {FileResult} from '../engine/types.js'
import type {ResolvedConfig} from '../engine/config.js'
import type {RuleSettings} from '../engine/rule.js'
import {allRules, defaultConfig, resolveConfig} from '../registry.js'
import {Configs, type ConfigProblem} from './configs.js'
import {ruleExplanation} from './rule-hover.js'
import type {ConfigurationPreference} from './settings.js'
import {pathOf} from './uris.js'

export interface LintJob {
  uri: string
  languageId: string
  text: string
  /** False: the quick pass (paragraph rules fresh, document findings carried over). */
  complete: boolean
}

export interface LintReply {
  result: FileResult
  /** Document rules ran on this text (a quick pass of a document linted whole is complete too). */
  complete: boolean
  /** False when the document is linted whole each time, so it has no quick pass. */
  incremental: boolean
  /** Every configuration problem known now. */
  problems: ConfigProblem[]
}

export function formatFor(languageId: string, uri: string): InputFormat {
  return languageId === 'markdown' || formatOf(uri) === 'markdown' ? 'markdown' : 'text'
}

export class LintService {
  private readonly linters = new Map<string, IncrementalLinter>()
  /** Where untitled documents find their configuration: the workspace folder. */
  private root = process.cwd()
  private configs = new Configs(this.root)
  /** The editor's rule overrides (settings `rules`): each named rule's setting, and whether it gave options. */
  private overrides?: Map<string, {setting: RuleSettings | undefined; options: boolean}>
  private preference: ConfigurationPreference = 'editorFirst'
  private readonly defaults = defaultConfig()
  /** Each project configuration with the overrides laid over it, the same object while neither changes (so its linter is kept). */
  private overlaid = new WeakMap<ResolvedConfig, ResolvedConfig>()

  lint(job: LintJob): LintReply {
    let linter = this.linters.get(job.uri)
    const config = this.overlay(this.preference === 'editorOnly' ? this.defaults : this.configs.forDocument(job.uri))
    if (!linter || linter.config !== config) {
      linter = new IncrementalLinter(config, pathOf(job.uri) ?? job.uri, formatFor(job.languageId, job.uri))
      this.linters.set(job.uri, linter)
    }

    const result = job.complete ? linter.lint(job.text) : linter.quick(job.text)
    const problems = this.preference === 'editorOnly' ? [] : [...this.configs.problems.values()]
    return {result, complete: job.complete || !linter.incremental, incremental: linter.incremental, problems}
  }

  close(uri: string): void {
    this.linters.delete(uri)
  }

  /**
   * The editor's `rules`, in the shape of .mtlintrc.json's, over every
   * project configuration: a rule they name takes their severity (or off),
   * and keeps the project's options unless they give options of their own;
   * everything else (other rules, weights, gate) stays the project's, as the
   * ESLint server's rule customizations and Ruff's editor-first settings do.
   * `preference` says where the project's file wins instead (settings.ts).
   * Invalid rules throw a ConfigError and change nothing.
   */
  setRules(rules: Record<string, unknown> | undefined, preference: ConfigurationPreference = 'editorFirst'): void {
    if (rules === undefined) this.overrides = undefined
    else {
      const resolved = resolveConfig({rules}, 'settings.mtlint')
      this.overrides = new Map(Object.keys(rules).map((id) => [id, {setting: resolved.rules[id], options: Array.isArray(rules[id]) && rules[id].length > 1}]))
    }

    this.preference = preference
    this.overlaid = new WeakMap()
  }

  private overlay(config: ResolvedConfig): ResolvedConfig {
    if (!this.overrides || (this.preference === 'filesystemFirst' && config.path !== undefined)) return config
    let overlaid = this.overlaid.get(config)
    if (!overlaid) {
      const rules = {...config.rules}
      for (const [id, {setting, options}] of this.overrides) {
        rules[id] = setting && !options ? {severity: setting.severity, options: config.rules[id]?.options ?? setting.options} : setting
      }

      overlaid = {...config, rules}
      this.overlaid.set(config, overlaid)
    }

    return overlaid
  }

  /** A configuration file changed: forget every loaded configuration. */
  reload(): void {
    this.configs = new Configs(this.root)
  }

  configure(root: string): void {
    this.root = root
    this.reload()
  }

  /** Markdown explaining each rule, by rule id: small, so the protocol thread holds them all for hovers. */
  explanations(): Record<string, string> {
    return Object.fromEntries(allRules.map((rule) => [rule.meta.id, ruleExplanation(rule.meta)]))
  }

  /**
   * Load and compile what the first lint needs: the tagger lexicon loads on
   * first use, and V8 compiles each rule's code the first times it runs. Each
   * rule's first flagged example (3,000 characters, 50 ms) takes a third off
   * the first lint of an article.
   */
  warmUp(): void {
    brill([{value: 'warm', start: 0, end: 4}], 'warm')
    const examples = allRules.flatMap((rule) => rule.meta.examples.bad.slice(0, 1).map((example) => example.text))
    new IncrementalLinter(defaultConfig(), 'warm-up.txt', 'text').lint(examples.join('\n\n'))
  }
}
