import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiRoutes } from '../../bot/http/routes.ts';
import { caseListPage } from '../../bot/store/caseList.ts';
import { createCase, updateCase, withdrawCase } from '../../bot/store/cases.ts';
import { caseListQuerySchema, type CaseList } from '../../src/api/contract.ts';
import { answerCase } from '../../src/cases/case.ts';
import { flows } from '../../src/flows.ts';
import { ok } from '../../src/result.ts';
import { newCase } from '../helpers/cases.ts';
import { freshPglite, type TestDatabase } from '../helpers/databases.ts';
import type { localKeys } from '../helpers/teams.ts';
import {
  apiToken,
  people,
  startConnector,
  startValidatingBot,
  type MockConnector,
  type TestBot,
} from '../helpers/teams.ts';

const allSteps = { agreedActions: true, managedMove: true, apPartTime: true, partnershipSupport: true };
const actor = { id: 'c', name: 'C' };

/** `GET /api/cases` a page at a time: its query, its keyset pages, its search, and whose cases it lists. */
describe('the add-in’s case list, searched and paged on the service', () => {
  let store: TestDatabase;
  let connector: MockConnector;
  let bot: TestBot;
  let keys: Awaited<ReturnType<typeof localKeys>>;

  const token = (oid = people.coordinator.aadObjectId) => apiToken(keys, connector, { oid });

  async function list(query: string, oid?: string) {
    const response = await fetch(`${bot.url}/api/cases${query}`, {
      headers: { authorization: `Bearer ${await token(oid)}` },
    });
    return { status: response.status, body: (await response.json()) as CaseList & { error?: string } };
  }

  /** Every page of a query, following nextCursor: the students in order, and how many pages. */
  async function allPages(query: Record<string, string>, oid?: string) {
    const students: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const params = new URLSearchParams({ ...query, ...(cursor ? { cursor } : {}) });
      const { status, body } = await list(`?${params}`, oid);
      expect(status).toBe(200);
      students.push(...body.cases.map((item) => item.student));
      cursor = body.nextCursor;
      pages += 1;
    } while (cursor && pages < 50);
    return { students, pages };
  }

  /** A case decided at B.psp2b: it has template 1 and template 3 to draft. */
  async function withEmails(student: string, overrides: Parameters<typeof newCase>[0] = {}) {
    const record = await createCase(store.db, newCase({ section: 'B', student, ...overrides }), actor);
    for (const [question, value] of [
      ['residency', 'city'],
      ['stepsDone', allSteps],
    ] as const) {
      await updateCase(store.db, record.id, actor, (current) => {
        const answered = answerCase(flows.cityAddress, current, question, value, {});
        return answered.ok ? ok({ record: answered.value.record, events: answered.value.events }) : answered;
      });
    }
    return record.id;
  }

  const slip = Array.from({ length: 12 }, (_, n) => `PG ${1001 + n}`);

  beforeAll(async () => {
    store = await freshPglite();
    connector = await startConnector();
    ({ bot, keys } = await startValidatingBot(store.db, connector));
    for (const student of slip)
      await withEmails(student, {
        schoolId: 'wigston-college',
        fields: { student, schoolName: 'Wigston College', partnership: 'SLIP' },
      });
    // Four cases started at the very same moment: the page order breaks the tie by id.
    await store.db.query(
      "UPDATE cases SET created_at = '2026-11-20T10:00:00.123456Z' WHERE student_ref IN ('PG 1003', 'PG 1004', 'PG 1005', 'PG 1006')",
    );
    // Not listed: a case with no email to draft, a withdrawn one, and another partnership's.
    await createCase(store.db, newCase({ student: 'PG 2001', section: 'A' }), actor);
    await withdrawCase(store.db, await withEmails('PG 2002'), actor);
    await withEmails('PG 3001', {
      partnership: 'HBEP',
      schoolId: 'hastings-high-school',
      fields: { student: 'PG 3001', schoolName: 'Hastings High School', partnership: 'HBEP' },
    });
    // A school whose name has a LIKE wildcard in it, and a case of another school to tell them apart.
    await withEmails('AB 77', { fields: { student: 'AB 77', schoolName: 'St Mary_s 100% Academy' } });
    await withEmails('AB 78', { fields: { student: 'AB 78', schoolName: 'Beauchamp College' } });
  }, 60_000);

  afterAll(async () => {
    await bot.stop();
    await connector.close();
    await store.drop();
  });

  it('reads the query its route names', () => {
    const route = apiRoutes.find((item) => item.path === '/api/cases' && item.method === 'GET');
    expect(route && 'query' in route ? [...route.query].sort() : []).toEqual(
      Object.keys(caseListQuerySchema.shape).sort(),
    );
  });

  it('lists every case once across its pages, newest started first, with none missed', async () => {
    const everything = await list('?limit=50');
    expect(everything.body.nextCursor).toBeNull();
    const expected = everything.body.cases.map((item) => item.student);
    expect([...expected].sort()).toEqual([...slip, 'AB 77', 'AB 78'].sort());
    for (const limit of ['1', '3', '5']) {
      const { students, pages } = await allPages({ limit });
      expect(students).toEqual(expected);
      expect(pages).toBeGreaterThanOrEqual(Math.ceil(expected.length / Number(limit)));
    }
  });

  it('takes a page size from 1 to 50', async () => {
    const first = await list('');
    expect(first.body).toMatchObject({ nextCursor: null });
    expect(first.body.cases).toHaveLength(14);
    expect(await list('?limit=51')).toEqual({
      status: 400,
      body: { error: 'limit: at most 50 cases a page' },
    });
    for (const limit of ['0', 'ten', '-1', '2.5'])
      expect((await list(`?limit=${limit}`)).body).toEqual({
        error: 'limit: expected a whole number from 1 to 50',
      });
  });

  it('keeps its place when a case is started between two pages: nothing twice, nothing skipped', async () => {
    const first = await list('?limit=4');
    const seen = first.body.cases.map((item) => item.student);
    const added = await withEmails('PG 4001');
    const rest = await allPages({ limit: '4', cursor: first.body.nextCursor ?? '' });
    const students = [...seen, ...rest.students];
    expect(new Set(students).size).toBe(students.length);
    expect([...students].sort()).toEqual([...slip, 'AB 77', 'AB 78'].sort());
    // The new case is at the top of a list loaded again.
    expect((await list('?limit=1')).body.cases.map((item) => item.id)).toEqual([added]);
    await withdrawCase(store.db, added, actor);
  });

  it('refuses a cursor it did not give, with a clear message', async () => {
    const valid = (await list('?limit=2')).body.nextCursor ?? '';
    for (const cursor of [
      'abc',
      `${valid}x`,
      valid.replace(/^\d+/, '99999999999999999999'),
      valid.replace(/_.*$/, '_not-a-uuid'),
      `'; DROP TABLE cases; --`,
      '',
    ])
      expect(await list(`?cursor=${encodeURIComponent(cursor)}`)).toEqual({
        status: 400,
        body: { error: 'cursor: not a place in this list: load the list again' },
      });
  });

  it('searches the identifier, its reference and the school’s name, on the service, in pages too', async () => {
    const students = async (search: string) => (await allPages({ search, limit: '2' })).students.sort();
    expect(await students('pg 100')).toEqual(slip.slice(0, 9).sort());
    expect(await students('1012')).toEqual(['PG 1012']);
    expect(await students('  beauchamp ')).toEqual(['AB 78']);
    expect(await students('wigston')).toEqual([...slip].sort());
    // LIKE's wildcards are matched as they are.
    expect(await students('mary_s 100%')).toEqual(['AB 77']);
    expect(await students('%')).toEqual(['AB 77']);
    expect(await students('beauchamp_college')).toEqual([]);
    expect(await students('wigston%college')).toEqual([]);
    expect(await students('nothing like it')).toEqual([]);
    expect((await list(`?search=${'x'.repeat(61)}`)).body).toEqual({
      error: 'search: at most 60 characters',
    });
  });

  it('lists only the coordinator’s own partnerships’ cases, whatever is searched', async () => {
    expect((await allPages({}, people.otherCoordinator.aadObjectId)).students).toEqual(['PG 3001']);
    expect((await allPages({ search: 'wigston' }, people.otherCoordinator.aadObjectId)).students).toEqual([]);
    expect((await allPages({ search: 'PG 3001' })).students).toEqual([]);
    // A cursor taken from one coordinator's list gives another nothing of the first's.
    const cursor = (await list('?limit=1')).body.nextCursor ?? '';
    expect(
      (await allPages({ cursor }, people.otherCoordinator.aadObjectId)).students.every(
        (student) => student === 'PG 3001',
      ),
    ).toBe(true);
    expect((await list('', people.member(1).aadObjectId)).status).toBe(403);
  });

  it('looks at no more than 500 cases for a page that few match, and goes on from there on the next', async () => {
    // 1,200 LIP cases (no coordinator in this test has LIP), none of which the page keeps.
    await store.db.query(
      `INSERT INTO cases (id, partnership, conversation_id, student_ref, school_id, section, flow_id, flow_version, created_by, created_at)
       SELECT gen_random_uuid(), 'LIP', 'c', 'LX ' || n, 's', 'A', 'cityAddress', '1.0.1', 'x', now() - n * interval '1 second'
       FROM generate_series(1, 1200) AS n`,
    );
    const looked: string[] = [];
    const request = { partnerships: ['LIP' as const], size: 5 };
    const none = (record: { student: string }) => void looked.push(record.student);
    const first = await caseListPage(store.db, request, none);
    expect(first.items).toEqual([]);
    expect(looked).toHaveLength(500);
    const second = await caseListPage(store.db, { ...request, after: first.next ?? undefined }, none);
    const third = await caseListPage(store.db, { ...request, after: second.next ?? undefined }, none);
    expect(third.next).toBeNull();
    expect(new Set(looked).size).toBe(1200);
    expect(looked).toEqual(Array.from({ length: 1200 }, (_, n) => `LX ${n + 1}`));
  });

  it('reads no more than 500 cases for a page when a search matches little, and finds a match further on', async () => {
    await store.db.query(
      `INSERT INTO cases (id, partnership, conversation_id, student_ref, school_id, section, flow_id, flow_version, created_by, created_at)
       SELECT gen_random_uuid(), 'MSCIP', 'c', 'MX ' || n, 's', 'A', 'cityAddress', '1.0.1', 'x', now() - n * interval '1 second'
       FROM generate_series(1, 1200) AS n`,
    );
    const request = { partnerships: ['MSCIP' as const], size: 5, search: 'MX 1100' };
    const found: string[] = [];
    const keep = (record: { student: string }) => {
      found.push(record.student);
      return record.student;
    };
    const pages = [await caseListPage(store.db, request, keep)];
    // The first two pages read 500 cases each and find nothing; each says where the next one starts.
    expect(pages[0]).toMatchObject({ items: [] });
    expect(pages[0]?.next).not.toBeNull();
    while (pages.at(-1)?.next && pages.length < 5)
      pages.push(await caseListPage(store.db, { ...request, after: pages.at(-1)?.next ?? undefined }, keep));
    expect(pages.map((page) => page.items)).toEqual([[], [], ['MX 1100']]);
    expect(found).toEqual(['MX 1100']);
  });
});
