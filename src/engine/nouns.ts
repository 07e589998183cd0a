/**
 * Whether a word is a plural common noun, for the agreement rules. Brill's
 * lexicon tags some singular words in -s as plural ("caries", "explanans")
 * and knows invariable ones ("news", "series"): a plural counts only when
 * the lexicon also knows its singular ("ministers" -> "minister",
 * "authorities" -> "authority", "churches" -> "church"), or it is one of
 * the common plurals without -s ("people", "women").
 */
import {lexiconTags} from './pos-taggers.js'

/** Nouns ending in -s that are singular or invariable ("the news is", "the series was"). */
export const singularInS = new Set([
  'news', 'series', 'species', 'means', 'politics', 'economics', 'physics', 'mathematics', 'statistics', 'athletics',
  'ethics', 'headquarters', 'crossroads', 'whereabouts', 'logistics', 'diabetes', 'measles', 'mumps', 'billiards',
  'gymnastics', 'aerobics', 'electronics', 'linguistics', 'genetics', 'dynamics', 'semantics', 'tactics', 'analytics',
  'olympics', 'paralympics', 'games', 'aids', 'data', 'media', 'criteria', 'lens', 'bus', 'gas', 'chaos', 'thanks',
  'ups', 'downs', 'odds', 'savings', 'earnings', 'proceeds', 'premises', 'works', 'barracks', 'gallows', 'kudos'
])

function singularsOf(lower: string): string[] {
  const forms = [lower.slice(0, -1)]
  if (lower.endsWith('ies')) forms.push(lower.slice(0, -3) + 'y')
  if (lower.endsWith('es')) forms.push(lower.slice(0, -2))
  if (lower.endsWith('ves')) forms.push(lower.slice(0, -3) + 'f', lower.slice(0, -3) + 'fe')
  return forms
}

/** Plurals without -s. */
const irregularPlurals = new Set(['people', 'women', 'men', 'children'])

/** A lower-case plural common noun: one in -s whose singular the lexicon knows as a noun, or an irregular one. */
export function isPluralNoun(lower: string): boolean {
  if (irregularPlurals.has(lower)) return true
  if (!/^[a-z]+s$/.test(lower) || /(ss|us|is)$/.test(lower) || singularInS.has(lower)) return false
  if (!lexiconTags(lower).includes('NNS')) return false
  return singularsOf(lower).some((singular) => lexiconTags(singular).includes('NN'))
}

/** The singular the lexicon knows for a plural noun ("ministers" -> "minister", "authorities" -> "authority"), if any. */
export function singularOf(lower: string): string | undefined {
  const irregular = irregularSingulars.get(lower)
  if (irregular) return irregular
  if (!isPluralNoun(lower)) return undefined
  return singularsOf(lower).find((singular) => lexiconTags(singular).includes('NN'))
}

const irregularSingulars = new Map([['women', 'woman'], ['men', 'man'], ['children', 'child']])

/** The plural the lexicon knows for a singular noun ("problem" -> "problems", "country" -> "countries"), if any. */
export function pluralOf(lower: string): string | undefined {
  const candidates = [lower + 's', lower + 'es', lower.replace(/y$/, 'ies'), lower.replace(/fe?$/, 'ves')]
  return candidates.find((plural) => plural !== lower && singularOf(plural) === lower)
}
