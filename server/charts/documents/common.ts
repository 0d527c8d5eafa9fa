// A chart document: everything needed to draw one board-paper chart — the spec (with its data
// inline), title, subtitle, footnotes, alt text, narrative and the data table — built from a
// live API result. Published charts store the document as JSON and are redrawn from it alone.
// Here: the document's shape, the entry each kind registers (index.ts), and the footnotes and
// data table documents share.
import type { TopLevelSpec } from 'vega-lite';
import { findDataset } from '../../../core/datasets/index.ts';
import { disclosureMethod } from '../../../core/disclosure.ts';
import { formatDate } from '../../../core/text/format.ts';
import type { CompletenessResult } from '../../../metrics/engine/completeness.ts';
import type { BreakdownResult, PublicMetric, SeriesResult } from '../../../metrics/engine/result-types.ts';
import type { MetricsService } from '../../services/metrics-service.ts';
import type { ChartBody, ChartKind, ChartRequest, CompletenessChartKind, CompletenessChartRequest, SpecialtyChartKind, SpecialtyChartRequest } from './requests.ts';

type Cell = string | number | boolean | null;

export interface ChartDocument {
  /** Bumped if the document's shape changes, so old published charts can still be read. */
  format: 1;
  kind: ChartKind | CompletenessChartKind | SpecialtyChartKind;
  request: ChartRequest | CompletenessChartRequest | SpecialtyChartRequest;
  title: string;
  subtitle: string[];
  footnotes: string[];
  alt: string;
  /** CI-gated sentences: a difference is claimed only when the 95% intervals do not overlap. */
  narrative: string[];
  /** The Vega-Lite spec, data inline, drawn at `spec.width`; renderers override the size only. */
  spec: TopLevelSpec;
  table: { headers: string[]; rows: Cell[][] };
  /** e.g. op-dna-rate_by-imd-quintile_2025-04_2026-03 */
  fileName: string;
  metric: PublicMetric;
  disclosure: string;
  disclosureLabel: string;
  dataAsAt: string | null;
  period: { from: string; to: string };
  /** The API result the chart was drawn from. */
  result: BreakdownResult | SeriesResult | CompletenessResult;
}

/** A kind (or kinds) of chart document: how to build one from live results, and where a published one is filed. */
export interface ChartDocumentEntry<R extends { chart: string }> {
  kinds: readonly R['chart'][];
  /** What the chart is of: an indicator (a request names a metric) or a dataset's recording. */
  subject: 'indicator' | 'completeness';
  /** The request a checked publish body of one of these kinds describes. */
  fromBody(body: ChartBody): R;
  build(metrics: MetricsService, request: R): Promise<ChartDocument>;
  /** The breakdown and second breakdown a published chart is listed under. */
  filedUnder(request: R, doc: ChartDocument): [string, string | null];
}

export const OGL = 'Contains public sector information licensed under the Open Government Licence v3.0.';
const IMD_NOTE = 'Deprivation from the English Indices of Deprivation: IoD2025 for 2021 LSOAs, IoD2019 for 2011-only LSOAs; quintile 1 is the most deprived 20% of areas in England.';

export const month = (date: string) => date.slice(0, 7);

export function commonFootnotes(metric: PublicMetric, r: { dataAsAt: string | null; disclosure: string; disclosureLabel: string; level: number; notes: string[] }, method: string): string[] {
  const dataset = findDataset(metric.dataset)?.title ?? metric.dataset;
  const notes = r.notes.filter((n) => !n.startsWith('Deprivation from the English Indices'));
  const imd = r.notes.find((n) => n.startsWith('Deprivation from the English Indices')) ?? IMD_NOTE;
  return [
    `Source: ${dataset} extracts loaded into Parity; data as at ${formatDate(r.dataAsAt)}. Indicator "${metric.title}", definition version ${metric.version}.`,
    method,
    `Disclosure control: ${r.disclosureLabel}. ${disclosureMethod(r.disclosure)}`,
    imd,
    ...notes,
    OGL,
  ];
}

export function breakdownTable(r: BreakdownResult): ChartDocument['table'] {
  const lvl = String(r.level).replace('.', '_');
  const two = Boolean(r.by2);
  const headers = ['metric', 'breakdown', 'group', 'label', ...(two ? ['breakdown_2', 'group_2', 'label_2'] : []), 'numerator', 'denominator', 'value', `lower_${lvl}`, `upper_${lvl}`, 'unit', 'method', 'suppressed', 'suppression', 'compared_with_trust', 'period_from', 'period_to', 'disclosure', 'data_as_at'];
  const tail = (unit: string): Cell[] => [unit];
  const row = (g: string, label: string, x: { numerator: number | null; denominator: number | null; value: number | null; lower: number | null; upper: number | null; method?: string; suppressed: boolean; suppression?: string | null }, comparison: string | null, g2?: [string, string, string]): Cell[] => [
    r.metric.id, r.by, g, label, ...(two ? (g2 ?? ['', '', '']) : []),
    x.numerator, x.denominator, x.value, x.lower, x.upper, ...tail(r.metric.unit), x.method ?? r.metric.method, x.suppressed, x.suppression ?? null, comparison,
    r.period.from, r.period.to, r.disclosure, r.dataAsAt,
  ];
  const rows = r.rows.map((x) => row(x.group, x.label, x, x.comparison, two ? [r.by2 ?? '', x.group2 ?? '', x.label2 ?? ''] : undefined));
  rows.push(row('overall', 'Trust overall', r.overall, null));
  return { headers, rows };
}
