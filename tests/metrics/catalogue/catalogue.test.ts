// Every catalogue entry, with every breakdown it allows, answers on the sample trust with a
// well-formed result: the check a new indicator must pass before it ships.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATALOGUE, STATEMENT_METRICS } from '../../../metrics/catalogue/index.ts';
import { metricDefinition } from '../../../metrics/catalogue/schema.ts';
import { DATASET_IDS } from '../../../core/datasets/index.ts';
import { ingestFile } from '../../../pipelines/ingest/ingest.ts';
import { generateSample } from '../../../pipelines/sample/index.ts';
import { buildApp } from '../../../server/app.ts';
import { loadConfig } from '../../../server/config.ts';
import { Database } from '../../../db/database.ts';
import { ensureSchema } from '../../../db/schema.ts';

const dir = mkdtempSync(join(tmpdir(), 'parity-catalogue-'));
let db: Database;
let app: FastifyInstance;

beforeAll(async () => {
  await generateSample({ outDir: join(dir, 'sample'), patients: 8000 });
  db = await Database.open(join(dir, 'parity.duckdb'));
  await ensureSchema(db);
  for (const dataset of DATASET_IDS) {
    await ingestFile(db, { path: join(dir, 'sample', `${dataset}.csv`), dataset, uploadedBy: 'test' }, { maxBytes: 2 ** 31, chineseGroup: '2001' });
  }
  app = await buildApp({ db, config: loadConfig({}, { dbPath: join(dir, 'parity.duckdb') }) });
}, 120_000);

afterAll(async () => {
  await app?.close();
  db?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the catalogue', () => {
  it('holds every indicator of docs/catalogue.md and completeness for every patient-level dataset', () => {
    expect(STATEMENT_METRICS).toHaveLength(28);
    for (const m of CATALOGUE) expect(metricDefinition.safeParse(m).success, m.id).toBe(true);
    expect(CATALOGUE.filter((m) => m.id.startsWith('ethnicity-completeness-')).length).toBe(7);
  });

  it('is listed by GET /api/metrics without any SQL', async () => {
    const response = await app.inject('/api/metrics');
    expect(response.statusCode).toBe(200);
    expect(response.json().metrics).toHaveLength(CATALOGUE.length);
    expect(response.body).not.toMatch(/SELECT|attendance_status IN/);
  });

  for (const metric of CATALOGUE) {
    it(`${metric.id} answers every allowed breakdown`, async () => {
      for (const by of metric.breakdowns) {
        const response = await app.inject(`/api/metrics/${metric.id}/breakdown?by=${by}`);
        expect([by, response.statusCode]).toEqual([by, 200]);
        const result = response.json();
        expect(result.rows.length, `${metric.id} by ${by}`).toBeGreaterThan(0);
        for (const row of result.rows) {
          expect(typeof row.group).toBe('string');
          if (row.suppressed) expect([row.value, row.numerator, row.denominator]).toEqual([null, null, null]);
          else if (row.value !== null && row.lower !== null) expect(row.lower).toBeLessThanOrEqual(row.value + 1e-9);
        }
        expect(result.overall.value, `${metric.id} overall`).not.toBeNull();
      }
    }, 60_000);
  }
});
