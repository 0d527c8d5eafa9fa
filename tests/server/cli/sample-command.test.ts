import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DATASET_IDS } from '../../../core/datasets/index.ts';
import { runCli } from '../../helpers/run-cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'parity-sample-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('parity sample', () => {
  it('writes one CSV per dataset that `parity ingest --dataset <name>` loads without quarantine', async () => {
    const out = join(dir, 'sample');
    const written = await runCli(['sample', '--out', out, '--seed', '7', '--patients', '800']);
    expect(written.code).toBe(0);
    const db = join(dir, 'sample.duckdb');
    for (const dataset of DATASET_IDS) {
      const result = await runCli(['ingest', join(out, `${dataset}.csv`), '--dataset', dataset, '--db', db, '--json']);
      const summary = JSON.parse(result.stdout);
      expect([dataset, result.code, summary.status, summary.rowsQuarantined]).toEqual([dataset, 0, 'loaded', 0]);
      expect(summary.rowsLoaded).toBeGreaterThan(0);
    }
  }, 120_000);

  it('refuses a non-numeric seed with a usage error', async () => {
    expect((await runCli(['sample', '--out', join(dir, 'x'), '--seed', 'abc'])).code).toBe(2);
  });
});
