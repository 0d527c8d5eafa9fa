import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    exclude: ['tests/e2e/**', 'node_modules/**'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    // DuckDB uses both cores; running test files one at a time keeps timings honest and memory low.
    fileParallelism: false,
  },
});
