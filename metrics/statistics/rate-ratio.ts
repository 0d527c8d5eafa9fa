// Ratio of a group's rate or proportion to a reference group's, with a confidence interval on
// the log scale (Katz log method for risk ratios; Poisson counts for rate ratios):
//   rate ratio  (x₁/n₁)/(x₂/n₂), SE(ln) = √(1/x₁ + 1/x₂)
//   risk ratio  (x₁/n₁)/(x₂/n₂), SE(ln) = √(1/x₁ − 1/n₁ + 1/x₂ − 1/n₂)
import type { Estimate } from './types.ts';
import { statsMessages as m } from './messages.ts';
import { zFor } from './normal.ts';
import { count, positive } from './validate.ts';

export function rateRatio(x1: number, n1: number, x2: number, n2: number, kind: 'proportion' | 'rate', level = 95): Estimate {
  count('The group numerator', x1);
  count('The reference numerator', x2);
  if (kind === 'proportion') {
    count('The group denominator', n1);
    count('The reference denominator', n2);
  }
  positive('The group denominator', n1);
  positive('The reference denominator', n2);
  if (kind === 'proportion' && x1 > n1) throw new RangeError(m.numeratorAboveDenominator(x1, n1));
  if (kind === 'proportion' && x2 > n2) throw new RangeError(m.numeratorAboveDenominator(x2, n2));
  if (x1 === 0) throw new RangeError(m.noEvents('compared'));
  if (x2 === 0) throw new RangeError(m.noEvents('reference'));
  const value = x1 / n1 / (x2 / n2);
  const variance = kind === 'rate' ? 1 / x1 + 1 / x2 : 1 / x1 - 1 / n1 + 1 / x2 - 1 / n2;
  const margin = zFor(level) * Math.sqrt(variance);
  return {
    value,
    lower: value * Math.exp(-margin),
    upper: value * Math.exp(margin),
    method: kind === 'rate' ? 'Rate ratio (log)' : 'Risk ratio (log)',
  };
}
