import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Config } from './config.ts';
import type { Database } from '../db/database.ts';
import { ingestFile } from '../pipelines/ingest/ingest.ts';
import { generateSample } from '../pipelines/sample/index.ts';
import { statementIndicatorsAffected } from './services/indicator-checks.ts';

const seconds = (since: number) => `${((performance.now() - since) / 1000).toFixed(1)} s`;

/**
 * On the first start (no extract ever loaded) generates the sample trust and loads every dataset.
 * Each file is loaded as soon as it is written, one load at a time, while the generator writes the
 * next: generating is JavaScript on the main thread and a load runs on DuckDB's threads, so on a
 * two-core machine the two overlap instead of adding up.
 */
export async function loadSampleIfEmpty(db: Database, config: Config, log: (line: string) => void): Promise<void> {
  const [row] = await db.all<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM extracts`);
  if (row.n > 0) return;
  log('First start: generating and loading the sample trust…');
  const started = performance.now();
  const dir = await mkdtemp(join(tmpdir(), 'parity-sample-'));
  let loads: Promise<void> = Promise.resolve();
  let failure: unknown = null;
  const load = async (dataset: string, path: string) => {
    if (failure) return;
    try {
      const began = performance.now();
      const summary = await ingestFile(db, { path, dataset, fileName: `sample/${dataset}.csv`, uploadedBy: 'sample' }, {
        maxBytes: Number.MAX_SAFE_INTEGER,
        chineseGroup: config.chineseGroup,
        memoryLimit: config.memoryLimit,
        affectedIndicators: statementIndicatorsAffected,
      });
      log(`  ${dataset}: ${summary.status}, ${summary.rowsLoaded} rows loaded, ${summary.rowsQuarantined} quarantined (${seconds(began)})`);
      if (summary.status === 'rejected') throw new Error(`the sample ${dataset} file was refused: ${summary.fileError}`);
    } catch (error) {
      failure = error; // kept, not thrown here: the chain has no handler until generation ends
    } finally {
      await rm(path, { force: true });
    }
  };
  try {
    await generateSample({ outDir: dir, onFile: (dataset, file) => (loads = loads.then(() => load(dataset, file.path))) });
    log(`  sample written (${seconds(started)})`);
    await loads;
    if (failure) throw failure;
    log(`  sample loaded (${seconds(started)})`);
  } finally {
    await loads;
    await rm(dir, { recursive: true, force: true });
  }
}
