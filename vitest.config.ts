import { defineConfig } from 'vitest/config';
import JourneysApart from './tests/support/sequencer.ts';

export default defineConfig({
  test: {
    globalSetup: ['tests/support/global-setup.ts'],
    setupFiles: ['tests/support/setup.ts'],
    include: ['tests/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Two files at once, each on its own DynamoDB Local (tests/support/global-setup.ts): a file waits on I/O and
    // module loading much of its time, so two overlap well even on 2 cores. Three cut the suite from 858 s to 707 s,
    // but the CPU was then ~85 % busy and tests that drive the change stream and the alert job ran past their
    // timeouts in one clean run of two.
    maxWorkers: 2,
    sequence: { sequencer: JourneysApart },
    // .ci/run reads the counts from vitest's JSON reporter; locally the default reporter is enough.
    reporters: process.env.VITEST_JSON_REPORT
      ? ['default', ['json', { outputFile: process.env.VITEST_JSON_REPORT }]]
      : ['default'],
  },
});
