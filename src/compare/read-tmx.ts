/** TMX: each `tu` gives one segment, the `tuv` in the header's source language against the first other one. */
import {AlignError, type AlignedFile, type Segment} from './segment.js'
import {childElements, descendants, inlineText, parseXml, type XmlElement} from './xml-tree.js'

export function readTmx(text: string, path: string): AlignedFile {
  const root = parseXml(text, path)
  const tmx = childElements(root, 'tmx')[0]
  if (!tmx) throw new AlignError(`${path}: expected a <tmx> root element`)
  const header = descendants(tmx, 'header')[0]
  const declared = header?.attributes.srclang
  const sourceLang = declared && declared !== '*all*' ? declared : undefined
  const segments: Segment[] = []
  for (const [index, tu] of descendants(tmx, 'tu').entries()) {
    const variants = childElements(tu, 'tuv')
    const source = variants.find((tuv) => sameLanguage(langOf(tuv), sourceLang)) ?? variants[0]
    const others = variants.filter((tuv) => tuv !== source)
    const target = others.find((tuv) => sameLanguage(langOf(tuv), 'en')) ?? others[0]
    const sourceSeg = source && childElements(source, 'seg')[0]
    const targetSeg = target && childElements(target, 'seg')[0]
    if (!sourceSeg || !targetSeg) continue
    const {text: targetText, map, ends} = inlineText(targetSeg)
    segments.push({
      id: tu.attributes.tuid ?? String(index + 1),
      source: inlineText(sourceSeg).text,
      target: targetText,
      targetStart: map[0] ?? targetSeg.start,
      targetMap: map,
      targetEnds: ends,
      sourceLang: langOf(source!)
    })
  }

  return {path, text, segments, sourceLang: sourceLang ?? segments[0]?.sourceLang}
}

function langOf(tuv: XmlElement): string | undefined {
  return tuv.attributes['xml:lang'] ?? tuv.attributes.lang
}

/** `zh-CN` is `zh`: compare primary subtags. */
function sameLanguage(a: string | undefined, b: string | undefined): boolean {
  if (!a || !b) return false
  return a.split(/[-_]/)[0]!.toLowerCase() === b.split(/[-_]/)[0]!.toLowerCase()
}
