// Gathers everything a report shows — per indicator the period figure, SPC on the overall and gap
// series, a chart and CI-gated sentences per breakdown — and the recording completeness, as
// framed SVG charts ready for the HTML document.
import type { Breakdown } from '../../metrics/catalogue/schema.ts';
import type { BreakdownResult, PublicMetric, SeriesResult, SpcView } from '../../metrics/engine/result-types.ts';
import type { CompletenessItem } from '../../core/charts/completeness-stack.ts';
import { completenessStackSpec } from '../../core/charts/completeness-stack.ts';
import { OGL, type ChartDocument } from '../charts/documents/index.ts';
import { buildChartDocument } from '../charts/documents/indicator.ts';
import { drawFramedSpec, drawSvg } from '../charts/draw.ts';
import { CHART_FONT } from '../charts/fonts.ts';
import { findMetric } from '../../metrics/catalogue/index.ts';
import type { MetricsService } from '../services/metrics-service.ts';
import { breakdownFor, type ReportSelection } from './selection.ts';

/** Charts are drawn at the width of an A4 page's text block (180 mm at 96 px per inch). */
export const REPORT_CHART_WIDTH = 680;

export interface ReportChart {
  doc: ChartDocument;
  svg: string;
}

export interface IndicatorSection {
  metric: PublicMetric;
  overall: BreakdownResult['overall'];
  period: { from: string; to: string };
  level: number;
  dataAsAt: string | null;
  breakdowns: ReportChart[];
  /** Breakdowns asked for that the indicator does not allow. */
  unavailable: string[];
  trend: ReportChart | null;
  gapTrend: ReportChart | null;
  spc: SpcView | null;
  gapSpc: SpcView | null;
  /** Whether the indicator has a Q1 − Q5 gap series (so a null gapSpc means too few points). */
  hasGapSeries: boolean;
  latest: { period: string; value: number | null } | null;
  gapLatest: { period: string; value: number | null } | null;
  /** Q1 − Q5 over the period, when the indicator has an IMD breakdown. */
  gap: { absolute: number | null; relative: number | null } | null;
  notes: string[];
  /** The loaded data cannot give this indicator: the report says why instead of a figure. */
  notComputable: BreakdownResult['notComputable'];
}

export interface CompletenessSection {
  target: number;
  rows: { dataset: string; datasetTitle: string; field: string; period?: { from: string; to: string }; total: number | null; valid: number | null; notStated: number | null; notKnown: number | null; missing: number | null; invalid: number | null; validPercent: number | null; lower: number | null; upper: number | null; suppressed: boolean }[];
  charts: { field: string; svg: string }[];
}

export interface ReportModel {
  selection: ReportSelection;
  generatedAt: string;
  disclosureLabel: string;
  sections: IndicatorSection[];
  completeness: CompletenessSection;
}

async function chart(metrics: MetricsService, request: Parameters<typeof buildChartDocument>[1]): Promise<ReportChart> {
  const doc = await buildChartDocument(metrics, request);
  // The report's methods section carries the notes every chart shares; each chart keeps its source and method.
  const compact: ChartDocument = { ...doc, footnotes: doc.footnotes.slice(0, 2) };
  return { doc, svg: await drawSvg(compact, { width: REPORT_CHART_WIDTH }) };
}

const lastPoint = (points: { period: string; value: number | null }[]) => {
  const withValue = points.filter((p) => p.value !== null);
  return withValue.length ? withValue[withValue.length - 1] : null;
};

async function indicatorSection(metrics: MetricsService, id: string, selection: ReportSelection, withTrends: boolean): Promise<IndicatorSection> {
  const definition = findMetric(id)!;
  const period = { from: selection.from, to: selection.to };
  const breakdowns: ReportChart[] = [];
  const unavailable: string[] = [];
  let gap: IndicatorSection['gap'] = null;
  for (const asked of selection.breakdowns) {
    const by = breakdownFor(definition, asked);
    if (!by) {
      unavailable.push(asked);
      continue;
    }
    if (breakdowns.some((c) => c.doc.request.by === by)) continue;
    const c = await chart(metrics, { metric: id, chart: 'breakdown', by, ...period });
    breakdowns.push(c);
    const result = c.doc.result as { gap?: { absolute: number | null; relative: number | null } | null };
    if (by === 'imd_quintile' && result.gap) gap = { absolute: result.gap.absolute, relative: result.gap.relative };
  }
  const overallDoc = breakdowns[0]?.doc ?? (await buildChartDocument(metrics, { metric: id, chart: 'breakdown', by: 'overall', ...period }));
  const hasImd = definition.breakdowns.includes('imd_quintile' as Breakdown);
  const series: SeriesResult = await metrics.series(id, { by: hasImd ? 'imd_quintile' : 'overall', grain: definition.grain, specialty: null, site: null, level: 95, to: selection.to });
  const trend = withTrends && series.overall.points.length > 0 ? await chart(metrics, { metric: id, chart: 'trend', by: 'overall', to: selection.to }) : null;
  const gapTrend = withTrends && hasImd && series.gap && series.gap.points.length > 0 ? await chart(metrics, { metric: id, chart: 'trend', by: 'imd_quintile', to: selection.to }) : null;
  const result = overallDoc.result as { overall: IndicatorSection['overall']; level: number; notes: string[]; notComputable?: IndicatorSection['notComputable'] };
  return {
    metric: overallDoc.metric,
    overall: result.overall,
    period: overallDoc.period,
    level: result.level,
    dataAsAt: overallDoc.dataAsAt,
    breakdowns,
    unavailable,
    trend,
    gapTrend,
    spc: series.overall.spc,
    gapSpc: series.gap?.spc ?? null,
    hasGapSeries: series.gap !== null,
    latest: lastPoint(series.overall.points),
    gapLatest: series.gap ? lastPoint(series.gap.points) : null,
    gap,
    notes: result.notes,
    notComputable: result.notComputable ?? null,
  };
}

const FIELD_TITLES: Record<string, string> = { ethnicity: 'ethnic category', sex: 'sex', age: 'age', imd: 'deprivation (LSOA)' };

async function completenessSection(metrics: MetricsService, fields: string[]): Promise<CompletenessSection> {
  const summary = await metrics.completenessSummary();
  const rows = summary.rows.filter((r) => fields.includes(r.field)) as CompletenessSection['rows'];
  const charts: CompletenessSection['charts'] = [];
  for (const field of fields) {
    const items: CompletenessItem[] = rows
      .filter((r) => r.field === field && !r.suppressed)
      // The row's period is its 12 months; a chart item's `period` is a month, so it is left out.
      .map(({ period: _period, ...r }) => ({ ...r, label: r.datasetTitle, total: r.total ?? 0, valid: r.valid ?? 0, notStated: r.notStated ?? 0, notKnown: r.notKnown ?? 0, missing: r.missing ?? 0, invalid: r.invalid ?? 0 }));
    if (items.length === 0) continue;
    const title = `Recording of ${FIELD_TITLES[field] ?? field}, by dataset`;
    const spec = completenessStackSpec(items, { groupTitle: 'Dataset', withoutValid: true, font: CHART_FONT });
    const alt = `Stacked bars of the records without a valid ${FIELD_TITLES[field] ?? field}, by dataset: ${items.map((i) => `${i.label}: not stated ${i.notStated}, not known ${i.notKnown}, missing ${i.missing}, invalid ${i.invalid} of ${i.total}`).join('; ')}.`;
    const svg = await drawFramedSpec(spec, {
      title,
      subtitle: [`Share of records not stated, not known, missing or invalid; target: ${summary.target}% recorded validly`],
      footnotes: ['Source: every loaded extract of each dataset. Counts follow the disclosure profile.', OGL],
      alt,
    }, { width: REPORT_CHART_WIDTH });
    charts.push({ field, svg });
  }
  return { target: summary.target, rows, charts };
}

export async function buildReport(metrics: MetricsService, selection: ReportSelection, options: { trends: boolean; completenessFields: string[] }): Promise<ReportModel> {
  const sections: IndicatorSection[] = [];
  for (const id of selection.indicators) sections.push(await indicatorSection(metrics, id, selection, options.trends));
  const completeness = await completenessSection(metrics, options.completenessFields);
  const disclosureLabel = (sections[0]?.breakdowns[0]?.doc.disclosureLabel ?? sections[0]?.trend?.doc.disclosureLabel) ?? '';
  return { selection, generatedAt: new Date().toISOString(), disclosureLabel, sections, completeness };
}
