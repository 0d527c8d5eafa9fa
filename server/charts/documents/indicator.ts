// An indicator's chart documents — the breakdown dot chart, the SPC trend (overall or the IMD
// quintile 1 – 5 gap) and the two-way heat map — built from the live breakdown and series.
import { chartBenchmark } from '../../../core/charts/benchmark-layers.ts';
import { benchmarkFigure } from '../../../core/text/benchmarks.ts';
import type { BreakdownResult as WebBreakdownResult } from '../../../core/contracts/results.ts';
import { TREATMENT_FUNCTIONS } from '../../../core/codes/treatment-functions.ts';
import { breakdownSpec } from '../../../core/charts/breakdown.ts';
import { heatmapSpec } from '../../../core/charts/heatmap.ts';
import { valueTitle } from '../../../core/charts/shared.ts';
import { trendSpec } from '../../../core/charts/trend.ts';
import { assess, assessmentLabels, breakdownTitle } from '../../../core/text/compare.ts';
import { describeBreakdown, describeGap, describeKnownRecords } from '../../../core/text/describe.ts';
import { formatInterval, formatLongMonth, formatPeriod, formatValue } from '../../../core/text/format.ts';
import { spcSentence } from '../../../core/text/spc-words.ts';
import type { BreakdownResult, SeriesResult } from '../../../metrics/engine/result-types.ts';
import type { MetricsService } from '../../services/metrics-service.ts';
import * as messages from '../../messages.ts';
import { CHART_FONT } from '../fonts.ts';
import { breakdownTable, commonFootnotes, month, resultFields, type ChartDocument, type ChartDocumentEntry } from './common.ts';
import { CHART_KINDS, type ChartRequest } from './requests.ts';

/** "IMD quintile" stays as it is; "Ethnic group" becomes "ethnic group". */
const lowerTitle = (text: string) => (/^[A-Z]{2}/.test(text) ? text : text.charAt(0).toLowerCase() + text.slice(1));
const slug = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

function filterText(filters: { specialty?: string | null; site?: string | null }): string[] {
  const out: string[] = [];
  if (filters.specialty) out.push(`specialty ${TREATMENT_FUNCTIONS[filters.specialty] ?? ''} (${filters.specialty})`.replace('  ', ' '));
  if (filters.site) out.push(`site ${filters.site}`);
  return out;
}

function trendTable(points: { period: string; value: number | null; lower?: number | null; upper?: number | null; numerator?: number | null; denominator?: number | null; suppressed?: boolean }[], spc: SeriesResult['overall']['spc'], metricId: string, series: string, level: number): ChartDocument['table'] {
  const lvl = String(level).replace('.', '_');
  const byPeriod = new Map((spc?.points ?? []).map((p) => [p.period, p]));
  return {
    headers: ['metric', 'series', 'period', 'value', `lower_${lvl}`, `upper_${lvl}`, 'numerator', 'denominator', 'suppressed', 'spc_mean', 'spc_lower_limit', 'spc_upper_limit', 'spc_signal', 'spc_kind'],
    rows: points.map((p) => {
      const s = byPeriod.get(p.period);
      return [metricId, series, p.period, p.value, p.lower ?? null, p.upper ?? null, p.numerator ?? null, p.denominator ?? null, p.suppressed ?? false, spc?.mean ?? null, spc?.lower ?? null, spc?.upper ?? null, s?.signal ?? null, s?.kind ?? null];
    }),
  };
}

/** `described`: the sentences a reader of the chart needs beyond the dots (unknown group, the IMD gap). */
function breakdownAlt(r: BreakdownResult, described: (string | null)[]): string {
  const shown = r.rows.filter((x) => !x.suppressed && x.value !== null);
  const suppressed = r.rows.length - shown.length;
  const overall = r.overall.suppressed ? 'suppressed' : `${formatValue(r.overall.value, r.metric)} (${r.level}% interval ${formatInterval(r.overall.lower, r.overall.upper, r.metric)})`;
  return [
    `Dot chart of ${r.metric.title} for ${r.rows.length} ${lowerTitle(breakdownTitle(r.by))} groups, ${formatPeriod(r.period)}, each with its ${r.level}% confidence interval; the trust overall is ${overall}.`,
    ...shown.map((x) => `${x.label}: ${formatValue(x.value, r.metric)} (${formatInterval(x.lower, x.upper, r.metric)}), ${assessmentLabels[assess(x, r.metric.polarity)].toLowerCase()}.`),
    suppressed ? `${suppressed} group${suppressed === 1 ? '' : 's'} suppressed for small numbers.` : '',
    ...described,
  ].filter(Boolean).join(' ');
}

/** What the green rule and band of a breakdown chart are, when it draws a benchmark. */
function benchmarkNote(chart: string, r: BreakdownResult): string {
  const b = chart === 'breakdown' ? chartBenchmark(r.benchmarks) : null;
  if (!b || b.value === null) return '';
  return ` Green line and band: ${benchmarkFigure(b, r.metric)} (95% interval), source ${b.source}${b.groups?.length ? '; open diamonds: its value for each group' : ''}.`;
}

/** Builds the document for a chart from live results. */
export async function buildChartDocument(metrics: MetricsService, request: ChartRequest): Promise<ChartDocument> {
  const level = request.level ?? 95;
  const filters = { specialty: request.specialty ?? null, site: request.site ?? null };
  const where = filterText(filters);
  const options = { width: 760, font: CHART_FONT };
  if (request.chart === 'trend') {
    if (request.by !== 'overall' && request.by !== 'imd_quintile') {
      throw messages.trendChartBreakdown();
    }
    const metric = metrics.metric(request.metric);
    // The trend chart draws no benchmark, so its series skips the per-year comparisons.
    const s = await metrics.series(metric.id, { by: request.by, grain: metric.grain, from: request.from, to: request.to, ...filters, level, benchmarks: false });
    const gap = request.by === 'imd_quintile';
    if (gap && !s.gap) throw messages.noGapSeries(s.metric.title);
    const points = gap ? s.gap!.points : s.overall.points;
    const spc = gap ? s.gap!.spc : s.overall.spc;
    const unit = s.metric;
    const yTitle = gap ? (unit.unit === '%' ? 'Quintile 1 − quintile 5 (percentage points)' : `Quintile 1 − quintile 5 (${unit.unit})`) : valueTitle(unit);
    const spec = trendSpec({ points, spc, unit, yTitle, zero: false }, options);
    const first = points[0]?.period;
    const last = points[points.length - 1]?.period;
    const span = first && last ? `${formatLongMonth(first)} to ${formatLongMonth(last)}` : formatPeriod(s.period);
    const title = request.title || (gap ? `${s.metric.title}: gap between the most and least deprived fifths` : `${s.metric.title}: trend with statistical process control`);
    const narrative = s.notComputable ? [s.notComputable.message] : [spcSentence(spc, unit, { gap, grain: s.grain })];
    const alt = s.notComputable
      ? `No chart: ${s.notComputable.message}`
      : points.length === 0
      ? 'No monthly figures in this period.'
      : `Statistical process control chart of ${points.length} ${s.grain}ly values from ${span}. ${narrative[0]}`;
    return {
      format: 1,
      kind: 'trend',
      request: { ...request, level },
      title,
      subtitle: [[valueTitle(s.metric), gap ? 'IMD quintile 1 minus quintile 5' : 'trust overall', ...where, `by ${s.grain}, ${span}`].join(' · ')],
      footnotes: commonFootnotes(s.metric, s, `Method: Making Data Count XmR chart — mean, and process limits at the mean ± 2.66 × the average moving range; special-cause points coloured (blue improvement, orange concern). Monthly values: ${s.metric.method}.`),
      alt,
      narrative,
      spec,
      table: trendTable(points, spc, s.metric.id, gap ? 'imd_q1_minus_q5' : 'overall', level),
      fileName: [s.metric.id, gap ? 'imd-gap-trend' : 'trend', ...(filters.specialty ? [`tf-${filters.specialty}`] : []), ...(filters.site ? [`site-${slug(filters.site)}`] : []), month(s.period.from), month(s.period.to)].join('_'),
      ...resultFields(s, s.metric),
    };
  }
  if (request.chart === 'heatmap' && !request.by2) throw messages.heatmapNeedsBy2();
  const r = await metrics.breakdown(request.metric, { by: request.by, by2: request.chart === 'heatmap' ? request.by2 ?? null : null, from: request.from, to: request.to, ...filters, level });
  const webResult: WebBreakdownResult = r;
  const byText = lowerTitle(breakdownTitle(r.by));
  const by2Text = r.by2 ? lowerTitle(breakdownTitle(r.by2)) : '';
  const spec = request.chart === 'heatmap' ? heatmapSpec(webResult, options) : breakdownSpec(webResult, options);
  const statements = describeBreakdown(webResult);
  const narrative = r.notComputable
    ? [r.notComputable.message]
    : request.chart === 'heatmap'
    ? [`Each cell is the ${r.metric.title.toLowerCase()} for one pair of groups; * marks a suppressed cell. Intervals are in the data table.`]
    : [...statements.differences, statements.similar, statements.suppressed, statements.notCompared].filter((x): x is string => Boolean(x));
  // Quintile 1 against quintile 5, the SII and the RII in the words of the web page and the reports.
  const gapSentences = describeGap(r);
  narrative.push(...gapSentences);
  const known = request.chart === 'breakdown' ? describeKnownRecords(r, r.level) : null;
  if (known) narrative.unshift(known);
  const footnotes = commonFootnotes(r.metric, r, `Method: ${r.metric.method}, ${r.level}% confidence intervals (lines)${request.chart === 'breakdown' && !r.overall.suppressed && r.overall.value !== null ? `; dashed line: trust overall, ${formatValue(r.overall.value, r.metric)}` : ''}. A group is called higher or lower than the trust overall only where the 95% intervals do not overlap.${benchmarkNote(request.chart, r)}`);
  // A PNG has no description: the quintile 1 against quintile 5 verdict goes under the chart, after the method.
  if (request.chart === 'breakdown' && gapSentences.length > 0 && r.gap?.absolute !== null) footnotes.splice(2, 0, gapSentences[0]);
  const title = request.title || (r.by2 ? `${r.metric.title} by ${byText} and ${by2Text}` : `${r.metric.title} by ${byText}`);
  return {
    format: 1,
    kind: request.chart,
    request: { ...request, level },
    title,
    subtitle: [[valueTitle(r.metric), `by ${byText}${r.by2 ? ` and ${by2Text}` : ''}`, ...where, formatPeriod(r.period)].join(' · ')],
    footnotes,
    alt: r.notComputable
      ? `No chart: ${r.notComputable.message}`
      : request.chart === 'heatmap'
      ? `Heat map of ${r.metric.title} by ${byText} (rows) and ${by2Text} (columns), ${formatPeriod(r.period)}: ${r.rows.length} cells, ${r.rows.filter((x) => x.suppressed).length} suppressed. ${r.rows.filter((x) => !x.suppressed && x.value !== null).map((x) => `${x.label}, ${x.label2}: ${formatValue(x.value, r.metric)}`).join('; ')}.`
      : breakdownAlt(r, [known, ...gapSentences]),
    narrative,
    spec,
    table: breakdownTable(r),
    fileName: [r.metric.id, `by-${slug(r.by)}${r.by2 ? `-and-${slug(r.by2)}` : ''}`, ...(filters.specialty ? [`tf-${filters.specialty}`] : []), ...(filters.site ? [`site-${slug(filters.site)}`] : []), month(r.period.from), month(r.period.to)].join('_'),
    ...resultFields(r, r.metric),
  };
}

export const indicatorDocuments: ChartDocumentEntry<ChartRequest> = {
  kinds: CHART_KINDS,
  subject: 'indicator',
  // The routes' schemas default `by` to overall and `level` to 95: the fallbacks only restate them.
  fromBody: (b) => ({
    metric: b.metric!,
    chart: b.chart as ChartRequest['chart'],
    by: b.by ?? 'overall',
    by2: b.by2 ?? null,
    from: b.from,
    to: b.to,
    specialty: b.specialty ?? null,
    site: b.site ?? null,
    level: b.level ?? 95,
    title: b.title ?? null,
  }),
  build: buildChartDocument,
  filedUnder: (request) => [request.by, request.by2 ?? null],
};
