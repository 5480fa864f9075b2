import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchChromium } from './browser.ts';
import { freshPglite, type TestDatabase } from './databases.ts';
import { startConnector, startTestBot, type MockConnector, type TestBot } from './teams.ts';

/** What a browser test of a built page runs against: a fresh store, the bot serving the page, and Chromium. */
export interface BrowserSuite {
  store: TestDatabase;
  bot: TestBot;
  browser: Browser;
  /** The mock Bot Framework connector, for a suite that clicks cards as well (`connector: true`). */
  connector: MockConnector;
}

/**
 * Starts, before a describe block's tests, what a browser test of a page built into dist/addin needs: checks the
 * page is built, opens a fresh store, starts the bot in local mode with `rolesFile` (and a mock connector when
 * asked), lets `seed` fill the store, and launches Chromium; stops it all after them. Its fields are there
 * from the first test on.
 */
export function browserSuite(
  page: string,
  options: { rolesFile: string; connector?: boolean; seed?: (suite: BrowserSuite) => Promise<void> },
): BrowserSuite {
  const suite = {} as BrowserSuite;
  const built = fileURLToPath(new URL(`../../dist/addin/${page}`, import.meta.url));
  beforeAll(async () => {
    if (!existsSync(built)) throw new Error('Build the add-in first: npm run build (npm test does)');
    suite.store = await freshPglite();
    if (options.connector) suite.connector = await startConnector();
    suite.bot = await startTestBot(suite.store.db, { allowedTenantIds: [], rolesFile: options.rolesFile });
    await options.seed?.(suite);
    suite.browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await suite.browser?.close();
    await suite.bot?.stop();
    await suite.connector?.close();
    await suite.store?.drop();
  });
  return suite;
}
