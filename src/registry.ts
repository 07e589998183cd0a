/**
 * The registry: every check mtlint ships, handed to the engine. The one
 * module that joins rules/ to src/engine; the CLI, the language server and
 * the measurements take their linter and configurations from here.
 */
import {allRules} from '../rules/index.js'
import {createLinter} from './engine/linter.js'

export {allRules}

export const linter = createLinter({rules: allRules})

/** The metadata of every check, in registry order (SARIF's tool.driver.rules). */
export const checks = allRules.map((rule) => rule.meta)

export const {resolveConfig, defaultConfig, onlyRule, loadConfigFile} = linter
