// Chi-square distribution: CDF through the regularised incomplete gamma function, quantiles by a
// safeguarded Newton iteration (Newton steps, falling back to bisection whenever a step leaves
// the bracket that is known to hold the root). Tested against R's qchisq values.
import { gammaP, gammaQ, logGamma } from './gamma.ts';
import { statsMessages as m } from './messages.ts';

function checkDf(df: number): void {
  if (typeof df !== 'number' || !Number.isFinite(df) || df < 0) throw new RangeError(m.degreesOfFreedom(df));
}

function checkProbability(p: number): void {
  if (typeof p !== 'number' || !(p >= 0 && p <= 1)) throw new RangeError(m.probability(p));
}

/** P(X ≤ q) for X ~ χ²(df). */
export function chiSquareCdf(q: number, df: number): number {
  checkDf(df);
  if (df === 0) return q >= 0 ? 1 : 0;
  return gammaP(df / 2, Math.max(q, 0) / 2);
}

/** χ² density, the derivative Newton needs. */
function density(q: number, df: number): number {
  const a = df / 2;
  return Math.exp((a - 1) * Math.log(q / 2) - q / 2 - logGamma(a)) / 2;
}

/**
 * Solve tail(q) = target for q, where tail is the lower CDF (upper = false) or the survival
 * function (upper = true). Whichever tail is smaller is solved so that its precision is kept.
 */
function solve(target: number, df: number, upper: boolean): number {
  const a = df / 2;
  // f is increasing in q in both cases.
  const f = upper ? (q: number) => target - gammaQ(a, q / 2) : (q: number) => gammaP(a, q / 2) - target;
  let lo = 0;
  let hi = Math.max(1, df);
  while (f(hi) < 0) {
    lo = hi;
    hi *= 2;
  }
  // Wilson–Hilferty start, clamped into the bracket.
  let q = Math.min(Math.max(df, (lo + hi) / 2), hi);
  for (let i = 0; i < 200; i++) {
    const fq = f(q);
    if (fq === 0) return q;
    if (fq < 0) lo = q;
    else hi = q;
    const d = density(q, df);
    let next = q - fq / d;
    if (!(next > lo && next < hi) || !Number.isFinite(next)) next = (lo + hi) / 2;
    if (Math.abs(next - q) <= 4e-16 * Math.max(q, Number.MIN_VALUE) || hi - lo <= 4e-16 * hi) return next;
    q = next;
  }
  return q;
}

/** The p-quantile of χ²(df): chiSquareQuantile(0.975, 1) = 5.023886…; df = 0 gives 0. */
export function chiSquareQuantile(p: number, df: number): number {
  checkProbability(p);
  checkDf(df);
  if (df === 0 || p === 0) return 0;
  if (p === 1) return Infinity;
  return p <= 0.5 ? solve(p, df, false) : solve(1 - p, df, true);
}

/** The q with P(X > q) = tail for X ~ χ²(df): keeps precision for small upper tails such as α/2. */
export function chiSquareUpperQuantile(tail: number, df: number): number {
  checkProbability(tail);
  checkDf(df);
  if (df === 0 || tail === 1) return 0;
  if (tail === 0) return Infinity;
  return tail >= 0.5 ? solve(1 - tail, df, false) : solve(tail, df, true);
}
