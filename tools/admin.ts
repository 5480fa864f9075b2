// `npm run --silent admin -- export [--out FILE]` prints (or writes) the administered settings as one document,
// `{ "directory": …, "roles": … }`; `npm run --silent admin -- import FILE` (or `-` for standard input) checks a
// document whole and applies it in one transaction, as one history entry. Both use DATA_DIR / DATABASE_URL like
// the bot; on a new store they start from the shipped directory (and ROLES_FILE). A bad import changes nothing,
// exits 1 and names the value to fix on one line.
import { readFileSync, writeFileSync } from 'node:fs';
import { firstSettings, settingsOrSeed } from '../bot/admin/liveSettings.ts';
import { applyImport } from '../bot/admin/transfer.ts';
import { readStoreConfig } from '../bot/config.ts';
import { openDatabase } from '../bot/store/database.ts';
import { migrate } from '../bot/store/migrate.ts';
import { exportSettings } from '../src/settings/transfer.ts';

const EXIT_INVALID_INPUT = 1;
const EXIT_USAGE = 2;
const USAGE =
  'usage: npm run --silent admin -- export [--out FILE] | import FILE   (FILE may be - for standard input)';

class Stop extends Error {
  readonly code: number;
  constructor(code: number, message: string) {
    super(message);
    this.code = code;
  }
}

function readDocument(source: string): unknown {
  let text: string;
  try {
    text = readFileSync(source === '-' ? 0 : source, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new Stop(
      EXIT_INVALID_INPUT,
      `cannot read ${source}: ${code === 'ENOENT' ? 'no such file' : (code ?? 'unreadable')}`,
    );
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new Stop(EXIT_INVALID_INPUT, `${source} is not JSON`);
  }
}

async function main(args: readonly string[]): Promise<string> {
  const [command, ...rest] = args;
  const out = rest[0] === '--out' ? rest[1] : undefined;
  const valid =
    (command === 'export' && (rest.length === 0 || (rest.length === 2 && out))) ||
    (command === 'import' && rest.length === 1);
  if (!valid) throw new Stop(EXIT_USAGE, USAGE);
  const document = command === 'import' ? readDocument(rest[0] ?? '') : undefined;
  const config = readStoreConfig();
  const db = await openDatabase(config.database);
  try {
    await migrate(db);
    const stored = await settingsOrSeed(db, () => firstSettings(config));
    if (command === 'export') {
      const text = `${JSON.stringify(exportSettings(stored.settings), null, 2)}\n`;
      if (!out) return text;
      writeFileSync(out, text);
      return '';
    }
    const applied = await applyImport(db, document, {
      id: 'admin-command',
      name: `npm run admin (${process.env.USER ?? 'unknown user'})`,
    });
    if (!applied.ok) throw new Stop(EXIT_INVALID_INPUT, applied.error.message);
    return '';
  } finally {
    await db.close();
  }
}

try {
  process.stdout.write(await main(process.argv.slice(2)));
} catch (error) {
  const stop =
    error instanceof Stop ? error : new Stop(70, `internal error: ${(error as Error)?.message ?? error}`);
  process.stderr.write(`admin: ${stop.message.replace(/\s*\n\s*/g, ' ')}\n`);
  process.exitCode = stop.code;
}
