/** Every source-aware check, alphabetically by id. */
import {consistencyCheck} from './segment-consistency.js'
import {entitiesCheck} from './entity-missing.js'
import {lengthCheck} from './length-ratio.js'
import {numbersCheck} from './number-mismatch.js'
import {punctuationCheck} from './punctuation-parity.js'
import {untranslatedCheck} from './untranslated.js'
import type {PairCheck} from './pair-check.js'

export const allPairChecks: readonly PairCheck[] = [entitiesCheck, lengthCheck, numbersCheck, punctuationCheck, consistencyCheck, untranslatedCheck]
