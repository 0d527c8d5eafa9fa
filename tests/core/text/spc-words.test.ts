// SPC in words: the sentence under a control chart and the icon captions. These check what a
// reader relies on — which kind of variation is reported, with the mean and limits in the
// indicator's unit, and the target only when there is an assurance icon.
import { describe, expect, it } from 'vitest';
import type { Spc } from '../../../core/contracts/results.ts';
import { variations } from '../../../core/contracts/results.ts';
import { assuranceWords, spcSentence, variationWords } from '../../../core/text/spc-words.ts';

const percent = { unit: '%' };
const spc = (extra: Partial<Spc> = {}): Spc => ({
  mean: 12.34, lower: 8.1, upper: 16.55, points: [{ period: '2025-04-01', value: 12, signal: null, kind: null }],
  variation: 'common-cause', assurance: null, target: null, warning: null, ...extra,
});

describe('spcSentence', () => {
  it('makes no statement about change with too few points', () => {
    expect(spcSentence(null, percent)).toMatch(/^Fewer than 12 points/);
    expect(spcSentence(null, percent)).toContain('no statement about change over time');
  });

  it('reports common cause variation with the mean and process limits in the unit', () => {
    const s = spcSentence(spc(), percent);
    expect(s).toMatch(/common cause/i);
    expect(s).toContain('12.3%');
    expect(s).toContain('8.1% to 16.6%');
    expect(s).not.toMatch(/special cause/i);
    expect(s).not.toMatch(/target/i);
  });

  it('reports special cause improvement or concern by name', () => {
    expect(spcSentence(spc({ variation: 'special-cause-concern-high' }), percent)).toMatch(/special cause variation \(concern \(high\)\)/i);
    expect(spcSentence(spc({ variation: 'special-cause-improvement-low' }), percent)).toMatch(/improvement \(low\)/);
  });

  it('writes a gap series as signed differences in percentage points', () => {
    const s = spcSentence(spc({ mean: 3.2, lower: -1.5, upper: 7.9 }), percent, true);
    expect(s).toMatch(/^The gap/);
    expect(s).toContain('+3.2 percentage points');
    expect(s).toContain('−1.5 percentage points to +7.9 percentage points');
  });

  it('adds the target and the assurance when there is one, and any warning', () => {
    const s = spcSentence(spc({ assurance: 'fail', target: 95, warning: 'The process limits were recalculated after a change.' }), percent);
    expect(s).toContain('Against the target of 95.0%: consistently misses the target.');
    expect(s.endsWith('The process limits were recalculated after a change.')).toBe(true);
  });
});

describe('icon captions', () => {
  it('has words for every variation icon and every assurance icon', () => {
    for (const v of variations) expect(variationWords[v], v).toEqual(expect.any(String));
    for (const a of ['pass', 'fail', 'inconsistent']) expect(assuranceWords[a], a).toEqual(expect.any(String));
  });
});
