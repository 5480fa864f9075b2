// Part of `npm run build`: bundles the bot server into dist/bot, which `npm run bot` runs. Loading ~1,000
// separate files (the Teams SDK alone is ~700) took most of the bot's start-up; one bundle loads in a
// fraction of that. PGlite finds its WebAssembly beside its own module and pg has an optional native
// driver, so both stay in node_modules.
import { rmSync } from 'node:fs';
import { build } from 'rolldown';
import { projectRoot } from '../bot/paths.ts';
import { migratedPgliteTemplate } from '../bot/store/database.ts';

rmSync(`${projectRoot}/dist/bot`, { recursive: true, force: true });
const started = performance.now();
await build({
  cwd: projectRoot,
  input: 'bot/main.ts',
  platform: 'node',
  external: [/^@electric-sql\/pglite(\/|$)/, /^pg(\/|$)/],
  logLevel: 'warn',
  output: { dir: 'dist/bot', format: 'esm', sourcemap: true },
});
console.log(`Bot server bundled into dist/bot in ${Math.round(performance.now() - started)} ms`);

// A new embedded store starts as a copy of a migrated one, made here once per PGlite version and set of
// migrations (bot/store/pgliteTemplate.ts), so a newcomer's first `npm start` does not run initdb.
const template = await migratedPgliteTemplate();
if (!template) console.warn('No template for a new embedded store: its first start will run initdb');
