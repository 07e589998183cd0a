import {lexiconTags} from './pos-taggers.js'
import type {WordList} from './phrases.js'

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
 * The words that make the verb of the clause after them a bare subjunctive ("ordered that he pay", "it is vital that
 * the law take effect"), the mandative subjunctive: data, in rules/data/mandative-subjunctive.json (shape:
 * schemas/mandative-subjunctive.schema.json), which pronoun-verb-agreement and subject-verb-agreement check
 * (checkTable) and hand in. A word that begins with one of its stems ("demand": demanded, demanding) or is one of its
 * words counts; the table's descriptions say why each is there.
 */
export function mandativeWords(table: {stems: WordList; words: WordList}): RegExp {
  // The schema admits lower-case letters only, so the words need no escaping.
  return new RegExp(`^(?:${table.stems.words.join('|')})|^(?:${table.words.words.join('|')})$`)
}

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
