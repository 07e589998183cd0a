/** A rule explained in a hover, as Harper and ltex do: what it finds and examples, from the rule's own metadata (the generated docs use the same). */
import {dimensionOf} from '../engine/dimensions.js'
import {docsBase, type RuleMeta} from '../engine/rule.js'

/** Characters of an example shown around the flagged text: a hover is not the rule page. */
const around = 70
const maxExample = 200
const shown = 2

export function ruleExplanation(meta: RuleMeta): string {
  const lines = [
    `**\`${meta.id}\`** · ${meta.category} (MQM ${dimensionOf[meta.category]}) · default ${meta.severity}`,
    '',
    meta.description,
    ''
  ]
  for (const example of meta.examples.bad.slice(0, shown)) {
    const first = example.findings?.[0]
    const actual = first?.actual ?? example.actual ?? ''
    const at = Math.max(0, example.text.indexOf(actual))
    const replacement = first ? first.fix : example.fixed === undefined ? undefined : replacementOf(example.text, at, actual, example.fixed)
    const context = excerpt(example.text, at, at + actual.length)
    lines.push(`- Flagged: “${inline(context)}”: \`${inline(actual)}\`` + (replacement === undefined ? '' : replacement === '' ? ', to delete' : ` → \`${inline(replacement)}\``))
  }

  for (const example of meta.examples.good.slice(0, shown)) {
    lines.push(`- Not flagged: “${inline(example.text)}”` + (example.why ? ` (${example.why})` : ''))
  }

  lines.push('', `[Rule reference](${docsBase}${meta.id}.md)`)
  return lines.join('\n')
}

/** `text` from about `around` characters before `start` to as many after `end`, cut at spaces. */
function excerpt(text: string, start: number, end: number): string {
  const from = start > around ? text.indexOf(' ', start - around) + 1 : 0
  const cut = text.lastIndexOf(' ', end + around)
  const to = end + around < text.length && cut > end ? cut : text.length
  return (from > 0 ? '…' : '') + text.slice(from, to) + (to < text.length ? '…' : '')
}

/** What the fix put in place of `actual` (at `at` in `text`), when the fixed text differs only there. */
function replacementOf(text: string, at: number, actual: string, fixed: string): string | undefined {
  const before = text.slice(0, at)
  const after = text.slice(at + actual.length)
  if (!fixed.startsWith(before) || !fixed.endsWith(after) || fixed.length < before.length + after.length) return undefined
  return fixed.slice(before.length, fixed.length - after.length)
}

function inline(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  return flat.length > maxExample ? flat.slice(0, maxExample - 1) + '…' : flat
}
