// The stages every computed metric starts from: the filtered scan (`scope`) and, for snapshot
// datasets, the census dates it is restricted to.
import { ident } from '../../../db/sql.ts';
import type { MetricDefinition } from '../../catalogue/schema.ts';
import { plusGroupCondition } from '../plus-groups.ts';
import { periodExpr, type Grouping } from './grouping.ts';
import type { ComputeRequest, Grain, Stage } from './query.ts';

/** Filters every computed metric shares: period, census date, specialty, site, PLUS group and ages. */
export function scopeStage(metric: MetricDefinition, grouping: Grouping, select: string[], cohort?: string): Stage {
  const r2 = grouping.spec2 ? grouping.spec2.raw : `'All'`;
  return filteredScope(metric, grouping.request, [`${grouping.spec1.raw} AS r1`, `${r2} AS r2`, ...select], cohort);
}

export function filteredScope(metric: MetricDefinition, request: Omit<ComputeRequest, 'by' | 'by2'>, select: string[], cohort?: string): Stage {
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

export function ageFilter(age: string, range: NonNullable<MetricDefinition['ageRange']>): string {
  return range.max === null ? `${age} >= ${range.min}` : `${age} BETWEEN ${range.min} AND ${range.max}`;
}

/** Snapshot datasets: the latest census date in each period. */
export function censusStage(metric: MetricDefinition, grain: Grain): Stage {
  const column = ident(metric.periodColumn);
  const group = grain === 'all' ? '' : `\nGROUP BY date_trunc('${grain}', ${column})`;
  return {
    name: 'census',
    sql: `SELECT max(${column}) AS census_date
FROM ${ident(metric.dataset)}
WHERE ${column} >= $from::DATE AND ${column} < $to::DATE + 1${group}`,
  };
}

export function baseParams(request: ComputeRequest): Record<string, string | number> {
  const params: Record<string, string | number> = { from: request.from, to: request.to };
  if (request.specialty) params.specialty = request.specialty;
  if (request.site) params.site = request.site;
  return params;
}
