// Extracts in the national layouts built from the public field lists (tests/fixtures/blind-layouts/
// README.md), a different corpus from real-layouts/: each is posted to POST /api/extracts as a
// trust would upload it — without a mapping, except the local PAS report — and must account for
// every line, read "not known" codes as not known rather than invalid, and give through the API
// the headline counted by hand in the README.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MappingColumns } from '../../../core/datasets/column-mapping.ts';
import { multipart, testApp } from '../../helpers/test-app.ts';

const FIXTURES = join(import.meta.dirname, '../../fixtures/blind-layouts');
type App = Awaited<ReturnType<typeof testApp>>;

interface Summary {
  status: string;
  extractId: string;
  rowsRead: number;
  rowsLoaded: number;
  rowsSetAside: number;
  rowsQuarantined: number;
  skippedLines: { blank: number; footer: number };
  dataQuality: Record<string, number>;
  columnMapping: Record<string, string>;
  notes: string[];
  notComputable: { metric: string }[];
  setAside: { reason: string; rows: number }[];
  imd: { rows: Record<string, number> } | null;
  errors: { message: string }[];
}

async function upload(t: App, file: string, dataset: string, mapping?: MappingColumns): Promise<Summary> {
  const fields: Record<string, string> = { dataset };
  if (mapping) fields.mapping = JSON.stringify({ columns: mapping });
  const res = await t.app.inject({ method: 'POST', url: '/api/extracts', ...multipart(fields, { name: file, content: readFileSync(join(FIXTURES, file)) }) });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

/** Every data row is loaded, set aside or quarantined; blank and footer lines are counted apart. */
function accounted(s: Summary, rows: { read: number; quarantined?: number; blank?: number; footer?: number }): void {
  expect(s.status).toBe('loaded');
  expect(s.rowsRead).toBe(rows.read);
  expect(s.rowsLoaded + s.rowsSetAside + s.rowsQuarantined).toBe(s.rowsRead);
  expect(s.rowsQuarantined).toBe(rows.quarantined ?? 0);
  expect(s.skippedLines).toEqual({ preamble: 0, blank: rows.blank ?? 0, footer: rows.footer ?? 0 });
  // Not known codes (HES 9, X, 98/99, NULL, Not Specified…) are read as such: nothing is invalid.
  expect(s.dataQuality).toEqual({});
}

/** The trust's figure for a metric over the period (analyst view: true counts). */
async function headline(t: App, metric: string, from: string, to: string) {
  const res = await t.app.inject(`/api/metrics/${metric}/breakdown?by=sex&from=${from}&to=${to}&view=unsuppressed`);
  expect(res.statusCode, res.body).toBe(200);
  const body = res.json();
  expect(body.notComputable).toBeNull();
  return body.overall as { numerator: number; denominator: number; value: number | null };
}

const FY25 = ['2025-04-01', '2026-03-31'] as const;

describe('one extract per layout, each on its own database', () => {
  let t: App;
  beforeAll(async () => { t = await testApp(); });
  afterAll(async () => { await t.close(); });
  const fresh = async () => { await t.close(); t = await testApp(); };

  it('HES outpatients from DARS (lower-case headers, TOKEN_PERSON_ID, ATTENDED 0/9, ETHNOS X and local codes): DNA rate 11 / 42', async () => {
    const s = await upload(t, 'hes-outpatients-dars.csv', 'outpatients');
    accounted(s, { read: 62 });
    expect(s.columnMapping).toMatchObject({ appointment_id: 'attendkey', patient_id: 'token_person_id', attendance_status: 'attended', lsoa_code: 'lsoa11', age: 'apptage' });
    expect(s.notes).toContain('lsoa_code: read from "lsoa11"; "lsoa01" could also fill it and was not used (the 2011 LSOA is preferred to an older or unnamed edition).');
    const dna = await headline(t, 'op-dna-rate', ...FY25);
    expect([dna.numerator, dna.denominator]).toEqual([11, 42]);
    const [row] = await t.db.all<{ x: number; infants: number; notKnown: number }>(
      `SELECT count(*) FILTER (ethnic_category = '99')::INT AS x, count(*) FILTER (age = 0)::INT AS infants, count(*) FILTER (attendance_status = '9')::INT AS "notKnown" FROM outpatients`);
    // ETHNOS X and 99 (2 of every 12); APPTAGE 7001/7004/7007 and 0 (4 of every 12, 5 cycles + 2 rows)
    expect(row).toEqual({ x: 11, infants: 21, notKnown: 5 });
  });

  it('HES A&E 2019/20 (ARRIVALDATE + ARRIVALTIME, departure as DEPTIME / DEPDUR minutes): 4-hour share 33 / 48', async () => {
    await fresh();
    const s = await upload(t, 'hes-ae-1920.csv', 'ae_attendances');
    accounted(s, { read: 50 });
    expect(s.notComputable).toEqual([]);
    const share = await headline(t, 'ae-4-hour', '2019-04-01', '2020-03-31');
    expect([share.numerator, share.denominator]).toEqual([33, 48]);
  });

  it('SUS+ OPA saved from SSMS (CRLF, NULL, char(2) padding, "(70 rows affected)" footer): DNA rate 15 / 55', async () => {
    await fresh();
    const s = await upload(t, 'sus-opa-ssms.csv', 'outpatients');
    accounted(s, { read: 70, blank: 2, footer: 2 });
    expect(s.columnMapping).toMatchObject({ attendance_status: 'Attendance_Status', lsoa_code: 'Der_Postcode_LSOA_2021_Code', appointment_date: 'Appointment_Date' });
    const dna = await headline(t, 'op-dna-rate', ...FY25);
    expect([dna.numerator, dna.denominator]).toEqual([15, 55]);
  });

  it('HES APC episodes, pipe-delimited, EPIORDER 01/02/99 shuffled: 32 spells, 16 later episodes set aside, 16 emergencies', async () => {
    await fresh();
    const s = await upload(t, 'hes-apc-episodes.txt', 'admissions');
    accounted(s, { read: 48 });
    expect(s.setAside).toEqual([expect.objectContaining({ reason: 'later_episode', rows: 16 })]);
    const detail = (await t.app.inject(`/api/extracts/${s.extractId}`)).json();
    expect(detail.rowsLoaded).toBe(32);
    const rows = await t.db.all<{ t: string | null; n: number }>(`SELECT admission_type AS t, count(*)::INT AS n FROM admissions GROUP BY ALL ORDER BY t NULLS LAST`);
    expect(rows.find((r) => r.t === 'emergency')?.n).toBe(16);
    expect(rows.find((r) => r.t === 'elective')?.n).toBe(8);
  });

  it('SUS+ APCS with every field quoted: 40 spells, 22 emergency, 8 elective, 98/99 kept as not known', async () => {
    await fresh();
    const s = await upload(t, 'sus-apcs-quoted.csv', 'admissions');
    accounted(s, { read: 40 });
    expect(s.columnMapping).toMatchObject({ spell_id: 'APCS_Ident', treatment_function_code: 'Der_Admit_Treatment_Function_Code', age: 'Age_At_Start_of_Spell_SUS' });
    const [row] = await t.db.all<{ e: number; el: number; nk: number; tfc: number }>(
      `SELECT count(*) FILTER (admission_type = 'emergency')::INT AS e, count(*) FILTER (admission_type = 'elective')::INT AS el,
         count(*) FILTER (admission_method IN ('98', '99') AND admission_type IS NULL)::INT AS nk, count(treatment_function_code)::INT AS tfc FROM admissions`);
    expect(row).toEqual({ e: 22, el: 8, nk: 4, tfc: 40 });
  });

  it('ECDS from NCDR (tab, UTF-8 BOM, Der_EC_…_Date_Time with the split columns beside them, Der_Postcode_LSOA_Code): 4-hour share 40 / 58', async () => {
    await fresh();
    const s = await upload(t, 'ecds-ncdr.tsv', 'ae_attendances');
    accounted(s, { read: 60 });
    expect(s.columnMapping).toMatchObject({ arrival_datetime: 'Der_EC_Arrival_Date_Time', departure_datetime: 'Der_EC_Departure_Date_Time', lsoa_code: 'Der_Postcode_LSOA_Code' });
    // Every tenth-row cycle: 6 English LSOAs, 2 Welsh, 2 Scottish.
    expect(s.imd?.rows).toMatchObject({ IoD2025: 36, outsideEngland: 24, notFound: 0 });
    const share = await headline(t, 'ae-4-hour', ...FY25);
    expect([share.numerator, share.denominator]).toEqual([40, 58]);
  });

  it('WLMDS open pathways with three Week_Ending_Date snapshots: at the latest (28 Sep 2025) 25 / 50 over 18 weeks, 9 / 50 over 52', async () => {
    await fresh();
    const s = await upload(t, 'wlmds-open-pathways.csv', 'waiting_list');
    accounted(s, { read: 131 });
    expect(s.columnMapping).toMatchObject({ pathway_id: 'PATIENT_PATHWAY_IDENTIFIER', patient_id: 'Pseudo NHS_NUMBER', census_date: 'Week_Ending_Date', lsoa_code: 'derLSOA2021' });
    const over18 = await headline(t, 'rtt-over-18-weeks', ...FY25);
    expect([over18.numerator, over18.denominator]).toEqual([25, 50]);
    const over52 = await headline(t, 'rtt-over-52-weeks', ...FY25);
    expect([over52.numerator, over52.denominator]).toEqual([9, 50]);
  });

  it('a PAS report re-saved by Excel in Windows-1252, with the mapping its user writes: DNA rate 15 / 33', async () => {
    await fresh();
    const mapping: MappingColumns = {
      appointment_id: 'Appt No',
      patient_id: 'Hospital Number',
      appointment_date: 'Appt Date/Time',
      treatment_function_code: 'Specialty',
      attendance_status: { from: 'Attendance', values: { 'Seen In Clinic': '5' } },
      first_attendance: 'Appt Type',
      sex: 'Sex',
      ethnic_category: 'Ethnic Origin',
      lsoa_code: 'LSOA Code',
      site_code: 'Hospital Site',
    };
    const s = await upload(t, 'pas-outpatients-excel-1252.csv', 'outpatients', mapping);
    accounted(s, { read: 44, blank: 4, footer: 2 });
    expect(s.imd?.rows).toMatchObject({ IoD2025: 28, outsideEngland: 16 });
    const dna = await headline(t, 'op-dna-rate', ...FY25);
    expect([dna.numerator, dna.denominator]).toEqual([15, 33]);
    const specialties = await t.db.all<{ t: string; n: number }>(`SELECT treatment_function_code AS t, count(*)::INT AS n FROM outpatients GROUP BY ALL ORDER BY t`);
    expect(specialties).toEqual([{ t: '100', n: 6 }, { t: '110', n: 7 }, { t: '120', n: 6 }, { t: '130', n: 13 }, { t: '330', n: 6 }, { t: '420', n: 6 }]);
  });

  it('a Nomis LSOA download (all columns, Total and All Ages rows, a Welsh LSOA, a local authority row): population 7,420', async () => {
    await fresh();
    const s = await upload(t, 'nomis-lsoa21-bands.csv', 'population');
    accounted(s, { read: 255 });
    expect(s.rowsLoaded).toBe(152);
    expect(s.imd?.rows).toMatchObject({ IoD2025: 114, outsideEngland: 38, notFound: 0 });
    // The population total as the API uses it: the denominator of a population rate over one year.
    await upload(t, 'sus-apcs-quoted.csv', 'admissions');
    const rate = await headline(t, 'elective-admission-rate', ...FY25);
    expect(rate.numerator).toBe(8);
    expect(rate.denominator).toBeCloseTo(7420, 6);
  });
});
