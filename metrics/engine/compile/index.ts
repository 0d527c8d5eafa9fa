// Compiles a metric definition and a request into one parameterised SQL statement built from
// named stages (CTEs). Definitions contribute reviewed SQL expressions; everything that comes
// from a request (dates, specialty, site, confidence) is a bound parameter. One file per kind of
// computation; the grouping and the filtered scan they share are in grouping.ts and scope.ts.
import type { MetricDefinition } from '../../catalogue/schema.ts';
import { zFor } from '../../statistics/index.ts';
import { compileExternal } from './external.ts';
import { compileMedian } from './median.ts';
import { compilePopulationRate } from './population-rate.ts';
import { compileProportion } from './proportion.ts';
import type { CompiledQuery, ComputeRequest } from './query.ts';

export { compileProportionBreakdowns } from './proportion.ts';
export { toSql, type CompiledQuery, type ComputeRequest, type Grain, type Stage } from './query.ts';

export function compile(metric: MetricDefinition, request: ComputeRequest, level: number): CompiledQuery {
  switch (metric.computation.type) {
    case 'proportion':
      return compileProportion(metric, request);
    case 'median':
      return compileMedian(metric, request, zFor(level));
    case 'population-rate':
      return compilePopulationRate(metric, request);
    case 'external':
      return compileExternal(metric, request);
  }
}
