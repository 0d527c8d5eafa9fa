// Time series of an indicator, per group, with Making Data Count SPC on the overall series and
// on the gap between the most and least deprived quintiles — the line a board needs to watch.
import type { Session } from '../../db/database.ts';
import type { Breakdown, MetricDefinition } from '../catalogue/schema.ts';
import { DISCLOSURE_LABELS, xmr, type Polarity } from '../statistics/index.ts';
import { dataAsAt, notesFor, type EngineSettings } from './breakdown.ts';
import { sortGroups, specFor } from './dimensions.ts';
import { computeCells } from './compute.ts';
import { discloseCells, publishedReach, type DisclosedCell } from './disclosure.ts';
import type { Cell } from './estimate.ts';
import { periodFor } from './period.ts';
import { seriesBenchmarks } from './series-benchmarks.ts';
import { publicMetric } from './public-metric.ts';
import type { SeriesPoint, SeriesResult, SpcView } from './result-types.ts';
import { notComputable } from './computability.ts';

export interface SeriesRequest {
  by: Breakdown;
  grain: 'month' | 'quarter';
  from?: string;
  to?: string;
  specialty: string | null;
  site: string | null;
  plus?: string | null;
  level: number;
  /**
   * Compare each published benchmark year inside the series with the trust's figure for that year
   * (one more query per year). The API asks for it; the overview and the reports, which read only
   * the SPC, do not.
   */
  benchmarks?: boolean;
}

/** Three years: 36 monthly points or 12 quarterly ones, enough for SPC limits. */
const SERIES_MONTHS = 36;

const point = (c: DisclosedCell): SeriesPoint => ({
  period: c.period,
  numerator: c.numerator,
  denominator: c.denominator,
  value: c.value,
  lower: c.lower,
  upper: c.upper,
  suppressed: c.suppressed,
  suppression: c.suppression,
});

/**
 * SPC over the points that have a value; periods without one are left out of the limits. A
 * point's `reach` is how far rounding its counts alone could have moved it (`coarse` when that
 * swamps the process).
 */
export function spcOf(points: { period: string; value: number | null; reach?: number }[], polarity: Polarity, target: number | null): SpcView | null {
  const known = points.filter((p): p is { period: string; value: number; reach?: number } => p.value !== null);
  const rounding = known.some((p) => p.reach !== undefined) ? known.map((p) => p.reach ?? 0) : undefined;
  const spc = xmr(known.map((p) => p.value), { polarity, target, rounding });
  if (!spc) return null;
  return {
    ...spc,
    points: spc.points.map((p, i) => ({ period: known[i].period, value: p.value, signal: p.signal, kind: p.kind })),
    signals: spc.signals.map((e) => ({ ...e, from: known[e.from].period, to: known[e.to].period })),
  };
}

const byPeriod = <C extends Cell>(cells: C[]) => {
  const map = new Map<string, C[]>();
  for (const c of cells) map.set(c.period, [...(map.get(c.period) ?? []), c]);
  return map;
};

/** Per period: disclosure within that period's breakdown, as a breakdown of it would show. */
function disclosePerPeriod(metric: MetricDefinition, cells: Cell[], settings: EngineSettings, level: number): DisclosedCell[] {
  return [...byPeriod(cells).values()].flatMap((group) => {
    // The detail cells, then the period's total (if the query gave one).
    const ordered = [...group.filter((c) => !c.total), ...group.filter((c) => c.total)];
    const total = group.some((c) => c.total) ? ordered.length - 1 : null;
    return discloseCells(metric, ordered, { total }, settings.disclosure, level);
  });
}

/** Q1 − Q5 per period, withheld where either quintile is; its rounding reach is the two quintiles' together. */
function gapPoints(disclosed: DisclosedCell[], reach: (c: DisclosedCell) => number): { period: string; value: number | null; reach: number }[] {
  return [...byPeriod(disclosed).entries()].map(([period, cells]) => {
    const q = (g: string) => cells.find((c) => !c.total && c.g1 === g);
    const q1 = q('1');
    const q5 = q('5');
    const value = q1?.value != null && q5?.value != null ? q1.value - q5.value : null;
    return { period, value, reach: q1 && q5 ? reach(q1) + reach(q5) : 0 };
  });
}

/** A gap moving towards zero is improvement, whichever side of zero it sits. */
function gapPolarity(points: { value: number | null }[]): Polarity {
  const values = points.map((p) => p.value).filter((v): v is number => v !== null);
  const mean = values.reduce((s, v) => s + v, 0) / Math.max(values.length, 1);
  return mean >= 0 ? 'lower' : 'higher';
}

export async function computeSeries(session: Session, metric: MetricDefinition, request: SeriesRequest, settings: EngineSettings, target: number | null): Promise<SeriesResult> {
  const period = await periodFor(session, metric, { from: request.from, to: request.to }, SERIES_MONTHS);
  const base = { by2: null, specialty: request.specialty, site: request.site, plus: request.plus, plusGroups: settings.plusGroups, ...period, grain: request.grain };
  const spec = specFor(request.by, settings.plusGroups);
  const blocked = await notComputable(session, metric);
  if (blocked) {
    return {
      metric: publicMetric(metric), by: request.by, grain: request.grain, period, level: request.level, disclosure: settings.disclosure,
      disclosureLabel: DISCLOSURE_LABELS[settings.disclosure], dataAsAt: await dataAsAt(session, metric.dataset),
      overall: { points: [], spc: null }, groups: [], gap: null, notes: [blocked.message], benchmarks: [], notComputable: blocked,
    };
  }
  const cells = await computeCells(session, metric, { ...base, by: request.by }, request.level);
  const disclosed = disclosePerPeriod(metric, cells, settings, request.level);

  const overallPoints = disclosed.filter((c) => c.total).map(point);
  const reach = (c: DisclosedCell) => publishedReach(metric, c, settings.disclosure);
  const groups =
    request.by === 'overall'
      ? []
      : sortGroups(
          spec,
          [...new Set(disclosed.filter((c) => !c.total).map((c) => c.g1!))].map((group) => ({ group, label: spec.label(group) })),
        ).map(({ group, label }) => ({ group, label, points: disclosed.filter((c) => !c.total && c.g1 === group).map(point) }));

  let gap: SeriesResult['gap'] = null;
  if (metric.breakdowns.includes('imd_quintile')) {
    const quintiles =
      request.by === 'imd_quintile' ? disclosed : disclosePerPeriod(metric, await computeCells(session, metric, { ...base, by: 'imd_quintile' }, request.level), settings, request.level);
    const withReach = gapPoints(quintiles, reach);
    const points = withReach.map(({ period, value }) => ({ period, value }));
    gap = { points, spc: spcOf(withReach, gapPolarity(points), null) };
  }
  const notes = notesFor(metric, request.by, cells, disclosed);
  if (gap) notes.push('The gap is quintile 1 (most deprived) minus quintile 5 (least deprived); SPC treats a gap moving towards zero as improvement.');

  return {
    metric: publicMetric(metric),
    by: request.by,
    grain: request.grain,
    period,
    level: request.level,
    disclosure: settings.disclosure,
    disclosureLabel: DISCLOSURE_LABELS[settings.disclosure],
    dataAsAt: await dataAsAt(session, metric.dataset),
    overall: {
      points: overallPoints,
      spc: spcOf(disclosed.filter((c) => c.total).map((c) => ({ period: c.period, value: c.value, reach: reach(c) })), metric.polarity, target),
    },
    groups,
    gap,
    notes,
    benchmarks: request.benchmarks === false ? [] : await seriesBenchmarks(session, metric, period, request, settings),
    notComputable: null,
  };
}
