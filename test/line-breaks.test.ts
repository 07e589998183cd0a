/**
 * Rules that read the line around a finding (src/engine/lines.ts) end it at
 * any line break, so a paragraph's findings are the same linted whole or
 * alone, whatever the file's line breaks. Before, only LF ended a line: in a
 * CR-only file a slash, a bracket, an opening quote or English words of one
 * paragraph decided for the next, and a phrase table's line start was missed.
 * A line also ends with its paragraph: HTML paragraphs on one source line.
 */
import {describe, expect, it} from 'vitest'
import {IncrementalLinter} from '../src/engine/incremental.js'
import {lintText} from '../src/engine/lint.js'
import {allRules, onlyRule} from '../src/registry.js'

const shown = (findings: ReadonlyArray<{ruleId: string; actual: string; message: string}>) => findings.map((finding) => `${finding.ruleId} ${finding.actual} ${finding.message}`)
const found = (rule: string, text: string) => shown(lintText(text, 'a.txt', onlyRule(rule)).findings)

/** Each: the rule, two paragraphs, and how many findings the second gives alone. */
const cases: Array<[string, string, string, string, number]> = [
  ['a slash in each paragraph', 'tokenizer-spacing', 'Drivers kept to 60 km / h on the bridge.', 'Applicants must be residents and / or taxpayers.', 1],
  ['a bracket opened in the paragraph before', 'tokenizer-spacing', 'The rate (as the bank put it was stable.', 'Question 3 ) was left blank by most of them.', 0],
  ['a single quotation opened in the paragraph before', 'doubled-possessive', 'He called it ‘a first step.', 'The minister’s’ plan failed on Friday.', 1],
  ['English words in the paragraph before a line of Chinese', 'foreign-script', 'The ministers met in Geneva on Friday to talk.', '中国外交部', 0],
  ['a phrase that must open its line, after a heading', 'calque', 'Budget talks', 'On the other part, the opposition rejected the plan.', 1],
  ['a spaced single quotation opened in the paragraph before', 'quote-spacing', 'He called it ‘ a first step', 'Then ’ came the vote on Friday.', 0],
  ['a comma in the paragraph after a sentence-initial "Each the"', 'stacked-determiner', 'Each the member country sends two delegates', 'In Brussels, the summit opens on Monday.', 0]
]

describe('rules that read a line, whatever the line breaks', () => {
  it.each(cases)('%s (%s): each paragraph finds what it finds alone', (_, rule, first, second, secondAlone) => {
    expect(found(rule, second)).toHaveLength(secondAlone)
    const alone = [...found(rule, first), ...found(rule, second)]
    for (const breaks of ['\n\n', '\r\n\r\n', '\r\r', '\u2029', '\n', '\r\n', '\r', '\u2028']) {
      const text = first + breaks + second
      expect(found(rule, text), JSON.stringify(breaks)).toEqual(alone)
      expect(shown(new IncrementalLinter(onlyRule(rule), 'a.txt').lint(text).findings), JSON.stringify(breaks)).toEqual(alone)
    }
  })

  it.each(cases)('%s (%s): HTML paragraphs on one source line stay apart', (_, rule, first, second) => {
    const alone = [...found(rule, first), ...found(rule, second)]
    const html = (text: string) => shown(lintText(text, 'a.html', onlyRule(rule)).findings)
    expect(html(`<p>${first}</p><p>${second}</p>`)).toEqual(alone)
    expect(html(`<p>${first}</p>\n<p>${second}</p>`)).toEqual(alone)
  })
})

/**
 * Each: the rule, a text with one LF where the rule looks (the line a mark or
 * a word stands on, the line after it, a line start), and how many findings
 * it gives. Every other form of break there gives the same findings.
 */
const breakAt: Array<[string, string, string, number]> = [
  ['a mark named as a symbol, the word after it on the next line', 'space-before-punctuation', 'The error message said to use !\nto override the lock.', 0],
  ['a semicolon named as a symbol, a bracket on the next line', 'space-before-punctuation', 'In the editor, type ;\n(a semicolon) to end a line.', 0],
  ['a capital "The his" at a line start', 'stacked-determiner', 'Budget talks\nThe his remarks were criticized by opposition leaders on Monday.', 1],
  ['a sentence-initial "Each the", a comma only on the next line', 'stacked-determiner', 'Each the member country will send two delegates\nIn Brussels, the summit opens on Monday.', 1],
  ['a word repeated across a line break, whose fix would join the lines', 'repeated-word', 'The talks will resume in Geneva\nGeneva is ready to host them.', 1],
  ['a single quotation that would close on the next line', 'quote-direction', 'The term ’temporary\nhousing’ meant little to them.', 0],
  ['a spaced single quotation that would close on the next line', 'quote-spacing', 'He called it ‘ a first\nstep ’ in the talks.', 0],
  ['a straight quotation reopened at a line start', 'quote-spacing', 'He said: "We will go on.\n"I would like to thank them," she said.', 0],
  ['a straight quotation reopened at a line start', 'quote-unclosed', 'He said: "We will go on.\n"I would like to thank them," she said.', 0],
  ['a common word capitalised at a line start before a name', 'name-variant', 'Li Feng attended the forum on Monday.\nHe Lifeng said the forum was important.', 0]
]

describe('a line break where the rule looks', () => {
  it.each(breakAt)('%s (%s): every form of break gives the findings of LF', (_, rule, text, count) => {
    const findings = (written: string, lineBreak: string) =>
      lintText(written, 'a.txt', onlyRule(rule)).findings.map((finding) => `${finding.ruleId} ${finding.actual.replaceAll(lineBreak, '\n')} ${finding.message} ${finding.safe}`)
    const expected = findings(text, '\n')
    expect(expected).toHaveLength(count)
    for (const lineBreak of ['\r\n', '\r', '\u2028', '\u2029']) expect(findings(text.replace('\n', lineBreak), lineBreak), JSON.stringify(lineBreak)).toEqual(expected)
  })
})

/** Every example of every rule written with LF line breaks, as `[rule, text]`. */
const lfExamples = allRules.flatMap((rule) =>
  [...rule.meta.examples.bad.map((example) => example.text), ...rule.meta.examples.good.map((example) => (typeof example === 'string' ? example : example.text))]
    .filter((text) => text.includes('\n') && !text.includes('\r'))
    .map((text): [string, string] => [rule.meta.id, text])
)

describe("the rules' own examples with other line breaks", () => {
  it('has examples to try', () => expect(lfExamples.length).toBeGreaterThanOrEqual(10))

  // One character for one: the offsets stay, so the findings must be the same (a list or verse read as one line was not).
  it.each(lfExamples)('%s: %j gives the same findings with CR and U+2028 line breaks', (rule, text) => {
    const findings = (written: string) => lintText(written, 'a.txt', onlyRule(rule)).findings.map((finding) => [finding.start.offset, finding.end.offset, finding.message])
    const expected = findings(text)
    for (const other of ['\r', '\u2028']) expect(findings(text.replaceAll('\n', other)), JSON.stringify(other)).toEqual(expected)
  })
})
