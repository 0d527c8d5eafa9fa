import { type Session } from '../../db/database.ts';
import { ident } from '../../db/sql.ts';
import type { DatasetSpec } from '../../core/datasets/dataset-schema.ts';
import { type CompileOptions, SET_ASIDE, STAGE, VERDICT, lineOf } from './compile-load.ts';
import { rowMessages } from '../../core/text/ingest-messages.ts';

/**
 * Quarantines rows whose key repeats an earlier row of the same file, or a row already loaded
 * from another extract — so loading overlapping extracts never double counts. Rows that already
 * have a problem do not compete: a corrected copy later in the file wins over a broken one.
 * Each such row joins the verdict with its one reason.
 */
export async function findDuplicates(session: Session, dataset: DatasetSpec, opts: CompileOptions): Promise<void> {
  const key = dataset.key.map(ident);
  const keyText = dataset.key.length === 1 ? dataset.key[0] : `(${dataset.key.join(', ')})`;
  const keyJoin = key.map((k) => `t.${k} IS NOT DISTINCT FROM d.${k}`).join(' AND ');
  // Rows set aside (a spell's later episodes) are not competitors for the key.
  const live = opts.hasSetAside ? `len(_reasons) = 0 AND NOT _skip AND rowid NOT IN (SELECT _rowid FROM ${SET_ASIDE})` : 'len(_reasons) = 0 AND NOT _skip';

  const [{ n: repeats }] = await session.all<{ n: number }>(
    `SELECT count(*)::INTEGER AS n FROM (SELECT 1 FROM ${STAGE} WHERE ${live} GROUP BY ${key.join(', ')} HAVING count(*) > 1)`,
  );
  if (repeats > 0) {
    const at = lineOf('d._rowid', 'l', opts);
    const first = lineOf('d.first', 'f', opts);
    await session.run(`INSERT INTO ${VERDICT} SELECT d._rowid, ${at.sql}, [${rowMessages.duplicateInFile(keyText, `${first.sql}::VARCHAR`)}]
      FROM (SELECT rowid AS _rowid, first_value(rowid) OVER w AS first FROM ${STAGE} WHERE ${live}
            WINDOW w AS (PARTITION BY ${key.join(', ')} ORDER BY rowid) QUALIFY row_number() OVER w > 1) d ${at.join} ${first.join}`);
  }

  const [{ n: loaded }] = await session.all<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM (SELECT 1 FROM ${ident(dataset.id)} LIMIT 1)`);
  if (loaded > 0 && !dataset.supersedes) {
    const at = lineOf('t._rowid', 'l', opts);
    await session.run(`INSERT INTO ${VERDICT} SELECT DISTINCT ON (t._rowid) t._rowid, ${at.sql}, [${rowMessages.alreadyLoaded(keyText, 'd.extract_id')}]
      FROM (SELECT rowid AS _rowid, ${key.join(', ')} FROM ${STAGE} WHERE ${live} AND rowid NOT IN (SELECT _rowid FROM ${VERDICT})) t
      JOIN ${ident(dataset.id)} d ON ${keyJoin} ${at.join}`);
  }
}
