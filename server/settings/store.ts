// The `settings` table: values saved on the settings page, each with who saved it and when (UTC).
import type { Database } from '../../db/database.ts';

export interface SavedSetting {
  key: string;
  value: string;
  changedBy: string;
  /** ISO 8601, UTC. */
  changedAt: string;
}

export async function readSavedSettings(db: Database): Promise<SavedSetting[]> {
  return db.all<SavedSetting>(
    `SELECT key, value, changed_by AS "changedBy", strftime(changed_at, '%Y-%m-%dT%H:%M:%SZ') AS "changedAt" FROM settings ORDER BY key`,
  );
}

export async function saveSetting(db: Database, saved: SavedSetting): Promise<void> {
  await db.run(`INSERT OR REPLACE INTO settings VALUES (?, ?, ?, ?::TIMESTAMP)`, [
    saved.key,
    saved.value,
    saved.changedBy.slice(0, 200),
    saved.changedAt.replace('T', ' ').replace('Z', ''),
  ]);
}

export async function deleteSetting(db: Database, key: string): Promise<void> {
  await db.run(`DELETE FROM settings WHERE key = ?`, [key]);
}
