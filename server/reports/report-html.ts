// The board report and the annual-report pack as one printable A4 HTML document: cover, summary
// table with SPC icons, a section per indicator (charts with CI-gated sentences), recording
// completeness, methods and data notes. No script; print rules keep every chart on one page.
import { breakdownTitle, targetVerdict, targetVerdictLabels } from '../../core/text/compare.ts';
import { formatCount, formatDate, formatDateTime, formatDifference, formatInterval, formatLongMonth, formatPercent, formatPeriod, formatValue } from '../../core/text/format.ts';
import { OGL } from '../charts/documents/index.ts';
import { BASE_CSS, esc, fontFaceCss } from '../charts/html.ts';
import { earlierSignalsNote, rollupSentence, spcSentence } from '../../core/text/spc-words.ts';
import type { IndicatorSection, ReportChart, ReportModel } from './build.ts';
import { assuranceIcon, variationIcon } from './icons.ts';
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
@page{size:A4;margin:14mm 14mm 16mm}
body{max-width:720px}
h2{font-size:1.25rem;margin:1.5rem 0 .5rem;font-weight:600;break-after:avoid}
h3{font-size:1.05rem;margin:1rem 0 .35rem;font-weight:600;break-after:avoid}
.cover{border-bottom:4px solid #005EB8;padding-bottom:.75rem;margin-bottom:1rem}
.cover dl{display:grid;grid-template-columns:max-content 1fr;gap:.15rem 1rem;margin:.5rem 0 0;font-size:.95rem}
.cover dt{font-weight:600}
.cover dd{margin:0}
figure.chart{margin:.75rem 0 1.25rem;break-inside:avoid;page-break-inside:avoid}
figure.chart svg{width:100%;max-height:200mm}
figure.chart figcaption ul{margin:.4rem 0 0;padding-left:1.2rem;font-size:.92rem}
table.ipr{border-collapse:collapse;width:100%;font-size:.82rem;font-variant-numeric:tabular-nums}
table.ipr th,table.ipr td{border:1px solid #D8DDE0;padding:.3rem .35rem;vertical-align:middle;text-align:left}
table.ipr thead th{background:#F0F4F5}
table.ipr tr{break-inside:avoid}
.icon-with-label{display:inline-flex;align-items:center;gap:.3rem}
.icon-with-label svg{flex:none}
.icon-none{color:#4C6272;font-style:italic}
.key{font-size:.82rem;color:#4C6272}
section.indicator{break-before:page}
section.completeness,section.methods{break-before:page}
.definition{color:#4C6272;font-size:.92rem;margin:.15rem 0 .5rem}
.unavailable{font-size:.88rem;color:#4C6272}
.controls{border:1px solid #D8DDE0;background:#F8FAFB;padding:.75rem 1rem;margin-bottom:1rem;font-size:.92rem}
.controls fieldset{border:0;padding:0;margin:0 0 .5rem}
.controls legend{font-weight:600}
.controls .options{columns:2;column-gap:1.5rem}
.controls label{display:block}
.controls .row{display:flex;flex-wrap:wrap;gap:.75rem;align-items:end;margin-top:.5rem}
.controls button,.controls .button{font:inherit;background:#005EB8;color:#fff;border:0;padding:.35rem .8rem;border-radius:3px;text-decoration:none;cursor:pointer}
.controls .secondary{background:#fff;color:#005EB8;border:1px solid #005EB8}
@media print{.no-print{display:none!important}body{max-width:none;padding:0}a{color:inherit;text-decoration:none}}
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

const fmtGap = (v: number | null | undefined, m: IndicatorSection['metric']) => formatDifference(v ?? null, m);

/** The latest point's icon, then any special cause earlier in the window, so a grey icon never hides a past shift. */
function variationCell(spc: IndicatorSection['spc']): string {
  const earlier = earlierSignalsNote(spc);
  return `${variationIcon(spc?.variation)}${earlier ? `<br><span class="key">${esc(earlier)}</span>` : ''}`;
}

/** How many indicators show special cause, now or earlier in the window, counted as the overview counts them. */
function summaryRollup(model: ReportModel): string {
  const overall = rollupSentence(model.sections.map((s) => ({ title: s.metric.title, spc: s.spc })), 'Trust overall');
  const withGap = model.sections.filter((s) => s.hasGapSeries);
  const gap = withGap.length ? rollupSentence(withGap.map((s) => ({ title: s.metric.title, spc: s.gapSpc })), 'Q1 − Q5 gap') : '';
  return `<ul class="rollup">${[overall, gap].filter(Boolean).map((t) => `<li>${esc(t)}</li>`).join('')}</ul>`;
}

function summaryTable(model: ReportModel): string {
  const rows = model.sections
    .map((s) => {
      const m = s.metric;
      const o = s.overall;
      if (s.notComputable) {
        return `<tr><th scope="row"><a href="#${esc(m.id)}">${esc(m.title)}</a><br><span class="key">${esc(formatPeriod(s.period))}</span></th><td colspan="6"><strong>Not computable</strong> from the data loaded (see the indicator's page).</td></tr>`;
      }
      const value = o.suppressed ? 'Suppressed' : `${formatValue(o.value, m)}<br><span class="key">${s.level}% CI ${formatInterval(o.lower, o.upper, m)}</span>`;
      return `<tr><th scope="row"><a href="#${esc(m.id)}">${esc(m.title)}</a><br><span class="key">${esc(formatPeriod(s.period))}</span></th><td>${value}</td><td>${s.latest ? `${formatValue(s.latest.value, m)}<br><span class="key">${esc(formatLongMonth(s.latest.period))}</span>` : '–'}</td><td>${variationCell(s.spc)}</td><td>${assuranceIcon(s.spc?.assurance)}</td><td>${s.gap ? fmtGap(s.gap.absolute, m) : '–'}</td><td>${s.hasGapSeries ? variationCell(s.gapSpc) : '<span class="icon-none">No IMD gap series</span>'}</td></tr>`;
    })
    .join('');
  return `<table class="ipr"><caption class="key" style="caption-side:bottom;text-align:left;padding-top:.4rem">Variation and assurance follow NHS England's Making Data Count; the icon reads the latest point and the words under it any special cause earlier in the window: ~ common cause; H / L special cause high / low, blue where that is an improvement, orange where it is a concern, purple where the indicator has no better direction. Assurance compares the target with the process limits: P consistently passes, F consistently fails, ? inconsistent. The gap is IMD quintile 1 (most deprived) minus quintile 5; its icon treats a gap moving towards zero as improvement.</caption>
<thead><tr><th scope="col">Indicator</th><th scope="col">Period value</th><th scope="col">Latest month</th><th scope="col">Variation</th><th scope="col">Assurance</th><th scope="col">Q1 − Q5 gap</th><th scope="col">Gap variation</th></tr></thead><tbody>${rows}</tbody></table>`;
}

function figure(c: ReportChart, sentences: string[]): string {
  return `<figure class="chart" data-chart="${esc(c.doc.kind)}">${c.svg}<figcaption><ul class="narrative">${sentences.map((t) => `<li>${esc(t)}</li>`).join('')}</ul></figcaption></figure>`;
}

function indicatorSection(s: IndicatorSection): string {
  const m = s.metric;
  if (s.notComputable) {
    return `<section class="indicator" id="${esc(m.id)}" aria-labelledby="h-${esc(m.id)}"><h2 id="h-${esc(m.id)}">${esc(m.title)}</h2>
<p class="definition">${esc(m.definition)}</p><p class="not-computable" role="note"><strong>No figure.</strong> ${esc(s.notComputable.message)}</p></section>`;
  }
  const charts = s.breakdowns.map((c) => figure(c, c.doc.narrative)).join('');
  const trends = [s.trend ? figure(s.trend, [spcSentence(s.spc, m, { grain: m.grain })]) : '', s.gapTrend ? figure(s.gapTrend, [spcSentence(s.gapSpc, m, { gap: true, grain: m.grain })]) : ''].join('');
  const unavailable = s.unavailable.length ? `<p class="unavailable">Not available for this indicator: ${esc(s.unavailable.map((b) => breakdownTitle(b).toLowerCase()).join(', '))}.</p>` : '';
  return `<section class="indicator" id="${esc(m.id)}" aria-labelledby="h-${esc(m.id)}"><h2 id="h-${esc(m.id)}">${esc(m.title)}</h2>
<p class="definition">${esc(m.definition)} ${m.polarity === 'context' ? 'Neither higher nor lower is better in itself.' : `${m.polarity === 'lower' ? 'Lower' : 'Higher'} is better.`} Method: ${esc(m.method)}; data as at ${esc(formatDate(s.dataAsAt))}.</p>
${unavailable}${charts}${trends}</section>`;
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
${c.charts.map((ch) => `<figure class="chart" data-chart="completeness">${ch.svg}</figure>`).join('')}</section>`;
}

function methods(model: ReportModel): string {
  const notes = [...new Set(model.sections.flatMap((s) => s.notes))];
  return `<section class="methods" aria-labelledby="h-methods"><h2 id="h-methods">Methods and data notes</h2>
<ul>
<li><strong>Intervals.</strong> Percentages: Wilson score intervals; crude rates: exact Poisson below 10 events, Byar's method from 10; directly standardised rates: Dobson's method with the 2013 European Standard Population; medians: order-statistic intervals. All at 95% unless stated, matching PHEindicatormethods.</li>
<li><strong>Differences.</strong> A group is described as higher or lower than the trust overall only when the two 95% intervals do not overlap; otherwise the report says there is no clear difference. Colour and shape in the charts follow the same rule, never the value alone.</li>
<li><strong>Deprivation gap.</strong> IMD quintile 1 (most deprived 20% of areas in England) minus quintile 5; the slope index of inequality (SII) is the modelled difference across the whole deprivation gradient, most to least deprived, with a simulation interval as in PHEindicatormethods.</li>
<li><strong>Statistical process control.</strong> Making Data Count XmR charts: mean, process limits at the mean ± 2.66 × the average moving range, no moving-range screening (as NHS England's tool). Special causes: a point outside the limits; 7 points in a row rising or falling; 7 points on one side of the mean; 2 of 3 points beyond 2 sigma on the same side. At least 12 points are needed to draw limits. The gap series is charted too, because the gap is what the Board needs to watch.</li>
<li><strong>Disclosure control.</strong> ${esc(model.disclosureLabel)}. Values and intervals come from the true counts; a value computed from a small count is withheld.</li>
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
<body class="report report-${o.kind}">${o.controls ? controls(model, o) : ''}<main>
<header class="cover"><h1>${esc(title)}</h1>${intro}<dl><dt>Period</dt><dd>${esc(periods.join('; ') || '–')}</dd><dt>Data as at</dt><dd>${esc(asAt.length ? formatDate(asAt[asAt.length - 1]) : 'not known')}</dd><dt>Produced</dt><dd>${esc(formatDateTime(model.generatedAt))} by Parity</dd><dt>Disclosure control</dt><dd>${esc(model.disclosureLabel)}</dd></dl></header>
<section class="summary" aria-labelledby="h-summary"><h2 id="h-summary">Summary</h2>${summaryRollup(model)}${summaryTable(model)}</section>
${model.sections.map(indicatorSection).join('\n')}
${completenessSection(model, o.kind)}
${methods(model)}
</main></body></html>`;
}
