// The one axis of an overview strip: Core20, everyone else and the trust overall of an indicator
// drawn on the same scale, with round ticks. Pure, so the page and its tests agree on it.
//
// Why zero, and when not: a share or a rate is read as "how much", so its axis starts at 0 and the
// lengths compare honestly (Core20's 510 admissions per 100,000 against 334 looks half as much
// again, as it is). But a zero-based axis can leave the figures in a few pixels — 68.7% against
// 70.8%, intervals 0.6 points wide, on 0 to 80% are two dots on top of each other and no one can
// see whether the intervals overlap, which is the point of the strip. So when the figures would
// span less than a tenth (ZOOM_BELOW) of a zero-based axis — 26 of the strip's 260 pixels —, the axis is zoomed to them instead, and
// `zeroBased: false` tells the page to say so beside the strip. Figures below zero (none today)
// get an axis through them either way. A share's axis never runs past 100%.

/** Below this fraction of a zero-based axis the figures are too close to see apart: zoom. */
export const ZOOM_BELOW = 0.1;

export interface StripScale {
  min: number;
  max: number;
  /** Round values to mark and label, min and max included. */
  ticks: number[];
  /** False when the axis is zoomed to the figures and does not start at 0. */
  zeroBased: boolean;
}

function niceStep(span: number, count: number): number {
  const raw = span / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const f = raw / power;
  return (f < 1.5 ? 1 : f < 3 ? 2 : f < 7 ? 5 : 10) * power;
}

/** Removes float noise from a tick (0.30000000000000004 → 0.3). */
const clean = (v: number) => Number(v.toPrecision(12));

function ticksOf(min: number, max: number, step: number): number[] {
  const out: number[] = [];
  for (let v = min; v <= max + step / 1e6; v += step) out.push(clean(v));
  return out;
}

function rounded(lo: number, hi: number, count: number, cap: number | null): { min: number; max: number; step: number } {
  const span = hi - lo || Math.abs(hi) || 1;
  const step = niceStep(span, count);
  const min = Math.floor(lo / step) * step;
  let max = Math.ceil(hi / step) * step;
  if (max === min) max = min + step;
  if (cap !== null && max > cap) max = cap;
  return { min: clean(min), max: clean(max), step };
}

/**
 * The axis for one indicator's strip from every figure drawn on it (values, interval ends, the
 * trust overall). `share`: a percentage, whose axis stops at 100. Null when nothing is drawn.
 */
export function stripScale(figures: readonly (number | null | undefined)[], options: { share: boolean }): StripScale | null {
  const nums = figures.filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
  if (nums.length === 0) return null;
  const lo = Math.min(...nums);
  const hi = Math.max(...nums);
  const cap = options.share ? 100 : null;
  if (lo >= 0) {
    const zero = rounded(0, hi, 3, cap);
    if (hi - lo >= ZOOM_BELOW * (zero.max - zero.min) || hi === 0) {
      return { min: 0, max: zero.max, ticks: ticksOf(0, zero.max, zero.step), zeroBased: true };
    }
  }
  const zoom = rounded(lo, hi, 3, cap);
  // A zoomed axis of non-negative figures never reaches below 0 (a rounding of 0.4 to −1).
  const min = lo >= 0 ? Math.max(0, zoom.min) : zoom.min;
  return { min, max: zoom.max, ticks: ticksOf(min, zoom.max, zoom.step), zeroBased: min === 0 };
}
