// Slope and relative index of inequality, following PHEindicatormethods' phe_sii:
// - relative rank bᵢ = population share before quantile i + half its own share aᵢ;
// - weighted least squares of the value on b with weights a (R: lm(y√a ~ √a + b√a − 1))
//   gives intercept β₀ (fitted value at the most deprived end) and slope β₁;
//   SII = β₁, RII = (β₀ + β₁)/β₀ (least deprived end over most deprived end);
// - interval by simulation: each quantile's value is drawn from Normal(value, se) — on the log
//   scale for rates, logit for proportions — back-transformed, refitted; the sorted draws at
//   positions round(R(1 − cv)) and round(R·cv), cv = c + (1 − c)/2, are the limits.
// - the se of each quantile comes from its 95% limits whatever the interval asked for (phe_sii
//   hard-codes qnorm(0.975)), and a 99.8% interval reads other positions of the same draws.
// Deviation from phe_sii: `multiplier` is the scale of the values (100 for percentages), used
// by the logit transform; the SII is reported on the values' own scale, not multiplied.
// `orientation: 'most-minus-least'` reports the same fit the other way round, as a Q1 − Q5 gap
// reads: SII = −β₁ (most minus least deprived), RII = β₀/(β₀ + β₁) (most over least deprived).
import { statsMessages as m } from './messages.ts';
import { zFor } from './normal.ts';
import { seededNormal } from './rng.ts';
import { finite, level as checkLevel, positive } from './validate.ts';

export interface QuantileValue {
  value: number;
  lower: number;
  upper: number;
  denominator: number;
}

export interface SiiResult {
  sii: number;
  siiLower: number;
  siiUpper: number;
  rii: number;
  riiLower: number;
  riiUpper: number;
}

export interface SiiOptions {
  /** Confidence level of the SII/RII interval, percent (default 95). */
  level?: number;
  /** Simulation repetitions (default 10,000). */
  reps?: number;
  /** Seed of the simulation (default 1). */
  seed?: number;
  /** Scale on which the values are simulated: 'log' for rates, 'logit' for proportions. */
  transform?: 'none' | 'log' | 'logit';
  /** Scale of the values: 100 when proportions are percentages (used by 'logit'; default 1). */
  multiplier?: number;
  /** Confidence level of the quantiles' own limits, from which the se is derived (default 95). */
  limitsLevel?: number;
  /** 'least-minus-most' as phe_sii (default), or 'most-minus-least' as the Q1 − Q5 gap. */
  orientation?: 'least-minus-most' | 'most-minus-least';
}

/** The weighted least-squares line through (bᵢ, yᵢ) with weights aᵢ (Σa = 1). */
export function weightedLine(a: readonly number[], b: readonly number[], y: readonly number[]): { intercept: number; slope: number } {
  let bMean = 0;
  let yMean = 0;
  for (let i = 0; i < a.length; i++) {
    bMean += a[i] * b[i];
    yMean += a[i] * y[i];
  }
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < a.length; i++) {
    sxy += a[i] * (b[i] - bMean) * (y[i] - yMean);
    sxx += a[i] * (b[i] - bMean) ** 2;
  }
  const slope = sxy / sxx;
  return { intercept: yMean - slope * bMean, slope };
}

/** Population shares a and relative ranks b (mid-points of the cumulative shares). */
export function relativeRanks(denominators: readonly number[]): { a: number[]; b: number[] } {
  const total = denominators.reduce((s, d) => s + d, 0);
  const a = denominators.map((d) => d / total);
  let before = 0;
  const b = a.map((share) => {
    const rank = before + share / 2;
    before += share;
    return rank;
  });
  return { a, b };
}

/** R's round(): halves go to the even neighbour. */
const roundHalfEven = (v: number) => (Math.abs(v % 1) === 0.5 ? 2 * Math.round(v / 2) : Math.round(v));

interface Scale {
  to: (v: number) => number;
  from: (t: number) => number;
}

function scaleOf(transform: 'none' | 'log' | 'logit', multiplier: number): Scale {
  if (transform === 'log') return { to: Math.log, from: Math.exp };
  if (transform === 'logit') {
    return {
      to: (v) => Math.log(v / multiplier / (1 - v / multiplier)),
      from: (t) => multiplier / (1 + Math.exp(-t)),
    };
  }
  return { to: (v) => v, from: (t) => t };
}

function check(quantiles: QuantileValue[], transform: 'none' | 'log' | 'logit', multiplier: number): void {
  if (!Array.isArray(quantiles) || quantiles.length < 2) throw new RangeError(m.tooFewQuantiles(quantiles?.length ?? 0));
  quantiles.forEach((q, i) => {
    positive(`Quantile ${i + 1}: the denominator`, q.denominator);
    finite(`Quantile ${i + 1}: the value`, q.value);
    finite(`Quantile ${i + 1}: the lower limit`, q.lower);
    finite(`Quantile ${i + 1}: the upper limit`, q.upper);
    if (!(q.lower <= q.value && q.value <= q.upper)) throw new RangeError(m.limitsAroundValue(i));
    const top = transform === 'logit' ? multiplier : Infinity;
    if (transform !== 'none' && !(q.lower > 0 && q.upper < top)) throw new RangeError(m.outsideTransform(i, transform));
  });
}

export function sii(quantiles: QuantileValue[], options: SiiOptions = {}): SiiResult {
  const { level = 95, reps = 10_000, seed = 1, transform = 'none', multiplier = 1, limitsLevel = 95, orientation = 'least-minus-most' } = options;

  checkLevel(level);
  positive('The multiplier', multiplier);
  check(quantiles, transform, multiplier);
  const cv = level / 100 + (1 - level / 100) / 2;
  const posLower = roundHalfEven(reps * (1 - cv));
  const posUpper = roundHalfEven(reps * cv);
  if (!Number.isInteger(reps) || posLower < 1 || posUpper > reps) throw new RangeError(m.tooFewReps(reps, level));

  const { a, b } = relativeRanks(quantiles.map((q) => q.denominator));
  const point = weightedLine(a, b, quantiles.map((q) => q.value));

  const scale = scaleOf(transform, multiplier);
  const z = zFor(limitsLevel);
  const means = quantiles.map((q) => scale.to(q.value));
  const ses = quantiles.map((q) => (scale.to(q.upper) - scale.to(q.lower)) / (2 * z));
  const draw = seededNormal(seed);
  const slopes = new Float64Array(reps);
  const ratios = new Float64Array(reps);
  const y = new Array<number>(quantiles.length);
  for (let r = 0; r < reps; r++) {
    for (let i = 0; i < quantiles.length; i++) y[i] = scale.from(means[i] + ses[i] * draw());
    const line = weightedLine(a, b, y);
    slopes[r] = line.slope;
    ratios[r] = (line.intercept + line.slope) / line.intercept;
  }
  slopes.sort();
  ratios.sort();
  const phe: SiiResult = {
    sii: point.slope,
    siiLower: slopes[posLower - 1],
    siiUpper: slopes[posUpper - 1],
    rii: (point.intercept + point.slope) / point.intercept,
    riiLower: ratios[posLower - 1],
    riiUpper: ratios[posUpper - 1],
  };
  if (orientation === 'least-minus-most') return phe;
  // phe_sii's result read the other way: its limits swap ends (the ratio's too, as 1/x falls).
  return { sii: -phe.sii, siiLower: -phe.siiUpper, siiUpper: -phe.siiLower, rii: 1 / phe.rii, riiLower: 1 / phe.riiUpper, riiUpper: 1 / phe.riiLower };
}
