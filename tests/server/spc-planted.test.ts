// A&E extracts with planted Making Data Count signals (tests/fixtures/spc-planted/generate.ts),
// loaded through the CLI and read under the default disclosure profile, where SPC runs on the
// counts as published (rounded to 5): with hundreds of attendances a month the series API, the
// chart file, the board report and the overview name each planted signal; with about a dozen a
// month rounding swamps the variation, and every one of them says SPC cannot tell rather than
// "no significant change".
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/app.ts';
import { loadConfig } from '../../server/config.ts';
import { Database } from '../../db/database.ts';
import type { SeriesResult, Spc, SpcSignal, Tile } from '../../core/contracts/results.ts';
import { rollupSentence, signalPhrase, spcRollup } from '../../core/text/spc-words.ts';
import { MONTHS, PLANTED, writeAeExtract } from '../fixtures/spc-planted/generate.ts';
import { runCli } from '../helpers/run-cli.ts';

const METRIC = 'ae-4-hour';
const SERIES = `/api/metrics/${METRIC}/series?by=imd_quintile&grain=month`;
const CHART = `/api/charts/${METRIC}.svg?chart=trend&by=imd_quintile`;
const REPORT = `/reports/board?indicators=${METRIC}&breakdowns=imd_quintile`;

/** A trust loaded through `parity ingest`, served with the default profile (nothing overridden). */
async function trust(scale: number) {
  const dir = mkdtempSync(join(tmpdir(), 'parity-planted-'));
  const dbPath = join(dir, 'parity.duckdb');
  const file = writeAeExtract(join(dir, 'ae.csv'), scale);
  const result = await runCli(['ingest', file, '--dataset', 'ae_attendances', '--db', dbPath, '--json']);
  expect(JSON.parse(result.stdout)).toMatchObject({ status: 'loaded', rowsQuarantined: 0 });
  const db = await Database.open(dbPath);
  const app: FastifyInstance = await buildApp({ db, config: loadConfig({}, { dbPath }) });
  const get = async (url: string) => {
    const response = await app.inject(url);
    expect(response.statusCode, response.body.slice(0, 300)).toBe(200);
    return response;
  };
  const close = async () => {
    await app.close();
    db.close();
    rmSync(dir, { recursive: true, force: true });
  };
  return { get, close };
}

/** HTML and SVG text as a reader sees it: tags and entities out of the way. */
const plain = (s: string) => s.replace(/<[^>]+>/g, ' ').replace(/&#39;|&apos;/g, "'").replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/\s+/g, ' ');

/** The planted signal of each rule among a series' signals, if it is there with its months and direction. */
function found(signals: SpcSignal[]) {
  const match = (rule: SpcSignal['rule'], p: { from: string; to: string; direction: string }) =>
    signals.find((s) => s.rule === rule && s.from === p.from && s.to === p.to && s.direction === p.direction);
  return { outside: match('outside-limits', PLANTED.outside), shift: match('shift', PLANTED.shift), trend: match('trend', PLANTED.trend) };
}

describe('planted signals in hundreds of attendances a month, rounded to 5', () => {
  let t: Awaited<ReturnType<typeof trust>>;
  beforeAll(async () => {
    t = await trust(400);
  }, 120_000);
  afterAll(async () => t?.close());

  it('the series API lists each planted signal of the Q1 − Q5 gap with its months and direction, the latest month common cause', async () => {
    const series = (await t.get(SERIES)).json() as SeriesResult;
    expect(series.disclosure).toBe('nhs-secondary-use');
    expect(series.overall.points).toHaveLength(MONTHS);
    // Counts as published: every one a multiple of 5.
    for (const g of series.groups) for (const p of g.points) expect([p.numerator! % 5, p.denominator! % 5]).toEqual([0, 0]);
    const spc = series.gap!.spc!;
    expect(spc.coarse ?? null).toBeNull();
    expect(spc.variation).toBe('common-cause');
    const p = found(spc.signals!);
    // Higher is better for the 4-hour share, so a gap moving below zero is a concern.
    expect(p.outside).toMatchObject({ points: 1, kind: 'concern' });
    expect(p.shift).toMatchObject({ points: 9, kind: 'improvement' });
    expect(p.trend).toMatchObject({ points: 8, kind: 'concern' });
    expect(spc.signals).toHaveLength(3);
    // The trust overall carries quintile 1's jump and shift too (its trend is diluted by quintile 5's months).
    const overall = found(series.overall.spc!.signals!);
    expect(overall.outside && overall.shift).toBeTruthy();
  });

  it('the chart file says each signal in its sentence and never "no significant change"', async () => {
    const spc = ((await t.get(SERIES)).json() as SeriesResult).gap!.spc!;
    const svg = plain((await t.get(CHART)).body);
    expect(svg).toContain('The gap shows common cause variation in the latest month; earlier, ');
    expect(svg).toContain('August 2023 was below the lower process limit — special cause, concern');
    expect(svg).toContain('nine months from February 2024 to October 2024 ran above the mean — special cause, improvement');
    expect(svg).toContain('eight months from May 2025 to December 2025 fell one after another — special cause, concern');
    for (const s of spc.signals!) expect(svg).toContain(signalPhrase(s));
    expect(svg).not.toContain('no significant change');
  });

  it('the board report says each signal under the gap chart, lists them on page one and counts the indicator in its roll-up', async () => {
    const spc = ((await t.get(SERIES)).json() as SeriesResult).gap!.spc!;
    const report = plain((await t.get(REPORT)).body);
    for (const s of spc.signals!) expect(report).toContain(signalPhrase(s));
    expect(report).not.toMatch(/no significant change/i);
    // The methods say how the figures were made: from the rounded counts.
    expect(report).toContain('Values and intervals come from the rounded counts');
    expect(report).not.toContain('from the true counts');
    expect(report).toContain('Q1 − Q5 gap: common cause in the latest point but special cause earlier in the window on one indicator (A&E attendances completed within 4 hours).');
    // Page one: where the gap went — the latest signal is the falling trend, away from zero.
    expect(report).toMatch(/Widening ?: around a mean of −1\d\.\d percentage points, Apr 2023–Mar 2026, the gap 1 earlier signal \(see the chart\), then ran above the mean, Feb 2024 to Oct 2024 \(improvement\); fell one after another, May 2025 to Dec 2025 \(concern\)/);
  });

  it('the overview tile carries the signals, and "At a glance" counts the indicator among those with earlier signals', async () => {
    const tiles = ((await t.get('/api/overview')).json() as { tiles: Tile[] }).tiles;
    const tile = tiles.find((x) => x.metric.id === METRIC)!;
    expect(tile.gapVariation).toBe('common-cause');
    expect(tile.gapCoarse ?? null).toBeNull();
    const p = found(tile.gapSignals ?? []);
    expect(p.outside && p.shift && p.trend).toBeTruthy();
    // The page counts with the same function as the reports (web/src/pages/OverviewPage.tsx).
    const withGap = tiles.filter((x) => x.gapSeries !== false);
    const rollup = spcRollup(withGap.map((x) => ({ title: x.metric.title, spc: x.gapVariation === null ? null : { variation: x.gapVariation, signals: x.gapSignals ?? [], coarse: x.gapCoarse ?? null } })));
    expect(rollup.earlier).toEqual(['A&E attendances completed within 4 hours']);
    expect(rollup.common).toEqual([]);
    // Indicators with no A&E data here have no SPC: counted as too few points, never as common cause.
    expect(rollup.tooFew.length).toBe(withGap.length - 1);
  });
});

describe('the same signals in about a dozen attendances a month, rounded to 5', () => {
  let t: Awaited<ReturnType<typeof trust>>;
  let series: SeriesResult;
  beforeAll(async () => {
    t = await trust(12);
    series = (await t.get(SERIES)).json() as SeriesResult;
  }, 120_000);
  afterAll(async () => t?.close());

  const coarse = (spc: Spc | null | undefined) => spc?.coarse ?? null;

  it('the series API marks both series too coarse: rounding alone moves a month about as much as it varies', () => {
    expect(coarse(series.gap!.spc)).toBeGreaterThanOrEqual(0.75 * series.gap!.spc!.averageMovingRange!);
    expect(coarse(series.overall.spc)).toBeGreaterThanOrEqual(0.75 * series.overall.spc!.averageMovingRange!);
  });

  it('the chart file and the board report say SPC cannot tell, never "no significant change"', async () => {
    const svg = plain((await t.get(CHART)).body);
    const report = plain((await t.get(REPORT)).body);
    for (const text of [svg, report]) {
      expect(text).toMatch(/The gap cannot be read for special causes: its counts are rounded to 5 before SPC, and rounding alone can move a month's value by ±\d+\.\d percentage points/);
      expect(text).not.toMatch(/no significant change/i);
      expect(text).not.toContain('shows only common cause variation');
    }
    expect(report).toContain('Q1 − Q5 gap: on one indicator the counts are too small for SPC to tell (A&E attendances completed within 4 hours).');
    expect(report).toMatch(/Counts too small to tell ?: rounding the counts to 5 moves the gap as much as it varies, so no direction is claimed/);
    // Page one shows no variation icon to read for the trust overall, only why.
    expect(report).toMatch(/SPC cannot tell .{0,40}Counts too small for SPC to tell: rounding to 5 moves the points as much as they vary\./);
    expect(report).not.toContain('Common cause');
  });

  it('the overview tile says so, and the roll-up counts it apart from signals and common cause', async () => {
    const tiles = ((await t.get('/api/overview')).json() as { tiles: Tile[] }).tiles;
    const tile = tiles.find((x) => x.metric.id === METRIC)!;
    expect(tile.gapCoarse).toBe(coarse(series.gap!.spc));
    const items = [{ title: tile.metric.title, spc: { variation: tile.gapVariation, signals: tile.gapSignals ?? [], coarse: tile.gapCoarse ?? null } }];
    expect(rollupSentence(items, 'The monthly gap')).toBe('The monthly gap: on one indicator the counts are too small for SPC to tell (A&E attendances completed within 4 hours).');
  });
});
