/**
 * Write each bad example's current output into its source as `findings`
 * (ExpectedFinding: range, actual, message, severity, fix, safe). Read every
 * message it writes before committing: the point is to pin good output, not
 * whatever the check says today.
 *
 *     node dist/measure/pin-examples.js rules/repeated-word.ts src/compare/number-mismatch.ts ...
 *     node dist/measure/pin-examples.js rules/data/calques.json
 *
 * Only an example's `findings` is rewritten, and only when they changed:
 * everything else in the example (comments before or after any property, its
 * layout, the other properties) is kept byte for byte, so a second run
 * changes nothing. An example without `findings` gets them after its text.
 * A comment inside a `findings` array that changes is lost with the old
 * findings (the run says where).
 *
 * A phrase table's bad examples (rules/data/*.json) are among its rule's
 * examples; each is found by its text.
 */
import {readFileSync, writeFileSync} from 'node:fs'
import {basename, resolve} from 'node:path'
import {fileURLToPath} from 'node:url'
import {isDeepStrictEqual} from 'node:util'
import ts from 'typescript'
import {allRules} from '../rules/index.js'
import {allPairChecks, originalChecks} from '../src/compare/checks.js'
import type {ExpectedFinding} from '../src/engine/check.js'
import {packageRoot} from '../src/version.js'
import {declared} from './lib/examples.js'
import {exampleFindings, type AnyCheck} from './lib/run-examples.js'

function quote(text: string): string {
  const escaped = text.replace(/[\\\n\r\t\u0000-\u001f\u007f-\u009f\u00a0\u00ad\u200b-\u200f\u2028\u2029\u202f\u2060\ufeff\ufffc]/g, (char) => {
    if (char === '\\') return '\\\\'
    if (char === '\n') return '\\n'
    if (char === '\r') return '\\r'
    if (char === '\t') return '\\t'
    return '\\u' + char.charCodeAt(0).toString(16).padStart(4, '0')
  })
  if (escaped.includes("'") && !escaped.includes('"')) return `"${escaped}"`
  return `'${escaped.replace(/'/g, "\\'")}'`
}

function literal(value: unknown): string {
  if (typeof value === 'string') return quote(value)
  if (typeof value !== 'object' || value === null) return String(value)
  return `{${Object.entries(value)
    .map(([key, each]) => `${key}: ${literal(each)}`)
    .join(', ')}}`
}

/** The object literals of the examples' `bad` array in a check's source (an object with `bad` and `good`), in order. */
function badExampleNodes(source: ts.SourceFile): ts.ObjectLiteralExpression[] {
  const found: ts.ObjectLiteralExpression[] = []
  const visit = (node: ts.Node): void => {
    if (ts.isObjectLiteralExpression(node)) {
      const named = (name: string) => node.properties.find((property) => ts.isPropertyAssignment(property) && property.name.getText(source) === name)
      const bad = named('bad')
      if (bad && named('good') && ts.isPropertyAssignment(bad) && ts.isArrayLiteralExpression(bad.initializer)) {
        for (const element of bad.initializer.elements) if (ts.isObjectLiteralExpression(element)) found.push(element)
      }
    }

    ts.forEachChild(node, visit)
  }

  visit(source)
  return found
}

/** Marks a value the source writes as code, not as a plain literal: such findings are always rewritten. */
const notLiteral = Symbol('not a literal')

/** The value of a literal expression (strings, numbers, booleans, arrays and objects of them). */
function literalValue(node: ts.Expression): unknown {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text
  if (ts.isNumericLiteral(node)) return Number(node.text)
  if (node.kind === ts.SyntaxKind.TrueKeyword) return true
  if (node.kind === ts.SyntaxKind.FalseKeyword) return false
  if (ts.isParenthesizedExpression(node)) return literalValue(node.expression)
  if (ts.isArrayLiteralExpression(node)) {
    const values = node.elements.map((element) => literalValue(element))
    return values.includes(notLiteral) ? notLiteral : values
  }

  if (ts.isObjectLiteralExpression(node)) {
    const out: Record<string, unknown> = {}
    for (const property of node.properties) {
      if (!ts.isPropertyAssignment(property) || !(ts.isIdentifier(property.name) || ts.isStringLiteral(property.name))) return notLiteral
      const value = literalValue(property.initializer)
      if (value === notLiteral) return notLiteral
      out[property.name.text] = value
    }

    return out
  }

  return notLiteral
}

/** Whether a comment lies in `[start, end)` of `text` (strings and templates are not mistaken for one). */
function holdsComment(text: string, start: number, end: number): boolean {
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, false, ts.LanguageVariant.Standard, text, undefined, start, end - start)
  for (let token = scanner.scan(); token !== ts.SyntaxKind.EndOfFileToken; token = scanner.scan()) {
    if (token === ts.SyntaxKind.SingleLineCommentTrivia || token === ts.SyntaxKind.MultiLineCommentTrivia) return true
  }

  return false
}

/** The white space that opens the line `offset` is on. */
function lineIndent(text: string, offset: number): string {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1
  return /^[ \t]*/.exec(text.slice(lineStart))![0]
}

/** `[...]` of findings as pin writes them: one per line under `indent`, or on one line where the old array was and only one is left. */
function findingsArray(findings: readonly ExpectedFinding[], indent: string, oneLine: boolean): string {
  if (findings.length === 0) return '[]'
  if (oneLine && findings.length === 1) return `[${literal(findings[0])}]`
  return `[\n${findings.map((finding) => `${indent}  ${literal(finding)}`).join(',\n')}\n${indent}]`
}

interface Edit {
  start: number
  end: number
  insert: string
}

/** Where a property's line goes on after it: past its comma and a comment on the same line. */
function endOfEntry(text: string, property: ts.Node): {end: number; comma: boolean} {
  let end = property.getEnd()
  const comma = /^[ \t]*,/.exec(text.slice(end))
  if (comma) end += comma[0].length
  for (const range of ts.getTrailingCommentRanges(text, end) ?? []) end = range.end
  return {end, comma: Boolean(comma)}
}

/** The edit that pins one example's findings, or undefined when they are already pinned. */
function pinEdit(text: string, source: ts.SourceFile, node: ts.ObjectLiteralExpression, findings: readonly ExpectedFinding[], where: string): Edit | undefined {
  const property = (name: string) => node.properties.find((each) => each.name?.getText(source) === name)
  const declaredFindings = property('findings')
  if (declaredFindings) {
    if (!ts.isPropertyAssignment(declaredFindings)) throw new Error(`${where}: \`findings\` is not written as \`findings: [...]\``)
    const value = declaredFindings.initializer
    if (isDeepStrictEqual(literalValue(value), findings)) return undefined
    const start = value.getStart(source)
    if (holdsComment(text, start, value.getEnd())) console.warn(`${where}: the comments inside its old findings are dropped with them`)
    const oneLine = !text.slice(start, value.getEnd()).includes('\n')
    return {start, end: value.getEnd(), insert: findingsArray(findings, lineIndent(text, start), oneLine)}
  }

  // No findings yet: they go after the example's text.
  const head = property('text') ?? property('target') ?? property('derived')
  if (!head) throw new Error(`${where}: no text, target or derived to put the findings after`)
  const last = node.properties.at(-1) === head
  const ownLine = text.slice(node.getStart(source), head.getStart(source)).includes('\n')
  if (!ownLine) {
    // A one-line example stays on one line (as far as its findings allow).
    const at = head.getEnd()
    return {start: at, end: at, insert: `, findings: ${findingsArray(findings, lineIndent(text, at), true)}`}
  }

  const indent = lineIndent(text, head.getStart(source))
  const entry = endOfEntry(text, head)
  const pinned = `\n${indent}findings: ${findingsArray(findings, indent, false)}`
  if (entry.comma) return {start: entry.end, end: entry.end, insert: pinned + (last ? '' : ',')}
  // The text was the last property: it gets the comma the findings now need.
  return {start: head.getEnd(), end: entry.end, insert: ',' + text.slice(head.getEnd(), entry.end) + pinned}
}

/** The rule whose examples a phrase table holds. */
const tableRules: Record<string, string> = {'calques.json': 'calque', 'term-variants.json': 'term-consistency'}

/**
 * `"text": "...",` then `"actual": "..."` or `"findings": [...]` from an
 * earlier run, on the next line or (a one-line example) after a space.
 */
const tableExample = /("text": "(?:[^"\\]|\\.)*",)(\n *| )(?:"actual": "(?:[^"\\]|\\.)*"|"findings": \[\n[\s\S]*?\2\]|"findings": \[(?:\{.*?\})?\](?=[,}]))/g

function pinTable(path: string): void {
  const rule = allRules.find((each) => each.meta.id === tableRules[basename(path)])
  if (!rule) throw new Error(`${path}: no rule reads this table`)
  const file = resolve(packageRoot, path)
  const text = readFileSync(file, 'utf8')
  const examples = rule.meta.examples.bad
  let index = 0
  const out = text.replace(tableExample, (_, head: string, separator: string) => {
    index++
    const exampleText = JSON.parse(head.slice('"text": '.length, -1)) as string
    const example = examples.find((each) => each.text === exampleText)
    if (!example) throw new Error(`${path}: the rule has no example ${head}`)
    const findings = exampleFindings(rule, example).map((finding) => `{${Object.entries(declared(finding)).map(([key, value]) => `${JSON.stringify(key)}: ${JSON.stringify(value)}`).join(', ')}}`)
    if (separator === ' ') return `${head} "findings": [${findings.join(', ')}]`
    return `${head}${separator}"findings": [${findings.map((finding) => `${separator}  ${finding}`).join(',')}${separator}]`
  })
  if (out !== text) writeFileSync(file, out)
  console.log(`${path}: ${index} examples pinned`)
}

/**
 * Pin the bad examples of `check` in `text`, its source file's contents:
 * the source with each changed example's findings rewritten, and how many
 * examples changed of how many literals.
 */
export function pinSource(text: string, file: string, check: AnyCheck): {text: string; pinned: number; examples: number} {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true)
  const nodes = badExampleNodes(source)
  const examples = check.meta.examples.bad
  // Literals come first; a spread of a table's examples (term-consistency) may follow.
  nodes.forEach((node, index) => {
    const text = node.properties.find((property) => ['text', 'target', 'derived'].includes(property.name?.getText(source) ?? ''))
    const literal = text && ts.isPropertyAssignment(text) && ts.isStringLiteral(text.initializer) ? text.initializer.text : undefined
    const example = examples[index] as {text?: string; target?: string; derived?: string} | undefined
    if (!example || (literal !== undefined && literal !== (example.text ?? example.target ?? example.derived))) {
      throw new Error(`${file}: example literal ${index + 1} is not the check's example ${index + 1}`)
    }
  })
  const edits: Edit[] = []
  nodes.forEach((node, index) => {
    const findings = exampleFindings(check, examples[index]!).map(declared)
    const edit = pinEdit(text, source, node, findings, `${file}: example ${index + 1}`)
    if (edit) edits.push(edit)
  })
  let out = text
  // From the end, so earlier offsets stay valid.
  for (const edit of edits.reverse()) out = out.slice(0, edit.start) + edit.insert + out.slice(edit.end)
  return {text: out, pinned: edits.length, examples: nodes.length}
}

/** Pin a check's source file (rules/ID.ts, src/compare/ID.ts; its name is the check's id) or a phrase table, relative to the package or absolute. */
export function pin(path: string): void {
  if (path.endsWith('.json')) return pinTable(path)
  const id = basename(path, '.ts')
  const check = [...allRules, ...allPairChecks, ...originalChecks].find((each) => each.meta.id === id)
  if (!check) throw new Error(`${path}: no check with the id ${id}`)
  const file = resolve(packageRoot, path)
  const text = readFileSync(file, 'utf8')
  const result = pinSource(text, path, check)
  if (result.text !== text) writeFileSync(file, result.text)
  console.log(`${path}: ${result.examples} examples, ${result.pinned} pinned anew`)
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  for (const path of process.argv.slice(2)) pin(path)
}
