// Gap measures and ratios to a reference group (docs/methods.md, "Inequality gap measures").
import { describe, expect, it } from 'vitest';
import { absoluteGap, rateRatio, relativeGap, statsMessages } from '../../../metrics/statistics/index.ts';
import { expectClose } from './close.ts';

describe('absolute and relative gaps', () => {
  it('measures Q1 − Q5 and Q1 / Q5', () => {
    expect(absoluteGap(65, 20.9)).toBeCloseTo(44.1, 12);
    expectClose(relativeGap(65, 20.9), 65 / 20.9);
  });

  it('refuses a relative gap against a Q5 of 0 rather than returning Infinity', () => {
    expect(() => relativeGap(5, 0)).toThrow(statsMessages.zeroReference());
    expect(() => absoluteGap(Number.NaN, 1)).toThrow(RangeError);
  });
});

describe('rateRatio', () => {
  // Reference: the log-scale formulas evaluated with mpmath at 40 digits.
  it('gives a rate ratio with SE(ln RR) = √(1/x₁ + 1/x₂)', () => {
    const r = rateRatio(30, 12000, 50, 40000, 'rate');
    expect(r.method).toBe('Rate ratio (log)');
    expectClose(r.value, 2);
    expectClose(r.lower, 1.2719013246262547);
    expectClose(r.upper, 3.1448980534518987);
  });

  it('gives a risk ratio with SE(ln RR) = √(1/x₁ − 1/n₁ + 1/x₂ − 1/n₂)', () => {
    const r = rateRatio(65, 100, 1045, 5000, 'proportion');
    expect(r.method).toBe('Risk ratio (log)');
    expectClose(r.value, 3.1100478468899522);
    expectClose(r.lower, 2.6672274678386513);
    expectClose(r.upper, 3.6263864730602497);
  });

  it('is symmetric on the log scale: swapping the groups inverts the interval', () => {
    const a = rateRatio(30, 12000, 50, 40000, 'rate', 99.8);
    const b = rateRatio(50, 40000, 30, 12000, 'rate', 99.8);
    expectClose(a.lower, 1 / b.upper);
    expectClose(a.upper, 1 / b.lower);
  });

  it('refuses a group without events (the log is undefined) and x > n for proportions', () => {
    expect(() => rateRatio(0, 100, 5, 100, 'rate')).toThrow(statsMessages.noEvents('compared'));
    expect(() => rateRatio(5, 100, 0, 100, 'proportion')).toThrow(statsMessages.noEvents('reference'));
    expect(() => rateRatio(101, 100, 5, 100, 'proportion')).toThrow(RangeError);
  });
});
