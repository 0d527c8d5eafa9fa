// Uploads are serialised (two at once both load, every row counted once) and reads keep being
// answered while an upload is loading.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeOutpatientsCsv } from '../../../bench/make-outpatients-csv.ts';
import { buildApp } from '../../../server/app.ts';
import { loadConfig } from '../../../server/config.ts';
import { tempDatabase } from '../../helpers/temp-db.ts';
import { multipart } from '../../helpers/test-app.ts';

const HEADER = 'appointment_id,patient_id,appointment_date,treatment_function_code,attendance_status,age,sex,ethnic_category';
const file = (prefix: string, rows: number) =>
  HEADER + '\n' + Array.from({ length: rows }, (_, i) => `${prefix}${i},P${i % 997},2025-0${1 + (i % 9)}-1${i % 10},110,${i % 7 === 0 ? 3 : 5},${i % 90},${1 + (i % 2)},${'ABCDHJKZ'[i % 8]}`).join('\n') + '\n';

let temp: Awaited<ReturnType<typeof tempDatabase>>;
let app: Awaited<ReturnType<typeof buildApp>>;
const dir = mkdtempSync(join(tmpdir(), 'parity-concurrent-'));
beforeAll(async () => {
  temp = await tempDatabase();
  // No result cache: every read below really queries the database.
  app = await buildApp({ db: temp.db, config: loadConfig({}, { dbPath: temp.path }), cacheResults: false });
});
afterAll(async () => {
  await app.close();
  temp.cleanup();
  rmSync(dir, { recursive: true, force: true });
});

const upload = (name: string, content: string | Buffer) => {
  const body = multipart({ dataset: 'outpatients' }, { name, content });
  return app.inject({ method: 'POST', url: '/api/extracts', payload: body.payload, headers: body.headers });
};

describe('concurrent uploads and reads', () => {
  it('loads two uploads sent at once one after the other, with exact row counts', async () => {
    const [a, b] = await Promise.all([upload('a.csv', file('A', 40_000)), upload('b.csv', file('B', 30_000))]);
    expect([a.statusCode, b.statusCode]).toEqual([201, 201]);
    expect([a.json().rowsLoaded, b.json().rowsLoaded]).toEqual([40_000, 30_000]);
    const [{ n }] = await temp.db.all<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM outpatients`);
    expect(n).toBe(70_000);
    // The same file twice at once: one load, one duplicate — never two copies.
    const same = file('C', 5_000);
    const results = await Promise.all([upload('c1.csv', same), upload('c2.csv', same)]);
    expect(results.map((r) => r.json().status).sort()).toEqual(['duplicate', 'loaded']);
    const [{ m }] = await temp.db.all<{ m: number }>(`SELECT count(*)::INTEGER AS m FROM outpatients`);
    expect(m).toBe(75_000);
  });

  it('keeps answering breakdowns while a large upload is loading', async () => {
    const path = join(dir, 'big.csv');
    await makeOutpatientsCsv(path, 1_000_000);
    let done = false;
    const pending = upload('big.csv', readFileSync(path)).then((r) => {
      done = true;
      return r;
    });
    const answered: number[] = [];
    let i = 0;
    while (!done) {
      const started = performance.now();
      const response = await app.inject(`/api/metrics/op-dna-rate/breakdown?by=${['sex', 'imd_quintile', 'ethnic_group', 'age_band_broad'][i++ % 4]}`);
      expect(response.statusCode).toBe(200);
      if (!done) answered.push(performance.now() - started);
    }
    const big = await pending;
    expect(big.json()).toMatchObject({ status: 'loaded', rowsLoaded: 1_000_000 });
    expect(answered.length).toBeGreaterThanOrEqual(5);
    answered.sort((x, y) => x - y);
    expect(answered[Math.floor(answered.length / 2)]).toBeLessThan(1000);
  }, 120_000);
});
