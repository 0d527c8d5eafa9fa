// Wires the process: opens the database, loads the sample trust on first start, listens, and
// closes cleanly on SIGINT/SIGTERM. The app itself is built in app.ts.
import { randomBytes } from 'node:crypto';
import { chmod, mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { buildApp } from './app.ts';
import { loadSecuritySettings, isLoopbackHost } from './auth/settings.ts';
import { countUsers } from './auth/users.ts';
import type { Config } from './config.ts';
import { Database } from '../db/database.ts';
import { ensureSchema } from '../db/schema.ts';
import { loadSampleIfEmpty } from './sample-on-first-start.ts';
import { clearScratchDir, scratchDirFor } from './scratch-dir.ts';
import { type ServerInfo, serverInfoPath } from './server-info.ts';


/** The server would not be safe to start as configured; the message says what to do. */
export class StartRefused extends Error {}

export async function startServer(config: Config): Promise<() => Promise<void>> {
  // First, so that a bad setting (SettingsError) stops the start before the database is opened.
  const security = loadSecuritySettings(process.env);
  await mkdir(dirname(config.dbPath), { recursive: true });
  const db = await Database.open(config.dbPath, { memoryLimit: config.memoryLimit });
  await ensureSchema(db);
  // With single sign-on, accounts are made at first sign-in: the server is never without them.
  if (!security.oidc && !isLoopbackHost(config.host) && (await countUsers(db)) === 0) {
    db.close();
    throw new StartRefused(
      `Parity will not listen on ${config.host} while it has no accounts: anyone on the network could use it.\n` +
        `Add an administrator first:  npx parity user add NAME --role admin --db ${config.dbPath}\n` +
        'or keep HOST=127.0.0.1 to use Parity on this machine only.',
    );
  }
  const leftovers = await clearScratchDir(scratchDirFor(config.dbPath));
  if (leftovers) process.stderr.write(`Removed ${leftovers} file(s) left by an upload that was interrupted.\n`);
  await loadSampleIfEmpty(db, config, (line) => process.stderr.write(line + '\n'));

  const cliToken = randomBytes(32).toString('base64url');
  const app = await buildApp({ db, config, logger: { level: config.logLevel }, security, cliToken });
  await app.listen({ port: config.port, host: config.host });
  const info: ServerInfo = { pid: process.pid, url: `http://127.0.0.1:${config.port}`, cliToken };
  await writeFile(serverInfoPath(config.dbPath), JSON.stringify(info), { mode: 0o600 });
  await chmod(serverInfoPath(config.dbPath), 0o600);
  // The overview runs every statement indicator: compute it now, and again whenever the data
  // change, so the first visitor does not wait (a visitor who comes meanwhile shares the work).
  const warmOverview = () => void app.metrics.overview({}).catch((error) => app.log.warn({ err: error }, 'could not precompute the overview'));
  warmOverview();
  app.ingest.onDataChanged(warmOverview);
  process.stderr.write(`Parity is serving http://localhost:${config.port} (database ${config.dbPath})\n`);

  let closing: Promise<void> | null = null;
  const close = () =>
    (closing ??= (async () => {
      await app.close();
      await rm(serverInfoPath(config.dbPath), { force: true });
      db.close();
    })());
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => void close().then(() => process.exit(0)));
  }
  return close;
}
