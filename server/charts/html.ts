// Small helpers for the server's own HTML pages (published charts, reports): escaping, the
// shipped font as @font-face, and the data table of a chart document.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { FONT_FAMILY } from './fonts.ts';
import type { ChartDocument } from './documents/index.ts';

export function esc(text: unknown): string {
  return String(text ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const require = createRequire(import.meta.url);
const woff2Dir = join(dirname(require.resolve('source-sans-pro/package.json')), 'WOFF2/TTF');

/** The font files the pages use, by the name they are served under (/fonts/NAME). */
export const WEB_FONTS: Record<string, { file: string; weight: number; style: 'normal' | 'italic' }> = {
  'SourceSansPro-Regular.woff2': { file: join(woff2Dir, 'SourceSansPro-Regular.ttf.woff2'), weight: 400, style: 'normal' },
  'SourceSansPro-Semibold.woff2': { file: join(woff2Dir, 'SourceSansPro-Semibold.ttf.woff2'), weight: 600, style: 'normal' },
  'SourceSansPro-Bold.woff2': { file: join(woff2Dir, 'SourceSansPro-Bold.ttf.woff2'), weight: 700, style: 'normal' },
  'SourceSansPro-It.woff2': { file: join(woff2Dir, 'SourceSansPro-It.ttf.woff2'), weight: 400, style: 'italic' },
};

/**
 * @font-face rules for the shipped font: served from /fonts/ by this server, or inlined as data
 * URLs (for a PDF rendered from HTML with no server to fetch from).
 */
export function fontFaceCss(mode: 'url' | 'inline' = 'url'): string {
  return Object.entries(WEB_FONTS)
    .map(([name, f]) => {
      const src = mode === 'inline' ? `data:font/woff2;base64,${readFileSync(f.file).toString('base64')}` : `/fonts/${name}`;
      return `@font-face{font-family:"${FONT_FAMILY}";font-weight:${f.weight};font-style:${f.style};font-display:swap;src:url("${src}") format("woff2")}`;
    })
    .join('\n');
}

const num = (v: unknown, digits = 1) =>
  typeof v === 'number' && Number.isFinite(v) ? v.toLocaleString('en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits }) : v === null || v === undefined ? '–' : String(v);

/** The chart's figures as an HTML table: the text alternative to the drawing. */
export function dataTableHtml(doc: ChartDocument, caption: string): string {
  if (!('metric' in doc.request)) return completenessTableHtml(doc, caption);
  const level = doc.request.level ?? 95;
  const h = doc.table.headers;
  const col = (name: string) => h.indexOf(name);
  const lvl = String(level).replace('.', '_');
  const lower = col(`lower_${lvl}`);
  const upper = col(`upper_${lvl}`);
  if (doc.kind === 'trend') {
    const rows = doc.table.rows
      .map((r) => `<tr><th scope="row">${esc(String(r[col('period')]).slice(0, 7))}</th><td>${r[col('suppressed')] ? '*' : num(r[col('value')])}</td><td>${lower >= 0 && r[lower] !== null ? `${num(r[lower])} to ${num(r[upper])}` : '–'}</td><td>${esc(r[col('spc_signal')] ?? '')}${r[col('spc_kind')] ? ` (${esc(r[col('spc_kind')])})` : ''}</td></tr>`)
      .join('');
    return `<table class="data"><caption>${esc(caption)}</caption><thead><tr><th scope="col">Month</th><th scope="col">Value (${esc(doc.metric.unit)})</th><th scope="col">${esc(level)}% interval</th><th scope="col">SPC signal</th></tr></thead><tbody>${rows}</tbody></table>`;
  }
  const two = col('label_2') >= 0;
  const rows = doc.table.rows
    .map((r) => {
      const suppressed = r[col('suppressed')] === true;
      return `<tr${r[col('group')] === 'overall' ? ' class="overall"' : ''}><th scope="row">${esc(r[col('label')])}${two && r[col('label_2')] ? `, ${esc(r[col('label_2')])}` : ''}</th><td>${suppressed ? '*' : num(r[col('value')])}</td><td>${suppressed || r[lower] === null ? '–' : `${num(r[lower])} to ${num(r[upper])}`}</td><td>${r[col('numerator')] === null ? '*' : num(r[col('numerator')], 0)}</td><td>${r[col('denominator')] === null ? '*' : num(r[col('denominator')], 0)}</td><td>${esc(r[col('compared_with_trust')] ?? '—')}</td></tr>`;
    })
    .join('');
  return `<table class="data"><caption>${esc(caption)}</caption><thead><tr><th scope="col">Group</th><th scope="col">Value (${esc(doc.metric.unit)})</th><th scope="col">${esc(level)}% interval</th><th scope="col">Numerator</th><th scope="col">Denominator</th><th scope="col">Compared with trust</th></tr></thead><tbody>${rows}</tbody></table>`;
}

/** A completeness chart's counts: one row per month or group, withheld counts as "*". */
function completenessTableHtml(doc: ChartDocument, caption: string): string {
  const h = doc.table.headers;
  const col = (name: string) => h.indexOf(name);
  const count = (v: unknown) => (v === null ? '*' : num(v, 0));
  const first = h.includes('breakdown') ? 'Group' : 'Month';
  const rows = doc.table.rows
    .map((r) => {
      const overall = r[col('group')] === 'overall' || r[col('period')] === 'overall';
      return `<tr${overall ? ' class="overall"' : ''}><th scope="row">${esc(r[col('label')])}</th>${['total', 'valid', 'not_stated', 'not_known', 'missing', 'invalid'].map((c) => `<td>${count(r[col(c)])}</td>`).join('')}<td>${r[col('valid_percent')] === null ? '–' : num(r[col('valid_percent')])}</td></tr>`;
    })
    .join('');
  const heads = [first, 'Records', 'Valid', 'Not stated', 'Not known', 'Missing', 'Invalid', 'Valid %'].map((x) => `<th scope="col">${x}</th>`).join('');
  return `<table class="data"><caption>${esc(caption)}</caption><thead><tr>${heads}</tr></thead><tbody>${rows}</tbody></table>`;
}

export const BASE_CSS = `
:root{color:#212B32;background:#fff;font-family:"${FONT_FAMILY}","Segoe UI",Arial,sans-serif;line-height:1.45}
body{margin:0 auto;max-width:840px;padding:16px}
h1{font-size:1.45rem;margin:0 0 .25rem;font-weight:600}
p,li{font-size:1rem}
.muted{color:#4C6272}
svg{max-width:100%;height:auto;display:block}
table.data{border-collapse:collapse;width:100%;font-size:.9rem;font-variant-numeric:tabular-nums}
table.data caption{text-align:left;font-weight:600;padding:.25rem 0}
table.data th,table.data td{border-bottom:1px solid #D8DDE0;padding:.25rem .4rem;text-align:right}
table.data th[scope=row],table.data thead th:first-child{text-align:left}
table.data tr.overall{font-weight:600;background:#F0F4F5}
a{color:#005EB8}
a:focus,summary:focus{outline:3px solid #FFB81C;outline-offset:1px}
.notice{border-left:6px solid #ED8B00;background:#FFF4E5;padding:.75rem 1rem;margin:1rem 0}
`;
