/**
 * An XLIFF 2.0 file and a TMX file written with known defects: exactly those
 * findings, at the right segment and offset in the file.
 */
import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {compareAligned} from '../src/compare/compare.js'
import {readSegmentFile} from '../src/compare/read.js'
import {projectRoot} from './helpers/cli.js'

const fixtures = join(projectRoot, 'test', 'fixtures', 'compare')

function findingsOf(name: string) {
  const text = readFileSync(join(fixtures, name), 'utf8')
  const {result, sourceLang} = compareAligned(readSegmentFile(text, name))
  const rows = result.findings.map((finding) => ({
    rule: finding.ruleId,
    dimension: finding.dimension,
    segment: /\(segment ([^)]+)\)$/.exec(finding.message)?.[1],
    actual: finding.actual,
    offset: finding.start.offset
  }))
  // Offsets point at the flagged text in the file itself.
  for (const finding of result.findings) expect(text.slice(finding.start.offset, finding.end.offset)).toBe(finding.actual)
  return {rows, sourceLang, text}
}

describe('defects.xlf (XLIFF 2.0, zh-CN -> en)', () => {
  it('gives exactly the planted findings', () => {
    const {rows, sourceLang, text} = findingsOf('defects.xlf')
    expect(sourceLang).toBe('zh-CN')
    expect(rows).toEqual([
      {rule: 'number-mismatch', dimension: 'Accuracy/Mistranslation', segment: 'u1/s1', actual: '16', offset: text.indexOf('16%')},
      {
        rule: 'entity-missing',
        dimension: 'Accuracy/Omission',
        segment: 'u2/s1',
        actual: 'Visit <ph id="1"/>our website for details &amp; help.',
        offset: text.indexOf('Visit <ph')
      },
      {rule: 'untranslated', dimension: 'Accuracy/Untranslated', segment: 'u3/s1', actual: '北京', offset: text.indexOf('北京</pc>?</target>')}
    ])
  })
})

describe('defects.tmx (TMX 1.4, de -> en)', () => {
  it('gives exactly the planted findings', () => {
    const {rows, sourceLang, text} = findingsOf('defects.tmx')
    expect(sourceLang).toBe('de')
    expect(rows).toEqual([
      {rule: 'punctuation-parity', dimension: 'Fluency/Punctuation', segment: '2', actual: '.', offset: text.indexOf('</ept>.</seg>') + '</ept>'.length},
      {rule: 'entity-missing', dimension: 'Accuracy/Omission', segment: '3', actual: 'Please write to our support team.', offset: text.indexOf('Please write')},
      {rule: 'segment-consistency', dimension: 'Terminology/Inconsistent use', segment: '5', actual: 'Store the document', offset: text.indexOf('Store the document')}
    ])
  })
})
