import type { Config } from '../config.ts';
import { type Database } from '../../db/database.ts';
import { ident } from '../../db/sql.ts';
import { type IngestRequest, ingestFile } from '../../pipelines/ingest/ingest.ts';
import type { IngestSummary } from '../../pipelines/ingest/summary.ts';
import { withBenchmarkIndicators } from '../../metrics/engine/benchmark-links.ts';
import { statementIndicatorsAffected } from './indicator-checks.ts';

/**
 * Serialises uploads: DuckDB allows one writer, and two loads of the same dataset must not
 * both pass the duplicate check. Reads carry on meanwhile on their own connections.
 */
export class IngestService {
  private queue: Promise<unknown> = Promise.resolve();
  private readonly changeListeners: (() => void)[] = [];

  constructor(
    private readonly db: Database,
    private readonly config: Pick<Config, 'maxUploadBytes' | 'chineseGroup' | 'memoryLimit'>,
    /** Where uploads and their UTF-8 copies are written while they load (see scratch-dir.ts). */
    readonly scratchDir: string,
  ) {}

  /** Calls `listener` after each upload, replacement or deletion that changed the data. */
  onDataChanged(listener: () => void): void {
    this.changeListeners.push(listener);
  }

  private changed(): void {
    for (const listener of this.changeListeners) listener();
  }

  ingest(request: IngestRequest): Promise<IngestSummary> {
    const run = this.queue.then(async () => {
      const summary = await ingestFile(this.db, request, {
        maxBytes: this.config.maxUploadBytes,
        chineseGroup: this.config.chineseGroup,
        scratchDir: this.scratchDir,
        memoryLimit: this.config.memoryLimit,
        affectedIndicators: statementIndicatorsAffected,
      });
      if (summary.status === 'loaded') this.changed();
      return withBenchmarkIndicators(this.db, summary);
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Removes an extract's rows; the extract stays listed as deleted. Serialised like uploads. */
  remove(extractId: string, dataset: string): Promise<void> {
    const run = this.queue.then(() =>
      this.db.transaction(async (s) => {
        await s.run(`DELETE FROM ${ident(dataset)} WHERE extract_id = ?`, [extractId]);
        await s.run(`DELETE FROM quarantine WHERE extract_id = ?`, [extractId]);
        await s.run(`UPDATE extracts SET status = 'deleted' WHERE id = ?`, [extractId]);
        await s.run(`UPDATE meta SET value = (value::INTEGER + 1)::VARCHAR WHERE key = 'data_version'`);
      }).then(() => this.changed()),
    );
    this.queue = run.catch(() => undefined);
    return run;
  }
}
