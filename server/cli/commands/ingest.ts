import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadConfig } from '../../config.ts';
import { Database, isLockError } from '../../../db/database.ts';
import { ensureSchema } from '../../../db/schema.ts';
import { DATASET_IDS } from '../../../core/datasets/index.ts';
import { AppError } from '../../errors.ts';
import { ingestFile } from '../../../pipelines/ingest/ingest.ts';
import { FileRefusal } from '../../../pipelines/ingest/inspect-file.ts';
import { isOutOfMemory, OUT_OF_MEMORY, outOfMemoryError } from '../../../pipelines/ingest/out-of-memory.ts';
import { resolveMapping } from '../../../pipelines/ingest/mappings.ts';
import { type IngestSummary, rejectedSummary } from '../../../pipelines/ingest/summary.ts';
import { type Command, EXIT } from '../command.ts';
import { parseCommand } from '../parse.ts';
import { uploadToRunningServer } from '../remote-ingest.ts';
import { describeIngest } from '../describe-ingest.ts';
import { withBenchmarkIndicators } from '../../../metrics/engine/benchmark-links.ts';
import { serverInfoPath } from '../../server-info.ts';
import { statementIndicatorsAffected } from '../../services/indicator-checks.ts';

const USAGE = 'Usage: parity ingest FILE --dataset ID [--db PATH] [--mapping NAME|FILE] [--replace EXTRACT_ID] [--json]';

const LOCK_WAIT_MS = 60_000;

/**
 * Opens the database, or returns null when a Parity server holds it (the upload then goes to the
 * server). Another `parity ingest` holding it is waited for, so two CLI loads run one after the other.
 */
async function openUnlessServed(dbPath: string, memoryLimit: string): Promise<Database | null> {
  const deadline = Date.now() + LOCK_WAIT_MS;
  for (;;) {
    try {
      return await Database.open(dbPath, { memoryLimit });
    } catch (error) {
      if (!isLockError(error)) throw error;
      if (existsSync(serverInfoPath(dbPath)) || Date.now() > deadline) return null;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}

export const ingestCommand: Command = async (args, ctx) => {
  const parsed = parseCommand(
    args,
    { dataset: { type: 'string' }, db: { type: 'string' }, mapping: { type: 'string' }, replace: { type: 'string' }, json: { type: 'boolean' } },
    true,
  );
  if (!parsed.ok || parsed.positionals.length !== 1 || !parsed.values.dataset) {
    ctx.stderr(`${parsed.ok ? 'Give one FILE and --dataset.' : parsed.message}\n${USAGE}`);
    return EXIT.usage;
  }
  const { dataset, json } = parsed.values;
  if (!DATASET_IDS.includes(dataset)) {
    ctx.stderr(`Unknown dataset "${dataset}". Choose one of: ${DATASET_IDS.join(', ')}.\n${USAGE}`);
    return EXIT.usage;
  }
  const path = resolve(parsed.positionals[0]);
  if (!existsSync(path)) {
    ctx.stderr(`No such file: ${path}`);
    return EXIT.usage;
  }
  const config = loadConfig(parsed.values.db ? { ...process.env, PARITY_DB: parsed.values.db } : process.env);
  const request = { path, dataset, replace: parsed.values.replace, uploadedBy: `cli:${process.env.USER ?? 'unknown'}` };

  let summary: IngestSummary;
  const db = await openUnlessServed(config.dbPath, config.memoryLimit);
  if (db) {
    try {
      await ensureSchema(db);
      const mapping = parsed.values.mapping ? await resolveMapping(db, parsed.values.mapping) : undefined;
      summary = await withBenchmarkIndicators(db, await ingestFile(db, { ...request, mapping }, {
        maxBytes: config.maxUploadBytes, chineseGroup: config.chineseGroup, memoryLimit: config.memoryLimit, affectedIndicators: statementIndicatorsAffected,
      }));
    } catch (error) {
      // Out of memory (in the load, or in setting up the database): the server's message; nothing was loaded.
      if (error instanceof AppError && error.code === OUT_OF_MEMORY) {
        ctx.stderr(error.message);
        return EXIT.rejected;
      }
      if (isOutOfMemory(error)) {
        ctx.stderr(outOfMemoryError(config.memoryLimit).message);
        return EXIT.rejected;
      }
      if (!(error instanceof FileRefusal)) throw error;
      summary = rejectedSummary(dataset, error.message);
    } finally {
      db.close();
    }
  } else {
    // A running server holds the database: hand it the file instead of fighting for the lock.
    const remote = await uploadToRunningServer(config.dbPath, { ...request, mapping: parsed.values.mapping });
    if ('error' in remote) {
      ctx.stderr(remote.error);
      return EXIT.rejected;
    }
    summary = remote.summary;
  }
  ctx.stdout(json ? JSON.stringify(summary) : describeIngest(summary));
  return summary.status === 'rejected' ? EXIT.rejected : EXIT.ok;
};
