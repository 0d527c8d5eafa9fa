// XmR charts as NHS England's Making Data Count: limits checked against docs/methods.md and the
// NHSRplotthedots snapshot tests; the rules against NHSRplotthedots' ptd_calculate_point_type.
import { describe, expect, it } from 'vitest';
import { statsMessages, xmr, type SpcResult } from '../../../metrics/statistics/index.ts';
import { shiftFlags, trendFlags, twoOfThreeFlags } from '../../../metrics/statistics/spc-rules.ts';
import { expectClose } from './close.ts';

const chart = (values: number[], options?: Parameters<typeof xmr>[1]): SpcResult => {
  const r = xmr(values, options);
  if (r === null) throw new Error('expected a chart');
  return r;
};
const signals = (r: SpcResult) => r.points.map((p) => p.signal);

// R: set.seed(123); rnorm(20) — the series of NHSRplotthedots' test-ptd_spc_standard.R.
const rnorm20 = [-0.56047565, -0.23017749, 1.55870831, 0.07050839, 0.12928774, 1.71506499, 0.46091621, -1.26506123,
  -0.68685285, -0.44566197, 1.2240818, 0.35981383, 0.40077145, 0.11068272, -0.55584113, 1.78691314, 0.49785048,
  -1.96661716, 0.7013559, -0.47279141];

describe('xmr limits', () => {
  it('reproduces docs/methods.md: mean 1.944444, limits −3.062614 and 6.951503, point 5 above', () => {
    const r = chart([1, 2, 1, 2, 10, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1]);
    expect(r.mean).toBeCloseTo(1.944444, 6);
    expect(r.lower).toBeCloseTo(-3.062614, 6);
    expect(r.upper).toBeCloseTo(6.951503, 6);
    expect(r.points[4]).toMatchObject({ index: 4, value: 10, signal: 'outside-limits' });
    expect(signals(r).filter(Boolean)).toHaveLength(1);
    expect(r.variation).toBe('common-cause');
  });

  // NHSRplotthedots tests/testthat/_snaps/ptd_spc_standard.md (glimpse prints 7 digits).
  it.each([
    ['r1, screened', false, true, 0.1416238, -3.01138, 3.294627],
    ['r2, point 15 = 10, screened', true, true, 0.6694159, -2.383666, 3.722497],
    ['r3, point 15 = 10, not screened', true, false, 0.6694159, -4.596625, 5.935457],
  ])('matches the NHSRplotthedots snapshot %s', (_name, outlier, screening, mean, lower, upper) => {
    const y = rnorm20.slice();
    if (outlier) y[14] = 10;
    const r = chart(y, { screening });
    expectClose(r.mean, mean, 1e-6);
    expectClose(r.lower, lower, 1e-6);
    expectClose(r.upper, upper, 1e-6);
  });

  it('puts the near-limit band at two thirds of the limits (NHSRplotthedots\' 2 × 2.66/3)', () => {
    const r = chart(rnorm20);
    expectClose(r.nearUpper - r.mean, ((r.upper - r.mean) * 2) / 3, 1e-12);
    expectClose(r.averageMovingRange, (r.upper - r.mean) / 2.66, 1e-12);
  });

  it('draws no chart below 12 points and warns below 15', () => {
    expect(xmr(rnorm20.slice(0, 11))).toBeNull();
    expect(chart(rnorm20.slice(0, 12)).warning).toBe(statsMessages.spcShortSeries(12));
    expect(chart(rnorm20.slice(0, 15)).warning).toBeNull();
  });

  it('refuses a series with a missing value', () => {
    expect(() => xmr([...rnorm20.slice(0, 12), Number.NaN])).toThrow(RangeError);
  });
});

describe('xmr special-cause rules', () => {
  const alt = (n: number, a: number, b: number) => Array.from({ length: n }, (_, i) => (i % 2 ? b : a));

  it('flags all 7 points of a rising run; a repeated value breaks the run', () => {
    const rising = chart([...alt(10, 0, 4), 1, 1.5, 2, 2.5, 3, 3.5, 4, 0, 4, 0]);
    expect(signals(rising)).toEqual([...Array(10).fill(null), ...Array(7).fill('trend'), null, null, null]);
    const tied = chart([...alt(10, 0, 4), 1, 1.5, 2, 2, 3, 3.5, 4, 0, 4, 0]);
    expect(signals(tied).every((s) => s === null)).toBe(true);
  });

  it('flags every point of a run of 7 or more on one side of the mean', () => {
    const r = chart([...alt(8, 0, 4), 2.5, 3, 2.5, 3, 2.5, 3, 2.5, 3]); // mean 2.375
    expect(signals(r)).toEqual([...Array(7).fill(null), ...Array(9).fill('shift')]);
  });

  it('flags 2 of 3 points beyond the near-limit band on one side, not the point between', () => {
    const r = chart([...alt(16, 2, 3), 5, 3, 5, 2]);
    expect(r.points[16].value).toBeGreaterThan(r.nearUpper);
    expect(r.points[16].value).toBeLessThan(r.upper);
    expect(signals(r).slice(15)).toEqual([null, 'two-of-three', null, 'two-of-three', null]);
  });

  it('needs the third point of a 2-of-3 on the same side (NHSRplotthedots test)', () => {
    const y = alt(16, 1, -1);
    y[14] = 5.5;
    y[15] = -5.5;
    expect(signals(chart(y)).slice(-2)).toEqual([null, null]);
  });

  it('reports the highest-priority signal of a point: outside limits before trend', () => {
    const r = chart([...alt(10, 0, 4), 1, 1.5, 2, 2.5, 3, 3.5, 20, 0, 4, 0]);
    expect(signals(r).slice(10, 17)).toEqual([...Array(6).fill('trend'), 'outside-limits']);
  });
});

// The unit vectors of NHSRplotthedots' test-ptd_calculate_point_type.R, on the rule functions.
describe('spc rule functions', () => {
  it('trend: 1:7 flags all seven, c(1:3, 3:6) none, c(2, 1:7, 3) the seven in the middle', () => {
    expect(trendFlags([1, 2, 3, 4, 5, 6]).flags).toEqual(Array(6).fill(false));
    expect(trendFlags([1, 2, 3, 4, 5, 6, 7]).flags).toEqual(Array(7).fill(true));
    expect(trendFlags([1, 2, 3, 3, 4, 5, 6]).flags).toEqual(Array(7).fill(false));
    expect(trendFlags([2, 1, 2, 3, 4, 5, 6, 7, 3]).flags).toEqual([false, ...Array(7).fill(true), false]);
    expect(trendFlags([2, 7, 6, 5, 4, 3, 2, 1, 3]).direction).toEqual([0, ...Array(7).fill(-1), 0]);
  });

  it('shift: 8 on one side then a change flags the 8; 6 is too few; a point on the mean breaks it', () => {
    expect(shiftFlags([1, 1, 1, 1, 1, 1, 1, 1, -1])).toEqual([...Array(8).fill(true), false]);
    expect(shiftFlags([1, 1, 1, 1, 1, 1, -1])).toEqual(Array(7).fill(false));
    expect(shiftFlags([1, 1, 1, 0, 1, 1, 1, 1])).toEqual(Array(8).fill(false));
  });

  it('two of three: c(0, 0, 1, 0, 1, 0, 0) flags the two; c(1, 0, 0, 1) flags none', () => {
    const near = (v: number[]) => v.map(Boolean);
    expect(twoOfThreeFlags(near([0, 0, 1, 0, 1, 0, 0]), Array(7).fill(1))).toEqual([false, false, true, false, true, false, false]);
    expect(twoOfThreeFlags(near([0, 0, 1, 1, 0, 0, 0]), Array(7).fill(-1))).toEqual([false, false, true, true, false, false, false]);
    expect(twoOfThreeFlags(near([1, 0, 0, 1]), Array(4).fill(1))).toEqual(Array(4).fill(false));
  });
});

describe('xmr icons', () => {
  const shiftUp = [4, 5, 4, 5, 4, 5, 4, 5, 8, 9, 8, 9, 8, 9, 8, 9];

  it('calls a shift above the mean improvement when higher is better, concern when lower is', () => {
    expect(chart(shiftUp, { polarity: 'higher' })).toMatchObject({ variation: 'special-cause-improvement-high' });
    expect(chart(shiftUp, { polarity: 'lower' })).toMatchObject({ variation: 'special-cause-concern-high' });
    expect(chart(shiftUp, { polarity: 'context' }).points[15].kind).toBe('neither');
    expect(chart(shiftUp.map((v) => -v), { polarity: 'higher' }).variation).toBe('special-cause-concern-low');
  });

  it('gives common cause when the last point has no signal, whatever came before', () => {
    const r = chart([1, 2, 1, 2, 10, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1], { polarity: 'higher' });
    expect(r.points[4].kind).toBe('improvement');
    expect(r.variation).toBe('common-cause');
  });

  // Limits of the alternating series 10, 12, …: mean 11 ± 2.66 × 2 = 5.68 to 16.32. The cases
  // mirror NHSRplotthedots' test-ptd_calculate_assurance_type.R.
  const alternating = Array.from({ length: 16 }, (_, i) => (i % 2 ? 12 : 10));
  it.each([
    ['higher', 5, 'pass'],
    ['higher', 17, 'fail'],
    ['higher', 11, 'inconsistent'],
    ['lower', 17, 'pass'],
    ['lower', 5, 'fail'],
    ['lower', 11, 'inconsistent'],
  ] as const)('polarity %s, target %s → %s', (polarity, target, assurance) => {
    expect(chart(alternating, { polarity, target })).toMatchObject({ assurance, target });
  });

  it('passes a target exactly at the lower limit when higher is better (the process always meets it)', () => {
    const r = chart(alternating);
    expect(chart(alternating, { polarity: 'higher', target: r.lower }).assurance).toBe('pass');
  });

  it('gives no assurance icon without a target or for a context indicator', () => {
    expect(chart(alternating, { polarity: 'higher' }).assurance).toBeNull();
    expect(chart(alternating, { polarity: 'context', target: 5 }).assurance).toBeNull();
  });
});

describe('xmr on rounded counts', () => {
  // Alternating 10 and 12: average moving range 2.
  const y = Array.from({ length: 20 }, (_, i) => (i % 2 ? 12 : 10));

  it('is too coarse to read when rounding alone can move a typical point by ¾ of the average moving range', () => {
    expect(xmr(y, { rounding: y.map(() => 1.5) })!.coarse).toBe(1.5);
    // The median decides: a few coarse months do not make the series coarse.
    expect(xmr(y, { rounding: y.map((_, i) => (i < 9 ? 5 : 1.4)) })!.coarse).toBeNull();
  });

  it('reads a series whose rounding is small beside its variation, or that is not rounded', () => {
    expect(xmr(y, { rounding: y.map(() => 1.49) })!.coarse).toBeNull();
    expect(xmr(y, { rounding: y.map(() => 0) })!.coarse).toBeNull();
    expect(xmr(y)!.coarse).toBeNull();
  });

  it('calls a flat series of rounded points coarse: rounding may hide all its movement', () => {
    expect(xmr(y.map(() => 50), { rounding: y.map(() => 2) })!.coarse).toBe(2);
  });

  it('needs one rounding reach per point', () => {
    expect(() => xmr(y, { rounding: [1, 2] })).toThrow(statsMessages.spcRoundingLength(2, 20));
  });
});
