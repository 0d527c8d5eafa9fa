import type { Breakdown, MetricDefinition } from '../../catalogue/schema.ts';
import { specFor } from '../dimensions.ts';
import { Grouping } from './grouping.ts';
import type { CompiledQuery, ComputeRequest } from './query.ts';
import { baseParams, censusStage, filteredScope, scopeStage } from './scope.ts';

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
