// A Fingertips "download data" CSV, laid out exactly as Fingertips exports it (the values are
// illustrative), and the plain layout, through the ordinary loader.
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../../db/database.ts';
import { ingestFile } from '../../../pipelines/ingest/ingest.ts';
import { tempDatabase, writeFixture } from '../../helpers/temp-db.ts';

const OPTIONS = { maxBytes: 10 * 1024 * 1024, chineseGroup: '2001' as const };
const FINGERTIPS = readFileSync(new URL('../../fixtures/benchmarks/fingertips-download.csv', import.meta.url));

let db: Database;
let dir: string;
let cleanup: () => void;
beforeEach(async () => ({ db, dir, cleanup } = await tempDatabase()));
afterEach(() => cleanup());

const load = (name: string, content: string | Buffer, extra: Partial<Parameters<typeof ingestFile>[1]> = {}) =>
  ingestFile(db, { path: writeFixture(dir, name, content), dataset: 'benchmarks', ...extra }, OPTIONS);

describe('a Fingertips "download data" file', () => {
  it('loads with no mapping, reading each period label into its first and last day', async () => {
    const summary = await load('fingertips.csv', FINGERTIPS);
    expect(summary).toMatchObject({ status: 'loaded', rowsRead: 19, rowsLoaded: 18, rowsQuarantined: 1 });
    expect(summary.columnMapping).toMatchObject({ indicator_id: 'Indicator ID', period: 'Time period', lower_95: 'Lower CI 95.0 limit', upper_998: 'Upper CI 99.8 limit', count: 'Count' });
    expect(summary.ignoredColumns).toEqual(['Recent Trend', 'Compared to England value or percentiles', 'Compared to Region value or percentiles', 'New data', 'Compared to goal']);
    const rows = await db.all(`SELECT period, period_start::VARCHAR AS s, period_end::VARCHAR AS e, value, lower_95, upper_95
      FROM benchmarks WHERE area_code = 'E92000001' AND indicator_id = '93085' AND category IS NULL ORDER BY period`);
    expect(rows).toEqual([
      { period: '2022/23', s: '2022-04-01', e: '2023-03-31', value: 8.8, lower_95: 8.75, upper_95: 8.85 },
      { period: '2023/24', s: '2023-04-01', e: '2024-03-31', value: 7.4, lower_95: 7.35, upper_95: 7.45 },
      { period: '2024/25', s: '2024-04-01', e: '2025-03-31', value: 6.1, lower_95: 6.06, upper_95: 6.14 },
    ]);
  });

  it('quarantines the row whose value is not a number, saying so, and keeps a suppressed (blank) value with its note', async () => {
    const summary = await load('fingertips.csv', FINGERTIPS);
    expect(summary.errors).toEqual([expect.objectContaining({ row: 19, column: 'value', message: expect.stringContaining("'8.1%%' is not a number") })]);
    const [suppressed] = await db.all(`SELECT value, value_note FROM benchmarks WHERE area_code = 'E06000020'`);
    expect(suppressed).toEqual({ value: null, value_note: 'Value suppressed for disclosure control due to small count' });
  });

  it('keeps the rows of an indicator Parity does not link to', async () => {
    await load('fingertips.csv', FINGERTIPS);
    const [row] = await db.all(`SELECT indicator_name, period_start::VARCHAR AS s, period_end::VARCHAR AS e FROM benchmarks WHERE indicator_id = '92443'`);
    expect(row).toEqual({ indicator_name: 'Smoking Prevalence in adults (18+) - current smokers (APS)', s: '2023-01-01', e: '2023-12-31' });
  });

  it('answers duplicate for the same file twice and changes nothing', async () => {
    await load('fingertips.csv', FINGERTIPS);
    const again = await load('again.csv', FINGERTIPS);
    expect(again.status).toBe('duplicate');
    expect((await db.all<{ n: number }>(`SELECT count(*)::INT AS n FROM benchmarks`))[0].n).toBe(18);
  });

  it('loads a newer download whose rows repeat an older one, rather than quarantining them', async () => {
    await load('fingertips.csv', FINGERTIPS);
    const newer = await load('newer.csv', Buffer.concat([FINGERTIPS, Buffer.from('93085,Smoking status at time of delivery,,,E92000001,England,England,Female,All ages,,,2025/26,5.8,5.7,5.9,,,,,,,,,20250000,,,1y\r\n')]));
    expect(newer).toMatchObject({ status: 'loaded', rowsLoaded: 19, rowsQuarantined: 1 });
  });
});

describe('the plain layout', () => {
  const HEADER = 'indicator,area_code,area_name,area_type,period,category_type,category,value,lower,upper,count,denominator,source';

  it('reads three-year, quarterly and dated periods, and quarantines an unreadable period or limits in the wrong order', async () => {
    const csv = [
      HEADER,
      'op-dna-rate,RXX,Peer Trust,Trust,2021/22 - 23/24,,,7.1,6.9,7.3,710,10000,Peer annual report',
      'op-dna-rate,RXX,Peer Trust,Trust,2024/25 Q3,,,6.8,6.5,7.1,340,5000,Peer annual report',
      'op-dna-rate,RXX,Peer Trust,Trust,2024-04-01 to 2025-03-31,,,6.5,6.3,6.7,650,10000,Peer annual report',
      'op-dna-rate,RXX,Peer Trust,Trust,2021 – 23,,,7.0,6.8,7.2,700,10000,Peer annual report',
      'op-dna-rate,RXX,Peer Trust,Trust,2024/26,,,6.5,6.3,6.7,650,10000,Peer annual report',
      'op-dna-rate,RYY,Other Trust,Trust,2024/25,,,6.5,6.7,6.3,650,10000,Peer annual report',
    ].join('\n');
    const summary = await load('plain.csv', csv);
    expect(summary).toMatchObject({ status: 'loaded', rowsLoaded: 4, rowsQuarantined: 2 });
    expect(summary.errors.map((e) => [e.row, e.column])).toEqual([[6, 'period'], [7, 'value']]);
    const rows = await db.all(`SELECT period, period_start::VARCHAR AS s, period_end::VARCHAR AS e FROM benchmarks ORDER BY source_row`);
    expect(rows).toEqual([
      { period: '2021/22 - 23/24', s: '2021-04-01', e: '2024-03-31' },
      { period: '2024/25 Q3', s: '2024-10-01', e: '2024-12-31' },
      { period: '2024-04-01 to 2025-03-31', s: '2024-04-01', e: '2025-03-31' },
      { period: '2021 - 23', s: '2021-01-01', e: '2023-12-31' },
    ]);
  });

  it('refuses a file without an area type, naming the column', async () => {
    const summary = await load('bad.csv', 'indicator,area_code,period,value\n93085,E92000001,2024/25,6.1\n');
    expect(summary.status).toBe('rejected');
    expect(summary.fileError).toContain('area_type');
  });
});
