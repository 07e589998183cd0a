import type {Category} from './types.js'

/**
 * Each category maps to one MQM error dimension (MQM core typology as used
 * by Freitag et al. 2021, "Experts, Errors, and Context"), so that reports
 * read like a human MQM evaluation.
 */
export const dimensionOf: Record<Category, string> = {
  accuracy: 'Accuracy/Mistranslation',
  agreement: 'Fluency/Grammar',
  consistency: 'Terminology/Inconsistent use',
  duplication: 'Fluency/Grammar',
  fragment: 'Fluency/Grammar',
  localization: 'Locale convention',
  possessive: 'Fluency/Grammar',
  punctuation: 'Fluency/Punctuation',
  quotation: 'Fluency/Punctuation',
  redundancy: 'Style/Awkward',
  spacing: 'Fluency/Punctuation',
  untranslated: 'Accuracy/Untranslated',
  'word-order': 'Fluency/Grammar'
}
