import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Scans everything the bots logged during the whole run for children's data (test/logScan.globalSetup.ts).
    globalSetup: ['test/logScan.globalSetup.ts'],
  },
});
