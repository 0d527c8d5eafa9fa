// Confidence limits for a count of events, as PHEindicatormethods' phe_rate: exact Poisson limits
// (via chi-square quantiles) below 10 events, Byar's approximation from 10.
import type { Estimate } from './types.ts';
import { chiSquareQuantile, chiSquareUpperQuantile } from './chi-square.ts';
import { zFor } from './normal.ts';
import { count, finite, halfAlpha, positive } from './validate.ts';

/** Events below which crude rates use exact Poisson limits. */
export const EXACT_BELOW = 10;

/**
 * Byar's lower limit on the count scale: x(1 − 1/(9x) − z/(3√x))³. Defined as 0 at x = 0, and
 * clamped at 0 where the approximation goes negative (tiny x with a large z), where
 * PHEindicatormethods returns NA; Parity only uses Byar's from 10 events.
 */
export function byarsLower(x: number, z: number): number {
  count('The number of events', x);
  finite('z', z);
  if (x === 0) return 0;
  return Math.max(0, x * (1 - 1 / (9 * x) - z / (3 * Math.sqrt(x))) ** 3);
}

/** Byar's upper limit on the count scale: (x+1)(1 − 1/(9(x+1)) + z/(3√(x+1)))³. */
export function byarsUpper(x: number, z: number): number {
  count('The number of events', x);
  finite('z', z);
  const x1 = x + 1;
  return x1 * (1 - 1 / (9 * x1) + z / (3 * Math.sqrt(x1))) ** 3;
}

/** Exact lower limit on the count scale: χ²⁻¹(α/2; 2x)/2, 0 when x = 0. */
export function exactPoissonLower(x: number, level: number): number {
  count('The number of events', x);
  return chiSquareQuantile(halfAlpha(level), 2 * x) / 2;
}

/** Exact upper limit on the count scale: χ²⁻¹(1 − α/2; 2x + 2)/2. */
export function exactPoissonUpper(x: number, level: number): number {
  count('The number of events', x);
  return chiSquareUpperQuantile(halfAlpha(level), 2 * x + 2) / 2;
}

/** x events in n (person-years or population) as a rate per `multiplier`, with its interval. */
export function crudeRate(x: number, n: number, level = 95, multiplier = 100000): Estimate {
  count('The number of events', x);
  positive('The denominator', n);
  positive('The multiplier', multiplier);
  const scale = multiplier / n;
  if (x < EXACT_BELOW) {
    return { value: x * scale, lower: exactPoissonLower(x, level) * scale, upper: exactPoissonUpper(x, level) * scale, method: 'Exact' };
  }
  const z = zFor(level);
  return { value: x * scale, lower: byarsLower(x, z) * scale, upper: byarsUpper(x, z) * scale, method: 'Byars' };
}
