/**
 * Markdown and HTML to nlcst through remark / rehype and their nlcst bridges
 * (positions stay in the original file). Loaded on demand (see
 * loadMarkupParsers in parse.ts): importing this module registers it.
 */
import type {Link, Root as MdastRoot} from 'mdast'
import type {Root} from 'nlcst'
import {toNlcst as hastToNlcst} from 'hast-util-to-nlcst'
import {toNlcst as mdastToNlcst} from 'mdast-util-to-nlcst'
import {ParseEnglish} from 'parse-english'
import rehypeParse from 'rehype-parse'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import {visit} from 'unist-util-visit'
import type {VFile} from 'vfile'
import {registerMarkupParser} from './parse.js'

const markdownParser = unified().use(remarkParse).use(remarkFrontmatter, ['yaml', 'toml']).use(remarkGfm).freeze()
const htmlParser = unified().use(rehypeParse).freeze()

export function parseMarkup(file: VFile, format: 'markdown' | 'html'): Root | undefined {
  if (format === 'markdown') {
    const mdast = markdownParser.parse(file) as MdastRoot
    dropBareLinks(mdast)
    return mdastToNlcst(mdast, file, ParseEnglish) as Root
  }

  const hast = htmlParser.parse(file)
  if (!hast.position) return undefined
  return hastToNlcst(hast, file, ParseEnglish) as Root
}

/** An autolink's text is its URL: not prose. */
function dropBareLinks(mdast: MdastRoot): void {
  visit(mdast, 'link', (link: Link) => {
    const only = link.children[0]
    if (link.children.length === 1 && only?.type === 'text' && (only.value === link.url || link.url.endsWith(only.value))) {
      link.children = []
    }
  })
}

registerMarkupParser(parseMarkup)
