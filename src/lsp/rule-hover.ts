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
    const first = example.findings[0]
    const actual = first?.actual ?? ''
    const at = Math.max(0, example.text.indexOf(actual))
    const replacement = first?.fix
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

function inline(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  return flat.length > maxExample ? flat.slice(0, maxExample - 1) + '…' : flat
}
