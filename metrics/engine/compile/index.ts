// Compiles a metric definition and a request into one parameterised SQL statement built from
// named stages (CTEs). Definitions contribute reviewed SQL expressions; everything that comes
// from a request (dates, specialty, site, confidence) is a bound parameter.
import { ident } from '../../../db/sql.ts';
import type { Breakdown, MetricDefinition } from '../../catalogue/schema.ts';
import { espBandIndex, espBandLabel, specFor, type BreakdownSpec } from '../breakdowns.ts';
import { plusGroupCondition, type PlusGroup } from '../plus-groups.ts';

export type Grain = 'all' | 'month' | 'quarter';

export interface ComputeRequest {
  by: Breakdown;
  by2: Breakdown | null;
  /** Inclusive dates, YYYY-MM-DD. */
  from: string;
  to: string;
  grain: Grain;
  specialty: string | null;
  site: string | null;
  /** Local PLUS groups: the `plus_group` breakdown's groups. */
  plusGroups?: PlusGroup[];
  /** Restrict to one PLUS group's members. */
  plus?: string | null;
}

export interface Stage {
  name: string;
  sql: string;
}

export interface CompiledQuery {
  stages: Stage[];
  /** The final SELECT over the stages. */
  select: string;
  params: Record<string, string | number>;
}

/** The statement text: stages as a WITH list, then the final select. */
export function toSql(query: CompiledQuery): string {
  const withList = query.stages.map((s) => `${s.name} AS (\n${indent(s.sql.trim())}\n)`).join(',\n');
  return `WITH ${withList}\n${query.select.trim()}\n`;
}

const indent = (text: string) => text.replace(/^/gm, '  ');

function periodExpr(column: string, grain: Grain): string {
  return grain === 'all' ? `'all'` : `strftime(date_trunc('${grain}', ${column}), '%Y-%m-%d')`;
}

/**
 * The grouping of a request. `scope` always carries `period`, `r1` and `r2` (constants when not
 * split); only the columns that vary are grouped on, as typed values, and turned into keys after
 * aggregation. The total of each period comes from the same scan as the groups (GROUPING SETS).
 */
class Grouping {
  readonly spec1: BreakdownSpec;
  readonly spec2: BreakdownSpec | null;
  readonly dims: string[];
  readonly groups: string[];

  constructor(readonly request: ComputeRequest) {
    this.spec1 = specFor(request.by, request.plusGroups);
    this.spec2 = request.by2 ? specFor(request.by2, request.plusGroups) : null;
    this.dims = request.grain === 'all' ? [] : ['period'];
    this.groups = [...(request.by === 'overall' ? [] : ['r1']), ...(this.spec2 ? ['r2'] : [])];
  }

  /** GROUP BY for the given extra columns (e.g. an age band), groups and totals together. */
  groupBy(extra: string[] = []): string {
    const outer = [...this.dims, ...extra];
    if (this.groups.length === 0) return outer.length ? `GROUP BY ${outer.join(', ')}` : '';
    return `GROUP BY GROUPING SETS ((${[...outer, ...this.groups].join(', ')}), (${outer.join(', ')}))`;
  }

  /** period, g1, g2 and total, as the select list of an aggregate over scope. */
  keys(): string {
    const period = this.request.grain === 'all' ? `'all'` : 'period';
    if (this.groups.length === 0) return `${period} AS period, 'All' AS g1, 'All' AS g2, false AS total`;
    const total = 'GROUPING(r1) <> 0';
    const g2 = this.spec2 ? this.spec2.keyOf('r2') : `'All'`;
    return `${period} AS period, CASE WHEN ${total} THEN NULL ELSE ${this.spec1.keyOf('r1')} END AS g1,
  CASE WHEN ${total} THEN NULL ELSE ${g2} END AS g2, ${total} AS total`;
  }
}

/** Filters every computed metric shares: period, census date, specialty, site, PLUS group and ages. */
function scopeStage(metric: MetricDefinition, grouping: Grouping, select: string[], cohort?: string): Stage {
  const r2 = grouping.spec2 ? grouping.spec2.raw : `'All'`;
  return filteredScope(metric, grouping.request, [`${grouping.spec1.raw} AS r1`, `${r2} AS r2`, ...select], cohort);
}

function filteredScope(metric: MetricDefinition, request: Omit<ComputeRequest, 'by' | 'by2'>, select: string[], cohort?: string): Stage {
  const table = ident(metric.dataset);
  const column = ident(metric.periodColumn);
  const where = [`${column} >= $from::DATE`, `${column} < $to::DATE + 1`];
  if (metric.census) where.push(`${column} IN (SELECT census_date FROM census)`);
  if (request.specialty) where.push('treatment_function_code = $specialty');
  if (request.site) where.push('site_code = $site');
  if (request.plus) where.push(plusGroupCondition(request.plusGroups!.find((g) => g.id === request.plus)!));
  if (metric.ageRange) where.push(ageFilter('age', metric.ageRange));
  if (cohort) where.push(`(${cohort})`);
  return {
    name: 'scope',
    sql: `SELECT ${periodExpr(column, request.grain)} AS period, ${select.join(', ')}
FROM ${table}
WHERE ${where.join('\n  AND ')}`,
  };
}

function ageFilter(age: string, range: NonNullable<MetricDefinition['ageRange']>): string {
  return range.max === null ? `${age} >= ${range.min}` : `${age} BETWEEN ${range.min} AND ${range.max}`;
}

/** Snapshot datasets: the latest census date in each period. */
function censusStage(metric: MetricDefinition, grain: Grain): Stage {
  const column = ident(metric.periodColumn);
  const group = grain === 'all' ? '' : `\nGROUP BY date_trunc('${grain}', ${column})`;
  return {
    name: 'census',
    sql: `SELECT max(${column}) AS census_date
FROM ${ident(metric.dataset)}
WHERE ${column} >= $from::DATE AND ${column} < $to::DATE + 1${group}`,
  };
}

function baseParams(request: ComputeRequest): Record<string, string | number> {
  const params: Record<string, string | number> = { from: request.from, to: request.to };
  if (request.specialty) params.specialty = request.specialty;
  if (request.site) params.site = request.site;
  return params;
}

export function compileProportion(metric: MetricDefinition, request: ComputeRequest): CompiledQuery {
  if (metric.computation.type !== 'proportion') throw new Error(`${metric.id} is not a proportion`);
  const grouping = new Grouping(request);
  const stages = metric.census ? [censusStage(metric, request.grain)] : [];
  stages.push(scopeStage(metric, grouping, [`(${metric.computation.numerator}) IS TRUE AS hit`], metric.computation.cohort));
  stages.push({
    name: 'cells',
    sql: `SELECT ${grouping.keys()},
  count(*) FILTER (WHERE hit)::DOUBLE AS numerator, count(*)::DOUBLE AS denominator
FROM scope
${grouping.groupBy()}`,
  });
  return { stages, select: 'SELECT * FROM cells ORDER BY period, total DESC, g1, g2', params: baseParams(request) };
}

/**
 * Several one-way breakdowns of a proportion from one scan: one grouping set per breakdown and
 * one for the total. `dim` says which breakdown a row belongs to (-1 for the total).
 */
export function compileProportionBreakdowns(metric: MetricDefinition, request: Omit<ComputeRequest, 'by' | 'by2'>, bys: Breakdown[]): CompiledQuery {
  if (metric.computation.type !== 'proportion' || request.grain !== 'all') throw new Error(`${metric.id}: one-scan breakdowns are for proportions over one period`);
  const specs = bys.map((by) => specFor(by, request.plusGroups));
  const raws = specs.map((spec, i) => `${spec.raw} AS r${i}`);
  const stages = metric.census ? [censusStage(metric, request.grain)] : [];
  stages.push(filteredScope(metric, request, [...raws, `(${metric.computation.numerator}) IS TRUE AS hit`], metric.computation.cohort));
  const which = (value: (i: number) => string, otherwise: string) =>
    `CASE ${specs.map((_, i) => `WHEN GROUPING(r${i}) = 0 THEN ${value(i)}`).join(' ')} ELSE ${otherwise} END`;
  stages.push({
    name: 'cells',
    sql: `SELECT 'all' AS period, ${which((i) => String(i), '-1')} AS dim, ${which((i) => specs[i].keyOf(`r${i}`), 'NULL')} AS g1,
  ${which(() => `'All'`, 'NULL')} AS g2, ${specs.map((_, i) => `GROUPING(r${i}) <> 0`).join(' AND ')} AS total,
  count(*) FILTER (WHERE hit)::DOUBLE AS numerator, count(*)::DOUBLE AS denominator
FROM scope
GROUP BY GROUPING SETS (${specs.map((_, i) => `(r${i})`).join(', ')}, ())`,
  });
  return { stages, select: 'SELECT * FROM cells ORDER BY dim, g1', params: baseParams({ ...request, by: 'overall', by2: null }) };
}

/**
 * Median with the distribution-free interval: the order statistics at ranks
 * n/2 ∓ z·√n/2 (Conover, Practical Nonparametric Statistics), clamped to the data.
 */
export function compileMedian(metric: MetricDefinition, request: ComputeRequest, z: number): CompiledQuery {
  if (metric.computation.type !== 'median') throw new Error(`${metric.id} is not a median`);
  const grouping = new Grouping(request);
  const stages = metric.census ? [censusStage(metric, request.grain)] : [];
  stages.push(scopeStage(metric, grouping, [`(${metric.computation.value})::DOUBLE AS v`], metric.computation.cohort));
  const withTotal = grouping.groups.length > 0;
  const g2 = grouping.spec2 ? grouping.spec2.keyOf('r2') : `'All'`;
  stages.push({
    name: 'stacked',
    sql: `SELECT period, ${grouping.spec1.keyOf('r1')} AS g1, ${g2} AS g2, v, false AS total FROM scope WHERE v IS NOT NULL${
      withTotal ? `\nUNION ALL\nSELECT period, NULL, NULL, v, true FROM scope WHERE v IS NOT NULL` : ''
    }`,
  });
  stages.push({
    name: 'ranked',
    sql: `SELECT *, row_number() OVER w AS k, count(*) OVER (PARTITION BY period, total, g1, g2) AS n
FROM stacked
WINDOW w AS (PARTITION BY period, total, g1, g2 ORDER BY v)`,
  });
  stages.push({
    name: 'cells',
    sql: `SELECT period, g1, g2, NULL::DOUBLE AS numerator, count(*)::DOUBLE AS denominator, total,
  quantile_cont(v, 0.5) AS value,
  max(v) FILTER (WHERE k = greatest(1, floor(n / 2 - $z * sqrt(n) / 2))) AS lower,
  max(v) FILTER (WHERE k = least(n, ceil(1 + n / 2 + $z * sqrt(n) / 2))) AS upper
FROM ranked
GROUP BY period, total, g1, g2`,
  });
  return { stages, select: 'SELECT * FROM cells ORDER BY period, total DESC, g1, g2', params: { ...baseParams(request), z } };
}

/** Band of each `population` row as single years, so any age range or grouping can be cut from it. */
const POPULATION_BY_SINGLE_YEAR = `SELECT year, sex, ethnic_group, imd_quintile, age, population / (hi - lo + 1) AS persons
FROM (
  SELECT *, unnest(range(lo, hi + 1)) AS age
  FROM (
    SELECT *, CAST(regexp_extract(age_band, '^(\\d+)', 1) AS INTEGER) AS lo,
      coalesce(TRY_CAST(regexp_extract(age_band, '-(\\d+)$', 1) AS INTEGER), 99) AS hi
    FROM population
  )
)`;

function periodsStage(grain: Grain): Stage {
  if (grain === 'all') return { name: 'periods', sql: `SELECT 'all' AS period, $from::DATE AS ps, $to::DATE AS pe` };
  return {
    name: 'periods',
    sql: `SELECT strftime(m, '%Y-%m-%d') AS period, greatest(m::DATE, $from::DATE) AS ps,
  least((m + INTERVAL 1 ${grain.toUpperCase()} - INTERVAL 1 DAY)::DATE, $to::DATE) AS pe
FROM generate_series(date_trunc('${grain}', $from::DATE), $to::DATE::TIMESTAMP, INTERVAL 1 ${grain.toUpperCase()}) AS t(m)`,
  };
}

/**
 * Events per age band against person-years at risk. Population `year` is the financial year
 * starting in April of that year; a period takes each year's population in proportion to the
 * days it overlaps it, and years beyond the table use the nearest year loaded.
 */
export function compilePopulationRate(metric: MetricDefinition, request: ComputeRequest): CompiledQuery {
  if (metric.computation.type !== 'population-rate') throw new Error(`${metric.id} is not a population rate`);
  const grouping = new Grouping(request);
  const { spec1, spec2 } = grouping;
  if (spec1.populationRaw === undefined || (spec2 && spec2.populationRaw === undefined)) {
    throw new Error(`No population denominator by ${request.by}${request.by2 ? ` × ${request.by2}` : ''}`);
  }
  const popG1 = spec1.keyOf(spec1.populationRaw);
  const popG2 = spec2 ? spec2.keyOf(spec2.populationRaw!) : `'All'`;
  const ageWhere = metric.ageRange ? `\n  AND ${ageFilter('age', metric.ageRange)}` : '';
  // A PLUS-group filter narrows the population as it narrows the events.
  const plusWhere = request.plus ? `\n  AND ${plusGroupCondition(request.plusGroups!.find((g) => g.id === request.plus)!)}` : '';
  const popTotal = grouping.groups.length ? 'GROUPING(g1) <> 0' : 'false';
  const popGroupBy = grouping.groups.length ? 'GROUP BY GROUPING SETS ((e.period, g1, g2, band), (e.period, band))' : 'GROUP BY e.period, g1, g2, band';
  const stages: Stage[] = [
    scopeStage(metric, grouping, [`${espBandIndex('age')} AS b`], metric.computation.events),
    {
      name: 'events',
      sql: `SELECT ${grouping.keys()}, ${espBandLabel('b')} AS band, count(*)::DOUBLE AS events
FROM scope
${grouping.groupBy(['b'])}`,
    },
    periodsStage(request.grain),
    {
      name: 'exposure',
      sql: `SELECT p.period, least(greatest(fy, (SELECT min(year) FROM population)), (SELECT max(year) FROM population)) AS year,
  (least(p.pe, make_date(fy + 1, 3, 31)) - greatest(p.ps, make_date(fy, 4, 1)) + 1) / 365.25 AS years
FROM periods p, range(year(p.ps) - 1, year(p.pe) + 1) AS f(fy)
WHERE least(p.pe, make_date(fy + 1, 3, 31)) >= greatest(p.ps, make_date(fy, 4, 1))`,
    },
    { name: 'single_years', sql: POPULATION_BY_SINGLE_YEAR },
    {
      name: 'person_years',
      sql: `SELECT e.period AS period, ${popG1} AS g1, ${popG2} AS g2, ${espBandLabel(espBandIndex('age'))} AS band,
  sum(ps.persons * e.years) AS person_years, ${popTotal} AS total
FROM exposure e JOIN single_years ps ON ps.year = e.year
WHERE true${ageWhere}${plusWhere}
${popGroupBy}`,
    },
    {
      name: 'cells',
      sql: `SELECT coalesce(ev.period, py.period) AS period, coalesce(ev.g1, py.g1) AS g1, coalesce(ev.g2, py.g2) AS g2,
  coalesce(ev.total, py.total) AS total, coalesce(ev.band, py.band) AS band,
  coalesce(ev.events, 0) AS events, coalesce(py.person_years, 0) AS person_years, esp.weight AS weight
FROM events ev
FULL JOIN person_years py ON ev.period = py.period AND ev.total = py.total AND ev.band = py.band
  AND ev.g1 IS NOT DISTINCT FROM py.g1 AND ev.g2 IS NOT DISTINCT FROM py.g2
LEFT JOIN ref_esp2013 esp ON esp.age_band = coalesce(ev.band, py.band)`,
    },
  ];
  return { stages, select: 'SELECT * FROM cells ORDER BY period, total DESC, g1, g2, band', params: baseParams(request) };
}

/** How `aggregate_indicators` names the breakdowns it publishes. */
export const EXTERNAL_BREAKDOWN_NAME: Partial<Record<Breakdown, string>> = {
  overall: 'overall',
  ethnic_group: 'ethnic_group',
  imd_quintile: 'imd_quintile',
  age_band_broad: 'age_band',
  sex: 'sex',
};

/** Published values: the latest publication period in each period of the request. */
export function compileExternal(metric: MetricDefinition, request: ComputeRequest): CompiledQuery {
  const name = EXTERNAL_BREAKDOWN_NAME[request.by];
  if (!name || request.by2) throw new Error(`${metric.id} is published by ${Object.keys(EXTERNAL_BREAKDOWN_NAME).join(', ')} only`);
  const group = request.grain === 'all' ? '' : `\nGROUP BY date_trunc('${request.grain}', period_start)`;
  const stages: Stage[] = [
    {
      name: 'census',
      sql: `SELECT max(period_start) AS period_start
FROM aggregate_indicators
WHERE indicator_id = $indicator AND period_start >= $from::DATE AND period_start < $to::DATE + 1${group}`,
    },
    {
      name: 'cells',
      sql: `SELECT ${periodExpr('period_start', request.grain)} AS period, CASE WHEN breakdown = 'overall' THEN NULL ELSE "group" END AS g1,
  CASE WHEN breakdown = 'overall' THEN NULL ELSE 'All' END AS g2, breakdown = 'overall' AS total,
  numerator, denominator, value, lower, upper, source
FROM aggregate_indicators
WHERE indicator_id = $indicator AND period_start IN (SELECT period_start FROM census)
  AND breakdown IN ('overall', $breakdown)`,
    },
  ];
  return {
    stages,
    select: 'SELECT * FROM cells ORDER BY period, total DESC, g1',
    params: { from: request.from, to: request.to, indicator: metric.id, breakdown: name },
  };
}
