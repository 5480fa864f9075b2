import { recordLink } from './teams/recordLink.ts';
import { join } from 'node:path';
import type { BotConfig } from './config.ts';
import { registerApi } from './http/registerApi.ts';
import { NodeHttpAdapter } from './http/server.ts';
import { createLogger, type AppLogger, type LogSink } from './logger.ts';
import { projectRoot } from './paths.ts';
import { firstSettings, openLiveSettings } from './admin/liveSettings.ts';
import { schedulePurge } from './purgeSchedule.ts';
import { createBallotBox } from './store/ballotBox.ts';
import { openDatabase, type Database } from './store/database.ts';
import { migrate } from './store/migrate.ts';
import { createBot, type BotOptions } from './teams/app.ts';
import { createChatRoster } from './teams/chatRoster.ts';
import type { Services } from './teams/services.ts';

const addinFolder = join(projectRoot, 'dist', 'addin');

export interface RunningBot {
  url: string;
  port: number;
  services: Services;
  stop(): Promise<void>;
}

/** Starts the bot: store, migrations, directory and roles, then the HTTP server with the Teams app on it. */
export async function startBot(
  config: BotConfig,
  options: BotOptions & { logSink?: LogSink; db?: Database } = {},
): Promise<RunningBot> {
  const log: AppLogger = createLogger(config.logLevel, options.logSink);
  const db = options.db ?? (await openDatabase(config.database));
  await migrate(db);
  // On a new store, the shipped directory and the roles file (when given) are the first settings.
  const settings = await openLiveSettings(db, log, () => firstSettings(config));
  const services: Services = {
    db,
    ballots: createBallotBox(db),
    settings,
    get directory() {
      return settings.directory;
    },
    get textValues() {
      return settings.textValues;
    },
    roster: createChatRoster(db, log),
    identifierRule: config.studentIdentifier,
    log,
    ...(config.recordPage ? { recordUrl: recordLink(config.recordPage) } : {}),
  };

  const adapter = new NodeHttpAdapter({
    host: config.host,
    // A bot that trusts whoever reaches it also refuses any Host but loopback (DNS rebinding).
    allowedHosts: config.auth.kind === 'dangerouslyUnauthenticated' ? 'loopback' : 'any',
    onError: (error) =>
      log.event('error', 'http.failed', { error: error instanceof Error ? error.name : 'unknown' }),
  });
  adapter.route('GET', '/healthz', async () => {
    try {
      await db.query('SELECT 1');
      return { status: 200, body: { status: 'ok', database: db.kind } };
    } catch {
      return {
        status: 503,
        body: { status: 'unavailable', database: db.kind, error: 'The case store cannot be reached.' },
      };
    }
  });
  registerApi(adapter, services, config);
  // The Outlook add-in's pages, built by `npm run build`.
  adapter.serveStatic('/addin', addinFolder);
  const app = createBot(services, config, adapter, options);
  await app.initialize();
  await adapter.start(config.port);
  const purging =
    config.purgeHourUtc === null
      ? undefined
      : schedulePurge(db, { hourUtc: config.purgeHourUtc, retentionYears: config.retentionYears }, log);
  const port = adapter.port ?? config.port;
  const host = config.host === '0.0.0.0' ? 'localhost' : config.host;
  log.event('info', 'bot.ready', { port, database: db.kind, authentication: config.auth.kind });
  return {
    url: `http://${host}:${port}`,
    port,
    services,
    async stop() {
      purging?.stop();
      await adapter.stop();
      await settings.stop();
      if (!options.db) await db.close();
    },
  };
}
