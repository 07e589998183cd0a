/**
 * The registry: every check mtlint ships, of every kind, handed to the
 * engine. The one module that joins rules/ and the compare checks to
 * src/engine; the CLI, the language server and the measurements take their
 * linter, configurations and check metadata from here.
 */
import {allRules} from '../rules/index.js'
import {allPairChecks, originalChecks} from './compare/checks.js'
import type {CheckMeta, Configurable} from './engine/check.js'
import {dimensionOf} from './engine/dimensions.js'
import {createLinter} from './engine/linter.js'
import {docsBase} from './engine/rule.js'
import fitted from './weights.json' with {type: 'json'}

export {allRules}

/** What configuration knows: every check of every kind, text rules first. */
export const allChecks: readonly Configurable[] = [...allRules, ...allPairChecks, ...originalChecks]

/** The default factor of each check on its severity's weight, fitted on MQM ratings by measure/fit-weights.ts (reports/compare-weights.md). */
export const fittedCheckWeights: Readonly<Record<string, number>> = fitted.checks

export const linter = createLinter({rules: allRules, checks: [...allPairChecks, ...originalChecks], checkWeights: fittedCheckWeights})

export const {resolveConfig, defaultConfig, onlyRule, loadConfigFile} = linter

/** The metadata of every check (text rules, pair checks, original checks), in registry order: `mtlint rules`, SARIF's tool.driver.rules. */
export const checks: readonly CheckMeta[] = [
  ...allRules.map(({meta}): CheckMeta => ({
    id: meta.id,
    kind: 'text',
    category: meta.category,
    dimension: dimensionOf[meta.category],
    severity: meta.severity,
    description: meta.description,
    ...(meta.optionsSchema ? {optionsSchema: meta.optionsSchema} : {}),
    url: docsBase + meta.id + '.md'
  })),
  ...allPairChecks.map(({meta, url}): CheckMeta => ({
    id: meta.id,
    kind: 'pair',
    category: meta.category,
    dimension: meta.dimension,
    severity: meta.severity,
    description: meta.description,
    url
  })),
  ...originalChecks.map(({meta}): CheckMeta => ({
    id: meta.id,
    kind: meta.kind,
    category: meta.category,
    dimension: meta.dimension,
    severity: meta.severity,
    description: meta.description,
    url: meta.url
  }))
]
