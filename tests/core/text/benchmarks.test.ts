import { describe, expect, it } from 'vitest';
import type { Benchmark } from '../../../core/contracts/benchmarks.ts';
import { benchmarkSentence, comparedWithEngland } from '../../../core/text/benchmarks.ts';
import { chartBenchmark } from '../../../core/charts/benchmark-layers.ts';

const england: Benchmark = {
  indicatorId: '93085', areaCode: 'E92000001', areaName: 'England', areaType: 'England', period: '2024/25', periodStart: '2024-04-01', periodEnd: '2025-03-31',
  value: 6.1, lower: 6.06, upper: 6.14, count: null, denominator: null, note: null, source: 'OHID Fingertips', comparison: 'worse', reason: null,
};
const pct = (polarity: 'higher' | 'lower' | 'context') => ({ unit: '%', multiplier: 100, statistic: 'percentage', polarity });

describe('benchmark wording', () => {
  it('says which side of the value the interval lies, as the polarity makes it better or worse', () => {
    expect(benchmarkSentence(england, pct('lower'))).toBe('England 2024/25: 6.1% (95% interval 6.1 to 6.1%). The trust is worse than England: its interval lies wholly above England\'s value.');
    expect(benchmarkSentence({ ...england, comparison: 'worse' }, pct('higher'))).toContain('lies wholly below');
    expect(benchmarkSentence({ ...england, comparison: 'lower' }, pct('context'))).toContain('is lower than England: its interval lies wholly below');
    expect(benchmarkSentence({ ...england, comparison: 'similar' }, pct('lower'))).toContain("is similar to England: its interval includes England's value");
  });

  it('gives the reason when not compared, on a tile too', () => {
    const notCompared = { ...england, comparison: 'not compared' as const, reason: 'the periods differ' };
    expect(benchmarkSentence(notCompared, pct('lower'))).toBe('England 2024/25: 6.1% (95% interval 6.1 to 6.1%). Not compared: the periods differ.');
    expect(comparedWithEngland(notCompared, pct('lower'))).toBe('Compared with England: not compared (the periods differ) (England 6.1%, 2024/25)');
    expect(comparedWithEngland(england, pct('lower'))).toBe('Compared with England: worse (England 6.1%, 2024/25)');
    expect(comparedWithEngland(null, pct('lower'))).toBeNull();
  });

  it('writes a benchmark in its own unit when it is not the indicator\'s, and never draws it on the indicator\'s axis', () => {
    const preterm = { ...england, indicatorId: '91743', value: 79.8, lower: 79.1, upper: 80.5, unit: 'per 1,000', comparison: 'not compared' as const, reason: 'the definitions differ' };
    expect(benchmarkSentence(preterm, pct('lower'))).toBe('England 2024/25: 79.8 per 1,000 (95% interval 79.1 to 80.5). Not compared: the definitions differ.');
    expect(comparedWithEngland(preterm, pct('lower'))).toContain('(England 79.8 per 1,000, 2024/25)');
    expect(chartBenchmark([preterm])).toBeNull();
    expect(chartBenchmark([preterm, { ...england, areaCode: 'E12000005', areaName: 'West Midlands', areaType: 'Regions' }])?.areaCode).toBe('E12000005');
  });
});
