import type { Directory } from '../../src/directory/directory.ts';
import { directoryOf, type Settings, type SettingsKey } from '../../src/settings/settings.ts';
import { flowTextValues } from '../../src/flows.ts';
import type { TextValues } from '../../src/flow/interpret.ts';
import type { AppLogger } from '../logger.ts';
import type { Database } from '../store/database.ts';
import { readSettings, seedSettings, SETTINGS_CHANNEL } from '../store/settings.ts';

/**
 * The administered settings as the bot uses them: held in memory, so a card action reads them without a query,
 * and replaced whenever they change: at once in the process that wrote them, within a second in any other
 * (PostgreSQL NOTIFY), and at worst within half a minute should a notice be lost while reconnecting.
 */

export interface LiveSettings {
  readonly settings: Settings;
  readonly versions: Readonly<Record<SettingsKey, number>>;
  /** The directory in the shape the cards and templates use, kept in step with the settings. */
  readonly directory: Directory;
  readonly textValues: TextValues;
  /** Reads the settings again (after this process wrote them, or when told another did). */
  reload(): Promise<void>;
  stop(): Promise<void>;
}

const SAFETY_POLL_MS = 30_000;

export async function openLiveSettings(
  db: Database,
  log: AppLogger,
  firstRun: () => Settings,
): Promise<LiveSettings> {
  let stored = await readSettings(db);
  if (!stored) {
    if (await seedSettings(db, firstRun(), null)) log.event('info', 'settings.seeded', {});
    stored = await readSettings(db);
    if (!stored) throw new Error('The settings were not stored');
  }
  let current = stored;
  let directory = directoryOf(current.settings);
  let textValues = flowTextValues(directory);

  async function reload() {
    const next = await readSettings(db);
    if (!next) return;
    current = next;
    directory = directoryOf(next.settings);
    textValues = flowTextValues(directory);
  }
  const reloadQuietly = () =>
    reload().catch((error: unknown) =>
      log.event('warn', 'settings.reloadFailed', { error: error instanceof Error ? error.name : 'unknown' }),
    );

  const stopListening = await db.listen(SETTINGS_CHANNEL, () => void reloadQuietly());
  const poll = setInterval(() => {
    void db
      .query<{ key: SettingsKey; version: number }>('SELECT key, version FROM settings')
      .then((rows) => {
        if (rows.some((row) => current.versions[row.key] !== row.version)) return reloadQuietly();
      })
      .catch(() => undefined);
  }, SAFETY_POLL_MS);
  poll.unref();

  return {
    get settings() {
      return current.settings;
    },
    get versions() {
      return current.versions;
    },
    get directory() {
      return directory;
    },
    get textValues() {
      return textValues;
    },
    reload,
    async stop() {
      clearInterval(poll);
      // The store may already be closed (a test of an outage): there is nothing left to stop listening to.
      await stopListening().catch(() => undefined);
    },
  };
}
