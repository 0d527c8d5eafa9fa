// What the compiler produces: named stages (CTEs) and a final select over them, with every
// value from the request bound as a parameter.
import type { Breakdown } from '../../catalogue/schema.ts';
import type { PlusGroup } from '../plus-groups.ts';

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
