/**
 * A sentence that weighs an option and then "decides" that same option:
 * "officials considered going ahead with the exercise, due to ongoing
 * tensions, and decided to go ahead." Back-translation leaves this when the
 * weighed option was really its opposite ("considered canceling ... and
 * decided to go ahead"): the decision then says nothing, and the reason given
 * points the other way. Only a bare decision at the end of its clause counts;
 * "considered raising rates and decided to raise them by half a point" adds
 * information and is English.
 */
import type {Root, Sentence} from 'nlcst'
import {defineRule} from '../src/engine/rule.js'

const weigh = String.raw`(?:consider|weigh|debate|contemplate|ponder|mull)(?:s|ed|d|ing)?(?:\s+over)?`
const decide = String.raw`(?:decided|decides|decide|chose|chooses|choose|opted|opts|resolved|agreed|voted)`
/** Particles that belong to the verb ("go ahead", "call off", "push back"). */
const particle = String.raw`(?:\s+(ahead|back|forward|off|on|out|through|up|down))?`

/**
 * weigh-verb + option (a gerund, or "whether to" + verb, or "the option of" + gerund),
 * up to 160 characters of anything but a sentence end, then "and/but (then) decided to" + verb.
 */
const pattern = new RegExp(
  String.raw`\b${weigh}\s+(?:(?:whether|if)\s+to\s+(\w+)|(?:the\s+(?:option|possibility|idea)\s+of\s+)?(\w+ing))${particle}\b` +
    String.raw`[^.!?;]{0,160}?,?\s+(?:and|but)\s+(?:then\s+|finally\s+|eventually\s+|ultimately\s+)?${decide}\s+to\s+(\w+)${particle}` +
    // The decision must end its clause: a complement would make it informative.
    String.raw`(?=\s*(?:[.!?;:,”"’)]|$))`,
  'gi'
)

/** Base forms a gerund may come from: going -> go, canceling -> cancel, cancelling -> cancel, postponing -> postpone. */
export function gerundBases(gerund: string): string[] {
  const stem = gerund.toLowerCase().slice(0, -3)
  const bases = [stem, stem + 'e']
  if (/([bdgklmnprt])\1$/.test(stem)) bases.push(stem.slice(0, -1))
  return bases
}

export default defineRule(
  {
    id: 'self-contradiction',
    category: 'redundancy',
    severity: 'info',
    description:
      'A sentence that weighs an option and then decides the same option ("considered going ahead ... and decided to go ahead"), as back-translation leaves it when the weighed option was really its opposite.',
    examples: {
      bad: [
        {
          text: 'He said officials considered going ahead with the exercise, due to ongoing tensions, and decided to go ahead.',
          findings: [
            {range: '1:19-1:109', actual: 'considered going ahead with the exercise, due to ongoing tensions, and decided to go ahead', message: 'Unexpected decision to `go ahead` after weighing `going ahead` itself, expected the decision to differ from the option weighed (as in `considered canceling ... but decided to go ahead`)', severity: 'info'}
          ]
        },
        {
          text: 'The organizers considered canceling the festival because of the storm but decided to cancel.',
          findings: [
            {range: '1:16-1:92', actual: 'considered canceling the festival because of the storm but decided to cancel', message: 'Unexpected decision to `cancel` after weighing `canceling` itself, expected the decision to differ from the option weighed (as in `considered canceling ... but decided to go ahead`)', severity: 'info'}
          ]
        },
        {
          text: 'The league debated whether to postpone the final and then decided to postpone.',
          findings: [
            {range: '1:12-1:78', actual: 'debated whether to postpone the final and then decided to postpone', message: 'Unexpected decision to `postpone` after weighing `postpone` itself, expected the decision to differ from the option weighed (as in `considered canceling ... but decided to go ahead`)', severity: 'info'}
          ]
        }
      ],
      good: [
        {
          text: 'He said officials considered canceling the exercise due to ongoing tensions, but decided to go ahead.',
          why: 'the weighed option and the decision differ'
        },
        {
          text: 'The central bank considered raising rates by three quarters of a point and decided to raise them by half a point.',
          why: 'the decision adds a detail to the option'
        },
        {
          text: 'The board weighed selling the unit for months. In March it decided to sell.',
          why: 'two sentences: the decision is news'
        },
        {
          text: 'Officials considered going ahead with the vote and decided to wait.',
          why: 'a different decision'
        }
      ]
    }
  },
  ({tree, text, report}) => {
    for (const [start, end] of sentenceRanges(tree)) {
      const sentence = text.slice(start, end)
      pattern.lastIndex = 0
      for (const match of sentence.matchAll(pattern)) {
        const [, whetherVerb, gerund, optionParticle, decidedVerb, decidedParticle] = match
        const options = whetherVerb ? [whetherVerb.toLowerCase()] : gerundBases(gerund!)
        if (!options.includes(decidedVerb!.toLowerCase())) continue
        if ((optionParticle ?? '').toLowerCase() !== (decidedParticle ?? '').toLowerCase()) continue
        const tail = decidedParticle ? ' ' + decidedParticle : ''
        const option = (whetherVerb ?? gerund!) + tail
        report({
          start: start + match.index,
          end: start + match.index + match[0].length,
          message: `Unexpected decision to \`${decidedVerb}${tail}\` after weighing \`${option}\` itself, expected the decision to differ from the option weighed (as in \`considered canceling ... but decided to go ahead\`)`
        })
      }
    }
  }
)

/** Sentence ranges of every paragraph: the contradiction is inside one sentence. */
function sentenceRanges(tree: Root): Array<[number, number]> {
  const ranges: Array<[number, number]> = []
  for (const paragraph of tree.children) {
    if (paragraph.type !== 'ParagraphNode') continue
    for (const sentence of paragraph.children) {
      if (sentence.type !== 'SentenceNode') continue
      const {position} = sentence as Sentence
      if (position) ranges.push([position.start.offset!, position.end.offset!])
    }
  }

  return ranges
}
