// An extract whose values cannot give an indicator (times all at midnight, a flag NULL on every
// row) loads, but the indicator answers "not computable" everywhere a user sees it, never a number.
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { inputCheckMessages } from '../../../core/text/input-check-messages.ts';
import { multipart, testApp } from '../../helpers/test-app.ts';

const ECDS = readFileSync(new URL('../../fixtures/layouts/ecds-split-date-time.csv', import.meta.url));
const MATERNITY = readFileSync(new URL('../../fixtures/layouts/maternity-satod-null.csv', import.meta.url));
/** The mapping a user writes for the split ECDS layout when a column takes one header only. */
const ECDS_MAPPING = {
  attendance_id: 'EC_Ident', patient_id: 'Der_Pseudo_NHS_Number', arrival_datetime: 'Arrival_Date', departure_datetime: 'EC_Departure_Date',
  age: 'Age_At_Arrival', lsoa_code: 'Der_Postcode_LSOA_2021_Code', department_type: 'EC_Department_Type',
};

let t: Awaited<ReturnType<typeof testApp>>;
// Disclosure off, so the figures checked here are the exact counts.
beforeEach(async () => (t = await testApp({ disclosure: 'none' })));
afterEach(async () => t.close());

const upload = (dataset: string, name: string, content: Buffer, mapping?: object) =>
  t.app.inject({ method: 'POST', url: '/api/extracts', ...multipart({ dataset, ...(mapping ? { mapping: JSON.stringify(mapping) } : {}) }, { name, content }) });
const get = async (url: string) => {
  const res = await t.app.inject(url);
  expect(res.statusCode, url).toBe(200);
  return res.json();
};

describe('A&E dates and times in separate columns, mapped one header each', () => {
  it('loads, and the upload result names the 4-hour indicator as not computable, with the reason and the fix', async () => {
    const res = await upload('ae_attendances', 'ecds.csv', ECDS, ECDS_MAPPING);
    expect(res.statusCode).toBe(201);
    const summary = res.json();
    expect(summary).toMatchObject({ status: 'loaded', rowsLoaded: 80 });
    const fourHour = summary.notComputable.find((n: { metric: string }) => n.metric === 'ae-4-hour');
    expect(fourHour).toMatchObject({ title: 'A&E attendances completed within 4 hours', extractIds: [summary.extractId] });
    expect(fourHour.reason).toContain(inputCheckMessages.allMidnight('arrival_datetime', 80).reason);
    expect(fourHour.reason).toContain(inputCheckMessages.allMidnight('departure_datetime', 80).reason);
    expect(fourHour.message).toMatch(/^Not computable from this extract \(ecds\.csv, ae-attendances-[0-9a-f]+\): /);
    expect(fourHour.fix).toContain('date + time');
    // The attendance count needs no time of day: it is not listed.
    expect(summary.notComputable.map((n: { metric: string }) => n.metric)).toEqual(['ae-4-hour']);
  });

  it('answers not computable, with no figure, on the breakdown, the breakdowns, the series and the overview', async () => {
    await upload('ae_attendances', 'ecds.csv', ECDS, ECDS_MAPPING);
    for (const by of ['overall', 'imd_quintile', 'ethnic_group']) {
      const result = await get(`/api/metrics/ae-4-hour/breakdown?by=${by}`);
      expect(result.notComputable.message).toMatch(/^Not computable from this extract/);
      expect(result.overall).toMatchObject({ numerator: null, denominator: null, value: null, lower: null, upper: null });
      expect(result.rows).toEqual([]);
      expect(result.gap).toBeNull();
      expect(result.notes).toEqual([result.notComputable.message]);
    }
    const several = await get('/api/metrics/ae-4-hour/breakdowns?by=imd_quintile,ethnic_group,sex');
    for (const result of several.results) expect(result).toMatchObject({ notComputable: { reason: expect.stringContaining('midnight') }, rows: [] });
    const series = await get('/api/metrics/ae-4-hour/series?by=imd_quintile');
    expect(series).toMatchObject({ overall: { points: [], spc: null }, groups: [], gap: null, notComputable: { reason: expect.stringContaining('midnight') } });
    const overview = await get('/api/overview');
    const tile = overview.tiles.find((x: { metric: { id: string } }) => x.metric.id === 'ae-4-hour');
    expect(tile).toMatchObject({ core20: null, rest: null, gap: null, overall: { value: null }, notComputable: { reason: expect.stringContaining('midnight') } });
    // The indicator that does not read the times still has its figure.
    const rate = await get('/api/metrics/ae-attendance-rate/breakdown?by=overall');
    expect(rate.notComputable ?? null).toBeNull();
  });

  it('draws a chart that says why there is no figure, and a board report that says so instead of a number', async () => {
    await upload('ae_attendances', 'ecds.csv', ECDS, ECDS_MAPPING);
    const png = await t.app.inject('/api/charts/ae-4-hour.png?by=imd_quintile');
    expect(png.statusCode).toBe(200);
    expect(png.headers['content-type']).toBe('image/png');
    const svg = (await t.app.inject('/api/charts/ae-4-hour.svg?by=imd_quintile')).body;
    expect(svg).toContain('Not computable from this extract');
    const report = await t.app.inject('/reports/board?indicators=ae-4-hour,ae-attendance-rate&breakdowns=imd_quintile');
    expect(report.statusCode).toBe(200);
    expect(report.body).toContain('<strong>Not computable</strong> from the data loaded');
    expect(report.body).toContain('Not computable from this extract (ecds.csv');
  });

  it('computes again once the extract is replaced by one with real times', async () => {
    const first = (await upload('ae_attendances', 'ecds.csv', ECDS, ECDS_MAPPING)).json();
    const fixed = ECDS.toString('utf8').split('\r\n').filter(Boolean).map((line, i) => {
      if (i === 0) return 'attendance_id,patient_id,arrival_datetime,departure_datetime,department_type,age,sex,ethnic_category,lsoa_code';
      const f = line.split(',');
      return [f[0], f[1], `${f[2]} ${f[3]}`, `${f[4]} ${f[5]}`, f[6], f[7], f[8], f[9], f[10]].join(',');
    }).join('\n');
    const res = await t.app.inject({ method: 'POST', url: '/api/extracts', ...multipart({ dataset: 'ae_attendances', replace: first.extractId }, { name: 'ecds-fixed.csv', content: fixed }) });
    expect(res.json()).toMatchObject({ status: 'loaded', notComputable: [] });
    const result = await get('/api/metrics/ae-4-hour/breakdown?by=overall');
    expect(result.notComputable ?? null).toBeNull();
    // Every 5th attendance (16 of 80) stayed past four hours.
    expect(result.overall).toMatchObject({ numerator: 64, denominator: 80, value: 80 });
  });
});

describe('a maternity extract with smoking at delivery NULL on every row', () => {
  it('names the smoking indicator as not computable and keeps the preterm indicator', async () => {
    const summary = (await upload('maternity', 'maternity.csv', MATERNITY)).json();
    expect(summary).toMatchObject({ status: 'loaded', rowsLoaded: 60 });
    expect(summary.notComputable).toEqual([
      expect.objectContaining({ metric: 'maternity-smoking-delivery', reason: inputCheckMessages.allNull('smoking_at_delivery', true).reason }),
    ]);
    const smoking = await get('/api/metrics/maternity-smoking-delivery/breakdown?by=overall');
    expect(smoking).toMatchObject({ rows: [], overall: { value: null }, notComputable: { reason: 'smoking_at_delivery is empty or unreadable on every row' } });
    const preterm = await get('/api/metrics/maternity-preterm/breakdown?by=overall&from=2025-01-01&to=2025-06-30');
    expect(preterm.notComputable ?? null).toBeNull();
    // One delivery in ten is at 35 weeks.
    expect(preterm.overall).toMatchObject({ numerator: 6, denominator: 60, value: 10 });
  });
});

describe('one code on every row', () => {
  const admissions = (method: string) =>
    Buffer.from(['spell_id,patient_id,admission_date,admission_method,primary_diagnosis,age,sex', ...Array.from({ length: 60 }, (_, i) => `S${i},P${i},2025-0${1 + (i % 6)}-10,${method},J440,${40 + i},1`)].join('\n'));

  it('an emergency-only file leaves the emergency rates and blocks the elective rate, saying why', async () => {
    const summary = (await upload('admissions', 'emergencies.csv', admissions('21'))).json();
    // The file has no procedure column either, so the tooth-extraction count would be a silent 0.
    expect(summary.notComputable.map((n: { metric: string }) => n.metric)).toEqual(['cyp-tooth-extraction', 'elective-admission-rate']);
    expect(summary.notComputable[1].reason).toBe(inputCheckMessages.oneValue('admission_method', '21', 60).reason);
    expect(summary.notComputable[0].reason).toBe(inputCheckMessages.allNull('primary_procedure', false).reason);
    const elective = await get('/api/metrics/elective-admission-rate/breakdown?by=overall');
    expect(elective).toMatchObject({ rows: [], overall: { value: null }, notComputable: { extractIds: [summary.extractId] } });
    for (const metric of ['copd-emergency', 'cyp-asthma-emergency']) expect((await get(`/api/metrics/${metric}/breakdown?by=overall`)).notComputable ?? null).toBeNull();
  });

  it('a DNA rate over appointments that are all "attended" is not computable, not 0%', async () => {
    const csv = ['appointment_id,patient_id,appointment_date,treatment_function_code,attendance_status', ...Array.from({ length: 60 }, (_, i) => `A${i},P${i},2025-04-${10 + (i % 18)},110,5`)].join('\n');
    const summary = (await upload('outpatients', 'op.csv', Buffer.from(csv))).json();
    expect(summary.notComputable.map((n: { metric: string }) => n.metric)).toContain('op-dna-rate');
    const dna = await get('/api/metrics/op-dna-rate/breakdown?by=ethnic_group');
    expect(dna).toMatchObject({ rows: [], overall: { value: null, numerator: null }, notComputable: { reason: inputCheckMessages.oneValue('attendance_status', '5', 60).reason } });
  });

  it('a small file with one code everywhere is not second-guessed', async () => {
    const csv = ['appointment_id,patient_id,appointment_date,treatment_function_code,attendance_status', ...Array.from({ length: 20 }, (_, i) => `A${i},P${i},2025-04-${10 + (i % 18)},110,5`)].join('\n');
    const summary = (await upload('outpatients', 'op.csv', Buffer.from(csv))).json();
    expect(summary.notComputable.map((n: { metric: string }) => n.metric)).not.toContain('op-dna-rate');
    expect((await get('/api/metrics/op-dna-rate/breakdown?by=overall')).overall).toMatchObject({ value: 0, denominator: 20 });
  });
});
