// The extracts trusts really export (tests/fixtures/real-layouts/README.md), loaded as they come —
// without a mapping, except the local PAS report — with every line accounted for, and the headline
// figure the API gives checked against the count made by hand from the file.
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../../server/app.ts';
import { loadConfig } from '../../../server/config.ts';
import type { Database } from '../../../db/database.ts';
import type { MappingColumns } from '../../../core/datasets/column-mapping.ts';
import { ingestFile } from '../../../pipelines/ingest/ingest.ts';
import type { IngestSummary } from '../../../pipelines/ingest/summary.ts';
import { tempDatabase } from '../../helpers/temp-db.ts';

const FIXTURES = join(import.meta.dirname, '../../fixtures/real-layouts');
const OPTIONS = { maxBytes: 10 * 1024 * 1024, chineseGroup: '2001' as const };

interface Loaded {
  summary: IngestSummary;
  db: Database;
  app: FastifyInstance;
  close: () => Promise<void>;
}

async function loadFixture(file: string, dataset: string, mapping?: MappingColumns): Promise<Loaded> {
  const { db, path, cleanup } = await tempDatabase();
  const summary = await ingestFile(db, { path: join(FIXTURES, file), dataset, mapping }, OPTIONS);
  const app = await buildApp({ db, config: loadConfig({}, { dbPath: path }) });
  return { summary, db, app, close: async () => { await app.close(); cleanup(); } };
}

/** The trust's figure from the true counts (the analyst view: published figures round the counts to 5). */
async function overall(app: FastifyInstance, metric: string): Promise<{ numerator: number; denominator: number; value: number }> {
  const response = await app.inject(`/api/metrics/${metric}/breakdown?by=sex&from=2025-01-01&to=2025-12-31&view=unsuppressed`);
  expect(response.statusCode).toBe(200);
  return response.json().overall;
}

/** Every line is a data row loaded, set aside or quarantined, or a blank or footer line skipped. */
function accountsForEveryRow(summary: IngestSummary, dataRows: number): void {
  expect(summary.status).toBe('loaded');
  expect(summary.rowsRead).toBe(dataRows);
  expect(summary.rowsLoaded + summary.rowsSetAside + summary.rowsQuarantined).toBe(summary.rowsRead);
}

const invalidReasons = (summary: IngestSummary) => summary.errors.filter((e) => !/duplicate|already loaded/.test(e.message));

describe('HES outpatients (ATTENDKEY, APPTDATE yyyymmdd, ETHNOS X and local codes, APPTAGE 7001–7007)', () => {
  let l: Loaded;
  beforeAll(async () => { l = await loadFixture('hes-outpatients.csv', 'outpatients'); }, 60_000);
  afterAll(() => l?.close());

  it('loads all 60 appointments without a mapping, ATTENDED 9 kept as not known', () => {
    accountsForEveryRow(l.summary, 60);
    expect(l.summary.rowsQuarantined).toBe(0);
    expect(l.summary.dataQuality).toEqual({});
    expect(l.summary.columnMapping).toMatchObject({ appointment_id: 'ATTENDKEY', patient_id: 'PSEUDO_HESID', appointment_date: 'APPTDATE', attendance_status: 'ATTENDED', lsoa_code: 'LSOA11' });
  });

  it('gives the DNA rate counted by hand: 10 missed of 54 attended or missed', async () => {
    const figure = await overall(l.app, 'op-dna-rate');
    expect(figure.value).toBeCloseTo((100 * 10) / 54, 7);
  });

  it('reads X as not known, A1 and CA by their national letter, infant ages as 0 and sex 0 / 9 by the Data Dictionary', async () => {
    const rows = await l.db.all<{ e: string; s: string; a: number | null; sex: string }>(
      `SELECT ethnic_category AS e, ethnicity_status AS s, age AS a, sex FROM outpatients ORDER BY source_row LIMIT 10`);
    expect(rows.map((r) => r.e)).toEqual(['A', 'A', '99', 'A', 'C', '99', 'Z', 'H', 'N', 'J']);
    expect(rows.map((r) => r.a)).toEqual([34, 0, 67, 0, 12, 45, 88, 0, 23, 51]);
    expect(rows.map((r) => r.sex).slice(0, 4)).toEqual(['1', '2', '9', 'X']);
  });
});

describe('SUS+ outpatients saved from SSMS (NULL literals, both LSOA editions, a decoy Appointment_Time)', () => {
  let l: Loaded;
  beforeAll(async () => { l = await loadFixture('sus-opa-ssms.csv', 'outpatients'); }, 60_000);
  afterAll(() => l?.close());

  it('loads all 80 appointments; NULL is missing, never invalid', () => {
    accountsForEveryRow(l.summary, 80);
    expect(l.summary.rowsQuarantined).toBe(0);
    expect(l.summary.dataQuality).toEqual({});
    expect(l.summary.ignoredColumns).toEqual(['Appointment_Time', 'Der_Postcode_LSOA_2011_Code']);
  });

  it('prefers the 2021 LSOA and says so in the upload result', async () => {
    expect(l.summary.columnMapping.lsoa_code).toBe('Der_Postcode_LSOA_2021_Code');
    expect(l.summary.notes.join(' ')).toMatch(/lsoa_code: read from "Der_Postcode_LSOA_2021_Code".*"Der_Postcode_LSOA_2011_Code".*2021/);
    const [row] = await l.db.all<{ n: number }>(`SELECT count(*)::INT AS n FROM outpatients WHERE lsoa_code IS NULL`);
    expect(row.n).toBe(8); // the NULLs of the 2021 column, not filled from the 2011 one
  });

  it('gives the DNA rate counted by hand: 15 missed of 70', async () => {
    expect((await overall(l.app, 'op-dna-rate')).value).toBeCloseTo((100 * 15) / 70, 7);
  });
});

describe('ECDS with arrival and departure date and time in separate columns', () => {
  let l: Loaded;
  beforeAll(async () => { l = await loadFixture('ecds.csv', 'ae_attendances'); }, 60_000);
  afterAll(() => l?.close());

  it('combines Arrival_Date + Arrival_Time and EC_Departure_Date + EC_Departure_Time, and says so', () => {
    accountsForEveryRow(l.summary, 107);
    expect(l.summary.rowsQuarantined).toBe(0);
    expect(l.summary.columnMapping).toMatchObject({ arrival_datetime: 'Arrival_Date + Arrival_Time', departure_datetime: 'EC_Departure_Date + EC_Departure_Time' });
    expect(l.summary.notes).toContain('arrival_datetime: combined from "Arrival_Date" (date) and "Arrival_Time" (time).');
  });

  it('gives the 4-hour share counted by hand: 82 of 105 (78.1%), not the 100% of midnight times', async () => {
    const figure = await overall(l.app, 'ae-4-hour');
    expect(figure.value).toBeCloseTo((100 * 82) / 105, 7);
    const [{ n }] = await l.db.all<{ n: number }>(`SELECT count(*)::INT AS n FROM ae_attendances WHERE hour(arrival_datetime) = 0 AND minute(arrival_datetime) = 0`);
    expect(n).toBe(0);
  });
});

describe('ECDS with no admitted flag: admission told by the discharge destination (SNOMED CT) and a decision to admit', () => {
  let l: Loaded;
  beforeAll(async () => { l = await loadFixture('ecds-discharge-destination.csv', 'ae_attendances'); }, 60_000);
  afterAll(() => l?.close());

  it('loads all 40 attendances and reads the destination and the decision to admit', () => {
    accountsForEveryRow(l.summary, 40);
    expect(l.summary.rowsQuarantined).toBe(0);
    expect(l.summary.columnMapping).toMatchObject({
      discharge_destination: 'EC_Discharge_Destination_SNOMED_CT',
      decision_to_admit_datetime: 'EC_Decision_To_Admit_Date + EC_Decision_To_Admit_Time',
    });
    expect(l.summary.columnMapping.admitted).toBeUndefined();
    // 999999 is no discharge destination: kept, flagged, and the admission not known.
    expect(l.summary.dataQuality).toEqual({ discharge_destination: 1 });
  });

  it('counts the admissions made by hand: 18 admitted, 18 not, 4 not known, and says how', async () => {
    const rows = await l.db.all<{ admitted: boolean | null; n: number }>(`SELECT admitted, count(*)::INT AS n FROM ae_attendances GROUP BY admitted`);
    const byValue = Object.fromEntries(rows.map((r) => [String(r.admitted), r.n]));
    expect(byValue).toEqual({ true: 18, false: 18, null: 4 });
    const note = l.summary.notes.find((n) => n.startsWith('admitted:'));
    expect(note).toContain('"EC_Discharge_Destination_SNOMED_CT"');
    expect(note).toContain('"EC_Decision_To_Admit_Date + EC_Decision_To_Admit_Time"');
    expect(note).toContain('18 yes, 18 no, 4 not known');
    // The upload page's readings say where admitted came from, not "not in the file".
    expect(l.summary.columns.find((c) => c.column === 'admitted')).toEqual({
      column: 'admitted', header: 'EC_Discharge_Destination_SNOMED_CT, EC_Decision_To_Admit_Date + EC_Decision_To_Admit_Time',
      recognised: 0, recoded: 36, missing: 4, unreadable: 0,
    });
  });

  it('takes a decision to admit over a destination that is not a ward, and a short-stay destination alone as not admitted', async () => {
    const rows = await l.db.all<{ destination: string | null; dta: boolean; admitted: boolean | null; n: number }>(
      `SELECT discharge_destination AS destination, decision_to_admit_datetime IS NOT NULL AS dta, admitted, count(*)::INT AS n
       FROM ae_attendances WHERE discharge_destination IN ('306689006', '1066341000000100') OR discharge_destination IS NULL
       GROUP BY ALL ORDER BY ALL`);
    expect(rows).toEqual([
      { destination: '1066341000000100', dta: false, admitted: false, n: 1 },
      { destination: '1066341000000100', dta: true, admitted: true, n: 2 },
      { destination: '306689006', dta: false, admitted: false, n: 10 },
      { destination: '306689006', dta: true, admitted: true, n: 1 },
      { destination: null, dta: false, admitted: null, n: 4 },
      { destination: null, dta: true, admitted: true, n: 2 },
    ]);
  });
});

describe('WLMDS / PTL snapshot (PSEUDO_PATIENT_PATHWAY_IDENTIFIER, Week_Ending_Date, PRIORITY_TYPE_CODE 1/2/3)', () => {
  let l: Loaded;
  beforeAll(async () => { l = await loadFixture('wlmds-ptl.csv', 'waiting_list'); }, 60_000);
  afterAll(() => l?.close());

  it('loads all 100 pathways without a mapping, priority 1/2/3 as routine, urgent, two-week wait', async () => {
    accountsForEveryRow(l.summary, 100);
    expect(l.summary.rowsQuarantined).toBe(0);
    expect(l.summary.columnMapping.lsoa_code).toBe('derLSOA2021');
    const rows = await l.db.all<{ p: string }>(`SELECT priority AS p FROM waiting_list ORDER BY source_row LIMIT 3`);
    expect(rows.map((r) => r.p)).toEqual(['routine', 'urgent', 'two-week-wait']);
  });

  it('gives the over-18-week share (40 of 100; 126 days is not over) and the over-52-week share (10 of 100; 364 days is not over)', async () => {
    expect((await overall(l.app, 'rtt-over-18-weeks')).value).toBeCloseTo(40, 7);
    expect((await overall(l.app, 'rtt-over-52-weeks')).value).toBeCloseTo(10, 7);
  });
});

describe('HES admitted patient care, one row per episode, pipe-delimited', () => {
  let l: Loaded;
  beforeAll(async () => { l = await loadFixture('hes-apc-episodes.txt', 'admissions'); }, 60_000);
  afterAll(() => l?.close());

  it('reads every episode, and counts the 30 spells once each', async () => {
    accountsForEveryRow(l.summary, 46);
    // The 16 later episodes are set aside as such, not quarantined as repeats of their spell.
    expect(l.summary.rowsSetAside).toBe(16);
    expect(l.summary.rowsQuarantined).toBe(0);
    expect(l.summary.delimiter).toBe('|');
    expect(invalidReasons(l.summary)).toEqual([]);
    const [row] = await l.db.all<{ n: number; d: number }>(`SELECT count(*)::INT AS n, count(DISTINCT spell_id)::INT AS d FROM admissions`);
    expect(row).toEqual({ n: 30, d: 30 });
  });

  it('keeps admission methods 98 and 99 as not known, reads 2A/2B/2D as emergencies, and sentinel dates, - and & as missing', async () => {
    const rows = await l.db.all<{ m: string; t: string | null; n: number }>(
      `SELECT admission_method AS m, admission_type AS t, count(*)::INT AS n FROM admissions GROUP BY ALL ORDER BY m`);
    expect(rows.find((r) => r.m === '99')).toEqual({ m: '99', t: null, n: 3 });
    expect(rows.find((r) => r.m === '98')).toEqual({ m: '98', t: null, n: 3 });
    expect(rows.filter((r) => ['2A', '2B', '2D'].includes(r.m)).every((r) => r.t === 'emergency')).toBe(true);
    const [missing] = await l.db.all<{ dis: number; proc: number; diag: number; infants: number }>(
      `SELECT count(*) FILTER (discharge_date IS NULL)::INT AS dis, count(*) FILTER (primary_procedure IS NULL)::INT AS proc,
         count(*) FILTER (primary_diagnosis IS NULL)::INT AS diag, count(*) FILTER (age = 0)::INT AS infants FROM admissions`);
    // HES puts DISDATE on a spell's last episode (the first of a longer spell has 9999-12-31): the
    // spell's first episode takes it, so only the 4 spells with no discharge date on any episode lack one.
    expect(missing).toEqual({ dis: 4, proc: 15, diag: 5, infants: 3 });
    expect(l.summary.dataQuality).toEqual({});
  });
});

describe('SUS+ APCS with every field quoted', () => {
  let l: Loaded;
  beforeAll(async () => { l = await loadFixture('sus-apcs-quoted.csv', 'admissions'); }, 60_000);
  afterAll(() => l?.close());

  it('loads all 25 spells, treatment functions given as "110 - Trauma & Orthopaedics" or a specialty name', async () => {
    accountsForEveryRow(l.summary, 25);
    expect(l.summary.rowsQuarantined).toBe(0);
    expect(l.summary.dataQuality).toEqual({});
    const rows = await l.db.all<{ t: string; n: number }>(`SELECT treatment_function_code AS t, count(*)::INT AS n FROM admissions GROUP BY ALL ORDER BY t`);
    expect(rows).toEqual([{ t: '101', n: 6 }, { t: '110', n: 7 }, { t: '300', n: 6 }, { t: '320', n: 6 }]);
    const [e] = await l.db.all<{ n: number }>(`SELECT count(*)::INT AS n FROM admissions WHERE admission_type = 'emergency'`);
    expect(e.n).toBe(15);
  });
});

describe('a PAS report re-saved by Excel in Windows-1252, with the mapping a user would write', () => {
  const mapping: MappingColumns = {
    appointment_id: 'Appt Ref',
    patient_id: 'Hosp No',
    appointment_date: 'Clinic Date',
    treatment_function_code: 'Specialty',
    attendance_status: { from: 'Outcome', values: { Seen: '5', 'Could Not Wait': '7' } },
    first_attendance: 'Attendance Type',
    sex: 'Gender',
    ethnic_category: 'Ethnicity',
    lsoa_code: 'LSOA',
    site_code: 'Site',
  };
  let l: Loaded;
  beforeAll(async () => { l = await loadFixture('pas-outpatients-1252.csv', 'outpatients', mapping); }, 60_000);
  afterAll(() => l?.close());

  it('loads the 36 appointments and skips the blank lines, comma-only lines and footer, counted apart', () => {
    accountsForEveryRow(l.summary, 36);
    expect(l.summary.encoding).toBe('windows-1252');
    expect(l.summary.rowsQuarantined).toBe(0);
    expect(l.summary.skippedLines).toEqual({ blank: 5, footer: 2, preamble: 0 });
    expect(l.summary.dataQuality).toEqual({});
  });

  it('reads specialty names, attendance types in words, 2021-census labels, Not Specified, and Welsh and Scottish areas as outside England', async () => {
    const rows = await l.db.all<{ t: string; f: string; e: string; s: string; i: string | null; row: number }>(
      `SELECT treatment_function_code AS t, first_attendance AS f, ethnic_category AS e, sex AS s, imd_edition AS i, source_row AS row FROM outpatients ORDER BY source_row LIMIT 6`);
    expect(rows.map((r) => r.t)).toEqual(['110', '330', '110', '130', '420', '110']);
    expect(rows.map((r) => r.f)).toEqual(['1', '2', '3', '4', '1', '2']);
    expect(rows.map((r) => r.e)).toEqual(['A', 'J', 'N', 'C', 'S', 'Z']);
    expect(rows.map((r) => r.s)).toEqual(['1', '2', '9', 'X', '1', '2']);
    expect(rows.map((r) => r.i)).toEqual(['IoD2025', 'outside England', 'outside England', 'IoD2025', 'IoD2025', 'outside England']);
    expect(l.summary.notes.some((n) => /18 rows live in Wales or Scotland/.test(n))).toBe(true);
    // The blank line after the 18th appointment: later rows keep their line in the file.
    const [late] = await l.db.all<{ row: number }>(`SELECT source_row AS row FROM outpatients WHERE appointment_id = 'OP00018'`);
    expect(late.row).toBe(21);
  });

  it('gives the DNA rate counted by hand: 8 missed (DNA, Was Not Brought, Could Not Wait) of 31', async () => {
    expect((await overall(l.app, 'op-dna-rate')).value).toBeCloseTo((100 * 8) / 31, 7);
  });
});

describe('a PAS report export with title lines above the header row', () => {
  let l: Loaded;
  beforeAll(async () => { l = await loadFixture('pas-report-preamble.csv', 'outpatients'); }, 60_000);
  afterAll(() => l?.close());

  it('finds the header on line 5, skips the four lines above it and counts them apart', () => {
    accountsForEveryRow(l.summary, 24);
    expect(l.summary.skippedLines).toEqual({ preamble: 4, blank: 2, footer: 1 });
    expect(l.summary.columnMapping).toMatchObject({ appointment_id: 'Appointment_Ref', attendance_status: 'Attendance_Status', lsoa_code: 'LSOA_Code' });
    expect(l.summary.ignoredColumns).toEqual([]);
  });

  it('keeps every line number true to the file: the row cut short is line 22, the rows after the blank line keep theirs', async () => {
    expect(l.summary.rowsQuarantined).toBe(1);
    expect(l.summary.errors).toEqual([expect.objectContaining({ row: 22 })]);
    const rows = await l.db.all<{ id: string; row: number }>(
      `SELECT appointment_id AS id, source_row AS row FROM outpatients WHERE appointment_id IN ('RPT0000', 'RPT0010', 'RPT0015', 'RPT0022') ORDER BY row`);
    expect(rows).toEqual([{ id: 'RPT0000', row: 6 }, { id: 'RPT0010', row: 17 }, { id: 'RPT0015', row: 23 }, { id: 'RPT0022', row: 30 }]);
  });

  it('gives the DNA rate counted by hand: 6 missed (5 DNA, 1 arrived late and not seen) of 21', async () => {
    expect((await overall(l.app, 'op-dna-rate')).value).toBeCloseTo((100 * 6) / 21, 7);
  });
});

describe('an ONS / Nomis population download', () => {
  it('reads DATE_NAME, GENDER_NAME, C_AGE_NAME and OBS_VALUE of a local authority by five-year band: total 94,354', async () => {
    const l = await loadFixture('nomis-la-population.csv', 'population');
    try {
      accountsForEveryRow(l.summary, 38);
      expect(l.summary.rowsQuarantined).toBe(0);
      const [row] = await l.db.all<{ total: number; years: string; bands: number }>(
        `SELECT sum(population)::INT AS total, string_agg(DISTINCT year::VARCHAR, ',') AS years, count(DISTINCT age_band)::INT AS bands FROM population`);
      expect(row).toEqual({ total: 94354, years: '2022', bands: 19 });
    } finally {
      await l.close();
    }
  });

  it('reads every value of a per-LSOA, single-year-of-age download (Age 0 … Aged 90+, June 2022)', async () => {
    const l = await loadFixture('nomis-lsoa-population.csv', 'population');
    try {
      expect(l.summary.rowsRead).toBe(546);
      expect(l.summary.rowsLoaded + l.summary.rowsQuarantined).toBe(546);
      expect(invalidReasons(l.summary)).toEqual([]);
    } finally {
      await l.close();
    }
  });
});
