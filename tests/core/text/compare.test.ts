// How a group is described against the trust: better or worse only when the indicator has a
// direction and the intervals do not overlap; breakdown names as titles and inside sentences.
import { describe, expect, it } from 'vitest';
import { assess, assessmentLabel, breakdownPhrase, breakdownTitle, intervalsApart, inSentence } from '../../../core/text/compare.ts';

const row = (comparison: 'higher' | 'lower' | 'similar' | null, extra: { suppressed?: boolean; value?: number | null } = {}) => ({ comparison, suppressed: false, value: 12, ...extra });

describe('assess', () => {
  it('calls a higher DNA rate worse and a higher vaccination rate better', () => {
    expect(assess(row('higher'), 'lower')).toBe('worse');
    expect(assess(row('lower'), 'lower')).toBe('better');
    expect(assess(row('higher'), 'higher')).toBe('better');
    expect(assess(row('lower'), 'higher')).toBe('worse');
  });

  it('says only higher or lower for a context indicator, which has no better direction', () => {
    expect(assess(row('higher'), 'context')).toBe('higher');
    expect(assess(row('lower'), 'context')).toBe('lower');
  });

  it('puts suppression first, then a missing value or comparison, before any difference', () => {
    expect(assess(row('higher', { suppressed: true }), 'lower')).toBe('suppressed');
    expect(assess(row('higher', { value: null }), 'lower')).toBe('not-compared');
    expect(assess(row(null), 'lower')).toBe('not-compared');
    expect(assess(row('similar'), 'lower')).toBe('similar');
  });

  it('names the comparator in the label', () => {
    expect(assessmentLabel('worse')).toBe('Worse than trust overall');
    expect(assessmentLabel('better', 'Cardiology overall')).toBe('Better than Cardiology overall');
    expect(assessmentLabel('similar', 'Cardiology overall')).toBe('No clear difference');
    expect(assessmentLabel('suppressed')).toBe('Suppressed (small numbers)');
  });
});

describe('intervalsApart', () => {
  it('claims a difference only when the intervals do not overlap; touching intervals overlap', () => {
    expect(intervalsApart({ lower: 14, upper: 16 }, { lower: 10, upper: 12 })).toBe('higher');
    expect(intervalsApart({ lower: 8, upper: 9.9 }, { lower: 10, upper: 12 })).toBe('lower');
    expect(intervalsApart({ lower: 11, upper: 15 }, { lower: 10, upper: 12 })).toBe('similar');
    expect(intervalsApart({ lower: 12, upper: 15 }, { lower: 10, upper: 12 })).toBe('similar');
  });

  it('makes no claim when an interval is missing', () => {
    expect(intervalsApart({ lower: null, upper: 16 }, { lower: 10, upper: 12 })).toBeNull();
    expect(intervalsApart({ lower: 14, upper: 16 }, { lower: 10, upper: null })).toBeNull();
  });
});

describe('breakdown names', () => {
  it('gives each breakdown its title, and a readable fallback for a trust’s own', () => {
    expect(breakdownTitle('overall')).toBe('Trust overall');
    expect(breakdownTitle('core20')).toBe('Core20 (most deprived 20%)');
    expect(breakdownTitle('age_band_broad')).toBe('Age group');
    expect(breakdownTitle('veteran_status')).toBe('veteran status');
  });

  it('lower-cases a title inside a sentence but keeps acronyms and Core20', () => {
    expect(breakdownPhrase('ethnic_group')).toBe('ethnic group');
    expect(breakdownPhrase('imd_quintile')).toBe('IMD quintile');
    expect(breakdownPhrase('core20')).toBe('Core20 (most deprived 20%)');
    expect(breakdownPhrase('plus_group')).toBe('PLUS group');
    expect(inSentence('Open RTT pathways waiting over 18 weeks')).toBe('open RTT pathways waiting over 18 weeks');
  });
});
