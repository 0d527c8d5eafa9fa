// What a chart can be saved as: the request for the same chart drawn by the server
// (`/api/charts/:metric.svg|png` or `/api/charts/completeness.svg|png`, with its title, subtitle and footnotes — the board-paper
// version), and the chart's figures as a CSV table. Pure functions: no DOM, no React.
import type { BreakdownResult, Counts, Spc } from '../../../core/contracts/results.ts';
import type { CsvTable } from '../lib/csv.ts';
import type { TrendPoint } from '../../../core/charts/trend.ts';

/** The server's chart kinds (`chart=` on /api/charts and /api/published); `specialty-comparison` highlights `specialty` among all specialties. */
export type ServerChartKind = 'breakdown' | 'trend' | 'heatmap' | 'specialty-comparison';
export type CompletenessChartKind = 'completeness-trend' | 'completeness-months' | 'completeness-groups';

/** One chart as the server draws and publishes it: the body of POST /api/published. */
export type ServerChart = IndicatorServerChart | CompletenessServerChart;

/** A completeness page chart: `/api/charts/completeness.svg|png?dataset=&field=&…`. */
export interface CompletenessServerChart {
  chart: CompletenessChartKind;
  dataset: string;
  field: string;
  /** specialty or site: only the groups chart is split. */
  by?: string | null;
  from?: string | null;
  to?: string | null;
}

export function isCompletenessChart(chart: ServerChart): chart is CompletenessServerChart {
  return chart.chart.startsWith('completeness-');
}

export interface IndicatorServerChart {
  metric: string;
  chart: ServerChartKind;
  by: string;
  by2?: string | null;
  from?: string | null;
  to?: string | null;
  specialty?: string | null;
  site?: string | null;
  level?: number | null;
}

/** `/api/charts/op-dna-rate.png?chart=breakdown&by=imd_quintile&…`; PNGs at 2× for print. */
export function serverChartUrl(chart: ServerChart, format: 'svg' | 'png'): string {
  if (isCompletenessChart(chart)) {
    const params = new URLSearchParams(completenessFields(chart));
    if (format === 'png') params.set('scale', '2');
    return `/api/charts/completeness.${format}?${params.toString()}`;
  }
  const params = new URLSearchParams();
  params.set('chart', chart.chart);
  params.set('by', chart.by);
  const optional: [string, string | number | null | undefined][] = [
    ['by2', chart.chart === 'heatmap' ? chart.by2 : null],
    ['from', chart.from],
    ['to', chart.to],
    ['specialty', chart.specialty],
    ['site', chart.site],
    ['level', chart.level && chart.level !== 95 ? chart.level : null],
  ];
  for (const [key, value] of optional) if (value !== null && value !== undefined && value !== '') params.set(key, String(value));
  if (format === 'png') params.set('scale', '2');
  return `/api/charts/${encodeURIComponent(chart.metric)}.${format}?${params.toString()}`;
}

/** The publish request: only what the server accepts, nothing empty. */
export function publishBody(chart: ServerChart): Record<string, string | number> {
  if (isCompletenessChart(chart)) return completenessFields(chart);
  const body: Record<string, string | number> = { metric: chart.metric, chart: chart.chart, by: chart.by };
  if (chart.chart === 'heatmap' && chart.by2) body.by2 = chart.by2;
  for (const key of ['from', 'to', 'specialty', 'site'] as const) {
    const value = chart[key];
    if (value) body[key] = value;
  }
  if (chart.level === 99.8) body.level = 99.8;
  return body;
}

/** What picks a completeness chart, nothing empty: the query of its files and the body of its publication. */
function completenessFields(chart: CompletenessServerChart): Record<string, string> {
  const fields: Record<string, string> = { chart: chart.chart, dataset: chart.dataset, field: chart.field };
  if (chart.chart === 'completeness-groups' && chart.by) fields.by = chart.by;
  if (chart.from) fields.from = chart.from;
  if (chart.to) fields.to = chart.to;
  return fields;
}

/** A file name from words: "Outpatient DNA rate by IMD quintile" → "outpatient-dna-rate-by-imd-quintile". */
export function fileSlug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 80) || 'parity-chart';
}

/** A breakdown (one-way or two-way) with every figure as a number, one row per group and the overall last. */
export function breakdownData(result: Pick<BreakdownResult, 'metric' | 'by' | 'by2' | 'rows' | 'overall' | 'level' | 'period' | 'disclosure' | 'dataAsAt'>, overallLabel = 'Trust overall'): CsvTable {
  const lvl = String(result.level).replace('.', '_');
  const two = Boolean(result.by2);
  const headers = ['metric', 'breakdown', 'group', 'label', ...(two ? ['breakdown_2', 'group_2', 'label_2'] : []), 'numerator', 'denominator', 'value', `lower_${lvl}`, `upper_${lvl}`, 'unit', 'method', 'suppressed', 'suppression', 'compared_with_overall', 'period_from', 'period_to', 'disclosure', 'data_as_at'];
  const tail = [result.period.from, result.period.to, result.disclosure, result.dataAsAt ?? null];
  const rows = result.rows.map((r) => [
    result.metric.id, result.by, r.group, r.label, ...(two ? [result.by2 ?? '', r.group2 ?? '', r.label2 ?? ''] : []),
    r.numerator, r.denominator, r.value, r.lower, r.upper, result.metric.unit, r.method, r.suppressed, r.suppression ?? null, r.comparison, ...tail,
  ]);
  if (!two) {
    const o = result.overall;
    rows.push([result.metric.id, result.by, 'overall', overallLabel, o.numerator, o.denominator, o.value, o.lower, o.upper, result.metric.unit, o.method ?? '', o.suppressed, o.suppression ?? null, null, ...tail]);
  }
  return { headers, rows };
}

/** A monthly series with its SPC mean, limits and signals. */
export function trendData(points: TrendPoint[], spc: Spc | null, series: string): CsvTable {
  const byPeriod = new Map((spc?.points ?? []).map((p) => [p.period, p]));
  return {
    headers: ['series', 'period', 'value', 'lower', 'upper', 'numerator', 'denominator', 'suppressed', 'spc_mean', 'spc_lower_limit', 'spc_upper_limit', 'spc_signal', 'spc_kind'],
    rows: points.map((p) => {
      const s = byPeriod.get(p.period);
      return [series, p.period, p.value, p.lower ?? null, p.upper ?? null, p.numerator ?? null, p.denominator ?? null, p.suppressed ?? false, spc?.mean ?? null, spc?.lower ?? null, spc?.upper ?? null, s?.signal ?? null, s?.kind ?? null];
    }),
  };
}

/** Recording completeness: one row per month or group, with each kind of record counted. */
export function completenessData(items: (Counts & { label: string; period?: string })[], first: string): CsvTable {
  return {
    headers: [first, 'valid', 'not_stated', 'not_known', 'missing', 'invalid', 'total', 'valid_percent', 'lower', 'upper'],
    rows: items.map((i) => [i.period ?? i.label, i.valid, i.notStated, i.notKnown, i.missing, i.invalid, i.total, i.validPercent, i.lower ?? null, i.upper ?? null]),
  };
}
