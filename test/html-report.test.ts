/** The HTML report: markup checks in Node, then the seed article's page in headless Chromium. */
import {existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {pathToFileURL} from 'node:url'
import fc from 'fast-check'
import type {Element, ElementContent, Root, RootContent} from 'hast'
import rehypeParse from 'rehype-parse'
import {unified} from 'unified'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {writeHtmlReports} from '../src/cli/html-report.js'
import type {LintedFile, LintRun} from '../src/engine/run.js'
import {defaultConfig} from '../src/registry.js'
import {lintText} from '../src/engine/lint.js'
import {judge, type Policy} from '../src/engine/policy.js'
import {severityRank, type Finding, type Severity} from '../src/engine/types.js'
import {formatHtmlIndex, formatHtmlReport} from '../src/reporters/html.js'
import {mtlint, projectRoot, seedPath, tempTree} from './helpers/cli.js'
import {runsWith} from './helpers/needs.js'

// The page.evaluate callbacks below run in Chromium, not here: the tests are a Node program, compiled
// without the DOM library, so the two browser globals those callbacks use are declared for this file only.
declare const document: {readonly activeElement: {readonly id: string} | null}
declare function getComputedStyle(element: unknown): {readonly backgroundColor: string}

/** Browser artifacts (the page and its screenshots) are kept here; test-output/ is gitignored. */
const artifacts = join(projectRoot, 'test-output', 'html-report')
const chromiumPath = process.env.MTLINT_CHROMIUM ?? '/usr/bin/chromium'
const seed = readFileSync(seedPath, 'utf8')

function linted(text: string, path = 'article.txt', findings?: Finding[]): LintedFile {
  const config = defaultConfig()
  const result = lintText(text, path, config)
  if (findings) result.findings = findings
  // The policy is spelled out so the test does not depend on how configurations store it.
  const policy: Policy = {failOn: 'major', minScore: 0, maxFindings: {}}
  return {result, text, config, policy, verdict: judge(result, policy)}
}

function point(text: string, offset: number) {
  const before = text.slice(0, offset).split('\n')
  return {offset, line: before.length, column: before.at(-1)!.length + 1}
}

function finding(text: string, start: number, end: number, severity: Severity = 'minor', ruleId = 'test-rule'): Finding {
  return {
    ruleId,
    category: 'spacing',
    dimension: 'Fluency/Punctuation',
    severity,
    message: `${ruleId} message`,
    start: point(text, start),
    end: point(text, end),
    actual: text.slice(start, end),
    expected: [],
    safe: false,
    url: 'https://example.invalid/rule'
  }
}

/** Every way two findings can overlap, in one short text. */
const overlapping = (() => {
  const text = 'Alpha beta gamma delta.\n\nEpsilon zeta eta.'
  const findings = [
    finding(text, 0, 10, 'minor', 'a'), // Alpha beta
    finding(text, 6, 16, 'major', 'b'), // beta gamma: crosses a
    finding(text, 6, 10, 'info', 'c'), // beta: inside a and b
    finding(text, 6, 10, 'critical', 'd'), // beta again: identical to c
    finding(text, 5, 5, 'minor', 'e'), // nothing between Alpha and the space
    finding(text, 17, 32, 'major', 'f'), // delta.\n\nEpsilon: crosses the paragraph break
    finding(text, 0, text.length, 'info', 'g') // everything
  ]
  return {text, findings}
})()

// --- a small DOM over rehype-parse (a spec-compliant HTML parser) -------------------------------

function parse(html: string): Root {
  return unified().use(rehypeParse).parse(html)
}

function all(node: Root | Element, test: (element: Element) => boolean, found: Element[] = []): Element[] {
  for (const child of node.children as Array<RootContent | ElementContent>) {
    if (child.type !== 'element') continue
    if (test(child)) found.push(child)
    all(child, test, found)
  }

  return found
}

function textOf(node: Root | Element | RootContent | ElementContent): string {
  if (node.type === 'text') return node.value
  if (node.type === 'element' || node.type === 'root') return node.children.map((child) => textOf(child)).join('')
  return ''
}

const isMark = (element: Element) => element.tagName === 'mark'
const prop = (element: Element, name: string) => String(element.properties[name] ?? '')

/** Per finding index, its mark fragments' text joined in document order. */
function markTexts(tree: Root): Map<string, string> {
  const texts = new Map<string, string>()
  for (const mark of all(tree, isMark)) {
    const id = prop(mark, 'dataFinding')
    texts.set(id, (texts.get(id) ?? '') + textOf(mark))
  }

  return texts
}

/** Marks in the raw markup open and close like brackets (the parser would silently repair them otherwise). */
function marksBalanced(html: string): boolean {
  let depth = 0
  for (const tag of html.matchAll(/<(\/?)(mark|p)\b/g)) {
    if (tag[2] === 'p') {
      if (depth !== 0) return false
      continue
    }

    depth += tag[1] ? -1 : 1
    if (depth < 0) return false
  }

  return depth === 0
}

function articleOf(tree: Root): Element {
  return all(tree, (element) => element.tagName === 'article')[0]!
}

describe('formatHtmlReport', () => {
  it('escapes <, &, and quotes in the article and the path, and keeps the text exact', () => {
    const text = `He wrote <script>alert("x")</script> & said 'no' — "really" <b>bold</b>.\n\nA & B.\n`
    const html = formatHtmlReport(linted(text, 'a "quoted" <name>.txt'))
    expect(html).not.toContain('<script>alert')
    expect(html).not.toContain('<b>bold')
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; said &#39;no&#39;')
    expect(html).toContain('<title>mtlint: a &quot;quoted&quot; &lt;name&gt;.txt</title>')
    const tree = parse(html)
    expect(textOf(articleOf(tree))).toBe(text)
    expect(all(articleOf(tree), (element) => element.tagName === 'p').map(textOf)).toEqual([text.slice(0, text.indexOf('\n\n')), 'A & B.'])
  })

  it('gives every finding of the seed a mark whose text is its `actual`, with the data attributes', () => {
    const file = linted(seed, 'corpus/seed-article.txt')
    expect(file.result.findings.length).toBeGreaterThan(0)
    const html = formatHtmlReport(file)
    const tree = parse(html)
    const texts = markTexts(tree)
    for (const [index, each] of file.result.findings.entries()) {
      expect(texts.get(String(index)), each.ruleId).toBe(each.actual)
      const first = all(tree, (element) => prop(element, 'id') === `m${index}`)[0]!
      expect(first.tagName).toBe('mark')
      expect(prop(first, 'dataRule')).toBe(each.ruleId)
      expect(prop(first, 'dataSeverity')).toBe(each.severity)
      expect(prop(first, 'dataCategory')).toBe(each.category)
      expect(prop(first, 'dataStart')).toBe(String(each.start.offset))
      expect(prop(first, 'dataEnd')).toBe(String(each.end.offset))
      expect(prop(first, 'tabIndex')).toBe('0')
      expect(String(first.properties.className)).toContain(`sev-${each.severity}`)
      // aria-describedby names the explanation, which says what, which rule, which MQM dimension.
      const description = all(tree, (element) => prop(element, 'id') === prop(first, 'ariaDescribedBy'))[0]!
      expect(textOf(description)).toContain(each.message)
      expect(textOf(description)).toContain(each.ruleId)
      expect(textOf(description)).toContain(each.dimension)
    }

    expect(textOf(articleOf(tree))).toBe(seed)
    expect(marksBalanced(html)).toBe(true)
  })

  it('nests identical, nested, crossing, empty and paragraph-crossing findings without corrupting the text', () => {
    const {text, findings} = overlapping
    const html = formatHtmlReport(linted(text, 'overlap.txt', findings))
    const tree = parse(html)
    expect(textOf(articleOf(tree))).toBe(text)
    expect(marksBalanced(html)).toBe(true)
    const texts = markTexts(tree)
    for (const [index, each] of findings.entries()) expect(texts.get(String(index)), each.ruleId).toBe(each.actual)
    // Each finding has exactly one focusable first fragment; crossing ones have more fragments.
    for (const index of findings.keys()) expect(all(tree, (element) => prop(element, 'id') === `m${index}`)).toHaveLength(1)
    expect(all(tree, isMark).filter((mark) => prop(mark, 'tabIndex') === '0')).toHaveLength(findings.length)
    expect(all(tree, (element) => isMark(element) && prop(element, 'dataFinding') === '1').length).toBeGreaterThan(1)
    // The paragraph break inside f keeps both paragraphs in one <p> rather than splitting f.
    expect(all(articleOf(tree), (element) => element.tagName === 'p')).toHaveLength(1)
  })

  it('keeps the text and every finding intact for any set of ranges (property)', () => {
    const textArb = fc.stringMatching(/^[a-z<>&" \n]{0,40}$/)
    fc.assert(
      fc.property(
        textArb.chain((text) =>
          fc.tuple(
            fc.constant(text),
            fc.array(
              fc.tuple(fc.nat(text.length), fc.nat(text.length), fc.constantFrom<Severity>('info', 'minor', 'major', 'critical')),
              {maxLength: 8}
            )
          )
        ),
        ([text, ranges]) => {
          const findings = ranges.map(([a, b, severity]) => finding(text, Math.min(a, b), Math.max(a, b), severity))
          const html = formatHtmlReport(linted(text, 'random.txt', findings))
          const tree = parse(html)
          expect(marksBalanced(html)).toBe(true)
          expect(textOf(articleOf(tree))).toBe(text)
          const texts = markTexts(tree)
          for (const [index, each] of findings.entries()) expect(texts.get(String(index)) ?? '').toBe(each.actual)
          for (const index of findings.keys()) expect(all(tree, (element) => prop(element, 'id') === `m${index}`)).toHaveLength(1)
        }
      ),
      {numRuns: 200}
    )
  })

  it('loads nothing: no http(s) or protocol-relative src/href, no CSS url() or @import, a strict CSP', () => {
    const html = formatHtmlReport(linted(seed, 'corpus/seed-article.txt'))
    const references = [...html.matchAll(/\b(?:src|href|xlink:href|action)\s*=\s*["']?([^"'\s>]*)/gi)].map((match) => match[1]!)
    expect(references.length).toBeGreaterThan(0)
    for (const reference of references) expect(reference, reference).toMatch(/^#/)
    expect(html).not.toMatch(/url\(|@import|<link\b|<img\b|<iframe\b/i)
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1]
    expect(csp).toMatch(/^default-src 'none'; style-src 'sha256-[^']+'; script-src 'sha256-[^']+'; base-uri 'none'; form-action 'none'$/)
  })

  it('shows the score, the verdict with its reasons, a legend and the findings per category with numbers', () => {
    const file = linted(seed, 'corpus/seed-article.txt')
    const tree = parse(formatHtmlReport(file))
    const page = textOf(tree)
    expect(page).toContain(`${file.result.score} / 100`)
    expect(page).toContain(file.verdict.passed ? 'PASS' : 'FAIL')
    for (const reason of file.verdict.reasons) expect(page).toContain(reason)
    expect(all(tree, (element) => prop(element, 'ariaLabel') === 'Severity legend')).toHaveLength(1)
    const chart = all(tree, (element) => element.tagName === 'table' && String(element.properties.className).includes('chart'))[0]!
    const rows = all(chart, (element) => element.tagName === 'tr').slice(1)
    const byCategory = new Map<string, number>()
    for (const each of file.result.findings) byCategory.set(each.category, (byCategory.get(each.category) ?? 0) + 1)
    expect(rows).toHaveLength(byCategory.size)
    for (const row of rows) {
      const cells = all(row, (element) => element.tagName === 'td' || element.tagName === 'th')
      expect(Number(textOf(cells.at(-1)!)), textOf(cells[0]!)).toBe(byCategory.get(textOf(cells[0]!)))
    }
  })
})

describe('formatHtmlIndex and writeHtmlReports', () => {
  it('lists files with score, verdict, findings and a link to each page', () => {
    const run: LintRun = {files: [linted(seed, 'corpus/seed-article.txt'), linted('Clean <text> here.\n', 'b&c.txt')], errors: ['x.txt: not UTF-8'], checks: []}
    const tree = parse(formatHtmlIndex(run, ['corpus__seed-article.txt.html', undefined]))
    const links = all(tree, (element) => element.tagName === 'a').map((a) => prop(a, 'href'))
    expect(links).toEqual(['corpus__seed-article.txt.html'])
    const page = textOf(tree)
    expect(page).toContain('b&c.txt')
    expect(page).toContain('x.txt: not UTF-8')
    expect(page).toContain(String(run.files[0]!.result.score))
  })

  it('writes one page per file and index.html, and never overwrites an input', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mtlint-html-'))
    try {
      const input = join(dir, 'index.html')
      writeFileSync(input, 'They met on Friday. Friday.\n')
      const run: LintRun = {files: [{...linted('They met on Friday. Friday.\n', input), diskPath: input}], errors: [], checks: []}
      const written = await writeHtmlReports(run, dir)
      expect(readFileSync(input, 'utf8')).toBe('They met on Friday. Friday.\n')
      // The input's own folder is refused as a whole: nothing is written beside an input.
      expect(run.errors).toEqual([expect.stringMatching(/^--out .*: holds the input .*index\.html, expected a folder of its own for the reports, nothing written$/)])
      expect(written).toEqual([])
      expect(readdirSync(dir)).toEqual(['index.html'])

      const out = join(dir, 'out')
      const clean: LintRun = {files: [{...linted('They met on Friday. Friday.\n', input), diskPath: input}], errors: [], checks: []}
      await writeHtmlReports(clean, out)
      expect(readdirSync(out).sort()).toEqual(['.mtlint-report.json', 'index.html', 'index.html.html'])
      expect(readFileSync(join(out, 'index.html'), 'utf8')).toContain('href="index.html.html"')
      expect(clean.errors).toEqual([])
    } finally {
      rmSync(dir, {recursive: true, force: true})
    }
  })
})

describe('mtlint report --html', () => {
  it('writes the HTML pages and index.html beside the JSON reports, never over an input', () => {
    const dir = tempTree({'articles/a.txt': 'They met on Friday. Friday.\n', 'index.html': 'not a report\n'})
    const result = mtlint(['report', '--html', 'articles', '--out', 'out'], {cwd: dir})
    expect(result.code).toBe(1)
    expect(readdirSync(join(dir, 'out')).sort()).toEqual(['.mtlint-report.json', 'articles__a.txt.html', 'articles__a.txt.mtlint.json', 'index.html', 'summary.md'])
    expect(readFileSync(join(dir, 'out', 'articles__a.txt.html'), 'utf8')).toContain('>Friday. Friday.</mark>')

    const refused = mtlint(['report', '--html', 'index.html', '--out', '.'], {cwd: dir})
    expect(refused.code).toBe(2)
    expect(refused.stderr).toBe('mtlint: --out .: holds the input index.html, expected a folder of its own for the reports, nothing written\n')
    expect(readFileSync(join(dir, 'index.html'), 'utf8')).toBe('not a report\n')
  })
})

// --- the page in a real browser ------------------------------------------------------------------

const hasBrowser = runsWith('test/html-report.test.ts (headless Chromium)', existsSync(chromiumPath), `${chromiumPath} not found (apt-get install -y chromium, or set MTLINT_CHROMIUM)`)

describe.skipIf(!hasBrowser)('the seed report in headless Chromium', () => {
  type Context = Awaited<ReturnType<typeof import('playwright-core').chromium.launchPersistentContext>>
  let context: Context
  let profile: string
  const file = linted(seed, 'corpus/seed-article.txt')
  const pagePath = join(artifacts, 'seed-article.html')
  const pageUrl = pathToFileURL(pagePath).href
  const requests: string[] = []
  const problems: string[] = []

  beforeAll(async () => {
    // Reached without a browser only under CI=true, where it must fail.
    if (!existsSync(chromiumPath)) throw new Error(`${chromiumPath} not found: CI=true needs Chromium (apt-get install -y chromium)`)
    mkdirSync(artifacts, {recursive: true})
    writeFileSync(pagePath, formatHtmlReport(file))
    const {chromium} = await import('playwright-core')
    profile = mkdtempSync(join(tmpdir(), 'mtlint-chromium-'))
    // Flags as the machine notes say: without the background-networking ones Chromium phones home at start.
    context = await chromium.launchPersistentContext(profile, {
      executablePath: chromiumPath,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
      viewport: {width: 1100, height: 900}
    })
    context.on('request', (request) => requests.push(request.url()))
  }, 60_000)

  afterAll(async () => {
    await context?.close()
    if (profile) rmSync(profile, {recursive: true, force: true})
  })

  it('highlights every finding visibly, explains it on focus and hover, and requests nothing but the file', async () => {
    const page = await context.newPage()
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') problems.push(message.text())
    })
    page.on('pageerror', (error) => problems.push(error.message))
    await page.goto(pageUrl)
    await page.screenshot({path: join(artifacts, 'seed-article-top.png')})

    const findings = file.result.findings
    expect(findings.filter((each) => severityRank(each.severity) >= severityRank('minor')).length).toBeGreaterThan(0)
    for (const [index, each] of findings.entries()) {
      const fragments = page.locator(`mark[data-finding="${index}"]`)
      expect(await fragments.count(), each.ruleId).toBeGreaterThan(0)
      expect((await fragments.allTextContents()).join(''), each.ruleId).toBe(each.actual)
      const first = page.locator(`#m${index}`)
      expect(await first.getAttribute('data-rule')).toBe(each.ruleId)
      expect(await first.isVisible(), each.ruleId).toBe(true)
      const box = await first.boundingBox()
      expect(box && box.width > 0 && box.height > 0, each.ruleId).toBe(true)
      // Highlighted means a background of its own, not the page's.
      const background = await first.evaluate((element) => getComputedStyle(element).backgroundColor)
      expect(background, each.ruleId).not.toMatch(/^(transparent|rgba\(0, 0, 0, 0\))$/)
    }

    // Keyboard: Tab from the top reaches the skip link, then the first mark, which opens its explanation.
    const popover = page.locator('#popover')
    expect(await popover.isVisible()).toBe(false)
    await page.keyboard.press('Tab')
    await page.keyboard.press('Tab')
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('m0')
    expect(await popover.isVisible()).toBe(true)
    const shown = (await popover.textContent()) ?? ''
    expect(shown).toContain(findings[0]!.message)
    expect(shown).toContain(findings[0]!.ruleId)
    expect(shown).toContain(findings[0]!.dimension)
    expect(shown).toContain(findings[0]!.severity)
    const describedBy = await page.locator('#m0').getAttribute('aria-describedby')
    expect(await page.locator(`#${describedBy}`).textContent()).toContain(findings[0]!.message)
    await page.locator('#m0').scrollIntoViewIfNeeded()
    await page.screenshot({path: join(artifacts, 'seed-article-focus.png')})
    await page.keyboard.press('Escape')
    expect(await popover.isVisible()).toBe(false)

    // Pointer: hovering the last finding shows its own explanation.
    const last = findings.length - 1
    await page.locator(`#m${last}`).hover()
    expect(await popover.isVisible()).toBe(true)
    expect(await popover.textContent()).toContain(findings[last]!.message)
    await page.mouse.move(0, 0)

    await page.screenshot({path: join(artifacts, 'seed-article.png'), fullPage: true})
    expect(requests).toEqual([pageUrl])
    expect(problems).toEqual([])
    await page.close()
  }, 60_000)

  it('shows overlapping findings each with its own visible highlight, and all of them on hover', async () => {
    const {text, findings} = overlapping
    const path = join(artifacts, 'overlap.html')
    writeFileSync(path, formatHtmlReport(linted(text, 'overlap.txt', findings)))
    const page = await context.newPage()
    await page.goto(pathToFileURL(path).href)
    expect(await page.locator('article').textContent()).toBe(text)
    for (const [index, each] of findings.entries()) {
      const fragments = page.locator(`mark[data-finding="${index}"]`)
      expect((await fragments.allTextContents()).join(''), each.ruleId).toBe(each.actual)
      // An empty finding has no text to highlight; its mark shows a caret instead.
      expect(await page.locator(`#m${index}`).isVisible(), each.ruleId).toBe(true)
    }

    // `beta` lies inside a, b, c, d and g: hovering it explains all five, innermost first.
    await page.locator('#m3').hover()
    const rules = await page.locator('#popover .pop-item .meta').allTextContents()
    expect(rules.map((meta) => meta.split(' · ')[0])).toEqual(['d', 'c', 'b', 'a', 'g'])
    await page.screenshot({path: join(artifacts, 'overlap.png')})
    await page.close()
  }, 60_000)

  it('links the index page to each report', async () => {
    const out = join(artifacts, 'batch')
    rmSync(out, {recursive: true, force: true})
    const run: LintRun = {files: [linted(seed, 'corpus/seed-article.txt'), linted('Clean text here.\n', 'clean.txt')], errors: [], checks: []}
    run.files[0]!.diskPath = seedPath
    run.files[1]!.diskPath = 'clean.txt'
    await writeHtmlReports(run, out)
    const page = await context.newPage()
    await page.goto(pathToFileURL(join(out, 'index.html')).href)
    await page.screenshot({path: join(artifacts, 'index.png')})
    await page.getByRole('link', {name: 'corpus/seed-article.txt'}).click()
    await page.waitForURL(/seed-article\.txt\.html$/)
    expect(await page.locator('mark[data-finding]').count()).toBeGreaterThanOrEqual(file.result.findings.length)
    await page.close()
  }, 60_000)
})
