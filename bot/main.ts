// `npm run bot`: the Teams bot on PORT (default 3978) at /api/messages.
import { ConfigError, readConfig } from './config.ts';
import { startBot } from './start.ts';

try {
  const config = readConfig();
  const bot = await startBot(config);
  process.stdout.write(`Inclusion Partnerships bot listening on ${bot.url}/api/messages\n`);
  const stop = async () => {
    await bot.stop();
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop());
  process.once('SIGINT', () => void stop());
} catch (error) {
  const message = error instanceof ConfigError || error instanceof Error ? error.message : String(error);
  process.stderr.write(`${message}\n`);
  process.exitCode = 1;
}
