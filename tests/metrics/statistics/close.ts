import { expect } from 'vitest';

/** Asserts agreement to `tolerance` relative (absolute near 0): the 1e-9 of docs/methods.md. */
export function expectClose(actual: number, expected: number, tolerance = 1e-9): void {
  const scale = Math.max(Math.abs(expected), 1e-300);
  const error = expected === 0 ? Math.abs(actual) : Math.abs(actual - expected) / scale;
  expect(error, `${actual} vs ${expected}`).toBeLessThanOrEqual(tolerance);
}
