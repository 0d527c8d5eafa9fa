// What a caller can get wrong gets a 4xx that says how to put it right — and never SQL or a stack.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../../helpers/test-app.ts';

let t: Awaited<ReturnType<typeof testApp>>;
beforeAll(async () => {
  t = await testApp();
});
afterAll(() => t.close());

const get = async (url: string) => {
  const response = await t.app.inject(url);
  return { status: response.statusCode, body: response.json(), text: response.body };
};

describe('metric request errors', () => {
  it('404s an unknown metric with its name', async () => {
    const r = await get('/api/metrics/no-such-metric/breakdown?by=sex');
    expect(r.status).toBe(404);
    expect(r.body.error.message).toContain('no-such-metric');
  });

  it('400s a breakdown the metric does not allow, listing those it does', async () => {
    const r = await get('/api/metrics/elective-admission-rate/breakdown?by=specialty');
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('invalid_breakdown');
    expect(r.body.error.message).toContain('imd_quintile');
  });

  it('400s an unknown breakdown and impossible dates', async () => {
    expect((await get('/api/metrics/op-dna-rate/breakdown?by=postcode')).status).toBe(400);
    const r = await get('/api/metrics/op-dna-rate/breakdown?by=sex&from=2025-02-31');
    expect(r.status).toBe(400);
    expect(r.body.error.message).toContain('date');
    expect((await get('/api/metrics/op-dna-rate/breakdown?by=sex&from=2025-05-01&to=2025-04-01')).body.error.code).toBe('invalid_date');
  });

  it('400s SQL-looking input before it reaches SQL, and echoes no SQL back', async () => {
    for (const url of [
      "/api/metrics/op-dna-rate/breakdown?by=sex&site=x'%3BDROP%20TABLE%20outpatients--",
      '/api/metrics/op-dna-rate/breakdown?by=sex%20OR%201%3D1',
      '/api/metrics/op-dna-rate/breakdown?by=sex&specialty=1%27%20OR%20%271',
      '/api/metrics/op-dna-rate/breakdown?by=sex&unexpected=1',
    ]) {
      const r = await get(url);
      expect([url, r.status]).toEqual([url, 400]);
      expect(r.text).not.toMatch(/SELECT|FROM outpatients|at .*\.ts:\d+/);
    }
  });

  it('answers an empty database with an empty but well-formed result', async () => {
    const r = await get('/api/metrics/op-dna-rate/breakdown?by=imd_quintile');
    expect(r.status).toBe(200);
    expect(r.body.rows).toEqual([]);
    expect(r.body.overall.value).toBeNull();
  });

  it('validates completeness requests', async () => {
    expect((await get('/api/completeness?dataset=population')).status).toBe(400);
    expect((await get('/api/completeness?dataset=maternity&by=specialty')).body.error.code).toBe('invalid_breakdown');
    expect((await get('/api/completeness?dataset=outpatients&field=ethnicity&by=specialty')).status).toBe(200);
  });
});
