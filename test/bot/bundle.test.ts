import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { root } from '../helpers/fixtures.ts';
import { spawnBot, stopProcess } from '../helpers/process.ts';

// `npm run bot` (and so App Service) runs the bundle in dist/bot, which `npm run build` makes before the tests.
// A focused run (`vitest run test/bot`) on a clone that was never built builds it first.
const built = ['dist/bot/main.js', 'dist/addin/taskpane.html'];

describe('the bundled bot server', () => {
  beforeAll(() => {
    if (built.every((file) => existsSync(join(root, file)))) return;
    const build = spawnSync('npm', ['run', 'build'], { cwd: root, encoding: 'utf8' });
    if (build.status !== 0)
      throw new Error(`the bundle is missing and \`npm run build\` failed:\n${build.stdout}${build.stderr}`);
  }, 600_000);

  it('starts on a new store, finds its migrations and the add-in pages, and answers', async () => {
    for (const file of built) expect(existsSync(join(root, file)), `${file} after npm run build`).toBe(true);
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
