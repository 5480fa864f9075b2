import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { ReasonedError } from '../../src/errors.ts';
import type { BotConfig } from '../config.ts';
import { migrate } from './migrate.ts';
import { copyTemplate, pgliteTemplate } from './pgliteTemplate.ts';
import type { Database, Queryable } from './queryable.ts';

/**
 * PostgreSQL is the system of record. With no DATABASE_URL the app runs on an embedded, file-backed PGlite so
 * a newcomer needs nothing installed; with one, several bot processes share a real server. Both speak the
 * same SQL, so one set of migrations and one store serve both.
 */

export type { Database, Queryable } from './queryable.ts';

/** A database failure the caller can explain to a person: the store is unreachable, or it refused. */
export class StoreUnavailableError extends ReasonedError<'storeUnavailable'> {
  constructor(cause: unknown) {
    super('storeUnavailable', 'The case store cannot be reached', { cause });
  }
}

export async function openPglite(
  dataDir: string | undefined,
  { templateCache }: { templateCache?: string } = {},
): Promise<Database> {
  // No dataDir means in memory (tests); otherwise files under dataDir survive restarts. A local store serves
  // one machine's meetings: 16 MB of shared buffers (PostgreSQL's 128 MB default is for servers) starts
  // sooner and leaves the bot 100 MB smaller. wal_recycle off deletes old write-ahead log segments instead of
  // renaming them for reuse with their old bytes, so a purged record leaves the log too (reclaimSpace).
  const options = { postgresqlconf: ['shared_buffers = 16MB', 'wal_recycle = off'] };
  // A new store starts as a copy of a migrated one made once for this PGlite version (pgliteTemplate.ts),
  // instead of running initdb in WebAssembly and every migration, which took 4 s and 700 MiB.
  const isNew = dataDir === undefined || !existsSync(join(dataDir, 'PG_VERSION'));
  const template = isNew ? await migratedPgliteTemplate(templateCache) : undefined;
  if (dataDir === undefined)
    return wrapPglite(
      await PGlite.create(
        template ? { ...options, loadDataDir: new Blob([readFileSync(template.tarball)]) } : options,
      ),
    );
  if (template) copyTemplate(template, dataDir);
  return wrapPglite(await PGlite.create(dataDir, options));
}

/** The template a new embedded store is copied from: made now (initdb and migrations) if there is none. */
export function migratedPgliteTemplate(cache?: string) {
  return pgliteTemplate((fresh) => migrate(wrapPglite(fresh)).then(() => undefined), cache);
}

function wrapPglite(db: PGlite): Database {
  return {
    kind: 'pglite',
    async query<T>(sql: string, params: readonly unknown[] = []) {
      return (await db.query<T>(sql, [...params])).rows;
    },
    async exec(sql: string) {
      await db.exec(sql);
    },
    listen(channel, onNotice) {
      return db.listen(channel, onNotice);
    },
    transaction<T>(work: (tx: Queryable) => Promise<T>) {
      return db.transaction((tx) =>
        work({
          query: async <R>(sql: string, params: readonly unknown[] = []) =>
            (await tx.query<R>(sql, [...params])).rows,
        }),
      );
    },
    async close() {
      await db.close();
    },
  };
}

const RETRYABLE = new Set(['40001', '40P01']);
const UNREACHABLE = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'ETIMEDOUT',
  'ECONNRESET',
  '57P01',
  '57P03',
  '08006',
  '08001',
]);

function isUnreachable(error: unknown): boolean {
  const code = (error as { code?: string } | undefined)?.code;
  return (
    (code !== undefined && UNREACHABLE.has(code)) ||
    /Connection terminated|timeout exceeded/i.test(String(error))
  );
}

export function openPostgres(connectionString: string, options: { maxConnections?: number } = {}): Database {
  const pool = new pg.Pool({
    connectionString,
    max: options.maxConnections ?? 10,
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
  });
  // An idle client losing its connection must not crash the process; the next query reports it.
  pool.on('error', () => undefined);

  const run = async <T>(client: pg.Pool | pg.PoolClient, sql: string, params: readonly unknown[] = []) => {
    try {
      return (await client.query(sql, [...params])).rows as T[];
    } catch (error) {
      throw isUnreachable(error) ? new StoreUnavailableError(error) : error;
    }
  };

  return {
    kind: 'postgres',
    query: <T>(sql: string, params?: readonly unknown[]) => run<T>(pool, sql, params),
    async exec(sql: string) {
      await run(pool, sql);
    },
    listen: (channel, onNotice) => listenOnPostgres(connectionString, channel, onNotice),
    async transaction<T>(work: (tx: Queryable) => Promise<T>) {
      for (let attempt = 1; ; attempt++) {
        let client: pg.PoolClient;
        try {
          client = await pool.connect();
        } catch (error) {
          throw new StoreUnavailableError(error);
        }
        try {
          await client.query('BEGIN');
          const result = await work({
            query: <R>(sql: string, params?: readonly unknown[]) => run<R>(client, sql, params),
          });
          await client.query('COMMIT');
          return result;
        } catch (error) {
          await client.query('ROLLBACK').catch(() => undefined);
          const code = (error as { code?: string }).code;
          if (code !== undefined && RETRYABLE.has(code) && attempt < 5) continue;
          throw isUnreachable(error) ? new StoreUnavailableError(error) : error;
        } finally {
          client.release();
        }
      }
    },
    async close() {
      await pool.end();
    },
  };
}

/**
 * LISTEN on a connection of its own (a pooled one would be handed to someone else). When the connection drops it
 * reconnects, after a pause, until stopped; callers that must not miss a change also check now and then.
 */
async function listenOnPostgres(
  connectionString: string,
  channel: string,
  onNotice: (payload: string) => void,
): Promise<() => Promise<void>> {
  let client: pg.Client | undefined;
  let stopped = false;
  let retry: ReturnType<typeof setTimeout> | undefined;
  const connect = async () => {
    const next = new pg.Client({ connectionString, connectionTimeoutMillis: 5_000 });
    next.on('notification', (message) => {
      if (message.channel === channel) onNotice(message.payload ?? '');
    });
    const again = () => {
      if (stopped || client !== next) return;
      client = undefined;
      retry = setTimeout(() => void connect().catch(again), 1_000);
    };
    next.on('error', again);
    next.on('end', again);
    client = next;
    await next.connect();
    await next.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
  };
  await connect();
  return async () => {
    stopped = true;
    if (retry) clearTimeout(retry);
    await client?.end().catch(() => undefined);
  };
}

/** The store the configuration names: a PostgreSQL server, or the embedded PGlite in its data directory. */
export async function openDatabase(database: BotConfig['database']): Promise<Database> {
  if (database.kind === 'postgres') return openPostgres(database.url);
  mkdirSync(database.dataDir, { recursive: true });
  return openPglite(database.dataDir);
}
