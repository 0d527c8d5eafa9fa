// The benchmarks a breakdown, a series and the overview carry, from a Fingertips-layout file and a
// small maternity extract whose smoking-at-delivery figure is known: 40 of 400 deliveries (10%).
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../db/database.ts';
import { findMetric } from '../../../metrics/catalogue/index.ts';
import { computeBreakdown, type BreakdownRequest, type EngineSettings } from '../../../metrics/engine/breakdown.ts';
import { computeSeries } from '../../../metrics/engine/series.ts';
import { compareWithBenchmark } from '../../../metrics/engine/benchmark-compare.ts';
import { wilson } from '../../../metrics/statistics/index.ts';
import { ingestFile } from '../../../pipelines/ingest/ingest.ts';
import { tempDatabase, writeFixture } from '../../helpers/temp-db.ts';

const OPTIONS = { maxBytes: 10 * 1024 * 1024, chineseGroup: '2001' as const };
const SETTINGS: EngineSettings = { disclosure: 'none', referenceEthnicCategory: 'A', siiReps: 200, plusGroups: [] };
const smoking = findMetric('maternity-smoking-delivery')!;
const FY2425 = { from: '2024-04-01', to: '2025-03-31' };

let db: Database;
let dir: string;
let cleanup: () => void;

/** 400 deliveries in 2024/25, 40 of them to smokers; IMD decile by LSOA-free supplied decile. */
function maternityCsv(): string {
  const lines = ['booking_id,patient_id,booking_date,delivery_date,smoking_at_delivery,imd_decile'];
  for (let i = 0; i < 400; i++) {
    const month = String((i % 12) + 1).padStart(2, '0');
    const year = (i % 12) + 1 >= 4 ? 2024 : 2025;
    lines.push(`B${i},P${i},${year - (month === '04' ? 1 : 0)}-01-15,${year}-${month}-10,${i % 10 === 0 ? 'Y' : 'N'},${(i % 10) + 1}`);
  }
  return lines.join('\n');
}

beforeAll(async () => {
  ({ db, dir, cleanup } = await tempDatabase());
  const fingertips = readFileSync(new URL('../../fixtures/benchmarks/fingertips-download.csv', import.meta.url));
  expect((await ingestFile(db, { path: writeFixture(dir, 'ft.csv', fingertips), dataset: 'benchmarks' }, OPTIONS)).status).toBe('loaded');
  expect((await ingestFile(db, { path: writeFixture(dir, 'mat.csv', maternityCsv()), dataset: 'maternity' }, OPTIONS)).rowsLoaded).toBe(400);
});
afterAll(() => cleanup());

const request = (extra: Partial<BreakdownRequest> = {}): BreakdownRequest => ({ by: 'overall', by2: null, specialty: null, site: null, level: 95, ...FY2425, ...extra });
const breakdown = (extra: Partial<BreakdownRequest> = {}) => db.withSession((s) => computeBreakdown(s, smoking, request(extra), SETTINGS));

describe('a breakdown for a period England publishes', () => {
  it("gives England first, then the region, then local areas, with the published value and interval and the trust's verdict", async () => {
    const result = await breakdown();
    expect(result.overall.value).toBeCloseTo(10, 10);
    expect(result.benchmarks.map((b) => [b.areaCode, b.period, b.value, b.lower, b.upper, b.comparison])).toEqual([
      ['E92000001', '2024/25', 6.1, 6.06, 6.14, 'worse'],
      ['E12000005', '2024/25', 6.9, 6.78, 7.02, 'worse'],
      ['E06000020', '2024/25', null, null, null, 'not compared'],
    ]);
    expect(result.benchmarks[0]).toMatchObject({ areaName: 'England', areaType: 'England', source: 'OHID Fingertips', indicatorId: '93085', reason: null });
    expect(result.benchmarks[2].reason).toBe('no value is published for this area and period');
  });

  it('is similar when the interval contains the benchmark, and better when it lies below it for a lower-is-better indicator', () => {
    const local = { ...wilson(40, 400), suppressed: false };
    expect(compareWithBenchmark(local, 10.5, 'lower')).toEqual({ comparison: 'similar', reason: null });
    expect(compareWithBenchmark(local, 20, 'lower')).toEqual({ comparison: 'better', reason: null });
    expect(compareWithBenchmark(local, 20, 'higher')).toEqual({ comparison: 'worse', reason: null });
    expect(compareWithBenchmark(local, 20, 'context')).toEqual({ comparison: 'lower', reason: null });
    expect(compareWithBenchmark(local, 2, 'context')).toEqual({ comparison: 'higher', reason: null });
    expect(compareWithBenchmark({ ...local, suppressed: true }, 2, 'lower').comparison).toBe('not compared');
  });

  it("shows England's deciles beside the trust's, and pools them into quintiles only from published counts", async () => {
    const deciles = await breakdown({ by: 'imd_decile' });
    expect(deciles.benchmarks[0].groups?.map((g) => [g.group, g.value])).toEqual([
      ['1', 12.9], ['2', 11.2], ['3', 9.8], ['4', 8.4], ['5', 7.3], ['6', 6.2], ['7', 5.1], ['8', 4.3], ['9', 3.5], ['10', 2.6],
    ]);
    // The fixture's deciles have no counts: no quintiles can be made from them.
    const quintiles = await breakdown({ by: 'imd_quintile' });
    expect(quintiles.benchmarks[0].groups).toBeUndefined();
  });
});

describe('not compared, and why', () => {
  it('takes the nearest published period when the request is later, and does not compare across periods', async () => {
    const result = await breakdown({ from: '2025-04-01', to: '2026-03-31' });
    expect(result.benchmarks[0]).toMatchObject({ period: '2024/25', comparison: 'not compared' });
    expect(result.benchmarks[0].reason).toContain('the periods differ: this figure is for 2024/25');
  });

  it('does not compare a figure filtered to one site', async () => {
    const result = await breakdown({ site: 'RXX01' });
    expect(result.benchmarks[0]).toMatchObject({ comparison: 'not compared', reason: "the trust's figure is for site RXX01 only" });
  });

  it('says the definitions differ for a linked indicator whose Fingertips definition is not Parity\'s', async () => {
    const asthma = findMetric('cyp-asthma-emergency')!;
    await db.withSession(async (s) => {
      await s.run(`INSERT INTO benchmarks (indicator_id, area_code, area_name, area_type, period, value, lower_95, upper_95, period_start, period_end, extract_id, source_row, dq_flags)
        SELECT '90810', 'E92000001', 'England', 'England', '2024/25', 120.1, 119.0, 121.2, DATE '2024-04-01', DATE '2025-03-31', extract_id, 999, [] FROM benchmarks LIMIT 1`);
    });
    const result = await db.withSession((s) => computeBreakdown(s, asthma, request(), SETTINGS));
    expect(result.benchmarks[0]).toMatchObject({ value: 120.1, comparison: 'not compared' });
    expect(result.benchmarks[0].reason).toContain('the definitions differ: Fingertips counts ages 0–18');
  });
});

describe('a series', () => {
  it("compares each published year inside the series with the trust's figure for that same year", async () => {
    const series = await db.withSession((s) => computeSeries(s, smoking, { by: 'overall', grain: 'month', from: '2022-04-01', to: '2025-03-31', specialty: null, site: null, level: 95 }, SETTINGS, null));
    const england = series.benchmarks.filter((b) => b.areaCode === 'E92000001');
    // 2022/23 and 2023/24 have no local deliveries: published, but the trust has no figure to compare.
    expect(england.map((b) => [b.period, b.comparison])).toEqual([['2022/23', 'not compared'], ['2023/24', 'not compared'], ['2024/25', 'worse']]);
  });
});

describe('a newer file', () => {
  it("supersedes an older one's series for the areas it covers, and leaves the other areas as they were", async () => {
    const csv = 'indicator,area_code,area_name,area_type,period,value,lower,upper\n93085,E92000001,England,England,2024/25,5.5,5.4,5.6\n';
    const summary = await ingestFile(db, { path: writeFixture(dir, `newer-${Date.now()}.csv`, csv), dataset: 'benchmarks' }, OPTIONS);
    expect(summary).toMatchObject({ status: 'loaded', rowsLoaded: 1, rowsQuarantined: 0 });
    const result = await breakdown();
    expect(result.benchmarks.map((b) => [b.areaCode, b.value])).toEqual([['E92000001', 5.5], ['E12000005', 6.9], ['E06000020', null]]);
  });
});
