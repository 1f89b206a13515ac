import { defineConfig } from 'vitest/config';

// One fork runs the files in turn: Temporal servers and PostgreSQL are shared, and two
// cores do not run several of them well at once.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The fault campaign has its own run: npm run test:faults (vitest.faults.config.ts).
    exclude: ['test/faults/**', 'node_modules/**'],
    pool: 'forks',
    maxWorkers: 1,
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 180_000,
    globalSetup: ['test/support/global-setup.ts'],
  },
});
