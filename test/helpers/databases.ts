import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { openPglite, openPostgres, type Database } from '../../bot/store/database.ts';
import { migrate } from '../../bot/store/migrate.ts';

/**
 * The stores under test: always PGlite, and a real PostgreSQL server when TEST_DATABASE_URL names one
 * (`.ci/run` starts Debian's postgresql and sets it). Each call gets a fresh, migrated database.
 */
export const serverUrl = process.env.TEST_DATABASE_URL;

export interface TestDatabase {
  db: Database;
  /** For PostgreSQL: the URL of this fresh database, so other processes can share it. */
  url?: string;
  drop(): Promise<void>;
}

export async function freshPglite(): Promise<TestDatabase> {
  const db = await openPglite(undefined);
  await migrate(db);
  return { db, drop: () => db.close() };
}

export async function freshPostgres(): Promise<TestDatabase> {
  if (!serverUrl) throw new Error('TEST_DATABASE_URL is not set');
  const name = `test_${randomUUID().replace(/-/g, '')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const db = openPostgres(url.toString(), { maxConnections: 20 });
  await migrate(db);
  return {
    db,
    url: url.toString(),
    async drop() {
      await db.close();
      const cleanup = new pg.Client({ connectionString: serverUrl });
      await cleanup.connect();
      try {
        // FORCE also stops an autovacuum worker busy on the database, which needs pg_signal_backend (granted
        // by .ci/postgres.sh); without it, wait for the worker to finish and try again.
        for (let attempt = 1; ; attempt++) {
          try {
            await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
            break;
          } catch (error) {
            if ((error as { code?: string }).code !== '42501' || attempt === 20) throw error;
            await new Promise((resolve) => setTimeout(resolve, 250));
          }
        }
      } finally {
        await cleanup.end();
      }
    },
  };
}

/** The kinds of store to run a suite against here. */
export const storeKinds: { name: string; fresh: () => Promise<TestDatabase> }[] = [
  { name: 'PGlite', fresh: freshPglite },
  ...(serverUrl ? [{ name: 'PostgreSQL', fresh: freshPostgres }] : []),
];
