import { specFor, type BreakdownSpec } from '../dimensions.ts';
import type { ComputeRequest, Grain } from './query.ts';

export function periodExpr(column: string, grain: Grain): string {
  return grain === 'all' ? `'all'` : `strftime(date_trunc('${grain}', ${column}), '%Y-%m-%d')`;
}

/**
 * The grouping of a request. `scope` always carries `period`, `r1` and `r2` (constants when not
 * split); only the columns that vary are grouped on, as typed values, and turned into keys after
 * aggregation. The total of each period comes from the same scan as the groups (GROUPING SETS).
 */
export class Grouping {
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
