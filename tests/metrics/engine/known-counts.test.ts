// Extracts crafted so each group's numerator and denominator are known, loaded through the CLI;
// the API must give the reference values of docs/methods.md (PHEindicatormethods) and apply
// disclosure control to the small groups.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../../server/app.ts';
import { loadConfig } from '../../../server/config.ts';
import { Database } from '../../../db/database.ts';
import { runCli } from '../../helpers/run-cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'parity-known-'));
const dbPath = join(dir, 'parity.duckdb');
let app: FastifyInstance;
let db: Database;

// 2021 LSOAs with known IoD2025 deciles: 1 → quintile 1, 5 → quintile 3, 10 → quintile 5.
const LSOA = { q1: 'E01000061', q3: 'E01000005', q5: 'E01000002' };

function outpatients(): string {
  const rows = ['appointment_id,patient_id,appointment_date,treatment_function_code,attendance_status,first_attendance,age,sex,ethnic_category,lsoa_code,site_code'];
  let n = 0;
  const add = (count: number, status: string, lsoa: string, ethnic: string) => {
    for (let i = 0; i < count; i++) {
      n++;
      rows.push(`A${n},P${n},${n % 28 + 1}/0${(n % 9) + 1}/2025,110,${status},1,${30 + (n % 40)},${n % 2 ? 1 : 2},${ethnic},${lsoa},RRK02`);
    }
  };
  add(65, '3', LSOA.q1, 'A'); // quintile 1: 65 DNAs of 100 (docs/methods.md's Wilson example)
  add(35, '5', LSOA.q1, 'A');
  add(10, '2', LSOA.q1, 'A'); // cancellations are out of the denominator
  add(1045, '3', LSOA.q5, 'N'); // quintile 5: 1045 of 5000 (the second example)
  add(3955, '5', LSOA.q5, 'N');
  add(2, '3', LSOA.q3, 'A'); // quintile 3: 2 of 5, to be suppressed
  add(3, '5', LSOA.q3, 'A');
  add(10, '3', '', 'Z'); // unknown deprivation: 10 of 20
  add(10, '5', '', 'Z');
  return rows.join('\n') + '\n';
}

beforeAll(async () => {
  const file = join(dir, 'outpatients.csv');
  writeFileSync(file, outpatients());
  const result = await runCli(['ingest', file, '--dataset', 'outpatients', '--db', dbPath, '--json']);
  expect(JSON.parse(result.stdout)).toMatchObject({ status: 'loaded', rowsLoaded: 5135, rowsQuarantined: 0 });
  db = await Database.open(dbPath);
  app = await buildApp({ db, config: loadConfig({}, { dbPath }) });
}, 60_000);

afterAll(async () => {
  await app?.close();
  db?.close();
  rmSync(dir, { recursive: true, force: true });
});

const breakdown = async (query: string) => {
  const response = await app.inject(`/api/metrics/op-dna-rate/breakdown?from=2025-01-01&to=2025-12-31&${query}`);
  expect(response.statusCode).toBe(200);
  return response.json();
};

describe('DNA rate by IMD quintile from known counts', () => {
  it('gives Wilson intervals that match PHEindicatormethods to 1e-9', async () => {
    const result = await breakdown('by=imd_quintile');
    const q1 = result.rows.find((r: { group: string }) => r.group === '1');
    expect(q1).toMatchObject({ numerator: 65, denominator: 100, method: 'Wilson score', suppressed: false });
    expect(q1.value).toBeCloseTo(65, 12);
    expect(q1.lower / 55.2544433).toBeCloseTo(1, 8);
    expect(q1.upper / 73.63575176).toBeCloseTo(1, 8);
    const q5 = result.rows.find((r: { group: string }) => r.group === '5');
    expect(q5).toMatchObject({ numerator: 1045, denominator: 5000 });
    expect(q5.lower / 19.79554988).toBeCloseTo(1, 8);
    expect(q5.upper / 22.04913037).toBeCloseTo(1, 8);
    expect(q1.comparison).toBe('higher');
    expect(q5.comparison).toBe('similar'); // 5,000 of the 5,125 records: its interval overlaps the trust's
  });

  it('suppresses the small quintile, and the next smallest so the total cannot reveal it', async () => {
    const result = await breakdown('by=imd_quintile');
    const q3 = result.rows.find((r: { group: string }) => r.group === '3');
    expect(q3).toMatchObject({ suppressed: true, numerator: null, denominator: null, value: null, lower: null, upper: null });
    const unknown = result.rows.find((r: { group: string }) => r.group === 'Unknown');
    expect(unknown).toMatchObject({ suppressed: true, value: null });
    expect(result.disclosure).toBe('nhs-secondary-use');
  });

  it('rounds the total to 5 and computes its value from the rounded counts, so the value cannot undo the rounding', async () => {
    const result = await breakdown('by=imd_quintile');
    expect(result.overall).toMatchObject({ numerator: 1120, denominator: 5125, suppressed: false, suppression: null });
    expect(result.overall.value).toBeCloseTo((1120 / 5125) * 100, 10);
    expect(result.overall.value).not.toBeCloseTo((1122 / 5125) * 100, 4);
  });

  it('marks the cell withheld to protect the small one as secondary, not as small', async () => {
    const result = await breakdown('by=imd_quintile');
    expect(result.rows.find((r: { group: string }) => r.group === '3').suppression).toBe('small');
    expect(result.rows.find((r: { group: string }) => r.group === 'Unknown').suppression).toBe('secondary');
    expect(result.notes.some((n: string) => n.includes('secondary suppression'))).toBe(true);
  });

  it('reports the Q1–Q5 gap', async () => {
    const result = await breakdown('by=imd_quintile');
    expect(result.gap.absolute).toBeCloseTo(65 - 20.9, 10);
    expect(result.gap.relative).toBeCloseTo(65 / 20.9, 10);
  });

  it('gives ethnic group ratios against White', async () => {
    const result = await breakdown('by=ethnic_group');
    expect(result.reference).toEqual({ group: 'White', label: 'White' });
    const black = result.rows.find((r: { group: string }) => r.group === 'Black or Black British');
    expect(black.ratio.value).toBeCloseTo(1045 / 5000 / (65 / 105), 10); // White's 67 is published as 65
    expect(black.ratio.upper).toBeLessThan(1);
  });

  it('gives a page\'s several breakdowns from one request, equal to asking one at a time', async () => {
    const response = await app.inject('/api/metrics/op-dna-rate/breakdowns?by=imd_quintile,ethnic_group,sex,overall&from=2025-01-01&to=2025-12-31');
    expect(response.statusCode).toBe(200);
    const { results } = response.json();
    expect(results.map((r: { by: string }) => r.by)).toEqual(['imd_quintile', 'ethnic_group', 'sex', 'overall']);
    for (const combined of results) {
      const single = await breakdown(`by=${combined.by}`);
      expect(combined.rows).toEqual(single.rows);
      expect(combined.overall).toEqual(single.overall);
      expect(combined.gap).toEqual(single.gap);
    }
  });

  it('answers the same rows as an Arrow IPC stream', async () => {
    const response = await app.inject({
      url: '/api/metrics/op-dna-rate/breakdown?from=2025-01-01&to=2025-12-31&by=imd_quintile',
      headers: { accept: 'application/vnd.apache.arrow.stream' },
    });
    expect(response.headers['content-type']).toContain('application/vnd.apache.arrow.stream');
    const { tableFromIPC } = await import('apache-arrow');
    const table = tableFromIPC(response.rawPayload);
    expect(table.numRows).toBe(4);
    expect(table.getChild('numerator')!.toArray()[0]).toBe(65);
  });

  it('breaks down and filters by a locally configured PLUS group', async () => {
    const plusGroups = [{ id: 'white-core20', label: 'White in Core20', where: { ethnic_group: ['White' as const], imd_quintile: [1] } }];
    const local = await buildApp({ db, config: loadConfig({}, { dbPath, plusGroups }) });
    const byGroup = (await local.inject('/api/metrics/op-dna-rate/breakdown?from=2025-01-01&to=2025-12-31&by=plus_group')).json();
    const filtered = await local.inject('/api/metrics/op-dna-rate/breakdown?from=2025-01-01&to=2025-12-31&by=sex&plus=white-core20');
    const unknown = await local.inject('/api/metrics/op-dna-rate/breakdown?by=sex&plus=nobody');
    await local.close();
    expect(byGroup.rows.map((r: { label: string; numerator: number; denominator: number }) => [r.label, r.numerator, r.denominator])).toEqual([
      ['White in Core20', 65, 100],
      ['Everyone else', 1055, 5025],
    ]);
    expect(filtered.json().overall).toMatchObject({ numerator: 65, denominator: 100 });
    expect(unknown.statusCode).toBe(400);
  });

  it('turns off suppression only when the profile says so', async () => {
    const open = await buildApp({ db, config: loadConfig({}, { dbPath, disclosure: 'none' }) });
    const result = (await open.inject('/api/metrics/op-dna-rate/breakdown?from=2025-01-01&to=2025-12-31&by=imd_quintile')).json();
    await open.close();
    expect(result.rows.find((r: { group: string }) => r.group === '3')).toMatchObject({ numerator: 2, denominator: 5, suppressed: false });
    expect(result.disclosure).toBe('none');
  });
});
