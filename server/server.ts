// Wires the process: opens the database, loads the sample trust on first start, listens, and
// closes cleanly on SIGINT/SIGTERM. The app itself is built in app.ts.
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { buildApp } from './app.ts';
import type { Config } from './config.ts';
import { Database } from './db/database.ts';
import { ensureSchema } from './db/schema.ts';
import { loadSampleIfEmpty } from './sample-on-first-start.ts';
import { type ServerInfo, serverInfoPath } from './server-info.ts';


export async function startServer(config: Config): Promise<() => Promise<void>> {
  await mkdir(dirname(config.dbPath), { recursive: true });
  const db = await Database.open(config.dbPath, { memoryLimit: config.memoryLimit });
  await ensureSchema(db);
  await loadSampleIfEmpty(db, config, (line) => process.stderr.write(line + '\n'));

  const app = await buildApp({ db, config, logger: { level: config.logLevel } });
  await app.listen({ port: config.port, host: config.host });
  const info: ServerInfo = { pid: process.pid, url: `http://127.0.0.1:${config.port}` };
  await writeFile(serverInfoPath(config.dbPath), JSON.stringify(info));
  // The overview runs every statement indicator: compute it now so the first visitor does not wait.
  void app.metrics.overview({}).catch((error) => app.log.warn({ err: error }, 'could not precompute the overview'));
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
