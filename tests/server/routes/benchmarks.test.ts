import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { multipart, testApp } from '../../helpers/test-app.ts';

const FINGERTIPS = readFileSync(new URL('../../fixtures/benchmarks/fingertips-download.csv', import.meta.url));
let ctx: Awaited<ReturnType<typeof testApp>>;
beforeAll(async () => (ctx = await testApp()));
afterAll(() => ctx.close());

describe('a Fingertips download through POST /api/extracts', () => {
  it('loads, quarantines the bad value, and lists the indicator Parity does not link to', async () => {
    const res = await ctx.app.inject({ method: 'POST', url: '/api/extracts', ...multipart({ dataset: 'benchmarks' }, { name: 'fingertips.csv', content: FINGERTIPS }) });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({ status: 'loaded', rowsLoaded: 18, rowsQuarantined: 1 });
    expect(body.benchmarkIndicators).toEqual([
      { indicatorId: '92443', indicatorName: 'Smoking Prevalence in adults (18+) - current smokers (APS)', rows: 1, areas: 1, periods: ['2023'], linkedTo: [] },
      { indicatorId: '93085', indicatorName: 'Smoking status at time of delivery', rows: 17, areas: 3, periods: ['2022/23', '2023/24', '2024/25'], linkedTo: ['maternity-smoking-delivery'] },
    ]);
    const listed = await ctx.app.inject({ url: '/api/benchmarks' });
    expect(listed.json().unlinked).toEqual(['92443']);
  });

  it('puts England on the breakdown answer, with its interval and (no local data) a reason instead of a verdict', async () => {
    const res = await ctx.app.inject({ url: '/api/metrics/maternity-smoking-delivery/breakdown?by=imd_decile&from=2024-04-01&to=2025-03-31' });
    expect(res.statusCode).toBe(200);
    const [england] = res.json().benchmarks;
    expect(england).toMatchObject({ areaCode: 'E92000001', period: '2024/25', value: 6.1, lower: 6.06, upper: 6.14, comparison: 'not compared' });
    expect(england.reason).toBe('the trust has no figure for this period');
    expect(england.groups).toHaveLength(10);
  });
});
