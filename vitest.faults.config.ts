import { defineConfig } from 'vitest/config';

// The fault campaign (`npm run test:faults`): processes killed, databases and servers stopped,
// load for minutes. Slow, so apart from `npm test`; `.ci/run` runs both.
export default defineConfig({
  test: {
    include: ['test/faults/**/*.test.ts'],
    pool: 'forks',
    // One file at a time: the load test's figures, and the outages, need the machine to themselves.
    maxWorkers: 1,
    fileParallelism: false,
    testTimeout: 900_000,
    hookTimeout: 600_000,
    globalSetup: ['test/support/global-setup.ts'],
  },
});
