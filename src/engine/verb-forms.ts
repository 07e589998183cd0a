import {lexiconTags} from './pos-taggers.js'

/**
 * The inflected forms of an English verb from its base form ("bring" ->
 * brings, bringing, brought), for phrase tables that name verbs by their
 * base form. Regular endings are built here; the table supplies what they
 * cannot give (past tenses, doubled consonants: "drop" -> "dropped"), and
 * when it gives a past form the regular one is not added ("bringed").
 */
export function verbForms(base: string, irregular: readonly string[] = []): string[] {
  const forms = new Set([base, ...irregular])
  forms.add(thirdPersonOf(base))
  if (irregular.length === 0) forms.add(base.endsWith('e') ? base + 'd' : /[^aeiou]y$/.test(base) ? base.slice(0, -1) + 'ied' : base + 'ed')
  forms.add(base.endsWith('ie') ? base.slice(0, -2) + 'ying' : /[^e]e$/.test(base) ? base.slice(0, -1) + 'ing' : base + 'ing')
  // "dropped" gives "dropping".
  for (const form of irregular) if (/([b-df-hj-np-tv-z])\1ed$/.test(form)) forms.add(form.slice(0, -2) + 'ing')
  return [...forms]
}

/** The regular -s form of a verb ("say" -> "says", "push" -> "pushes", "apply" -> "applies", "go" -> "goes"). */
export function thirdPersonOf(base: string): string {
  return /(s|sh|ch|x|z|o)$/.test(base) ? base + 'es' : /[^aeiou]y$/.test(base) ? base.slice(0, -1) + 'ies' : base + 's'
}

/**
 * Words that make the verb of the clause after them a bare subjunctive ("ordered that he pay", "it is vital that the law take effect",
 * "it is in Egypt's interest that he step down", "it is best that she wait"). The verbs, adjectives and nouns of command,
 * decision and proposal that English grammars list as taking it (Quirk et al. 16.32, the "mandative subjunctive"): "the
 * court ruled that he pay damages", "the judge directed that he pay the costs", "it was agreed that he lead the delegation",
 * "it is obligatory that she attend", "the proposal that it merge". The later ones are whole words: "director" and
 * "directly" are no command, and "moves" and "rules" are nouns as often as not.
 */
export const mandative = /^(?:demand|insist|require|recommend|order|ask|suggest|propose|urge|request|essential|important|vital|necessary|crucial|imperative|mandatory|advis|desirable|preferable|stipulat|decree|mandat|interests?$|best$)|^(?:command(?:s|ed|ing)?|direct(?:s|ed|ing)?|instruct(?:s|ed|ing)?|instructions?|decid(?:e|es|ed|ing)|decisions?|determin(?:e|es|ed|ing)|resolv(?:e|es|ed|ing)|resolutions?|ruled|ruling|moved|vot(?:e|es|ed|ing)|petition(?:s|ed|ing)?|plead(?:s|ed|ing)?|pled|beg(?:s|ged|ging)?|pray(?:s|ed|ing)?|prefer(?:s|red|ring)?|intend(?:s|ed|ing)?|agreed|arrang(?:e|es|ed|ing)|proposals?|conditions?|obligatory|compulsory|appropriate|fitting|proper|urgent|critical)$/

/**
 * The base form of a verb in -s that the lexicon knows as a third-person verb, its base as a verb ("shows" -> "show",
 * "pushes" -> "push", "applies" -> "apply", "goes" -> "go", "says" -> "say"), the inverse of the -s form built above;
 * undefined when the lexicon knows none ("news", "series").
 */
export function baseOfThirdPerson(form: string): string | undefined {
  if (!/^[a-z]+s$/.test(form) || !lexiconTags(form).includes('VBZ')) return undefined
  const candidates = [form.slice(0, -1), form.endsWith('ies') ? form.slice(0, -3) + 'y' : '', form.endsWith('es') ? form.slice(0, -2) : '']
  return candidates.find((base) => base !== '' && verbForms(base).includes(form) && lexiconTags(base).some((tag) => tag === 'VB' || tag === 'VBP'))
}

/** The third-person singular of a bare verb ("say" -> "says", "have" -> "has"), if the lexicon knows that form as one. */
export function knownThirdPerson(verb: string): string | undefined {
  const irregular: Record<string, string> = {have: 'has', do: 'does', go: 'goes', be: 'is'}
  const form = irregular[verb] ?? thirdPersonOf(verb)
  return lexiconTags(form).includes('VBZ') ? form : undefined
}
