import type { Breakdown, MetricDefinition } from '../catalogue/schema.ts';
import type { DisclosureProfile, SpcResult } from '../statistics/index.ts';
import type { NotComputableState } from './computability.ts';

/** The catalogue entry as the API shows it: no SQL. */
export interface PublicMetric {
  id: string;
  title: string;
  description: string;
  definition: string;
  domain: string;
  area: string | null;
  cohort: MetricDefinition['cohort'];
  kind: MetricDefinition['kind'];
  dataset: string;
  statistic: MetricDefinition['statistic'];
  unit: string;
  multiplier: number;
  polarity: MetricDefinition['polarity'];
  method: string;
  grain: MetricDefinition['grain'];
  breakdowns: Breakdown[];
  ageRange: MetricDefinition['ageRange'];
  target: number | null;
  version: number;
}

export interface ResultRow {
  group: string;
  label: string;
  group2?: string;
  label2?: string;
  numerator: number | null;
  denominator: number | null;
  value: number | null;
  lower: number | null;
  upper: number | null;
  method: string;
  suppressed: boolean;
  comparison: 'higher' | 'lower' | 'similar' | null;
  ratio?: { value: number; lower: number; upper: number } | null;
}

export interface Gap {
  absolute: number | null;
  relative: number | null;
  sii: number | null;
  siiLower: number | null;
  siiUpper: number | null;
  rii: number | null;
  riiLower: number | null;
  riiUpper: number | null;
}

export interface BreakdownResult {
  metric: PublicMetric;
  by: Breakdown;
  by2: Breakdown | null;
  period: { from: string; to: string };
  level: number;
  disclosure: DisclosureProfile;
  disclosureLabel: string;
  dataAsAt: string | null;
  filters: { specialty: string | null; site: string | null };
  overall: Omit<ResultRow, 'group' | 'label' | 'comparison'>;
  rows: ResultRow[];
  reference: { group: string; label: string } | null;
  gap: Gap | null;
  notes: string[];
  /** Set when the loaded data cannot give this indicator: no figure, the reason and the fix instead. */
  notComputable: NotComputableState | null;
}

export interface SeriesPoint {
  period: string;
  numerator: number | null;
  denominator: number | null;
  value: number | null;
  lower: number | null;
  upper: number | null;
  suppressed: boolean;
}

export interface SpcView extends Omit<SpcResult, 'points'> {
  points: { period: string; value: number; signal: SpcResult['points'][number]['signal']; kind: SpcResult['points'][number]['kind'] }[];
}

export interface SeriesResult {
  metric: PublicMetric;
  by: Breakdown;
  grain: 'month' | 'quarter';
  period: { from: string; to: string };
  level: number;
  disclosure: DisclosureProfile;
  disclosureLabel: string;
  dataAsAt: string | null;
  overall: { points: SeriesPoint[]; spc: SpcView | null };
  groups: { group: string; label: string; points: SeriesPoint[] }[];
  gap: { points: { period: string; value: number | null }[]; spc: SpcView | null } | null;
  notes: string[];
  /** As on a breakdown: no points, the reason and the fix instead. */
  notComputable: NotComputableState | null;
}
