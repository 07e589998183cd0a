/** Every source-aware check, alphabetically by id. */
import {consistencyCheck} from './check-consistency.js'
import {entitiesCheck} from './check-entities.js'
import {lengthCheck} from './check-length.js'
import {numbersCheck} from './check-numbers.js'
import {punctuationCheck} from './check-punctuation.js'
import {untranslatedCheck} from './check-untranslated.js'
import type {PairCheck} from './pair-check.js'

export const allPairChecks: readonly PairCheck[] = [entitiesCheck, lengthCheck, numbersCheck, punctuationCheck, consistencyCheck, untranslatedCheck]
