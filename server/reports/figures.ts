// One small chart of a report — a breakdown, the trend or the gap trend — drawn half the page wide
// so an indicator's charts sit side by side, with a footnote that describes that chart and short
// CI-gated sentences. Where a chart would say nothing (one group, a handful of points over many
// periods, a flat line, ticks no reader can use) it is a table or a sentence instead.
import { assess, assessmentLabels, type Assessment } from '../../core/text/compare.ts';
import { describeGap, list } from '../../core/text/describe.ts';
import { formatDifference, formatInterval, formatMonth, formatNumber, formatValue } from '../../core/text/format.ts';
import type { BreakdownResult, SeriesResult } from '../../metrics/engine/result-types.ts';
import type { ChartDocument } from '../charts/documents/index.ts';
import type { ChartRequest } from '../charts/documents/requests.ts';
import { buildChartDocument } from '../charts/documents/indicator.ts';
import { drawSvg } from '../charts/draw.ts';
import type { MetricsService } from '../services/metrics-service.ts';
import { breakdownPhrase } from '../../core/text/compare.ts';
import { spcWords } from './so-what.ts';

/** Half the text block, less the gutter: two charts to a row. */
export const SMALL_CHART_WIDTH = 336;
/** Below this many values a trend chart is a table; so is one with under half its periods filled. */
export const MIN_TREND_POINTS = 6;
/** Trends are drawn shorter than they are wide so an indicator's four charts share a page. */
const TREND_PLOT_HEIGHT = 100;
const ROW_STEP = 18;

/**
 * The same spec at half width: rows closer together, legends in two columns within the width,
 * trends shorter. Nothing about what is drawn changes.
 */
function smallSpec(spec: ChartDocument['spec'], trend: boolean, metric: ChartDocument['metric']): ChartDocument['spec'] {
  // The value axis is titled by its unit: the indicator's name is the section's heading.
  const long = `${metric.title} (${metric.unit})`;
  const short = metric.unit === '%' ? 'Per cent' : metric.unit.charAt(0).toUpperCase() + metric.unit.slice(1);
  const walk = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(walk);
    if (!node || typeof node !== 'object') return node;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(node)) {
      // The footnote names each colour and shape instead of a legend, which would not fit half a page.
      if (k === 'config') out[k] = v;
      else if (k === 'legend') out[k] = null;
      else if ((k === 'color' || k === 'shape') && v && typeof v === 'object') out[k] = { ...(walk(v) as object), legend: null };
      else if (k === 'title' && v === long) out[k] = short;
      else if (k === 'axis' && v && typeof v === 'object' && 'maxExtent' in v) out[k] = { ...v, labelLimit: 150, maxExtent: 160 };
      else out[k] = walk(v);
    }
    return out;
  };
  const out = walk(spec) as Record<string, unknown>;
  if (trend) out.height = TREND_PLOT_HEIGHT;
  else if (out.height && typeof out.height === 'object' && 'step' in out.height) out.height = { step: ROW_STEP };
  return out as unknown as ChartDocument['spec'];
}

const ASSESSMENT_MARKS = { better: 'blue diamond', worse: 'orange square', higher: 'purple triangle up', lower: 'purple triangle down', similar: 'grey circle' } as const;
const MARK_WORDS = { better: 'better', worse: 'worse', higher: 'higher', lower: 'lower', similar: 'no clear difference' } as const;
const SPC_MARKS = { improvement: 'blue diamond improvement', concern: 'orange square concern', neither: 'purple triangle neither better nor worse', common: 'grey circle common cause' } as const;

/** What the marks of this chart are, in a line or two under it. */
function smallFootnote(doc: ChartDocument): string {
  const m = doc.metric;
  if (doc.kind === 'trend') {
    const s = doc.result as SeriesResult;
    const grain = s.grain === 'quarter' ? 'Quarterly' : 'Monthly';
    const spc = (doc.request as ChartRequest).by === 'imd_quintile' ? s.gap?.spc : s.overall.spc;
    if (!spc) return `${grain} values joined by a line; fewer than 12 points, so no mean or process limits are drawn.`;
    const kinds = new Set((spc.points ?? []).map((p) => p.kind ?? 'common'));
    const marks = (['improvement', 'concern', 'neither', 'common'] as const).filter((k) => kinds.has(k)).map((k) => SPC_MARKS[k]).join(', ');
    return `${grain} values; solid line: mean; dashed: process limits (see Methods); ${marks}.`;
  }
  const r = doc.result as BreakdownResult;
  const overall = r.overall.suppressed || r.overall.value === null ? '' : `; dashed line: trust overall, ${formatValue(r.overall.value, m)}`;
  const used = new Set(r.rows.filter((x) => !x.suppressed && x.value !== null).map((x) => assess(x, m.polarity)));
  const marks = (['better', 'worse', 'higher', 'lower', 'similar'] as const).filter((a) => used.has(a)).map((a) => `${ASSESSMENT_MARKS[a]} ${MARK_WORDS[a]}`).join(', ');
  const against = [...used].some((a) => a !== 'similar') ? ' than the trust overall' : '';
  return `${marks.charAt(0).toUpperCase()}${marks.slice(1)}${against}; lines: ${r.level}% confidence intervals (${m.method})${overall}.`;
}

export interface FallbackTable {
  headers: string[];
  rows: string[][];
}

export interface ReportFigure {
  doc: ChartDocument;
  heading: string;
  /** The drawing; null when the figure is a table or a sentence instead. */
  svg: string | null;
  sentences: string[];
  /** Why there is no chart, and the figures as a table (when there are any). */
  fallback: { sentence: string; table: FallbackTable | null } | null;
}

/** A tick or label with more than four decimals ("42.748097", "0.000000") is a chart no one can read. */
export function hasUnreadableNumbers(svg: string): boolean {
  return [...svg.matchAll(/<text\b[^>]*>([^<]*)<\/text>/g)].some((m) => /\d[.,]\d{5,}/.test(m[1]));
}

const grainWord = (grain: string) => (grain === 'quarter' ? 'quarter' : 'month');

function headingOf(doc: ChartDocument): string {
  const request = doc.request as ChartRequest;
  if (doc.kind === 'trend') {
    const grain = (doc.result as SeriesResult).grain;
    const values = grain === 'quarter' ? 'quarterly values' : 'monthly values';
    return request.by === 'imd_quintile' ? `Q1 − Q5 gap, ${values}` : `Trust overall, ${values}`;
  }
  const by = breakdownPhrase(request.by);
  return `By ${by}`;
}

/** "Worse than trust overall: 1 (most deprived). Better than trust overall: 4 and 5." */
function breakdownSentences(r: BreakdownResult): string[] {
  const groups = new Map<Assessment, string[]>();
  for (const row of r.rows) {
    const a = assess(row, r.metric.polarity);
    groups.set(a, [...(groups.get(a) ?? []), row.label]);
  }
  const order: Assessment[] = ['worse', 'higher', 'better', 'lower', 'similar', 'suppressed', 'not-compared'];
  const out = order.filter((a) => groups.has(a)).map((a) => `${assessmentLabels[a]}: ${list(groups.get(a)!)}.`);
  if (r.gap) out.push(describeGap(r)[0]);
  return out.filter(Boolean);
}

function trendPoints(doc: ChartDocument) {
  const s = doc.result as SeriesResult;
  const gap = (doc.request as ChartRequest).by === 'imd_quintile';
  const points: { period: string; value: number | null; suppressed?: boolean }[] = gap ? s.gap?.points ?? [] : s.overall.points;
  const fmt = (v: number) => (gap ? formatDifference(v, s.metric) : formatValue(v, s.metric));
  // The unit goes in the header so each cell is a short number.
  const unit = s.metric.unit === '%' ? (gap ? 'percentage points' : '%') : s.metric.unit;
  const cell = (v: number) => `${gap && v > 0 ? '+' : ''}${formatNumber(v, s.metric)}`;
  const table: FallbackTable = { headers: [s.grain === 'quarter' ? 'Quarter' : 'Month', `${gap ? 'Q1 − Q5 gap' : 'Value'} (${unit})`], rows: points.map((p) => [formatMonth(p.period), p.suppressed || p.value === null ? 'suppressed' : cell(p.value)]) };
  return { s, points, fmt, table };
}

function breakdownRows(r: BreakdownResult): FallbackTable {
  return { headers: ['Group', 'Value', '95% interval'], rows: r.rows.map((x) => [x.label, x.suppressed ? 'suppressed' : formatValue(x.value, r.metric), x.suppressed ? '–' : formatInterval(x.lower, x.upper, r.metric)]) };
}

function trendFallback(doc: ChartDocument): ReportFigure['fallback'] {
  const { s, points, fmt, table } = trendPoints(doc);
  const values = points.filter((p) => !p.suppressed && p.value !== null) as { period: string; value: number }[];
  const word = grainWord(s.grain);
  if (values.length === 0) return { sentence: `No ${word} in the window has a figure to show (all suppressed or no records).`, table: null };
  if (values.length < MIN_TREND_POINTS || values.length * 2 < points.length) {
    // The months with a figure, not a column of "suppressed".
    const withFigure = { ...table, rows: table.rows.filter((r) => r[1] !== 'suppressed') };
    return { sentence: `Only ${values.length} of ${points.length} ${word}s have a figure (the others are suppressed or have no records), too few to draw a trend or judge it with SPC.`, table: withFigure };
  }
  const distinct = new Set(values.map((p) => fmt(p.value)));
  if (distinct.size === 1) {
    return { sentence: `Every ${word} from ${formatMonth(values[0].period)} to ${formatMonth(values[values.length - 1].period)} is ${[...distinct][0]}: the line would be flat, so no chart is drawn.`, table: null };
  }
  return null;
}

function breakdownFallback(doc: ChartDocument): ReportFigure['fallback'] {
  const r = doc.result as BreakdownResult;
  const shown = r.rows.filter((x) => !x.suppressed && x.value !== null);
  const table = breakdownRows(r);
  if (shown.length === 0) return { sentence: `Every group by ${breakdownPhrase(r.by)} is suppressed or has no records.`, table: null };
  if (shown.length === 1) return { sentence: `Only one group by ${breakdownPhrase(r.by)} has a figure to show, so there is nothing to compare on a chart.`, table };
  return null;
}

export async function reportFigure(metrics: MetricsService, request: ChartRequest): Promise<ReportFigure> {
  const doc = await buildChartDocument(metrics, request);
  const heading = headingOf(doc);
  const trend = doc.kind === 'trend';
  const s = doc.result as SeriesResult;
  const sentences = trend ? [spcWords((request.by === 'imd_quintile' ? s.gap?.spc : s.overall.spc) ?? null, doc.metric, request.by === 'imd_quintile')] : breakdownSentences(doc.result as BreakdownResult);
  const fallback = trend ? trendFallback(doc) : breakdownFallback(doc);
  if (fallback) return { doc, heading, svg: null, sentences: trend ? [] : sentences, fallback };
  // The frame keeps the footnote that describes this drawing; source and disclosure are said once per indicator.
  // The heading is the page's (an h3 above the drawing); the drawing keeps its footnote and its description.
  const svg = await drawSvg({ ...doc, spec: smallSpec(doc.spec, trend, doc.metric), title: '', subtitle: [], footnotes: [smallFootnote(doc)], alt: `${doc.title}. ${doc.alt}` }, { width: SMALL_CHART_WIDTH });
  if (hasUnreadableNumbers(svg)) {
    const table = trend ? trendPoints(doc).table : breakdownRows(doc.result as BreakdownResult);
    return { doc, heading, svg: null, sentences, fallback: { sentence: 'The figures differ too little to draw on a readable scale, so they are shown as a table.', table } };
  }
  return { doc, heading, svg, sentences, fallback: null };
}
