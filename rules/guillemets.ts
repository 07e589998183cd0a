/**
 * Guillemets (« » ‹ ›) and the German low opening quotes („ and its single
 * form ‚) in English text, as machine translation copies them from French,
 * Russian or German; English writes “ ” and ‘ ’. The single low quote looks
 * like a comma, so it counts only where a quotation opens (after a space,
 * before a word) and a ‘ or ’ after a word closes it on the same line.
 */
import {linesOf} from '../src/engine/lines.js'
import {defineRule} from '../src/engine/rule.js'

/** The marks: the scan. */
const foreignQuote = /[«»‹›„‚]/gu

/** The space French puts inside the marks ("« Bonjour »"), removed with them. */
const innerSpace = /[ \u00a0\u202f]/u

/** Single guillemets become single quotes; the others become double quotes. */
const singleMarks = new Set(['‹', '›', '‚'])

/**
 * The mark that ends a quotation each mark may open: French «a», German and
 * Danish »a«, German „a“. A mark with no partner later on its line is no
 * quotation ("Home » World", "Read more »", a character table) and is let be.
 */
const partnerOf: Record<string, string[]> = {
  '«': ['»'],
  '»': ['«'],
  '‹': ['›'],
  '›': ['‹'],
  '„': ['“', '”']
}

export default defineRule(
  {
    id: 'guillemets',
    category: 'localization',
    severity: 'minor',
    description: 'Guillemets (« » ‹ ›) or a German low quote („) in English text, where English writes “ ” or ‘ ’.',
    examples: {
      bad: [
        {
          text: 'Putin called the sanctions «economic war» and vowed to respond.',
          findings: [
            {range: '1:28-1:29', actual: '«', message: 'Unexpected `«`, expected `“`', severity: 'minor', fix: '“', safe: true},
            {range: '1:41-1:42', actual: '»', message: 'Unexpected `»`, expected `”`', severity: 'minor', fix: '”', safe: true}
          ],
          fixed: 'Putin called the sanctions “economic war» and vowed to respond.'
        },
        {
          text: 'Macron said the talks were « difficult but necessary » on Friday.',
          findings: [
            {range: '1:28-1:30', actual: '« ', message: 'Unexpected `«`, expected `“`', severity: 'minor', fix: '“', safe: true},
            {range: '1:53-1:55', actual: ' »', message: 'Unexpected `»`, expected `”`', severity: 'minor', fix: '”', safe: true}
          ],
          fixed: 'Macron said the talks were “difficult but necessary » on Friday.'
        },
        {
          text: 'The chancellor spoke of a „turning point“ in European security.',
          findings: [
            {range: '1:27-1:28', actual: '„', message: 'Unexpected `„`, expected `“`', severity: 'minor', fix: '“', safe: true}
          ],
          fixed: 'The chancellor spoke of a “turning point“ in European security.'
        },
        {
          text: 'The newspaper headline read »No more gas« in large letters.',
          findings: [
            {range: '1:29-1:30', actual: '»', message: 'Unexpected `»`, expected `“`', severity: 'minor', fix: '“', safe: true},
            {range: '1:41-1:42', actual: '«', message: 'Unexpected `«`, expected `”`', severity: 'minor', fix: '”', safe: true}
          ],
          fixed: 'The newspaper headline read “No more gas« in large letters.'
        },
        {
          text: 'He called the deal a ‹historic step› for the region.',
          findings: [
            {range: '1:22-1:23', actual: '‹', message: 'Unexpected `‹`, expected `‘`', severity: 'minor', fix: '‘', safe: true},
            {range: '1:36-1:37', actual: '›', message: 'Unexpected `›`, expected `’`', severity: 'minor', fix: '’', safe: true}
          ],
          fixed: 'He called the deal a ‘historic step› for the region.'
        },
        {
          text: 'Berlin’s mayor called the plan ‚a step too far‘ at the weekend, and the city’s unions agreed.',
          findings: [
            {range: '1:32-1:33', actual: '‚', message: 'Unexpected `‚`, expected `‘`', severity: 'minor', fix: '‘', safe: true},
            {range: '1:47-1:48', actual: '‘', message: 'Unexpected `‘` closing the quotation `‚` opened, expected `’`', severity: 'minor', fix: '’', safe: true}
          ],
          fixed: 'Berlin’s mayor called the plan ‘a step too far‘ at the weekend, and the city’s unions agreed.'
        },
        {
          text: 'Critics called the reform ‚a half measure’ on Monday.',
          findings: [{range: '1:27-1:28', actual: '‚', message: 'Unexpected `‚`, expected `‘`', severity: 'minor', fix: '‘', safe: false}]
        }
      ],
      good: [
        {text: 'Putin called the sanctions “economic war” and vowed to respond.', why: 'English quotation marks'},
        {text: 'Home » World » Europe', why: 'a navigation trail with separators between spaces'},
        {text: 'The delegation arrived in Paris‚ France’s capital‚ on Monday.', why: 'a low single quote after a word is a comma typed with the wrong key'},
        {text: 'The story continues on the next page. Read more »', why: 'a link arrow at the end of a line'},
        {text: 'The price rose 5 % to €3,000 in Paris.', why: 'no quotation marks at all'},
        {text: 'Press << « to type a left guillemet in the editor.', why: 'a guillemet with no partner on its line is a character, not a quotation'}
      ]
    }
  },
  ({tree, text, report}) => {
    // A quotation never pairs across a line break or a paragraph's end: the findings are the same linted whole or by paragraph.
    const lines = linesOf(tree, text)
    let lineEnd = -1
    // Foreign quotations open on the current line, double and single apart.
    const open = {double: 0, single: 0}
    const nextAt = nextOccurrence(text)
    for (const match of text.matchAll(foreignQuote)) {
      const mark = match[0]
      const at = match.index
      if (at >= lineEnd) {
        lineEnd = lines.end(at)
        open.double = 0
        open.single = 0
      }

      if (mark === '‚') {
        const closer = lowSingleCloser(text, at, lineEnd)
        if (closer === undefined) continue
        // Closed by `’`, the mark may be an apostrophe further on ("‚Ndrangheta ... Italy’s", "‚89"): a finding, but no safe fix.
        report({start: at, end: at + 1, message: 'Unexpected `‚`, expected `‘`', expected: ['‘'], safe: text.charAt(closer) === '‘'})
        // German closes with ‘, which English opens with.
        if (text.charAt(closer) === '‘') report({start: closer, end: closer + 1, message: 'Unexpected `‘` closing the quotation `‚` opened, expected `’`', expected: ['’'], safe: true})
        continue
      }

      const kind = singleMarks.has(mark) ? 'single' : 'double'
      // „ is closed by “ or ”, which this rule does not see, so it never counts as open.
      const opening = mark === '„' || open[kind] === 0
      if (opening && !partnerOf[mark]!.some((partner) => nextAt(partner, at) < lineEnd)) continue
      if (mark !== '„') open[kind] += opening ? 1 : -1
      const replacement = opening ? (kind === 'single' ? '‘' : '“') : kind === 'single' ? '’' : '”'
      // The inner space French puts inside the marks goes with the mark.
      const start = !opening && innerSpace.test(text.charAt(at - 1)) ? at - 1 : at
      const end = opening && innerSpace.test(text.charAt(at + 1)) ? at + 2 : at + 1
      report({
        start,
        end,
        message: `Unexpected \`${mark}\`, expected \`${replacement}\``,
        expected: [replacement],
        safe: true
      })
    }
  }
)

/**
 * `nextAt(char, offset)`: where `char` next occurs after `offset` (Infinity
 * if never). Offsets only grow, so each search resumes where the last one
 * ended: one pass over the text per character.
 */
function nextOccurrence(text: string): (char: string, offset: number) => number {
  const found = new Map<string, number>()
  return (char, offset) => {
    let index = found.get(char)
    if (index === undefined || (index !== Infinity && index <= offset)) {
      const next = text.indexOf(char, offset + 1)
      index = next === -1 ? Infinity : next
      found.set(char, index)
    }

    return index
  }
}

/**
 * Where the quotation `‚` opens closes (the offset of its `‘` or `’`), when `‚` opens one: after the line start, a space or an opening bracket, before a letter or digit, with a
 * `‘` or `’` after a word and before a space, punctuation or the line end later on the line (`called the plan ‚a step
 * too far‘`). Elsewhere it is a comma typed with the wrong key (`Paris‚ France`).
 */
function lowSingleCloser(text: string, at: number, lineEnd: number): number | undefined {
  if (at > 0 && !/[\s(\[]/u.test(text.charAt(at - 1))) return undefined
  if (!/[\p{L}\p{N}]/u.test(text.charAt(at + 1))) return undefined
  const closing = /^.*?[\p{L}\p{N}.!?,][‘’](?=[\s.,;:!?)\]]|$)/u.exec(text.slice(at + 1, lineEnd))
  return closing ? at + closing[0].length : undefined
}
