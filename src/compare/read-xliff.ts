/** XLIFF 1.2 (`trans-unit`) and 2.0 (`unit`/`segment`): one segment per source/target pair. */
import {AlignError, type AlignedFile, type Segment} from './segment.js'
import {childElements, descendants, inlineText, parseXml, type XmlElement} from './xml-tree.js'

export function readXliff(text: string, path: string): AlignedFile {
  const root = parseXml(text, path)
  const xliff = childElements(root, 'xliff')[0]
  if (!xliff) throw new AlignError(`${path}: expected an <xliff> root element`)
  const version2 = (xliff.attributes.version ?? '').startsWith('2')
  const segments: Segment[] = []
  let sourceLang: string | undefined
  if (version2) {
    sourceLang = xliff.attributes.srcLang
    for (const unit of descendants(xliff, 'unit')) {
      for (const [index, segment] of childElements(unit, 'segment').entries()) {
        const id = `${unit.attributes.id ?? '?'}/${segment.attributes.id ?? index + 1}`
        const pair = pairOf(segment, id)
        if (pair) segments.push(pair)
      }
    }
  } else {
    for (const file of childElements(xliff, 'file')) {
      const lang = file.attributes['source-language']
      sourceLang ??= lang
      for (const unit of descendants(file, 'trans-unit')) {
        const pair = pairOf(unit, unit.attributes.id ?? String(segments.length + 1))
        if (pair) segments.push({...pair, sourceLang: lang})
      }
    }
  }

  return {path, text, segments, sourceLang}
}

/** A unit without a target has nothing to check yet. */
function pairOf(parent: XmlElement, id: string): Segment | undefined {
  const source = childElements(parent, 'source')[0]
  const target = childElements(parent, 'target')[0]
  if (!source || !target) return undefined
  const {text, map, ends} = inlineText(target)
  // An empty target has no characters: point just inside the element.
  const targetStart = map[0] ?? target.start
  return {id, source: inlineText(source).text, target: text, targetStart, targetMap: map, targetEnds: ends}
}
