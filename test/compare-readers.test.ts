/** Readers of aligned input: segments, and target offsets that point into the file. */
import {describe, expect, it} from 'vitest'
import {guessSourceLang} from '../src/compare/language.js'
import {readJsonl} from '../src/compare/read-jsonl.js'
import {readPlainPair} from '../src/compare/read-plain.js'
import {readSegmentFile} from '../src/compare/read.js'
import {readTsv} from '../src/compare/read-tsv.js'
import {readXliff} from '../src/compare/read-xliff.js'
import {AlignError, fileEndOffset, fileOffset, type AlignedFile} from '../src/compare/segment.js'

/** Every target character (placeholders aside) sits at its offset in the file. */
function expectMapped(file: AlignedFile) {
  for (const segment of file.segments) {
    for (let index = 0; index < segment.target.length; index++) {
      const char = segment.target[index]!
      if (char === '\uFFFC') expect(file.text[fileOffset(segment, index)]).toBe('<')
      else if (file.text[fileOffset(segment, index)] !== '&' && file.text[fileOffset(segment, index)] !== '\\') expect(file.text[fileOffset(segment, index)]).toBe(char)
    }
  }
}

describe('readTsv', () => {
  it('reads source<TAB>target per line, skipping blank lines, with the target offset after the tab', () => {
    const text = '你好\tHello\n\n再见\tGoodbye\textra column\n'
    const file = readTsv(text, 'pairs.tsv')
    expect(file.segments.map((segment) => [segment.id, segment.source, segment.target])).toEqual([
      ['line 1', '你好', 'Hello'],
      ['line 3', '再见', 'Goodbye']
    ])
    expect(text.slice(file.segments[1]!.targetStart, file.segments[1]!.targetStart + 7)).toBe('Goodbye')
  })

  it('skips a first line that names the columns, and only the first', () => {
    const file = readTsv('Source\tTarget\tnote\n你好\tHello\nsource\ttarget\n', 'pairs.tsv')
    expect(file.segments.map((segment) => [segment.id, segment.source, segment.target])).toEqual([
      ['line 2', '你好', 'Hello'],
      ['line 3', 'source', 'target']
    ])
  })

  it('rejects a line without a tab, naming the line', () => {
    expect(() => readTsv('a\tb\nno tab here\n', 'pairs.tsv')).toThrow(/pairs.tsv:2: expected source<TAB>target/)
  })
})

describe('readJsonl', () => {
  it('maps target characters through JSON escapes', () => {
    const text = '{"source": "他说", "target": "He said \\"yes\\" \\u00e9t\\u00e9"}\n{"id": "b", "target": "Bye", "source": "再见"}\n'
    const file = readJsonl(text, 'pairs.jsonl')
    expect(file.segments.map((segment) => [segment.id, segment.target])).toEqual([
      ['line 1', 'He said "yes" été'],
      ['b', 'Bye']
    ])
    expectMapped(file)
    const [first] = file.segments
    // "été" spans its escapes in the file.
    const start = fileOffset(first!, 14)
    expect(text.slice(start, fileEndOffset(first!, 17))).toBe('\\u00e9t\\u00e9')
  })

  it('rejects a line that is not a source/target object', () => {
    expect(() => readJsonl('{"source": "a"}\n', 'pairs.jsonl')).toThrow(AlignError)
    expect(() => readJsonl('not json\n', 'pairs.jsonl')).toThrow(/pairs.jsonl:1: invalid JSON/)
  })
})

describe('readXliff 1.2', () => {
  const text = `<?xml version="1.0"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file source-language="zh-CN" target-language="en" datatype="plaintext" original="a.txt">
    <body>
      <trans-unit id="t1">
        <source>点击<x id="1"/>保存</source>
        <target>Click <x id="1"/>Save &amp; <g id="2">close</g></target>
      </trans-unit>
      <trans-unit id="t2"><source>无译文</source></trans-unit>
      <trans-unit id="t3"><source>空</source><target/></trans-unit>
    </body>
  </file>
</xliff>
`
  it('reads trans-units with inline tags as placeholders, skipping units without a target', () => {
    const file = readXliff(text, 'a.xlf')
    expect(file.sourceLang).toBe('zh-CN')
    expect(file.segments.map((segment) => [segment.id, segment.source, segment.target])).toEqual([
      ['t1', '点击\uFFFC保存', 'Click \uFFFCSave & close'],
      ['t3', '空', '']
    ])
    expectMapped(file)
    const [first] = file.segments
    expect(text.slice(fileOffset(first!, 6), fileEndOffset(first!, 7))).toBe('<x id="1"/>')
    expect(text.slice(fileOffset(first!, 12), fileEndOffset(first!, 13))).toBe('&amp;')
  })

  it('keeps offsets through CRLF line endings and CDATA', () => {
    const crlf = '<xliff version="1.2"><file source-language="de"><body>\r\n<trans-unit id="a"><source>Zwei\r\nZeilen</source>\r\n<target>Two\r\nlines <![CDATA[& more]]></target></trans-unit></body></file></xliff>\r\n'
    const [segment] = readXliff(crlf, 'a.xlf').segments
    expect(segment!.target).toBe('Two\nlines & more')
    expect(crlf.slice(fileOffset(segment!, 4), fileEndOffset(segment!, 9))).toBe('lines')
    expect(crlf.slice(fileOffset(segment!, 10), fileEndOffset(segment!, 16))).toBe('& more')
  })

  it('reports malformed XML as a one-line error', () => {
    expect(() => readSegmentFile('<xliff version="1.2"><file>', 'bad.xlf')).toThrow(/bad.xlf: invalid XML/)
  })
})

describe('readPlainPair', () => {
  it('aligns by line when the line counts agree', () => {
    const file = readPlainPair('一\n二\n', 'One\nTwo\n', 'en.txt')
    expect(file.segments.map((segment) => [segment.id, segment.source, segment.target, segment.targetStart])).toEqual([
      ['line 1', '一', 'One', 0],
      ['line 2', '二', 'Two', 4]
    ])
  })

  it('falls back to paragraphs when only the paragraph counts agree', () => {
    const file = readPlainPair('第一段。\n\n第二段。\n', 'First paragraph,\nwrapped.\n\nSecond.\n', 'en.txt')
    expect(file.segments.map((segment) => segment.target)).toEqual(['First paragraph,\nwrapped.', 'Second.'])
    expect(file.segments[1]!.targetStart).toBe(27)
  })

  it('refuses input it cannot align', () => {
    expect(() => readPlainPair('一\n\n二\n\n三\n', 'One\n', 'en.txt')).toThrow(/cannot align/)
  })
})

describe('guessSourceLang', () => {
  it('guesses from the script, ignoring Latin names in a Chinese source', () => {
    expect(guessSourceLang(['苹果公司发布了新款iPhone。'])).toBe('zh')
    expect(guessSourceLang(['東京で会いましょう。'])).toBe('ja')
    expect(guessSourceLang(['Он живёт в Москве.'])).toBe('ru')
    expect(guessSourceLang(['Der Umsatz stieg.'])).toBe('und')
  })
})
