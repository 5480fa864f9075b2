import type { Directory } from '../../src/directory/directory.ts';
import {
  directoryOf,
  settingsFromFiles,
  type Settings,
  type SettingsKey,
} from '../../src/settings/settings.ts';
import { readDirectoryFile } from '../directoryFile.ts';
import { noRoles, readRolesFile } from '../roles.ts';
import { flowTextValues } from '../../src/flows.ts';
import type { TextValues } from '../../src/flow/interpret.ts';
import type { AppLogger } from '../logger.ts';
import type { Database } from '../store/database.ts';
import { readSettings, seedSettings, SETTINGS_CHANNEL, type StoredSettings } from '../store/settings.ts';

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

/** The stored settings; on a new store, `firstRun`'s first (whichever process gets there first stores them). */
export async function settingsOrSeed(db: Database, firstRun: () => Settings): Promise<StoredSettings> {
  const stored = await readSettings(db);
  if (stored) return stored;
  await seedSettings(db, firstRun(), null);
  const seeded = await readSettings(db);
  if (!seeded) throw new Error('The settings were not stored');
  return seeded;
}

/** The first settings of a new store: the shipped (or DIRECTORY_FILE's) directory and ROLES_FILE's people. */
export function firstSettings(files: { directoryFile: string; rolesFile?: string }): Settings {
  return settingsFromFiles(
    readDirectoryFile(files.directoryFile),
    files.rolesFile ? readRolesFile(files.rolesFile) : noRoles,
  );
}

export async function openLiveSettings(
  db: Database,
  log: AppLogger,
  firstRun: () => Settings,
): Promise<LiveSettings> {
  let current = await settingsOrSeed(db, firstRun);
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
