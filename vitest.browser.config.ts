import { defineConfig } from 'vitest/config';

/**
 * Browser tests: Node drives the system Chromium (playwright-core) against the production build,
 * served by `vite preview` from the global setup. One file at a time: the tests share one machine's
 * cores with the page's training worker, and timings matter.
 */
export default defineConfig({
  test: {
    environment: 'node',
    include: ['tests/browser/**/*.test.ts'],
    globalSetup: ['tests/browser/globalSetup.ts'],
    fileParallelism: false,
    maxWorkers: 1,
    testTimeout: 180_000,
    hookTimeout: 180_000,
  },
});
