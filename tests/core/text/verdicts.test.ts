import { describe, expect, it } from 'vitest';
import { core20Verdict, targetVerdict, targetVerdictLabels } from '../../../core/text/compare.ts';
import { describeCore20 } from '../../../core/text/describe.ts';

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
});
