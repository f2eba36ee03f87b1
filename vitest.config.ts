import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    globalSetup: ['tests/support/global-setup.ts'],
    setupFiles: ['tests/support/setup.ts'],
    include: ['tests/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Three files at once, each on its own DynamoDB Local (tests/support/global-setup.ts): a file waits on I/O, timers
    // and module loading much of its time, so three overlap well even on 2 cores (a single shared instance was
    // overloaded by three; one each is not).
    maxWorkers: 3,
    // .ci/run reads the counts from vitest's JSON reporter; locally the default reporter is enough.
    reporters: process.env.VITEST_JSON_REPORT
      ? ['default', ['json', { outputFile: process.env.VITEST_JSON_REPORT }]]
      : ['default'],
  },
});
