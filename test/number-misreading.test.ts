/**
 * number-mismatch reports the numbers of a segment that share one misreading
 * of the source's scale as one finding with several ranges, and every
 * reporter carries those ranges. The segments are real: WMT23 refA, and
 * newstest2020 MT (DeepMind, Huoshan) and WMT23 MT (ZengHuiMT).
 */
import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import ajvDraft04 from 'ajv-draft-04'
import {Ajv} from 'ajv'
import {TextDocument} from 'vscode-languageserver-textdocument'
import {describe, expect, it} from 'vitest'
import {compareAligned} from '../src/compare/compare.js'
import {numbersCheck} from '../src/compare/number-mismatch.js'
import {applyFixes} from '../src/engine/fix.js'
import {numberMissingCheck} from '../src/compare/number-missing.js'
import {readPlainPair} from '../src/compare/read-plain.js'
import {toDiagnostic} from '../src/lsp/diagnostics.js'
import {formatJson} from '../src/reporters/json.js'
import {formatPretty} from '../src/reporters/pretty.js'
import {formatSarif} from '../src/reporters/sarif.js'
import {stylesFor} from '../src/reporters/colors.js'
import type {LintRun} from '../src/engine/run.js'
import type {FileResult} from '../src/engine/types.js'
import reportSchema from '../schemas/report.schema.json' with {type: 'json'}
import {projectRoot} from './helpers/cli.js'

// CommonJS: Node's default import is module.exports, the class itself, which its types see as the module; both carry the class as `default`.
const Ajv4 = ajvDraft04.default

// refA of WMT23, international_times-zh.9293 segment 940: 亿 read as billion three times (10x), and 18.9亿 as 189 billion (100x).
const source = '2022年1月至9月，新加坡旅游收入共计89.6亿新元，预计2022年全年旅游收入可达138亿至143亿新元，比2021年的18.9亿新元增长6倍至7倍，已经恢复到2019年新冠疫情前约50%至52%的水平。'
const target =
  "From January to September 2022, Singapore's tourism revenue totaled 89.6 billion Singapore dollars, and is expected that the annual tourism revenue in 2022 will reach 138 billion to 143 billion Singapore dollars, an increase of 6 to 7 times compared with 189 billion Singapore dollars in 2021. Return to the level of about 50% to 52% before the new crown epidemic in 2019."

const compared = (sources: string, targets: string) => compareAligned(readPlainPair(sources, targets, 'target.txt'), {checks: [numbersCheck, numberMissingCheck], sourceLang: 'zh'}).result
const runOf = (result: FileResult): LintRun => ({files: [{result, text: target, config: {} as never, policy: {} as never, verdict: {passed: false, reasons: []}}], errors: [], checks: [{...numbersCheck.meta, url: numbersCheck.url, kind: 'compare'} as never]})

describe('number-mismatch: one finding per misreading', () => {
  const result = compared(source, target)
  const [grouped, single] = result.findings

  it('groups the numbers off by one factor and keeps another factor apart', () => {
    expect(result.findings.map((finding) => [finding.actual, (finding.related ?? []).map((place) => target.slice(place.start.offset, place.end.offset))])).toEqual([
      ['89.6 billion', ['138 billion', '143 billion']],
      ['189 billion', []]
    ])
    expect(grouped!.message).toBe(
      "Unexpected `89.6 billion`, `138 billion`, `143 billion`, expected `8.96 billion`, `13.8 billion`, `14.3 billion`: each 10 times the source's `89.6亿`, `138亿`, `143亿` (segment line 1)"
    )
    expect(grouped!.related!.map((place) => place.message)).toEqual([
      "`138 billion` is 10 times the source's `138亿` too, expected `13.8 billion`",
      "`143 billion` is 10 times the source's `143亿` too, expected `14.3 billion`"
    ])
    // One replacement fixes one place: the first, whose source number nothing else could be (never safe: --fix leaves it).
    expect(grouped!.expected).toEqual(['8.96 billion'])
    expect(grouped!.safe).toBe(false)
    // The single finding now names only the number the group leaves, and its fix in the target's own words.
    expect(single!.message).toBe("Unexpected number `189 billion`, expected `1.89 billion`: 100 times the source's `18.9亿` (segment line 1)")
    expect(single!.expected).toEqual(['1.89 billion'])
  })

  it('counts once in the compare score, like the findings it replaces', () => {
    // Default weights: major 5, one number-mismatch per segment.
    expect(result.penalty).toBe(Math.round(((1000 * 5) / result.words) * 100) / 100)
    const twice = compared(`${source}\n${source}`, `${target}\n${target}`)
    expect(twice.findings).toHaveLength(4)
    expect(twice.penalty).toBe(Math.round(((1000 * 10) / twice.words) * 100) / 100)
  })

  it('carries every range into JSON, SARIF, pretty and LSP diagnostics', () => {
    const json = JSON.parse(formatJson(runOf(result))) as {files: Array<{findings: FileResult['findings']}>}
    expect(new Ajv({strict: false}).compile(reportSchema)(json)).toBe(true)
    expect(json.files[0]!.findings[0]!.related!.map((place) => [place.start.offset, place.end.offset])).toEqual(grouped!.related!.map((place) => [place.start.offset, place.end.offset]))

    const sarif = JSON.parse(formatSarif(runOf(result))) as {runs: Array<{results: Array<{relatedLocations?: Array<{message: {text: string}; physicalLocation: {region: {charOffset: number; charLength: number}}}>}>}>}
    const schema = JSON.parse(readFileSync(join(projectRoot, 'test', 'fixtures', 'sarif-schema-2.1.0.json'), 'utf8')) as object
    const validate = new Ajv4({strict: false, validateFormats: false}).compile(schema)
    expect(validate(sarif), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true)
    const [first, second] = sarif.runs[0]!.results
    expect(first!.relatedLocations!.map(({physicalLocation: {region}}) => target.slice(region.charOffset, region.charOffset + region.charLength))).toEqual(['138 billion', '143 billion'])
    expect(first!.relatedLocations![0]!.message.text).toContain('13.8 billion')
    expect(second!.relatedLocations).toBeUndefined()

    const pretty = formatPretty(runOf(result), stylesFor({isTTY: false}), undefined).split('\n')
    const column = (text: string) => target.indexOf(text) + 1
    expect(pretty.slice(1, 5).map((line) => line.replace(/\s+/g, ' ').trim().split(' ').slice(0, 2).join(' '))).toEqual([
      `target.txt:1:${column('89.6 billion')} major`,
      `target.txt:1:${column('138 billion')} \`138`,
      `target.txt:1:${column('143 billion')} \`143`,
      `target.txt:1:${column('189 billion')} major`
    ])

    // Too narrow for columns: each place starts its own lines under the message.
    const narrow = formatPretty(runOf(result), stylesFor({isTTY: false}), 40).split('\n')
    expect(narrow.filter((line) => /^ {4}target\.txt:1:\d+ `1(?:38|43) billion` is/.test(line))).toHaveLength(2)
    expect(narrow.slice(0, narrow.findIndex((line) => line.startsWith('  score'))).every((line) => line.length <= 40)).toBe(true)

    const document = TextDocument.create('file:///target.txt', 'plaintext', 1, target)
    const diagnostic = toDiagnostic(grouped!, document)
    expect(diagnostic.relatedInformation!.map((info) => document.getText(info.location.range))).toEqual(['138 billion', '143 billion'])
    expect(document.getText(diagnostic.range)).toBe('89.6 billion')
  })
})

describe("number-mismatch: a misreading's fix", () => {
  it("fixes one place at a time until every number is the source's", () => {
    let text = target
    const applied: string[] = []
    for (let pass = 0; pass < 10; pass++) {
      const [finding] = compared(source, text).findings.filter((each) => each.expected.length > 0)
      if (!finding) break
      expect(finding.safe).toBe(false)
      applied.push(`${finding.actual} -> ${finding.expected[0]}`)
      text = applyFixes(text, [finding]).text
    }

    // The group of three, then the group of two it leaves, then the one left alone; 189 billion is a cause of its own.
    expect(applied).toEqual(['89.6 billion -> 8.96 billion', '138 billion -> 13.8 billion', '143 billion -> 14.3 billion', '189 billion -> 1.89 billion'])
    expect(compared(source, text).findings).toEqual([])
  })

  it('offers none where the first number may be a misreading of two source numbers', () => {
    // Written for the test (the data hold no such group): 50 billion is 100 times 5亿 or 10 times 50亿.
    const [finding] = compared('5亿和50亿', '50 billion and 500 billion').findings
    expect(finding!.message).toBe("Unexpected `50 billion`, `500 billion`, expected `500 million`, `5 billion`: each 100 times the source's `5亿`, `50亿` (segment line 1)")
    expect(finding!.expected).toEqual([])
  })
})

describe('number-mismatch: numbers regrouped', () => {
  const findingsOf = (sources: string, targets: string) => compared(sources, targets).findings.map((finding) => finding.actual)

  it('takes a telephone number in digit groups as the source number', () => {
    // newstest2020 chinese.macao.1070 segment 678, DeepMind (unmarked by the raters) and Huoshan (marked as telephone format, not a number error).
    expect(findingsOf('如有垂询，可致电85993119与理工校友会联络。', 'For inquiries, please contact the Polytechnic Alumni Association at 8599 3119.')).toEqual([])
    expect(findingsOf('如有垂询，可致电85993119与理工校友会联络。', 'For enquiries, please contact the Polytechnic Alumni Association at 859 93119.')).toEqual([])
  })

  it('takes national and international notation (hyphens, an area code, spaces) either way', () => {
    // The notations of E.123; the data hold no such pair, so these are written for the test.
    expect(findingsOf('详情请致电0571-88881234。', 'For details call 0571-8888 1234.')).toEqual([])
    expect(findingsOf('详情请致电0571-8888 1234。', 'For details call 0571-88881234.')).toEqual([])
    expect(findingsOf('详情请致电+86-10-65123456。', 'For details call +86 10 6512 3456.')).toEqual([])
    expect(findingsOf('详情请致电(010)65123456。', 'For details call (010) 6512 3456.')).toEqual([])
    expect(findingsOf('详情请致电0571-88881234。', 'For details call 0571-8888 1243.')).toEqual(['8888', '1243'])
  })

  it('still flags other digits, and a date glued to a time', () => {
    expect(findingsOf('如有垂询，可致电85993119与理工校友会联络。', 'For inquiries, please contact the Polytechnic Alumni Association at 8599 3118.')).toEqual(['8599', '3118'])
    // WMT23 ZengHuiMT, hunan_ribao-zh.11306 segment 902: the day and the hour run together.
    expect(findingsOf('2023-02-11 13:09:10 [来源:新华社]', '2023-02-1113:09:10 [Source: Xinhua News Agency]')).toEqual(['1113'])
  })

  it('keeps a list of two numbers written as one (211,985): raters mark it in every system', () => {
    // newstest2020 chubun-zh.1095 segment 1219, seven systems, each marked major by two or three raters.
    expect(findingsOf('需要在国内本科学习一学期（211，985大学）或三学期。', 'Need to study for one semester (211,985 universities) or three semesters.')).toEqual(['211,985'])
  })
})
