// How each declared column's values were read, over every row of the file that could be split
// into fields: as written (recognised), after recoding (a word for a code, a day-first date, a
// label), blank (missing), or not at all (unreadable). One pass over the stage.
import type { Session } from '../../db/database.ts';
import { ident } from '../../db/sql.ts';
import type { ColumnSpec, DatasetSpec } from '../../core/datasets/dataset-schema.ts';
import type { ColumnReading } from '../../core/contracts/ingest.ts';
import { STAGE } from './compile-load.ts';
import type { ColumnMatch } from './match-headers.ts';

/** The stored value written the canonical way, to compare with the file's text. */
function canonicalText(c: ColumnSpec): string {
  const v = ident(c.name);
  switch (c.kind) {
    case 'boolean':
      return `CASE WHEN ${v} THEN 'Y' WHEN NOT ${v} THEN 'N' END`;
    case 'datetime':
      return `strftime(${v}, '%Y-%m-%d %H:%M:%S')`;
    default:
      return `${v}::VARCHAR`;
  }
}

/**
 * Unreadable: the row's problems name the column (a required one) or `_dq` does (an optional one).
 * Sex and ethnic category keep a stand-in for unreadable text ('X', the text itself), so the
 * lists are asked, not the value.
 */
function unreadable(c: ColumnSpec): string {
  return c.required
    ? `len(list_filter(_reasons, r -> starts_with(r, '${c.name}: ' || chr(39)))) > 0`
    : `list_contains(_dq, '${c.name}')`;
}

export async function readColumns(session: Session, dataset: DatasetSpec, match: ColumnMatch, headers: string[]): Promise<ColumnReading[]> {
  const mapped = dataset.columns.filter((c) => match.has(c.name));
  const parts = mapped.flatMap((c, i) => {
    const raw = `c${match.get(c.name)}`;
    const blank = `(${raw} IS NULL OR trim(${raw}) = '')`;
    return [
      `count(*) FILTER (WHERE ${blank})::INTEGER AS m${i}`,
      `count(*) FILTER (WHERE NOT ${blank} AND ${unreadable(c)})::INTEGER AS u${i}`,
      `count(*) FILTER (WHERE NOT ${blank} AND NOT (${unreadable(c)}) AND ${raw} = ${canonicalText(c)})::INTEGER AS r${i}`,
    ];
  });
  const [stats] = await session.all<Record<string, number>>(`SELECT count(*)::INTEGER AS rows${parts.length ? ', ' : ''}${parts.join(', ')} FROM ${STAGE}`);
  const rows = Number(stats?.rows ?? 0);
  return dataset.columns.map((c) => {
    const i = mapped.indexOf(c);
    if (i < 0) return { column: c.name, header: null, recognised: 0, recoded: 0, missing: rows, unreadable: 0 };
    const missing = Number(stats[`m${i}`]);
    const bad = Number(stats[`u${i}`]);
    const recognised = Number(stats[`r${i}`]);
    return { column: c.name, header: headers[match.get(c.name)!], recognised, recoded: rows - missing - bad - recognised, missing, unreadable: bad };
  });
}
