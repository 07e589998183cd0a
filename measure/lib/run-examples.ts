/**
 * Run a check's example, of any kind, the way a user's input would run:
 * a text rule lints `text`, a pair check compares `target` with `source`
 * (their lines are aligned segments), an original check compares `derived`
 * with `original`. Only the example's check is on.
 */
import {compareAligned} from '../../src/compare/compare.js'
import type {OriginalCheck} from '../../src/compare/original-check.js'
import {compareOriginal} from '../../src/compare/original.js'
import type {PairCheck} from '../../src/compare/pair-check.js'
import {readPlainPair} from '../../src/compare/read-plain.js'
import {lintText} from '../../src/engine/lint.js'
import type {Rule} from '../../src/engine/rule.js'
import type {Finding} from '../../src/engine/types.js'
import {onlyRule} from '../../src/registry.js'

export type AnyCheck = Rule | PairCheck | OriginalCheck

export interface RunnableExample {
  /** The text the findings point into (a rule's text, a pair's target, the derived article). */
  text: string
  /** The example's findings with `text` put in its place (for example after a fix); a text rule's `path` picks the format. */
  run: (text: string, path?: string) => Finding[]
}

export function kindOf(check: AnyCheck): 'text' | 'pair' | 'original' {
  return 'plugin' in check ? 'text' : 'run' in check ? 'pair' : 'original'
}

/** An example of `check` (one of its meta.examples.bad or .good), ready to run. */
export function runnable(check: AnyCheck, example: object): RunnableExample {
  const id = check.meta.id
  const fields = example as {text?: string; options?: Record<string, unknown>; source?: string; target?: string; sourceLang?: string; original?: string; derived?: string}
  if ('plugin' in check) {
    const config = onlyRule(id, fields.options)
    return {text: fields.text!, run: (text, path = 'example.txt') => lintText(text, path, config).findings}
  }

  if ('run' in check) {
    return {text: fields.target!, run: (target) => compareAligned(readPlainPair(fields.source!, target, 'target.txt'), {checks: [check], sourceLang: fields.sourceLang}).result.findings}
  }

  const config = onlyRule(id)
  return {text: fields.derived!, run: (derived) => compareOriginal(fields.original!, derived, 'derived.txt', config).findings}
}

export function exampleFindings(check: AnyCheck, example: object): Finding[] {
  const ready = runnable(check, example)
  return ready.run(ready.text)
}
