// Gathers everything a report shows — per indicator the page-one line (Core20 against the rest,
// the gap's direction, SPC, ethnicity recording), a small chart per breakdown and for the trends
// (or a table or sentence where a chart would say nothing) — and the recording completeness.
import type { Breakdown } from '../../metrics/catalogue/schema.ts';
import type { BreakdownResult, PublicMetric, SeriesResult, SpcView } from '../../metrics/engine/result-types.ts';
import { core20AndRest, core20Breakdown } from '../../metrics/engine/overview.ts';
import type { CompletenessItem } from '../../core/charts/completeness-stack.ts';
import { completenessStackSpec } from '../../core/charts/completeness-stack.ts';
import { OGL } from '../charts/documents/index.ts';
import { drawFramedSpec } from '../charts/draw.ts';
import { CHART_FONT } from '../charts/fonts.ts';
import { findMetric } from '../../metrics/catalogue/index.ts';
import { findDataset } from '../../core/datasets/index.ts';
import { formatDate } from '../../core/text/format.ts';
import type { MetricsService } from '../services/metrics-service.ts';
import { breakdownFor, type ReportSelection } from './selection.ts';
import { soWhatLine, spcWords, type SoWhatLine } from './so-what.ts';
import { hasUnreadableNumbers, reportFigure, type ReportFigure } from './figures.ts';
import type { Benchmark } from '../../core/contracts/benchmarks.ts';

/** The width of an A4 page's text block (182 mm at 96 px per inch). */
export const REPORT_CHART_WIDTH = 680;

export interface IndicatorSection {
  metric: PublicMetric;
  overall: BreakdownResult['overall'];
  period: { from: string; to: string };
  level: number;
  dataAsAt: string | null;
  /** One per breakdown, then the trend and the gap trend: drawn as small multiples. */
  figures: ReportFigure[];
  /** Breakdowns asked for that the indicator does not allow. */
  unavailable: string[];
  spc: SpcView | null;
  gapSpc: SpcView | null;
  line: SoWhatLine;
  /** What SPC finds on the trust overall and on the gap, in the one sentence builder's words. */
  trendSentences: { heading: string; text: string }[];
  /** Whether the indicator has a Q1 − Q5 gap series (so a null gapSpc means too few points). */
  hasGapSeries: boolean;
  notes: string[];
  /** What every figure of the indicator shares: the source and its date (disclosure is on the cover). */
  footnotes: string[];
  /** England, regional and peer figures for the period, with the trust's comparison (docs/benchmarks.md). */
  benchmarks: Benchmark[];
  /** The loaded data cannot give this indicator: the report says why instead of a figure. */
  notComputable: BreakdownResult['notComputable'];
}

export interface CompletenessSection {
  target: number;
  rows: { dataset: string; datasetTitle: string; field: string; period?: { from: string; to: string }; total: number | null; valid: number | null; notStated: number | null; notKnown: number | null; missing: number | null; invalid: number | null; validPercent: number | null; lower: number | null; upper: number | null; suppressed: boolean }[];
  /** A chart per field, or a sentence where every record is valid (a chart of zeros says nothing). */
  charts: { field: string; svg: string | null; sentence: string | null }[];
}

export interface ReportModel {
  selection: ReportSelection;
  generatedAt: string;
  disclosureLabel: string;
  sections: IndicatorSection[];
  completeness: CompletenessSection;
}

async function indicatorSection(metrics: MetricsService, id: string, selection: ReportSelection, completeness: CompletenessSection, options: BuildOptions): Promise<IndicatorSection> {
  const definition = findMetric(id)!;
  const period = { from: selection.from, to: selection.to };
  const figures: ReportFigure[] = [];
  const unavailable: string[] = [];
  const done = new Set<Breakdown>();
  let first: BreakdownResult | null = null;
  for (const asked of selection.breakdowns) {
    const by = breakdownFor(definition, asked);
    if (!by) {
      unavailable.push(asked);
      continue;
    }
    if (done.has(by)) continue;
    done.add(by);
    const f = await reportFigure(metrics, { metric: id, chart: 'breakdown', by, ...period });
    first ??= f.doc.result as BreakdownResult;
    figures.push(f);
  }
  const request = { by: 'overall' as Breakdown, by2: null, ...period, specialty: null, site: null, level: 95 };
  const overall = first ?? (await metrics.breakdown(id, request));
  const { core20, rest } = core20AndRest(await metrics.breakdown(id, { ...request, by: core20Breakdown(definition) }));
  const hasImd = definition.breakdowns.includes('imd_quintile');
  const series: SeriesResult = await metrics.series(id, { by: hasImd ? 'imd_quintile' : 'overall', grain: definition.grain, specialty: null, site: null, level: 95, to: selection.to, benchmarks: false });
  if (options.trendCharts) {
    if (series.overall.points.length > 0) figures.push(await reportFigure(metrics, { metric: id, chart: 'trend', by: 'overall', to: selection.to }));
    if (hasImd && series.gap && series.gap.points.length > 0) figures.push(await reportFigure(metrics, { metric: id, chart: 'trend', by: 'imd_quintile', to: selection.to }));
  }
  const recorded = completeness.rows.find((r) => r.dataset === definition.dataset && r.field === 'ethnicity') ?? null;
  const line = soWhatLine({
    metric: overall.metric,
    core20,
    rest,
    spc: series.overall.spc,
    gapSpc: series.gap?.spc ?? null,
    hasGap: hasImd && series.gap !== null,
    completeness: definition.kind === 'external' ? null : recorded,
    target: completeness.target,
  });
  const dataset = findDataset(definition.dataset)?.title ?? definition.dataset;
  const shared = [`Source: ${dataset} extracts loaded into Parity, data as at ${formatDate(overall.dataAsAt)}; definition version ${definition.version}.`];
  return {
    metric: overall.metric,
    overall: overall.overall,
    period: overall.period,
    level: overall.level,
    dataAsAt: overall.dataAsAt,
    figures,
    unavailable,
    spc: series.overall.spc,
    gapSpc: series.gap?.spc ?? null,
    hasGapSeries: series.gap !== null,
    trendSentences: [
      ...(series.overall.points.length > 0 ? [{ heading: 'Trust overall', text: spcWords(series.overall.spc, overall.metric) }] : []),
      ...(hasImd && series.gap && series.gap.points.length > 0 ? [{ heading: 'Q1 − Q5 gap', text: spcWords(series.gap.spc, overall.metric, true) }] : []),
    ],
    line,
    notes: overall.notes,
    footnotes: shared,
    benchmarks: overall.benchmarks ?? [],
    notComputable: overall.notComputable ?? null,
  };
}

const FIELD_TITLES: Record<string, string> = { ethnicity: 'ethnic category', sex: 'sex', age: 'age', imd: 'deprivation (LSOA)' };

async function completenessSection(metrics: MetricsService, fields: string[]): Promise<CompletenessSection> {
  const summary = await metrics.completenessSummary();
  const all = summary.rows as CompletenessSection['rows'];
  const rows = all.filter((r) => fields.includes(r.field));
  const charts: CompletenessSection['charts'] = [];
  for (const field of fields) {
    const items: CompletenessItem[] = rows
      .filter((r) => r.field === field && !r.suppressed)
      // The row's period is its 12 months; a chart item's `period` is a month, so it is left out.
      .map(({ period: _period, ...r }) => ({ ...r, label: r.datasetTitle, total: r.total ?? 0, valid: r.valid ?? 0, notStated: r.notStated ?? 0, notKnown: r.notKnown ?? 0, missing: r.missing ?? 0, invalid: r.invalid ?? 0 }));
    if (items.length === 0) continue;
    if (items.every((i) => (i.notStated ?? 0) + (i.notKnown ?? 0) + (i.missing ?? 0) + (i.invalid ?? 0) === 0)) {
      charts.push({ field, svg: null, sentence: `Every record of every dataset has a valid ${FIELD_TITLES[field] ?? field} in the latest 12 months, so there is nothing to chart.` });
      continue;
    }
    const title = `Recording of ${FIELD_TITLES[field] ?? field}, by dataset`;
    const spec = completenessStackSpec(items, { groupTitle: 'Dataset', withoutValid: true, font: CHART_FONT });
    const alt = `Stacked bars of the records without a valid ${FIELD_TITLES[field] ?? field}, by dataset: ${items.map((i) => `${i.label}: not stated ${i.notStated}, not known ${i.notKnown}, missing ${i.missing}, invalid ${i.invalid} of ${i.total}`).join('; ')}.`;
    const svg = await drawFramedSpec(spec, {
      title,
      subtitle: [`Share of records not stated, not known, missing or invalid, latest 12 months; target: ${summary.target}% recorded validly`],
      footnotes: ['Bars: the share of each dataset’s records in the latest 12 months without a valid value, by reason; no intervals are drawn. Source: every loaded extract of each dataset. Counts follow the disclosure profile.', OGL],
      alt,
    }, { width: REPORT_CHART_WIDTH });
    // A scale of tiny shares would print ticks such as 0.000000: say so in words instead.
    if (hasUnreadableNumbers(svg)) charts.push({ field, svg: null, sentence: `Almost every record has a valid ${FIELD_TITLES[field] ?? field}; the few without one are counted in the table above.` });
    else charts.push({ field, svg, sentence: null });
  }
  // Page one reads each indicator's dataset's ethnicity recording, whichever fields are charted.
  return { target: summary.target, rows: all.filter((r) => fields.includes(r.field) || r.field === 'ethnicity'), charts };
}

export interface BuildOptions {
  completenessFields: string[];
  /** Draw the trend and gap trend beside the breakdowns (the board), or say what SPC found in words only (the annual pack). */
  trendCharts: boolean;
}

/** Indicators built this many at a time, so one's queries run while another's charts are drawn. */
const CONCURRENCY = 3;

export async function buildReport(metrics: MetricsService, selection: ReportSelection, options: BuildOptions): Promise<ReportModel> {
  const completeness = await completenessSection(metrics, options.completenessFields);
  const sections: IndicatorSection[] = new Array(selection.indicators.length);
  let next = 0;
  const worker = async () => {
    while (next < selection.indicators.length) {
      const i = next++;
      sections[i] = await indicatorSection(metrics, selection.indicators[i], selection, completeness, options);
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, selection.indicators.length) }, worker));
  const disclosureLabel = sections.flatMap((s) => s.figures.map((f) => f.doc.disclosureLabel))[0] ?? '';
  return { selection, generatedAt: new Date().toISOString(), disclosureLabel, sections, completeness: { ...completeness, rows: completeness.rows.filter((r) => options.completenessFields.includes(r.field)) } };
}
