// How each declared column's values were read, over every row of the file that could be split
// into fields: as written (recognised), after recoding (a word for a code, a day-first date, a
// label), blank or a "no value" word (missing), or not at all (unreadable). The stage records
// each row's reading of each column, two bits a column (compile-load.ts, `_read…`); rows are
// grouped by those bits, of which a file has few combinations, and the groups counted here.
import type { Session } from '../../db/database.ts';
import type { DatasetSpec } from '../../core/datasets/dataset-schema.ts';
import type { ColumnReading } from '../../core/contracts/ingest.ts';
import { READING, READINGS_PER_COLUMN, STAGE } from './compile-load.ts';
import type { ColumnMatch } from './match-headers.ts';

type Reading = keyof typeof READING;
const NAMES = Object.fromEntries(Object.entries(READING).map(([name, code]) => [code, name as Reading])) as Record<number, Reading>;

export async function readColumns(session: Session, dataset: DatasetSpec, match: ColumnMatch, headers: string[]): Promise<ColumnReading[]> {
  const mapped = dataset.columns.filter((c) => match.has(c.name));
  const words = Math.ceil(mapped.length / READINGS_PER_COLUMN);
  const bits = Array.from({ length: words }, (_, w) => `_read${w}::VARCHAR AS w${w}`);
  // As text: a BIGINT of up to 62 bits does not fit a JavaScript number.
  const groups = await session.all<Record<string, string | number>>(
    `SELECT count(*)::INTEGER AS n${bits.map((b) => `, ${b}`).join('')} FROM ${STAGE}${words ? ` GROUP BY ALL` : ''}`,
  );
  const counts = mapped.map(() => ({ recognised: 0, recoded: 0, missing: 0, unreadable: 0 }));
  let rows = 0;
  for (const group of groups) {
    const n = Number(group.n);
    rows += n;
    mapped.forEach((_, i) => {
      const word = BigInt(group[`w${Math.floor(i / READINGS_PER_COLUMN)}`]);
      counts[i][NAMES[Number((word >> BigInt(2 * (i % READINGS_PER_COLUMN))) & 3n)]] += n;
    });
  }
  return dataset.columns.map((c) => {
    const i = mapped.indexOf(c);
    if (i < 0) return { column: c.name, header: null, recognised: 0, recoded: 0, missing: rows, unreadable: 0 };
    return { column: c.name, header: headers[match.get(c.name)!], ...counts[i] };
  });
}
