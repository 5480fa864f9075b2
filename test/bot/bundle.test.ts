import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { root } from '../helpers/fixtures.ts';
import { spawnBot, stopProcess } from '../helpers/process.ts';

// `npm run bot` (and so App Service) runs the bundle in dist/bot, which `npm run build` makes before the tests.
describe('the bundled bot server', () => {
  it('starts on a new store, finds its migrations and the add-in pages, and answers', async () => {
    expect(existsSync(join(root, 'dist/bot/main.js')), 'run `npm run build` first').toBe(true);
    const bot = await spawnBot({ DATA_DIR: mkdtempSync(join(tmpdir(), 'bundle-')) }, 'dist/bot/main.js');
    try {
      const health = await fetch(`${bot.url}/healthz`);
      expect([health.status, await health.json()]).toEqual([200, { status: 'ok', database: 'pglite' }]);
      const pane = await fetch(`${bot.url}/addin/taskpane.html`);
      expect(pane.status).toBe(200);
      expect(await pane.text()).toContain('id=root');
      const refused = await fetch(`${bot.url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{',
      });
      expect(refused.status).toBe(400);
    } finally {
      await stopProcess(bot.process);
    }
  }, 30_000);
});
