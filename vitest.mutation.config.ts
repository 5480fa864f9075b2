import { defineConfig } from 'vitest/config';

/**
 * The suites `npm run mutate` (stryker.config.json) runs against each mutant: those that call the mutated code
 * directly in this process, and quickly enough to be run again for each of a thousand mutants on two cores.
 * The end-to-end suites that start a whole bot (test/bot, test/security/authorisationMatrix.test.ts and the
 * rest) run in `npm test`: each of them takes seconds to start, which per mutant would make a run take hours.
 * Also left out: suites that start the bot or a tool as a separate process, or a browser (a mutant is only active
 * in the process that loads it), and the log scan (test/logScan.globalSetup.ts), which `npm test` runs.
 */
export default defineConfig({
  test: {
    include: [
      'test/bot/apiAuth.test.ts',
      'test/bot/purgeSchedule.test.ts',
      'test/cards/**/*.test.ts',
      'test/cases/**/*.test.ts',
      'test/flow/**/*.test.ts',
      'test/security/policy.test.ts',
      'test/store/cases.test.ts',
      'test/store/reclaim.test.ts',
      'test/store/recusal.test.ts',
      'test/store/votes.test.ts',
      'test/templates/**/*.test.ts',
      'test/text/**/*.test.ts',
      'test/votes/**/*.test.ts',
    ],
    exclude: ['test/**/seedWording.test.ts'],
    // Instrumented code on a busy two-core machine: a store's start-up can take several times as long.
    hookTimeout: 60_000,
    testTimeout: 60_000,
  },
});
