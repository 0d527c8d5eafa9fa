// How each declared column's values were read, over every row of the file that could be split
// into fields: as written (recognised), after recoding (a word for a code, a day-first date, a
// label), blank or a "no value" word (missing), or not at all (unreadable). The stage records
// each row's reading of each column (compile-load.ts, `_read…`); this counts them.
import type { Session } from '../../db/database.ts';
import type { DatasetSpec } from '../../core/datasets/dataset-schema.ts';
import type { ColumnReading } from '../../core/contracts/ingest.ts';
import { READING, READINGS_PER_COLUMN, STAGE } from './compile-load.ts';
import type { ColumnMatch } from './match-headers.ts';

type Reading = keyof typeof READING;
const READINGS = Object.keys(READING) as Reading[];

export async function readColumns(session: Session, dataset: DatasetSpec, match: ColumnMatch, headers: string[]): Promise<ColumnReading[]> {
  const mapped = dataset.columns.filter((c) => match.has(c.name));
  const parts = mapped.flatMap((_, i) => {
    const bits = `((_read${Math.floor(i / READINGS_PER_COLUMN)} >> ${2 * (i % READINGS_PER_COLUMN)}) & 3)`;
    return READINGS.map((r) => `count(*) FILTER (WHERE ${bits} = ${READING[r]})::INTEGER AS "${r}${i}"`);
  });
  const [stats] = await session.all<Record<string, number>>(`SELECT count(*)::INTEGER AS rows${parts.map((p) => `, ${p}`).join('')} FROM ${STAGE}`);
  const rows = Number(stats?.rows ?? 0);
  return dataset.columns.map((c) => {
    const i = mapped.indexOf(c);
    if (i < 0) return { column: c.name, header: null, recognised: 0, recoded: 0, missing: rows, unreadable: 0 };
    const count = (r: Reading) => Number(stats[`${r}${i}`]);
    return { column: c.name, header: headers[match.get(c.name)!], recognised: count('recognised'), recoded: count('recoded'), missing: count('missing'), unreadable: count('unreadable') };
  });
}
