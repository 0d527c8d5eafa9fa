import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fileMessages } from '../../../core/text/ingest-messages.ts';
import { multipart, testApp } from '../../helpers/test-app.ts';
import { DATASET_IDS } from '../../../core/datasets/index.ts';
import * as messages from '../../../server/messages.ts';
import { errorBody } from '../../helpers/error-body.ts';

const HEADER = 'appointment_id,patient_id,appointment_date,treatment_function_code,attendance_status';
let t: Awaited<ReturnType<typeof testApp>>;
beforeEach(async () => (t = await testApp()));
afterEach(async () => t.close());

const upload = (fields: Record<string, string>, file?: { name: string; content: string | Buffer }) =>
  t.app.inject({ method: 'POST', url: '/api/extracts', ...multipart(fields, file) });

describe('GET /api/health and /api/datasets', () => {
  it('reports ok with the version and the number of loaded extracts', async () => {
    const res = await t.app.inject('/api/health');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok', version: expect.any(String), extracts: 0 });
  });

  it('lists the ten datasets with their columns, required flags, codes and aliases', async () => {
    const datasets = (await t.app.inject('/api/datasets')).json();
    expect(datasets.map((d: { id: string }) => d.id).sort()).toEqual(
      ['admissions', 'ae_attendances', 'aggregate_indicators', 'benchmarks', 'cancer_diagnoses', 'maternity', 'mh_detentions', 'outpatients', 'population', 'waiting_list'],
    );
    const outpatients = datasets.find((d: { id: string }) => d.id === 'outpatients');
    const status = outpatients.columns.find((c: { name: string }) => c.name === 'attendance_status');
    expect(status).toMatchObject({ required: true, type: 'VARCHAR' });
    expect(status.codes).toContainEqual({ code: '3', label: 'Did not attend' });
    expect(outpatients.columns.find((c: { name: string }) => c.name === 'ethnic_category')).toMatchObject({ required: false, aliases: expect.arrayContaining(['ethnicity']) });
    const benchmarks = datasets.find((d: { id: string }) => d.id === 'benchmarks');
    expect(benchmarks.columns.find((c: { name: string }) => c.name === 'value')).toMatchObject({ required: false, rejectInvalid: true });
    expect(benchmarks.columns.find((c: { name: string }) => c.name === 'period')).toMatchObject({ kind: 'period', required: true, aliases: expect.arrayContaining(['time_period']) });
  });
});

describe('POST /api/extracts', () => {
  it('loads the messy sample extract: 201, every row accounted for, quarantine listed with reasons', async () => {
    const content = readFileSync('sample-data/messy/outpatients-messy.csv');
    const res = await upload({ dataset: 'outpatients' }, { name: 'outpatients-messy.csv', content });
    expect(res.statusCode).toBe(201);
    const summary = res.json();
    expect(summary).toMatchObject({ status: 'loaded', rowsRead: 60, rowsLoaded: 47, rowsQuarantined: 13 });

    const detail = (await t.app.inject(`/api/extracts/${summary.extractId}`)).json();
    expect(detail).toMatchObject({ fileName: 'outpatients-messy.csv', uploadedBy: 'web', status: 'loaded', rowsQuarantined: 13 });
    expect(detail.quarantine).toHaveLength(13);
    expect(detail.quarantine[0]).toMatchObject({ row: 12, reasons: [expect.stringContaining('31/02/2025')] });

    const csv = await t.app.inject(`/api/extracts/${summary.extractId}/quarantine.csv`);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body.split('\r\n')[0]).toMatch(/^row,reasons,/);
    expect(csv.body.trim().split('\r\n')).toHaveLength(14);
  });

  it('answers 200 for the same file again, 422 for a refused file, 400 for an unknown dataset', async () => {
    const file = { name: 'op.csv', content: `${HEADER}\nA1,P1,2025-04-01,110,5\n` };
    expect((await upload({ dataset: 'outpatients' }, file)).statusCode).toBe(201);
    const again = await upload({ dataset: 'outpatients' }, file);
    expect([again.statusCode, again.json().status]).toEqual([200, 'duplicate']);
    const refused = await upload({ dataset: 'outpatients' }, { name: 'x.csv', content: 'a,b\n1,2\n' });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().fileError).toMatch(/Required columns missing/);
    const unknown = await upload({ dataset: 'nope' }, file);
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error).toEqual(errorBody(messages.unknownDataset('nope', DATASET_IDS)));
  });

  it('answers 413 for a file over the upload limit', async () => {
    await t.close();
    t = await testApp({ maxUploadBytes: 200 });
    const res = await upload({ dataset: 'outpatients' }, { name: 'big.csv', content: `${HEADER}\n${'A1,P1,2025-04-01,110,5\n'.repeat(50)}` });
    expect(res.statusCode).toBe(413);
    expect(res.json().error.message).toMatch(/larger than/);
  });

  it('answers 507 naming PARITY_MEMORY_LIMIT and its value when the load runs out of DuckDB memory, and loads nothing', async () => {
    const small = await testApp({ memoryLimit: '8MB' });
    try {
      await small.db.run(`SET memory_limit = '8MB'`);
      const res = await small.app.inject({ method: 'POST', url: '/api/extracts', ...multipart({ dataset: 'outpatients' }, { name: 'op.csv', content: `${HEADER}\nA1,P1,2025-04-01,110,5\n` }) });
      expect(res.statusCode).toBe(507);
      expect(res.json().error).toEqual({ code: 'out_of_memory', message: fileMessages.outOfMemory('8MB') });
      expect(res.json().error.message).toContain('DuckDB may use 8MB (PARITY_MEMORY_LIMIT). Raise PARITY_MEMORY_LIMIT');
      await small.db.run(`RESET memory_limit`);
      expect((await small.app.inject('/api/health')).json().extracts).toBe(0);
    } finally {
      await small.close();
    }
  });

  it('uses a saved column mapping by name', async () => {
    const saved = await t.app.inject({
      method: 'POST',
      url: '/api/mappings',
      payload: { name: 'PAS export', dataset: 'outpatients', columns: { appointment_id: 'Ref', patient_id: 'Who', appointment_date: 'When', treatment_function_code: 'Spec', attendance_status: 'Outcome' } },
    });
    expect(saved.statusCode).toBe(201);
    const res = await upload({ dataset: 'outpatients', mapping: 'PAS export' }, { name: 'pas.csv', content: 'Ref,Who,When,Spec,Outcome\nA1,P1,2025-04-01,110,5\n' });
    expect(res.json()).toMatchObject({ status: 'loaded', rowsLoaded: 1, columnMapping: { appointment_id: 'Ref' } });
    expect((await t.app.inject('/api/mappings')).json()).toHaveLength(1);
  });
});

describe('the quarantine of an extract', () => {
  // Undeclared identifying columns, a second copy of the patient_id header, an alias of it
  // ("Pseudo ID") that the first match leaves over, and rows that fail in each way.
  const header = 'Appointment ID,NHS Number,patient_id,Patient Name,DOB,appointment_date,treatment_function_code,attendance_status,Postcode,patient_id,Pseudo ID';
  const lines = [
    'OPX-10001,943 476 5919,PSD-4471902,Jane Doe,14/03/1961,2025-04-01,110,5,SW1A 1AA,PSD-4471902,NHSPS-550101', // row 2: loads
    'OPX-10002,401 023 2137,PSD-4471903,John Smith,02/11/1948,31/02/2025,110,5,LS1 4AP,PSD-9990003,NHSPS-550102', // row 3: impossible date
    'OPX-10003,485 777 3456,,Amara Okafor,22/07/1990,2025-04-02,110,5,M13 9PL,PSD-9990004,NHSPS-550103', // row 4: no patient_id, but the copy has one
    'OPX-10004,450 557 7104,PSD-4471905,Wei Chen,05/05/1975,2025-04-03,110,5,B15 2TT,PSD-4471905,NHSPS-550104,Ward 7', // row 5: a field too many
    'OPX-10005,412 345 6789,PSD-4471906,Olu Adeyemi,30/09/1966', // row 6: cut short
  ];
  const undeclared = [
    '943 476 5919', '401 023 2137', '485 777 3456', '450 557 7104', '412 345 6789',
    'Jane Doe', 'John Smith', 'Amara Okafor', 'Wei Chen', 'Olu Adeyemi',
    '14/03/1961', '02/11/1948', '22/07/1990', '05/05/1975', '30/09/1966',
    'SW1A 1AA', 'LS1 4AP', 'M13 9PL', 'B15 2TT', 'Ward 7',
    'PSD-9990003', 'PSD-9990004', 'NHSPS-5501',
  ];
  const identifiers = /PSD-\d{7}|OPX-\d{5}/;
  const leaked = (text: string) => undeclared.filter((value) => text.includes(value));

  it('lists the columns it ignored in the upload result', async () => {
    const res = await upload({ dataset: 'outpatients' }, { name: 'pas-full.csv', content: [header, ...lines].join('\n') });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      status: 'loaded', rowsRead: 5, rowsLoaded: 1, rowsQuarantined: 4,
      columnMapping: { appointment_id: 'Appointment ID', patient_id: 'patient_id' },
      ignoredColumns: ['NHS Number', 'Patient Name', 'DOB', 'Postcode', 'patient_id (2)', 'Pseudo ID'],
    });
  });

  it('shows only the declared columns, once each, with identifiers masked, on screen and in the CSV', async () => {
    const { extractId } = (await upload({ dataset: 'outpatients' }, { name: 'pas-full.csv', content: [header, ...lines].join('\n') })).json();
    const detail = (await t.app.inject(`/api/extracts/${extractId}`)).json();
    const csv = (await t.app.inject(`/api/extracts/${extractId}/quarantine.csv`)).body;
    for (const text of [JSON.stringify(detail), csv]) {
      expect(leaked(text)).toEqual([]);
      expect(text).not.toMatch(identifiers);
      expect(text).not.toMatch(/NHS Number|Patient Name|DOB|Postcode|Pseudo ID|patient_id \(2\)/);
    }
    expect(detail.quarantine.map((q: { row: number }) => q.row)).toEqual([3, 4, 5, 6]);
    expect(detail.quarantine[0].values).toEqual({
      'Appointment ID': 'OPX…02', patient_id: 'PSD…03', appointment_date: '31/02/2025', treatment_function_code: '110', attendance_status: '5',
    });
    expect(detail.quarantine[1]).toMatchObject({ values: { 'Appointment ID': 'OPX…03', patient_id: null }, reasons: ['patient_id: missing (required)'] });
    // A broken line keeps its line number and reason: its fields cannot be told apart.
    expect(detail.quarantine[2]).toEqual({ row: 5, values: {}, reasons: [expect.stringMatching(/^row: has 12 fields but the header has 11/)] });
    expect(detail.quarantine[3]).toEqual({ row: 6, values: {}, reasons: [expect.stringMatching(/^row: has 5 fields but the header has 11/)] });
    expect(csv.split('\r\n')[0]).toBe('row,reasons,Appointment ID,patient_id,appointment_date,treatment_function_code,attendance_status');
    expect(csv).toContain('PSD…03');
  });

  it('does not show a row stored before with undeclared columns, nor a broken line stored whole', async () => {
    const { extractId } = (await upload({ dataset: 'outpatients' }, { name: 'op.csv', content: `${HEADER}\nA1,P1,2025-04-01,110,5\nA2,,2025-04-01,110,5\n` })).json();
    await t.db.run(`INSERT INTO quarantine VALUES (?, 9, ?, ['appointment_date: missing (required)']), (?, 10, ?, ['row: has 7 fields but the header has 5'])`, [
      extractId,
      JSON.stringify({ appointment_id: 'OPX-10009', patient_id: 'PSD-4471909', 'NHS Number': '943 476 5919', 'patient_id (2)': 'PSD-9990003' }),
      extractId,
      JSON.stringify({ line: 'A10,PSD-4471910,Jane Doe,SW1A 1AA,2025-04-01,110,5' }),
    ]);
    const detail = (await t.app.inject(`/api/extracts/${extractId}`)).json();
    const csv = (await t.app.inject(`/api/extracts/${extractId}/quarantine.csv`)).body;
    for (const text of [JSON.stringify(detail), csv]) {
      expect(leaked(text)).toEqual([]);
      expect(text).not.toMatch(/PSD-\d{7}|OPX-\d{5}|NHS Number/);
    }
    expect(detail.quarantine.slice(1)).toEqual([
      { row: 9, values: { appointment_id: 'OPX…09', patient_id: 'PSD…09' }, reasons: ['appointment_date: missing (required)'] },
      { row: 10, values: {}, reasons: ['row: has 7 fields but the header has 5'] },
    ]);
  });
});

describe('DELETE /api/extracts/:id', () => {
  it('removes the extract and its rows, keeping it listed as deleted', async () => {
    const { extractId } = (await upload({ dataset: 'outpatients' }, { name: 'op.csv', content: `${HEADER}\nA1,P1,2025-04-01,110,5\n` })).json();
    expect((await t.app.inject({ method: 'DELETE', url: `/api/extracts/${extractId}` })).statusCode).toBe(200);
    expect(await t.db.all(`SELECT count(*)::INT AS n FROM outpatients`)).toEqual([{ n: 0 }]);
    expect((await t.app.inject('/api/extracts')).json()[0]).toMatchObject({ id: extractId, status: 'deleted' });
    expect((await t.app.inject({ method: 'DELETE', url: `/api/extracts/${extractId}` })).statusCode).toBe(404);
    expect((await t.app.inject('/api/health')).json().extracts).toBe(0);
  });

  it('answers 400 for a malformed id and 404 for an unknown one, without internals', async () => {
    const bad = await t.app.inject({ method: 'DELETE', url: `/api/extracts/'; DROP TABLE outpatients; --` });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).not.toMatch(/DuckDB|SELECT|stack/i);
    expect((await t.app.inject('/api/extracts/outpatients-00000000')).statusCode).toBe(404);
  });
});
