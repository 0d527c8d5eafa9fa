import { defineConfig } from 'vitest/config';

// Browser end-to-end tests: one real server (fresh database, sample data) for the whole run,
// headless Chromium driven by playwright-core. Run with `npm run test:e2e` (builds the app first).
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.test.ts'],
    globalSetup: ['tests/e2e/global-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 240_000,
    fileParallelism: false,
    // Each file shares one browser; a retry hides nothing here, so none.
    retry: 0,
  },
});
