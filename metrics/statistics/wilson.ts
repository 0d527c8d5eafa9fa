// Wilson score interval for a proportion, as PHEindicatormethods' wilson_lower/wilson_upper:
//   (2x + z² ∓ z·√(z² + 4x(1 − x/n))) / (2(n + z²)), times the multiplier.
import type { Estimate } from './types.ts';
import { statsMessages as m } from './messages.ts';
import { zFor } from './normal.ts';
import { count, positive } from './validate.ts';

/** x of n as a proportion × multiplier (100 for a percentage) with its Wilson score interval. */
export function wilson(x: number, n: number, level = 95, multiplier = 100): Estimate {
  count('The numerator', x);
  count('The denominator', n);
  positive('The denominator', n);
  positive('The multiplier', multiplier);
  if (x > n) throw new RangeError(m.numeratorAboveDenominator(x, n));
  const z = zFor(level);
  const z2 = z * z;
  const root = z * Math.sqrt(z2 + 4 * x * (1 - x / n));
  const denominator = 2 * (n + z2);
  return {
    value: (x / n) * multiplier,
    // Clamp the rounding dust at x = 0 and x = n: the exact limits there are 0 and 1.
    lower: x === 0 ? 0 : ((2 * x + z2 - root) / denominator) * multiplier,
    upper: x === n ? multiplier : ((2 * x + z2 + root) / denominator) * multiplier,
    method: 'Wilson',
  };
}
