/**
 * Line endings are not findings: every rule reports the same in the CRLF and
 * the lone-CR copy of a text as in its LF copy (the offsets move, what is
 * found does not). The corpus articles, and texts where a rule looks a few
 * characters past a sentence, where a CR LF is two characters and LF one.
 */
import {readdirSync, readFileSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {lintText} from '../src/engine/lint.js'
import {defaultConfig} from '../src/registry.js'
import {projectRoot} from './helpers/cli.js'

const found = (text: string) =>
  lintText(text, 'a.txt', defaultConfig())
    .findings.map((finding) => `${finding.ruleId}: ${finding.actual.replace(/\r\n?/g, '\n')}`)
    .sort()

const corpus = readdirSync(join(projectRoot, 'corpus'))
  .filter((name) => name.endsWith('.txt'))
  .map((name): [string, string] => [name, readFileSync(join(projectRoot, 'corpus', name), 'utf8').replace(/\r\n?/g, '\n')])

const constructed: Array<[string, string]> = [
  // fragment: a full stop before a digit or a lower-case word (`No. 1`) is read from the next four characters.
  ['a verbless sentence before a paragraph that opens with a figure', 'Rescuers pulled three fishermen from the sea near the harbour on Sunday. A rare piece of good news.\n\n12 boats are still missing, the coast guard said.\n']
]

describe('the same findings whatever the line endings', () => {
  it.each([...corpus, ...constructed])('%s', (_, text) => {
    const lf = found(text)
    expect(found(text.replaceAll('\n', '\r\n'))).toEqual(lf)
    expect(found(text.replaceAll('\n', '\r'))).toEqual(lf)
  })
})
