// Rows of the file that are read but neither loaded nor quarantined: a spell's later episodes, a
// population file's total rows. They are not errors, and counting them would count people twice.
import type { Session } from '../../../db/database.ts';
import type { SetAside } from '../../../core/contracts/ingest.ts';
import { SET_ASIDE, STAGE, VERDICT } from '../compile-load.ts';

export { SET_ASIDE };

export async function createSetAside(session: Session): Promise<void> {
  await session.run(`CREATE OR REPLACE TEMP TABLE ${SET_ASIDE} (_rowid BIGINT, reason VARCHAR)`);
}

/** Sets aside the stage rows `select` returns (one column, `_rowid`); they leave the verdict if they were in it. */
export async function setAside(session: Session, reason: SetAside['reason'], select: string): Promise<void> {
  await session.run(`INSERT INTO ${SET_ASIDE} SELECT _rowid, '${reason}' FROM (${select}) WHERE _rowid NOT IN (SELECT _rowid FROM ${SET_ASIDE})`);
  await session.run(`DELETE FROM ${VERDICT} WHERE _rowid IN (SELECT _rowid FROM ${SET_ASIDE})`);
}

export async function setAsideCounts(session: Session): Promise<Map<SetAside['reason'], number>> {
  const rows = await session.all<{ reason: SetAside['reason']; n: number }>(`SELECT reason, count(*)::INTEGER AS n FROM ${SET_ASIDE} GROUP BY reason`);
  return new Map(rows.map((r) => [r.reason, r.n]));
}

/** Stage rows still in play: no reason against them, not set aside. */
export const inPlay = `(SELECT rowid AS _rowid, * FROM ${STAGE} WHERE len(_reasons) = 0 AND NOT _skip AND rowid NOT IN (SELECT _rowid FROM ${SET_ASIDE}))`;
