// XmR statistical process control as NHS England's Making Data Count / NHSRplotthedots:
// mean, moving ranges, limits at ±2.66 × average moving range and the near-limit band at
// ±(2/3 × 2.66) × average moving range (NHSRplotthedots' `limitclose`; docs/methods.md; often rounded
// to 1.7733), optional one-pass moving-range screening, the four special-cause rules, and the
// variation and assurance icons.
import { statsMessages as m } from './messages.ts';
import { shiftFlags, trendFlags, twoOfThreeFlags } from './spc-rules.ts';
import { signalEpisodes, type SignalEpisode } from './spc-signals.ts';
import { finite } from './validate.ts';

export type Polarity = 'higher' | 'lower' | 'context';
export type Signal = 'outside-limits' | 'trend' | 'two-of-three' | 'shift';
export interface SpcPoint {
  /** 0-based position in the series. */
  index: number;
  value: number;
  signal: Signal | null;
  kind: 'improvement' | 'concern' | 'neither' | null;
}
export type VariationIcon =
  | 'common-cause'
  | 'special-cause-improvement-high'
  | 'special-cause-improvement-low'
  | 'special-cause-concern-high'
  | 'special-cause-concern-low'
  | 'special-cause-neither-high'
  | 'special-cause-neither-low';
export type AssuranceIcon = 'pass' | 'fail' | 'inconsistent';
export interface SpcResult {
  mean: number;
  lower: number;
  upper: number;
  nearLower: number;
  nearUpper: number;
  averageMovingRange: number;
  points: SpcPoint[];
  /** Every special-cause episode in the window, earliest first, whichever point it ends on. */
  signals: SignalEpisode[];
  variation: VariationIcon;
  assurance: AssuranceIcon | null;
  target: number | null;
  warning: string | null;
  /**
   * Set when the points are too coarse for SPC to tell common from special cause: the median
   * distance rounding alone could move a point (`rounding`), when it is at least `COARSE_SHARE` of
   * the average moving range. Null otherwise.
   */
  coarse: number | null;
}
export interface XmrOptions {
  polarity?: Polarity;
  target?: number | null;
  /** Drop moving ranges ≥ 3.267 × their average once and recompute (default false, as the NHS England tool). */
  screening?: boolean;
  /**
   * Per point, how far its value could move from rounding its counts alone (the half-width of the
   * values its published counts allow); 0 for a point from unrounded counts.
   */
  rounding?: readonly number[];
}

export const SPC_MIN_POINTS = 12;
export const SPC_ADVISED_POINTS = 15;
export const LIMIT = 2.66;
export const NEAR_LIMIT = (2 * LIMIT) / 3;
export const SCREEN = 3.267;
/**
 * A point moved by up to ±r by rounding moves about 2r/3 from its neighbour on average (two
 * independent uniform errors): at r ≥ ¾ of the average moving range, rounding alone could make
 * half the month-to-month movement, and the limits describe the rounding, not the process.
 */
export const COARSE_SHARE = 0.75;

const mean = (v: readonly number[]) => v.reduce((s, x) => s + x, 0) / v.length;

function averageMovingRange(y: readonly number[], screening: boolean): number {
  const ranges = y.slice(1).map((v, i) => Math.abs(v - y[i]));
  const average = mean(ranges);
  if (!screening || average === 0) return average;
  return mean(ranges.filter((r) => r < SCREEN * average));
}

function median(v: readonly number[]): number {
  const s = [...v].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** The typical rounding reach when it swamps the moving ranges, else null. */
function coarseness(rounding: readonly number[] | undefined, amr: number): number | null {
  if (!rounding || rounding.length === 0) return null;
  const reach = median(rounding);
  return reach > 0 && reach >= COARSE_SHARE * amr ? reach : null;
}

/** Which end of the process is good: +1 high, −1 low, 0 neither. */
const goodSide = (polarity: Polarity) => (polarity === 'higher' ? 1 : polarity === 'lower' ? -1 : 0);

function assurance(polarity: Polarity, target: number | null, lower: number, upper: number): AssuranceIcon | null {
  if (target === null || polarity === 'context') return null;
  // 'higher': the process always meets the target when even its lower limit does.
  if (polarity === 'higher') return target <= lower ? 'pass' : target > upper ? 'fail' : 'inconsistent';
  return target >= upper ? 'pass' : target < lower ? 'fail' : 'inconsistent';
}

/** The XmR chart of a series in time order; null below 12 points (too few for limits). */
export function xmr(values: number[], options: XmrOptions = {}): SpcResult | null {
  const { polarity = 'context', target = null, screening = false, rounding } = options;
  values.forEach((v, i) => finite(`Point ${i + 1} of the series`, v));
  if (target !== null) finite('The target', target);
  if (rounding && rounding.length !== values.length) throw new RangeError(m.spcRoundingLength(rounding.length, values.length));
  rounding?.forEach((r, i) => finite(`The rounding reach of point ${i + 1}`, r));
  if (values.length < SPC_MIN_POINTS) return null;

  const centre = mean(values);
  const amr = averageMovingRange(values, screening);
  const lower = centre - LIMIT * amr;
  const upper = centre + LIMIT * amr;
  const nearLower = centre - NEAR_LIMIT * amr;
  const nearUpper = centre + NEAR_LIMIT * amr;

  const outside = values.map((v) => v > upper || v < lower);
  const near = values.map((v, i) => !outside[i] && (v < nearLower || v > nearUpper));
  const side = values.map((v) => Math.sign(v - centre));
  const trend = trendFlags(values);
  const shift = shiftFlags(side);
  const twoOfThree = twoOfThreeFlags(near, side);
  const good = goodSide(polarity);

  // The rules in priority order: a point reports the first that flags it.
  const rules: [Signal, boolean[]][] = [['outside-limits', outside], ['trend', trend.flags], ['two-of-three', twoOfThree], ['shift', shift]];
  const points: SpcPoint[] = values.map((value, index) => {
    const signal = rules.find(([, flags]) => flags[index])?.[0] ?? null;
    // A trend is read by its direction (NHSRplotthedots 0.2.2, issue #167): a rising run is an
    // improvement where higher is better, on whichever side of the mean it lies.
    const s = signal === 'trend' ? trend.direction[index] : side[index];
    const kind = signal === null ? null : good === 0 ? 'neither' : s === good ? 'improvement' : 'concern';
    return { index, value, signal, kind };
  });

  const last = points[points.length - 1];
  const lastSide = last.signal === 'trend' ? trend.direction[last.index] : side[last.index];
  const variation: VariationIcon =
    last.kind === null ? 'common-cause' : `special-cause-${last.kind}-${lastSide >= 0 ? 'high' : 'low'}`;

  return {
    mean: centre,
    lower,
    upper,
    nearLower,
    nearUpper,
    averageMovingRange: amr,
    points,
    signals: signalEpisodes([
      { rule: 'outside-limits', flags: outside, direction: side, reach: 1 },
      { rule: 'trend', flags: trend.rising, direction: values.map(() => 1), reach: 1 },
      { rule: 'trend', flags: trend.falling, direction: values.map(() => -1), reach: 1 },
      { rule: 'two-of-three', flags: twoOfThree, direction: side, reach: 2 },
      { rule: 'shift', flags: shift, direction: side, reach: 1 },
    ], good),
    variation,
    assurance: assurance(polarity, target, lower, upper),
    target,
    warning: values.length < SPC_ADVISED_POINTS ? m.spcShortSeries(values.length) : null,
    coarse: coarseness(rounding, amr),
  };
}
