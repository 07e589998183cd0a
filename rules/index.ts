/** The rule registry, alphabetical: one line per rule. */
import type {Rule} from '../src/engine/rule.js'
import decimalComma from './decimal-comma.js'
import dottedThousands from './dotted-thousands.js'
import doubledPossessive from './doubled-possessive.js'
import doubledPunctuation from './doubled-punctuation.js'
import guillemets from './guillemets.js'
import quoteApostrophe from './quote-apostrophe.js'
import quoteDirection from './quote-direction.js'
import quoteDoubled from './quote-doubled.js'
import quoteSpacing from './quote-spacing.js'
import quoteStyleMixed from './quote-style-mixed.js'
import quoteUnclosed from './quote-unclosed.js'
import repeatedWord from './repeated-word.js'
import spaceBeforePunctuation from './space-before-punctuation.js'
import stackedDeterminer from './stacked-determiner.js'
import termConsistency from './term-consistency.js'

export const allRules: readonly Rule[] = [decimalComma, dottedThousands, doubledPossessive, doubledPunctuation, guillemets, quoteApostrophe, quoteDirection, quoteDoubled, quoteSpacing, quoteStyleMixed, quoteUnclosed, repeatedWord, spaceBeforePunctuation, stackedDeterminer, termConsistency]
