/** Code actions without a server: the edits they make and what the engine then finds. */
import {TextDocument} from 'vscode-languageserver-textdocument'
import {describe, expect, it} from 'vitest'
import {lintText} from '../src/engine/lint.js'
import {defaultConfig} from '../src/registry.js'
import {codeActions} from '../src/lsp/code-actions.js'

function act(text: string, title: RegExp, line = 0) {
  const document = TextDocument.create('file:///a.txt', 'plaintext', 1, text)
  const findings = lintText(text, 'a.txt', defaultConfig()).findings
  const range = {start: {line, character: 0}, end: {line, character: 200}}
  const action = codeActions(document, findings, range).find((each) => title.test(each.title))
  expect(action, codeActions(document, findings, range).map((each) => each.title).join(' | ')).toBeDefined()
  return TextDocument.applyEdits(document, action!.edit!.changes!['file:///a.txt']!)
}

const ruleIds = (text: string) => lintText(text, 'a.txt', defaultConfig()).findings.map((finding) => finding.ruleId)

describe('ignore this rule on this line', () => {
  it('puts disable-next-line above a line that starts a paragraph', () => {
    const fixed = act('The ministers said the the talks would continue.', /^Ignore repeated-word/)
    expect(fixed).toBe('<!-- mtlint-disable-next-line repeated-word -->\nThe ministers said the the talks would continue.')
    expect(ruleIds(fixed)).not.toContain('repeated-word')
  })

  it('appends disable-line to a line inside a paragraph, which a comment line would split', () => {
    const text = 'Officials met in Geneva on Friday\nand said the the talks would continue.'
    const fixed = act(text, /^Ignore repeated-word/, 1)
    expect(fixed).toBe(text + ' <!-- mtlint-disable-line repeated-word -->')
    expect(ruleIds(fixed)).not.toContain('repeated-word')
  })

  it('adds the rule to an existing comment instead of stacking a second one', () => {
    const text = '<!-- mtlint-disable-next-line term-consistency -->\nThe ministers said the the talks would continue.'
    expect(act(text, /^Ignore repeated-word/, 1)).toBe(
      '<!-- mtlint-disable-next-line term-consistency repeated-word -->\nThe ministers said the the talks would continue.'
    )
  })

  it('keeps the line endings of a CRLF or CR document in the comment line it adds', () => {
    for (const eol of ['\r\n', '\r']) {
      const text = `Line one.${eol}${eol}The ministers said the the talks would continue.${eol}`
      const fixed = act(text, /^Ignore repeated-word/, 2)
      expect(fixed).toBe(`Line one.${eol}${eol}<!-- mtlint-disable-next-line repeated-word -->${eol}The ministers said the the talks would continue.${eol}`)
      expect(ruleIds(fixed)).not.toContain('repeated-word')
    }
  })

  it('offers one "Ignore" for a range over several findings of the rule on one line', () => {
    const text = 'Officials said the the talks would go on and and on.'
    const document = TextDocument.create('file:///a.txt', 'plaintext', 1, text)
    const findings = lintText(text, 'a.txt', defaultConfig()).findings
    expect(findings.map((finding) => finding.actual)).toEqual(['the the', 'and and'])
    const actions = codeActions(document, findings, {start: {line: 0, character: 0}, end: {line: 0, character: text.length}}, ['quickfix'])
    expect(actions.map((action) => action.title)).toEqual(['Replace `the the` with `the`', 'Ignore repeated-word on this line', 'Replace `and and` with `and`'])
    expect(actions[1]!.diagnostics!.map((diagnostic) => diagnostic.range.start.character)).toEqual([15, 41])
  })
})

describe('quick fixes', () => {
  it('offers every expected, preferred only when it is the only one', () => {
    const text = 'It is a question of power. Power.'
    const document = TextDocument.create('file:///a.txt', 'plaintext', 1, text)
    const actions = codeActions(document, lintText(text, 'a.txt', defaultConfig()).findings, {start: {line: 0, character: 22}, end: {line: 0, character: 22}}, ['quickfix'])
    const fix = actions.find((action) => action.title.startsWith('Replace'))!
    expect(fix.title).toBe('Replace `power. Power.` with `power.`')
    expect(fix.isPreferred).toBe(true)
    expect(actions.every((action) => action.kind === 'quickfix')).toBe(true)
  })
})
