import type { Session } from '../../db/database.ts';
import type { MetricDefinition } from '../catalogue/schema.ts';
import { zFor } from '../statistics/index.ts';
import { compileExternal, compileMedian, compilePopulationRate, compileProportion, toSql, type CompiledQuery, type ComputeRequest } from './compile/index.ts';
import { estimateCells, type Cell } from './estimate.ts';

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

/** Runs the metric's query and returns one estimate per period and group (totals flagged). */
export async function computeCells(session: Session, metric: MetricDefinition, request: ComputeRequest, level: number): Promise<Cell[]> {
  const query = compile(metric, request, level);
  const rows = await session.all(toSql(query), query.params);
  const cells = estimateCells(metric, rows, level);
  // A breakdown by `overall` has no separate total row: its one group is the total.
  if (request.by === 'overall' && !request.by2 && metric.computation.type !== 'external') {
    return cells.flatMap((c) => [c, { ...c, g1: null, g2: null, total: true }]);
  }
  if (request.by === 'overall' && metric.computation.type === 'external') {
    return cells.flatMap((c) => [{ ...c, g1: 'All', g2: 'All', total: false }, c]);
  }
  return cells;
}
