import { type Session, ident } from '../../server/db/database.ts';
import type { DatasetSpec } from '../datasets/dataset-schema.ts';
import { VERDICT as TYPED } from './compile-load.ts';
import { rowMessages } from './messages.ts';

/**
 * Quarantines rows whose key repeats an earlier row of the same file, or a row already loaded
 * from another extract — so loading overlapping extracts never double counts. Rows that already
 * have a problem do not compete: a corrected copy later in the file wins over a broken one.
 */
export async function findDuplicates(session: Session, dataset: DatasetSpec): Promise<void> {
  const key = dataset.key.map(ident);
  const keyText = dataset.key.length === 1 ? dataset.key[0] : `(${dataset.key.join(', ')})`;
  const keyJoin = key.map((k) => `t.${k} IS NOT DISTINCT FROM d.${k}`).join(' AND ');

  const [{ n: repeats }] = await session.all<{ n: number }>(
    `SELECT count(*)::INTEGER AS n FROM (SELECT 1 FROM ${TYPED} WHERE len(_reasons) = 0 GROUP BY ${key.join(', ')} HAVING count(*) > 1)`,
  );
  if (repeats > 0) {
    await session.run(`UPDATE ${TYPED} t SET _reasons = list_append(t._reasons, ${rowMessages.duplicateInFile(keyText, 'd.first_row::VARCHAR')})
      FROM (SELECT source_row AS at, first_value(source_row) OVER w AS first_row, row_number() OVER w AS n
            FROM ${TYPED} WHERE len(_reasons) = 0 WINDOW w AS (PARTITION BY ${key.join(', ')} ORDER BY source_row)) d
      WHERE t.source_row = d.at AND d.n > 1`);
  }

  const [{ n: loaded }] = await session.all<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM (SELECT 1 FROM ${ident(dataset.id)} LIMIT 1)`);
  if (loaded > 0) {
    await session.run(`UPDATE ${TYPED} t SET _reasons = list_append(t._reasons, ${rowMessages.alreadyLoaded(keyText, 'd.extract_id')})
      FROM ${ident(dataset.id)} d WHERE ${keyJoin} AND len(t._reasons) = 0`);
  }
}
