// The server recomputes the overview when the data change: IngestService says when that happens.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { multipart, testApp } from '../../helpers/test-app.ts';

const CSV = 'appointment_id,patient_id,appointment_date,treatment_function_code,attendance_status\nA1,P1,2025-04-01,110,5\n';

let t: Awaited<ReturnType<typeof testApp>>;
beforeEach(async () => {
  t = await testApp();
});
afterEach(() => t.close());

const upload = (csv: string) => {
  const body = multipart({ dataset: 'outpatients' }, { name: 'op.csv', content: csv });
  return t.app.inject({ method: 'POST', url: '/api/extracts', payload: body.payload, headers: { ...body.headers, host: 'localhost' } });
};

describe('IngestService.onDataChanged', () => {
  it('fires after a load and a deletion, not after a duplicate or a refused file', async () => {
    let changes = 0;
    t.app.ingest.onDataChanged(() => changes++);
    const first = await upload(CSV);
    expect(first.statusCode).toBe(201);
    expect(changes).toBe(1);
    expect((await upload(CSV)).json().status).toBe('duplicate');
    expect((await upload('not,a,known,layout\n1,2,3,4\n')).statusCode).toBe(422);
    expect(changes).toBe(1);
    const deleted = await t.app.inject({ method: 'DELETE', url: `/api/extracts/${first.json().extractId}`, headers: { host: 'localhost', origin: 'http://localhost' } });
    expect(deleted.statusCode).toBe(200);
    expect(changes).toBe(2);
  });
});
