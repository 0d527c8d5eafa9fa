// Once per database: quarantined rows stored before the quarantine kept declared columns only
// lose every other key (an undeclared "NHS Number", a second copy of an identifier), and broken
// lines stored whole lose their text. It keeps the keys the read path shows (quarantine-columns.ts),
// so nothing an analyst could see is lost. One transaction, then a CHECKPOINT so the old values
// leave the write-ahead log; the file's freed blocks are reused, not wiped (docs/security.md).
import { findDataset } from '../core/datasets/index.ts';
import { quarantineKeys } from '../core/datasets/quarantine-columns.ts';
import type { Database } from './database.ts';

const DONE = 'quarantine_declared_only';

/**
 * The row with only the keys in `$keys` (a JSON array). A key that appears twice cannot be told
 * from its copy and is dropped; a row that is not a JSON object keeps nothing.
 */
const KEEP_DECLARED = `COALESCE(to_json(map_from_entries(list_filter(
    map_entries(TRY_CAST(TRY_CAST(raw_row AS JSON) AS MAP(VARCHAR, VARCHAR))),
    lambda e: list_contains(from_json($keys, '["VARCHAR"]'), e.key) AND len(list_filter(json_keys(raw_row), lambda k: k = e.key)) = 1
  )))::VARCHAR, '{}')`;
/** A broken line as it was stored: its whole text under "line", with one structural reason. */
const STORED_LINE = `json_valid(raw_row) AND json_keys(raw_row) = ['line'] AND len(reasons) = 1 AND starts_with(reasons[1], 'row: ')`;

/** Prunes the quarantine if this database has not been pruned yet; returns the number of extracts rewritten. */
export async function pruneQuarantine(db: Database): Promise<number> {
  if ((await db.all(`SELECT 1 FROM meta WHERE key = ?`, [DONE])).length) return 0;
  const extracts = await db.all<{ id: string; dataset: string; mapping: string }>(
    `SELECT id, dataset, column_mapping AS mapping FROM extracts WHERE id IN (SELECT DISTINCT extract_id FROM quarantine) ORDER BY id`,
  );
  await db.transaction(async (session) => {
    await session.run(`UPDATE quarantine SET raw_row = '{}' WHERE ${STORED_LINE}`);
    for (const extract of extracts) {
      const dataset = findDataset(extract.dataset);
      const keys = dataset ? [...new Set(quarantineKeys(dataset, JSON.parse(extract.mapping)).values())] : [];
      await session.run(`UPDATE quarantine SET raw_row = ${KEEP_DECLARED} WHERE extract_id = $id AND raw_row <> '{}'`, {
        id: extract.id,
        keys: JSON.stringify(keys),
      });
    }
    // Rows of an extract that is not listed cannot be matched to any declaration.
    await session.run(`UPDATE quarantine SET raw_row = '{}' WHERE extract_id NOT IN (SELECT id FROM extracts) AND raw_row <> '{}'`);
    await session.run(`INSERT OR IGNORE INTO meta VALUES (?, '1')`, [DONE]);
  });
  if (extracts.length) await db.run('CHECKPOINT');
  return extracts.length;
}
