/**
 * A bracket opened and never closed in its paragraph, or closed without
 * being opened ("The agency (which was founded in 1947 has offices"):
 * translation drops one half of a pair when it reorders a clause.
 * List labels ("1)", "a)", "A)"), emoticons (":)", ":(", ":-]", and the
 * bare ")", "))" or "(" that ends a message in Russian-language web text: "Just
 * wondering)", "Any ideas? ("), keys in a shortcut ("Ctrl+[") and half-open intervals
 * ("[0, 1)") are not broken pairs.
 */
import {defineRule} from '../src/engine/rule.js'

const pairs = new Map([
  [')', '('],
  [']', '[']
])

/** "1) a tax cut", "b) a referendum", "#2) Match": a label closes nothing. */
const labelBefore = /(?:^|[\s(])(?:#?\p{N}{1,2}|\p{L}|[ivx]{1,4})$/u
/** ":)", ";-)", ":(", ":-]": faces. */
const faceBefore = /[:;=][-']?$/
/**
 * "Just wondering)", "They are so cool))": a run of closing round brackets
 * glued to the last word or its full stop, with nothing after it but the end
 * of the paragraph or a new sentence, is a smiley. A parenthesis whose
 * opening half was lost is followed by the rest of its sentence (`,` `.` or a
 * lower-case word: "the ministry) said", "in 2019).").
 */
function smileyRun(text: string, start: number, end: number, from: number, to: number): boolean {
  return start > from && /[\p{L}.!?…]/u.test(text[start - 1]!) && /^(?:\s*$|\s+\p{Lu})/u.test(text.slice(end, Math.min(to, end + 3)))
}

/** What may follow a sad face to the paragraph's end, read one UTF-16 unit at a time (no astral character is in the class). */
const sadTailChar = /[(\s.!?…]/u

/**
 * "Do you have any ideas? (": an opening round bracket with nothing after it
 * but marks to the paragraph's end opens nothing; it is a sad face. Where that
 * tail of marks starts: a '(' at `at` is a sad face when `at + 1` is at or
 * after it. One scan back from the end per paragraph, where a test per
 * opening bracket read the rest of the paragraph each time ('(' repeated
 * 50,000 times took 1.8 s, 7 s on a loaded machine).
 */
function sadTailStart(text: string, from: number, to: number): number {
  let start = to
  while (start > from && sadTailChar.test(text[start - 1]!)) start--
  return start
}

/** "Ctrl+[", "Cmd+]": a key named in a shortcut, before a space or the end. */
const keyAt = /\+[[\]](?:\s|$)/y
/** "[0, 1)", "(0, 1]": a half-open interval pairs a square bracket with a round one. */
const interval = /^[[(] ?[-+]?[\d.]+, ?[-+]?(?:[\d.]+|∞) ?[\])]$/u
/**
 * A character that may stand inside an interval (between its brackets): a
 * slice with any other character is no interval, so the pattern is tried only
 * on a slice made of these. '[' + '1' x 20,000 + ')' x 20,000 read the digits
 * again at every ')', 1.7 s.
 */
const intervalInner = (code: number) => (code >= 48 && code <= 57) || code === 32 || code === 43 || code === 44 || code === 45 || code === 46 || code === 0x221e

export default defineRule(
  {
    id: 'unpaired-bracket',
    category: 'punctuation',
    severity: 'minor',
    description: 'An opening bracket never closed in its paragraph, or a closing bracket with no opening one.',
    examples: {
      bad: [
        {
          text: 'The agency (which was founded in 1947 has offices in 40 countries.',
          findings: [
            {range: '1:12-1:13', actual: '(', message: 'Unexpected `(` never closed in its paragraph, expected `)`', severity: 'minor'}
          ]
        },
        {
          text: 'Prices rose in March, the ministry said).',
          findings: [
            {range: '1:40-1:41', actual: ')', message: 'Unexpected `)` with no opening `(`, expected a pair or none', severity: 'minor'}
          ]
        },
        {
          text: 'Officials said the plan) would be published next month.',
          findings: [
            {range: '1:24-1:25', actual: ')', message: 'Unexpected `)` with no opening `(`, expected a pair or none', severity: 'minor'}
          ]
        }
      ],
      good: [
        {text: 'The agency (which was founded in 1947) has offices in 40 countries.', why: 'a closed pair'},
        {text: 'The plan has two parts: 1) a tax cut and 2) new spending.', why: 'list labels'},
        {text: 'Options include a) a delay, b) a referendum or c) new elections.', why: 'letter labels'},
        {text: 'The coach texted “see you tomorrow :)” after practice.', why: 'an emoticon'},
        {text: 'The court [of appeals] upheld the ruling (a rare move).', why: 'square brackets and round ones, each closed'},
        {text: 'The sad face :( says it all, the coach wrote.', why: 'an emoticon with an opening bracket'},
        {text: 'The probability lies in the interval [0, 1) for every trial.', why: 'a half-open interval'},
        {text: 'The ballot offered three answers: A) yes, B) no and C) undecided.', why: 'capital letter labels'},
        {text: 'Tutorials: #1) Input → output, #2) Match & transform, #3) Making a chat-bot.', why: 'numbered labels written with #'},
        {text: 'Help students with the survey)', why: 'a bare smiley ending a message (MLQE-PE ru-en post-edit)'},
        {text: 'Borrowing from friends is not an option, they are also poor))', why: 'a run of smileys ending a message (MLQE-PE ru-en post-edit)'},
        {text: "I'll ask everything about it) Seriously, no jokes.", why: 'a smiley before a new sentence'},
        {text: 'Do you have any ideas? (', why: 'a sad face ending a message (MLQE-PE ru-en post-edit)'}
      ]
    }
  },
  ({tree, text, report}) => {
    for (const paragraph of tree.children) {
      if (paragraph.type !== 'ParagraphNode') continue
      const from = paragraph.position!.start.offset!
      const to = paragraph.position!.end.offset!
      const open: Array<{mark: string; at: number}> = []
      // Open marks of each kind, so a stray closing mark is known without a scan of the stack.
      const counts = new Map([['(', 0], ['[', 0]])
      // Built on the first opening round bracket: where the paragraph's tail of sad-face characters starts.
      let sadTail = -1
      // The last character before `at` that no interval holds inside its brackets.
      let outsideInterval = from - 1
      // The last run of closing round brackets asked about, and whether it is a smiley.
      let runEnd = -1
      let runSmiley = false
      // A run of closing round brackets is walked once, not once per bracket ('a' + ')' x 40,000 took 4.3 s).
      const smileyHere = (at: number): boolean => {
        if (at < runEnd) return runSmiley
        let start = at
        while (start > from && text[start - 1] === ')') start--
        runEnd = at + 1
        while (runEnd < to && text[runEnd] === ')') runEnd++
        runSmiley = smileyRun(text, start, runEnd, from, to)
        return runSmiley
      }
      for (let at = from; at < to; at++) {
        // Codes, not characters: a character above U+00FF read as a string is a new string each time.
        const code = text.charCodeAt(at)
        if (code !== 40 && code !== 41 && code !== 91 && code !== 93) {
          if (!intervalInner(code)) outsideInterval = at
          continue
        }

        const innerFrom = outsideInterval
        outsideInterval = at
        const char = text[at]!
        if (char === '(' || char === '[') {
          if (char === '(' && sadTail < 0) sadTail = sadTailStart(text, from, to)
          if (char === '(' && (faceBefore.test(text.slice(Math.max(from, at - 2), at)) || at + 1 >= sadTail)) continue
          keyAt.lastIndex = at - 1
          if (keyAt.test(text)) continue
          open.push({mark: char, at})
          counts.set(char, counts.get(char)! + 1)
          continue
        }

        const opening = pairs.get(char)!
        const last = open.at(-1)
        if (last && last.mark !== opening && innerFrom <= last.at && interval.test(text.slice(last.at, at + 1))) {
          open.pop()
          counts.set(last.mark, counts.get(last.mark)! - 1)
          continue
        }

        if (counts.get(opening) === 0) {
          const before = text.slice(Math.max(from, at - 6), at)
          keyAt.lastIndex = at - 1
          if ((char === ')' && (labelBefore.test(before) || smileyHere(at))) || faceBefore.test(before) || keyAt.test(text)) continue
          report({start: at, end: at + 1, message: `Unexpected \`${char}\` with no opening \`${opening}\`, expected a pair or none`})
          continue
        }

        // Close the nearest matching mark; marks opened inside it were never closed.
        for (let left = open.pop()!; ; left = open.pop()!) {
          counts.set(left.mark, counts.get(left.mark)! - 1)
          if (left.mark === opening) break
          report(unclosed(left))
        }
      }

      for (const left of open) report(unclosed(left))
    }
  }
)

function unclosed(left: {mark: string; at: number}): {start: number; end: number; message: string} {
  const closing = left.mark === '(' ? ')' : ']'
  return {start: left.at, end: left.at + 1, message: `Unexpected \`${left.mark}\` never closed in its paragraph, expected \`${closing}\``}
}
