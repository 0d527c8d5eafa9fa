// Argument checks shared by the statistics functions: invalid input is a RangeError with a
// message from the catalogue, never a NaN in a result.
import { statsMessages as m } from './messages.ts';

export function finite(what: string, v: number): number {
  if (typeof v !== 'number' || !Number.isFinite(v)) throw new RangeError(m.notFinite(what, v));
  return v;
}

/** A count: a whole number ≥ 0. */
export function count(what: string, v: number): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) throw new RangeError(m.notCount(what, v));
  return v;
}

export function positive(what: string, v: number): number {
  finite(what, v);
  if (v <= 0) throw new RangeError(m.notPositive(what, v));
  return v;
}

/** A confidence level given as a percentage, strictly between 0 and 100. */
export function level(v: number): number {
  if (typeof v !== 'number' || !Number.isFinite(v) || v <= 0 || v >= 100) throw new RangeError(m.level(v));
  return v;
}

/**
 * The two-sided tail probability α/2 of a confidence level in percent: 95 → 0.025.
 * Levels are decimal percentages, so 100 − level is rounded to 12 significant digits first:
 * 100 − 99.8 is 0.20000000000000284 in binary, which would cost z its last three digits.
 */
export const halfAlpha = (lvl: number): number => Number((100 - level(lvl)).toPrecision(12)) / 200;
