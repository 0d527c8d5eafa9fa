import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fileMessages } from '../../../pipelines/ingest/messages.ts';
import { multipart, testApp } from '../../helpers/test-app.ts';

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

  it('lists the nine datasets with their columns, required flags, codes and aliases', async () => {
    const datasets = (await t.app.inject('/api/datasets')).json();
    expect(datasets.map((d: { id: string }) => d.id).sort()).toEqual(
      ['admissions', 'ae_attendances', 'aggregate_indicators', 'cancer_diagnoses', 'maternity', 'mh_detentions', 'outpatients', 'population', 'waiting_list'],
    );
    const outpatients = datasets.find((d: { id: string }) => d.id === 'outpatients');
    const status = outpatients.columns.find((c: { name: string }) => c.name === 'attendance_status');
    expect(status).toMatchObject({ required: true, type: 'VARCHAR' });
    expect(status.codes).toContainEqual({ code: '3', label: 'Did not attend' });
    expect(outpatients.columns.find((c: { name: string }) => c.name === 'ethnic_category')).toMatchObject({ required: false, aliases: expect.arrayContaining(['ethnicity']) });
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
    expect(unknown.json().error.message).toMatch(/Unknown dataset "nope"/);
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
