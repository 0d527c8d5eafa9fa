// The sentences under a chart: a difference is claimed only where the intervals do not overlap,
// the rest are grouped, suppressed groups are named, and the IMD gap is put in words.
import { describe, expect, it } from 'vitest';
import type { Gap, Row } from '../../../core/contracts/results.ts';
import type { Polarity } from '../../../core/text/compare.ts';
import { describeBreakdown, describeCore20, describeGap, list } from '../../../core/text/describe.ts';

const dna = { unit: '%', polarity: 'lower' as const, title: 'DNA rate' };
const overall = { numerator: 1000, denominator: 10000, value: 10, lower: 9.4, upper: 10.6, suppressed: false };
const row = (label: string, value: number | null, comparison: Row['comparison'], suppressed = false): Row => ({
  group: label.toLowerCase(), label, numerator: null, denominator: null, value, lower: value === null ? null : value - 1, upper: value === null ? null : value + 1, method: 'Wilson', suppressed, comparison,
});

describe('describeBreakdown', () => {
  const result = {
    metric: dna,
    overall,
    level: 95,
    rows: [row('Asian', 14.2, 'higher'), row('White', 8.1, 'lower'), row('Mixed', 10.4, 'similar'), row('Black', 10.9, 'similar'), row('Other', null, null, true), row('Not stated', 11, null)],
  };

  it('writes each difference with both figures, the interval and whether it is better or worse', () => {
    const s = describeBreakdown(result as never);
    expect(s.differences).toEqual([
      'Asian: 14.2% (95% interval 13.2 to 15.2%) — higher than the trust overall of 10.0% (worse); the intervals do not overlap.',
      'White: 8.1% (95% interval 7.1 to 9.1%) — lower than the trust overall of 10.0% (better); the intervals do not overlap.',
    ]);
  });

  it('groups the groups with no clear difference, the suppressed and the not compared', () => {
    const s = describeBreakdown(result as never);
    expect(s.similar).toBe('No clear difference from the trust overall for Mixed and Black: their intervals overlap.');
    expect(s.suppressed).toBe('Suppressed because the numbers are small: Other.');
    expect(s.notCompared).toBe('Not compared (no interval): Not stated.');
  });

  it('names another comparator when asked, and leaves out empty statements', () => {
    const s = describeBreakdown({ ...result, rows: [row('Asian', 14.2, 'higher')] } as never, 'Cardiology overall');
    expect(s.differences[0]).toContain('higher than the Cardiology overall of 10.0%');
    expect([s.similar, s.suppressed, s.notCompared]).toEqual([null, null, null]);
  });

  it('says neither better nor worse for a context indicator', () => {
    const s = describeBreakdown({ ...result, metric: { ...dna, polarity: 'context' } } as never);
    expect(s.differences[0]).toMatch(/higher than the trust overall of 10\.0%; the intervals/);
  });
});

describe('describeCore20', () => {
  const figure = (value: number, lower: number, upper: number, suppressed = false) => ({ value, lower, upper, suppressed, numerator: null, denominator: null });

  it('claims a difference only when the intervals are apart, with its direction', () => {
    expect(describeCore20({ metric: dna as never, core20: figure(14, 13, 15), rest: figure(9, 8.5, 9.5) })).toBe('Core20 is higher than the rest, which is worse; the intervals do not overlap.');
    expect(describeCore20({ metric: dna as never, core20: figure(10, 9, 11), rest: figure(10.5, 10, 11) })).toBe('No clear difference between Core20 and the rest: the intervals overlap.');
  });

  it('explains why there is no comparison', () => {
    expect(describeCore20({ metric: dna as never, core20: null, rest: null })).toMatch(/no deprivation breakdown/);
    expect(describeCore20({ metric: dna as never, core20: figure(14, 13, 15, true), rest: figure(9, 8.5, 9.5) })).toMatch(/suppressed/);
  });
});

describe('describeGap', () => {
  const gap: Gap = { absolute: 4.2, relative: 1.52, sii: 5.1, siiLower: 3.2, siiUpper: 7, rii: null, riiLower: null, riiUpper: null };
  const quintile = (group: string, value: number, lower: number | null, upper: number | null): Row => ({
    group, label: group, numerator: null, denominator: null, value, lower, upper, method: 'Wilson', suppressed: false, suppression: null, comparison: null,
  });
  // Q1 12.3% (11.5 to 13.1) and Q5 8.1% (7.4 to 8.8): the intervals are apart.
  const apart = [quintile('1', 12.3, 11.5, 13.1), quintile('3', 10, 9.5, 10.5), quintile('5', 8.1, 7.4, 8.8)];
  // Q1 9.0% (8.0 to 10.0) and Q5 8.6% (7.9 to 9.3): the intervals overlap, whatever the gap's size.
  const overlapping = [quintile('1', 9, 8, 10), quintile('5', 8.6, 7.9, 9.3)];
  const result = (rows: Row[], g: Gap = gap, metric: typeof dna | { unit: string; polarity: Polarity; title: string } = dna, level = 95) => ({ gap: g, rows, metric, level });

  it('calls quintile 1 worse than quintile 5 only when the intervals do not overlap, with the gap as most minus least deprived', () => {
    expect(describeGap(result(apart))).toEqual([
      'The most deprived fifth (IMD quintile 1) is higher than the least deprived fifth (quintile 5), which is worse; the intervals do not overlap. The gap, most minus least deprived, is +4.2 percentage points (a ratio of 1.52).',
      'The slope index of inequality is +5.1 percentage points (95% interval +3.2 percentage points to +7.0 percentage points): the modelled difference between the most and the least deprived ends of the whole gradient, most minus least deprived, like the Q1 − Q5 gap; the interval excludes zero, so the value is higher towards the most deprived end.',
    ]);
  });

  it('says no clear difference when the intervals overlap, and still gives the gap with its sign', () => {
    const [first] = describeGap(result(overlapping, { ...gap, absolute: 0.4, relative: 1.05 }));
    expect(first).toBe('No clear difference between the most deprived fifth (IMD quintile 1) and the least deprived fifth (quintile 5): the intervals overlap. The gap, most minus least deprived, is +0.4 percentage points (a ratio of 1.05).');
    expect(first).not.toMatch(/worse|better|higher|lower/);
  });

  it('calls a lower quintile 1 better when lower is better, and higher when the indicator has no direction', () => {
    const lowerQ1 = [quintile('1', 6, 5.5, 6.5), quintile('5', 8, 7.4, 8.6)];
    const negative = { ...gap, absolute: -2, relative: 0.75 };
    expect(describeGap(result(lowerQ1, negative))[0]).toBe('The most deprived fifth (IMD quintile 1) is lower than the least deprived fifth (quintile 5), which is better; the intervals do not overlap. The gap, most minus least deprived, is −2.0 percentage points (a ratio of 0.75).');
    expect(describeGap(result(lowerQ1, negative, { ...dna, polarity: 'higher' }))[0]).toMatch(/^The most deprived fifth \(IMD quintile 1\) is lower than the least deprived fifth \(quintile 5\), which is worse;/);
    expect(describeGap(result(apart, gap, { ...dna, polarity: 'context' as const }))[0]).toMatch(/is higher than the least deprived fifth \(quintile 5\); the intervals do not overlap\./);
  });

  it('compares the intervals at the level asked for, and makes no comparison without them', () => {
    // At 99.8% the same quintiles have wider intervals that overlap.
    const wide = [quintile('1', 12.3, 10.2, 14.4), quintile('5', 8.1, 6.3, 10.3)];
    const [first, second] = describeGap(result(wide, { ...gap, siiLower: -1 }, dna, 99.8));
    expect(first).toMatch(/^No clear difference between the most deprived fifth/);
    expect(second).toContain('(99.8% interval −1.0 percentage points to +7.0 percentage points)');
    expect(second).toContain('the interval includes zero, so there is no clear gradient');
    const noIntervals = [quintile('1', 12.3, null, null), quintile('5', 8.1, null, null)];
    expect(describeGap(result(noIntervals, { ...gap, relative: null }))[0]).toBe('The intervals of the most deprived fifth (IMD quintile 1) and the least deprived fifth (quintile 5) are not available, so no comparison is made. The gap, most minus least deprived, is +4.2 percentage points.');
  });

  it('says nothing it cannot support', () => {
    expect(describeGap(result(apart, { ...gap, absolute: null, sii: null }))).toEqual([]);
    expect(describeGap({ ...result(apart), gap: null })).toEqual([]);
  });
});

describe('list', () => {
  it('joins with commas and a final "and"', () => {
    expect(list([])).toBe('');
    expect(list(['A'])).toBe('A');
    expect(list(['A', 'B', 'C'])).toBe('A, B and C');
  });
});
