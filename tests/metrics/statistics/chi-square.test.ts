// The chi-square quantile is what the exact Poisson limits are made of; it is written here (no
// dependency), so it is checked against R's qchisq in both tails and at several df.
import { describe, expect, it } from 'vitest';
import { chiSquareCdf, chiSquareQuantile, chiSquareUpperQuantile, gammaP, gammaQ } from '../../../metrics/statistics/index.ts';
import { expectClose } from './close.ts';

describe('chiSquareQuantile', () => {
  // Reference: R qchisq(p, df) (= scipy.stats.chi2.ppf), confirmed with mpmath at 40 digits.
  const cases: [number, number, number][] = [
    [0.025, 2, 0.050635615968579753654], // = −2 ln(0.975), closed form for df = 2
    [0.975, 2, 7.377758908227871],
    [0.025, 10, 3.2469727802368411248],
    [0.975, 12, 23.336664158645336385],
    [0.001, 2, 0.002001000667167068],
    [0.999, 20, 45.31474661812586],
    [0.5, 1, 0.454936423119572],
    [0.975, 1, 5.023886187314888],
    [0.025, 1, 0.0009820691171752560214],
    [0.95, 3.5, 8.665121760590482],
    [0.1, 100, 82.358135812357146181],
  ];
  it.each(cases)('qchisq(%s, df = %s) = %s', (p, df, expected) => {
    expectClose(chiSquareQuantile(p, df), expected, 1e-13);
  });

  it('inverts its own CDF', () => {
    for (const df of [1, 2, 7, 18]) for (const p of [0.001, 0.3, 0.9]) expectClose(chiSquareCdf(chiSquareQuantile(p, df), df), p, 1e-12);
  });

  it('is 0 with 0 degrees of freedom (the exact Poisson lower limit of 0 events)', () => {
    expect(chiSquareQuantile(0.025, 0)).toBe(0);
  });

  it('solves the upper tail directly, keeping precision for small α/2', () => {
    expectClose(chiSquareUpperQuantile(0.001, 2), -2 * Math.log(0.001), 1e-14);
  });

  it('refuses a probability outside [0, 1] or negative degrees of freedom', () => {
    expect(() => chiSquareQuantile(1.5, 2)).toThrow(RangeError);
    expect(() => chiSquareQuantile(0.5, -1)).toThrow(RangeError);
  });
});

describe('incomplete gamma', () => {
  it('P + Q = 1 on both sides of the series / continued-fraction switch', () => {
    for (const [a, x] of [[3, 1], [3, 10], [0.5, 0.2], [20, 25]]) expectClose(gammaP(a, x) + gammaQ(a, x), 1, 1e-14);
  });

  it('matches the Poisson sum for whole a: Q(3, 2) = e⁻²(1 + 2 + 2)', () => {
    expectClose(gammaQ(3, 2), Math.exp(-2) * 5, 1e-14);
  });
});
