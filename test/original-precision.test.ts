/**
 * Precision of compareOriginal on the project's corpus articles: rewrites
 * that change no fact and no quotation (identity, straight quotes for curly,
 * sentences merged pairwise, sentences split at a comma, a sentence inserted
 * and one deleted) must give no finding.
 */
import {readFileSync, readdirSync} from 'node:fs'
import {describe, expect, it} from 'vitest'
import {alignOriginal, compareOriginal} from '../src/compare/original.js'
import {quotationsOf, sentencesOf} from '../src/compare/original-text.js'

const folder = new URL('../corpus/', import.meta.url)
const articles = readdirSync(folder)
  .filter((name) => name.endsWith('.txt'))
  .map((name) => ({name, text: readFileSync(new URL(name, folder), 'utf8')}))

function sentences(text: string): string[] {
  return sentencesOf(text).map((sentence) => text.slice(sentence.start, sentence.end))
}

/** Merge each pair of sentences of a paragraph into one, the second lower-cased after "and". */
function merged(text: string): string {
  return text
    .split(/\n\s*\n/)
    .map((paragraph) => {
      // Merging inside a quotation would change the quotation: paragraphs with quotes stay as they are.
      if (/[“”"]/.test(paragraph)) return paragraph
      const parts = sentences(paragraph)
      const out: string[] = []
      for (let i = 0; i < parts.length; i += 2) {
        const first = parts[i]!
        const second = parts[i + 1]
        out.push(second && /[a-z0-9]\.$/.test(first) ? `${first.slice(0, -1)}, and ${second}` : second ? `${first} ${second}` : first)
      }

      return out.join(' ')
    })
    .join('\n\n')
}

/** Split a sentence at its first ", and " into two sentences. */
function split(text: string): string {
  return text.replace(/, and (\p{Ll})/gu, (_, letter: string) => `. And ${letter}`)
}

/** Drop the third paragraph's first sentence and insert an unrelated one after the second paragraph. */
function insertedAndDeleted(text: string): string {
  const paragraphs = text.split(/\n\s*\n/)
  if (paragraphs.length < 4) return text
  const third = sentences(paragraphs[2]!)
  paragraphs[2] = third.slice(1).join(' ')
  paragraphs[1] = `${paragraphs[1]!} Reporters waited outside in the cold.`
  return paragraphs.join('\n\n')
}

const rewrites: Record<string, (text: string) => string> = {
  identity: (text) => text,
  'straight quotes': (text) => text.replace(/[“”]/g, '"').replace(/’/g, "'"),
  'merged sentences': merged,
  'split sentences': split,
  'inserted and deleted sentences': insertedAndDeleted
}

describe('compareOriginal finds nothing in rewrites that change no fact', () => {
  for (const {name, text} of articles) {
    for (const [rewrite, apply] of Object.entries(rewrites)) {
      it(`${name}: ${rewrite}`, () => {
        const derived = apply(text)
        if (rewrite !== 'identity') expect(derived).not.toBe(text)
        const findings = compareOriginal(text, derived, name).findings.map((finding) => `${finding.ruleId}: ${finding.actual}`)
        expect(findings).toEqual([])
      })
    }
  }
})

// Hundreds of whole-article comparisons: heavy, not timed; the limit only has to outlast a loaded machine.
describe('compareOriginal finds single planted changes in the corpus articles', {timeout: 180_000}, () => {
  for (const {name, text} of articles) {
    it(`${name}: every quotation with one word changed is flagged, and only it`, () => {
      for (const quote of quotationsOf(text)) {
        const word = quote.words.find((candidate) => /^\p{Ll}{4,}$/u.test(candidate.raw))
        if (!word) continue
        const derived = text.slice(0, word.start) + 'banana' + text.slice(word.end)
        const findings = compareOriginal(text, derived, name).findings
        expect(findings.map((finding) => [finding.ruleId, finding.start.offset]), text.slice(quote.start, quote.end)).toEqual([
          ['quote-integrity', findings[0]?.start.offset]
        ])
        expect(findings[0]!.start.offset).toBeLessThanOrEqual(word.start)
        expect(findings[0]!.end.offset).toBeGreaterThan(word.start)
        expect(findings[0]!.expected[0]).toContain(word.raw)
      }
    })

    it(`${name}: every number outside quotations changed is flagged, and only it`, () => {
      const model = alignOriginal(text, text)
      let tried = 0
      for (const sentence of model.original.sentences) {
        for (const word of sentence.words) {
          if (!/^\d+$/.test(word.raw) || model.original.quotes.some((quote) => word.start >= quote.start && word.start < quote.end)) continue
          const replacement = String(Number(word.raw) + 7)
          // The new number must be new to the sentence and its neighbours, or it is not a change there.
          if (text.includes(replacement)) continue
          const derived = text.slice(0, word.start) + replacement + text.slice(word.end)
          const findings = compareOriginal(text, derived, name).findings
          expect(findings.map((finding) => [finding.ruleId, finding.actual]), text.slice(sentence.start, sentence.end)).toEqual([
            ['changed-number', replacement]
          ])
          expect(findings[0]!.expected).toContain(word.raw)
          tried++
        }
      }

      expect(tried).toBeGreaterThan(0)
    })

    it(`${name}: a capitalized word outside quotations replaced is flagged as a changed name, or not at all`, () => {
      const model = alignOriginal(text, text)
      let found = 0
      let tried = 0
      for (const sentence of model.original.sentences) {
        for (const word of sentence.words.slice(1)) {
          if (!/^\p{Lu}\p{Ll}+$/u.test(word.raw) || model.original.quotes.some((quote) => word.start >= quote.start && word.start < quote.end)) continue
          const derived = text.slice(0, word.start) + 'Zorblax' + text.slice(word.end)
          const findings = compareOriginal(text, derived, name).findings.map((finding) => [finding.ruleId, finding.actual])
          // Missed when the name recurs nearby (it is then not gone) or starts a clause; never anything else.
          if (findings.length > 0) expect(findings, word.raw).toEqual([['changed-name', 'Zorblax']])
          found += findings.length
          tried++
        }
      }

      expect(found / tried).toBeGreaterThanOrEqual(0.75)
    })

    it(`${name}: a negation outside quotations removed is flagged`, () => {
      const model = alignOriginal(text, text)
      for (const sentence of model.original.sentences) {
        // A sentence-initial "Not" would take the sentence boundary with it.
        const word = sentence.words.slice(1).find(
          (candidate) => candidate.key === 'not' && !model.original.quotes.some((quote) => candidate.start >= quote.start && candidate.start < quote.end)
        )
        if (!word) continue
        const derived = text.slice(0, word.start - 1) + text.slice(word.end)
        const findings = compareOriginal(text, derived, name).findings
        expect(findings.map((finding) => finding.ruleId)).toEqual(['changed-negation'])
        expect(findings[0]!.expected[0]).toBe(text.slice(sentence.start, sentence.end))
      }
    })
  }
})
