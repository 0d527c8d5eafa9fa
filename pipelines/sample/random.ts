/**
 * Seeded pseudo-random numbers (mulberry32) and the few distributions the generator needs.
 * Every dataset draws from its own stream (`forkRng(seed, 'outpatients')`), so changing how one
 * dataset is generated never changes the bytes of another.
 */
export class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Integer in [lo, hi], both inclusive. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  /** Index drawn in proportion to `weights` (small arrays; use WeightedTable for big ones). */
  weightedIndex(weights: readonly number[]): number {
    let total = 0;
    for (const w of weights) total += w;
    let u = this.next() * total;
    for (let i = 0; i < weights.length; i++) {
      u -= weights[i];
      if (u < 0) return i;
    }
    return weights.length - 1;
  }

  /** One of `choices`, each given as [value, weight]. */
  weighted<T>(choices: readonly (readonly [T, number])[]): T {
    return choices[this.weightedIndex(choices.map((c) => c[1]))][0];
  }

  normal(): number {
    const u = 1 - this.next();
    const v = this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /** Log-normal with the given median and log-scale standard deviation. */
  logNormal(median: number, sigma: number): number {
    return median * Math.exp(sigma * this.normal());
  }

  /** Number of failures before the first success: mean (1 - p) / p. */
  geometric(mean: number): number {
    if (mean <= 0) return 0;
    const p = 1 / (1 + mean);
    return Math.floor(Math.log(1 - this.next()) / Math.log(1 - p));
  }

  /** Poisson count (Knuth for small means, normal approximation above 50). */
  poisson(mean: number): number {
    if (mean > 50) return Math.max(0, Math.round(mean + Math.sqrt(mean) * this.normal()));
    const limit = Math.exp(-mean);
    let k = 0;
    let p = this.next();
    while (p > limit) {
      k++;
      p *= this.next();
    }
    return k;
  }
}

/** FNV-1a hash of a label mixed with the seed: a stable seed for a named stream. */
export function forkRng(seed: number, label: string): Rng {
  let h = 0x811c9dc5 ^ (seed >>> 0);
  for (let i = 0; i < label.length; i++) {
    h ^= label.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= Math.imul(seed >>> 0, 0x9e3779b1);
  return new Rng(h >>> 0);
}

/** Draws indices in proportion to a large array of weights (cumulative sums + binary search). */
export class WeightedTable {
  private readonly cumulative: Float64Array;
  readonly total: number;

  constructor(weights: ArrayLike<number>) {
    this.cumulative = new Float64Array(weights.length);
    let sum = 0;
    for (let i = 0; i < weights.length; i++) {
      const w = weights[i];
      sum += w > 0 && Number.isFinite(w) ? w : 0;
      this.cumulative[i] = sum;
    }
    this.total = sum;
  }

  draw(rng: Rng): number {
    const u = rng.next() * this.total;
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.cumulative[mid] > u) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }
}

/** Multiplier for IMD quintile q (1 most deprived) running geometrically from `q1Ratio` at Q1 to 1 at Q5. */
export function gradient(quintile: number, q1Ratio: number): number {
  return Math.pow(q1Ratio, (5 - quintile) / 4);
}

/** Probability from odds times a multiplier (keeps adjusted probabilities inside 0–1). */
export function scaleOdds(p: number, multiplier: number): number {
  const odds = (p / (1 - p)) * multiplier;
  return odds / (1 + odds);
}
