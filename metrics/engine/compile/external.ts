import type { Breakdown, MetricDefinition } from '../../catalogue/schema.ts';
import { periodExpr } from './grouping.ts';
import type { CompiledQuery, ComputeRequest, Stage } from './query.ts';

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
