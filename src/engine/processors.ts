/**
 * The unified processors that run the enabled rules over a parsed tree, built
 * once per resolved configuration from the rules it carries.
 */
import type {Root} from 'nlcst'
import retextEnglish from 'retext-english'
import {unified, type Processor} from 'unified'
import type {ResolvedConfig} from './config.js'
import type {Rule} from './rule.js'

export type AnyProcessor = Processor<Root, Root, Root, undefined, undefined>

/** For incremental linting: paragraph-scope rules run per block, document-scope ones on the whole tree. */
export interface ScopedProcessors {
  paragraph: AnyProcessor
  document?: AnyProcessor
  /** The document rules that gather from each window of a windowed lint (RuleMeta.gathersWindows). */
  gather?: AnyProcessor
}

const processors = new WeakMap<ResolvedConfig, AnyProcessor>()
const scopedProcessors = new WeakMap<ResolvedConfig, ScopedProcessors>()

function build(config: ResolvedConfig, rules: readonly Rule[]): AnyProcessor {
  let chain = unified().use(retextEnglish) as unknown as AnyProcessor
  for (const rule of rules) chain = chain.use(rule.plugin, config.rules[rule.meta.id]!) as unknown as AnyProcessor
  return chain.freeze() as AnyProcessor
}

const enabledRules = (config: ResolvedConfig) => config.textRules.filter((rule) => config.rules[rule.meta.id])

/** Every enabled rule of the configuration, in registry order. */
export function processorFor(config: ResolvedConfig): AnyProcessor {
  let processor = processors.get(config)
  if (!processor) {
    processor = build(config, enabledRules(config))
    processors.set(config, processor)
  }

  return processor
}

export function scopedProcessorsFor(config: ResolvedConfig): ScopedProcessors {
  let scoped = scopedProcessors.get(config)
  if (!scoped) {
    const enabled = enabledRules(config)
    const documentRules = enabled.filter((rule) => rule.meta.scope === 'document')
    const gatherRules = documentRules.filter((rule) => rule.meta.gathersWindows)
    scoped = {
      paragraph: build(config, enabled.filter((rule) => rule.meta.scope !== 'document')),
      document: documentRules.length > 0 ? build(config, documentRules) : undefined,
      gather: gatherRules.length > 0 ? build(config, gatherRules) : undefined
    }
    scopedProcessors.set(config, scoped)
  }

  return scoped
}
