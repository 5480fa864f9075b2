import { describe, expect, it } from 'vitest';
import { purgeExpiredCases, reclaimSpace } from '../../bot/store/cases.ts';
import type { Database } from '../../bot/store/database.ts';

/**
 * What a purge asks of the store, for the cases the suites cannot stage on one embedded store: another instance
 * holding the purge lock, and a PostgreSQL server where the bot may not checkpoint. The real stores are purged in
 * cases.test.ts, purgeSchedule.test.ts and retention.test.ts (which searches the files for a purged identifier).
 */
function recordingStore(kind: Database['kind'], checkpoint: () => Promise<void> = async () => undefined) {
  const statements: string[] = [];
  const db = {
    kind,
    async query(sql: string) {
      statements.push(sql);
      return sql.includes('pg_try_advisory_xact_lock') ? [{ locked: false }] : [];
    },
    async exec(sql: string) {
      statements.push(sql);
      if (sql === 'CHECKPOINT') await checkpoint();
    },
    transaction: (work: (tx: Database) => Promise<unknown>) => work(db as unknown as Database),
  };
  return { db: db as unknown as Database, statements };
}

const rewritten = [
  'cases',
  'case_events',
  'votes',
  'vote_eligible',
  'ballots',
  'anonymous_counts',
  'action_plans',
].map((table) => `VACUUM FULL ${table}`);
const refused = () => Promise.reject(Object.assign(new Error('must be superuser'), { code: '42501' }));

describe('purging alongside other instances, and reclaiming the space', () => {
  it('purges nothing while another instance holds the purge lock', async () => {
    const { db, statements } = recordingStore('postgres');
    expect(await purgeExpiredCases(db, 7)).toBe(0);
    expect(statements.some((sql) => sql.startsWith('DELETE'))).toBe(false);
  });

  it('rewrites every purged table, then closes the embedded store’s log segment and checkpoints', async () => {
    const { db, statements } = recordingStore('pglite');
    expect(await reclaimSpace(db)).toEqual({ checkpointed: true });
    expect(statements).toEqual([...rewritten, 'SELECT pg_switch_wal()', 'CHECKPOINT']);
  });

  it('leaves a PostgreSQL server’s log to the server, and says when it may not checkpoint', async () => {
    const allowed = recordingStore('postgres');
    expect(await reclaimSpace(allowed.db)).toEqual({ checkpointed: true });
    expect(allowed.statements).toEqual([...rewritten, 'CHECKPOINT']);
    expect(await reclaimSpace(recordingStore('postgres', refused).db)).toEqual({ checkpointed: false });
    // Any other failure, or one on the embedded store, is an error.
    await expect(reclaimSpace(recordingStore('pglite', refused).db)).rejects.toThrow('must be superuser');
    const down = () => Promise.reject(Object.assign(new Error('connection lost'), { code: '08006' }));
    await expect(reclaimSpace(recordingStore('postgres', down).db)).rejects.toThrow('connection lost');
  });
});
