// What the store's commands share (`npm run report`, `npm run records`): arguments, the store and its directory,
// and one line on failure, never a stack trace.
import { firstSettings, settingsOrSeed } from '../bot/admin/liveSettings.ts';
import { readStoreConfig } from '../bot/config.ts';
import { openDatabase, type Database } from '../bot/store/database.ts';
import { migrate } from '../bot/store/migrate.ts';
import type { Directory } from '../src/directory/directory.ts';
import { checkRange } from '../src/reports/terms.ts';
import { directoryOf } from '../src/settings/settings.ts';
import { isPartnershipId, partnershipIds, type PartnershipId } from '../src/templates/fields.ts';

export class Stop extends Error {
  readonly code: number;
  constructor(code: number, message: string) {
    super(message);
    this.code = code;
  }
}

/** `--partnership`, `--from`, `--to` and the `extra` options, each given once as `--name value`. */
export function reportArguments(args: readonly string[], usage: string, extra: readonly string[]) {
  const options: Record<string, string> = {};
  for (let index = 0; index < args.length; index += 2) {
    const name = args[index]?.replace(/^--/, '') ?? '';
    const value = args[index + 1];
    if (
      !args[index]?.startsWith('--') ||
      value === undefined ||
      !['partnership', 'from', 'to', ...extra].includes(name)
    )
      throw new Stop(2, usage);
    options[name] = value;
  }
  const partnership = options.partnership ?? '';
  if (partnership !== 'all' && !isPartnershipId(partnership))
    throw new Stop(
      1,
      `--partnership: expected one of ${partnershipIds.join(', ')} or all, got "${partnership}"`,
    );
  const range = checkRange(options.from, options.to);
  if (!range.ok) throw new Stop(1, `--${range.error.message}`);
  return { partnership: partnership as PartnershipId | 'all', range: range.value, options };
}

/** Opens the store (DATA_DIR or DATABASE_URL, as the bot), runs `work` with its directory, and closes it. */
export async function commandStore(
  work: (store: { db: Database; directory: Directory }) => Promise<string>,
): Promise<string> {
  const config = readStoreConfig();
  const db = await openDatabase(config.database);
  try {
    await migrate(db);
    const stored = await settingsOrSeed(db, () => firstSettings(config));
    return await work({ db, directory: directoryOf(stored.settings) });
  } finally {
    await db.close();
  }
}

/** Runs a command's main: its output to standard output, a Stop as one line on standard error. */
export function runCommand(name: string, main: (args: readonly string[]) => Promise<string>): void {
  main(process.argv.slice(2)).then(
    (output) => process.stdout.write(output),
    (error: unknown) => {
      process.stderr.write(`${name}: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = error instanceof Stop ? error.code : 70;
    },
  );
}
