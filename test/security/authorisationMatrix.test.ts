import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiRoutes } from '../../bot/http/routes.ts';
import { createCase, updateCase } from '../../bot/store/cases.ts';
import { openVote } from '../../bot/store/votes.ts';
import { verbPermissions } from '../../bot/teams/verbRoutes.ts';
import { cardVerbs, type CardVerb } from '../../src/cards/actions.ts';
import { answerCase } from '../../src/cases/case.ts';
import { ok } from '../../src/result.ts';
import { coreGroupOptions } from '../../src/votes/vote.ts';
import { newCase } from '../helpers/cases.ts';
import { freshPglite, type TestDatabase } from '../helpers/databases.ts';
import type { localKeys } from '../helpers/teams.ts';
import {
  apiToken,
  invokeActivity,
  people,
  post,
  startConnector,
  startValidatingBot,
  type MockConnector,
  type Person,
  type TestBot,
} from '../helpers/teams.ts';
import { flows } from '../../src/flows.ts';

const cityAddressFlow = flows.cityAddress;

/**
 * Who may do what, as a matrix: every card verb (from the verb registry) and every API route (from the route
 * table), tried by each kind of person, against one table of expected outcomes. A verb or a route added without
 * a row here fails the first test.
 */

const CHAT_A = '19:meeting-a@thread.v2'; // the case's chat
const CHAT_B = '19:meeting-b@thread.v2'; // another chat

const sameCoordinatorElsewhere = {
  id: '29:coordinator-2',
  name: 'Kit Moss',
  aadObjectId: 'c0000000-0000-4000-8000-000000000003',
};
const outsider = {
  id: '29:outsider',
  name: 'Pat Outside',
  aadObjectId: 'e0000000-0000-4000-8000-000000000001',
};
const anonymous = { id: '29:anonymous-1', name: 'Anonymous' };
const administrator = {
  id: '29:admin',
  name: 'Ada Min',
  aadObjectId: 'a0000000-0000-4000-8000-000000000001',
};

const subjects = {
  /** A coordinator of the case's partnership, in the case's chat. */
  coordinatorInChat: { person: people.coordinator as Person, chat: CHAT_A },
  /** A coordinator of the case's partnership, from another chat. */
  coordinatorFromAnotherChat: { person: sameCoordinatorElsewhere as Person, chat: CHAT_B },
  /** Another partnership's coordinator. */
  otherPartnershipsCoordinator: { person: people.otherCoordinator as Person, chat: CHAT_B },
  /** A panel member in the case's chat, whom the vote was opened for. */
  panelMember: { person: people.member(1) as Person, chat: CHAT_A },
  guest: { person: people.guest as Person, chat: CHAT_A },
  /** Joined the meeting without an account: Teams gives no object id (and the API gets no token). */
  anonymousUser: { person: anonymous as Person, chat: CHAT_A },
  /** A member of the tenant who is not in the case's chat. */
  outsideTheChat: { person: outsider as Person, chat: CHAT_B },
  /** The right person, but the request carries no token. */
  noToken: { person: people.coordinator as Person, chat: CHAT_A },
  /** An administrator of the app, who coordinates nothing and is in neither chat. */
  administrator: { person: administrator as Person, chat: CHAT_B },
} as const;
type Subject = keyof typeof subjects;
const subjectNames = Object.keys(subjects) as Subject[];

/** What a card action comes to: run, refused politely, concealed (as if missing), or 401 before the bot. */
type CardOutcome = 'allow' | 'refuse' | 'conceal' | 401;
const row = (...outcomes: CardOutcome[]) =>
  Object.fromEntries(subjectNames.map((name, index) => [name, outcomes[index]])) as Record<
    Subject,
    CardOutcome
  >;

// Columns: coordinatorInChat, coordinatorFromAnotherChat, otherPartnershipsCoordinator, panelMember, guest,
// anonymousUser, outsideTheChat, noToken, administrator.
const expectedVerbs: Record<CardVerb, Record<Subject, CardOutcome>> = {
  'case.new': row('allow', 'allow', 'allow', 'refuse', 'refuse', 'refuse', 'refuse', 401, 'refuse'),
  'case.start': row('allow', 'allow', 'refuse', 'refuse', 'refuse', 'refuse', 'refuse', 401, 'refuse'),
  'case.list': row('allow', 'allow', 'allow', 'refuse', 'refuse', 'refuse', 'refuse', 401, 'refuse'),
  'case.show': row('allow', 'allow', 'conceal', 'allow', 'conceal', 'conceal', 'conceal', 401, 'conceal'),
  'case.answer': row('allow', 'refuse', 'conceal', 'refuse', 'conceal', 'conceal', 'conceal', 401, 'conceal'),
  'case.change': row('allow', 'refuse', 'conceal', 'refuse', 'conceal', 'conceal', 'conceal', 401, 'conceal'),
  'case.history': row('allow', 'allow', 'conceal', 'refuse', 'conceal', 'conceal', 'conceal', 401, 'conceal'),
  // Withdrawing a case started in error: the coordinator in its chat, as answering (this asks first).
  'case.withdraw': row(
    'allow',
    'refuse',
    'conceal',
    'refuse',
    'conceal',
    'conceal',
    'conceal',
    401,
    'conceal',
  ),
  // The action plan: the case's coordinators, in its chat or in another meeting (a plan is reviewed at a later
  // forum); seen but not theirs to write for a panel member; concealed from everyone who may not see the case.
  'plan.edit': row('allow', 'allow', 'conceal', 'refuse', 'conceal', 'conceal', 'conceal', 401, 'conceal'),
  'plan.save': row('allow', 'allow', 'conceal', 'refuse', 'conceal', 'conceal', 'conceal', 401, 'conceal'),
  'plan.review': row('allow', 'allow', 'conceal', 'refuse', 'conceal', 'conceal', 'conceal', 401, 'conceal'),
  'plan.reviewSave': row(
    'allow',
    'allow',
    'conceal',
    'refuse',
    'conceal',
    'conceal',
    'conceal',
    401,
    'conceal',
  ),
  // Finishing the forum: a coordinator's tool; it summarises only their own partnerships' cases.
  'forum.finish': row('allow', 'allow', 'allow', 'refuse', 'refuse', 'refuse', 'refuse', 401, 'refuse'),
  'vote.open': row('allow', 'refuse', 'conceal', 'refuse', 'conceal', 'conceal', 'conceal', 401, 'conceal'),
  'vote.cast': row('allow', 'allow', 'conceal', 'allow', 'conceal', 'conceal', 'conceal', 401, 'conceal'),
  'vote.close': row('allow', 'refuse', 'conceal', 'refuse', 'conceal', 'conceal', 'conceal', 401, 'conceal'),
  'vote.refresh': row('allow', 'allow', 'conceal', 'allow', 'conceal', 'conceal', 'conceal', 401, 'conceal'),
  // Declaring an interest: those the vote was opened for, as casting a ballot.
  'vote.recuse': row('allow', 'allow', 'conceal', 'allow', 'conceal', 'conceal', 'conceal', 401, 'conceal'),
};

const status = (...codes: number[]) =>
  Object.fromEntries(subjectNames.map((name, index) => [name, codes[index]])) as Record<Subject, number>;

const expectedRoutes: Record<string, Record<Subject, number>> = {
  'GET /api/addin/config': status(200, 200, 200, 200, 200, 200, 200, 200, 200),
  'GET /api/directory': status(200, 200, 200, 200, 403, 401, 200, 401, 200),
  'GET /api/cases': status(200, 200, 200, 403, 403, 401, 403, 401, 403),
  'GET /api/cases/:caseId': status(200, 200, 404, 403, 403, 401, 403, 401, 403),
  'POST /api/cases/:caseId/emails': status(201, 201, 404, 403, 403, 401, 403, 401, 403),
  'GET /api/cases/:caseId/stage': status(200, 200, 404, 200, 404, 401, 404, 401, 404),
  'GET /api/conversations/:conversationId/cases': status(200, 403, 403, 403, 403, 401, 403, 401, 403),
  'POST /api/conversations/:conversationId/cases': status(201, 403, 403, 403, 403, 401, 403, 401, 403),
  // Records and reports: the partnership's coordinators and administrators; the County's views, administrators.
  'GET /api/cases/:caseId/record': status(200, 200, 404, 403, 403, 401, 403, 401, 200),
  'PUT /api/cases/:caseId/hold': status(403, 403, 403, 403, 403, 401, 403, 401, 200),
  'GET /api/reports': status(200, 200, 403, 403, 403, 401, 403, 401, 200),
  'GET /api/reports/county': status(403, 403, 403, 403, 403, 401, 403, 401, 200),
  'GET /api/records/export': status(200, 200, 403, 403, 403, 401, 403, 401, 200),
  'GET /api/admin': status(200, 200, 200, 403, 403, 401, 403, 401, 200),
  'PUT /api/admin/administrators': status(403, 403, 403, 403, 403, 401, 403, 401, 200),
  'PUT /api/admin/county': status(403, 403, 403, 403, 403, 401, 403, 401, 200),
  'PUT /api/admin/partnerships/:partnershipId': status(200, 200, 404, 403, 403, 401, 403, 401, 200),
  'GET /api/admin/history': status(200, 200, 404, 403, 403, 401, 403, 401, 200),
  'GET /api/admin/partnerships/:partnershipId/people-seen': status(
    200,
    200,
    404,
    403,
    403,
    401,
    403,
    401,
    200,
  ),
};

/**
 * What each query parameter of the route table is sent as: the case list searches for the fixture's case ("MX"),
 * so the matrix sees whose list shows it.
 */
const sampleQuery: Record<string, string> = {
  search: 'mx',
  limit: '5',
  partnership: 'SLIP',
  from: '2026-01-01',
  to: '2027-12-31',
  about: 'SLIP',
};
/** Parameters sent only on a later page or for another format: left out of the first request. */
const notSentFirst = new Set(['cursor', 'format']);

describe('the authorisation matrix: every card verb and API route, for every kind of person', () => {
  let store: TestDatabase;
  let connector: MockConnector;
  let bot: TestBot;
  let keys: Awaited<ReturnType<typeof localKeys>>;
  let teamsToken: string;

  beforeAll(async () => {
    store = await freshPglite();
    connector = await startConnector();
    const rolesFile = join(tmpdir(), `matrix-roles-${process.pid}.json`);
    writeFileSync(
      rolesFile,
      JSON.stringify({
        coordinators: [
          { aadObjectId: people.coordinator.aadObjectId, name: 'Sam Lee', partnerships: ['SLIP'] },
          { aadObjectId: sameCoordinatorElsewhere.aadObjectId, name: 'Kit Moss', partnerships: ['SLIP'] },
          { aadObjectId: people.otherCoordinator.aadObjectId, name: 'Jo Hart', partnerships: ['HBEP'] },
        ],
        administrators: [{ aadObjectId: administrator.aadObjectId, name: 'Ada Min' }],
      }),
    );
    // Teams' rosters of the two chats: the guest is a guest; nobody else is in either.
    connector.rosters[CHAT_A] = [
      people.coordinator,
      people.member(1),
      { ...people.guest, userRole: 'guest' },
    ];
    connector.rosters[CHAT_B] = [
      sameCoordinatorElsewhere,
      people.otherCoordinator,
      outsider,
      people.coordinator,
      administrator,
    ];
    ({ bot, keys } = await startValidatingBot(store.db, connector, { rolesFile }));
    teamsToken = await keys.sign({});
    // The bot has been in both chats (Teams sent it something from each).
    for (const chat of [CHAT_A, CHAT_B]) await bot.services.roster.sawChat(chat, connector.url);
  }, 60_000);

  afterAll(async () => {
    await bot?.stop();
    await connector?.close();
    await store?.drop();
  });

  it('has one expected row for every card verb and every API route, and no more', () => {
    expect(Object.keys(expectedVerbs).sort()).toEqual([...cardVerbs].sort());
    expect(Object.keys(verbPermissions).sort()).toEqual([...cardVerbs].sort());
    expect(Object.keys(expectedRoutes).sort()).toEqual(
      apiRoutes.map((route) => `${route.method} ${route.path}`).sort(),
    );
    // Every query parameter in the route table is tried, or left out on purpose.
    const named = apiRoutes.flatMap((route) => ('query' in route ? route.query : []));
    expect(named.filter((name) => !(name in sampleQuery) && !notSentFirst.has(name))).toEqual([]);
  });

  /** A SLIP case in chat A decided at B.psp2b (it needs template 1 to the school), with an open vote on it. */
  async function fixture() {
    const actor = { id: people.coordinator.aadObjectId, name: 'Sam Lee' };
    const record = await createCase(
      store.db,
      newCase({ conversationId: CHAT_A, student: 'MX-1', section: 'B', partnership: 'SLIP' }),
      actor,
    );
    for (const [question, value] of [
      ['residency', 'city'],
      ['stepsDone', { agreedActions: true, managedMove: true, apPartTime: true, partnershipSupport: true }],
    ] as const) {
      await updateCase(store.db, record.id, actor, (current) => {
        const answered = answerCase(cityAddressFlow, current, question, value, {});
        return answered.ok ? ok({ record: answered.value.record, events: answered.value.events }) : answered;
      });
    }
    const vote = await openVote(
      store.db,
      {
        caseId: record.id,
        question: 'coreGroupDecision',
        options: coreGroupOptions,
        anonymous: false,
        resultsHidden: false,
        quorum: null,
        eligible: [
          { id: people.coordinator.aadObjectId, name: 'Sam Lee' },
          { id: sameCoordinatorElsewhere.aadObjectId, name: 'Kit Moss' },
          { id: people.member(1).aadObjectId, name: 'Member 1' },
        ],
      },
      actor,
    );
    if (!vote.ok) throw new Error('the vote did not open');
    return { caseId: record.id, voteId: vote.value.id };
  }

  function dataFor(verb: CardVerb, ids: { caseId: string; voteId: string }): Record<string, unknown> {
    const { caseId, voteId } = ids;
    const data: Record<CardVerb, Record<string, unknown>> = {
      'case.new': {},
      'case.start': { partnership: 'SLIP', schoolId: 'wigston-college', student: 'NEW-1', section: 'A' },
      'case.list': {},
      'case.show': { caseId },
      'case.answer': { caseId, question: 'residency', value: 'city' },
      'case.change': { caseId, question: 'residency' },
      'case.history': { caseId },
      'case.withdraw': { caseId },
      'plan.edit': { caseId },
      'plan.save': {
        caseId,
        rows: 1,
        owner_0: 'school',
        action_0: 'Hold a PSP2b meeting',
        by_0: '2027-01-15',
        reviewDate: '2027-01-29',
      },
      'plan.review': { caseId },
      'plan.reviewSave': { caseId, outcome: 'close' },
      'forum.finish': {},
      // The Core Group vote is already open: opening another is refused by the store, after the policy allows it.
      'vote.open': { caseId, question: 'coreGroupDecision' },
      'vote.cast': { voteId, choice: 'backToIf' },
      'vote.close': { voteId },
      'vote.refresh': { voteId },
      'vote.recuse': { voteId },
    };
    return data[verb];
  }

  async function clickAs(subject: Subject, verb: CardVerb, data: Record<string, unknown>) {
    const { person, chat } = subjects[subject];
    const activity = invokeActivity(connector, person, verb, data, `card-${randomUUID()}`, chat);
    return post(bot, activity, subject === 'noToken' ? undefined : teamsToken);
  }

  /** The verdict the bot logged for the last click, if it refused. */
  function loggedVerdict(from: number): 'refuse' | 'conceal' | undefined {
    const refusal = bot.logs
      .slice(from)
      .map((line) => JSON.parse(line) as { event: string; verdict?: 'refuse' | 'conceal' })
      .find((line) => line.event === 'policy.refused');
    return refusal?.verdict;
  }

  describe.each(cardVerbs)('card verb %s', (verb) => {
    it.each(subjectNames)('for %s', async (subject) => {
      const ids = await fixture();
      const from = bot.logs.length;
      const response = await clickAs(subject, verb, dataFor(verb, ids));
      const expected = expectedVerbs[verb][subject];
      if (expected === 401) {
        expect(response.status).toBe(401);
        return;
      }
      expect(response.status).toBe(200);
      const card = JSON.stringify((response.body as { value: unknown }).value);
      expect(loggedVerdict(from) ?? 'allow').toBe(expected);
      if (expected !== 'conceal') return;
      // Concealed: nothing of the case, and outside its chat exactly the card a case or vote that never existed
      // gets.
      expect(card).not.toContain('MX');
      if (subjects[subject].chat !== CHAT_A) {
        const missing = await clickAs(
          subject,
          verb,
          dataFor(verb, { caseId: randomUUID(), voteId: randomUUID() }),
        );
        expect(card).toBe(JSON.stringify((missing.body as { value: unknown }).value));
      }
    });
  });

  describe.each(apiRoutes.map((route) => `${route.method} ${route.path}`))('API route %s', (key) => {
    it.each(subjectNames)('for %s', async (subject) => {
      const ids = await fixture();
      const [method, pattern] = key.split(' ') as [string, string];
      const route = apiRoutes.find((item) => `${item.method} ${item.path}` === key);
      const query = new URLSearchParams(
        (route && 'query' in route ? route.query : [])
          .filter((name) => !notSentFirst.has(name))
          .map((name): [string, string] => [name, sampleQuery[name] ?? '']),
      );
      const path =
        pattern
          .replace(':caseId', ids.caseId)
          .replace(':conversationId', encodeURIComponent(CHAT_A))
          .replace(':partnershipId', 'SLIP') + (query.size ? `?${query}` : '');
      // A change to the settings sends the current document back unchanged, with its version.
      const { settings, versions } = bot.services.settings;
      const document = pattern.endsWith('/administrators')
        ? { body: settings.administrators as unknown, version: versions.administrators }
        : pattern === '/api/admin/county'
          ? { body: settings.county as unknown, version: versions.county }
          : method === 'PUT' && pattern.startsWith('/api/admin/')
            ? { body: settings.partnerships.SLIP as unknown, version: versions['partnership:SLIP'] }
            : undefined;
      const body =
        document?.body ??
        (pattern.endsWith('/emails')
          ? { template: 'T1', to: 'school' }
          : pattern.endsWith('/hold')
            ? { hold: true, reason: 'Asked for by the Authority’s auditors' }
            : method === 'POST'
              ? { partnership: 'SLIP', schoolId: 'wigston-college', student: 'AG 1', section: 'C' }
              : undefined);
      const { person } = subjects[subject];
      const signedIn = subject !== 'noToken' && subject !== 'anonymousUser' && person.aadObjectId;
      const response = await fetch(`${bot.url}${path}`, {
        method,
        headers: {
          ...(signedIn
            ? {
                authorization: `Bearer ${await apiToken(keys, connector, {
                  oid: person.aadObjectId!,
                  name: 'Someone',
                  // A guest's token carries acct = 1.
                  ...(subject === 'guest' ? { acct: 1 } : {}),
                })}`,
              }
            : {}),
          ...(body ? { 'content-type': 'application/json' } : {}),
          ...(document ? { 'if-match': `"${document.version}"` } : {}),
        },
        ...(body ? { body: JSON.stringify(body) } : {}),
      });
      const text = await response.text();
      expect(response.status, text).toBe(expectedRoutes[key]?.[subject]);
      if (response.status === 404)
        expect(JSON.parse(text)).toEqual({
          error: pattern.startsWith('/api/admin') ? 'No such partnership.' : 'No such case.',
        });
      if (response.status >= 400) expect(text).not.toContain('MX');
      // The case list (searched for the case) shows it to its partnership's coordinators only.
      if (key === 'GET /api/cases' && response.status === 200)
        expect(text.includes('MX-1')).toBe(
          subject === 'coordinatorInChat' || subject === 'coordinatorFromAnotherChat',
        );
    });
  });
});
