/**
 * Inline control comments work the same in .txt and .md: the engine blanks
 * them before parsing and drops the findings they switch off.
 */
import {describe, expect, it} from 'vitest'
import {inlineControls, disableComment} from '../src/engine/inline-control.js'
import {lintText} from '../src/engine/lint.js'
import {defaultConfig} from '../src/registry.js'

const echo = 'Any invasion would be delayed for at least a few days. days.'
const ids = (text: string, path = 'a.txt') => lintText(text, path, defaultConfig()).findings.map((finding) => finding.ruleId)

describe('inline control comments', () => {
  it('leaves a text without comments untouched', () => {
    const controls = inlineControls(echo)
    expect(controls.prose).toBe(echo)
    expect(controls.comments).toEqual([])
  })

  it('blanks a comment to spaces of the same length, keeping line breaks', () => {
    const text = 'One.\n<!-- mtlint-disable\nrepeated-word -->\nTwo.'
    const controls = inlineControls(text)
    expect(controls.prose).toHaveLength(text.length)
    expect(controls.prose.split('\n').length).toBe(text.split('\n').length)
    expect(controls.prose).not.toContain('mtlint')
    expect(controls.comments[0]).toMatchObject({kind: 'disable', ids: ['repeated-word'], line: 2, endLine: 3})
  })

  for (const path of ['a.txt', 'a.md']) {
    describe(path, () => {
      it('fires without a comment (the control case)', () => {
        expect(ids(echo, path)).toContain('repeated-word')
      })

      it('disable-next-line silences the named rule on the next line only', () => {
        const text = `${disableComment('disable-next-line', ['repeated-word'])}\n${echo}\n\n${echo}`
        const findings = lintText(text, path, defaultConfig()).findings.filter((finding) => finding.ruleId === 'repeated-word')
        expect(findings).toHaveLength(1)
        expect(findings[0]!.start.line).toBe(4)
      })

      it('disable-line silences the rule on its own line', () => {
        expect(ids(`${echo} ${disableComment('disable-line', ['repeated-word'])}`, path)).not.toContain('repeated-word')
      })

      it('a comment naming another rule changes nothing', () => {
        expect(ids(`${disableComment('disable-next-line', ['term-consistency'])}\n${echo}`, path)).toContain('repeated-word')
      })

      it('disable and enable bracket a region; no ids means every rule', () => {
        const text = `<!-- mtlint-disable -->\n\n${echo}\n\n<!-- mtlint-enable -->\n\n${echo}`
        const findings = lintText(text, path, defaultConfig()).findings.filter((finding) => finding.ruleId === 'repeated-word')
        expect(findings.map((finding) => finding.start.line)).toEqual([7])
      })

      it('disable with ids leaves other rules on', () => {
        const text = `<!-- mtlint-disable term-consistency -->\n\n${echo}`
        expect(ids(text, path)).toContain('repeated-word')
      })
    })
  }

  it('drops findings inside a comment (the comment is not prose)', () => {
    // Unblanked, "disable-next-line ,x" would be a space before a comma.
    const text = `<!-- mtlint-disable-next-line repeated-word , term-consistency -->\nA sentence.`
    expect(lintText(text, 'a.txt', defaultConfig()).findings).toEqual([])
  })

  it('does not count the words of a comment', () => {
    const plain = lintText(echo, 'a.txt', defaultConfig()).words
    expect(lintText(`${echo} <!-- mtlint-disable-line some-rule -->`, 'a.txt', defaultConfig()).words).toBe(plain)
  })

  it('ignores ordinary HTML comments and look-alikes', () => {
    expect(inlineControls('<!-- a note --> <!-- mtlint-disabled x -->').comments).toEqual([])
  })
})
