/**
 * The inline stylesheet and script of the HTML reports. They are constants so
 * the page's Content-Security-Policy can allow exactly them by hash, and
 * nothing else: no external fonts, images or scripts.
 */
import {createHash} from 'node:crypto'

/*
 * Severity colours from the Okabe-Ito palette (distinguishable with the common
 * colour-vision deficiencies); each severity also has its own underline style
 * so that colour is never the only cue.
 */
export const stylesheet = `
:root { color-scheme: light; --ink: #1b1b1b; --muted: #555; --rule: #d8d8d8; --paper: #fdfcf9; --card: #fff;
  --info: #0072b2; --info-bg: #e1effa; --minor: #b97f00; --minor-bg: #fff0c2;
  --major: #d55e00; --major-bg: #fbdcc8; --critical: #a4417f; --critical-bg: #f5d6ea;
  --pass: #00704a; --fail: #b3261e; }
* { box-sizing: border-box; }
body { margin: 0; background: var(--paper); color: var(--ink);
  font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", sans-serif; }
a { color: #005a8c; }
a:focus-visible, mark:focus-visible, button:focus-visible { outline: 3px solid #1b1b1b; outline-offset: 2px; }
.skip { position: absolute; left: -9999px; }
.skip:focus { left: 1rem; top: 1rem; background: var(--card); padding: .5rem 1rem; z-index: 10; }
.page { max-width: 56rem; margin: 0 auto; padding: 1.5rem 1.25rem 4rem; }
header.top h1 { font-size: 1.35rem; margin: 0 0 .25rem; overflow-wrap: anywhere; }
header.top .tool { color: var(--muted); margin: 0 0 1rem; font-size: .9rem; }
.summary { display: grid; grid-template-columns: repeat(auto-fit, minmax(15rem, 1fr)); gap: 1rem; margin-bottom: 1.5rem; }
.card { background: var(--card); border: 1px solid var(--rule); border-radius: 8px; padding: 1rem 1.25rem; }
.card h2 { font-size: .8rem; letter-spacing: .06em; text-transform: uppercase; color: var(--muted); margin: 0 0 .5rem; }
.score { font-size: 2.6rem; font-weight: 700; line-height: 1; font-variant-numeric: tabular-nums; }
.score small { font-size: 1rem; font-weight: 400; color: var(--muted); }
.verdict { display: inline-block; font-weight: 700; padding: .15rem .6rem; border-radius: 4px; color: #fff; letter-spacing: .04em; }
.verdict.pass { background: var(--pass); }
.verdict.fail { background: var(--fail); }
.reasons { margin: .5rem 0 0; padding-left: 1.2rem; }
.facts { color: var(--muted); margin: .5rem 0 0; font-size: .9rem; }
table { border-collapse: collapse; width: 100%; font-variant-numeric: tabular-nums; }
th, td { text-align: left; padding: .3rem .5rem; border-bottom: 1px solid var(--rule); vertical-align: middle; }
th { font-size: .8rem; color: var(--muted); font-weight: 600; }
td.num, th.num { text-align: right; }
table.files th[scope="row"] { min-width: 16rem; overflow-wrap: anywhere; }
table.files .reasons { font-size: .85rem; }
.chart svg { display: block; width: 100%; max-width: 14rem; height: .9rem; }
.chart td.dimension { color: var(--muted); font-size: .85rem; }
.legend { display: flex; flex-wrap: wrap; gap: .5rem 1.25rem; align-items: center; margin: 1.5rem 0 1rem; padding: 0; list-style: none; font-size: .9rem; }
.legend li { display: flex; gap: .4rem; align-items: center; }
.legend .how { color: var(--muted); }
article.text { background: var(--card); border: 1px solid var(--rule); border-radius: 8px; padding: 1.5rem clamp(1rem, 4vw, 3rem);
  font: 1.15rem/1.75 Charter, "Bitstream Charter", "Sitka Text", Cambria, Georgia, "DejaVu Serif", serif; }
article.text p { white-space: pre-wrap; overflow-wrap: break-word; margin: 0 0 1em; max-width: 68ch; }
article.text p:last-child { margin-bottom: 0; }
mark, .swatch { color: inherit; border-radius: 2px; -webkit-box-decoration-break: clone; box-decoration-break: clone; }
mark { cursor: help; padding: 0 1px; }
mark.h2 { padding-bottom: .22em; }
mark.h3 { padding-bottom: .4em; }
mark.empty::after { content: "\\2038"; font-weight: 700; }
.swatch { padding: 0 .35rem; }
.sev-info { background: var(--info-bg); border-bottom: 2px dotted var(--info); }
.sev-minor { background: var(--minor-bg); border-bottom: 2px dashed var(--minor); }
.sev-major { background: var(--major-bg); border-bottom: 2px solid var(--major); }
.sev-critical { background: var(--critical-bg); border-bottom: 4px double var(--critical); font-weight: 600; }
.badge { display: inline-block; font: 600 .75rem/1.4 system-ui, sans-serif; padding: 0 .4rem; border-radius: 3px; text-transform: uppercase; letter-spacing: .04em; }
.badge.sev-info, .badge.sev-minor, .badge.sev-major, .badge.sev-critical { border-bottom: 0; }
.badge.sev-info { box-shadow: inset 0 -2px var(--info); }
.badge.sev-minor { box-shadow: inset 0 -2px var(--minor); }
.badge.sev-major { box-shadow: inset 0 -2px var(--major); }
.badge.sev-critical { box-shadow: inset 0 -3px var(--critical); }
section.findings { margin-top: 2rem; }
section.findings h2, section.breakdown h2 { font-size: 1.1rem; }
ol.finding-list { padding-left: 1.5rem; }
ol.finding-list li { margin: 0 0 .9rem; }
.explain .message { display: block; margin: .15rem 0; }
.explain .meta { display: block; color: var(--muted); font-size: .85rem; }
.explain code, .fix code { font-family: ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: .9em; background: #f1f1ee; padding: 0 .2rem; border-radius: 3px; white-space: pre-wrap; }
.explain .fix { display: block; margin-top: .15rem; }
#popover { position: absolute; z-index: 5; max-width: min(26rem, calc(100vw - 1rem)); background: var(--card); border: 1px solid #999;
  border-radius: 6px; box-shadow: 0 6px 20px rgba(0,0,0,.18); padding: .6rem .8rem; font-size: .9rem; line-height: 1.45; }
#popover[hidden] { display: none; }
#popover .pop-item + .pop-item { border-top: 1px solid var(--rule); margin-top: .5rem; padding-top: .5rem; }
.errors { color: var(--fail); }
footer { margin-top: 3rem; color: var(--muted); font-size: .85rem; }
/* Phones: the MQM dimension column goes (it is in each explanation too) so the numbers keep their room. */
@media (max-width: 40rem) {
  .chart .dimension { display: none; }
  th, td { padding: .3rem .2rem; }
  .chart svg { min-width: 2.5rem; }
  .card { padding: .8rem; }
  .table-scroll, .breakdown { overflow-x: auto; }
  article.text { font-size: 1.05rem; }
}
@media print { #popover { display: none; } .skip { display: none; } }
`

/*
 * Hover and keyboard focus both show the popover; it lists the finding of the
 * mark and of every mark around it, copied from the findings list (which is
 * also each mark's aria-describedby). It stays while the pointer is on it and
 * closes on Escape, as WCAG 1.4.13 asks.
 */
export const script = `
(() => {
  const pop = document.getElementById('popover');
  let shownFor = null;
  const markOf = (node) => (node instanceof Element ? node.closest('mark[data-finding]') : null);
  function show(mark) {
    const ids = [];
    for (let m = mark; m; m = m.parentElement && m.parentElement.closest('mark[data-finding]')) {
      if (!ids.includes(m.dataset.finding)) ids.push(m.dataset.finding);
    }
    pop.replaceChildren(...ids.map((id) => {
      const item = document.createElement('div');
      item.className = 'explain pop-item';
      const source = document.querySelector('#d' + id + ' .explain');
      if (source) item.append(...Array.from(source.childNodes, (child) => child.cloneNode(true)));
      return item;
    }));
    pop.hidden = false;
    shownFor = mark;
    const rects = mark.getClientRects();
    const rect = rects[rects.length - 1] || mark.getBoundingClientRect();
    const width = pop.offsetWidth;
    const left = Math.max(8, Math.min(rect.left, document.documentElement.clientWidth - width - 8));
    const below = rect.bottom + 8 + pop.offsetHeight < window.innerHeight;
    pop.style.left = left + window.scrollX + 'px';
    pop.style.top = (below ? rect.bottom + 8 : rects[0].top - pop.offsetHeight - 8) + window.scrollY + 'px';
  }
  function hide() { pop.hidden = true; shownFor = null; }
  document.addEventListener('mouseover', (event) => {
    const mark = markOf(event.target);
    if (mark) { if (mark !== shownFor) show(mark); }
    else if (!pop.contains(event.target) && document.activeElement !== shownFor) hide();
  });
  document.addEventListener('focusin', (event) => { const mark = markOf(event.target); if (mark) show(mark); else hide(); });
  document.addEventListener('focusout', (event) => { if (!markOf(event.relatedTarget)) hide(); });
  document.addEventListener('keydown', (event) => { if (event.key === 'Escape') hide(); });
})();
`

/** The CSP source that allows exactly this inline content. */
export function hashSource(content: string): string {
  return `'sha256-${createHash('sha256').update(content, 'utf8').digest('base64')}'`
}
