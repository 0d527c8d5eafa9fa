// Simulated intervals are reproducible only if the generator is: same seed, same draws.
import { describe, expect, it } from 'vitest';
import { seededNormal, seededRandom } from '../../../metrics/statistics/index.ts';

const take = (f: () => number, n: number) => Array.from({ length: n }, f);

describe('seededRandom', () => {
  it('repeats its sequence for a seed and differs between seeds', () => {
    expect(take(seededRandom(1), 5)).toEqual(take(seededRandom(1), 5));
    expect(take(seededRandom(1), 5)).not.toEqual(take(seededRandom(2), 5));
  });

  it('draws uniformly in [0, 1): mean ½ and variance 1/12 over 100,000 draws', () => {
    const u = take(seededRandom(42), 100_000);
    expect(Math.min(...u)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...u)).toBeLessThan(1);
    const mean = u.reduce((s, x) => s + x, 0) / u.length;
    const variance = u.reduce((s, x) => s + (x - mean) ** 2, 0) / u.length;
    expect(Math.abs(mean - 0.5)).toBeLessThan(0.005);
    expect(Math.abs(variance - 1 / 12)).toBeLessThan(0.002);
  });
});

describe('seededNormal', () => {
  it('draws standard normals: mean 0, sd 1, 2.5% below −1.96 (100,000 draws)', () => {
    const z = take(seededNormal(7), 100_000);
    const mean = z.reduce((s, x) => s + x, 0) / z.length;
    const sd = Math.sqrt(z.reduce((s, x) => s + (x - mean) ** 2, 0) / z.length);
    expect(Math.abs(mean)).toBeLessThan(0.01);
    expect(Math.abs(sd - 1)).toBeLessThan(0.01);
    expect(Math.abs(z.filter((x) => x < -1.959963984540054).length / z.length - 0.025)).toBeLessThan(0.003);
    expect(z.every(Number.isFinite)).toBe(true);
  });

  it('is reproducible for a seed', () => {
    expect(take(seededNormal(3), 10)).toEqual(take(seededNormal(3), 10));
  });
});
