// Disclosure control: the thresholds of each profile, rounding, and primary plus secondary
// suppression so that a small cell cannot be recovered from the total.
import { describe, expect, it } from 'vitest';
import { DISCLOSURE_LABELS, exposedCells, isSmall, protectTable, roundCount, roundingReach, type DisclosureProfile } from '../../../metrics/statistics/index.ts';
import { expectClose } from './close.ts';
import { discloseTallies } from '../../../metrics/engine/completeness.ts';

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

/** One breakdown and its total, as the engine lays it out: the detail cells, then the total. */
function breakdownPlan(cells: { numerator: number; denominator: number }[], profile: DisclosureProfile) {
  const total = { counts: [0, 1].map((d) => cells.reduce((s, c) => s + [c.numerator, c.denominator][d], 0)) };
  const table = [...cells.map((c) => ({ counts: [c.numerator, c.denominator] })), total];
  const plan = protectTable(table, [{ total: cells.length, parts: cells.map((_, i) => i) }], profile, { smallRange: (d, largest) => (d === 0 ? [0, largest] : [0, Infinity]) });
  return plan;
}

const withheld = (plan: (string | null)[]) => plan.map((p) => p !== null);

describe('protectTable on one breakdown', () => {
  // The IMD breakdown of tests/metrics/engine/known-counts.test.ts: Q1, Q3, Q5, Unknown.
  const imd = [
    { numerator: 65, denominator: 100 },
    { numerator: 2, denominator: 5 },
    { numerator: 1045, denominator: 5000 },
    { numerator: 10, denominator: 20 },
  ];

  it('suppresses the small cell and the next-smallest numerator as secondary, so the total cannot reveal it', () => {
    expect(breakdownPlan(imd, 'nhs-secondary-use')).toEqual([null, 'small', null, 'secondary', null]);
  });

  it('suppresses a cell whose denominator alone is small', () => {
    const cells = [{ numerator: 0, denominator: 6 }, { numerator: 40, denominator: 90 }, { numerator: 30, denominator: 80 }, { numerator: 20, denominator: 50 }];
    expect(breakdownPlan(cells, 'nhs-secondary-use')).toEqual(['small', null, null, 'secondary', null]);
  });

  it('adds no secondary suppression when two withheld cells and the published ones leave each a wide range', () => {
    const cells = [{ numerator: 3, denominator: 50 }, { numerator: 4, denominator: 60 }, { numerator: 30, denominator: 80 }, { numerator: 300, denominator: 800 }];
    expect(breakdownPlan(cells, 'nhs-secondary-use')).toEqual(['small', 'small', null, null, null]);
  });

  it('prefers a non-zero cell as the secondary: a suppressed 0 would not hide the small one', () => {
    const cells = [{ numerator: 3, denominator: 50 }, { numerator: 0, denominator: 60 }, { numerator: 30, denominator: 80 }, { numerator: 300, denominator: 800 }];
    expect(breakdownPlan(cells, 'nhs-secondary-use')).toEqual(['small', null, 'secondary', null, null]);
  });

  it('withholds the total when nothing else would stop the subtraction: one small and one other count', () => {
    // 3 + 9 = 12, total shown as 10 (8–12): with the 9 withheld (so ≥ 8) the 3 would still be 1–4.
    const cells = [{ counts: [3] }, { counts: [9] }, { counts: [12] }];
    const plan = protectTable(cells, [{ total: 2, parts: [0, 1] }], 'nhs-secondary-use', { smallRange: (_, l) => [1, l] });
    expect(plan).toEqual(['small', 'secondary', 'secondary']);
  });

  it('follows the profile: 8 is shown under NHS secondary-use, withheld under threshold 10, and none withholds nothing', () => {
    const cells = [{ numerator: 8, denominator: 50 }, { numerator: 20, denominator: 60 }, { numerator: 30, denominator: 80 }, { numerator: 300, denominator: 800 }];
    expect(withheld(breakdownPlan(cells, 'nhs-secondary-use'))).toEqual([false, false, false, false, false]);
    expect(breakdownPlan(cells, 'threshold-10')).toEqual(['small', 'secondary', null, null, null]);
    expect(withheld(breakdownPlan(imd, 'none'))).toEqual([false, false, false, false, false]);
  });
});

describe('exposedCells (the subtraction attack)', () => {
  it('finds a lone small cell that the rounded others and total narrow to fewer than five values', () => {
    // Published: 10, 10, 10, total 30 → the withheld cell is 30±2 − (30±6) ∩ [0, 7] … and with 
    // the others at 8, 8, 8 (shown as 10) and a total of 25 (shown as 25) it is at most 27 − 24 = 3.
    const cells = [{ counts: [1] }, { counts: [8] }, { counts: [8] }, { counts: [8] }, { counts: [25] }];
    const sums = [{ total: 4, parts: [0, 1, 2, 3] }];
    expect(exposedCells(cells, sums, ['small', null, null, null, null], 'nhs-secondary-use', { smallRange: (_, l) => [1, l] })).toEqual([0]);
  });

  it('uses every relation: a cross-tab cell is protected in its row and in its column', () => {
    // 2×2 table with margins published elsewhere: a b / c d; rows a+b, c+d, columns a+c, b+d.
    const cells = [{ counts: [3] }, { counts: [40] }, { counts: [50] }, { counts: [60] }, { counts: [43], external: true }, { counts: [110], external: true }, { counts: [53], external: true }, { counts: [100], external: true }];
    const sums = [{ total: 4, parts: [0, 1] }, { total: 5, parts: [2, 3] }, { total: 6, parts: [0, 2] }, { total: 7, parts: [1, 3] }];
    const plan = protectTable(cells, sums, 'nhs-secondary-use', { smallRange: (_, l) => [1, l] });
    expect(plan.slice(0, 4)).toEqual(['small', 'secondary', 'secondary', 'secondary']);
    expect(exposedCells(cells, sums, plan, 'nhs-secondary-use', { smallRange: (_, l) => [1, l] })).toEqual([]);
  });
});

describe('DISCLOSURE_LABELS', () => {
  it('describes each profile for chart footnotes', () => {
    expect(DISCLOSURE_LABELS['nhs-secondary-use']).toBe('NHS secondary-use: counts 1–7 suppressed, others rounded to 5');
    expect(Object.keys(DISCLOSURE_LABELS).sort()).toEqual(['nhs-secondary-use', 'none', 'threshold-10']);
  });
});

describe('discloseTallies (completeness counts and their total)', () => {
  const tally = (valid: number, notStated: number, notKnown = 0, missing = 0, invalid = 0) => ({ valid, notStated, notKnown, missing, invalid, total: valid + notStated + notKnown + missing + invalid });

  it('leaves a lone small status withheld when subtraction still leaves it 1–7, and keeps the share from the rounded counts', () => {
    const [row] = discloseTallies([tally(95, 3)], [], 'nhs-secondary-use');
    expect(row).toMatchObject({ total: 100, valid: 95, notStated: null, notKnown: 0, suppressed: false, secondary: [] });
    expect(row.validPercent).toBeCloseTo(95, 12);
  });

  it('withholds a second status as secondary when the total and the others would narrow the small one', () => {
    // 8 valid + 3 not stated = 11, shown as 10 (8–12): with 8 shown as 10 (8–12) the 3 would be 1–4.
    const [row] = discloseTallies([tally(8, 3)], [], 'nhs-secondary-use');
    expect(row).toMatchObject({ notStated: null, valid: null, validPercent: null });
    expect(row.secondary).toContain('valid');
  });

  it('protects the months against the overall, status by status', () => {
    // Two months; not known is 2 in the first and 0 in the second, so the overall's 2 would give the first away.
    const months = [tally(200, 0, 2), tally(300, 0, 0)];
    const overall = tally(500, 0, 2);
    const [o, m1, m2] = discloseTallies([overall, ...months], [{ total: 0, parts: [1, 2] }], 'nhs-secondary-use');
    expect(o.notKnown).toBeNull();
    expect(m1.notKnown).toBeNull();
    // The first month's 2 is narrowed in its own row (202 − 200): its valid count goes, nothing in the second month.
    expect(m1.secondary).toEqual(['valid']);
    expect(m2).toMatchObject({ valid: 300, notKnown: 0, secondary: [] });
    expect(o.valid).toBeNull();
  });
});

describe('how far rounding can move a value', () => {
  it('spans the values the rounded counts allow, each true count within 2 of the shown one', () => {
    // 10 of 15 shown: the true share lies between 8/17 and 12/13.
    expectClose(roundingReach((10 / 15) * 100, 10, 15, 'nhs-secondary-use', 100), ((12 / 13 - 8 / 17) / 2) * 100);
    // 300 of 440: a fraction of a point.
    expectClose(roundingReach((300 / 440) * 100, 300, 440, 'threshold-10', 100), ((302 / 438 - 298 / 442) / 2) * 100);
  });

  it('caps a percentage at 100 and is 0 for a shown 0 or unrounded counts', () => {
    expectClose(roundingReach(100, 10, 10, 'nhs-secondary-use', 100), ((1 - 8 / 12) / 2) * 100);
    expect(roundingReach(0, 0, 40, 'nhs-secondary-use', 100)).toBe(0);
    expect(roundingReach(50, 20, 40, 'none', 100)).toBe(0);
  });
});
