import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  caseHistory,
  casesOfConversation,
  createCase,
  getCase,
  purgeExpiredCases,
  updateCase,
} from '../../bot/store/cases.ts';
import { migrate } from '../../bot/store/migrate.ts';
import { answerCase } from '../../src/cases/case.ts';
import { ok } from '../../src/result.ts';
import { storeKinds, type TestDatabase } from '../helpers/databases.ts';
import { newCase } from '../helpers/cases.ts';
import { flows } from '../../src/flows.ts';

const cityAddressFlow = flows.cityAddress;

const coordinator = { id: '6f1c0a5e-0000-4000-8000-000000000001', name: 'Sam Lee' };

describe.each(storeKinds)('the case store on $name', ({ fresh }) => {
  let store: TestDatabase;
  beforeAll(async () => {
    store = await fresh();
  });
  afterAll(async () => {
    await store.drop();
  });

  it('applies each migration once, however often it runs', async () => {
    expect(await migrate(store.db)).toEqual([]);
    const rows = await store.db.query<{ version: string }>('SELECT version FROM schema_migrations');
    expect(rows.map((row) => row.version).sort()).toEqual([
      '0001_cases_and_votes',
      '0002_key_link_email',
      '0003_chat_members',
      '0004_vote_results_hidden',
      '0005_settings',
      '0006_prefilled_answers',
      '0007_vote_recusals',
      '0008_tied_votes',
      '0009_case_withdrawn',
      '0010_action_plans',
      '0011_records_and_reports',
      '0012_county_scale_indexes',
      '0013_case_facts',
      '0014_cases_open_by_start',
      '0015_referral_lookup',
    ]);
  });

  it('stores a case with its flow version and a history entry', async () => {
    const created = await createCase(store.db, newCase(), coordinator);
    expect(await getCase(store.db, created.id)).toMatchObject({
      student: 'JS-2291',
      flowVersion: cityAddressFlow.version,
      answers: {},
      outcome: null,
      revision: 0,
    });
    expect(await caseHistory(store.db, created.id)).toEqual([
      expect.objectContaining({
        kind: 'created',
        actorName: 'Sam Lee',
        flowVersion: cityAddressFlow.version,
        detail: { section: 'A', partnership: 'SLIP', schoolId: 'beauchamp-college' },
      }),
    ]);
    expect(await getCase(store.db, 'not-a-uuid')).toBeUndefined();
  });

  it('answers questions, records the outcome and every step in the history', async () => {
    const created = await createCase(store.db, newCase(), coordinator);
    for (const [question, value] of [
      ['residency', 'city'],
      ['cityBapMember', false],
    ] as const) {
      const result = await updateCase(store.db, created.id, coordinator, (record) => {
        const answered = answerCase(cityAddressFlow, record, question, value, {});
        return answered.ok ? ok({ record: answered.value.record, events: answered.value.events }) : answered;
      });
      expect(result.ok).toBe(true);
    }
    expect(await getCase(store.db, created.id)).toMatchObject({
      outcome: 'A.countyTier3',
      revision: 2,
      answers: { residency: 'city', cityBapMember: false },
    });
    expect((await caseHistory(store.db, created.id)).map((entry) => entry.kind)).toEqual([
      'created',
      'answered',
      'answered',
      'decided',
    ]);
  });

  it('loses no update when many changes race on one case', async () => {
    const created = await createCase(store.db, newCase({ student: 'RACE-1' }), coordinator);
    const emails = (['T1', 'T2', 'T3', 'T4'] as const).flatMap((template) =>
      (['school', 'lps'] as const).map((to) => ({ template, to })),
    );
    await Promise.all(
      emails.map((email) =>
        updateCase(store.db, created.id, coordinator, (record) =>
          ok({ record: { ...record, extraEmails: [...record.extraEmails, email] }, events: [] }),
        ),
      ),
    );
    const stored = await getCase(store.db, created.id);
    expect(stored?.extraEmails).toHaveLength(8);
    expect(stored?.revision).toBe(8);
  });

  it('keeps the history append-only', async () => {
    const created = await createCase(store.db, newCase(), coordinator);
    await expect(
      store.db.query('UPDATE case_events SET kind = $2 WHERE case_id = $1', [created.id, 'forged']),
    ).rejects.toThrow(/append-only/);
    await expect(store.db.query('DELETE FROM case_events WHERE case_id = $1', [created.id])).rejects.toThrow(
      /append-only/,
    );
    expect(await caseHistory(store.db, created.id)).toHaveLength(1);
  });

  it('purges cases untouched for longer than 7 financial years (the current included), with their history', async () => {
    const old = await createCase(
      store.db,
      newCase({ conversationId: 'purge-test', student: 'OLD-1' }),
      coordinator,
    );
    const recent = await createCase(
      store.db,
      newCase({ conversationId: 'purge-test', student: 'NEW-1' }),
      coordinator,
    );
    const now = new Date('2026-11-22T12:00:00Z');
    await store.db.query('UPDATE cases SET updated_at = $2 WHERE id = $1', [
      old.id,
      // 31 March 2020, 23:00 in London: the last hour of the financial year 2019/20, the eighth year back.
      new Date('2020-03-31T22:00:00Z'),
    ]);
    await store.db.query('UPDATE cases SET updated_at = $2 WHERE id = $1', [
      recent.id,
      // 1 April 2020, 00:30 in London: the financial year 2020/21, the seventh year kept.
      new Date('2020-03-31T23:30:00Z'),
    ]);
    expect(await purgeExpiredCases(store.db, 7, now)).toBe(1);
    expect((await casesOfConversation(store.db, 'purge-test')).map((record) => record.student)).toEqual([
      'NEW-1',
    ]);
    const events = await store.db.query('SELECT id FROM case_events WHERE case_id = $1', [old.id]);
    expect(events).toEqual([]);
  });

  it('purges by the configured number of years, not always seven', async () => {
    // A store of its own, so the counts are this test's cases only.
    const own = await fresh();
    const now = new Date('2026-11-22T12:00:00Z');
    // Last changed in the financial years 2022/23, 2023/24 and 2024/25 (in London).
    const changed = ['2023-03-01T12:00:00Z', '2024-03-31T22:30:00Z', '2024-04-01T09:00:00Z'];
    for (const [i, when] of changed.entries()) {
      const record = await createCase(
        own.db,
        newCase({ conversationId: 'purge-years', student: `KB-${i + 1}` }),
        coordinator,
      );
      await own.db.query('UPDATE cases SET updated_at = $2 WHERE id = $1', [record.id, new Date(when)]);
    }
    const students = async () =>
      (await casesOfConversation(own.db, 'purge-years')).map((record) => record.student).sort();
    // Seven years keep all three; three (2024/25 to 2026/27) keep only the last; one would keep none of them.
    expect(await purgeExpiredCases(own.db, 7, now)).toBe(0);
    expect(await purgeExpiredCases(own.db, 4, now)).toBe(1);
    expect(await students()).toEqual(['KB-2', 'KB-3']);
    expect(await purgeExpiredCases(own.db, 3, now)).toBe(1);
    expect(await students()).toEqual(['KB-3']);
    expect(await purgeExpiredCases(own.db, 1, now)).toBe(1);
    expect(await students()).toEqual([]);
    await own.drop();
  });

  it('refuses a case row that breaks the schema', async () => {
    await expect(
      createCase(store.db, newCase({ partnership: 'MBP' as never }), coordinator),
    ).rejects.toThrow();
    await expect(createCase(store.db, newCase({ student: 'x'.repeat(61) }), coordinator)).rejects.toThrow();
  });
});
