import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { casesOfConversation, getCase } from '../../bot/store/cases.ts';
import type { AdminView, HistoryEntryView, Versioned } from '../../src/api/adminContract.ts';
import type { PartnershipSettings } from '../../src/settings/settings.ts';
import { freshPglite, serverUrl, type TestDatabase } from '../helpers/databases.ts';
import { useTwoBotProcesses } from '../helpers/harness.ts';
import type { localKeys } from '../helpers/teams.ts';
import {
  apiToken,
  click,
  invokeActivity,
  post,
  people,
  startConnector,
  startValidatingBot,
  type MockConnector,
  type TestBot,
} from '../helpers/teams.ts';

/**
 * The Administration API for every kind of person: what each may read and change, field paths on a bad document,
 * a stale write, the last administrator, the first administrators from the deployment (object ids and the app
 * role), and a change used at once by the cards and the add-in.
 */

const adminId = 'a0000000-0000-4000-8000-00000000000a';
const roleHolderId = 'a0000000-0000-4000-8000-00000000000b';

describe('the Administration API', () => {
  let store: TestDatabase;
  let connector: MockConnector;
  let bot: TestBot;
  let keys: Awaited<ReturnType<typeof localKeys>>;

  const token = (oid: string, roles: string[] = []) =>
    apiToken(keys, connector, { oid, name: 'Someone', ...(roles.length ? { roles } : {}) });

  async function call(
    path: string,
    oid: string,
    init: { method?: string; body?: unknown; version?: number; roles?: string[] } = {},
  ) {
    const response = await fetch(`${bot.url}${path}`, {
      method: init.method ?? 'GET',
      headers: {
        authorization: `Bearer ${await token(oid, init.roles)}`,
        ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(init.version !== undefined ? { 'if-match': `"${init.version}"` } : {}),
      },
      ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
    });
    return {
      status: response.status,
      etag: response.headers.get('etag'),
      body: (await response.json()) as Record<string, unknown>,
    };
  }

  const view = async (oid: string, roles?: string[]) =>
    (await call('/api/admin', oid, roles ? { roles } : {})).body as unknown as AdminView;
  const slip = async (oid = adminId) =>
    (await view(oid)).partnerships.find((item) => item.value.id === 'SLIP') as Versioned<PartnershipSettings>;

  beforeAll(async () => {
    store = await freshPglite();
    connector = await startConnector();
    ({ bot, keys } = await startValidatingBot(store.db, connector, {
      admin: { objectIds: [adminId], appRole: 'Partnerships.Admin' },
    }));
  }, 60_000);
  afterAll(async () => {
    await bot?.stop();
    await connector?.close();
    await store?.drop();
  });

  it('shows a coordinator their own partnership only, and what they may change', async () => {
    const seen = await view(people.coordinator.aadObjectId);
    expect(seen.me).toMatchObject({ administrator: false, coordinates: ['SLIP'] });
    expect(seen.partnerships.map((item) => item.value.id)).toEqual(['SLIP']);
    expect(seen.administrators).toBeUndefined();
    expect(seen.may).toEqual({ administrators: false, county: false, partnerships: { SLIP: 'coordinator' } });
    expect((await call('/api/admin', people.member(1).aadObjectId)).status).toBe(403);
  });

  it('takes the first administrators from ADMIN_OBJECT_IDS and from the app role in the token', async () => {
    for (const [oid, roles] of [
      [adminId, []],
      [roleHolderId, ['Partnerships.Admin']],
    ] as const) {
      const seen = await view(oid, [...roles]);
      expect(seen.me.administrator).toBe(true);
      expect(seen.partnerships).toHaveLength(5);
      expect(seen.may.county).toBe(true);
    }
    expect((await view(roleHolderId, ['Someone.Else'])).me).toBeUndefined();
  });

  it('lets a coordinator change the panel, a school’s key facts, the vote settings and the forum dates, and records it', async () => {
    const current = await slip(people.coordinator.aadObjectId);
    const next: PartnershipSettings = {
      ...current.value,
      panel: [{ aadObjectId: people.member(1).aadObjectId, name: 'Member 1', schoolId: 'wigston-college' }],
      schools: current.value.schools.map((school) =>
        school.id === 'beauchamp-college' ? { ...school, cityBapMember: true } : school,
      ),
      voteSettings: { ...current.value.voteSettings, anonymousByDefault: true },
      forumDates: [...current.value.forumDates, '2031-01-15'],
    };
    const saved = await call('/api/admin/partnerships/SLIP', people.coordinator.aadObjectId, {
      method: 'PUT',
      body: next,
      version: current.version,
    });
    expect(saved.status).toBe(200);
    expect(saved.body.version).toBe(current.version + 1);
    expect(saved.etag).toBe(`"${current.version + 1}"`);
    expect(bot.services.settings.settings.partnerships.SLIP.panel).toHaveLength(1);

    const history = (await call('/api/admin/history?about=SLIP', people.coordinator.aadObjectId)).body
      .entries as HistoryEntryView[];
    expect(history[0]?.actorName).toBe('Someone');
    expect(history[0]?.changes[0]?.lines).toEqual([
      'Panel: added Member 1 (Wigston College)',
      'Beauchamp College: City BAP member not known → yes',
      'Anonymous votes by default: false → true',
      'Inclusion Forum dates: added 15 January 2031',
    ]);

    // A school's email domain makes addresses there usual to the add-in: an administrator's to set.
    const now = await slip(people.coordinator.aadObjectId);
    const domain = (value: PartnershipSettings) => ({
      ...value,
      schools: value.schools.map((school) =>
        school.id === 'beauchamp-college' ? { ...school, emailDomain: 'beauchamp.org.uk' } : school,
      ),
    });
    const byCoordinator = await call('/api/admin/partnerships/SLIP', people.coordinator.aadObjectId, {
      method: 'PUT',
      body: domain(now.value),
      version: now.version,
    });
    expect(byCoordinator.status).toBe(403);
    expect(byCoordinator.body.problems).toEqual([
      {
        path: `schools.${now.value.schools.findIndex((school) => school.id === 'beauchamp-college')}.emailDomain`,
        message: 'only an administrator can change this',
      },
    ]);
    const byAdministrator = await call('/api/admin/partnerships/SLIP', adminId, {
      method: 'PUT',
      body: domain(now.value),
      version: now.version,
    });
    expect(byAdministrator.status).toBe(200);
  });

  it('refuses a coordinator what only an administrator may change, naming it', async () => {
    const current = await slip(people.coordinator.aadObjectId);
    const refused = await call('/api/admin/partnerships/SLIP', people.coordinator.aadObjectId, {
      method: 'PUT',
      body: { ...current.value, coordinators: [] },
      version: current.version,
    });
    expect(refused.status).toBe(403);
    expect(refused.body).toEqual({
      error: 'Only an administrator can change coordinators.',
      problems: [{ path: 'coordinators', message: 'only an administrator can change this' }],
    });
    const hbep = (await view(adminId)).partnerships.find((item) => item.value.id === 'HBEP');
    const other = await call('/api/admin/partnerships/HBEP', people.coordinator.aadObjectId, {
      method: 'PUT',
      body: hbep?.value,
      version: hbep?.version ?? 1,
    });
    expect(other).toMatchObject({ status: 404, body: { error: 'No such partnership.' } });
    const county = await view(adminId);
    expect(
      (
        await call('/api/admin/county', people.coordinator.aadObjectId, {
          method: 'PUT',
          body: county.county.value,
          version: county.county.version,
        })
      ).status,
    ).toBe(403);
  });

  it('answers a bad document with the path of each problem, a stale one with 409, and one without a version with 428', async () => {
    const current = await slip();
    const schools = current.value.schools.map((school, index) =>
      index === 3 ? { ...school, keyLinkEmail: 'not an address' } : school,
    );
    const invalid = await call('/api/admin/partnerships/SLIP', adminId, {
      method: 'PUT',
      body: { ...current.value, schools },
      version: current.version,
    });
    expect(invalid.status).toBe(400);
    expect(invalid.body.problems).toEqual([
      { path: 'schools.3.keyLinkEmail', message: 'expected an email address' },
    ]);

    const stale = await call('/api/admin/partnerships/SLIP', adminId, {
      method: 'PUT',
      body: { ...current.value, area: 'Somewhere else' },
      version: current.version - 1,
    });
    expect(stale.status).toBe(409);
    expect(stale.body.current).toEqual({ value: current.value, version: current.version });
    expect(bot.services.settings.settings.partnerships.SLIP.area).toBe(current.value.area);

    expect(
      (await call('/api/admin/partnerships/SLIP', adminId, { method: 'PUT', body: current.value })).status,
    ).toBe(428);

    // A service has a name and a resource an https address; an id is listed once, as plans name it by id.
    const county = (await view(adminId)).county;
    const added = county.value.services.length;
    const put = (change: object) =>
      call('/api/admin/county', adminId, {
        method: 'PUT',
        body: { ...county.value, ...change },
        version: county.version,
      });
    const pathsOf = (answer: { body: Record<string, unknown> }) =>
      (answer.body.problems as { path: string }[]).map((problem) => problem.path);
    const unnamed = await put({
      services: [...county.value.services, { id: 'speech', name: ' ' }],
      resources: [{ id: 'local-offer', title: 'Local offer', url: 'http://example.org/offer' }],
    });
    expect([unnamed.status, pathsOf(unnamed)]).toEqual([400, [`services.${added}.name`, 'resources.0.url']]);
    const twice = await put({ services: [...county.value.services, { id: 'ep', name: 'Another EP' }] });
    expect([twice.status, pathsOf(twice)]).toEqual([400, [`services.${added}.id`]]);
  });

  it('never lets the last administrator be removed', async () => {
    const { administrators } = await view(adminId);
    const added = await call('/api/admin/administrators', adminId, {
      method: 'PUT',
      body: [{ aadObjectId: adminId, name: 'Ada Min', email: null }],
      version: administrators?.version ?? 0,
    });
    expect(added.status).toBe(200);
    const emptied = await call('/api/admin/administrators', adminId, {
      method: 'PUT',
      body: [],
      version: Number(added.body.version),
    });
    expect(emptied.status).toBe(400);
    expect(emptied.body.error).toBe('The last administrator cannot be removed: add another first.');
    expect(bot.services.settings.settings.administrators).toHaveLength(1);
  });

  it('uses a change at once: a school known to be a City BAP member answers its question, the LPS head gets the To line', async () => {
    const county = (await view(adminId)).county;
    const next = {
      ...county.value,
      contacts: {
        ...county.value.contacts,
        lps: { ...county.value.contacts.lps, headEmail: 'head@lps.leicester.sch.uk' },
      },
    };
    expect(
      (await call('/api/admin/county', adminId, { method: 'PUT', body: next, version: county.version }))
        .status,
    ).toBe(200);

    // Beauchamp College was marked a City BAP member above: after "city" the case goes straight to its outcome.
    const teamsToken = await keys.sign({});
    const act = async (verb: string, data: Record<string, unknown>) => {
      const response = await post(
        bot,
        invokeActivity(connector, people.coordinator, verb, data, 'card-bap'),
        teamsToken,
      );
      expect(response.status).toBe(200);
      return JSON.stringify((response.body as { value: unknown }).value);
    };
    await act('case.start', {
      partnership: 'SLIP',
      schoolId: 'beauchamp-college',
      student: 'BAP 1',
      section: 'A',
    });
    const record = (await casesOfConversation(store.db, '19:meeting-a@thread.v2')).find(
      (item) => item.student === 'BAP 1',
    );
    const answered = await act('case.answer', { caseId: record?.id, question: 'residency', value: 'city' });
    expect(answered).toContain('(from the directory)');
    expect((await getCase(store.db, record?.id ?? ''))?.outcome).toBe('A.cityBap');
    const directory = (await call('/api/directory', people.coordinator.aadObjectId)).body as {
      allowedRecipientDomains: string[];
      contacts: { lps: { headEmail: string } };
    };
    expect(directory.contacts.lps.headEmail).toBe('head@lps.leicester.sch.uk');
    expect(directory.allowedRecipientDomains).toContain('beauchamp.org.uk');
  });
});

describe.skipIf(!serverUrl)('a settings change with two bot processes on one PostgreSQL server', () => {
  const two = useTwoBotProcesses();
  const { bots } = two;

  it('is used by a card action on the other process within a second', async () => {
    const local = { authorization: `Bearer dangerously-local:${people.coordinator.aadObjectId}` };
    const seen = (await (await fetch(`${bots[0]!.url}/api/admin`, { headers: local })).json()) as AdminView;
    const slip = seen.partnerships.find((item) => item.value.id === 'SLIP') as Versioned<PartnershipSettings>;
    const next = {
      ...slip.value,
      schools: slip.value.schools.map((school) =>
        school.id === 'wigston-college' ? { ...school, cityBapMember: false } : school,
      ),
    };
    const saved = await fetch(`${bots[0]!.url}/api/admin/partnerships/SLIP`, {
      method: 'PUT',
      headers: { ...local, 'content-type': 'application/json', 'if-match': `"${slip.version}"` },
      body: JSON.stringify(next),
    });
    expect(saved.status).toBe(200);
    const changedAt = performance.now();

    // On the other process, a new case at that school skips the question as soon as the change has arrived.
    let outcome: string | null | undefined;
    for (let attempt = 1; performance.now() - changedAt < 1_000 && outcome !== 'A.countyTier3'; attempt++) {
      const student = `TP ${attempt}`;
      await click(
        bots[1]!,
        two.connector,
        people.coordinator,
        'case.start',
        { partnership: 'SLIP', schoolId: 'wigston-college', student, section: 'A' },
        `card-${attempt}`,
      );
      const record = (await casesOfConversation(two.store.db, '19:meeting-a@thread.v2')).find(
        (item) => item.student === student,
      );
      await click(
        bots[1]!,
        two.connector,
        people.coordinator,
        'case.answer',
        { caseId: record?.id, question: 'residency', value: 'city' },
        `card-${attempt}`,
      );
      outcome = (await getCase(two.store.db, record?.id ?? ''))?.outcome;
    }
    expect(outcome).toBe('A.countyTier3');
    expect(performance.now() - changedAt).toBeLessThan(1_000);
  }, 60_000);
});
