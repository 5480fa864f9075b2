import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createCase, purgeExpiredCases, purgeForecast } from '../../bot/store/cases.ts';
import { setLegalHold } from '../../bot/store/reports.ts';
import { newCase } from '../helpers/cases.ts';
import { freshPglite, type TestDatabase } from '../helpers/databases.ts';

/**
 * Retention at its edges, on the store: a case belongs to the financial year of its last change, and the purge
 * keeps the current financial year and the ones before it up to the retention period.
 */
describe('purge at the financial year’s edges', () => {
  let store: TestDatabase;
  const actor = { id: 'u', name: 'U' };

  beforeAll(async () => {
    store = await freshPglite();
  }, 60_000);
  // Each test starts from an empty store (the history is append-only outside a purge, hence the setting).
  beforeEach(async () => {
    await store.db.transaction(async (tx) => {
      await tx.query("SELECT set_config('app.retention_purge', 'on', true)");
      await tx.query('DELETE FROM cases');
      await tx.query('DELETE FROM purged_case_facts');
    });
  });
  afterAll(async () => store?.drop());

  /** A case last changed at `at` (UTC), named by `student`. */
  async function caseChanged(student: string, at: string, partnership: 'SLIP' | 'LIP' = 'SLIP') {
    const record = await createCase(
      store.db,
      newCase({ student, partnership, conversationId: 'edges' }),
      actor,
    );
    await store.db.query('UPDATE cases SET updated_at = $2 WHERE id = $1', [record.id, at]);
    return record.id;
  }
  const left = async () =>
    (await store.db.query<{ student_ref: string }>('SELECT student_ref FROM cases ORDER BY student_ref')).map(
      (row) => row.student_ref,
    );

  // Seven financial years including the current one: in 2026/27 (to 31 March 2027) they are 2020/21 to 2026/27.
  it('on 31 March 2027 purges a case last changed on 31 March 2020 (or on 29 February 2020) and keeps one changed on 1 April 2020', async () => {
    await caseChanged('MAR-31', '2020-03-31T12:00:00Z');
    // 00:30 on 1 April 2020 in London (British Summer Time) is 23:30 UTC on 31 March.
    await caseChanged('APR-1', '2020-03-31T23:30:00Z');
    await caseChanged('LEAP', '2020-02-29T12:00:00Z');
    // 23:59 on 31 March 2027 in London.
    const lastDay = new Date('2027-03-31T22:59:00Z');
    expect(await purgeForecast(store.db, 7, lastDay)).toEqual({
      expired: [{ financialYear: '2019/20', partnership: 'SLIP', cases: 2 }],
      held: 0,
    });
    expect(await purgeExpiredCases(store.db, 7, lastDay)).toBe(2);
    expect(await left()).toEqual(['APR-1']);
  });

  it('on 1 April 2027 (2027/28 begun) purges the year 2020/21 too, up to 31 March 2021', async () => {
    await caseChanged('APR-1-2020', '2020-03-31T23:30:00Z');
    await caseChanged('MAR-31-2021', '2021-03-31T21:00:00Z');
    await caseChanged('APR-1-2021', '2021-03-31T23:30:00Z');
    expect(await purgeExpiredCases(store.db, 7, new Date('2027-03-31T23:00:00Z'))).toBe(2);
    expect(await left()).toEqual(['APR-1-2021']);
  });

  it('follows the configured number of years, not only the default seven', async () => {
    await caseChanged('THREE', '2024-03-31T12:00:00Z');
    await caseChanged('TWO', '2024-04-02T12:00:00Z', 'LIP');
    const now = new Date('2026-12-03T10:00:00Z');
    expect((await purgeForecast(store.db, 3, now)).expired).toEqual([
      { financialYear: '2023/24', partnership: 'SLIP', cases: 1 },
    ]);
    expect(await purgeExpiredCases(store.db, 3, now)).toBe(1);
    expect(await left()).toEqual(['TWO']);
    expect(await purgeExpiredCases(store.db, 2, now)).toBe(1);
    expect(await left()).toEqual([]);
  });

  it('skips a case on legal hold, reports it, and purges it once the hold is released', async () => {
    const held = await caseChanged('HELD', '2015-06-01T12:00:00Z');
    await setLegalHold(store.db, held, { on: true, reason: 'Tribunal' }, actor);
    const now = new Date('2026-12-03T10:00:00Z');
    expect(await purgeForecast(store.db, 7, now)).toEqual({ expired: [], held: 1 });
    expect(await purgeExpiredCases(store.db, 7, now)).toBe(0);
    expect(await left()).toEqual(['HELD']);
    await setLegalHold(store.db, held, { on: false }, actor);
    expect(await purgeExpiredCases(store.db, 7, now)).toBe(1);
    expect(await left()).toEqual([]);
    // Its counts stay for the reports.
    const [facts] = await store.db.query<{ n: number }>('SELECT count(*)::int AS n FROM purged_case_facts');
    expect(facts?.n).toBe(1);
  });

  it('keeps the fact of exactly the cases it deletes, though a hold comes in while it purges', async () => {
    await caseChanged('RACE', '2015-06-01T12:00:00Z');
    await caseChanged('GONE', '2015-06-01T12:00:00Z');
    // A coordinator's legal hold committed while the purge runs: here, as soon as it has written any fact.
    await store.db.exec(`
      CREATE FUNCTION hold_race() RETURNS trigger AS $$
      BEGIN
        UPDATE cases SET legal_hold_at = now(), legal_hold_reason = 'Tribunal' WHERE student_ref = 'RACE';
        RETURN NULL;
      END;
      $$ LANGUAGE plpgsql;
      CREATE TRIGGER hold_race AFTER INSERT ON purged_case_facts FOR EACH STATEMENT EXECUTE FUNCTION hold_race();
    `);
    try {
      const purged = await purgeExpiredCases(store.db, 7, new Date('2026-12-03T10:00:00Z'));
      const [live] = await store.db.query<{ n: number }>('SELECT count(*)::int AS n FROM case_facts');
      const [kept] = await store.db.query<{ n: number }>('SELECT count(*)::int AS n FROM purged_case_facts');
      // Each case counts once in the reports: either still live, or kept as a purged case's fact.
      expect((live?.n ?? 0) + (kept?.n ?? 0)).toBe(2);
      expect(kept?.n).toBe(purged);
    } finally {
      await store.db.exec('DROP TRIGGER hold_race ON purged_case_facts; DROP FUNCTION hold_race();');
    }
  });
});
