// The benchmarks of one indicator for one period: for every area in the loaded benchmark files
// (England first), the row of the nearest matching period, with the Fingertips comparison of the
// trust's figure against it, and — for a deprivation or ethnic-group breakdown — the area's own
// gradient over the same groups (docs/benchmarks.md).
import type { Session } from '../../db/database.ts';
import type { Breakdown, MetricDefinition } from '../catalogue/schema.ts';
import { conventionOf, type PeriodConvention } from '../../core/datasets/period-label.ts';
import { wilson } from '../statistics/index.ts';
import { categoryGroup } from './benchmark-categories.ts';
import { compareWithBenchmark, notCompared, type Comparison, type LocalFigure } from './benchmark-compare.ts';
import type { Benchmark, BenchmarkGroup } from '../../core/contracts/benchmarks.ts';
import type { Period } from './period.ts';

export type { Benchmark, BenchmarkGroup } from '../../core/contracts/benchmarks.ts';

interface Row {
  indicator_id: string;
  area_code: string;
  area_name: string | null;
  area_type: string;
  sex: string | null;
  age: string | null;
  category_type: string | null;
  category: string | null;
  period: string;
  period_start: string;
  period_end: string;
  value: number | null;
  lower_95: number | null;
  upper_95: number | null;
  count: number | null;
  denominator: number | null;
  value_note: string | null;
  source: string;
}

/** The ids benchmark rows of an indicator are loaded under, with what each means. */
interface Link {
  convention: PeriodConvention;
  differs: string | null;
  name: string;
  unit: string | null;
}

export function benchmarkIds(metric: MetricDefinition): Map<string, Link> {
  const ids = new Map<string, Link>();
  ids.set(metric.id, { convention: metric.benchmarkPeriod, differs: null, name: metric.title, unit: null });
  for (const link of metric.fingertips) ids.set(String(link.id), { convention: link.period, differs: link.differs, name: link.name, unit: link.unit });
  return ids;
}

async function rowsOf(session: Session, ids: string[]): Promise<Row[]> {
  // The default source: Fingertips for its numeric ids, else the file the row came from.
  return session.all<Row>(
    `SELECT b.indicator_id, b.area_code, b.area_name, b.area_type, b.sex, b.age, b.category_type, b.category, b.period,
       strftime(b.period_start, '%Y-%m-%d') AS period_start, strftime(b.period_end, '%Y-%m-%d') AS period_end,
       b.value, b.lower_95, b.upper_95, b.count, b.denominator, b.value_note,
       coalesce(b.source, CASE WHEN regexp_full_match(b.indicator_id, '[0-9]+') THEN 'OHID Fingertips' ELSE e.file_name END) AS source
     FROM benchmarks b JOIN extracts e ON e.id = b.extract_id AND e.status = 'loaded'
     WHERE b.indicator_id IN (${ids.map(() => '?').join(', ')})
     -- The newest file for an indicator and area supersedes older ones (a download has the whole series).
     QUALIFY b.extract_id = first_value(b.extract_id) OVER (PARTITION BY b.indicator_id, b.area_code ORDER BY e.uploaded_at DESC, e.id DESC)`,
    ids,
  );
}

const days = (a: string, b: string) => Math.abs(Date.parse(a) - Date.parse(b)) / 86_400_000;
const isEngland = (r: { area_code: string; area_type: string }) => r.area_code === 'E92000001' || r.area_type.toLowerCase() === 'england';
/** England, then regions, then NHS areas (ICBs, trusts and peers), then local authorities and the rest. */
function areaRank(b: { areaCode: string; areaType: string }): number {
  const type = b.areaType.toLowerCase();
  if (isEngland({ area_code: b.areaCode, area_type: b.areaType })) return 0;
  if (b.areaCode.startsWith('E12') || type.includes('region')) return 1;
  if (/icb|integrated care|sub-icb|stp|trust|peer|nhs/.test(type)) return 2;
  return 3;
}
const isWhole = (r: Row) => !r.category && !r.category_type;

/** Persons (or unstated) before one sex; the commonest age group — one published series per area. */
function preferred(rows: Row[]): Row[] {
  const series = (r: Row) => `${r.indicator_id}|${r.sex ?? ''}|${r.age ?? ''}`;
  const score = (r: Row) => (r.sex === null || /^persons$/i.test(r.sex) ? 0 : 1);
  const best = [...rows].sort((a, b) => score(a) - score(b) || rows.filter((r) => series(r) === series(b)).length - rows.filter((r) => series(r) === series(a)).length)[0];
  return best ? rows.filter((r) => series(r) === series(best)) : [];
}

/** The nearest matching period: the same span if published, else the closest end date in the indicator's convention (then any). */
function nearest(rows: Row[], period: Period, convention: PeriodConvention): Row | null {
  const exact = rows.find((r) => r.period_start === period.from && r.period_end === period.to);
  if (exact) return exact;
  const same = rows.filter((r) => conventionOf({ start: r.period_start, end: r.period_end }) === convention);
  const pool = same.length ? same : rows;
  return [...pool].sort((a, b) => days(a.period_end, period.to) - days(b.period_end, period.to) || b.period_end.localeCompare(a.period_end))[0] ?? null;
}

const dayMonthYear = (iso: string) => new Date(`${iso}T00:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

function comparisonOf(row: Row, local: LocalFigure, period: Period, metric: MetricDefinition, differs: string | null): Comparison {
  if (differs) return notCompared(`the definitions differ: ${differs}`);
  if (row.period_start !== period.from || row.period_end !== period.to) {
    return notCompared(`the periods differ: this figure is for ${row.period} (${dayMonthYear(row.period_start)} to ${dayMonthYear(row.period_end)}), the trust's for ${dayMonthYear(period.from)} to ${dayMonthYear(period.to)}`);
  }
  return compareWithBenchmark(local, row.value, metric.polarity);
}

/** Deciles pooled into quintiles from published counts (percentages only), when every decile has them. */
function quintilesFromDeciles(deciles: BenchmarkGroup[], rows: Row[], metric: MetricDefinition): BenchmarkGroup[] {
  if (metric.statistic !== 'percentage') return [];
  const counts = new Map(rows.map((r) => [categoryGroup(r.category_type, r.category)?.group, r]));
  const out: BenchmarkGroup[] = [];
  for (let q = 1; q <= 5; q++) {
    const pair = [counts.get(String(2 * q - 1)), counts.get(String(2 * q))];
    if (pair.some((r) => !r || r.count === null || !r.denominator) || deciles.length < 10) return [];
    const x = pair[0]!.count! + pair[1]!.count!;
    const n = pair[0]!.denominator! + pair[1]!.denominator!;
    if (x > n) return [];
    const w = wilson(Math.round(x), Math.round(n), 95, metric.multiplier);
    out.push({ group: String(q), value: w.value, lower: w.lower, upper: w.upper });
  }
  return out;
}

/** The area's published values for the result's groups, in the chosen row's period and series. */
function gradientOf(all: Row[], chosen: Row, by: Breakdown, metric: MetricDefinition): BenchmarkGroup[] | undefined {
  if (by !== 'imd_decile' && by !== 'imd_quintile' && by !== 'ethnic_group') return undefined;
  const inPeriod = all.filter((r) => !isWhole(r) && r.area_code === chosen.area_code && r.indicator_id === chosen.indicator_id
    && r.period === chosen.period && r.sex === chosen.sex && r.age === chosen.age);
  const grouped = inPeriod.flatMap((r) => {
    const g = categoryGroup(r.category_type, r.category);
    return g ? [{ ...g, row: r }] : [];
  });
  const own = grouped.filter((g) => g.by === by).map((g) => ({ group: g.group, value: g.row.value, lower: g.row.lower_95, upper: g.row.upper_95 }));
  if (own.length || by !== 'imd_quintile') return own.length ? own : undefined;
  const deciles = grouped.filter((g) => g.by === 'imd_decile');
  const pooled = quintilesFromDeciles(deciles.map((g) => ({ group: g.group, value: g.row.value, lower: g.row.lower_95, upper: g.row.upper_95 })), deciles.map((g) => g.row), metric);
  return pooled.length ? pooled : undefined;
}

/** Every area's benchmark for the period, England first, with the comparison of `local` against it. */
export interface BenchmarkOptions {
  /** The breakdown whose groups the areas' own gradients are wanted for. */
  by: Breakdown;
  /** What a filter restricts the trust's figure to; such a figure is not the indicator's definition. */
  filter: string | null;
}

export async function benchmarksFor(session: Session, metric: MetricDefinition, period: Period, local: LocalFigure, options: BenchmarkOptions): Promise<Benchmark[]> {
  const { by, filter } = options;
  if (metric.kind === 'completeness') return [];
  const ids = benchmarkIds(metric);
  const all = await rowsOf(session, [...ids.keys()]);
  const whole = all.filter(isWhole);
  const areas = [...new Set(whole.map((r) => r.area_code))];
  const result: Benchmark[] = [];
  for (const area of areas) {
    const mine = whole.filter((r) => r.area_code === area);
    // One indicator per area: Parity's own id first, then the catalogue's order of Fingertips links.
    const indicator = [...ids.keys()].find((id) => mine.some((r) => r.indicator_id === id))!;
    const link = ids.get(indicator)!;
    const chosen = nearest(preferred(mine.filter((r) => r.indicator_id === indicator)), period, link.convention);
    if (!chosen) continue;
    const verdict = filter ? notCompared(`the trust's figure is for ${filter} only`) : comparisonOf(chosen, local, period, metric, link.differs);
    const groups = gradientOf(all, chosen, by, metric);
    result.push({
      indicatorId: chosen.indicator_id,
      areaCode: chosen.area_code,
      areaName: chosen.area_name,
      areaType: chosen.area_type,
      period: chosen.period,
      periodStart: chosen.period_start,
      periodEnd: chosen.period_end,
      value: chosen.value,
      lower: chosen.lower_95,
      upper: chosen.upper_95,
      count: chosen.count,
      denominator: chosen.denominator,
      note: chosen.value_note,
      source: chosen.source,
      unit: link.unit,
      ...verdict,
      ...(groups ? { groups } : {}),
    });
  }
  return result.sort((a, b) => areaRank(a) - areaRank(b) || a.areaType.localeCompare(b.areaType) || (a.areaName ?? a.areaCode).localeCompare(b.areaName ?? b.areaCode));
}
