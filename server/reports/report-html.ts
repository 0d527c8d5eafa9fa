// The board report and the annual-report pack as one printable A4 HTML document: cover, summary
// table with SPC icons, a section per indicator (charts with CI-gated sentences), recording
// completeness, methods and data notes. No script; print rules keep every chart on one page.
import { englandOf } from '../../core/contracts/benchmarks.ts';
import { DISCLOSURE_PROFILE_IDS, DISCLOSURE_PROFILES, disclosureMethod } from '../../core/disclosure.ts';
import { benchmarkSentence, englandRollup } from '../../core/text/benchmarks.ts';
import { breakdownTitle, targetVerdict, targetVerdictLabels } from '../../core/text/compare.ts';
import { formatCount, formatDate, formatDateTime, formatInterval, formatPercent, formatPeriod, formatValue } from '../../core/text/format.ts';
import { OGL } from '../charts/documents/index.ts';
import { BASE_CSS, esc, fontFaceCss } from '../charts/html.ts';
import type { IndicatorSection, ReportModel } from './build.ts';
import type { ReportFigure } from './figures.ts';
import { byArea } from './so-what.ts';
import { soWhatTable } from './so-what-html.ts';
import { rollupSentence } from '../../core/text/spc-words.ts';
import { REPORT_BREAKDOWNS, statementIndicators } from './selection.ts';
import type { ReportTemplate } from './templates.ts';

export interface ReportPageOptions {
  kind: 'board' | 'annual';
  /** Controls (indicator pickers, templates) on screen; never in print or PDF. */
  controls: boolean;
  fonts: 'url' | 'inline';
  templates?: ReportTemplate[];
  template?: string | null;
  query?: string;
}

const REPORT_CSS = `
@page{size:A4;margin:8mm 12mm 10mm}
:root{--blue:#005EB8;--text:#212B32;--secondary:#4C6272;--border:#D8DDE0;--bg:#F0F4F5}
body{max-width:none;margin:0;padding:0;background:var(--bg)}
.site-header{background:var(--blue);color:#fff;-webkit-print-color-adjust:exact;print-color-adjust:exact}
.site-header .inner{max-width:740px;margin:0 auto;padding:10px 16px;display:flex;align-items:baseline;gap:10px}
.brand-name{font-weight:700;font-size:1.3rem}
.brand-tag{font-size:.875rem}
main{max-width:740px;margin:0 auto;padding:16px;background:#fff}
h2{font-size:1.2rem;margin:1.1rem 0 .4rem;font-weight:600;break-after:avoid}
h3{font-size:.95rem;margin:.1rem 0 .1rem;font-weight:600;break-after:avoid}
.cover{border-bottom:4px solid var(--blue);padding-bottom:.5rem;margin-bottom:.5rem}
.cover p{margin:.25rem 0;font-size:.9rem}
ul.rollup{margin:.2rem 0 .5rem;padding-left:1.1rem}
ul.rollup li{font-size:.78rem;line-height:1.3}
.cover dl{display:grid;grid-template-columns:max-content 1fr max-content 1fr;gap:.1rem .8rem;margin:.4rem 0 0;font-size:.85rem}
.cover dt{font-weight:600}
.cover dd{margin:0}
table.so-what{border-collapse:collapse;width:100%;font-size:.74rem;line-height:1.3;font-variant-numeric:tabular-nums}
table.so-what th,table.so-what td{border-bottom:1px solid var(--border);padding:.25rem .3rem;vertical-align:top;text-align:left}
table.so-what thead th{background:var(--bg);font-size:.72rem}
table.so-what tr.area th{background:#E8F1FA;color:#003087;font-weight:700;padding-top:.3rem}
table.so-what th[scope=row]{width:22%}
table.so-what th[scope=row] .key{font-weight:400}
table.so-what td.bad strong{color:#B4161B}
table.so-what td.good strong{color:#005EB8}
table.so-what tr{break-inside:avoid}
table.so-what .icons{display:flex;gap:.2rem;margin-bottom:.15rem}
table.so-what .icon-with-label{font-size:.68rem}
figure.chart{margin:.4rem 0 .8rem;break-inside:avoid;page-break-inside:avoid}
figure.chart svg{width:100%;height:auto;max-height:200mm}
figure.chart figcaption ul{margin:.1rem 0 0;padding-left:1rem;font-size:.7rem;line-height:1.22}
.multiples{display:grid;grid-template-columns:repeat(2,minmax(0,1fr));gap:.2rem .6rem;align-items:start}
.multiples figure.chart{margin:0 0 .35rem}
figure.no-chart{border:1px solid var(--border);border-radius:6px;padding:.5rem .6rem}
figure.no-chart p{font-size:.82rem;margin:.1rem 0 .35rem}
table.ipr{border-collapse:collapse;width:100%;font-size:.8rem;font-variant-numeric:tabular-nums}
table.ipr th,table.ipr td{border:1px solid var(--border);padding:.25rem .35rem;vertical-align:middle;text-align:left}
table.ipr thead th{background:var(--bg)}
table.ipr tr{break-inside:avoid}
table.ipr.compact{font-size:.74rem}
table.ipr.compact th,table.ipr.compact td{padding:.1rem .3rem}
table.ipr.two-up thead{display:block}
table.ipr.two-up thead tr{display:flex}
table.ipr.two-up tbody{display:grid;grid-template-columns:1fr 1fr;column-gap:.4rem}
table.ipr.two-up tr{display:flex}
table.ipr.two-up th,table.ipr.two-up td{flex:1}
.icon-with-label{display:inline-flex;align-items:center;gap:.25rem}
.icon-with-label svg{flex:none;width:20px;height:20px}
.icon-none{color:var(--secondary);font-style:italic}
.key{font-size:.76rem;color:var(--secondary)}
.area-kicker{margin:0;color:var(--blue);font-weight:700;font-size:.8rem;text-transform:uppercase;letter-spacing:.03em}
section.indicator{break-before:page}
section.indicator h2{margin-top:0}
section.completeness,section.methods{break-before:page}
.definition{color:var(--secondary);font-size:.74rem;margin:.1rem 0 .25rem;line-height:1.28}
.trend-notes{margin:.1rem 0 0;padding-left:1rem;font-size:.7rem;line-height:1.22;break-inside:avoid}
.section-notes{margin:.1rem 0 0;font-size:.7rem}
.unavailable{font-size:.82rem;color:var(--secondary)}
.controls{border:1px solid #D8DDE0;background:#F8FAFB;padding:.75rem 1rem;margin-bottom:1rem;font-size:.92rem}
.controls fieldset{border:0;padding:0;margin:0 0 .5rem}
.controls legend{font-weight:600}
.controls .options{columns:2;column-gap:1.5rem}
.controls label{display:block}
.controls .row{display:flex;flex-wrap:wrap;gap:.75rem;align-items:end;margin-top:.5rem}
.controls button,.controls .button{font:inherit;background:#005EB8;color:#fff;border:0;padding:.35rem .8rem;border-radius:3px;text-decoration:none;cursor:pointer}
.controls .secondary{background:#fff;color:#005EB8;border:1px solid #005EB8}
@media print{.no-print{display:none!important}body{background:#fff}main{max-width:none;padding:0}.site-header{display:none}a{color:inherit;text-decoration:none}}
`;

const BREAKDOWN_LABELS: Record<string, string> = { imd_quintile: 'IMD quintile (deprivation)', ethnic_group: 'Ethnic group (5 groups)', ethnic_category: 'Ethnic category (detailed)', age_band_broad: 'Age group (0–17, 18–64, 65+)', age_band: 'Age band (5-year)', sex: 'Sex', core20: 'Core20 (most deprived 20%)' };

function controls(model: ReportModel, o: ReportPageOptions): string {
  const s = model.selection;
  const self = `/reports/${o.kind}`;
  const pdf = `/api/reports/${o.kind}.pdf${o.query ? `?${o.query}` : ''}`;
  if (o.kind === 'annual') {
    return `<nav class="controls no-print" aria-label="Report actions"><p><a href="/">← Parity</a> · The annual-report pack covers every statement indicator by IMD quintile, ethnic group, age and sex.</p>
<div class="row"><a class="button" href="${esc(pdf)}">Download PDF</a><a class="button secondary" href="/api/reports/annual.csv">Data appendix (CSV)</a><span>or use your browser's Print → Save as PDF: the page is laid out for A4.</span></div></nav>`;
  }
  const indicators = statementIndicators()
    .map((m) => `<label><input type="checkbox" name="indicators" value="${esc(m.id)}"${s.indicators.includes(m.id) ? ' checked' : ''}> ${esc(m.title)}</label>`)
    .join('');
  const breakdowns = REPORT_BREAKDOWNS.map((b) => `<label><input type="checkbox" name="breakdowns" value="${b}"${s.breakdowns.includes(b) ? ' checked' : ''}> ${esc(BREAKDOWN_LABELS[b] ?? b)}</label>`).join('');
  const templates = (o.templates ?? []).map((t) => `<option value="${esc(t.name)}"${t.name === o.template ? ' selected' : ''}>${esc(t.name)}</option>`).join('');
  return `<nav class="controls no-print" aria-label="Choose what the report covers"><p><a href="/">← Parity</a></p>
${templates ? `<form method="get" action="${self}" class="row"><label>Saved template <select name="template">${templates}</select></label><button type="submit" class="secondary">Use template</button></form>` : ''}
<form method="get" action="${self}">
<fieldset><legend>Indicators</legend><div class="options">${indicators}</div></fieldset>
<fieldset><legend>Breakdowns</legend><div class="options">${breakdowns}</div></fieldset>
<div class="row"><label>From <input type="date" name="from" value="${esc(s.from ?? '')}"></label><label>To <input type="date" name="to" value="${esc(s.to ?? '')}"></label><button type="submit">Update report</button><a class="button secondary" href="${esc(pdf)}">Download PDF</a></div>
</form>
<form method="post" action="/api/report-templates" class="row">${s.indicators.map((i) => `<input type="hidden" name="indicators" value="${esc(i)}">`).join('')}${s.breakdowns.map((b) => `<input type="hidden" name="breakdowns" value="${esc(b)}">`).join('')}<label>Save this choice as a template <input name="name" required maxlength="80" pattern="[A-Za-z0-9 _.()-]+"></label><button type="submit" class="secondary">Save template</button></form>
<p>Print with your browser (Print → Save as PDF) or download the PDF: the page is laid out for A4 and no chart is split across pages.</p></nav>`;
}

function figure(f: ReportFigure): string {
  const kind = `${f.doc.kind}${f.doc.kind === 'trend' ? `-${(f.doc.request as { by: string }).by === 'imd_quintile' ? 'gap' : 'overall'}` : ''}`;
  // A trend's sentence runs the width of the page under the pair of trends (it names every signal).
  const sentences = f.sentences.length && f.doc.kind !== 'trend' ? `<ul class="narrative">${f.sentences.map((t) => `<li>${esc(t)}</li>`).join('')}</ul>` : '';
  if (!f.fallback) return `<figure class="chart small" data-chart="${esc(kind)}"><h3>${esc(f.heading)}</h3>${f.svg}<figcaption>${sentences}</figcaption></figure>`;
  const t = f.fallback.table;
  // Two columns of figures keep a long list of months to half the height.
  const table = t ? `<table class="ipr compact${t.rows.length > 8 ? ' two-up' : ''}"><thead><tr>${t.headers.map((h) => `<th scope="col">${esc(h)}</th>`).join('')}</tr></thead><tbody>${t.rows.map((r) => `<tr><th scope="row">${esc(r[0])}</th>${r.slice(1).map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`).join('')}</tbody></table>` : '';
  return `<figure class="chart small no-chart" data-chart="${esc(kind)}"><h3>${esc(f.heading)}</h3><p>${esc(f.fallback.sentence)}</p>${table}<figcaption>${sentences}</figcaption></figure>`;
}

/** How many indicators show special cause, now or earlier in the window, counted as the overview counts them. */
function summaryRollup(model: ReportModel): string {
  const overall = rollupSentence(model.sections.map((s) => ({ title: s.metric.title, spc: s.spc })), 'Trust overall');
  const withGap = model.sections.filter((s) => s.hasGapSeries);
  const gap = withGap.length ? rollupSentence(withGap.map((s) => ({ title: s.metric.title, spc: s.gapSpc })), 'Q1 − Q5 gap') : '';
  const england = englandRollup(model.sections.map((s) => englandOf(s.benchmarks)));
  return `<ul class="rollup">${[overall, gap, england].filter(Boolean).map((t) => `<li>${esc(t)}</li>`).join('')}</ul>`;
}

/** The SPC sentences of the trust-overall and gap trends, each named, under the pair of charts. */
function trendNotes(s: IndicatorSection): string {
  const items = s.trendSentences.map((t) => `<li><strong>${esc(t.heading)}.</strong> ${esc(t.text)}</li>`);
  return items.length ? `<ul class="narrative trend-notes">${items.join('')}</ul>` : '';
}

function benchmarkList(s: IndicatorSection): string {
  if (!s.benchmarks.length) return '';
  return `<ul class="narrative benchmarks">${s.benchmarks.map((b) => `<li data-area="${esc(b.areaCode)}">${esc(benchmarkSentence(b, s.metric))} <span class="key">Source: ${esc(b.source)}.</span></li>`).join('')}</ul>`;
}

function indicatorSection(s: IndicatorSection, area: string | null): string {
  const m = s.metric;
  if (s.notComputable) {
    return `<section class="indicator" id="${esc(m.id)}" aria-labelledby="h-${esc(m.id)}">${area ? `<p class="area-kicker">${esc(area)}</p>` : ''}<h2 id="h-${esc(m.id)}">${esc(m.title)}</h2>
<p class="definition">${esc(m.definition)}</p><p class="not-computable" role="note"><strong>No figure.</strong> ${esc(s.notComputable.message)}</p></section>`;
  }
  const unavailable = s.unavailable.length ? `<p class="unavailable">Not available for this indicator: ${esc(s.unavailable.map((b) => breakdownTitle(b).toLowerCase()).join(', '))}.</p>` : '';
  const better = m.polarity === 'context' ? 'Neither higher nor lower is better in itself.' : `${m.polarity === 'lower' ? 'Lower' : 'Higher'} is better.`;
  const value = s.overall.suppressed ? 'suppressed' : `${formatValue(s.overall.value, m)} (${s.level}% interval ${formatInterval(s.overall.lower, s.overall.upper, m)})`;
  return `<section class="indicator" id="${esc(m.id)}" aria-labelledby="h-${esc(m.id)}">${area ? `<p class="area-kicker">${esc(area)}</p>` : ''}<h2 id="h-${esc(m.id)}">${esc(m.title)}</h2>
<p class="definition">Trust overall ${esc(value)}, ${esc(formatPeriod(s.period))}. ${esc(m.definition)} ${better} ${s.footnotes.map(esc).join(' ')}</p>
${unavailable}${benchmarkList(s)}<div class="multiples">${s.figures.map(figure).join('')}</div>${trendNotes(s)}</section>`;
}

function completenessSection(model: ReportModel, kind: ReportPageOptions['kind']): string {
  const c = model.completeness;
  const fieldName: Record<string, string> = { ethnicity: 'Ethnic category', sex: 'Sex', age: 'Age', imd: 'Deprivation (LSOA)' };
  const verdict = (r: ReportModel['completeness']['rows'][number]) => targetVerdictLabels[targetVerdict(r, c.target)];
  const rows = c.rows
    .map((r) => `<tr><th scope="row">${esc(r.datasetTitle)}${r.period ? `<br><span class="key">${esc(formatPeriod(r.period))}</span>` : ''}</th>${kind === 'annual' ? `<td>${esc(fieldName[r.field] ?? r.field)}</td>` : ''}<td>${formatPercent(r.validPercent)}<br><span class="key">${formatInterval(r.lower, r.upper, { unit: '%' })}</span></td><td>${formatCount(r.notStated)}</td><td>${formatCount(r.notKnown)}</td><td>${formatCount(r.missing)}</td><td>${formatCount(r.invalid)}</td><td>${formatCount(r.total)}</td><td>${verdict(r)}</td></tr>`)
    .join('');
  const heading = kind === 'annual' ? 'Data quality: unknown and not-stated demographics' : 'Ethnicity recording completeness';
  return `<section class="completeness" aria-labelledby="h-completeness"><h2 id="h-completeness">${heading}</h2>
<p>Who is missing matters as much as the gaps: a record without a valid ${kind === 'annual' ? 'ethnic category, sex, age or deprivation' : 'ethnic category'} cannot be counted in any group. Each row covers that dataset's latest 12 months, to its latest record (the dates under its name). The local target is ${c.target}% recorded validly; a dataset is said to meet or miss it only when the 95% interval of its valid share lies wholly above or below the target. "Not stated" is code Z (the patient declined), "not known" code 99 (not asked or not recorded).</p>
<table class="ipr"><thead><tr><th scope="col">Dataset</th>${kind === 'annual' ? '<th scope="col">Field</th>' : ''}<th scope="col">Recorded validly (95% CI)</th><th scope="col">Not stated</th><th scope="col">Not known</th><th scope="col">Missing</th><th scope="col">Invalid</th><th scope="col">Records</th><th scope="col">Against the ${c.target}% target</th></tr></thead><tbody>${rows}</tbody></table>
${c.charts.map((ch) => (ch.svg ? `<figure class="chart" data-chart="completeness">${ch.svg}</figure>` : `<p class="no-chart" data-chart="completeness">${esc(ch.sentence)}</p>`)).join('')}</section>`;
}

function methods(model: ReportModel): string {
  const notes = [...new Set(model.sections.flatMap((s) => s.notes))];
  return `<section class="methods" aria-labelledby="h-methods"><h2 id="h-methods">Methods and data notes</h2>
<ul>
<li><strong>Intervals.</strong> Percentages: Wilson score intervals; crude rates: exact Poisson below 10 events, Byar's method from 10; directly standardised rates: Dobson's method with the 2013 European Standard Population; medians: order-statistic intervals. All at 95% unless stated, matching PHEindicatormethods.</li>
<li><strong>Differences.</strong> A group is described as higher or lower than the trust overall only when the two 95% intervals do not overlap; otherwise the report says there is no clear difference. Colour and shape in the charts follow the same rule, never the value alone.</li>
<li><strong>Deprivation gap.</strong> IMD quintile 1 (most deprived 20% of areas in England) minus quintile 5; the slope index of inequality (SII) is the modelled difference across the whole deprivation gradient, most to least deprived, with a simulation interval as in PHEindicatormethods.</li>
<li><strong>Statistical process control.</strong> Making Data Count XmR charts: mean, process limits at the mean ± 2.66 × the average moving range, no moving-range screening (as NHS England's tool). Special causes: a point outside the limits; 7 points in a row rising or falling; 7 points on one side of the mean; 2 of 3 points beyond 2 sigma on the same side. At least 12 points are needed to draw limits. Where rounding the counts to 5 alone could move a typical point by three quarters of the average moving range or more, the chart is not read for special causes. The gap series is charted too, because the gap is what the Board needs to watch.</li>
<li><strong>Disclosure control.</strong> ${esc(model.disclosureLabel)}. ${esc(disclosureMethod(DISCLOSURE_PROFILE_IDS.find((id) => DISCLOSURE_PROFILES[id].label === model.disclosureLabel) ?? 'none'))}</li>
${notes.map((n) => `<li>${esc(n)}</li>`).join('')}
<li>${esc(OGL)} Deprivation: English Indices of Deprivation 2019 and 2025 (Ministry of Housing, Communities and Local Government). European Standard Population 2013 (Eurostat).</li>
</ul></section>`;
}

export function reportHtml(model: ReportModel, o: ReportPageOptions): string {
  const s = model.selection;
  const title = s.title ?? (o.kind === 'annual' ? 'Statement on information on health inequalities: annual-report pack' : 'Health inequalities: report to the Board');
  const periods = [...new Set(model.sections.map((x) => formatPeriod(x.period)))];
  const asAt = model.sections.map((x) => x.dataAsAt).filter((d): d is string => Boolean(d)).sort();
  const intro = o.kind === 'annual'
    ? `<p>NHS England's statement on information on health inequalities (section 13SA of the NHS Act 2006) asks every trust to publish its indicators broken down by deprivation, ethnicity, age and sex, with the share of unknown or not-stated values. This pack does that for all ${model.sections.length} indicators that can be computed from the loaded data, with trends and a CSV data appendix.</p>`
    : `<p>${model.sections.length} indicator${model.sections.length === 1 ? '' : 's'} by ${esc(s.breakdowns.map((b) => breakdownTitle(b).toLowerCase()).join(', ').replace('imd', 'IMD'))}, with statistical process control on each trust-wide series and on the deprivation gap.</p>`;
  return `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${esc(title)} — Parity</title><style>${fontFaceCss(o.fonts)}${BASE_CSS}${REPORT_CSS}</style></head>
<body class="report report-${o.kind}"><header class="site-header"><div class="inner"><span class="brand-name">Parity</span><span class="brand-tag">health inequalities</span></div></header><main>${o.controls ? controls(model, o) : ''}
<header class="cover"><h1>${esc(title)}</h1>${intro}<dl><dt>Period</dt><dd>${esc(periods.join('; ') || '–')}</dd><dt>Data as at</dt><dd>${esc(asAt.length ? formatDate(asAt[asAt.length - 1]) : 'not known')}</dd><dt>Produced</dt><dd>${esc(formatDateTime(model.generatedAt))} by Parity</dd><dt>Disclosure control</dt><dd>${esc(model.disclosureLabel)}</dd></dl></header>
<section class="summary" aria-labelledby="h-summary"><h2 id="h-summary">${o.kind === 'board' ? 'What the Board should know' : 'Summary'}</h2>${summaryRollup(model)}${soWhatTable(model.sections)}</section>
${byArea(model.sections).map((g) => g.items.map((x, i) => indicatorSection(x, i === 0 ? g.area : null)).join('\n')).join('\n')}
${completenessSection(model, o.kind)}
${methods(model)}
</main></body></html>`;
}
