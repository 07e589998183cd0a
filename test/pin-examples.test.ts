/**
 * measure/pin-examples.ts rewrites a check's examples with their findings:
 * on a fixture source in a temporary folder (never on the rules themselves),
 * the comments written around an example's properties must survive a pin,
 * and pinning a pinned file must change nothing.
 */
import {copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import ts from 'typescript'
import {afterEach, beforeEach, describe, expect, it, vi} from 'vitest'
import {allRules} from '../rules/index.js'
import {declared} from '../measure/lib/examples.js'
import {exampleFindings} from '../measure/lib/run-examples.js'
import {pin} from '../measure/pin-examples.js'

const rule = allRules.find((each) => each.meta.id === 'repeated-word')!
const [first, second] = rule.meta.examples.bad
const q = (value: string) => JSON.stringify(value)

/** A rule source as a developer leaves it: stale or missing findings, comments in every place an example may hold one. */
const fixture = `import {defineRule} from '../src/engine/rule.js'

export default defineRule(
  {
    id: 'repeated-word',
    examples: {
      bad: [
        // before the example
        { // on the line of its brace
          // a line comment before the text
          /* a block comment before the text */
          text: ${q(first!.text)}, // after the text
          findings: [
            // inside the stale findings
            {range: '1:1-1:2', actual: 'x', message: 'stale', severity: 'minor'}
          ],
          fixed: ${q(first!.fixed!)} // after the last property
          // before the closing brace
        }, // after the example
        {
          // the source of the second example
          text: ${q(second!.text)}, // after the second text
          fixed: ${q(second!.fixed!)}
        }
      ],
      good: []
    }
  },
  () => {}
)
`

const comments = [
  '// before the example',
  '// on the line of its brace',
  '// a line comment before the text',
  '/* a block comment before the text */',
  '// after the text',
  '// after the last property',
  '// before the closing brace',
  '// after the example',
  '// the source of the second example',
  '// after the second text'
]

/** The findings array of each bad example literal, evaluated. */
function pinnedFindings(source: string): unknown[] {
  const output = ts.transpileModule(source, {reportDiagnostics: true, compilerOptions: {module: ts.ModuleKind.ESNext}})
  expect(output.diagnostics ?? []).toEqual([])
  const file = ts.createSourceFile('fixture.ts', source, ts.ScriptTarget.Latest, true)
  const found: unknown[] = []
  const visit = (node: ts.Node): void => {
    if (ts.isPropertyAssignment(node) && node.name.getText(file) === 'findings') found.push(new Function(`return ${node.initializer.getText(file)}`)())
    ts.forEachChild(node, visit)
  }

  visit(file)
  return found
}

describe('pin-examples', () => {
  let dir: string
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'mtlint-pin-'))
    vi.spyOn(console, 'log').mockImplementation(() => {})
    vi.spyOn(console, 'warn').mockImplementation(() => {})
  })
  afterEach(() => {
    vi.restoreAllMocks()
    rmSync(dir, {recursive: true, force: true})
  })

  it('keeps every comment of the examples it rewrites, and a second pin changes nothing', () => {
    const file = join(dir, 'repeated-word.ts')
    writeFileSync(file, fixture)
    pin(file)
    const once = readFileSync(file, 'utf8')
    for (const comment of comments) expect(once.split(comment).length - 1, comment).toBe(1)
    expect(once).not.toContain('stale')
    expect(pinnedFindings(once)).toEqual([exampleFindings(rule, first!).map(declared), exampleFindings(rule, second!).map(declared)])
    expect(console.warn).toHaveBeenCalledWith(expect.stringContaining('example 1: the comments inside its old findings are dropped'))

    pin(file)
    expect(readFileSync(file, 'utf8')).toBe(once)
  })

  it('leaves a pinned rule file byte for byte, comments and one-line findings included', () => {
    // Copies: the rules' own files are never written by a test. These hold comments in their examples.
    for (const id of ['foreign-script', 'fullwidth-punctuation', 'guillemets']) {
      const file = join(dir, `${id}.ts`)
      copyFileSync(new URL(`../rules/${id}.ts`, import.meta.url), file)
      const before = readFileSync(file, 'utf8')
      pin(file)
      expect(readFileSync(file, 'utf8') === before, id).toBe(true)
    }
  })
})
