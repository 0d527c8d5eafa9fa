// Crude rates and DSRs over single financial years, loaded through the CLI and read through the
// API, against PHEindicatormethods' own test data (tests/testthat/testdata_Rate.xlsx and
// testdata_DSR_ISR.xlsx): a whole financial year of population is one population-year, in a leap
// year too, so the rates agree to 1e-9 relative.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../../server/app.ts';
import { loadConfig } from '../../../server/config.ts';
import { Database } from '../../../db/database.ts';
import { DSR_NO_POPULATION } from '../../../metrics/statistics/index.ts';
import { runCli } from '../../helpers/run-cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'parity-rates-'));
const dbPath = join(dir, 'parity.duckdb');
let app: FastifyInstance;
let db: Database;

// 2021 LSOAs with known IoD2025 deciles: 1 → quintile 1, 10 → quintile 5.
const LSOA = { q1: 'E01000061', q5: 'E01000002' };
const BANDS = ['0-4', '5-9', '10-14', '15-19', '20-24', '25-29', '30-34', '35-39', '40-44', '45-49', '50-54', '55-59', '60-64', '65-69', '70-74', '75-79', '80-84', '85-89', '90+'];
// PHEindicatormethods testdata_multiarea, area "testdata_big": events and population by ESP band.
const BIG_COUNTS = [127, 25, 18, 21, 12, 27, 48, 27, 29, 32, 32, 34, 45, 65, 38, 68, 74, 82, 91];
const BIG_POPS = [636, 558, 609, 543, 384, 594, 669, 843, 660, 576, 606, 522, 426, 273, 300, 288, 153, 123, 207];

const close = (actual: number, expected: number) => expect(Math.abs(actual / expected - 1)).toBeLessThan(1e-9);

/** A date inside financial year `fy` (April fy to March fy+1), spread over its months. */
const dateIn = (fy: number, i: number) => {
  const m = i % 12; // 0 = April
  const year = m < 9 ? fy : fy + 1;
  return `${String((i % 27) + 1).padStart(2, '0')}/${String(((m + 3) % 12) + 1).padStart(2, '0')}/${year}`;
};

// Crude rates in 2023/24 (leap) and 2024/25; DSRs in 2019/20 (leap) and 2021/22: no year's
// population serves both, so each matches PHE's data unchanged.
const RATE_YEARS = [2023, 2024];
const DSR_YEARS = [2019, 2021];

function populationCsv(): string {
  const rows = ['year,age_band,sex,population,imd_quintile'];
  for (const fy of RATE_YEARS) {
    // testdata_Rate Area7 (222 / 3215) in quintile 1, Area8 (999 / 3456) in quintile 5, all aged 5–9
    // so that no band straddles the indicator's age limit of 17.
    rows.push(`${fy},5-9,1,3215,1`, `${fy},5-9,1,3456,5`);
  }
  for (const fy of DSR_YEARS) {
    BANDS.forEach((band, i) => rows.push(`${fy},${band},1,${BIG_POPS[i]},1`));
    // Quintile 5 has no one aged 90+ but has detentions at that age: its DSR must be refused.
    BANDS.forEach((band, i) => {
      if (band !== '90+') rows.push(`${fy},${band},1,${BIG_POPS[i]},5`);
    });
  }
  return rows.join('\n') + '\n';
}

function admissionsCsv(): string {
  const rows = ['spell_id,patient_id,admission_date,admission_method,primary_diagnosis,age,sex,lsoa_code'];
  let n = 0;
  for (const fy of RATE_YEARS) {
    for (let i = 0; i < 222; i++) rows.push(`S${++n},P${n},${dateIn(fy, i)},21,J459,7,1,${LSOA.q1}`);
    for (let i = 0; i < 999; i++) rows.push(`S${++n},P${n},${dateIn(fy, i)},21,J459,7,1,${LSOA.q5}`);
  }
  return rows.join('\n') + '\n';
}

function detentionsCsv(): string {
  const rows = ['detention_id,patient_id,start_date,age,sex,lsoa_code'];
  let n = 0;
  for (const fy of DSR_YEARS) {
    BANDS.forEach((band, b) => {
      const age = band === '90+' ? 92 : Number(band.split('-')[0]) + 1;
      for (const lsoa of [LSOA.q1, LSOA.q5]) for (let i = 0; i < BIG_COUNTS[b]; i++) rows.push(`D${++n},P${n},${dateIn(fy, i)},${age},1,${lsoa}`);
    });
  }
  return rows.join('\n') + '\n';
}

beforeAll(async () => {
  const files = { population: populationCsv(), admissions: admissionsCsv(), mh_detentions: detentionsCsv() };
  for (const [dataset, content] of Object.entries(files)) {
    const file = join(dir, `${dataset}.csv`);
    writeFileSync(file, content);
    const result = await runCli(['ingest', file, '--dataset', dataset, '--db', dbPath, '--json']);
    expect(JSON.parse(result.stdout), dataset).toMatchObject({ status: 'loaded', rowsQuarantined: 0 });
  }
  db = await Database.open(dbPath);
  // The statistics on the true counts: under a suppressing profile they come from the rounded counts (known-counts.test.ts).
  app = await buildApp({ db, config: loadConfig({}, { dbPath, disclosure: 'none' }) });
}, 90_000);

afterAll(async () => {
  await app?.close();
  db?.close();
  rmSync(dir, { recursive: true, force: true });
});

type ApiRow = { group: string; value: number | null; lower: number | null; upper: number | null; numerator: number | null; denominator: number | null };
const rows = async (metric: string, from: string, to: string, level = 95): Promise<{ rows: ApiRow[]; notes: string[] }> => {
  const response = await app.inject(`/api/metrics/${metric}/breakdown?by=imd_quintile&from=${from}&to=${to}&level=${level}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
};
const group = (r: { rows: ApiRow[] }, g: string) => r.rows.find((x) => x.group === g)!;

describe('crude rates over one financial year equal phe_rate', () => {
  for (const [label, fy] of [['2023/24, a leap year', 2023], ['2024/25', 2024]] as const) {
    it(`gives one population-year per resident in ${label}`, async () => {
      const r = await rows('cyp-asthma-emergency', `${fy}-04-01`, `${fy + 1}-03-31`);
      const q1 = group(r, '1');
      expect(q1.numerator).toBe(222);
      close(q1.denominator!, 3215);
      close(q1.value!, 6905.1321928460338);
      close(q1.lower!, 6026.5748776526743);
      close(q1.upper!, 7875.7293708718507);
      const q5 = group(r, '5');
      close(q5.value!, 28906.25);
      close(q5.lower!, 27141.304936090521);
      close(q5.upper!, 30755.833237378414);
    });
  }

  it('gives the 99.8% limits of phe_rate', async () => {
    const q1 = group(await rows('cyp-asthma-emergency', '2023-04-01', '2024-03-31', 99.8), '1');
    close(q1.lower!, 5560.7376952598534);
    close(q1.upper!, 8461.0466817334109);
  });

  it('counts two whole financial years, one of them leap, as two population-years', async () => {
    const q1 = group(await rows('cyp-asthma-emergency', '2023-04-01', '2025-03-31'), '1');
    close(q1.denominator!, 2 * 3215);
    close(q1.value!, 6905.1321928460338);
  });
});

describe('DSRs over one financial year equal calculate_dsr', () => {
  for (const [label, fy] of [['2019/20, a leap year', 2019], ['2021/22', 2021]] as const) {
    it(`standardises quintile 1 as testdata_big (895 events, population 8970) in ${label}`, async () => {
      const q1 = group(await rows('mha-detention-rate', `${fy}-04-01`, `${fy + 1}-03-31`), '1');
      expect(q1.numerator).toBe(895);
      close(q1.denominator!, 8970);
      close(q1.value!, 10430.247991469423);
      close(q1.lower!, 9717.709067985681);
      close(q1.upper!, 11178.94091547925);
    });
  }

  it('gives the 99.8% Dobson limits of calculate_dsr', async () => {
    const q1 = group(await rows('mha-detention-rate', '2019-04-01', '2020-03-31', 99.8), '1');
    close(q1.lower!, 9323.2878802199029);
    close(q1.upper!, 11620.595999522058);
  });

  it('refuses a DSR with events in an age band that has no population, and says why', async () => {
    const r = await rows('mha-detention-rate', '2021-04-01', '2022-03-31');
    const q5 = group(r, '5');
    expect(q5.value).toBeNull();
    expect(r.notes).toContain(`Some values are not shown: ${DSR_NO_POPULATION(['90+'])}.`);
  });
});
