// Wilson score intervals must equal PHEindicatormethods' wilson_lower/wilson_upper.
import { describe, expect, it } from 'vitest';
import { statsMessages, wilson } from '../../../metrics/statistics/index.ts';
import { expectClose } from './close.ts';

describe('wilson', () => {
  // docs/methods.md's examples (as proportions: multiplier 1).
  it('gives 0.552544433, 0.7363575176 for 65 of 100', () => {
    const w = wilson(65, 100, 95, 1);
    expectClose(w.lower, 0.5525444329688797);
    expectClose(w.upper, 0.7363575175690247);
    expect(w.lower).toBeCloseTo(0.552544433, 9);
    expect(w.upper).toBeCloseTo(0.7363575176, 10);
  });

  it('gives 0.1979554988, 0.2204913037 for 1045 of 5000', () => {
    const w = wilson(1045, 5000, 95, 1);
    expect(w.lower).toBeCloseTo(0.1979554988, 10);
    expect(w.upper).toBeCloseTo(0.2204913037, 10);
  });

  // PHEstatmethods' first testthat file (the package's predecessor; values from the APHO
  // Excel tool, 8 decimals): phe_proportion(35078, 41980) and (65, 100) at 95% and 99.8%.
  it.each([
    [35078, 41980, 95, 0.8320121, 0.83910324],
    [35078, 41980, 99.8, 0.8299219, 0.8411022],
    [65, 100, 99.8, 0.49549466, 0.77835406],
  ])('matches PHE for %s of %s at %s%%', (x, n, level, lower, upper) => {
    const w = wilson(x, n, level, 1);
    expect(w.lower).toBeCloseTo(lower, 8);
    expect(w.upper).toBeCloseTo(upper, 8);
  });

  it('reports a percentage by default and names its method', () => {
    expect(wilson(65, 100)).toMatchObject({ value: 65, method: 'Wilson' });
    expectClose(wilson(65, 100).lower, 55.25444329688797);
  });

  it('gives [0, upper] for 0 events and [lower, 100] when all are events', () => {
    expect(wilson(0, 20).lower).toBe(0);
    expect(wilson(20, 20).upper).toBe(100);
  });

  it('refuses negative or fractional counts, a zero denominator and x > n', () => {
    expect(() => wilson(-1, 10)).toThrow(RangeError);
    expect(() => wilson(1.5, 10)).toThrow(RangeError);
    expect(() => wilson(0, 0)).toThrow(RangeError);
    expect(() => wilson(11, 10)).toThrow(statsMessages.numeratorAboveDenominator(11, 10));
  });
});
