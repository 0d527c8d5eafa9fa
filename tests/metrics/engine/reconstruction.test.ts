// The attacks of issue 14, on every one-way breakdown of every indicator of the sample trust
// (and a specialty's breakdowns, where the groups are small), as a reader of the public API
// would try them, with the true counts (the analyst view) to judge the attempt:
// 1. Reconstruction: every (numerator, denominator) within the rounding of the published counts
//    is tried against the published value and interval at full precision. No row may single
//    out its true counts unless they are the published counts themselves (then the value tells
//    nothing the counts do not).
// 2. Subtraction: every withheld row is bounded from the total and the other rows (each ±2);
//    none may be pinned or narrowed to fewer values than the rounding leaves (5).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATALOGUE } from '../../../metrics/catalogue/index.ts';
import { crudeRate, largestSmall, wilson } from '../../../metrics/statistics/index.ts';
import { sampleApp } from '../../helpers/sample-app.ts';

interface Row { group: string; group2?: string; numerator: number | null; denominator: number | null; value: number | null; lower: number | null; upper: number | null; method: string; suppressed: boolean; suppression?: string | null }
interface Result { rows: Row[]; overall: Row; level: number; metric: { multiplier: number; statistic: string }; disclosure: string }

const PROFILE = 'nhs-secondary-use';
const L = largestSmall(PROFILE);
let t: Awaited<ReturnType<typeof sampleApp>>;

beforeAll(async () => {
  t = await sampleApp(3000);
}, 120_000);
afterAll(async () => {
  await t?.close();
});

async function get(url: string): Promise<Result> {
  const res = await t.app.inject(url);
  expect(res.statusCode, url).toBe(200);
  return res.json();
}

/** Every request whose rows a reader can fetch: each indicator by each of its breakdowns, and outpatients in one specialty. */
function requests(): string[] {
  const urls: string[] = [];
  for (const m of CATALOGUE) for (const by of m.breakdowns) urls.push(`/api/metrics/${m.id}/breakdown?by=${by}`);
  for (const by of ['ethnic_category', 'ethnic_group', 'imd_quintile', 'sex', 'age_band']) urls.push(`/api/metrics/op-dna-rate/breakdown?by=${by}&specialty=170`);
  return urls;
}

const close = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

/** The counts a published count can stand for: ±2, never small, 0 only as 0. */
function range(shown: number): number[] {
  if (shown === 0) return [0];
  return [-2, -1, 0, 1, 2].map((d) => shown + d).filter((c) => c > L);
}

/** The (numerator, denominator) pairs within the rounding that give exactly the published value and interval. */
function consistentPairs(row: Row, result: Result): [number, number][] {
  const { multiplier } = result.metric;
  const pairs: [number, number][] = [];
  for (const x of range(row.numerator!)) {
    if (row.method === 'Wilson score') {
      for (const n of range(row.denominator!)) {
        if (x > n || n === 0) continue;
        const w = wilson(x, n, result.level, multiplier);
        if (close(w.value, row.value!) && close(w.lower, row.lower!) && close(w.upper, row.upper!)) pairs.push([x, n]);
      }
    } else {
      // A rate's person-years need not be whole: the value (or, with no events, the upper limit) gives them for each number of events.
      const n = x > 0 ? (x * multiplier) / row.value! : (crudeRate(0, 1, result.level, multiplier).upper / row.upper!);
      const r = crudeRate(x, n, result.level, multiplier);
      if (Math.abs(n - row.denominator!) <= 2.5 && close(r.lower, row.lower!) && close(r.upper, row.upper!)) pairs.push([x, n]);
    }
  }
  return pairs;
}

const key = (r: Row) => `${r.group}|${r.group2 ?? ''}`;

describe('what a reader can work out from the published figures of the sample trust', () => {
  const attempts: { url: string; published: Result; truth: Result }[] = [];

  beforeAll(async () => {
    for (const url of requests()) attempts.push({ url, published: await get(url), truth: await get(`${url}&view=unsuppressed`) });
  }, 300_000);

  it('covers every indicator and finds withheld rows to attack', () => {
    expect(new Set(attempts.map((a) => a.url.split('/')[3])).size).toBe(CATALOGUE.length);
    expect(attempts.every((a) => a.published.disclosure === PROFILE && a.truth.disclosure === 'none')).toBe(true);
    expect(attempts.some((a) => a.published.rows.some((r) => r.suppression === 'small'))).toBe(true);
    expect(attempts.some((a) => a.published.rows.some((r) => r.suppression === 'secondary'))).toBe(true);
  });

  it('no published row gives away its true counts through its value and interval', () => {
    const recovered: string[] = [];
    let tried = 0;
    for (const { url, published, truth } of attempts) {
      const truthOf = new Map([...truth.rows.map((r) => [key(r), r] as const), ['overall|', truth.overall]]);
      for (const row of [...published.rows, { ...published.overall, group: 'overall' }]) {
        if (row.suppressed || row.value === null || row.numerator === null || row.denominator === null) continue;
        if (row.method !== 'Wilson score' && row.method !== 'Exact' && row.method !== 'Byars') continue;
        tried++;
        const actual = truthOf.get(key(row))!;
        const pairs = consistentPairs(row, published);
        // The published value must be the published counts' own (else it carries more than they do).
        expect(pairs.length, `${url} ${key(row)}: the value is not that of the counts shown`).toBeGreaterThan(0);
        const pinned = pairs.length === 1 && pairs[0][0] === actual.numerator && Math.abs(pairs[0][1] - actual.denominator!) < 1e-6;
        const isPublished = actual.numerator === row.numerator && Math.abs(actual.denominator! - row.denominator!) < 1e-6;
        if (pinned && !isPublished) recovered.push(`${url} ${key(row)}: ${actual.numerator}/${actual.denominator}`);
      }
    }
    expect(tried).toBeGreaterThan(500);
    expect(recovered).toEqual([]);
  });

  it('no withheld row is recovered, or narrowed below the rounding, by subtracting the others from the total', () => {
    const exposed: string[] = [];
    for (const { url, published, truth } of attempts) {
      const withheld = published.rows.filter((r) => r.suppressed);
      if (withheld.length === 0 || published.overall.suppressed || published.rows.some((r) => r.group2)) continue;
      const truthOf = new Map(truth.rows.map((r) => [key(r), r] as const));
      const shown = published.rows.filter((r) => !r.suppressed);
      for (const target of withheld) {
        for (const field of ['numerator', 'denominator'] as const) {
          if (field === 'denominator' && published.metric.statistic !== 'percentage') continue; // person-years need not add up
          if (published.overall[field] === null || shown.some((r) => r[field] === null)) continue;
          const lowOf = (r: Row) => (r[field] === 0 ? 0 : r[field]! - 2);
          const highOf = (r: Row) => (r[field] === 0 ? 0 : r[field]! + 2);
          // What the reader knows of the other withheld rows: not small if secondary (credited with knowing a 0), else ≥ 0.
          const others = withheld.filter((r) => r !== target).map((r) => (r.suppression === 'secondary' && truthOf.get(key(r))![field] !== 0 ? L + 1 : 0));
          const high = highOf(published.overall) - shown.reduce((s, r) => s + lowOf(r), 0) - others.reduce((s, v) => s + v, 0);
          const low = lowOf(published.overall) - shown.reduce((s, r) => s + highOf(r), 0) - (others.length ? Infinity : 0);
          const prior: [number, number] = target.suppression === 'small' && field === 'numerator' && published.metric.statistic === 'percentage' ? [0, L] : [0, Infinity];
          const [lo, hi] = [Math.max(low, prior[0]), Math.min(high, prior[1])];
          const actual = truthOf.get(key(target))![field]!;
          expect(actual, `${url} ${key(target)} ${field}: the true count lies outside what the reader can deduce`).toBeGreaterThanOrEqual(lo);
          expect(actual).toBeLessThanOrEqual(hi);
          if (hi - lo + 1 < 5) exposed.push(`${url} ${key(target)} ${field}: ${lo}–${hi} (true ${actual})`);
        }
      }
    }
    expect(exposed).toEqual([]);
  });
});
