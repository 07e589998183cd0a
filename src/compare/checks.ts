/** Every source-aware check and every check of `compare --original`, each alphabetically by id. */
import {changedNameCheck} from './changed-name.js'
import {changedNegationCheck} from './changed-negation.js'
import {changedNumberCheck} from './changed-number.js'
import {consistencyCheck} from './segment-consistency.js'
import {entitiesCheck} from './entity-missing.js'
import {lengthCheck} from './length-ratio.js'
import {numbersCheck} from './number-mismatch.js'
import {numberMissingCheck} from './number-missing.js'
import type {OriginalCheck} from './original-check.js'
import {punctuationCheck} from './punctuation-parity.js'
import {quoteIntegrityCheck} from './quote-integrity.js'
import {untranslatedCheck} from './untranslated.js'
import type {PairCheck} from './pair-check.js'

export const allPairChecks: readonly PairCheck[] = [entitiesCheck, lengthCheck, numbersCheck, numberMissingCheck, punctuationCheck, consistencyCheck, untranslatedCheck]

/** The checks of `compare --original` (docs/compare-original.md): found together by original.ts, configured like every other check. */
export const originalChecks: readonly OriginalCheck[] = [changedNameCheck, changedNegationCheck, changedNumberCheck, quoteIntegrityCheck]
