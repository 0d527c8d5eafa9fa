import type { MetricDefinition } from '../../catalogue/schema.ts';
import { Grouping } from './grouping.ts';
import type { CompiledQuery, ComputeRequest } from './query.ts';
import { baseParams, censusStage, scopeStage } from './scope.ts';

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
