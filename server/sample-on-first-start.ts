import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Config } from './config.ts';
import type { Database } from '../db/database.ts';
import { DATASETS } from '../core/datasets/index.ts';
import { ingestFile } from '../pipelines/ingest/ingest.ts';
import { generateSample } from '../pipelines/sample/index.ts';
import { statementIndicatorsAffected } from './services/indicator-checks.ts';

/** On the first start (no extract ever loaded) generates the sample trust and loads every dataset. */
export async function loadSampleIfEmpty(db: Database, config: Config, log: (line: string) => void): Promise<void> {
  const [row] = await db.all<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM extracts`);
  if (row.n > 0) return;
  log('First start: generating and loading the sample trust (about 15 seconds)…');
  const dir = await mkdtemp(join(tmpdir(), 'parity-sample-'));
  try {
    const { files } = await generateSample({ outDir: dir });
    for (const dataset of DATASETS) {
      const path = files[dataset.id];
      if (!path) continue;
      const summary = await ingestFile(db, { path, dataset: dataset.id, fileName: `sample/${dataset.id}.csv`, uploadedBy: 'sample' }, {
        maxBytes: Number.MAX_SAFE_INTEGER,
        chineseGroup: config.chineseGroup,
        memoryLimit: config.memoryLimit,
        affectedIndicators: statementIndicatorsAffected,
      });
      log(`  ${dataset.id}: ${summary.status}, ${summary.rowsLoaded} rows loaded, ${summary.rowsQuarantined} quarantined`);
      if (summary.status === 'rejected') throw new Error(`the sample ${dataset.id} file was refused: ${summary.fileError}`);
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
