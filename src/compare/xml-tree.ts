/**
 * A small positioned XML tree built with saxes (a maintained, conformant
 * streaming parser that reports stream positions), so every text character
 * keeps its offset in the file even through entities and CDATA.
 */
import {SaxesParser} from 'saxes'
import {AlignError} from './segment.js'

export interface XmlElement {
  name: string
  /** Local name (without prefix). */
  local: string
  attributes: Record<string, string>
  /** Offset of the `<` that opens the element. */
  start: number
  /** Offset of the `<` of the end tag (the end of a self-closing tag). */
  contentEnd: number
  /** Offset just after the element's last `>`. */
  end: number
  children: XmlNode[]
}

export interface XmlText {
  text: string
  /** File offset of each UTF-16 unit of `text`. */
  map: number[]
  /** File offset just after each unit's raw writing (an entity is several characters). */
  ends: number[]
}

export type XmlNode = XmlElement | XmlText

export function isElement(node: XmlNode): node is XmlElement {
  return 'name' in node
}

export function parseXml(text: string, path: string): XmlElement {
  const parser = new SaxesParser({position: true})
  const root: XmlElement = {name: '#document', local: '#document', attributes: {}, start: 0, contentEnd: text.length, end: text.length, children: []}
  const stack: XmlElement[] = [root]
  // Offset just after the last markup the parser finished: where the next text starts.
  let cursor = 0
  parser.on('opentag', (tag) => {
    const start = text.lastIndexOf('<', parser.position - 1)
    const attributes: Record<string, string> = {}
    for (const [key, value] of Object.entries(tag.attributes)) attributes[key] = typeof value === 'string' ? value : value.value
    const element: XmlElement = {name: tag.name, local: tag.name.slice(tag.name.indexOf(':') + 1), attributes, start, contentEnd: parser.position, end: parser.position, children: []}
    stack.at(-1)!.children.push(element)
    if (!tag.isSelfClosing) stack.push(element)
    cursor = parser.position
  })
  parser.on('closetag', (tag) => {
    if (!tag.isSelfClosing) {
      const element = stack.pop()!
      element.contentEnd = text.lastIndexOf('<', parser.position - 1)
      element.end = parser.position
    }
    cursor = parser.position
  })
  parser.on('text', (decoded) => {
    // The parser has read the `<` that ends the text.
    const end = parser.position - 1
    stack.at(-1)!.children.push({text: decoded, ...mapText(text, cursor, end, decoded)})
    cursor = end
  })
  parser.on('cdata', (data) => {
    const end = parser.position - ']]>'.length
    const start = end - data.length
    stack.at(-1)!.children.push({
      text: data,
      map: Array.from({length: data.length}, (_, index) => start + index),
      ends: Array.from({length: data.length}, (_, index) => start + index + 1)
    })
    cursor = parser.position
  })
  // saxes never reads a DOCTYPE's declarations: its entities (billion laughs, SYSTEM files) stay undefined.
  let declaresEntities = false
  for (const event of ['processinginstruction', 'comment'] as const) parser.on(event, () => (cursor = parser.position))
  parser.on('doctype', (doctype) => {
    declaresEntities ||= /<!ENTITY/i.test(doctype)
    cursor = parser.position
  })
  parser.on('error', (error) => {
    const why = declaresEntities && /undefined entity/.test(error.message) ? ' (entities declared in a DOCTYPE are never expanded; expected the five XML entities or character references)' : ''
    throw new AlignError(`${path}: invalid XML: ${error.message.replace(/\.$/, '')}${why}`)
  })
  parser.write(text).close()
  return root
}

/** Offsets of the decoded characters of the raw text `file[start, end)`: entities and CRLF shrink. */
function mapText(file: string, start: number, end: number, decoded: string): {map: number[]; ends: number[]} {
  const map: number[] = []
  const ends: number[] = []
  let index = start
  while (index < end && map.length < decoded.length) {
    const char = file[index]!
    if (char === '&') {
      const semicolon = file.indexOf(';', index)
      const reference = file.slice(index, semicolon + 1)
      // Astral character references decode to two UTF-16 units.
      const units = /^&#x?/i.test(reference) && codePointOf(reference) > 0xffff ? 2 : 1
      for (let unit = 0; unit < units; unit++) {
        map.push(index)
        ends.push(semicolon + 1)
      }

      index = semicolon + 1
    } else if (char === '\r' && file[index + 1] === '\n') {
      index++
    } else {
      map.push(index)
      ends.push(index + 1)
      index++
    }
  }

  // Anything the walk could not account for points at the text's end.
  while (map.length < decoded.length) {
    map.push(end)
    ends.push(end)
  }

  return {map, ends}
}

function codePointOf(reference: string): number {
  const body = reference.slice(2, -1)
  return body.startsWith('x') || body.startsWith('X') ? Number.parseInt(body.slice(1), 16) : Number.parseInt(body, 10)
}

/** Descendant elements with this local name, in document order (without recursion: `<g>` may nest 100,000 deep). */
export function descendants(element: XmlElement, local: string): XmlElement[] {
  const found: XmlElement[] = []
  for (const node of inDocumentOrder(element, () => true)) if (isElement(node) && node.local === local) found.push(node)
  return found
}

/** The elements under `element` in document order; `enter` says whether to visit an element's children. */
function* inDocumentOrder(element: XmlElement, enter: (node: XmlElement) => boolean): Generator<XmlNode> {
  const stack: XmlNode[] = element.children.toReversed()
  for (let node = stack.pop(); node; node = stack.pop()) {
    yield node
    if (isElement(node) && enter(node)) for (let index = node.children.length - 1; index >= 0; index--) stack.push(node.children[index]!)
  }
}

export function childElements(element: XmlElement, local: string): XmlElement[] {
  return element.children.filter((child): child is XmlElement => isElement(child) && child.local === local)
}

/** Inline markup that stands for native code: one placeholder, its content is not text. */
const codeTags = new Set(['x', 'bx', 'ex', 'ph', 'bpt', 'ept', 'it', 'ut', 'sc', 'ec', 'cp', 'sm', 'em'])

/** The text of a source/target/seg element, inline codes as placeholders, with file offsets (and the end's, last). */
export function inlineText(element: XmlElement): XmlText {
  let text = ''
  const map: number[] = []
  const ends: number[] = []
  // g, pc, mrk, hi are markup around translatable text: entered; code tags are not.
  for (const node of inDocumentOrder(element, (child) => !codeTags.has(child.local))) {
    if (!isElement(node)) {
      text += node.text
      for (const offset of node.map) map.push(offset)
      for (const offset of node.ends) ends.push(offset)
    } else if (codeTags.has(node.local)) {
      text += '\uFFFC'
      map.push(node.start)
      ends.push(node.end)
    }
  }

  map.push(element.contentEnd)
  return {text, map, ends}
}
