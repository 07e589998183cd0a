/**
 * Markdown and HTML to nlcst through remark / rehype and their nlcst bridges
 * (positions stay in the original file). Loaded on demand (see
 * loadMarkupParsers in parse.ts): importing this module registers it.
 */
import type {Link, Root as MdastRoot} from 'mdast'
import type {Root} from 'nlcst'
import {toNlcst as hastToNlcst} from 'hast-util-to-nlcst'
import {toNlcst as mdastToNlcst} from 'mdast-util-to-nlcst'
import {fromParse5} from 'hast-util-from-parse5'
import {ParseEnglish} from 'parse-english'
import {parse as parseHtml, type DefaultTreeAdapterTypes} from 'parse5'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import {visit} from 'unist-util-visit'
import type {VFile} from 'vfile'
import {InputLimitError, maxHtmlDepth, maxMarkdownDepth} from './limits.js'
import {maskCharacter} from './mask.js'
import {registerMarkupParser} from './markup-slot.js'

const markdownParser = unified().use(remarkParse).use(remarkFrontmatter, ['yaml', 'toml']).use(remarkGfm).freeze()

export function parseMarkup(file: VFile, format: 'markdown' | 'html'): Root | undefined {
  if (format === 'markdown') {
    checkMarkdownDepth(String(file))
    const mdast = markdownParser.parse(file) as MdastRoot
    dropBareLinks(mdast)
    alignTextValues(mdast, String(file))
    codeCalls(mdast, (value, position) => ({type: 'inlineCode', value, position}), true)
    return mdastToNlcst(mdast, file, ParseEnglish, {source: imageTypes}) as Root
  }

  // What rehype-parse does, with the depth checked between parse5's tree (built without recursion) and the recursive conversion.
  const document = parseHtml(String(file), {sourceCodeLocationInfo: true, scriptingEnabled: false})
  checkHtmlDepth(document)
  const hast = fromParse5(document, {file})
  if (!hast.position) return undefined
  alignTextValues(hast, String(file))
  readObsoletePhrasing(hast)
  codeCalls(hast, (value, position) => ({type: 'element', tagName: 'code', properties: {}, children: [{type: 'text', value, position}], position}))
  return hastToNlcst(hast, file, ParseEnglish) as Root
}

/**
 * The inline elements HTML 4 had and HTML5 made obsolete (the standard's
 * non-conforming features: `<acronym>`, `<tt>`, `<font>`, ...) are still
 * phrasing in every browser, but hast-util-to-nlcst knows only HTML5's, and
 * in a paragraph it has to infer (the text of a `<div>`, `<li>`, `<td>`) it
 * took each for a block: 'the Free Software Foundation (<acronym>FSF</acronym>),'
 * became three paragraphs, and both brackets unpaired-bracket findings
 * (DocBook's HTML, such as the Debian Administrator's Handbook, writes every
 * abbreviation so). Inside a `<p>` they were already read as words. Read as
 * `<span>`, they join the sentence around them wherever they stand.
 */
const obsoletePhrasing = new Set(['acronym', 'big', 'blink', 'font', 'nobr', 'rb', 'rtc', 'strike', 'tt'])

function readObsoletePhrasing(tree: {type: string}): void {
  visit(tree as MdastRoot, 'element', (node: {tagName?: string}) => {
    if (node.tagName !== undefined && obsoletePhrasing.has(node.tagName)) node.tagName = 'span'
  })
}

/**
 * Markdown nested deeper than maxMarkdownDepth is refused before micromark
 * sees it: its time grows with the square of the depth (2.8 s for a list
 * 1,000 deep on one line), and the bridge to nlcst recurses once per level.
 * Per line, block containers (`>`, list markers, two columns of indent
 * each); per block, the openers of emphasis and links not yet closed. Both
 * over-count a little, never under.
 */
function checkMarkdownDepth(text: string): void {
  let inline = 0
  let lineStart = true
  let containers = 0
  let indent = 0
  for (let index = 0; index < text.length; index++) {
    const char = text.charCodeAt(index)
    if (char === 10 || char === 13) {
      // A blank line ends the block: emphasis and links cannot span it.
      if (lineStart && containers === 0) inline = 0
      lineStart = true
      containers = 0
      indent = 0
      continue
    }

    if (lineStart) {
      if (char === 32 || char === 9) {
        if (containers === 0) indent += char === 9 ? 4 : 1
        continue
      }

      const next = text.charCodeAt(index + 1)
      const spaceNext = next === 32 || next === 9 || Number.isNaN(next) || next === 10 || next === 13
      if (char === 62 || ((char === 45 || char === 43 || char === 42) && spaceNext)) {
        containers++
      } else if (char >= 48 && char <= 57) {
        let end = index
        while (end < text.length && end - index < 9 && text.charCodeAt(end) >= 48 && text.charCodeAt(end) <= 57) end++
        const after = text.charCodeAt(end + 1)
        if ((text[end] === '.' || text[end] === ')') && (after === 32 || after === 9 || Number.isNaN(after) || after === 10 || after === 13)) {
          containers++
          index = end
        } else lineStart = false
      } else lineStart = false

      const depth = containers + Math.floor(indent / 2)
      if (depth > maxMarkdownDepth) throw depthError('Markdown block nesting', depth, maxMarkdownDepth)
      if (lineStart) continue
    }

    // `[` and emphasis opening before a word (`*a`, `_a`, `**a`) deepen; `]` and emphasis closing after one end them.
    if (char === 91) inline++
    else if (char === 93) inline = Math.max(0, inline - 1)
    else if (char === 42 || char === 95) {
      let end = index
      while (text.charCodeAt(end + 1) === char) end++
      const before = text.charAt(index - 1)
      const after = text.charAt(end + 1)
      const opens = after !== '' && !/\s/.test(after) && (before === '' || /[\s\p{P}]/u.test(before))
      const closes = before !== '' && !/\s/.test(before) && (after === '' || /[\s\p{P}]/u.test(after))
      if (opens && !closes) inline += end - index + 1
      else if (closes && !opens) inline = Math.max(0, inline - (end - index + 1))
      index = end
    } else continue

    if (inline > maxMarkdownDepth) throw depthError('Markdown inline nesting (unclosed emphasis and link openers)', inline, maxMarkdownDepth)
  }
}

/** parse5 builds its tree with a stack of open elements; hast-util-from-parse5 then recurses once per level. */
function checkHtmlDepth(document: DefaultTreeAdapterTypes.Document): void {
  const stack: Array<[DefaultTreeAdapterTypes.ParentNode, number]> = [[document, 0]]
  for (let top = stack.pop(); top; top = stack.pop()) {
    const [node, depth] = top
    if (depth > maxHtmlDepth) throw depthError('HTML element nesting', depth, maxHtmlDepth)
    for (const child of node.childNodes) if ('childNodes' in child) stack.push([child, depth + 1])
    if ('content' in node) stack.push([node.content, depth + 1])
  }
}

function depthError(what: string, actual: number, limit: number): InputLimitError {
  return new InputLimitError(`Unexpected ${what} deeper than ${limit} levels, expected at most ${limit}`, actual, limit)
}

/**
 * An autolink's text is its URL: not prose. So is a text that is the URL's
 * end with spaces around its slashes (chai's README lists its repositories
 * as `[chaijs / deep-eql](https://github.com/chaijs/deep-eql)`, six
 * tokenizer-spacing findings on ' / ').
 */
function dropBareLinks(mdast: MdastRoot): void {
  visit(mdast, 'link', (link: Link) => {
    const only = link.children[0]
    if (link.children.length === 1 && only?.type === 'text' && (only.value === link.url || link.url.endsWith(only.value) || (only.value.includes('/') && link.url.endsWith(only.value.replace(/\s*\/\s*/g, '/'))))) {
      link.children = []
    }
  })
}

/**
 * An image is not a word of the sentence around it, and its alt text is not
 * read there: the bridge put the alt's decoded value at the image's start + 2,
 * so a word after `&amp;` or emphasis in the alt pointed at the wrong
 * characters, and the alts of a row of badges (`[![npm](v.svg)](..)
 * [![npm](dm.svg)](..)`) or an image between two words (`Click the ![the](a.png)
 * the button`) read as a repeat. As inline code, each image is one source node:
 * masked in the prose view, a boundary between the words on either side. HTML's
 * `<img alt>` was never read either (hast-util-to-nlcst reads no attribute).
 */
const imageTypes = ['image', 'imageReference']

/** A character reference (`&amp;`, `&#8220;`, `&#x201C;`) at the start of a string. */
const characterReference = /^&(?:#\d+|#x[\da-f]+|[a-z][a-z\d]*);?/i

/**
 * The bridges place each word by adding up the lengths of a text node's
 * value from the node's start, which holds only where the value is the
 * source as written. A backslash escape (`\*`), a character reference
 * (`&amp;`) or a block quote's `> ` inside a paragraph makes the value
 * shorter, and every word after it in the node was placed too early (the
 * second `the` of `said \*the the` read as ` the th`). Rewrite each value to
 * the source's length: the value's characters where the source has them,
 * U+FFFC for the markup the value left out (an escape's backslash, a
 * reference's tail), white space where the source has white space.
 */
function alignTextValues(tree: {type: string}, doc: string): void {
  visit(tree as MdastRoot, 'text', (node: {value: string; position?: {start: {offset?: number}; end: {offset?: number}}}) => {
    const start = node.position?.start.offset
    const end = node.position?.end.offset
    if (start === undefined || end === undefined) return
    const source = doc.slice(start, end)
    if (source === node.value) return
    const aligned = alignedValue(source, node.value)
    if (aligned !== undefined) node.value = aligned
  })
}

/** `value` stretched to `source`'s length (see alignTextValues); undefined when they do not line up. */
function alignedValue(source: string, value: string): string | undefined {
  let out = ''
  let at = 0
  for (let index = 0; index < source.length; ) {
    const char = source[index]!
    if (char === value[at]) {
      out += char
      index++
      at++
      continue
    }

    const reference = char === '&' ? characterReference.exec(source.slice(index, index + 40))?.[0] : undefined
    if (reference && at < value.length) {
      const decoded = value.codePointAt(at)! > 0xffff ? 2 : 1
      const character = value.slice(at, at + decoded)
      // `&nbsp;` is white space throughout: a masked tail would stand between the words around it as a symbol ('the&nbsp;the' was no repeat).
      out += character + (/\s/.test(character) ? character : maskCharacter).repeat(Math.max(0, reference.length - decoded))
      index += reference.length
      at += decoded
      continue
    }

    out += /\s/.test(char) ? char : maskCharacter
    index++
  }

  return at === value.length && out.length === source.length ? out : undefined
}

interface Position {
  start: {line: number; column: number; offset?: number}
  end: {line: number; column: number; offset?: number}
}

interface TextNode {
  type: string
  value: string
  position?: Position
}

/**
 * A method call written as plain text, outside backticks (magic-string's API
 * headings `### s.append( content )`, `### s.prependLeft ( index, content )`,
 * `### s.trim([ charType ])`): a dotted name and its arguments, on one line.
 * The `(` follows the name at once, or after one space when the name's last
 * part is camelCase, so 'Node.js ( the runtime )' stays prose. Each part is
 * at most 64 characters: a longer run is no name, and the pattern stays linear.
 */
const callPattern = /(?<![\p{L}\p{N}_$.])[A-Za-z_$][\w$]{0,63}(?:\.([A-Za-z_$][\w$]{0,63}))+( ?)\([^()\n]*\)/gu
const camelCase = /[a-z][A-Z]/

/**
 * An emoji shortcode (`:white_check_mark:`, `:+1:`), which GitHub's Markdown
 * shows as the emoji: its colons are not punctuation ('supported
 * :white_check_mark:.' read as ':.', doubled-punctuation). Lower-case letters,
 * digits, `_`, `+` and `-` with a letter among them (or `+1`, `-1`), no word or colon
 * touching it: '10:30:45', 'std::vector::' and 'key:value:' stay as written.
 */
const shortcodePattern = /(?<![\w:]):(?=[a-z0-9_+-]{0,40}[a-z]|[+-]1:)[a-z0-9_+-]{1,41}:(?![\w:])/gu

/**
 * Code written as plain text is code: each call (callPattern) in a text node,
 * and with `shortcodes` each emoji shortcode (shortcodePattern, Markdown only),
 * becomes the tree's inline code (`makeCode`), a source node to the bridge,
 * so its spacing never reaches the rules. Runs after alignTextValues, which
 * made each value the source's length, so offsets in the value are the source's.
 */
function codeCalls(tree: {type: string}, makeCode: (value: string, position: Position) => unknown, shortcodes = false): void {
  visit(tree as MdastRoot, 'text', (node: TextNode, index, parent) => {
    const position = node.position
    if (!parent || index === undefined || !position || position.start.offset === undefined || !(node.value.includes('(') || (shortcodes && node.value.includes(':')))) return
    const start = position.start
    const pieces: unknown[] = []
    let at = 0
    // The source point at `offset` characters into the value; offsets come in increasing order, so the lines are counted once.
    let line = start.line
    let lineStart = -1
    let counted = 0
    const pointAt = (offset: number) => {
      for (; counted < offset; counted++) {
        const char = node.value[counted]
        if (char === '\n' || (char === '\r' && node.value[counted + 1] !== '\n')) {
          line++
          lineStart = counted
        }
      }

      return {line, column: line === start.line ? start.column + offset : offset - lineStart, offset: start.offset! + offset}
    }

    const text = (from: number, to: number) => ({type: 'text', value: node.value.slice(from, to), position: {start: pointAt(from), end: pointAt(to)}})
    const calls = [...node.value.matchAll(callPattern)].filter((match) => !match[2] || camelCase.test(match[1]!))
    const matches = shortcodes ? [...calls, ...node.value.matchAll(shortcodePattern)].sort((a, b) => a.index - b.index) : calls
    for (const match of matches) {
      if (match.index < at) continue
      if (match.index > at) pieces.push(text(at, match.index))
      pieces.push(makeCode(match[0], {start: pointAt(match.index), end: pointAt(match.index + match[0].length)}))
      at = match.index + match[0].length
    }

    if (pieces.length === 0) return
    if (at < node.value.length) pieces.push(text(at, node.value.length))
    ;(parent as unknown as {children: unknown[]}).children.splice(index, 1, ...pieces)
    return index + pieces.length
  })
}

registerMarkupParser(parseMarkup)
