// Seeded pseudo-random numbers, so simulated intervals (the SII's) are reproducible: the same
// seed gives the same draws on every machine. Not cryptographic.
import { normalQuantile } from './normal.ts';
import { finite } from './validate.ts';

/** mulberry32: a 32-bit generator of uniform draws in [0, 1) (2³² states per seed). */
export function seededRandom(seed: number): () => number {
  let state = finite('The seed', seed) >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Standard normal draws by inversion (as R's default rnorm): two 32-bit draws make one uniform
 * with 53 random bits, strictly inside (0, 1), which Φ⁻¹ maps to a normal deviate.
 */
export function seededNormal(seed: number): () => number {
  const uniform = seededRandom(seed);
  return () => {
    const high = Math.floor(uniform() * 67108864); // 26 bits
    const low = Math.floor(uniform() * 134217728); // 27 bits
    return normalQuantile((high * 134217728 + low + 0.5) / 9007199254740992);
  };
}
