// `parity backup FILE`: an online, consistent copy of the database in a new DuckDB file. With no
// server running the command opens the database itself; when `parity serve` holds it, the server
// makes the copy (POST /api/backup, authenticated by the secret in its `server.json`), so nobody
// has to stop Parity to back it up.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { backupDatabase, backupTargetProblem, type BackupSummary } from '../../backup.ts';
import { writeAudit } from '../../audit/audit-log.ts';
import { loadConfig } from '../../config.ts';
import { Database, isLockError } from '../../../db/database.ts';
import { type Command, EXIT } from '../command.ts';
import { parseCommand } from '../parse.ts';
import { callServer, runningServer } from '../server-call.ts';

const USAGE = `Usage: parity backup FILE.duckdb [--db PATH]
Writes a consistent copy of the database to FILE (which must not exist yet), while the server runs or not.
To restore: stop the server, copy FILE over PARITY_DB (delete any PARITY_DB.wal), start the server.`;

const actor = () => `cli:${process.env.USER ?? process.env.USERNAME ?? 'unknown'}`;

async function viaServer(dbPath: string, target: string): Promise<BackupSummary> {
  const info = runningServer(dbPath);
  if (!info) throw new Error(`Another process that is not a Parity server holds ${dbPath}. Stop it and try again.`);
  return callServer<BackupSummary>(info, 'POST', '/backup', { path: target });
}

async function direct(dbPath: string, memoryLimit: string, target: string): Promise<BackupSummary> {
  const db = await Database.open(dbPath, { memoryLimit });
  try {
    const result = await backupDatabase(db, target);
    await writeAudit(db, { actor: actor(), ip: null, action: 'database.backup', target, detail: { tables: result.tables, bytes: result.bytes }, outcome: 'success' });
    return result;
  } finally {
    db.close();
  }
}

export const backupCommand: Command = async (args, ctx) => {
  const parsed = parseCommand(args, { db: { type: 'string' } }, true);
  if (!parsed.ok || parsed.positionals.length !== 1) {
    ctx.stderr(`${parsed.ok ? 'Give one FILE.' : parsed.message}\n${USAGE}`);
    return EXIT.usage;
  }
  const target = resolve(parsed.positionals[0]);
  const problem = backupTargetProblem(target);
  if (problem) {
    ctx.stderr(problem);
    return EXIT.usage;
  }
  const config = loadConfig(parsed.values.db ? { ...process.env, PARITY_DB: parsed.values.db } : process.env);
  if (!existsSync(config.dbPath)) {
    ctx.stderr(`There is no database at ${config.dbPath}.`);
    return EXIT.rejected;
  }
  try {
    const result = await direct(config.dbPath, config.memoryLimit, target).catch((error: unknown) => {
      if (isLockError(error)) return viaServer(config.dbPath, target);
      throw error;
    });
    ctx.stderr(`Backed up ${result.tables} tables (${(result.bytes / 1048576).toFixed(1)} MB) to ${result.path}.`);
    return EXIT.ok;
  } catch (error) {
    ctx.stderr(`The backup failed: ${(error as Error).message}`);
    return EXIT.rejected;
  }
};
