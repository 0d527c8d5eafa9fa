import type { Session } from '../../db/database.ts';
import type { MetricDefinition } from '../catalogue/schema.ts';
import { compile, toSql, type ComputeRequest } from './compile/index.ts';
import { estimateCells, knownRecordsCell, type Cell } from './estimate.ts';

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

/** The trust's rate over records of known group (see knownRecordsCell), from the same query as the cells. */
export async function computeCellsWithKnown(session: Session, metric: MetricDefinition, request: ComputeRequest, level: number): Promise<{ cells: Cell[]; known: (Cell & { unknownEvents: number }) | null }> {
  if (metric.computation.type !== 'population-rate' || request.by === 'overall' || request.by2 || request.grain !== 'all') {
    return { cells: await computeCells(session, metric, request, level), known: null };
  }
  const query = compile(metric, request, level);
  const rows = await session.all(toSql(query), query.params);
  return { cells: estimateCells(metric, rows, level), known: knownRecordsCell(metric, rows, level) };
}
