/** Markdown and HTML input: same findings as the text, positions in the original file, nothing from code or URLs. */
import {readFileSync} from 'node:fs'
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {defaultConfig} from '../src/registry.js'
import {lintText} from '../src/engine/lint.js'
import {seedPath} from './helpers/cli.js'

const seed = readFileSync(seedPath, 'utf8')
const ruleIds = (text: string, path = 'a.md') => lintText(text, path, defaultConfig()).findings.map((finding) => finding.ruleId)
/** Artifacts that would fire in prose; inside code or a URL they must not. */
const trap = 'the the days. days. response , fast,, “minor incursion “could 3,5 percent'

function markdownCopyOfSeed(): string {
  // The title becomes a heading (two characters longer); a code block and a link follow the article.
  return `# ${seed.trimEnd()}\n\n\`\`\`text\n${trap}\n\`\`\`\n\nRead [the wire story](https://example.com/${encodeURIComponent(trap)}) or <https://example.com/the-the> and \`${trap}\`.\n`
}

describe('Markdown input', () => {
  it('gives the seed’s findings at the same lines, and nothing inside the code block or URL', () => {
    const config = defaultConfig()
    const asText = lintText(seed, 'seed.txt', config).findings
    const markdown = markdownCopyOfSeed()
    const asMarkdown = lintText(markdown, 'seed.md', config).findings
    const summary = (findings: typeof asText) => findings.map((finding) => `${finding.ruleId} ${finding.start.line} ${finding.actual}`)
    expect(summary(asMarkdown)).toEqual(summary(asText))
    for (const finding of asMarkdown) expect(markdown.slice(finding.start.offset, finding.end.offset)).toBe(finding.actual)
  })

  it('leaves front matter out of the prose', () => {
    const text = '---\ntitle: The the title , here\n---\n\nThe council approved the budget.\n'
    expect(lintText(text, 'a.md', defaultConfig()).findings).toEqual([])
  })
})

describe('words after markup the parser rewrote', () => {
  // The bridges placed words by the length of the parsed value, which an escape, a reference or a quote's `> ` shortens.
  const placed = (text: string, path: string) =>
    lintText(text, path, defaultConfig()).findings.filter((f) => f.ruleId === 'repeated-word').map((f) => [f.actual, f.start.offset])
  const cases = [
    ['a Markdown escape', 'Shares of Johnson \\& Johnson fell after the the report.', 'a.md'],
    ['a block quote’s marker', '> Shares of Johnson and Johnson fell\n> after the the report.', 'a.md'],
    ['HTML character references', '<p>Shares of Johnson &amp; Johnson fell after the the report &#8220;today&#8221;.</p>', 'a.html']
  ] as const
  for (const [after, text, path] of cases) {
    it(`finds them at their place after ${after}`, () => {
      expect(placed(text, path)).toEqual([['the the', text.indexOf('the the')]])
    })
  }
})

describe('HTML input', () => {
  it('lints the text of elements with positions in the HTML file, skipping code, scripts and attributes', () => {
    const html = `<!doctype html><html><body><p title="the the">They met on <b>Friday</b>. Friday.</p><pre><code>${trap}</code></pre><script>var a = "the the";</script></body></html>\n`
    const findings = lintText(html, 'a.html', defaultConfig()).findings
    expect(findings.map((finding) => finding.ruleId)).toEqual(['repeated-word'])
    const [echo] = findings
    expect(html.slice(echo!.start.offset, echo!.end.offset)).toBe('Friday</b>. Friday.')
  })
})

describe('an obsolete inline element of HTML 4 (acronym, tt, font, ...)', () => {
  // DocBook's HTML (the Debian Administrator's Handbook) writes every abbreviation as <acronym> in a <div class="para">.
  it('stays in its sentence in a paragraph HTML infers (div, li, td), as it does in a <p>', () => {
    const sentence = (tag: string) => `the Free Software Foundation (<${tag}>FSF</${tag}>), which`
    for (const block of ['div', 'li', 'td', 'p']) {
      for (const tag of ['acronym', 'tt', 'font', 'big', 'strike']) {
        const html = `<html><body><table><tr><td><${block}>\n\tFor this, Ian Murdock wrote to ${sentence(tag)} answered at once.\n</${block}></td></tr></table></body></html>\n`
        expect(ruleIds(html, 'a.html'), `${block} ${tag}`).toEqual([])
      }
    }
  })
})

describe('any input', () => {
  const pieces = ['[', '[a link](https://example.org/x)', 'x@example.org', 'the the', ' , ', '“', '”', '"', '[[ref]: ', 'https://x.org/a', '`', '```\n', '\n\n', '# ', '- ', '> ', '<b>', '</b>', '<!--', '-->', '[^1]', '![the &amp; *the*](a.png)', 's.append( x )', '|', '*', '’s', 'days. days.', 'Kiev', 'Kyiv', '3,5 percent', ' ', '\n', '\r\n', '\uFEFF', '😀']
  it('never throws, and every finding points at its own text (text, Markdown, HTML)', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), {maxLength: 40}), fc.constantFrom('a.txt', 'a.md', 'a.html'), (parts, path) => {
        const text = parts.join('')
        for (const finding of lintText(text, path, defaultConfig()).findings) {
          expect(text.slice(finding.start.offset, finding.end.offset)).toBe(finding.actual)
        }
      }),
      {numRuns: 300}
    )
  })
})

describe('character references in Markdown and HTML', () => {
  // The ignore README's `Array&lt;Pathname&gt;`: rules read the decoded `<`, not `&lt;`, at the same offsets.
  it('are read as the characters they stand for', () => {
    expect(ruleIds('Returns paths: Array&lt;Pathname&gt; for the caller.\n', 'a.md')).toEqual([])
    expect(ruleIds('<p>Returns paths: Array&lt;Pathname&gt; for the caller.</p>\n', 'a.html')).toEqual([])
    expect(ruleIds('Returns paths: Array&#60;Pathname&#x3E; for the caller.\n', 'a.md')).toEqual([])
  })
})

describe('images in Markdown', () => {
  // The ajv README's badges: two images with the alt text `npm` read as `npm npm`.
  it('a row of them is not a run of prose', () => {
    expect(ruleIds('[![npm](https://img.shields.io/npm/v/x.svg)](https://npmjs.com/x) [![npm](https://img.shields.io/npm/dm/x.svg)](https://npmjs.com/x)\n')).toEqual([])
    expect(ruleIds('![npm](https://img.shields.io/npm/v/x.svg)\n![npm](https://img.shields.io/npm/dm/x.svg)\n')).toEqual([])
  })

  // The bridge read an alt's decoded value from the image's start + 2: after `&amp;` or emphasis its words pointed at other characters ('mp; the').
  it('are not words: their alt text is not read, and they part the words around them', () => {
    expect(ruleIds('See ![the &amp; the the *cat* the the](a.png) now.\n')).toEqual([])
    expect(ruleIds('Click the ![the](a.png) the button, or the ![the][icon] the link.\n\n[icon]: b.png\n')).toEqual([])
    // A link's text is read: `[the module](url) module` renders 'the module module', a true repeat.
    const text = 'Use the ![logo](a.png) Node.js [path module](https://nodejs.org/api/path.html) module.\n'
    expect(lintText(text, 'a.md', defaultConfig()).findings.map((finding) => [finding.ruleId, finding.actual])).toEqual([['repeated-word', 'module](https://nodejs.org/api/path.html) module']])
  })
})

describe('a method call written without backticks', () => {
  // magic-string's API headings (28 tokenizer-spacing findings on its README): code, though not marked as code.
  it('is code in Markdown and HTML, and a spaced parenthesis in prose is still found', () => {
    expect(ruleIds('### s.append( content )\n\n### s.prependLeft ( index, content )\n\nCall s.trim([ charType ]) first.\n')).toEqual([])
    expect(ruleIds('<h3>s.append( content )</h3><p>Call s.trim([ charType ]) first.</p>\n', 'a.html')).toEqual([])
    expect(ruleIds('Call s.append( content ) and Node.js ( the runtime ) next.\n')).toEqual(['tokenizer-spacing', 'tokenizer-spacing'])
  })
})

describe('a link whose text is its address', () => {
  // chai's README: `[chaijs / deep-eql](https://github.com/chaijs/deep-eql)` is a repository's name, not ' / ' between words.
  it('is not prose, with or without spaces around its slashes', () => {
    expect(ruleIds('- [chaijs / deep-eql](https://github.com/chaijs/deep-eql): deep equality.\n- <https://example.org/the-the>\n')).toEqual([])
    expect(ruleIds('Read about [import / export](https://example.org/modules) here.\n')).toEqual(['tokenizer-spacing'])
  })
})

describe('an emoji shortcode in Markdown', () => {
  // GitHub shows `:white_check_mark:` as the emoji: its colons are not punctuation.
  it('is not punctuation, and colons of times, C++ names and words are', () => {
    expect(ruleIds('It is supported :white_check_mark:.\n\nNode 12 :x:, Node 14 :+1:.\n\n:warning: : this is beta.\n')).toEqual([])
    expect(ruleIds('It starts at 10:30:. Then std::vector:: ends.\n')).toEqual(['doubled-punctuation', 'doubled-punctuation'])
  })
})

describe('a no-break space written as a character reference', () => {
  // `&nbsp;` read as the space and four U+FFFC: a symbol between the words around it, so 'the&nbsp;the' was no repeat.
  it('is white space between the words around it, in Markdown and HTML, and no leftover reference', () => {
    const found = (text: string, path: string) => lintText(text, path, defaultConfig()).findings.map((finding) => [finding.ruleId, finding.actual])
    expect(found('It was the&nbsp;the end, and x &nbsp; y.\n', 'a.md')).toEqual([['repeated-word', 'the&nbsp;the']])
    expect(found('<p>It was the&#160;the end, and x &nbsp; y.</p>\n', 'a.html')).toEqual([['repeated-word', 'the&#160;the']])
  })
})
