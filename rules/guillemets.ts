/**
 * Guillemets (« » ‹ ›) and the German low opening quote („) in English text,
 * as machine translation copies them from French, Russian or German; English
 * writes “ ” and ‘ ’.
 */
import {defineRule} from '../src/engine/rule.js'

/**
 * A quote mark with the space French puts inside it ("« Bonjour »").
 * Spaces around the mark are captured so that the opening/closing side can be
 * told and the inner space removed with the mark.
 */
const foreignQuote = /([ \u00a0\u202f]?)([«»‹›„])([ \u00a0\u202f]?)/gu

/** Single guillemets become single quotes; the others become double quotes. */
const singleMarks = new Set(['‹', '›'])

/** Marks that also serve as arrows between spaces ("Home » World", "Read more »"). */
const arrowMarks = new Set(['»', '›'])

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
          actual: '«',
          count: 2,
          fixed: 'Putin called the sanctions “economic war» and vowed to respond.'
        },
        {
          text: 'Macron said the talks were « difficult but necessary » on Friday.',
          actual: '« ',
          count: 2,
          fixed: 'Macron said the talks were “difficult but necessary » on Friday.'
        },
        {
          text: 'The chancellor spoke of a „turning point“ in European security.',
          actual: '„',
          fixed: 'The chancellor spoke of a “turning point“ in European security.'
        },
        {
          text: 'The newspaper headline read »No more gas« in large letters.',
          actual: '»',
          count: 2,
          fixed: 'The newspaper headline read “No more gas« in large letters.'
        },
        {
          text: 'He called the deal a ‹historic step› for the region.',
          actual: '‹',
          count: 2,
          fixed: 'He called the deal a ‘historic step› for the region.'
        }
      ],
      good: [
        {text: 'Putin called the sanctions “economic war” and vowed to respond.', why: 'English quotation marks'},
        {text: 'Home » World » Europe', why: 'a navigation trail with separators between spaces'},
        {text: 'The story continues on the next page. Read more »', why: 'a link arrow at the end of a line'},
        {text: 'The price rose 5 % to €3,000 in Paris.', why: 'no quotation marks at all'}
      ]
    }
  },
  ({text, report}) => {
    let lineStart = 0
    // Foreign quotations open on the current line, double and single apart.
    const open = {double: 0, single: 0}
    for (const match of text.matchAll(foreignQuote)) {
      const [, spaceBefore, mark, spaceAfter] = match as unknown as [string, string, string, string]
      const at = match.index + spaceBefore.length
      const line = text.lastIndexOf('\n', at) + 1
      if (line !== lineStart) {
        lineStart = line
        open.double = 0
        open.single = 0
      }

      const kind = singleMarks.has(mark) ? 'single' : 'double'
      const spacedBefore = spaceBefore !== '' || at === lineStart
      const spacedAfter = spaceAfter !== '' || /^(?:\n|$)/u.test(text.charAt(at + 1))
      if (open[kind] === 0 && arrowMarks.has(mark) && spacedBefore && spacedAfter) continue
      // Whichever mark comes first opens ("«a»" in French, "»a«" in German); „ always opens and is closed by “.
      const opening = mark === '„' || open[kind] === 0
      if (mark !== '„') open[kind] += opening ? 1 : -1
      const replacement = opening ? (kind === 'single' ? '‘' : '“') : kind === 'single' ? '’' : '”'
      // The inner space French puts inside the marks goes with the mark.
      const start = opening ? at : at - spaceBefore.length
      const end = opening ? at + 1 + spaceAfter.length : at + 1
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
