// Every special-cause episode in the window, not only the latest point's signal.
import { describe, expect, it } from 'vitest';
import { xmr, type SpcResult } from '../../../metrics/statistics/index.ts';

const chart = (values: number[], polarity: 'higher' | 'lower' | 'context' = 'context'): SpcResult => {
  const r = xmr(values, { polarity });
  if (r === null) throw new Error('expected a chart');
  return r;
};
const swing = (n: number, first = 1, size = 1.5) => Array.from({ length: n }, (_, i) => 10 + (i % 2 ? -size : size) * first);

describe('spc signals', () => {
  it('keeps a ten-point shift whole around a point outside the limits inside it', () => {
    const shift = Array.from({ length: 10 }, (_, i) => (i === 4 ? 40 : 12 + (i % 2 ? 0.1 : -0.1)));
    const r = chart([...swing(12, 1, 3), ...shift, ...swing(8, -1, 3)], 'lower');
    expect(r.points[16].signal).toBe('outside-limits');
    expect(r.signals).toEqual([
      { rule: 'outside-limits', from: 16, to: 16, direction: 'high', kind: 'concern', points: 1 },
      { rule: 'shift', from: 12, to: 21, direction: 'high', kind: 'concern', points: 10 },
    ].sort((a, b) => a.from - b.from));
    expect(r.variation).toBe('common-cause');
  });

  it('splits a peak shared by a rising and a falling trend into two trends', () => {
    const up = [1, 2, 3, 4, 5, 6, 7];
    const down = [6, 5, 4, 3, 2, 1];
    const r = chart([4, 3.5, 4.2, ...up, ...down, 3.9, 4.1, 3.8], 'higher');
    const trends = r.signals.filter((s) => s.rule === 'trend');
    expect(trends).toEqual([
      { rule: 'trend', from: 3, to: 9, direction: 'high', kind: 'improvement', points: 7 },
      { rule: 'trend', from: 9, to: 15, direction: 'low', kind: 'concern', points: 7 },
    ]);
  });

  it('reads a trend by its direction, on either side of the mean (NHSRplotthedots 0.2.2)', () => {
    // A rising run that stays below the mean is still an improvement where higher is better.
    const r = chart([20, 21, 19, 20, 1, 2, 3, 4, 5, 6, 7, 6.5, 20, 19, 21, 20], 'higher');
    const trend = r.signals.find((s) => s.rule === 'trend');
    expect(trend).toMatchObject({ from: 4, to: 10, direction: 'high', kind: 'improvement' });
    const trendPoints = r.points.filter((p) => p.signal === 'trend');
    expect(trendPoints.length).toBeGreaterThan(0);
    expect(trendPoints.every((p) => p.kind === 'improvement')).toBe(true);
  });

  it('joins two-of-three points one apart into one episode', () => {
    const values = swing(20, 1, 0.5);
    values.splice(12, 3, 12.8, 10.6, 12.7);
    const r = chart(values);
    expect(r.signals.filter((s) => s.rule === 'two-of-three')).toEqual([{ rule: 'two-of-three', from: 12, to: 14, direction: 'high', kind: 'neither', points: 2 }]);
  });

  it('has no signals on a series of common cause only', () => {
    expect(chart(swing(20)).signals).toEqual([]);
  });
});
