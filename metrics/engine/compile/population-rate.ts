import type { MetricDefinition } from '../../catalogue/schema.ts';
import { espBandIndex, espBandLabel } from '../dimensions.ts';
import { plusGroupCondition } from '../plus-groups.ts';
import { Grouping } from './grouping.ts';
import type { CompiledQuery, ComputeRequest, Grain, Stage } from './query.ts';
import { ageFilter, baseParams, scopeStage } from './scope.ts';

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
 * days it overlaps it, over that year's own length (365 or 366 days), so a whole financial year
 * is exactly one population-year, as PHEindicatormethods' rates take it. Years beyond the table
 * use the nearest year loaded.
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
  (least(p.pe, make_date(fy + 1, 3, 31)) - greatest(p.ps, make_date(fy, 4, 1)) + 1)
    / (make_date(fy + 1, 4, 1) - make_date(fy, 4, 1)) AS years
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
