/**
 * One-off codemod, kept for checks added later: write each bad example's
 * current output into its source as `findings` (ExpectedFinding: range,
 * actual, message, severity, fix, safe), replacing the older `actual` and
 * `count`. Read every message it writes before committing: the point is to
 * pin good output, not whatever the check says today.
 *
 *     node dist/measure/pin-examples.js rules/repeated-word.ts src/compare/number-mismatch.ts ...
 *     node dist/measure/pin-examples.js rules/data/calques.json
 *
 * A phrase table's bad examples (rules/data/*.json) are among its rule's
 * examples; each is found by its text.
 */
import {readFileSync, writeFileSync} from 'node:fs'
import {basename, join} from 'node:path'
import ts from 'typescript'
import {allRules} from '../rules/index.js'
import {allPairChecks, originalChecks} from '../src/compare/checks.js'
import {packageRoot} from '../src/version.js'
import {declared} from './lib/examples.js'
import {exampleFindings} from './lib/run-examples.js'

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
  const file = join(packageRoot, path)
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
  writeFileSync(file, out)
  console.log(`${path}: ${index} examples pinned`)
}

function pin(path: string): void {
  if (path.endsWith('.json')) return pinTable(path)
  const id = basename(path, '.ts')
  const check = [...allRules, ...allPairChecks, ...originalChecks].find((each) => each.meta.id === id)
  if (!check) throw new Error(`${path}: no check with the id ${id}`)
  const file = join(packageRoot, path)
  const text = readFileSync(file, 'utf8')
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true)
  const nodes = badExampleNodes(source)
  const examples = check.meta.examples.bad
  // Literals come first; a spread of a table's examples (term-consistency) may follow.
  nodes.forEach((node, index) => {
    const text = node.properties.find((property) => ['text', 'target', 'derived'].includes(property.name?.getText(source) ?? ''))
    const literal = text && ts.isPropertyAssignment(text) && ts.isStringLiteral(text.initializer) ? text.initializer.text : undefined
    const example = examples[index] as {text?: string; target?: string; derived?: string} | undefined
    if (!example || (literal !== undefined && literal !== (example.text ?? example.target ?? example.derived))) {
      throw new Error(`${path}: example literal ${index + 1} is not the check's example ${index + 1}`)
    }
  })
  let out = text
  // From the end, so earlier offsets stay valid.
  for (let index = nodes.length - 1; index >= 0; index--) {
    const node = nodes[index]!
    const findings = exampleFindings(check, examples[index]!).map(declared)
    const indent = ' '.repeat(source.getLineAndCharacterOfPosition(node.getStart(source)).character)
    const properties: string[] = []
    for (const property of node.properties) {
      const name = property.name?.getText(source)
      if (name === 'actual' || name === 'count' || name === 'findings') continue
      properties.push(property.getText(source))
      if (name === 'text' || name === 'target' || name === 'derived') {
        properties.push(`findings: [\n${findings.map((finding) => `${indent}    ${literal(finding)}`).join(',\n')}\n${indent}  ]`)
      }
    }

    const replacement = `{\n${properties.map((property) => `${indent}  ${property.replace(/\n/g, '\n')}`).join(',\n')}\n${indent}}`
    out = out.slice(0, node.getStart(source)) + replacement + out.slice(node.getEnd())
  }

  writeFileSync(file, out)
  console.log(`${path}: ${nodes.length} examples pinned`)
}

for (const path of process.argv.slice(2)) pin(path)
