// `npm run bot`: the Teams bot on PORT (default 3978) at /api/messages.
import module from 'node:module';

// Node keeps the compiled (and type-stripped) modules on disk, so a restart does not compile them again.
// Everything else is imported below, after this line, so that it is cached too.
module.enableCompileCache();

const { ConfigError, readConfig } = await import('./config.ts');
try {
  const config = readConfig();
  // The store starts opening first, so PGlite's file reads and WebAssembly compile overlap loading the rest.
  const { openDatabase } = await import('./store/database.ts');
  const opening = openDatabase(config.database);
  opening.catch(() => undefined); // reported below, once awaited
  const { startBot } = await import('./start.ts');
  const db = await opening;
  const bot = await startBot(config, { db });
  process.stdout.write(`Inclusion Partnerships bot listening on ${bot.url}/api/messages\n`);
  const stop = async () => {
    await bot.stop();
    await db.close();
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop());
  process.once('SIGINT', () => void stop());
} catch (error) {
  const message = error instanceof ConfigError || error instanceof Error ? error.message : String(error);
  process.stderr.write(`${message}\n`);
  process.exitCode = 1;
}
