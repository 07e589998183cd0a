/** A question stays a question, and the target's brackets and quotes pair up where the source's do. */
import {defineFileCheck, type PairReport} from './pair-check.js'
import type {Segment} from './segment.js'

// Each `+$` pattern starts only where its run starts (the lookbehind): tried from every character of a long run
// that does not reach the end (spaces, placeholders, letters), it would be quadratic.
const closers = /(?<![\s"'”’»」』)）\]】\uFFFC])[\s"'”’»」』)）\]】\uFFFC]+$/u

export const punctuationCheck = defineFileCheck(
  {
    id: 'punctuation-parity',
    category: 'quotation',
    dimension: 'Fluency/Punctuation',
    severity: 'minor',
    description: 'The source ends with a question mark and the target does not, or the target leaves a bracket or quotation mark unpaired.',
    examples: {
      bad: [
        {
          source: '你明天来吗？',
          target: 'Are you coming tomorrow.',
          findings: [
            {range: '1:24-1:25', actual: '.', message: 'Unexpected statement for a question, expected the target to end with `?` (segment line 1)', severity: 'minor'}
          ]
        },
        {
          source: 'Kommst du morgen?',
          target: 'You are coming tomorrow',
          findings: [
            {range: '1:16-1:24', actual: 'tomorrow', message: 'Unexpected statement for a question, expected the target to end with `?` (segment line 1)', severity: 'minor'}
          ],
          sourceLang: 'de'
        },
        {
          source: '他说（在会上）很好。',
          target: 'He said (at the meeting it was good.',
          findings: [
            {range: '1:9-1:10', actual: '(', message: 'Unexpected `(` without `)`, expected them in pairs (segment line 1)', severity: 'minor'}
          ]
        },
        {
          source: '他说：“我们会赢。”',
          target: 'He said: “We will win.',
          findings: [
            {range: '1:10-1:11', actual: '“', message: 'Unexpected `“` without `”`, expected them in pairs (segment line 1)', severity: 'minor'}
          ]
        },
        {
          source: '两人表示，我们很高兴。\n他说：“好。”',
          target: 'They said, “We are happy.\nHe said: “Good.”',
          findings: [
            {range: '1:12-1:13', actual: '“', message: 'Unexpected `“` without `”`, expected them in pairs (segment line 1)', severity: 'minor'}
          ]
        }
      ],
      good: [
        {source: '你明天来吗？', target: 'Are you coming tomorrow?'},
        {source: '“你来吗？”他问。', target: '“Are you coming?” he asked.', why: 'the source ends as a statement'},
        {source: '他说（在会上）很好。', target: 'He said (at the meeting) it was good.'},
        {source: '乘车有三种方式：自驾、地铁和城际列车。', target: 'There are three ways: 1) drive, 2) take the subway, 3) take the intercity train.', why: 'a list label closes no bracket'},
        {
          source: '两人在声明中表示，我们很高兴。\n我们会更加幸福。',
          target: 'They said in a statement, “We are very happy.\nWe will be happier.”',
          why: 'the translation quotes across two segments, opened in one and closed in the next'
        }
      ]
    }
  },
  ({segments, report}) => {
    // A quotation the translation opens in one segment and closes in one of the next few, where the source has no marks, pairs across them.
    let held: {finding: PairReport; left: number} | undefined
    const unmarked = (text: string) => !/[“”「」"]/.test(text)
    for (const segment of segments) {
      const found: PairReport[] = []
      check(segment, (finding) => found.push(finding))
      if (held) {
        const closing = found.filter((finding) => segment.target[finding.start] === '”')
        if (unmarked(segment.source) && closing.length === 1 && !/[“"]/.test(segment.target.slice(0, closing[0]!.start))) {
          found.splice(found.indexOf(closing[0]!), 1)
          held = undefined
        } else if (!unmarked(segment.source) || !unmarked(segment.target) || --held.left === 0) {
          report(held.finding)
          held = undefined
        }
      }

      const last = found.filter((finding) => segment.target[finding.start] === '“').at(-1)
      if (!held && last && unmarked(segment.source) && !/[”"]/.test(segment.target.slice(last.start))) {
        found.splice(found.indexOf(last), 1)
        held = {finding: last, left: 3}
      }

      for (const finding of found) report(finding)
    }

    if (held) report(held.finding)
  }
)

function check(segment: Segment, report: (report: PairReport) => void): void {
  {
    const source = segment.source.replace(closers, '')
    const target = segment.target.replace(closers, '')
    if (/[?？]$/.test(source) && !segment.target.includes('?') && target.length > 0) {
      const last = /(?:[.!。！]|(?<![\p{L}\p{N}])[\p{L}\p{N}]+)$/u.exec(target)
      const start = last ? last.index : target.length - 1
      report({segment, start, end: target.length, message: 'Unexpected statement for a question, expected the target to end with `?`', expected: []})
    }

    // A quotation may run over several segments: only a source that pairs its own marks says the target must.
    const sourcePairs = (open: Paired, close: Paired) => balanced(segment.source, open, close) && balanced(segment.source, fullWidth[open], fullWidth[close])
    const straight = [...segment.target.matchAll(/(?<![\p{L}\p{N}])"|"(?![\p{L}\p{N}])/gu)]
    // Curly and straight marks mixed is a style problem (quote-style-mixed), not a missing mark.
    const mixed = straight.length > 0 && /[“”]/.test(segment.target)
    for (const [open, close] of [['(', ')'], ['[', ']'], ['“', '”']] as const) {
      if (!sourcePairs(open, close) || (open === '“' && mixed)) continue
      unpaired(segment, open, close, report)
    }

    if (straight.length % 2 === 1 && !mixed && sourcePairs('“', '”') && count(segment.source, '"') % 2 === 0) {
      const last = straight.at(-1)!
      report({segment, start: last.index, end: last.index + 1, message: 'Unexpected unpaired `"`, expected quotation marks in pairs'})
    }
  }
}

type Paired = '(' | ')' | '[' | ']' | '“' | '”'
const fullWidth: Record<Paired, string> = {'(': '（', ')': '）', '[': '【', ']': '】', '“': '「', '”': '」'}

function count(text: string, char: string): number {
  return text.split(char).length - 1
}

function balanced(text: string, open: string, close: string): boolean {
  return count(text, open) === count(text, close)
}

/** Report an opener never closed, or a closer never opened. */
function unpaired(segment: Segment, open: string, close: string, report: (report: PairReport) => void): void {
  const stack: number[] = []
  for (let index = 0; index < segment.target.length; index++) {
    const char = segment.target[index]
    if (char === open) stack.push(index)
    else if (char === close) {
      if (stack.pop() !== undefined) continue
      // `1)`, `b)`: a list label, not a bracket.
      if (close === ')' && /(?:^|[\s:;,])(?:\d{1,2}|[a-zA-Z])$/.test(segment.target.slice(0, index))) continue
      report({segment, start: index, end: index + 1, message: `Unexpected \`${close}\` without \`${open}\`, expected them in pairs`})
    }
  }

  for (const index of stack) report({segment, start: index, end: index + 1, message: `Unexpected \`${open}\` without \`${close}\`, expected them in pairs`})
}
