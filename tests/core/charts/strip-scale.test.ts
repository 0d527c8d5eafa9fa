// The overview strip's one axis: from 0 when the figures can be told apart on it, zoomed to them
// (and saying so) when 0 would squeeze them into a few pixels.
import { describe, expect, it } from 'vitest';
import { stripScale, ZOOM_BELOW } from '../../../core/charts/strip-scale.ts';

describe('stripScale', () => {
  it('starts a rate at 0 when its figures spread over the axis (emergency COPD admissions)', () => {
    // Core20 510.7 (486.0 to 536.3), the rest 333.9 (313.0 to 355.9), trust 443.4 per 100,000.
    const s = stripScale([510.7, 486, 536.3, 333.9, 313, 355.9, 443.4], { share: false })!;
    expect(s).toEqual({ min: 0, max: 600, ticks: [0, 200, 400, 600], zeroBased: true });
  });

  it('starts a share at 0 and never runs past 100%', () => {
    expect(stripScale([53.9, 51.1, 56.7, 59.5, 56.4, 62.5, 56.2], { share: true })).toMatchObject({ min: 0, max: 80, zeroBased: true });
    expect(stripScale([20, 15, 99.9], { share: true })).toMatchObject({ min: 0, max: 100, zeroBased: true });
    expect(stripScale([40, 30, 99.5], { share: true })!.max).toBe(100);
  });

  it('zooms to the figures when 0 would hide whether the intervals overlap, and says it is zoomed', () => {
    // COPD vaccination: Core20 68.7% (68.0 to 69.3), the rest 70.8% (70.0 to 71.7), trust 69.5%.
    const s = stripScale([68.7, 68, 69.3, 70.8, 70, 71.7, 69.5], { share: true })!;
    expect(s.zeroBased).toBe(false);
    expect([s.min, s.max]).toEqual([68, 72]);
    expect(s.ticks).toEqual([68, 69, 70, 71, 72]);
    // On 0 to 80% the spread of 3.7 points would take 12 of 260 pixels.
    expect(3.7 / 80).toBeLessThan(ZOOM_BELOW);
  });

  it('puts every figure inside the axis, and the ticks at its ends', () => {
    for (const figures of [[0.31, 0.29, 0.35], [12.3, 11.9, 12.8, 12.5], [1804, 1750, 1860, 2410, 2300, 2530], [0, 0.4]]) {
      const s = stripScale(figures, { share: false })!;
      expect(s.min).toBeLessThanOrEqual(Math.min(...figures));
      expect(s.max).toBeGreaterThanOrEqual(Math.max(...figures));
      expect(s.min).toBeGreaterThanOrEqual(0);
      expect([s.ticks[0], s.ticks.at(-1)]).toEqual([s.min, s.max]);
      expect(s.ticks.every((t) => Number(t.toPrecision(12)) === t)).toBe(true);
    }
  });

  it('draws an axis through zero for figures below it, and nothing without figures', () => {
    const s = stripScale([-2.1, -3, -1.2, 1.5], { share: false })!;
    expect(s.min).toBeLessThanOrEqual(-3);
    expect(s.max).toBeGreaterThanOrEqual(1.5);
    expect(stripScale([null, undefined, Number.NaN], { share: true })).toBeNull();
  });
});
