/**
 * guillemets pairs marks within a line of a paragraph, so its findings do not
 * depend on how the text reaches it: linted whole, block by block (the
 * editor's incremental lint) or paragraph by paragraph. Before, a line ran to
 * the next LF only: a CR-only file, or HTML paragraphs on one source line,
 * read as one line, and a « left open in one paragraph turned the next
 * paragraph's opening « into a closing ” (and its » went unreported).
 */
import {describe, expect, it} from 'vitest'
import {IncrementalLinter} from '../src/engine/incremental.js'
import {lintText} from '../src/engine/lint.js'
import {onlyRule} from '../src/registry.js'

const config = onlyRule('guillemets')
const found = (text: string, path: string) => lintText(text, path, config).findings.map((finding) => `${finding.actual.trim()} ${finding.message}`)

// The first paragraph's quotation is never closed (the MT output lost its »).
const first = 'Putin called the sanctions «economic war and vowed to respond.'
const second = 'Macron said the talks were «difficult» on Friday.'
const alone = [...found(first, 'a.txt'), ...found(second, 'a.txt')]

describe('guillemets on unbalanced marks, whole or split', () => {
  it('finds in each paragraph what it finds in that paragraph alone', () => {
    expect(alone).toEqual(['« Unexpected `«`, expected `“`', '» Unexpected `»`, expected `”`'])
    for (const breaks of ['\n\n', '\r\n\r\n', '\r\r', '\u2029']) {
      const text = first + breaks + second
      expect(found(text, 'a.txt'), JSON.stringify(breaks)).toEqual(alone)
      expect(new IncrementalLinter(config, 'a.txt').lint(text).findings.map((finding) => `${finding.actual.trim()} ${finding.message}`), JSON.stringify(breaks)).toEqual(alone)
    }
  })

  it('keeps HTML paragraphs apart when they share a source line', () => {
    expect(found(`<p>${first}</p><p>${second}</p>`, 'a.html')).toEqual(alone)
    expect(found(`<p>${first}</p>\n<p>${second}</p>`, 'a.html')).toEqual(alone)
  })
})
