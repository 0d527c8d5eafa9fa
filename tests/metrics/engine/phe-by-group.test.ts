// Crude rates, DSRs and the SII by ethnic group and by IMD quintile, loaded through the CLI and read
// through the API, against PHEindicatormethods' own test data over single financial years,
// leap years included: testdata_Rate.xlsx (phe_rate, areas 2, 4, 5, 7 and 8) and
// testdata_DSR_ISR.xlsx (calculate_dsr, testdata_big, testdata_small and testdata_tiny). The
// population is cross-classified by ethnic group and quintile, so one load answers both
// breakdowns; each figure must agree to 1e-9 relative (docs/methods.md).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../../server/app.ts';
import { loadConfig } from '../../../server/config.ts';
import { Database } from '../../../db/database.ts';
import { runCli } from '../../helpers/run-cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'parity-phe-groups-'));
const dbPath = join(dir, 'parity.duckdb');
let app: FastifyInstance;
let db: Database;

const close = (actual: number | null | undefined, expected: number) => {
  expect(actual, `expected ${expected}`).not.toBeNull();
  expect(Math.abs(actual! / expected - 1), `${actual} vs ${expected}`).toBeLessThan(1e-9);
};

/** One population cell per group: ethnic group, ethnic category code of its records, 2021 LSOA of its IMD quintile. */
const GROUPS = [
  { ethnic: 'White', code: 'A', quintile: 1, lsoa: 'E01000061' },
  { ethnic: 'Asian or Asian British', code: 'H', quintile: 2, lsoa: 'E01000013' },
  { ethnic: 'Black or Black British', code: 'M', quintile: 3, lsoa: 'E01000005' },
  { ethnic: 'Mixed', code: 'D', quintile: 4, lsoa: 'E01000118' },
  { ethnic: 'Other ethnic group', code: 'S', quintile: 5, lsoa: 'E01000002' },
] as const;

// testdata_Rate, per 100,000: events, population, value, 95% and 99.8% limits, one area per group.
const RATES = [
  { area: 'Area7', events: 222, population: 3215, value: 6905.1321928460338, l95: 6026.5748776526743, u95: 7875.7293708718507, l998: 5560.7376952598534, u998: 8461.0466817334109 },
  { area: 'Area8', events: 999, population: 3456, value: 28906.25, l95: 27141.304936090521, u95: 30755.833237378414, l998: 26162.147596445768, u998: 31845.604819822653 },
  { area: 'Area5', events: 9856, population: 12345, value: 79837.991089509916, l95: 78269.490589767578, u95: 81430.016542721409, l998: 77375.905432710526, u998: 82354.472770954308 },
  { area: 'Area4', events: 65, population: 100, value: 65000, l95: 50163.187710459453, u95: 82849.138545939844, l998: 42880.261471480204, u998: 94000.290844318006 },
  { area: 'Area2', events: 5, population: 100, value: 5000, l95: 1623.4863901184199, u95: 11668.332079322669, l998: 739.37173191783893, u998: 16454.745203680104 },
];

// testdata_multiarea: events by ESP band for three areas, on one population by band.
const BANDS = ['0-4', '5-9', '10-14', '15-19', '20-24', '25-29', '30-34', '35-39', '40-44', '45-49', '50-54', '55-59', '60-64', '65-69', '70-74', '75-79', '80-84', '85-89', '90+'];
const POPS = [636, 558, 609, 543, 384, 594, 669, 843, 660, 576, 606, 522, 426, 273, 300, 288, 153, 123, 207];
const DSR_AREAS = [
  { area: 'testdata_big', group: GROUPS[0], counts: [127, 25, 18, 21, 12, 27, 48, 27, 29, 32, 32, 34, 45, 65, 38, 68, 74, 82, 91] },
  { area: 'testdata_small', group: GROUPS[1], counts: [12, 4, 3, 2, 3, 4, 8, 2, 2, 3, 4, 5, 6, 8, 5, 6, 5, 5, 4] },
  { area: 'testdata_tiny', group: GROUPS[2], counts: [0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 1, 0, 0, 1, 1, 2, 3] },
];
// testresults_DSR, per 100,000.
const DSR = {
  testdata_big: { events: 895, value: 10430.247991469423, l95: 9717.709067985681, u95: 11178.94091547925, l998: 9323.2878802199029, u998: 11620.595999522058 },
  testdata_small: { events: 91, value: 1103.212025300104, l95: 877.455767536709, u95: 1367.0882227251795, l998: 763.64203579398793, u998: 1530.0328948244762 },
};

// Crude rates in 2023/24 (366 days: 29 February 2024) and 2024/25; DSRs in 2015/16 (29 February 2016).
const RATE_YEARS = [2023, 2024];
const DSR_YEAR = 2015;

/** A date inside financial year `fy` (April fy to March fy+1), spread over its months. */
const dateIn = (fy: number, i: number) => {
  const m = i % 12; // 0 = April
  const year = m < 9 ? fy : fy + 1;
  return `${String((i % 28) + 1).padStart(2, '0')}/${String(((m + 3) % 12) + 1).padStart(2, '0')}/${year}`;
};

function populationCsv(): string {
  const rows = ['year,age_band,sex,population,ethnic_group,imd_quintile'];
  // All aged 5–9, so no band straddles the asthma indicator's age limit of 17.
  for (const fy of RATE_YEARS) GROUPS.forEach((g, i) => rows.push(`${fy},5-9,1,${RATES[i].population},${g.ethnic},${g.quintile}`));
  for (const { group } of DSR_AREAS) BANDS.forEach((band, b) => rows.push(`${DSR_YEAR},${band},1,${POPS[b]},${group.ethnic},${group.quintile}`));
  return rows.join('\n') + '\n';
}

function admissionsCsv(): string {
  const rows = ['spell_id,patient_id,admission_date,admission_method,primary_diagnosis,age,sex,lsoa_code,ethnic_category'];
  let n = 0;
  for (const fy of RATE_YEARS) {
    GROUPS.forEach((g, k) => {
      for (let i = 0; i < RATES[k].events; i++) rows.push(`S${++n},P${n},${dateIn(fy, i)},21,J459,7,1,${g.lsoa},${g.code}`);
    });
  }
  return rows.join('\n') + '\n';
}

function detentionsCsv(): string {
  const rows = ['detention_id,patient_id,start_date,age,sex,lsoa_code,ethnic_category'];
  let n = 0;
  for (const { group, counts } of DSR_AREAS) {
    BANDS.forEach((band, b) => {
      const age = band === '90+' ? 92 : Number(band.split('-')[0]) + 1;
      for (let i = 0; i < counts[b]; i++) rows.push(`D${++n},P${n},${dateIn(DSR_YEAR, i + b)},${age},1,${group.lsoa},${group.code}`);
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
  // The statistics on the true counts: under a suppressing profile they come from the rounded counts.
  app = await buildApp({ db, config: loadConfig({}, { dbPath, disclosure: 'none' }) });
}, 120_000);

afterAll(async () => {
  await app?.close();
  db?.close();
  rmSync(dir, { recursive: true, force: true });
});

type ApiRow = { group: string; label: string; value: number | null; lower: number | null; upper: number | null; numerator: number | null; denominator: number | null; method: string | null };
type Breakdown = { rows: ApiRow[]; notes: string[]; gap: { absolute: number; sii: number | null; rii: number | null } | null };

async function breakdown(metric: string, by: string, fy: number, level = 95): Promise<Breakdown> {
  const response = await app.inject(`/api/metrics/${metric}/breakdown?by=${by}&from=${fy}-04-01&to=${fy + 1}-03-31&level=${level}`);
  expect(response.statusCode, response.body.slice(0, 300)).toBe(200);
  return response.json();
}
const rowOf = (r: Breakdown, group: string) => {
  const row = r.rows.find((x) => x.group === group);
  expect(row, `group ${group} in ${r.rows.map((x) => x.group).join(', ')}`).toBeDefined();
  return row!;
};

/** phe_sii's point estimates, in closed form: the weighted least-squares line of value on relative rank. */
function siiClosedForm(values: number[], populations: number[]) {
  const total = populations.reduce((s, p) => s + p, 0);
  const a = populations.map((p) => p / total);
  let before = 0;
  const b = a.map((share) => (before += share) - share / 2);
  const bMean = a.reduce((s, ai, i) => s + ai * b[i], 0);
  const yMean = a.reduce((s, ai, i) => s + ai * values[i], 0);
  const slope = a.reduce((s, ai, i) => s + ai * (b[i] - bMean) * (values[i] - yMean), 0) / a.reduce((s, ai, i) => s + ai * (b[i] - bMean) ** 2, 0);
  const intercept = yMean - slope * bMean;
  // Read as a Q1 − Q5 gap: most minus least deprived, most over least.
  return { sii: -slope, rii: intercept / (intercept + slope) };
}

describe('crude rates by ethnic group and by IMD quintile equal phe_rate', () => {
  for (const [label, fy] of [['2023/24, a leap year', 2023], ['2024/25', 2024]] as const) {
    for (const by of ['ethnic_group', 'imd_quintile'] as const) {
      it(`gives each group its testdata_Rate area by ${by} in ${label}`, async () => {
        const r = await breakdown('cyp-asthma-emergency', by, fy);
        GROUPS.forEach((g, i) => {
          const row = rowOf(r, by === 'ethnic_group' ? g.ethnic : String(g.quintile));
          const phe = RATES[i];
          expect(row.numerator, `${phe.area}: events`).toBe(phe.events);
          close(row.denominator, phe.population);
          close(row.value, phe.value);
          close(row.lower, phe.l95);
          close(row.upper, phe.u95);
          expect(row.method).toBe(phe.events < 10 ? 'Exact' : 'Byars');
        });
      });
    }
  }

  it('gives the 99.8% limits of phe_rate by ethnic group in the leap year', async () => {
    const r = await breakdown('cyp-asthma-emergency', 'ethnic_group', 2023, 99.8);
    GROUPS.forEach((g, i) => {
      const row = rowOf(r, g.ethnic);
      close(row.lower, RATES[i].l998);
      close(row.upper, RATES[i].u998);
    });
  });

  it('gives the SII and RII of phe_sii across the quintiles, in both years', async () => {
    const expected = siiClosedForm(RATES.map((x) => x.value), RATES.map((x) => x.population));
    for (const fy of RATE_YEARS) {
      const { gap } = await breakdown('cyp-asthma-emergency', 'imd_quintile', fy);
      close(gap!.absolute, RATES[0].value - RATES[4].value);
      close(gap!.sii, expected.sii);
      close(gap!.rii, expected.rii);
    }
  });
});

describe('DSRs by ethnic group and by IMD quintile equal calculate_dsr over a leap financial year', () => {
  for (const by of ['ethnic_group', 'imd_quintile'] as const) {
    const key = (g: (typeof GROUPS)[number]) => (by === 'ethnic_group' ? g.ethnic : String(g.quintile));
    it(`standardises testdata_big and testdata_small by ${by} in 2015/16`, async () => {
      const r = await breakdown('mha-detention-rate', by, DSR_YEAR);
      for (const [area, group] of [['testdata_big', GROUPS[0]], ['testdata_small', GROUPS[1]]] as const) {
        const row = rowOf(r, key(group));
        const phe = DSR[area];
        expect(row.numerator, area).toBe(phe.events);
        close(row.denominator, 8970);
        close(row.value, phe.value);
        close(row.lower, phe.l95);
        close(row.upper, phe.u95);
      }
    });

    it(`withholds testdata_tiny (9 events) by ${by}, as calculate_dsr does below 10, and says why`, async () => {
      const r = await breakdown('mha-detention-rate', by, DSR_YEAR);
      const row = r.rows.find((x) => x.group === key(GROUPS[2]));
      expect(row?.value ?? null).toBeNull();
      expect(r.notes.join(' ')).toMatch(/total count below 10/);
    });
  }

  it('gives the 99.8% Dobson limits of calculate_dsr by ethnic group', async () => {
    const r = await breakdown('mha-detention-rate', 'ethnic_group', DSR_YEAR, 99.8);
    for (const [area, group] of [['testdata_big', GROUPS[0]], ['testdata_small', GROUPS[1]]] as const) {
      const row = rowOf(r, group.ethnic);
      close(row.lower, DSR[area].l998);
      close(row.upper, DSR[area].u998);
    }
  });
});
