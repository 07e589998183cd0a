/** html-entity: a reference in plain text is reported; in Markdown and HTML only one split by a space, which no parser decodes. */
import {beforeAll, describe, expect, it} from 'vitest'
import {onlyRule} from '../src/registry.js'
import {lintText} from '../src/engine/lint.js'
import {loadMarkupParsers} from '../src/engine/parse.js'

const config = onlyRule('html-entity')
const found = (text: string, path: string) => lintText(text, path, config).findings.map((finding) => [finding.actual, finding.expected[0]])

describe('html-entity', () => {
  beforeAll(loadMarkupParsers)

  it('reports references in plain text, a tokenized one too, and joins a split possessive', () => {
    expect(found('Politics &amp; Society, 1+1&gt;2 and China & apos; s teams & quot ;', 'a.txt')).toEqual([
      ['&amp;', '&'],
      ['&gt;', '>'],
      [' & apos; s', "'s"],
      ['& quot ;', '"']
    ])
  })

  it('leaves the references Markdown and HTML decode alone', () => {
    expect(found('Politics &amp; Society and 1+1&gt;2.', 'a.md')).toEqual([])
    expect(found('<p>Politics &amp; Society and &#8220;quoted&#8221;.</p>', 'a.html')).toEqual([])
    expect(found('China & apos; s teams.', 'a.md')).toEqual([[' & apos; s', "'s"]])
  })

  it('leaves ampersands that start no reference alone', () => {
    expect(found('AT&T, R&D; and Q&A; sessions.', 'a.txt')).toEqual([])
  })
})
