import { describe, expect, it } from 'vitest';
import type { Spc } from '../../../core/contracts/results.ts';
import { countWord, rollupSentence, signalPhrase, signalsOf, spcRollup, spcSentence } from '../../../core/text/spc-words.ts';
import { spcOf } from '../../../metrics/engine/series.ts';
import { seededNormal, seededRandom, type Polarity } from '../../../metrics/statistics/index.ts';

const unit = { unit: '%' };
const months = (n: number) => Array.from({ length: n }, (_, i) => `${2023 + Math.floor((i + 3) / 12)}-${String(((i + 3) % 12) + 1).padStart(2, '0')}-01`);

/** A month-by-month series from April 2023 with its SPC, as the series route builds it. */
function spcFor(values: number[], polarity: Polarity = 'lower'): Spc {
  const periods = months(values.length);
  const spc = spcOf(values.map((value, i) => ({ period: periods[i], value })), polarity, null);
  if (!spc) throw new Error('too few points');
  return spc;
}

interface Planted {
  values: number[];
  polarity: Polarity;
  outside: number;
  trend: [number, number];
  shift: [number, number];
  shiftUp: boolean;
}

/**
 * 36 months of noise (sd 1 around 50) with three planted signals, none touching the latest
 * month: one point far outside the limits, a seven-month trend, and a shift of 8–10 months that
 * ends at least three months before the end.
 */
function planted(seed: number): Planted {
  const normal = seededNormal(seed);
  const uniform = seededRandom(seed + 1);
  const pick = (lo: number, hi: number) => lo + Math.floor(uniform() * (hi - lo + 1));
  const values = Array.from({ length: 36 }, () => 50 + 0.6 * normal());
  const outside = pick(1, 5);
  values[outside] = 50 + (uniform() < 0.5 ? 9 : -9);
  const t0 = pick(8, 11);
  const rising = uniform() < 0.5;
  for (let k = 0; k < 7; k++) values[t0 + k] = 50 + (rising ? 1 : -1) * (k - 3) * 0.8 + 0.1 * normal();
  const length = pick(8, 10);
  const s0 = pick(20, 32 - length);
  const shiftUp = uniform() < 0.5;
  for (let k = 0; k < length; k++) values[s0 + k] = 50 + (shiftUp ? 3 : -3) + 0.3 * normal();
  const polarity = (['higher', 'lower', 'context'] as const)[pick(0, 2)];
  return { values, polarity, outside, trend: [t0, t0 + 6], shift: [s0, s0 + length - 1], shiftUp };
}

describe('the SPC sentence reads the whole window', () => {
  it('a shift that ended before the latest month is named with its months and kind', () => {
    // Months swing ±1.5 around 10 either side of ten months held at 11 (April 2024 to January 2025).
    const swing = (n: number, first: 1 | -1) => Array.from({ length: n }, (_, i) => 10 + (i % 2 ? -1.5 : 1.5) * first);
    const values = [...swing(12, 1), ...Array.from({ length: 10 }, (_, i) => 11 + (i % 2 ? 0.1 : -0.1)), ...swing(8, -1)];
    const spc = spcFor(values, 'lower');
    const sentence = spcSentence(spc, unit, { gap: true });
    expect(sentence).toContain('The gap shows common cause variation in the latest month');
    expect(sentence).toContain('earlier, ten months from April 2024 to January 2025 ran above the mean — special cause, concern');
    expect(sentence).not.toContain('no significant change');
  });

  it('says "no significant change" only when no point in the window meets a rule', () => {
    const values = Array.from({ length: 24 }, (_, i) => 10 + (i % 2 ? 0.5 : -0.5) * (1 + (i % 3) / 10));
    const spc = spcFor(values);
    expect(spc.signals).toEqual([]);
    expect(spcSentence(spc, unit)).toMatch(/^The value shows only common cause variation, in the latest month and throughout the 24 months shown: no significant change\./);
  });

  it('a signal on the latest month is told as the latest, not as earlier', () => {
    const values = [...Array.from({ length: 20 }, (_, i) => 10 + (i % 2 ? 0.5 : -0.5)), 20];
    const sentence = spcSentence(spcFor(values, 'higher'), unit);
    expect(sentence).toContain('shows special cause variation (improvement, high) in the latest month: December 2024 was above the upper process limit — special cause, improvement');
    expect(sentence).not.toContain('earlier');
  });

  it('reads the signals of a chart frozen before results listed them from its points', () => {
    const swing = (n: number, first: 1 | -1) => Array.from({ length: n }, (_, i) => 10 + (i % 2 ? -1.5 : 1.5) * first);
    const values = [...swing(12, 1), ...Array.from({ length: 10 }, (_, i) => 11 + (i % 2 ? 0.1 : -0.1)), ...swing(8, -1)];
    const { signals, ...frozen } = spcFor(values, 'lower');
    expect(signalsOf(frozen)).toEqual(signals);
    expect(spcSentence(frozen, unit)).toContain('earlier, ten months from April 2024 to January 2025 ran above the mean — special cause, concern');
  });

  it('quarterly series speak of quarters', () => {
    const phrase = signalPhrase({ rule: 'shift', from: '2024-04-01', to: '2025-10-01', direction: 'low', kind: 'improvement', points: 7 }, 'quarter');
    expect(phrase).toBe('seven quarters from April 2024 to October 2025 ran below the mean — special cause, improvement');
  });

  it('too few points says so, and the roll-up counts it', () => {
    expect(spcSentence(null, unit)).toMatch(/too few for process limits/);
    expect(rollupSentence([{ title: 'A', spc: null }, { title: 'B', spc: null }], 'The monthly gap')).toBe('The monthly gap: two indicators had too few points for SPC (A, B).');
  });

  // Property: for generated series with planted signals, the sentence and the roll-up mention each one.
  for (let seed = 1; seed <= 60; seed++) {
    it(`mentions every planted signal (seed ${seed})`, () => {
      const p = planted(seed * 7919);
      const spc = spcFor(p.values, p.polarity);
      const sentence = spcSentence(spc, unit);
      const covering = (rule: string, [a, b]: [number, number]) =>
        spc.signals!.find((s) => s.rule === rule && s.from <= months(36)[a] && s.to >= months(36)[b]);
      const outside = covering('outside-limits', [p.outside, p.outside]);
      const trend = covering('trend', p.trend);
      const shift = covering('shift', p.shift);
      expect(outside, 'the point outside the limits').toBeDefined();
      expect(trend, 'the trend').toBeDefined();
      expect(shift, 'the shift').toBeDefined();
      expect(shift!.direction).toBe(p.shiftUp ? 'high' : 'low');
      for (const s of [outside!, trend!, shift!]) expect(sentence).toContain(signalPhrase(s));
      expect(sentence).not.toContain('no significant change');

      const rollup = spcRollup([{ title: 'Planted', spc }, { title: 'Short', spc: null }]);
      expect(rollup.common).toEqual([]);
      expect(rollup.tooFew).toEqual(['Short']);
      const words = rollupSentence([{ title: 'Planted', spc }, { title: 'Short', spc: null }], 'The gap');
      expect(words).toMatch(/Planted/);
      expect(words).not.toMatch(/only common cause/);
      expect(words).toContain('one indicator had too few points for SPC (Short)');
    });
  }
});

describe('a series too coarse for SPC', () => {
  // A shift the rounding made: the sentence must not claim it, nor "no significant change".
  const values = [...Array(10).fill(60), ...Array(14).fill(66.7), 60, 66.7];
  const coarse = (): Spc => ({ ...spcFor(values, 'higher'), coarse: 22.6 });

  it('says SPC cannot tell, how far rounding moves a month, and that the marked signals may be rounding', () => {
    const spc = coarse();
    expect(spc.signals!.length).toBeGreaterThan(1);
    const sentence = spcSentence(spc, unit, { gap: true });
    expect(sentence).toMatch(/^The gap cannot be read for special causes: its counts are rounded to 5 before SPC, and rounding alone can move a month's value by ±22\.6 percentage points/);
    expect(sentence).toContain(`the ${countWord(spc.signals!.length)} signals the chart marks may be rounding alone.`);
    expect(sentence).not.toMatch(/no significant change|special cause,/);
  });

  it('is counted on its own in the roll-ups, not as a signal or as common cause', () => {
    const items = [{ title: 'Coarse', spc: coarse() }, { title: 'Short', spc: null }];
    expect(spcRollup(items).coarse).toEqual(['Coarse']);
    expect(rollupSentence(items, 'The gap')).toBe('The gap: one indicator had too few points for SPC (Short); on one indicator the counts are too small for SPC to tell (Coarse).');
  });
});
