// The kinds of chart document and the request each is built from: the keys of the registry
// (index.ts), in one module every document and route can import without importing each other.
import type { CompletenessField } from '../../../metrics/catalogue/completeness.ts';
import type { Breakdown } from '../../../metrics/catalogue/schema.ts';

export const CHART_KINDS = ['breakdown', 'trend', 'heatmap'] as const;
export type ChartKind = (typeof CHART_KINDS)[number];

export interface ChartRequest {
  metric: string;
  chart: ChartKind;
  by: Breakdown;
  by2?: Breakdown | null;
  from?: string;
  to?: string;
  specialty?: string | null;
  site?: string | null;
  level?: number;
  title?: string | null;
}

export const COMPLETENESS_CHART_KINDS = ['completeness-trend', 'completeness-months', 'completeness-groups'] as const;
export type CompletenessChartKind = (typeof COMPLETENESS_CHART_KINDS)[number];

export interface CompletenessChartRequest {
  chart: CompletenessChartKind;
  dataset: string;
  field: CompletenessField;
  /** Needed by the groups chart; the other two ignore it. */
  by: 'specialty' | 'site' | null;
  from?: string;
  to?: string;
  title?: string | null;
}

export const SPECIALTY_CHART_KIND = 'specialty-comparison' as const;
export type SpecialtyChartKind = typeof SPECIALTY_CHART_KIND;

export interface SpecialtyChartRequest {
  metric: string;
  chart: SpecialtyChartKind;
  /** Always every specialty. */
  by: 'specialty';
  /** The treatment function code to highlight (the breakdown itself covers every specialty). */
  specialty: string;
  from?: string;
  to?: string;
  level?: number;
  title?: string | null;
}

export type AnyChartRequest = ChartRequest | CompletenessChartRequest | SpecialtyChartRequest;

/**
 * A chart as a request names it (a publish body, a chart file's query), every family's fields
 * optional: the route has checked that they suit its kind; each kind's registry entry turns it
 * into its own request.
 */
export type ChartBody = { chart: AnyChartRequest['chart'] } & Partial<Omit<ChartRequest, 'chart'>> & Partial<Pick<CompletenessChartRequest, 'dataset' | 'field'>>;
