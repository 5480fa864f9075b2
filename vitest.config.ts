import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Scans everything the bots logged during the whole run for children's data (test/logScan.globalSetup.ts).
    globalSetup: ['test/logScan.globalSetup.ts'],
    // `npm run mutate` copies the project into .stryker-tmp while it runs: those copies are not this project's tests.
    exclude: [...configDefaults.exclude, '.stryker-tmp/**', 'reports/**'],
    // Suites start an embedded PostgreSQL and a bot before their tests: on a busy 2-core machine that can take
    // longer than vitest's 10 s default, which is a slow machine, not a failure.
    hookTimeout: 60_000,
  },
});
