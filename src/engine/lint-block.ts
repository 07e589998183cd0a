/**
 * One block (or a run of blocks) parsed and checked on its own, as the
 * editor's incremental lint (incremental.ts) and the windowed lint of long
 * texts (windows.ts) both do: its nodes, prose view and findings counted from
 * the block's start, as they are in the whole text.
 */
import type {Root, RootContent} from 'nlcst'
import {VFile} from 'vfile'
import {countWords} from './findings.js'
import {parseDocument, type InputFormat} from './parse.js'
import type {AnyProcessor} from './processors.js'
import {findingsOf, setContinues, setProse} from './rule.js'
import {ownPositions, shiftNode, type Base} from './shift.js'
import type {Finding} from './types.js'

/**
 * Parse one block (or a run of blocks) on its own and run the
 * paragraph-scope rules on it: nodes, prose view and findings counted from
 * the block's start, as they are in the whole text.
 */
export function lintBlock(
  text: string,
  first: boolean,
  path: string,
  format: InputFormat,
  processor: AnyProcessor
): {prose: string; nodes: RootContent[]; findings: Finding[]; words: number; tree: Root} {
  // Blocks after the first are parsed behind a guard sentence: in the whole
  // text they always follow some sentence, and paragraph plugins of the
  // parser (merging a sentence without words, or one that starts in lower
  // case, into the one before, then splitting again at the blank line)
  // behave differently at the very start of a text.
  const head = first ? '' : guard
  // Plain text is parsed with the guard before the origin, so the block's nodes come out counted from its start.
  const origin = first || format !== 'text' ? undefined : guardOrigin
  const {tree: parsed, prose} = parseDocument(new VFile({value: head + text, path}), format, origin)
  let nodes = parsed.children.slice(first ? 0 : guardNodes)
  if (!first && !origin) {
    nodes = nodes.map((node) => ownPositions(node))
    for (const node of nodes) shiftNode(node, guardBase, {offset: 0, line: 1, column: 1})
  }

  const tree: Root = {type: 'RootNode', children: nodes}
  const file = new VFile({value: text, path})
  setProse(file, prose.slice(head.length))
  if (!first) setContinues(file)
  processor.runSync(tree, file)
  return {
    prose: prose.slice(head.length),
    nodes,
    findings: findingsOf(file),
    words: countWords(tree),
    // The root the rules ran on, whose shared views (tokens, sentences) are cached for it.
    tree
  }
}

/** A neutral sentence and a blank line put before each block when it is parsed (see `parseBlock`). */
const guard = 'Guard.\n\n'
const guardBase: Base = {offset: guard.length, line: 3, column: 1}
/** Where the guard starts when the block after it is to start at offset 0, line 1. */
const guardOrigin: Base = {offset: -guard.length, line: -1, column: 1}
/** The guard's paragraph and the blank line after it. */
const guardNodes = 2
