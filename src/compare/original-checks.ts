/** The checks of `compare --original` (src/compare/original.ts): their metadata, for the registry without the comparison code. */
import type {CheckMeta} from '../engine/check.js'

const docsUrl = 'https://github.com/mtlint/mtlint/blob/main/docs/compare-original.md'

export interface OriginalCheck {
  meta: CheckMeta
}

const originalCheck = (id: string, description: string): OriginalCheck => ({
  meta: {id, kind: 'original', category: 'accuracy', dimension: 'Accuracy/Mistranslation', severity: 'major', description, url: `${docsUrl}#${id}`}
})

/** The checks of `compare --original` (docs/compare-original.md), configured like every other check. */
export const originalChecks: readonly OriginalCheck[] = [
  originalCheck('changed-name', 'A name outside quotations that the aligned original sentences lack.'),
  originalCheck('changed-negation', 'A sentence whose negation differs from the aligned original sentence.'),
  originalCheck('changed-number', 'A number outside quotations that the aligned original sentences lack.'),
  originalCheck('quote-integrity', 'A quotation whose words differ from the original, or that nobody in the original said.')
]
