// Crude rates as PHEindicatormethods' phe_rate: exact Poisson limits below 10 events, Byar's
// from 10. The closed forms are compared with mpmath evaluations at 40 digits.
import { describe, expect, it } from 'vitest';
import { byarsLower, byarsUpper, crudeRate, exactPoissonLower, exactPoissonUpper, zFor } from '../../../metrics/statistics/index.ts';
import { expectClose } from './close.ts';

describe('crudeRate', () => {
  it('uses Byar\'s from 10 events: 20 per 100 → 20000 (12211.42883, 30889.88037) per 100,000', () => {
    const r = crudeRate(20, 100);
    expect(r).toMatchObject({ value: 20000, method: 'Byars' });
    expect(r.lower).toBeCloseTo(12211.42883, 5);
    expect(r.upper).toBeCloseTo(30889.88037, 5);
  });

  it('uses exact limits below 10: 5 per 100 → 5000 (1623.48639, 11668.33208)', () => {
    const r = crudeRate(5, 100);
    expect(r).toMatchObject({ value: 5000, method: 'Exact' });
    expect(r.lower).toBeCloseTo(1623.48639, 5);
    expect(r.upper).toBeCloseTo(11668.33208, 5);
  });

  it('switches method exactly at 10 events', () => {
    expect(crudeRate(9, 1000).method).toBe('Exact');
    expect(crudeRate(10, 1000).method).toBe('Byars');
  });

  it('gives a lower limit of 0 and an upper of −ln(α/2) for 0 events', () => {
    const r = crudeRate(0, 1, 95, 1);
    expect(r.lower).toBe(0);
    expectClose(r.upper, -Math.log(0.025), 1e-14);
  });

  it('accepts person-years but refuses fractional or negative events and a zero denominator', () => {
    expect(crudeRate(3, 812.5).value).toBeCloseTo((3 / 812.5) * 100000, 9);
    expect(() => crudeRate(2.5, 100)).toThrow(RangeError);
    expect(() => crudeRate(-1, 100)).toThrow(RangeError);
    expect(() => crudeRate(1, 0)).toThrow(RangeError);
  });
});

describe('exact Poisson limits (count scale)', () => {
  // mpmath: root of the regularised gamma P(x, L) = α/2 and Q(x + 1, U) = α/2, 40 digits.
  it.each([
    [1, 0.025317807984289875, 5.5716433909388986],
    [2, 0.2422092785439649, 7.2246876677239608],
    [5, 1.6234863901184205, 11.66833207932267],
    [9, 4.1153730973783324, 17.08480345141917],
  ])('%s events at 95%%: %s to %s', (x, lower, upper) => {
    expectClose(exactPoissonLower(x, 95), lower, 1e-12);
    expectClose(exactPoissonUpper(x, 95), upper, 1e-12);
  });

  it('has closed forms at 99.8% for 0 and 1 events: U(0) = −ln 0.001, L(1) = −ln 0.999', () => {
    expectClose(exactPoissonUpper(0, 99.8), -Math.log(0.001), 1e-14);
    expectClose(exactPoissonLower(1, 99.8), -Math.log1p(-0.001), 1e-14);
  });
});

describe("Byar's limits (count scale)", () => {
  // x = 65, 1045, 10 are the cases of PHEindicatormethods' testByars.R; values by mpmath.
  it.each([
    [65, 95, 50.163187710459442, 82.849138545939859],
    [1045, 95, 982.59320180733268, 1110.3312129856498],
    [65, 99.8, 42.880261471480197, 94.000290844318],
    [1045, 99.8, 947.94070356103748, 1148.8061609880327],
    [10, 99.8, 2.9163183746956851, 24.193724927880539],
  ])('%s events at %s%%', (x, level, lower, upper) => {
    expectClose(byarsLower(x, zFor(level)), lower);
    expectClose(byarsUpper(x, zFor(level)), upper);
  });

  it('never goes below 0 where the approximation breaks down (1 event at 99.8%)', () => {
    expect(byarsLower(1, zFor(99.8))).toBe(0);
    expect(byarsLower(0, zFor(95))).toBe(0);
  });
});
