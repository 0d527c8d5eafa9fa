// An online backup: a consistent copy of the whole database in a new DuckDB file, made while the
// server keeps answering and loading. COPY FROM DATABASE reads one transaction's snapshot, so an
// upload that commits meanwhile is either wholly in the copy or wholly absent. The copy is written
// under a temporary name and renamed at the end: a file at the target path is always complete.
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { rename, rm, stat } from 'node:fs/promises';
import { dirname, isAbsolute } from 'node:path';
import { type Database } from '../db/database.ts';
import { ident, literal } from '../db/sql.ts';

export interface BackupSummary {
  path: string;
  tables: number;
  bytes: number;
}

/** Why a backup cannot be written to `target`, or null when it can. */
export function backupTargetProblem(target: string): string | null {
  if (!isAbsolute(target)) return 'Give the backup file as an absolute path.';
  if (!target.endsWith('.duckdb')) return 'Name the backup file *.duckdb, so it is clearly a Parity database.';
  if (existsSync(target)) return `${target} already exists; a backup never overwrites a file. Choose a new name, e.g. with the date in it.`;
  if (!existsSync(dirname(target))) return `The folder ${dirname(target)} does not exist.`;
  return null;
}

export async function backupDatabase(db: Database, target: string): Promise<BackupSummary> {
  const problem = backupTargetProblem(target);
  if (problem) throw new Error(problem);
  const partial = `${target}.partial-${randomBytes(4).toString('hex')}`;
  const alias = `parity_backup_${randomBytes(4).toString('hex')}`;
  try {
    const tables = await db.withSession(async (s) => {
      const [{ name }] = await s.all<{ name: string }>('SELECT current_database() AS name');
      await s.run(`ATTACH ${literal(partial)} AS ${ident(alias)}`);
      try {
        // The catalogue is named after the file (e.g. parity-2025), so it is quoted rather than allow-listed.
        await s.run(`COPY FROM DATABASE "${name.replaceAll('"', '""')}" TO ${ident(alias)}`);
        const [{ n }] = await s.all<{ n: number }>('SELECT count(*)::INTEGER AS n FROM duckdb_tables() WHERE database_name = ?', [alias]);
        return n;
      } finally {
        await s.run(`DETACH ${ident(alias)}`);
      }
    });
    await rename(partial, target);
    return { path: target, tables, bytes: (await stat(target)).size };
  } finally {
    await rm(partial, { force: true });
    await rm(`${partial}.wal`, { force: true });
  }
}
