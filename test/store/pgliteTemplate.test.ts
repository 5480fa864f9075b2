import { existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openPglite } from '../../bot/store/database.ts';
import { migrate, migrations } from '../../bot/store/migrate.ts';
import { pgliteVersion, templateName } from '../../bot/store/pgliteTemplate.ts';

const versions = migrations().map((migration) => migration.version);
const applied = async (db: Awaited<ReturnType<typeof openPglite>>) =>
  (await db.query<{ version: string }>('SELECT version FROM schema_migrations ORDER BY version')).map(
    (row) => row.version,
  );

describe('a new embedded store starts from a migrated template', () => {
  const cache = mkdtempSync(join(tmpdir(), 'template-cache-'));
  // A template of an older PGlite release, which nothing sharing this node_modules can use again.
  mkdirSync(join(cache, 'pglite-0.0.1-000000000000'));

  it('makes the template once, for this PGlite version and these migrations, with every migration applied', async () => {
    const dataDir = join(mkdtempSync(join(tmpdir(), 'template-store-')), 'pglite');
    mkdirSync(dataDir);
    const db = await openPglite(dataDir, { templateCache: cache });
    expect(await applied(db)).toEqual(versions);
    expect(await migrate(db)).toEqual([]);
    await db.exec(`CREATE TABLE only_here (name text); INSERT INTO only_here VALUES ('written')`);
    await db.close();
    expect(templateName()).toMatch(
      new RegExp(`^pglite-${pgliteVersion.replace(/\./g, '\\.')}-[0-9a-f]{12}$`),
    );
    expect(readdirSync(cache)).toEqual([templateName()]);
  }, 60_000);

  it('copies it into each new data directory, which then holds only its own rows', async () => {
    const dataDir = join(mkdtempSync(join(tmpdir(), 'template-store-')), 'pglite');
    const db = await openPglite(dataDir, { templateCache: cache });
    expect(existsSync(join(dataDir, 'PG_VERSION'))).toBe(true);
    expect(await applied(db)).toEqual(versions);
    expect(await db.query(`SELECT to_regclass('only_here') AS t`)).toEqual([{ t: null }]);
    await db.close();
  });

  it('loads it into an in-memory store', async () => {
    const db = await openPglite(undefined, { templateCache: cache });
    expect(await applied(db)).toEqual(versions);
    await db.close();
  });

  it('opens an existing data directory as it is, without copying over it', async () => {
    const dataDir = join(mkdtempSync(join(tmpdir(), 'template-store-')), 'pglite');
    const first = await openPglite(dataDir, { templateCache: cache });
    await first.exec(`CREATE TABLE kept (name text); INSERT INTO kept VALUES ('Kept')`);
    await first.close();
    const again = await openPglite(dataDir, { templateCache: cache });
    expect(await again.query<{ name: string }>('SELECT name FROM kept')).toEqual([{ name: 'Kept' }]);
    await again.close();
  });

  it('still opens a new store when no template can be made (a read-only installation)', async () => {
    const blocked = join(mkdtempSync(join(tmpdir(), 'template-blocked-')), 'file');
    writeFileSync(blocked, 'not a folder');
    const db = await openPglite(undefined, { templateCache: blocked });
    expect(await migrate(db)).toEqual(versions);
    await db.close();
  }, 60_000);
});
