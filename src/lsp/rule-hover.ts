/** A rule explained in a hover, as Harper and ltex do: what it finds and examples, from the rule's own metadata (the generated docs use the same). */
import {dimensionOf} from '../engine/dimensions.js'
import {docsBase, type RuleMeta} from '../engine/rule.js'

/** Examples longer than this are cut: a hover is not the rule page. */
const maxExample = 160
const shown = 2

export function ruleExplanation(meta: RuleMeta): string {
  const lines = [
    `**\`${meta.id}\`** · ${meta.category} (MQM ${dimensionOf[meta.category]}) · default ${meta.severity}`,
    '',
    meta.description,
    ''
  ]
  for (const example of meta.examples.bad.slice(0, shown)) {
    lines.push(`- Flagged: \`${inline(example.actual)}\` in “${inline(example.text)}”` + (example.fixed === undefined ? '' : ` → “${inline(example.fixed)}”`))
  }

  for (const example of meta.examples.good.slice(0, shown)) {
    lines.push(`- Not flagged: “${inline(example.text)}”` + (example.why ? ` (${example.why})` : ''))
  }

  lines.push('', `[Rule reference](${docsBase}${meta.id}.md)`)
  return lines.join('\n')
}

function inline(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  return flat.length > maxExample ? flat.slice(0, maxExample - 1) + '…' : flat
}
