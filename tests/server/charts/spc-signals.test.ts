// A monthly series with planted special causes — one month far outside the limits, a shift of ten
// months that ends long before the latest month, and a seven-month rise — loaded through the
// CLI: the series API lists each signal, and the chart file and the board report say each one,
// never "no significant change".
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../../server/app.ts';
import { loadConfig } from '../../../server/config.ts';
import { Database } from '../../../db/database.ts';
import type { SeriesResult, SpcSignal } from '../../../core/contracts/results.ts';
import { signalPhrase } from '../../../core/text/spc-words.ts';
import { runCli } from '../../helpers/run-cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'parity-spc-'));
const dbPath = join(dir, 'parity.duckdb');
let app: FastifyInstance;
let db: Database;

const LSOA = { q1: 'E01000061', q5: 'E01000002' };
const MONTHS = 36; // April 2023 to March 2026
const PER_MONTH = 400;

/** Quintile 1's DNA percentage by month: ±3 around 15%, with the planted signals. */
function q1Percent(month: number): number {
  if (month === 3) return 40; // July 2023: far above the upper limit
  if (month >= 10 && month <= 19) return 21; // February to November 2024: a shift above the mean
  if (month >= 24 && month <= 30) return 12 + (month - 24); // April to October 2025: seven months rising
  return month % 2 ? 12 : 18;
}

function outpatients(): string {
  const rows = ['appointment_id,patient_id,appointment_date,treatment_function_code,attendance_status,first_attendance,age,sex,ethnic_category,lsoa_code,site_code'];
  let n = 0;
  for (let month = 0; month < MONTHS; month++) {
    const year = 2023 + Math.floor((month + 3) / 12);
    const mm = String(((month + 3) % 12) + 1).padStart(2, '0');
    const add = (dnas: number, lsoa: string) => {
      for (let i = 0; i < PER_MONTH; i++) {
        n++;
        rows.push(`A${n},P${n},${String((i % 28) + 1).padStart(2, '0')}/${mm}/${year},110,${i < dnas ? '3' : '5'},1,40,1,A,${lsoa},RRK02`);
      }
    };
    add(Math.round((q1Percent(month) / 100) * PER_MONTH), LSOA.q1);
    add(PER_MONTH / 10, LSOA.q5); // quintile 5: a steady 10%
  }
  return rows.join('\n') + '\n';
}

beforeAll(async () => {
  const file = join(dir, 'outpatients.csv');
  writeFileSync(file, outpatients());
  const result = await runCli(['ingest', file, '--dataset', 'outpatients', '--db', dbPath, '--json']);
  expect(JSON.parse(result.stdout)).toMatchObject({ status: 'loaded', rowsQuarantined: 0 });
  db = await Database.open(dbPath);
  app = await buildApp({ db, config: loadConfig({}, { dbPath }) });
}, 120_000);

afterAll(async () => {
  await app?.close();
  db?.close();
  rmSync(dir, { recursive: true, force: true });
});

const get = async (url: string) => {
  const response = await app.inject(url);
  expect(response.statusCode, response.body.slice(0, 300)).toBe(200);
  return response;
};
const planted = (signals: SpcSignal[]) => ({
  outside: signals.find((s) => s.rule === 'outside-limits' && s.from === '2023-07-01'),
  shift: signals.find((s) => s.rule === 'shift' && s.from <= '2024-02-01' && s.to >= '2024-11-01' && s.direction === 'high'),
  trend: signals.find((s) => s.rule === 'trend' && s.from <= '2025-04-01' && s.to >= '2025-10-01' && s.direction === 'high'),
});
/** HTML and SVG text with entities and tags out of the way. */
const plain = (s: string) => s.replace(/<[^>]+>/g, ' ').replace(/&#39;|&apos;/g, "'").replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/\s+/g, ' ');

describe('special causes over the window', () => {
  it('the series API lists every planted signal of the overall and the gap series, latest month common cause', async () => {
    const series = (await get('/api/metrics/op-dna-rate/series?by=imd_quintile&grain=month')).json() as SeriesResult;
    expect(series.overall.points).toHaveLength(MONTHS);
    for (const spc of [series.overall.spc!, series.gap!.spc!]) {
      expect(spc.variation).toBe('common-cause');
      const p = planted(spc.signals!);
      expect(p.outside, 'July 2023 outside the limits').toBeDefined();
      expect(p.shift, 'the shift of 2024').toBeDefined();
      expect(p.trend, 'the rise of 2025').toBeDefined();
      expect(p.shift!.kind).toBe('concern'); // more DNAs, and a wider gap, are worse
    }
  });

  it('the chart file and the board report name each signal and never say "no significant change"', async () => {
    const series = (await get('/api/metrics/op-dna-rate/series?by=imd_quintile&grain=month')).json() as SeriesResult;
    const svg = plain((await get('/api/charts/op-dna-rate.svg?chart=trend&by=imd_quintile')).body);
    const report = plain((await get('/reports/board?indicators=op-dna-rate&breakdowns=imd_quintile')).body);
    for (const text of [svg, report]) {
      expect(text).toContain('The gap shows common cause variation in the latest month; earlier,');
      for (const s of Object.values(planted(series.gap!.spc!.signals!))) expect(text).toContain(signalPhrase(s!));
      expect(text).not.toContain('no significant change');
    }
    // The summary table counts the indicator as "special cause earlier in the window", for the trust and the gap.
    expect(report).toContain('Trust overall: common cause in the latest point but special cause earlier in the window on one indicator');
    expect(report).toContain('Q1 − Q5 gap: common cause in the latest point but special cause earlier in the window on one indicator');
    expect(report).toMatch(/Earlier: was above the upper process limit, Jul 2023 \(concern\)/);
  });

  it('the overview counts the indicator among those with earlier signals and says how many had too few points', async () => {
    const overview = (await get('/api/overview')).json() as { tiles: { metric: { id: string }; gapVariation: string | null; gapSignals?: SpcSignal[] | null; gapSeries?: boolean }[] };
    const tile = overview.tiles.find((t) => t.metric.id === 'op-dna-rate')!;
    expect(tile.gapVariation).toBe('common-cause');
    const p = planted(tile.gapSignals ?? []);
    expect(p.outside && p.shift && p.trend).toBeTruthy();
    // Indicators without data here have no SPC: "too few points", not "common cause".
    expect(overview.tiles.filter((t) => t.gapSeries && t.gapVariation === null).length).toBeGreaterThan(0);
  });
});

describe('the completeness summary', () => {
  it('says the period it covers: the dataset\'s latest 12 months, to its latest record', async () => {
    const summary = (await get('/api/completeness/summary')).json() as { rows: { dataset: string; field: string; total: number; period?: { from: string; to: string } }[] };
    const row = summary.rows.find((r) => r.dataset === 'outpatients' && r.field === 'ethnicity')!;
    // The latest appointment is on 28 March 2026; the twelve months before it start on 29 March 2025.
    expect(row.period).toEqual({ from: '2025-03-29', to: '2026-03-28' });
    expect(row.total).toBe(12 * 2 * PER_MONTH);
  });
});
