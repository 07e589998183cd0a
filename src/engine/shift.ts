/**
 * Moving parsed blocks and their findings to where an edit put them: the
 * tree shifting of incremental linting (see incremental.ts).
 */
import type {Root, RootContent} from 'nlcst'
import type {InputFormat} from './parse.js'
import type {Finding, Point} from './types.js'

export interface Base {
  offset: number
  line: number
  column: number
}


/** A parsed block of the text (see incremental.ts). */
export interface PlacedBlock {
  text: string
  /** Where the block started in the version of the text it was last matched in. */
  start: number
  /** Root children of the block's own parse; their positions are counted from `base`. */
  nodes: RootContent[]
  base: Base
}

/** Document findings of an older text moved into the new one: kept before the edit, shifted after it, dropped inside it. */
export function carryOver(last: {prose: string; findings: Finding[]}, prose: string, point: (offset: number) => Point): Finding[] {
  const old = last.prose
  const limit = Math.min(old.length, prose.length)
  let prefix = 0
  while (prefix < limit && old.charCodeAt(prefix) === prose.charCodeAt(prefix)) prefix++
  let suffix = 0
  while (suffix < limit - prefix && old.charCodeAt(old.length - 1 - suffix) === prose.charCodeAt(prose.length - 1 - suffix)) suffix++
  const changedEnd = old.length - suffix
  const delta = prose.length - old.length
  const moved: Finding[] = []
  for (const finding of last.findings) {
    if (finding.end.offset <= prefix) moved.push(finding)
    else if (finding.start.offset >= changedEnd) moved.push(shiftFinding(finding, delta, point))
  }

  return moved
}

/** A block-relative finding moved to where the block now starts. */
export function shiftFinding(finding: Finding, start: number, point: (offset: number) => Point): Finding {
  const shifted: Finding = {
    ...finding,
    start: point(finding.start.offset + start),
    end: point(finding.end.offset + start)
  }
  if (finding.related) {
    shifted.related = finding.related.map((place) => ({
      message: place.message,
      start: point(place.start.offset + start),
      end: point(place.end.offset + start)
    }))
  }

  return shifted
}

/** Build the root from the blocks, shifting each block's nodes to where it now is. */
export function assemble(prose: string, blocks: readonly PlacedBlock[], format: InputFormat): Root {
  const children: RootContent[] = []
  // Lines and columns of block starts, counted in one pass over the text.
  let line = 1
  let lineStart = 0
  let counted = 0
  const at = (offset: number): Base => {
    for (let index = counted; index < offset; index++) {
      const code = prose.charCodeAt(index)
      if (code === 10 || (code === 13 && prose.charCodeAt(index + 1) !== 10)) {
        line++
        lineStart = index + 1
      }
    }

    counted = offset
    return {offset, line, column: offset - lineStart + 1}
  }

  let previousEnd = 0
  for (const block of blocks) {
    if (block.start > previousEnd) children.push(format === 'markdown' ? lineEndingNode(prose, previousEnd, block.start, at) : whiteSpaceNode(prose, at(previousEnd), at(block.start)))
    const base = at(block.start)
    if (base.offset !== block.base.offset || base.line !== block.base.line || base.column !== block.base.column) {
      for (const node of block.nodes) shiftNode(node, block.base, base)
      block.base = base
    }

    children.push(...block.nodes)
    previousEnd = block.start + block.text.length
  }

  if (prose.length > previousEnd) children.push(whiteSpaceNode(prose, at(previousEnd), at(prose.length)))
  const root: Root = {type: 'RootNode', children}
  if (children.length > 0) {
    root.position = {start: {...children[0]!.position!.start}, end: {...children.at(-1)!.position!.end}}
  }

  return root
}

/**
 * The white space mdast-util-to-nlcst puts between two blocks: one "\n" per
 * line between the end of the first (before its line break) and the start
 * of the next, at least two, positioned as if it were the text there.
 */
function lineEndingNode(prose: string, from: number, to: number, at: (offset: number) => Base): RootContent {
  const breakAt = from + prose.slice(from, to).search(/\r|\n/)
  const start = at(breakAt)
  const lines = prose.slice(breakAt, to).split(/\r\n|\r|\n/).length - 1
  const value = '\n'.repeat(Math.max(2, lines))
  return {type: 'WhiteSpaceNode', value, position: {start, end: at(breakAt + value.length)}}
}

function whiteSpaceNode(prose: string, start: Base, end: Base): RootContent {
  return {type: 'WhiteSpaceNode', value: prose.slice(start.offset, end.offset), position: {start, end}}
}

type AnyNode = {position?: {start: Base; end: Base}; children?: AnyNode[]}

/** Give every node its own point objects (the parser shares some), so they can be shifted in place. */
export function ownPositions<Node>(node: Node): Node {
  const any = node as AnyNode
  if (any.position) any.position = {start: {...any.position.start}, end: {...any.position.end}}
  if (any.children) for (const child of any.children) ownPositions(child)
  return node
}

export function shiftNode(node: RootContent, from: Base, to: Base): void {
  const offset = to.offset - from.offset
  const line = to.line - from.line
  const column = to.column - from.column
  const shift = (point: Base) => {
    if (point.line === from.line) point.column += column
    point.line += line
    point.offset += offset
  }

  const walk = (any: AnyNode) => {
    if (any.position) {
      shift(any.position.start)
      shift(any.position.end)
    }

    if (any.children) for (const child of any.children) walk(child)
  }

  walk(node as AnyNode)
}
