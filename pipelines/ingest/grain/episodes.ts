// HES APC comes one row per consultant episode; Parity counts spells. Each spell keeps its first
// episode (lowest EPIORDER; 99 "not known" sorts last, then file order) and its later episodes
// are set aside as such. Two rows with one spell and one episode order are a real repeat and stay
// duplicates. The discharge date sits on a spell's last episode in HES, so a first episode without
// one takes the latest of its spell.
import type { Session } from '../../../db/database.ts';
import { STAGE } from '../compile-load.ts';
import { SET_ASIDE, setAside } from './set-aside.ts';

export async function keepFirstEpisodes(session: Session, fillDischarge: boolean): Promise<{ spells: number }> {
  await setAside(session, 'later_episode', `
    SELECT _rowid FROM (
      SELECT rowid AS _rowid, ok, first_value(ok) OVER w AS first_ok, row_number() OVER w AS rn,
        row_number() OVER (PARTITION BY spell_id, ok ORDER BY rowid) AS copy
      FROM (SELECT rowid, spell_id, CASE WHEN episode_order <> 99 THEN episode_order END AS ok FROM ${STAGE} WHERE len(_reasons) = 0 AND NOT _skip)
      WINDOW w AS (PARTITION BY spell_id ORDER BY ok NULLS LAST, rowid)
    ) WHERE rn > 1 AND (ok IS NULL OR (ok <> first_ok AND copy = 1))`);
  if (fillDischarge) {
    await session.run(`UPDATE ${STAGE} s SET discharge_date = x.d
      FROM (SELECT t.spell_id, max(t.discharge_date) AS d FROM ${STAGE} t JOIN ${SET_ASIDE} a ON a._rowid = t.rowid GROUP BY t.spell_id) x
      WHERE s.spell_id = x.spell_id AND s.discharge_date IS NULL AND x.d IS NOT NULL AND len(s._reasons) = 0
        AND s.rowid NOT IN (SELECT _rowid FROM ${SET_ASIDE})`);
  }
  const [row] = await session.all<{ n: number }>(
    `SELECT count(DISTINCT t.spell_id)::INTEGER AS n FROM ${STAGE} t JOIN ${SET_ASIDE} a ON a._rowid = t.rowid WHERE a.reason = 'later_episode'`,
  );
  return { spells: row?.n ?? 0 };
}
