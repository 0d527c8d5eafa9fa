import { describe, expect, it } from 'vitest';
import { core20Verdict, quintileGapVerdict, targetVerdict, targetVerdictLabels } from '../../../core/text/compare.ts';
import { describeCore20, describeGap } from '../../../core/text/describe.ts';

describe('one assessment, one wording', () => {
  it('calls 94.97% with an interval across a 95% target "not clearly different", never "not met"', () => {
    const row = { validPercent: 94.97, lower: 94.6, upper: 95.3, suppressed: false };
    expect(targetVerdict(row, 95)).toBe('unclear');
    expect(targetVerdictLabels[targetVerdict(row, 95)]).toBe('Not clearly different from the target');
  });

  it('meets or misses a target only when the whole interval is on one side', () => {
    expect(targetVerdict({ lower: 95, upper: 96 }, 95)).toBe('met');
    expect(targetVerdict({ lower: 93, upper: 94.99 }, 95)).toBe('not-met');
    expect(targetVerdict({ lower: null, upper: null, suppressed: true }, 95)).toBe('not-assessed');
  });

  it('gives Core20 against the rest the same verdict in the roll-up and in the tile sentence', () => {
    const metric = { id: 'x', title: 'X', unit: '%', polarity: 'lower' as const } as Parameters<typeof describeCore20>[0]['metric'];
    const core20 = { value: 20, lower: 18, upper: 22, suppressed: false, numerator: 20, denominator: 100 };
    const rest = { value: 10, lower: 9, upper: 11, suppressed: false, numerator: 10, denominator: 100 };
    expect(core20Verdict(core20, rest, 'lower')).toBe('worse');
    expect(describeCore20({ metric, core20, rest })).toBe('Core20 is higher than the rest, which is worse; the intervals do not overlap.');
    const overlapping = { ...rest, value: 17, lower: 16, upper: 19 };
    expect(core20Verdict(core20, overlapping, 'lower')).toBe('similar');
    expect(describeCore20({ metric, core20, rest: overlapping })).toMatch(/^No clear difference/);
  });

  it('gives quintile 1 against quintile 5 the rule of Core20 against the rest, and the same words', () => {
    const q = (group: string, value: number, lower: number, upper: number) => ({ group, label: group, value, lower, upper, suppressed: false, numerator: null, denominator: null, method: 'Wilson', suppression: null, comparison: null });
    const metric = { id: 'x', title: 'X', unit: '%', polarity: 'lower' as const, multiplier: 100 } as never;
    const gap = { absolute: 10, relative: 2, sii: null, siiLower: null, siiUpper: null, rii: null, riiLower: null, riiUpper: null };
    const apart = [q('1', 20, 18, 22), q('5', 10, 9, 11)];
    expect(quintileGapVerdict(apart, 'lower')).toBe(core20Verdict(apart[0], apart[1], 'lower'));
    expect(describeGap({ gap, rows: apart, metric, level: 95 })[0]).toMatch(/^The most deprived fifth \(IMD quintile 1\) is higher than the least deprived fifth \(quintile 5\), which is worse; the intervals do not overlap\./);
    const overlapping = [q('1', 20, 18, 22), q('5', 17, 16, 19)];
    expect(quintileGapVerdict(overlapping, 'lower')).toBe('similar');
    expect(describeGap({ gap: { ...gap, absolute: 3 }, rows: overlapping, metric, level: 95 })[0]).toMatch(/^No clear difference between the most deprived fifth \(IMD quintile 1\) and the least deprived fifth \(quintile 5\): the intervals overlap\./);
    expect(quintileGapVerdict([apart[0]], 'lower')).toBe('none');
  });
});
