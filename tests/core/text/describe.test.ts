// The sentences under a chart: a difference is claimed only where the intervals do not overlap,
// the rest are grouped, suppressed groups are named, and the IMD gap is put in words.
import { describe, expect, it } from 'vitest';
import type { Gap, Row } from '../../../core/contracts/results.ts';
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

  it('gives the Q1–Q5 gap in percentage points with its ratio, and a gradient when the SII interval excludes zero', () => {
    expect(describeGap(gap, dna, 95)).toEqual([
      'The most deprived fifth (IMD quintile 1) is 4.2 percentage points higher than the least deprived fifth (quintile 5), a ratio of 1.52.',
      'The slope index of inequality is +5.1 percentage points (95% interval +3.2 percentage points to +7.0 percentage points): the modelled difference between the most and the least deprived ends of the whole gradient, most minus least deprived, like the Q1 − Q5 gap; the interval excludes zero, so the value is higher towards the most deprived end.',
    ]);
  });

  it('says lower for a negative gap, and no clear gradient when the SII interval includes zero', () => {
    const [first, second] = describeGap({ ...gap, absolute: -2, relative: null, siiLower: -1 }, dna, 99.8);
    expect(first).toBe('The most deprived fifth (IMD quintile 1) is 2.0 percentage points lower than the least deprived fifth (quintile 5).');
    expect(second).toContain('(99.8% interval −1.0 percentage points to +7.0 percentage points)');
    expect(second).toContain('the interval includes zero, so there is no clear gradient');
  });

  it('says nothing it cannot support', () => {
    expect(describeGap({ ...gap, absolute: null, sii: null }, dna, 95)).toEqual([]);
  });
});

describe('list', () => {
  it('joins with commas and a final "and"', () => {
    expect(list([])).toBe('');
    expect(list(['A'])).toBe('A');
    expect(list(['A', 'B', 'C'])).toBe('A, B and C');
  });
});
