// The Core20PLUS5 overview: for each statement indicator, the latest year for Core20 (IMD
// quintile 1) against everyone else, the gap, and how the Q1–Q5 gap is moving (SPC).
import type { Session } from '../../db/database.ts';
import { STATEMENT_METRICS } from '../catalogue/index.ts';
import type { MetricDefinition } from '../catalogue/schema.ts';
import { DISCLOSURE_LABELS, wilson } from '../statistics/index.ts';
import { computeBreakdown, type EngineSettings } from './breakdown.ts';
import { publicMetric } from './public-metric.ts';
import { englandOf, type Benchmark } from '../../core/contracts/benchmarks.ts';
import type { BreakdownResult, PublicMetric, ResultRow, SpcView } from './result-types.ts';
import { computeSeries } from './series.ts';

type Figure = Omit<ResultRow, 'comparison' | 'ratio'>;

export interface OverviewTile {
  metric: PublicMetric;
  section: 'adult' | 'cyp' | 'cross-cutting';
  period: { from: string; to: string };
  core20: Figure | null;
  rest: Figure | null;
  overall: BreakdownResult['overall'];
  /** The trust over records of known deprivation, when some events have none (population rates). */
  overallKnown: BreakdownResult['overallKnown'];
  gap: { absolute: number | null; relative: number | null } | null;
  /** The latest point of the Q1 − Q5 gap series; null with too few points or no gap series. */
  gapVariation: SpcView['variation'] | null;
  /** Every special-cause signal of the gap series in its window; null when there is no SPC. */
  gapSignals: SpcView['signals'] | null;
  /** Whether the indicator has a Q1 − Q5 gap series at all (so null SPC means too few points). */
  gapSeries: boolean;
  /** The gap series' `coarse`: its counts are too small for SPC to tell (null when SPC can read it). */
  gapCoarse: number | null;
  /** England's figure for the tile's period, compared with the trust's (null without a benchmarks file). */
  england: Benchmark | null;
  /** Set when the indicator cannot be computed from the loaded data: the tile shows this, not a figure. */
  notComputable: BreakdownResult['notComputable'];
}

export function sectionOf(m: MetricDefinition): OverviewTile['section'] {
  if (!m.area) return 'cross-cutting';
  return m.cohort === 'cyp' ? 'cyp' : 'adult';
}

/** Published indicators come by quintile: Core20 is quintile 1, the rest is 2–5 pooled from the published counts. */
function fromQuintiles(result: BreakdownResult): { core20: Figure | null; rest: Figure | null } {
  const q1 = result.rows.find((r) => r.group === '1') ?? null;
  const others = result.rows.filter((r) => ['2', '3', '4', '5'].includes(r.group));
  if (others.length !== 4 || others.some((r) => r.numerator === null || r.denominator === null)) return { core20: q1, rest: null };
  const x = others.reduce((s, r) => s + r.numerator!, 0);
  const n = others.reduce((s, r) => s + r.denominator!, 0);
  const w = wilson(Math.round(x), Math.round(n), result.level, result.metric.multiplier);
  return { core20: q1, rest: { group: 'Rest', label: 'Quintiles 2–5', numerator: x, denominator: n, ...w, suppressed: false, suppression: null } };
}

/** Core20 and the rest from a breakdown by `core20`, or by IMD quintile (quintile 1 against 2–5 pooled). */
export function core20AndRest(result: BreakdownResult): { core20: Figure | null; rest: Figure | null } {
  if (result.by === 'core20') return { core20: result.rows.find((r) => r.group === 'Core20') ?? null, rest: result.rows.find((r) => r.group === 'Rest') ?? null };
  return fromQuintiles(result);
}

/** The breakdown that gives an indicator's Core20 figures. */
export const core20Breakdown = (metric: Pick<MetricDefinition, 'breakdowns'>): 'core20' | 'imd_quintile' => (metric.breakdowns.includes('core20') ? 'core20' : 'imd_quintile');

async function tile(session: Session, metric: MetricDefinition, settings: EngineSettings, period: { from?: string; to?: string }): Promise<OverviewTile> {
  const result = await computeBreakdown(session, metric, { by: core20Breakdown(metric), by2: null, specialty: null, site: null, level: 95, ...period }, settings);
  if (result.notComputable) {
    return { metric: publicMetric(metric), section: sectionOf(metric), period: result.period, core20: null, rest: null, overall: result.overall, overallKnown: null, gap: null, gapVariation: null, gapSignals: null, gapSeries: false, gapCoarse: null, england: null, notComputable: result.notComputable };
  }
  const { core20, rest } = core20AndRest(result);
  // Only the gap's SPC is needed: a quintile series gives it without a separate overall query.
  const series = await computeSeries(session, metric, { by: metric.breakdowns.includes('imd_quintile') ? 'imd_quintile' : 'overall', grain: metric.grain, specialty: null, site: null, level: 95, benchmarks: false }, settings, metric.target);
  const gap = core20?.value != null && rest?.value != null ? { absolute: core20.value - rest.value, relative: rest.value === 0 ? null : core20.value / rest.value } : null;
  return {
    metric: publicMetric(metric),
    section: sectionOf(metric),
    period: result.period,
    core20,
    rest,
    overall: result.overall,
    overallKnown: result.overallKnown ?? null,
    gap,
    gapVariation: series.gap?.spc?.variation ?? null,
    gapSignals: series.gap?.spc?.signals ?? null,
    gapSeries: series.gap !== null,
    gapCoarse: series.gap?.spc?.coarse ?? null,
    england: englandOf(result.benchmarks),
    notComputable: null,
  };
}

export async function computeOverview(session: Session, settings: EngineSettings, period: { from?: string; to?: string } = {}) {
  const tiles: OverviewTile[] = [];
  for (const metric of STATEMENT_METRICS) tiles.push(await tile(session, metric, settings, period));
  return { disclosure: settings.disclosure, disclosureLabel: DISCLOSURE_LABELS[settings.disclosure], tiles };
}
