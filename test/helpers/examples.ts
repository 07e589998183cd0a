/**
 * The generic example test, for checks of every kind (remark-lint's
 * `@example` blocks): each bad example produces exactly the findings it
 * declares (range, actual, message, severity, fix); applying a finding's fix
 * removes that finding and makes no new one; good examples stay quiet; text
 * examples give the same findings at the same words as `.md` and `.html`.
 */
import {expect, it} from 'vitest'
import type {ExpectedFinding} from '../../src/engine/check.js'
import {applyFixes} from '../../src/engine/fix.js'
import type {ExampleSkip} from '../../src/engine/rule.js'
import type {Finding} from '../../src/engine/types.js'
import {checks} from '../../src/registry.js'
import {asHtml, asMarkdown, declared, rangeOf, unexpectedAfterFix, type Rendered} from '../../measure/lib/examples.js'
import {kindOf, runnable, type AnyCheck} from '../../measure/lib/run-examples.js'

interface AnyBad {
  findings: ExpectedFinding[]
  fixed?: string
  skip?: ExampleSkip
}

const title = (text: string) => text.replace(/\s+/g, ' ').slice(0, 80)

export function exampleTests(check: AnyCheck): void {
  const {id} = check.meta
  const meta = checks.find((each) => each.id === id)!
  const examples = check.meta.examples as {bad: AnyBad[]; good: Array<{skip?: ExampleSkip}>}

  it('has at least two examples that must fire and two that must not', () => {
    expect(examples.bad.length).toBeGreaterThanOrEqual(2)
    expect(examples.good.length).toBeGreaterThanOrEqual(2)
  })

  for (const example of examples.bad) {
    const ready = runnable(check, example)
    it(`fires on: ${title(ready.text)}`, () => {
      const findings = ready.run(ready.text)
      for (const finding of findings) {
        expect(finding.ruleId).toBe(id)
        expect(finding.category).toBe(meta.category)
        expect(finding.url).toBe(meta.url)
        expect(finding.message).toMatch(/^Unexpected .+, expected .+/)
        expect(ready.text.slice(finding.start.offset, finding.end.offset)).toBe(finding.actual)
      }

      expect(findings.map(declared)).toEqual(example.findings)

      if (example.fixed !== undefined) expect(applyFixes(ready.text, [findings[0]!]).text).toBe(example.fixed)
    })

    it(`a fix removes its own finding and adds none: ${title(ready.text)}`, () => {
      const findings = ready.run(ready.text)
      for (const finding of findings) {
        if (finding.expected.length === 0) continue
        const after = ready.run(applyFixes(ready.text, [finding]).text)
        expect(unexpectedAfterFix(findings, finding, after).appeared, `after the fix of ${rangeOf(finding)} \`${finding.actual}\``).toEqual([])
      }
    })

    if (kindOf(check) === 'text') formatTests(ready.text, example.skip, ready.run)
  }

  for (const example of examples.good) {
    const ready = runnable(check, example)
    it(`stays quiet on: ${title(ready.text)}`, () => {
      expect(ready.run(ready.text).map(declared)).toEqual([])
    })
    if (kindOf(check) === 'text') formatTests(ready.text, example.skip, ready.run)
  }

  function formatTests(text: string, skip: ExampleSkip | undefined, run: (text: string, path?: string) => Finding[]): void {
    for (const [format, render] of [['md', asMarkdown], ['html', asHtml]] as const) {
      const reason = skip?.[format]
      const name = `gives the same findings as .${format}: ${title(text)}`
      if (reason !== undefined) {
        it.skip(`${name} (not as .${format}: ${reason})`, () => {})
        continue
      }

      it(name, () => {
        const rendered: Rendered = render(text)
        const moved = run(text).map((finding) => `${finding.ruleId} ${rendered.start(finding.start.offset)}-${rendered.end(finding.end.offset)}: ${finding.message}`)
        const found = run(rendered.text, `example.${format}`).map((finding) => `${finding.ruleId} ${finding.start.offset}-${finding.end.offset}: ${finding.message}`)
        expect(found).toEqual(moved)
      })
    }
  }
}
