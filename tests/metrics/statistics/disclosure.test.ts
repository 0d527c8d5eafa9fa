// Disclosure control: the thresholds of each profile, rounding, and primary plus secondary
// suppression so that a small cell cannot be recovered from the total.
import { describe, expect, it } from 'vitest';
import { DISCLOSURE_LABELS, isSmall, roundCount, suppressionPlan } from '../../../metrics/statistics/index.ts';

describe('isSmall', () => {
  it('treats 1–7 as small under NHS secondary-use, 1–9 under threshold 10, nothing under none', () => {
    expect([0, 1, 7, 8].map((c) => isSmall(c, 'nhs-secondary-use'))).toEqual([false, true, true, false]);
    expect([0, 1, 9, 10].map((c) => isSmall(c, 'threshold-10'))).toEqual([false, true, true, false]);
    expect([0, 1, 9].map((c) => isSmall(c, 'none'))).toEqual([false, false, false]);
  });

  it('refuses a count that is not a whole number', () => {
    expect(() => isSmall(2.5, 'nhs-secondary-use')).toThrow(RangeError);
  });
});

describe('roundCount', () => {
  it('rounds to the nearest 5 under both suppressing profiles and leaves counts alone under none', () => {
    expect([1122, 5125, 12, 13, 0].map((c) => roundCount(c, 'nhs-secondary-use'))).toEqual([1120, 5125, 10, 15, 0]);
    expect(roundCount(1122, 'threshold-10')).toBe(1120);
    expect(roundCount(1122, 'none')).toBe(1122);
  });
});

describe('suppressionPlan', () => {
  // The IMD breakdown of tests/metrics/engine/known-counts.test.ts: Q1, Q3, Q5, Unknown.
  const imd = [
    { numerator: 65, denominator: 100 },
    { numerator: 2, denominator: 5 },
    { numerator: 1045, denominator: 5000 },
    { numerator: 10, denominator: 20 },
  ];

  it('suppresses the small cell and the next-smallest numerator so the total cannot reveal it', () => {
    expect(suppressionPlan(imd, 'nhs-secondary-use')).toEqual([false, true, false, true]);
  });

  it('suppresses a cell whose denominator alone is small', () => {
    const cells = [{ numerator: 0, denominator: 6 }, { numerator: 40, denominator: 90 }, { numerator: 30, denominator: 80 }, { numerator: 20, denominator: 50 }];
    expect(suppressionPlan(cells, 'nhs-secondary-use')).toEqual([true, false, false, true]);
  });

  it('adds no secondary suppression when two cells are already withheld', () => {
    const cells = [{ numerator: 3, denominator: 50 }, { numerator: 4, denominator: 60 }, { numerator: 30, denominator: 80 }];
    expect(suppressionPlan(cells, 'nhs-secondary-use')).toEqual([true, true, false]);
  });

  it('prefers a non-zero cell as the secondary: a suppressed 0 would not hide the small one', () => {
    const cells = [{ numerator: 3, denominator: 50 }, { numerator: 0, denominator: 60 }, { numerator: 30, denominator: 80 }];
    expect(suppressionPlan(cells, 'nhs-secondary-use')).toEqual([true, false, true]);
  });

  it('follows the profile: 8 is shown under NHS secondary-use, withheld under threshold 10, and none withholds nothing', () => {
    const cells = [{ numerator: 8, denominator: 50 }, { numerator: 20, denominator: 60 }, { numerator: 30, denominator: 80 }];
    expect(suppressionPlan(cells, 'nhs-secondary-use')).toEqual([false, false, false]);
    expect(suppressionPlan(cells, 'threshold-10')).toEqual([true, true, false]);
    expect(suppressionPlan(imd, 'none')).toEqual([false, false, false, false]);
  });
});

describe('DISCLOSURE_LABELS', () => {
  it('describes each profile for chart footnotes', () => {
    expect(DISCLOSURE_LABELS['nhs-secondary-use']).toBe('NHS secondary-use: counts 1–7 suppressed, others rounded to 5');
    expect(Object.keys(DISCLOSURE_LABELS).sort()).toEqual(['nhs-secondary-use', 'none', 'threshold-10']);
  });
});
