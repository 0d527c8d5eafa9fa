import { Bool, Float64, Table, Utf8, tableToIPC, vectorFromArray } from 'apache-arrow';
import type { ResultRow } from '../../../metrics/engine/result-types.ts';

export const ARROW_STREAM = 'application/vnd.apache.arrow.stream';

/** A breakdown's rows as an Arrow IPC stream, one typed column per field. */
export function rowsToArrow(rows: ResultRow[]): Uint8Array {
  const text = (pick: (r: ResultRow) => string | null | undefined) => vectorFromArray(rows.map((r) => pick(r) ?? null), new Utf8());
  const number = (pick: (r: ResultRow) => number | null | undefined) => vectorFromArray(rows.map((r) => pick(r) ?? null), new Float64());
  const table = new Table({
    group: text((r) => r.group),
    label: text((r) => r.label),
    group2: text((r) => r.group2),
    label2: text((r) => r.label2),
    numerator: number((r) => r.numerator),
    denominator: number((r) => r.denominator),
    value: number((r) => r.value),
    lower: number((r) => r.lower),
    upper: number((r) => r.upper),
    method: text((r) => r.method),
    suppressed: vectorFromArray(rows.map((r) => r.suppressed), new Bool()),
    comparison: text((r) => r.comparison),
  });
  return tableToIPC(table, 'stream');
}
