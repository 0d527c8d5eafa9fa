import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INVALID_LSOA_CODES } from '../../../pipelines/sample/catchment.ts';
import { generateSample, type SampleResult } from '../../../pipelines/sample/index.ts';

const REFERENCE = join(import.meta.dirname, '../../../sample-data/reference');

/** The header and rows of a CSV (handles quoted fields, which the sample does not need). */
function parseCsv(text: string): { header: string[]; rows: Record<string, string>[] } {
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      }
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      record.push(field);
      field = '';
    } else if (ch === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
    }
    else if (ch !== '\r') field += ch;
  }
  if (field || record.length) {
    record.push(field);
    records.push(record);
  }
  const [header, ...body] = records;
  return { header, rows: body.map((cells) => Object.fromEntries(header.map((h, i) => [h, cells[i] ?? '']))) };
}

async function readDataset(result: SampleResult, dataset: string) {
  return parseCsv(await readFile(result.files[dataset], 'utf8'));
}

async function decilesByLsoa(): Promise<Map<string, number>> {
  const deciles = new Map<string, number>();
  for (const file of ['imd2019_lsoa11.csv', 'imd2025_lsoa21.csv']) {
    for (const row of parseCsv(await readFile(join(REFERENCE, file), 'utf8')).rows) {
      deciles.set(row.lsoa11_code ?? row.lsoa21_code, Number(row.imd_decile));
    }
  }
  return deciles;
}

const sha = async (path: string) => createHash('sha256').update(await readFile(path)).digest('hex');

const EXPECTED_HEADERS: Record<string, string> = {
  outpatients: 'appointment_id,patient_id,appointment_date,treatment_function_code,attendance_status,first_attendance,age,sex,ethnic_category,lsoa_code,site_code',
  waiting_list: 'pathway_id,patient_id,census_date,clock_start_date,treatment_function_code,priority,age,sex,ethnic_category,lsoa_code,site_code',
  admissions: 'spell_id,patient_id,admission_date,admission_method,discharge_date,treatment_function_code,primary_diagnosis,primary_procedure,age,sex,ethnic_category,lsoa_code,site_code',
  ae_attendances: 'attendance_id,patient_id,arrival_datetime,departure_datetime,department_type,admitted,age,sex,ethnic_category,lsoa_code,site_code',
  maternity: 'booking_id,patient_id,booking_date,gestation_at_booking_weeks,continuity_of_carer,smoking_at_booking,delivery_date,gestation_at_delivery_weeks,smoking_at_delivery,age,sex,ethnic_category,lsoa_code,site_code',
  cancer_diagnoses: 'tumour_id,patient_id,diagnosis_date,tumour_site,stage,emergency_presentation,age,sex,ethnic_category,lsoa_code,site_code',
  mh_detentions: 'detention_id,patient_id,start_date,mha_section,age,sex,ethnic_category,lsoa_code,site_code',
  population: 'year,age_band,sex,population,ethnic_group,imd_quintile',
  aggregate_indicators: 'indicator_id,period_start,period_end,breakdown,group,numerator,denominator,value,lower,upper,source',
};

const PATIENT_DATASETS = ['outpatients', 'waiting_list', 'admissions', 'ae_attendances', 'maternity', 'cancer_diagnoses', 'mh_detentions'];

describe('generateSample', () => {
  const dirs: string[] = [];
  let first: SampleResult;
  let again: SampleResult;
  let otherSeed: SampleResult;
  /** What onFile was given, with the file's line count at that moment. */
  const handedOver: { dataset: string; rows: number; lines: number }[] = [];

  beforeAll(async () => {
    for (let i = 0; i < 3; i++) dirs.push(await mkdtemp(join(tmpdir(), 'parity-sample-test-')));
    const onFile = (dataset: string, file: { path: string; rows: number }) =>
      handedOver.push({ dataset, rows: file.rows, lines: readFileSync(file.path, 'utf8').split('\n').length - 1 });
    [first, again, otherSeed] = await Promise.all([
      generateSample({ outDir: dirs[0], seed: 2023, patients: 3000, onFile }),
      generateSample({ outDir: dirs[1], seed: 2023, patients: 3000 }),
      generateSample({ outDir: dirs[2], seed: 7, patients: 3000 }),
    ]);
  }, 60_000);

  afterAll(async () => {
    await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
  });

  it('writes one CSV per dataset and reports its row count', async () => {
    expect(Object.keys(first.files).sort()).toEqual(Object.keys(EXPECTED_HEADERS).sort());
    for (const [dataset, path] of Object.entries(first.files)) {
      expect(path.endsWith(`${dataset}.csv`)).toBe(true);
      const { rows } = await readDataset(first, dataset);
      expect(rows.length).toBe(first.rows[dataset]);
      expect(rows.length).toBeGreaterThan(0);
    }
  });

  it('hands each file to onFile once, complete, while the generator goes on to the next', () => {
    expect(handedOver.map((h) => h.dataset).sort()).toEqual(Object.keys(EXPECTED_HEADERS).sort());
    for (const { dataset, rows, lines } of handedOver) {
      expect(rows).toBe(first.rows[dataset]);
      expect(lines).toBe(rows + 1); // the header and every row were on disk when it was handed over
    }
    // Handed over in the order written: population is the first file generated.
    expect(handedOver[0].dataset).toBe('population');
  });

  it('writes the same bytes for the same seed and size', async () => {
    for (const dataset of Object.keys(first.files)) {
      expect(await sha(again.files[dataset]), dataset).toBe(await sha(first.files[dataset]));
    }
  });

  it('writes different activity for a different seed', async () => {
    for (const dataset of PATIENT_DATASETS) {
      expect(await sha(otherSeed.files[dataset]), dataset).not.toBe(await sha(first.files[dataset]));
    }
  });

  it('heads every file with the canonical column names in order', async () => {
    for (const [dataset, header] of Object.entries(EXPECTED_HEADERS)) {
      const text = await readFile(first.files[dataset], 'utf8');
      expect(text.slice(0, text.indexOf('\n'))).toBe(header);
    }
  });

  it('uses only LSOA codes from the reference tables, blanks, or the deliberately invalid codes', async () => {
    const deciles = await decilesByLsoa();
    const invalid = new Set<string>(INVALID_LSOA_CODES);
    const seen = { known: 0, blank: 0, invalid: 0, only2011: 0 };
    const lsoa21 = new Set(parseCsv(await readFile(join(REFERENCE, 'imd2025_lsoa21.csv'), 'utf8')).rows.map((r) => r.lsoa21_code));
    for (const dataset of PATIENT_DATASETS) {
      for (const row of (await readDataset(first, dataset)).rows) {
        const code = row.lsoa_code;
        if (code === '') seen.blank++;
        else if (invalid.has(code)) seen.invalid++;
        else {
          expect(deciles.has(code), `${dataset} ${code}`).toBe(true);
          seen.known++;
          if (!lsoa21.has(code)) seen.only2011++;
        }
      }
    }
    expect(seen.blank).toBeGreaterThan(0);
    expect(seen.invalid).toBeGreaterThan(0);
    expect(seen.only2011 / seen.known).toBeGreaterThan(0.04);
  });

  it('has a higher outpatient DNA rate in the most deprived quintile than in the least', async () => {
    const deciles = await decilesByLsoa();
    const tally = { 1: { dna: 0, all: 0 }, 5: { dna: 0, all: 0 } } as Record<number, { dna: number; all: number }>;
    for (const row of (await readDataset(first, 'outpatients')).rows) {
      const decile = deciles.get(row.lsoa_code);
      if (!decile || !['3', '5', '6', '7'].includes(row.attendance_status)) continue;
      const quintile = Math.ceil(decile / 2);
      if (!tally[quintile]) continue;
      tally[quintile].all++;
      if (row.attendance_status === '3' || row.attendance_status === '7') tally[quintile].dna++;
    }
    const q1 = tally[1].dna / tally[1].all;
    const q5 = tally[5].dna / tally[5].all;
    expect(q1).toBeGreaterThan(q5 * 1.5);
  });

  it('records ethnicity in A&E more completely in the last year than the first', async () => {
    const valid = (code: string) => /^[A-HJ-NPRS]$/i.test(code) || code.length > 2;
    const share = { '2023': [0, 0], '2025': [0, 0] } as Record<string, number[]>;
    for (const row of (await readDataset(first, 'ae_attendances')).rows) {
      const year = row.arrival_datetime.slice(0, 4);
      if (!share[year]) continue;
      share[year][1]++;
      if (valid(row.ethnic_category)) share[year][0]++;
    }
    expect(share['2025'][0] / share['2025'][1]).toBeGreaterThan(share['2023'][0] / share['2023'][1] + 0.03);
  });

  it('writes ISO dates everywhere except the few UK dates in outpatients', async () => {
    const appointments = (await readDataset(first, 'outpatients')).rows.map((r) => r.appointment_date);
    const uk = appointments.filter((d) => /^\d{2}\/\d{2}\/\d{4}$/.test(d)).length;
    expect(uk / appointments.length).toBeGreaterThan(0.02);
    expect(uk / appointments.length).toBeLessThan(0.08);
    expect(appointments.every((d) => /^\d{4}-\d{2}-\d{2}$|^\d{2}\/\d{2}\/\d{4}$/.test(d))).toBe(true);
    for (const row of (await readDataset(first, 'ae_attendances')).rows) {
      expect(row.arrival_datetime).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    }
    for (const row of (await readDataset(first, 'admissions')).rows) expect(row.admission_date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('keeps a waiting-list pathway on the same patient and clock start from census to census', async () => {
    const seen = new Map<string, string>();
    const censuses = new Set<string>();
    for (const row of (await readDataset(first, 'waiting_list')).rows) {
      censuses.add(row.census_date);
      const identity = `${row.patient_id}|${row.clock_start_date}|${row.treatment_function_code}`;
      expect(seen.get(row.pathway_id) ?? identity).toBe(identity);
      seen.set(row.pathway_id, identity);
      expect(row.clock_start_date <= row.census_date).toBe(true);
    }
    expect(censuses.size).toBe(36);
  });

  it('leaves the delivery fields blank together for pregnancies not yet delivered', async () => {
    const { rows } = await readDataset(first, 'maternity');
    const undelivered = rows.filter((r) => r.delivery_date === '');
    expect(undelivered.length).toBeGreaterThan(0);
    for (const r of undelivered) expect([r.gestation_at_delivery_weeks, r.smoking_at_delivery]).toEqual(['', '']);
    for (const r of rows) expect(Number(r.age)).toBeGreaterThanOrEqual(16);
  });
});
