/**
 * name-variant kind by kind (src/engine/name-variants.ts): what each kind
 * must report and what it must leave alone. Sentences from the measurement
 * sets (WMT23 and newstest2020 zh-en MT, the clean dev set) and the audit
 * suite; the rule's own examples run in test/rules.test.ts.
 */
import {describe, expect, it} from 'vitest'
import {lintText} from '../src/engine/lint.js'
import {NameVariants, nameVariantKinds, nearSpelling, type NameVariantKind} from '../src/engine/name-variants.js'
import {lexiconTags} from '../src/engine/pos-taggers.js'
import {resolveConfig} from '../src/registry.js'
import {allRules} from '../rules/index.js'

function flagged(text: string, kinds?: NameVariantKind[], rules: string[] = ['name-variant']): string[] {
  const config = resolveConfig({
    rules: Object.fromEntries(allRules.map((rule) => [rule.meta.id, rules.includes(rule.meta.id) ? (rule.meta.id === 'name-variant' && kinds ? ['minor', {kinds}] : 'minor') : 'off']))
  })
  return lintText(text, '<text>', config).findings.map((finding) => `${finding.ruleId}: ${finding.actual} -> ${finding.expected?.[0]}`)
}

describe('diacritics', () => {
  it('reports the same letters without their marks', () => {
    expect(flagged('The striker Kylian Mbappé scored twice. Mbappe\'s second goal came in stoppage time.', ['diacritics'])).toEqual(['name-variant: Mbappe -> Mbappé'])
  })

  it('leaves a common word with an accent alone (Café, Cafe)', () => {
    expect(flagged('The Café opened in May. Cafe owners said trade was slow.')).toEqual([])
  })
})

describe('joining', () => {
  it('reports a hyphen dropped inside a name', () => {
    expect(flagged('Tsai Ing-wen spoke in Taipei on Friday. Tsai Ingwen said the island would not bow to pressure.', ['joining'])).toEqual(['name-variant: Ingwen -> Ing-wen'])
  })

  it('reports a hyphen written as a space (WMT23 MT, NLLB: Kim Jong-il, Kim Jong Il)', () => {
    expect(flagged('Kim Jong-il died in 2011. The funeral of Kim Jong-il was held in Pyongyang, where Kim Jong Il had ruled since 1994.', ['joining'])).toEqual(['name-variant: Jong Il -> Jong-il'])
  })

  it('reports romanized syllables that are English words too (newstest2020 MT: Bi Ai, Sha Wan)', () => {
    expect(flagged('Who will win the parliamentary seat of Dandenong Biai, Johor? The by-election of Dandenong Bi Ai is just around the corner.', ['joining'])).toEqual(['name-variant: Bi Ai -> Biai'])
    expect(flagged('Mr. Nguyen hopes that Ambassador Tong Sha Wan will continue to play a role. Ambassador Tong Shawan said that Laos has grown.', ['joining'])).toEqual(['name-variant: Shawan -> Sha Wan'])
  })

  it('leaves case-only differences, known compounds, joined common words and handles alone', () => {
    expect(flagged('Time-Honored Brands of China. The time-honored brand list grew: Time-honored shops reopened.')).toEqual([])
    expect(flagged('Officials in China said China-Japan relations improved; in Japan, China Japan trade grew.')).toEqual([])
    expect(flagged('The Co-operative Bank said the Cooperative movement was strong.')).toEqual([])
    // newstest2020 MT (Human-A, chinanews.com.102574).
    expect(flagged('Prefecture-level cities must sort garbage under the Work Plan for Promoting Garbage Classification at the Prefecture Level in Jilin Province.')).toEqual([])
    expect(flagged('The Obama Foundation posted the photo with the tag ObamaFoundation.')).toEqual([])
  })
})

describe('edit', () => {
  it('reports one word of a multi-word name a letter off beside the same neighbour', () => {
    expect(flagged('Prime Minister Narendra Modi opened the bridge. Narendra Mody said it would cut journey times.', ['edit'])).toEqual(['name-variant: Mody -> Modi'])
    // WMT23 MT (ONLINE-M, rfi-chinese.19792): unmarked by the raters, wrong all the same.
    expect(flagged('Japanese Prime Minister Funio Kishida will visit Manila. According to Japanese media, Fumio Kishida hopes to use the meeting to help Japan.', ['edit'])).toEqual(['name-variant: Fumio -> Funio'])
  })

  it('takes two letters in long words (Mohammed, Muhammad)', () => {
    expect(flagged('The talks were hosted by Mohammed bin Salman. Muhammad bin Salman later called the US president.', ['edit'])).toEqual(['name-variant: Muhammad -> Mohammed'])
  })

  it('pairs two common words beside a neighbour the lexicon does not know, never beside a known one', () => {
    expect(flagged("The company's founder, Elon Musk, spoke first. Elon Mask later answered questions.", ['edit'])).toEqual(['name-variant: Mask -> Musk'])
    expect(flagged('The White House declined to comment. The White Horse pub in Soho closed.')).toEqual([])
  })

  it('never pairs a title or common head as the neighbour (Prime Minister, Holdings)', () => {
    expect(flagged('Shanshan Holdings said Shangshan Holdings had no debt.')).toEqual([])
  })

  it('leaves two people with three-letter given names alone (Li Wei, Li Wen): a syllable a letter off is another name', () => {
    expect(flagged('Li Wei, head of the bureau, met his deputy Li Wen on Monday. Li Wei said the plan was ready.')).toEqual([])
  })

  it('leaves demonyms, compass points, plurals and swapped or dropped letters alone', () => {
    expect(flagged('North Korea fired a missile. North Korean state media said South Korea and South Korean forces were on alert.')).toEqual([])
    expect(flagged('The Liberal Democrat leader said the Liberal Democrats would win.')).toEqual([])
    expect(flagged('Residents of Søndre Nordstrand voted. Søndre Norstrand has many schools.')).toEqual([])
  })
})

describe('surname', () => {
  it('reports a word alone a letter off the surname of a full name (newstest2020 MT)', () => {
    expect(flagged('Andrei Slepniov, general manager of the Russian Export Center, spoke. Slipniov pointed out that forestry matters.', ['surname'])).toEqual(['name-variant: Slipniov -> Slepniov'])
  })

  it('leaves words the lexicon knows alone (Iran, Iraq)', () => {
    expect(flagged('President Ebrahim Raisi of Iran spoke. Iraq said it would attend.')).toEqual([])
  })

  it('leaves a swapped or dropped letter alone (the clean set: Vidyasagar, Vidaysagar; a human translation of newstest2020: Hartmann, Harmann)', () => {
    expect(flagged('Ishwar Chandra Vidyasagar was a reformer. Schools will study Vidaysagar\'s life.')).toEqual([])
    expect(flagged('Karl Amadeus Hartmann studied under Webern. Harmann resisted the Nazis.')).toEqual([])
  })
})

describe('the rule', () => {
  it('leaves a name of term-consistency\'s table to that rule (one finding, not two)', () => {
    expect(flagged('President Zelensky met the delegation in Kyiv. Later, Zelenskyy addressed parliament.', undefined, ['name-variant', 'term-consistency'])).toEqual(['term-consistency: Zelenskyy -> Zelensky'])
    expect(flagged('President Volodymyr Zelensky said the talks were constructive. Zelenskiy added that Ukraine would not give up territory.', undefined, ['name-variant', 'term-consistency'])).toEqual(['term-consistency: Zelenskiy -> Zelensky'])
  })

  it('finds in a text linted in windows what it finds in the whole text', () => {
    const config = resolveConfig({rules: Object.fromEntries(allRules.map((rule) => [rule.meta.id, rule.meta.id === 'name-variant' ? 'minor' : 'off']))})
    const filler = 'Officials said the talks would resume next week after a pause in the spring.\n\n'.repeat(40)
    const text = `Prime Minister Narendra Modi opened the bridge.\n\n${filler}Narendra Mody said it would cut journey times.\n\n${filler}The striker Kylian Mbappé scored. Mbappe scored again.\n`
    const windowed = lintText(text, '<text>', config, undefined, {windowSize: 500})
    expect(windowed.findings.map((finding) => finding.actual)).toEqual(['Mody', 'Mbappe'])
    expect(windowed.findings).toEqual(lintText(text, '<text>', config, undefined, {windowSize: Number.POSITIVE_INFINITY}).findings)
  })

  it('reports only the kinds configured', () => {
    const text = 'The striker Kylian Mbappé scored twice. Mbappe scored again. Narendra Modi watched; Narendra Mody applauded.'
    expect(flagged(text, ['edit'])).toEqual(['name-variant: Mody -> Modi'])
    expect(flagged(text)).toEqual(['name-variant: Mbappe -> Mbappé', 'name-variant: Mody -> Modi'])
  })
})

describe('nearSpelling', () => {
  it('is one substituted letter, two in long words, never an adjacent swap or an a/e demonym ending', () => {
    expect(nearSpelling('Modi', 'Mody')).toBe(true)
    expect(nearSpelling('Mohammed', 'Muhammad')).toBe(true)
    expect(nearSpelling('Vidyasagar', 'Vidaysagar')).toBe(false)
    expect(nearSpelling('Argentina', 'Argentine')).toBe(false)
    expect(nearSpelling('Scholz', 'Scholtz')).toBe(false)
    expect(nearSpelling('Li', 'Lu')).toBe(false)
    expect(nearSpelling("Tu'ionetoa", 'Tu’ionetoa')).toBe(false)
  })
})

describe('reading the text', () => {
  /** The runs of names as the engine read them with regular expressions before it read them by hand (a microsecond per capitalized word). */
  function referenceRuns(text: string, isCommon: (form: string) => boolean): Array<Array<{start: number; end: number; form: string; particle: boolean}>> {
    const particles = ['al', 'bin', 'bint', 'da', 'das', 'de', 'del', 'della', 'den', 'der', 'di', 'do', 'dos', 'du', 'el', 'ibn', 'la', 'le', 'van', 'von']
    const particleGap = new RegExp(`^[ \\u00a0]+(?:(?:${particles.join('|')})[ \\u00a0]+)*$`, 'u')
    const opensSentence = (start: number) => {
      let index = start - 1
      while (index >= 0 && /[ \u00a0"“‘'(\[*_]/u.test(text[index]!)) index--
      return index < 0 || /[.!?…:\n\r]/u.test(text[index]!)
    }
    const runs: Array<Array<{start: number; end: number; form: string; particle: boolean}>> = []
    let run: (typeof runs)[number] = []
    let previousEnd = -1
    const close = () => {
      while (run.at(-1)?.particle) run.pop()
      if (run.length > 0) runs.push(run)
      run = []
    }
    for (const match of text.matchAll(/\p{Lu}[\p{L}\p{M}\p{N}_]*(?:[-'’][\p{L}\p{M}\p{N}_]+)*['’]?/gu)) {
      const start = match.index
      const end = start + match[0].length
      const gap = previousEnd < 0 ? '' : text.slice(previousEnd, start)
      previousEnd = end
      if (/[\p{L}\p{M}\p{N}_'’-]/u.test(text.charAt(start - 1)) || text.charAt(start - 1) === '\uFFFC' || text.charAt(end) === '\uFFFC') {
        close()
        continue
      }
      if (run.length > 0) {
        if (!particleGap.test(gap)) close()
        else for (const particle of gap.split(/[ \u00a0]+/u).filter(Boolean)) run.push({start, end: start, form: particle, particle: true})
      }
      const form = match[0].replace(/['’]s?$/u, '')
      if (!/^\p{Lu}[\p{L}\p{M}]*(?:[-'’][\p{L}\p{M}]+)*$/u.test(form) || !/\p{Ll}/u.test(form) || (opensSentence(start) && isCommon(form))) {
        close()
        continue
      }
      run.push({start, end: start + form.length, form, particle: false})
    }
    close()
    return runs
  }

  it('finds the names the regular expressions find, on random strings of letters, marks, surrogates, quotes and particles', () => {
    const pieces = ['A', 'Z', 'a', 'é', 'É', 'e\u0301', '\u0301', '0', '_', '-', "'", '’', ' ', '\u00a0', '\n', '.', '?', '…', ':', '"', '“', '(', '*', ',', '\uFFFC', '\uD835\uDC00', '\uD835\uDC1A', '\uD835', '\uDC00', 'bin ', 'von der ', 'Wang', 'Yi-ning', "O'Brien", 'Jones’s', 'The ', 'Despite ', 'iPhone', 'ǅ', 'Σ', 'İ', 'A-1b']
    let seed = 12345
    const random = (n: number) => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) % n
    for (let round = 0; round < 20000; round++) {
      let text = ''
      for (let length = 1 + random(24); length > 0; length--) text += pieces[random(pieces.length)]
      const variants = new NameVariants(new Set(nameVariantKinds))
      variants.addText(text)
      const runs = (variants as unknown as {runs: unknown}).runs
      expect(runs, JSON.stringify(text)).toEqual(referenceRuns(text, (form) => lexiconTags(form.toLowerCase()).length > 0))
    }
  })
})
