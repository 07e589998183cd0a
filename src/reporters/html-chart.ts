/**
 * Findings per category: a table whose numbers are the data and whose inline
 * SVG bars (stacked by severity, hidden from screen readers) are the picture.
 */
import {dimensionOf} from '../engine/dimensions.js'
import {categories, severities, type Finding} from '../engine/types.js'
import {escapeHtml} from './html-escape.js'

/** SVG fill of each severity: the same Okabe-Ito hues as the marks' underlines. */
const fill = {info: '#0072b2', minor: '#e69f00', major: '#d55e00', critical: '#a4417f'} as const

export function categoryChart(findings: readonly Finding[]): string {
  const rows = categories
    .map((category) => ({category, found: findings.filter((finding) => finding.category === category)}))
    .filter((row) => row.found.length > 0)
  if (rows.length === 0) return '<p>No findings.</p>'
  const most = Math.max(...rows.map((row) => row.found.length))

  const head = `<tr><th scope="col">category</th><th scope="col" class="dimension">MQM dimension</th><th scope="col" aria-hidden="true"></th>${severities
    .map((severity) => `<th scope="col" class="num">${severity}</th>`)
    .join('')}<th scope="col" class="num">total</th></tr>`
  const body = rows.map(({category, found}) => {
    const counts = severities.map((severity) => found.filter((finding) => finding.severity === severity).length)
    return `<tr><th scope="row">${escapeHtml(category)}</th><td class="dimension">${escapeHtml(dimensionOf[category])}</td><td>${bar(counts, most)}</td>${counts
      .map((count) => `<td class="num">${count}</td>`)
      .join('')}<td class="num"><strong>${found.length}</strong></td></tr>`
  })
  return `<table class="chart"><caption class="skip">Findings per category and severity</caption><thead>${head}</thead><tbody>${body.join('')}</tbody></table>`
}

/** One stacked bar, scaled so the largest category fills the width. */
function bar(counts: readonly number[], most: number): string {
  const width = 100
  let x = 0
  const rects = counts.map((count, index) => {
    const w = (count / most) * width
    const rect = count === 0 ? '' : `<rect x="${x.toFixed(2)}" y="0" width="${w.toFixed(2)}" height="10" fill="${fill[severities[index]!]}"/>`
    x += w
    return rect
  })
  return `<svg viewBox="0 0 ${width} 10" preserveAspectRatio="none" aria-hidden="true" focusable="false">${rects.join('')}</svg>`
}
