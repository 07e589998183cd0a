/**
 * An HTML character reference left in plain text ("the effect of
 * "1+1&gt;2"", "Politics &amp; Society", "China & apos; s medical teams"):
 * machine translation pipelines escape the text for a web page and a
 * tokenizer may split the reference, so the reader sees the code instead
 * of the character. In Markdown and HTML a reference is how the file
 * writes a character, so there only a reference split by a space (which no
 * format decodes) is reported.
 */
import type {Node, Parent, Root} from 'nlcst'
import {maskCharacter} from '../src/engine/mask.js'
import {defineRule} from '../src/engine/rule.js'

/** A reference, with the space a tokenizer puts after `&`; an apostrophe's tail ` s` is taken with it. */
const reference = /(?<=(\p{L})?)( ?)&( ?)(amp|quot|apos|lt|gt|nbsp|#\d{2,6}|#x[\da-f]{2,5}) ?;( ?s(?![\p{L}\p{N}]))?/giu

/**
 * Every match of `reference`, as `text.matchAll(reference)` gives them: tried only at each `&` (or the space before
 * it), because a lookbehind tried at every offset of a long text costs more than the rest of the rule.
 */
function* referencesIn(text: string): Generator<RegExpExecArray> {
  const sticky = new RegExp(reference.source, 'iuy')
  // Where the last match ended: the space before an `&` belongs to the next match only after it.
  let from = 0
  for (let ampersand = text.indexOf('&'); ampersand >= 0; ) {
    sticky.lastIndex = ampersand > from && text[ampersand - 1] === ' ' ? ampersand - 1 : ampersand
    const match = sticky.exec(text)
    if (match) {
      from = match.index + match[0].length
      yield match
    }

    ampersand = text.indexOf('&', match ? from : ampersand + 1)
  }
}

const named = new Map(Object.entries({amp: '&', quot: '"', apos: "'", lt: '<', gt: '>', nbsp: '\u00a0'}))

function characterOf(name: string): string | undefined {
  const lower = name.toLowerCase()
  if (!lower.startsWith('#')) return named.get(lower)
  const code = lower.startsWith('#x') ? Number.parseInt(lower.slice(2), 16) : Number.parseInt(lower.slice(1), 10)
  return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : undefined
}

/**
 * Offsets where the tree holds a masked leaf: in Markdown and HTML the parser
 * decodes a reference and masks its tail (`&amp;` is `&` and four U+FFFC),
 * while plain text keeps it as written.
 */
function decodedOffsets(tree: Root, text: string): Set<number> {
  const offsets = new Set<number>()
  const stack: Node[] = [tree]
  for (let node = stack.pop(); node; node = stack.pop()) {
    if ('children' in node) stack.push(...(node as Parent).children)
    else if ('value' in node && String(node.value).includes(maskCharacter)) offsets.add(node.position!.start.offset!)
    // `&nbsp;` decodes to white space throughout (parse-markup.ts): the reference's `&` read as another character there.
    else if (node.type === 'WhiteSpaceNode' && 'value' in node) {
      const start = node.position!.start.offset!
      const value = String(node.value)
      for (let index = 0; index < value.length; index++) if (text[start + index] === '&' && value[index] !== '&') offsets.add(start + index + 1)
    }
  }

  return offsets
}

export default defineRule(
  {
    id: 'html-entity',
    category: 'punctuation',
    severity: 'minor',
    description: 'An HTML character reference left in plain text ("1+1&gt;2", "Politics &amp; Society", "China & apos; s"): the reader sees the code, not the character.',
    examples: {
      bad: [
        {
          text: 'To meet the competitiveness and influence of Shanghai\'s established brands, enhance the concentration of Shanghai\'s established brands, realize the industrial effect of "1+1&gt;2" in the form of "design + culture", and demonstrate Shanghai culture from a new perspective.',
          findings: [
            {range: '1:174-1:178', actual: '&gt;', message: 'Unexpected `&gt;`, expected `>`', severity: 'minor', fix: '>', safe: false}
          ],
          skip: {html: 'as HTML the example escapes its `&` (`&amp;gt;`): the reader sees `&gt;`, but the rule reads the markup and leaves it alone (a known gap)'}
        },
        {
          text: 'Wright E.O. Marxist Concepts of Class Structure // Politics & amp; Society, 1980, No. 3, pp. 323-370.',
          findings: [
            {range: '1:61-1:67', actual: '& amp;', message: 'Unexpected `& amp;`, expected `&`', severity: 'minor', fix: '&', safe: false}
          ],
          skip: {html: 'as HTML the example escapes its `&` (`&amp;gt;`): the reader sees `&gt;`, but the rule reads the markup and leaves it alone (a known gap)'}
        },
        {
          text: '& gt; At the passport control at Sheremetyevo Airport, I was informed about the ban on entering Russia.',
          findings: [
            {range: '1:1-1:6', actual: '& gt;', message: 'Unexpected `& gt;`, expected `>`', severity: 'minor', fix: '>', safe: false}
          ],
          skip: {html: 'as HTML the example escapes its `&` (`&amp;gt;`): the reader sees `&gt;`, but the rule reads the markup and leaves it alone (a known gap)'}
        }
      ],
      good: [
        {text: 'AT&T and Procter & Gamble reported results on Tuesday.', why: 'an ampersand that starts no reference'},
        {text: 'The R&D budget rose 5%; the Q&A session ran late.', why: 'an ampersand before letters and a semicolon that make no known reference'}
      ]
    }
  },
  ({tree, text, report}) => {
    let decoded: Set<number> | undefined
    for (const match of referencesIn(text)) {
      const [whole, letterBefore, spaceBefore, spaceAfter, name, possessive] = match as unknown as [string, string | undefined, string, string, string, string | undefined]
      const character = characterOf(name)
      if (character === undefined) continue
      // A reference the markup parser decoded is how Markdown and HTML write the character.
      const ampersand = match.index + spaceBefore.length
      if (spaceAfter === '' && (decoded ??= decodedOffsets(tree, text)).has(ampersand + 1)) continue
      // "China & apos; s": the possessive written out, joined to its word again.
      const joinsPossessive = character === "'" && possessive !== undefined && letterBefore !== undefined
      const start = match.index + (joinsPossessive ? 0 : spaceBefore.length)
      const end = match.index + whole.length - (joinsPossessive ? 0 : (possessive?.length ?? 0))
      const fixed = joinsPossessive ? "'s" : character
      report({
        start,
        end,
        message: `Unexpected \`${text.slice(start, end)}\`, expected \`${fixed}\``,
        expected: [fixed],
        safe: false
      })
    }
  }
)
