// z values feed every interval: they must be R's qnorm to the last digits, never 1.96.
import { describe, expect, it } from 'vitest';
import { normalQuantile, statsMessages, zFor } from '../../../metrics/statistics/index.ts';
import { expectClose } from './close.ts';

describe('zFor', () => {
  it('gives 1.959963984540054 at 95% (R: qnorm(0.975)) within 1e-15', () => {
    expect(Math.abs(zFor(95) - 1.959963984540054)).toBeLessThan(1e-15);
  });

  it('gives 3.090232306167813 at 99.8% (R: qnorm(0.999))', () => {
    expect(Math.abs(zFor(99.8) - 3.090232306167813)).toBeLessThan(2e-15);
  });

  it('refuses levels that are not percentages strictly between 0 and 100', () => {
    for (const bad of [0, 100, -5, 120, Number.NaN]) expect(() => zFor(bad)).toThrow(RangeError);
    expect(() => zFor(100)).toThrow(statsMessages.level(100));
  });
});

describe('normalQuantile', () => {
  // Reference: Φ⁻¹ evaluated with mpmath at 50 digits (√2·erfinv(2p − 1)), rounded to 17.
  const cases: [number, number][] = [
    [1e-20, -9.2623400897984076],
    [1e-10, -6.3613409024040562],
    [0.01, -2.3263478740408411],
    [0.07, -1.4757910281791707],
    [0.2, -0.84162123357291421],
    [0.6, 0.2533471031357998],
    [0.999, 3.0902323061678135],
  ];
  it.each(cases)('Φ⁻¹(%s) = %s to 1e-14 in all three regions of AS241', (p, expected) => {
    expectClose(normalQuantile(p), expected, 1e-14);
  });

  it('is antisymmetric and exactly 0 at the median', () => {
    expect(normalQuantile(0.5)).toBe(0);
    expectClose(normalQuantile(0.025), -normalQuantile(0.975), 1e-15);
  });

  it('returns ±Infinity at 0 and 1 and refuses probabilities outside [0, 1]', () => {
    expect(normalQuantile(0)).toBe(-Infinity);
    expect(normalQuantile(1)).toBe(Infinity);
    expect(() => normalQuantile(1.2)).toThrow(RangeError);
    expect(() => normalQuantile(Number.NaN)).toThrow(RangeError);
  });
});
