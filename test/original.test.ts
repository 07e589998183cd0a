/**
 * Original vs derived English: the faithful test pair (an article and a spun
 * version of it, with the planted changes listed in changes.json) and the
 * seed's changed quotation.
 */
import {existsSync, readFileSync} from 'node:fs'
import {describe, expect, it} from 'vitest'
import {compareOriginal} from '../src/compare/original.js'

const fixture = (name: string) => readFileSync(new URL(`fixtures/original/${name}`, import.meta.url), 'utf8')

interface Planted {
  ruleId: string
  actual: string
  expected?: string
}

const planted = JSON.parse(fixture('changes.json')) as {
  changes: Planted[]
  unchanged: {quotations: string[]; numbers: string[]}
}
const original = fixture('original.txt')
const spun = fixture('spun.txt')
const result = compareOriginal(original, spun, 'spun.txt')

describe('compareOriginal on the test pair', () => {
  it('finds every planted change, with the original wording as expected', () => {
    for (const change of planted.changes) {
      const found = result.findings.find((finding) => finding.ruleId === change.ruleId && finding.actual === change.actual)
      expect(found, `${change.ruleId}: ${change.actual}`).toBeDefined()
      if (change.expected) expect(found!.expected).toContain(change.expected)
    }
  })

  it('flags nothing else: no unchanged quotation or number, no finding from merges, splits or paraphrase', () => {
    const unplanned = result.findings.filter(
      (finding) => !planted.changes.some((change) => change.ruleId === finding.ruleId && change.actual === finding.actual)
    )
    expect(unplanned).toEqual([])
    for (const quotation of planted.unchanged.quotations) {
      expect(spun).toContain(quotation)
      expect(result.findings.some((finding) => finding.actual.includes(quotation))).toBe(false)
    }

    for (const number of planted.unchanged.numbers) {
      expect(result.findings.some((finding) => finding.ruleId === 'changed-number' && finding.actual === number)).toBe(false)
    }
  })

  it('reports findings in the derived text with engine points, category and dimension', () => {
    for (const finding of result.findings) {
      expect(spun.slice(finding.start.offset, finding.end.offset)).toBe(finding.actual)
      const before = spun.slice(0, finding.start.offset).split('\n')
      expect(finding.start.line).toBe(before.length)
      expect(finding.start.column).toBe(before.at(-1)!.length + 1)
      expect(finding.category).toBe('accuracy')
      expect(finding.dimension).toMatch(/^Accuracy\//)
      expect(finding.related).toBeUndefined()
      expect(finding.message).toMatch(/of the original\)/)
    }

    expect(result.path).toBe('spun.txt')
    expect(result.words).toBeGreaterThan(400)
    expect(result.score).toBeLessThan(100)
  })

  it('links each finding to its check\'s page, and docs/compare-original.md explains each check', () => {
    const docs = readFileSync(new URL('../docs/compare-original.md', import.meta.url), 'utf8')
    for (const finding of result.findings) {
      expect(finding.url.endsWith(`docs/rules/${finding.ruleId}.md`)).toBe(true)
      expect(existsSync(new URL(`../docs/rules/${finding.ruleId}.md`, import.meta.url))).toBe(true)
      expect(docs).toContain(`\n### ${finding.ruleId}\n`)
    }
  })

  it('finds the same changes with CRLF line endings', () => {
    const crlf = compareOriginal(original.replace(/\n/g, '\r\n'), spun.replace(/\n/g, '\r\n'), 'spun.txt')
    const key = (finding: {ruleId: string; actual: string; expected: string[]}) => [finding.ruleId, finding.actual, finding.expected]
    expect(crlf.findings.map(key)).toEqual(result.findings.map(key))
  })

  it('finds nothing when the derived text is the original', () => {
    expect(compareOriginal(original, original, 'same.txt').findings).toEqual([])
  })
})

describe('quote integrity', () => {
  const seedOriginal =
    '“I’ve been absolutely clear with President Putin,” Biden said. “He has no misunderstanding: if any assembled Russian units move across the Ukrainian border, that’s an invasion.”'
  const seedDerived =
    '“I’ve been absolutely clear with President Putin,” Biden said. “He has no misunderstanding: all assembled Russian units are crossing the Ukrainian border, it’s an invasion.”'

  it('flags the seed quotation whose words were changed, with the original as expected', () => {
    const findings = compareOriginal(seedOriginal, seedDerived, 'seed.txt').findings
    expect(findings.map((finding) => finding.ruleId)).toEqual(['quote-integrity'])
    expect(findings[0]!.dimension).toBe('Accuracy/Mistranslation')
    expect(findings[0]!.expected).toEqual([
      'He has no misunderstanding: if any assembled Russian units move across the Ukrainian border, that’s an invasion.'
    ])
    expect(findings[0]!.message).toContain('“move across” became “are crossing”')
  })

  it('does not flag straight-for-curly quotes, apostrophes, punctuation or case', () => {
    const derived = '"i\'ve been absolutely clear with President Putin" Biden said. "He has no misunderstanding - if any assembled Russian units move across the Ukrainian border that\'s an invasion!"'
    expect(compareOriginal(seedOriginal, derived, 'seed.txt').findings).toEqual([])
  })

  it('does not flag quoting a contiguous part of an original quotation', () => {
    const derived = 'Biden said any Russian move across the border would be, in his words, “an invasion.”'
    const findings = compareOriginal(seedOriginal, derived, 'seed.txt').findings
    expect(findings.filter((finding) => finding.ruleId === 'quote-integrity')).toEqual([])
  })

  it('does not flag omissions marked with an ellipsis, but flags unmarked ones', () => {
    const original = '“If we build this wall without studying the lower river, we are moving the problem, not solving it,” Okafor said.'
    const elided = '“If we build this wall … we are moving the problem, not solving it,” Okafor said.'
    expect(compareOriginal(original, elided, 'd.txt').findings).toEqual([])
    const unmarked = '“If we build this wall without studying the lower river, we are moving the problem, solving it,” Okafor said.'
    const findings = compareOriginal(original, unmarked, 'd.txt').findings
    expect(findings.map((finding) => finding.ruleId)).toEqual(['quote-integrity'])
    expect(findings[0]!.message).toContain('“not” dropped')
    const reordered = '“We are moving the problem … if we build this wall,” Okafor said.'
    expect(compareOriginal(original, reordered, 'd.txt').findings.map((finding) => finding.ruleId)).toEqual(['quote-integrity'])
  })

  it('does not flag two consecutive quotations rejoined, or one split in two', () => {
    const original = '“We will build it,” the mayor said. “And we will pay for it.”'
    expect(compareOriginal(original, 'The mayor said: “We will build it, and we will pay for it.”', 'd.txt').findings).toEqual([])
    expect(compareOriginal(original, '“We will build it and pay for it,” the mayor said.', 'd.txt').findings.map((f) => f.ruleId)).toEqual([
      'quote-integrity'
    ])
    const long = '“We will build it, and we will pay for it,” the mayor said.'
    expect(compareOriginal(long, '“We will build it,” the mayor said, “and we will pay for it.”', 'd.txt').findings).toEqual([])
  })

  it('does not flag scare quotes around words of the original narration', () => {
    const original = 'The allies hastened to present a united front. “We are ready,” Blinken said.'
    const derived = 'The allies hastened to present a “united front.” “We are ready,” Blinken said.'
    expect(compareOriginal(original, derived, 'd.txt').findings).toEqual([])
  })

  it('flags a quotation the original does not have as an addition', () => {
    const derived = seedOriginal + ' “We will respond with overwhelming force,” he added.'
    const findings = compareOriginal(seedOriginal, derived, 'seed.txt').findings
    expect(findings).toHaveLength(1)
    expect(findings[0]!.dimension).toBe('Accuracy/Addition')
    expect(findings[0]!.actual).toBe('We will respond with overwhelming force,')
  })
})

describe('facts outside quotations', () => {
  const base = 'Officials in Geneva met for about 90 minutes on Friday. The talks did not produce an agreement.'

  it('flags a changed number, name and negation', () => {
    const derived = 'Officials in Vienna met for about 60 minutes on Friday. The talks produced an agreement.'
    const findings = compareOriginal(base, derived, 'd.txt').findings
    expect(findings.map((finding) => [finding.ruleId, finding.actual, finding.expected[0]])).toEqual([
      ['changed-name', 'Vienna', 'Geneva'],
      ['changed-number', '60', '90'],
      ['changed-negation', 'The talks produced an agreement.', 'The talks did not produce an agreement.']
    ])
  })

  it('flags an added negation at the negation', () => {
    const derived = 'Officials in Geneva met for about 90 minutes on Friday. The talks never did not produce an agreement.'
    const findings = compareOriginal(base, derived, 'd.txt').findings
    expect(findings.map((finding) => [finding.ruleId, finding.actual])).toEqual([['changed-negation', 'never']])
  })

  it('reads "2 million" as 2,000,000 and flags a changed scale', () => {
    const original = 'The fund has 2 million dollars and $1.5 billion in loans.'
    expect(compareOriginal(original, 'The fund has 2,000,000 dollars and $1.5 billion in loans.', 'd.txt').findings).toEqual([])
    const findings = compareOriginal(original, 'The fund has 3,000,000 dollars and $1.5 billion in loans.', 'd.txt').findings
    expect(findings.map((finding) => [finding.ruleId, finding.actual, finding.expected[0]])).toEqual([['changed-number', '3,000,000', '2 million']])
  })

  it('does not flag paraphrase, spelled-out numbers or thousands separators', () => {
    const original = 'The conflict has claimed 14,000 lives. Two diplomats met in Geneva.'
    const derived = 'In Geneva, 2 diplomats met. The conflict has killed 14000 people.'
    expect(compareOriginal(original, derived, 'd.txt').findings).toEqual([])
  })
})
