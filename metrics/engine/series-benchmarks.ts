// Benchmarks beside a series: every published period of the indicator's convention that lies
// within the series (England's 2023/24, 2024/25, …), each compared with the trust's own figure
// for that same period — not with a month or a quarter, which Fingertips would never compare.
import type { Session } from '../../db/database.ts';
import type { MetricDefinition } from '../catalogue/schema.ts';
import { conventionOf } from '../../core/datasets/period-label.ts';
import { computeBreakdown, filterOf, type EngineSettings } from './breakdown.ts';
import { benchmarkIds, benchmarksFor, type Benchmark } from './benchmarks.ts';
import type { Period } from './period.ts';
import type { SeriesRequest } from './series.ts';

async function spansWithin(session: Session, metric: MetricDefinition, period: Period): Promise<Period[]> {
  const ids = benchmarkIds(metric);
  const rows = await session.all<{ id: string; f: string; t: string }>(
    `SELECT DISTINCT indicator_id AS id, strftime(period_start, '%Y-%m-%d') AS f, strftime(period_end, '%Y-%m-%d') AS t
     FROM benchmarks b WHERE indicator_id IN (${[...ids.keys()].map(() => '?').join(', ')})
       AND category IS NULL AND category_type IS NULL AND period_start >= ?::DATE AND period_end <= ?::DATE ORDER BY f, t`,
    [...ids.keys(), period.from, period.to],
  );
  const spans = rows.filter((r) => conventionOf({ start: r.f, end: r.t }) === ids.get(r.id)!.convention).map((r) => ({ from: r.f, to: r.t }));
  return spans.filter((s, i) => spans.findIndex((o) => o.from === s.from && o.to === s.to) === i);
}

export async function seriesBenchmarks(session: Session, metric: MetricDefinition, period: Period, request: SeriesRequest, settings: EngineSettings): Promise<Benchmark[]> {
  if (metric.kind === 'completeness') return [];
  const spans = await spansWithin(session, metric, period);
  if (!spans.length) {
    // Nothing published inside the series: the nearest period, shown but not compared.
    const [{ n }] = await session.all<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM benchmarks`);
    if (!n) return [];
    return benchmarksFor(session, metric, period, { value: null, lower: null, upper: null, suppressed: false }, { by: 'overall', filter: filterOf(request) });
  }
  const out: Benchmark[] = [];
  for (const span of spans) {
    const year = await computeBreakdown(session, metric, { by: 'overall', by2: null, ...span, specialty: request.specialty, site: request.site, plus: request.plus, level: request.level }, settings);
    out.push(...(year.benchmarks ?? []).filter((b) => b.periodStart === span.from && b.periodEnd === span.to));
  }
  return out;
}
