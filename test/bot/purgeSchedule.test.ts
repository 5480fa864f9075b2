import { describe, expect, it } from 'vitest';
import { readConfig, readStoreConfig } from '../../bot/config.ts';
import { createLogger } from '../../bot/logger.ts';
import { purgeNow, untilNextPurge } from '../../bot/purgeSchedule.ts';
import { casesOfConversation, createCase } from '../../bot/store/cases.ts';
import { newCase } from '../helpers/cases.ts';
import { freshPglite } from '../helpers/databases.ts';

const production = {
  CLIENT_ID: 'app',
  TENANT_ID: 'tenant',
  MANAGED_IDENTITY_CLIENT_ID: 'mi',
  ALLOWED_TENANT_IDS: 'tenant',
  DATABASE_URL: 'postgres://db.example/inclusion',
};

describe('the daily purge', () => {
  it('is on at 02:00 UTC in production unless PURGE_HOUR says otherwise, and off for local use', () => {
    expect(readConfig(production).purgeHourUtc).toBe(2);
    expect(readConfig({ ...production, PURGE_HOUR: '23' }).purgeHourUtc).toBe(23);
    expect(readConfig({ ...production, PURGE_HOUR: 'off' }).purgeHourUtc).toBeNull();
    expect(readConfig({ DANGEROUSLY_ALLOW_UNAUTHENTICATED_REQUESTS: 'true' }).purgeHourUtc).toBeNull();
    expect(() => readConfig({ ...production, PURGE_HOUR: '24' })).toThrow(/PURGE_HOUR/);
  });

  it('keeps RETENTION_YEARS financial years, seven unless set', () => {
    expect(readConfig(production).retentionYears).toBe(7);
    expect(readConfig({ ...production, RETENTION_YEARS: '3' }).retentionYears).toBe(3);
    expect(readConfig({ ...production, RETENTION_YEARS: '10' }).retentionYears).toBe(10);
    // `npm run purge` reads it the same way.
    expect(readStoreConfig({ DATABASE_URL: '' }).retentionYears).toBe(7);
    expect(readStoreConfig({ DATABASE_URL: '', RETENTION_YEARS: '3' }).retentionYears).toBe(3);
  });

  it('runs at the next occurrence of its hour', () => {
    const hour = 60 * 60 * 1000;
    expect(untilNextPurge(2, new Date('2026-03-10T01:30:00Z'))).toBe(hour / 2);
    expect(untilNextPurge(2, new Date('2026-03-10T02:00:00Z'))).toBe(24 * hour);
    expect(untilNextPurge(2, new Date('2026-03-10T23:00:00Z'))).toBe(3 * hour);
  });

  it('deletes the expired cases and logs how many, never who', async () => {
    const store = await freshPglite();
    const actor = { id: 'c', name: 'C' };
    const old = await createCase(store.db, newCase({ conversationId: 'daily', student: 'OLD-9' }), actor);
    await createCase(store.db, newCase({ conversationId: 'daily', student: 'NEW-9' }), actor);
    await store.db.query("UPDATE cases SET updated_at = now() - interval '7 years 1 day' WHERE id = $1", [
      old.id,
    ]);
    const lines: string[] = [];
    await purgeNow(
      store.db,
      7,
      createLogger('info', (line) => lines.push(line)),
    );
    expect((await casesOfConversation(store.db, 'daily')).map((record) => record.student)).toEqual(['NEW-9']);
    expect(lines.map((line) => JSON.parse(line) as Record<string, unknown>)).toEqual([
      expect.objectContaining({ level: 'info', event: 'purge.done', purged: 1 }),
    ]);
    expect(lines.join('\n')).not.toContain('OLD-9');
    await store.drop();
  }, 30_000);

  it('purges by the retention period it is given', async () => {
    const store = await freshPglite();
    const actor = { id: 'c', name: 'C' };
    const record = await createCase(store.db, newCase({ conversationId: 'period', student: 'OLD-8' }), actor);
    // Three years and a day ago is kept by seven years, and purged by two.
    await store.db.query("UPDATE cases SET updated_at = now() - interval '3 years 1 day' WHERE id = $1", [
      record.id,
    ]);
    const lines: string[] = [];
    const log = createLogger('info', (line) => lines.push(line));
    await purgeNow(store.db, 7, log);
    expect((await casesOfConversation(store.db, 'period')).length).toBe(1);
    await purgeNow(store.db, 2, log);
    expect((await casesOfConversation(store.db, 'period')).length).toBe(0);
    expect(lines.map((line) => (JSON.parse(line) as { purged?: number }).purged)).toEqual([0, 1]);
    await store.drop();
  }, 30_000);
});
