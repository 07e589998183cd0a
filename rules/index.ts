/** The rule registry, alphabetical: one line per rule. */
import type {Rule} from '../src/engine/rule.js'
import repeatedWord from './repeated-word.js'

export const allRules: readonly Rule[] = [repeatedWord]
