import { generateKeyPair } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseHistory, createCase, updateCase } from '../../bot/store/cases.ts';
import { recordChat } from '../../bot/store/chatMembers.ts';
import type { CaseDetail, CaseSummary } from '../../src/api/contract.ts';
import { answerCase } from '../../src/cases/case.ts';
import { ok } from '../../src/result.ts';
import { newCase } from '../helpers/cases.ts';
import { freshPglite, type TestDatabase } from '../helpers/databases.ts';
import type { localKeys } from '../helpers/teams.ts';
import {
  apiToken,
  CLIENT_ID,
  people,
  startConnector,
  startValidatingBot,
  TENANT_ID,
  type MockConnector,
  type TestBot,
} from '../helpers/teams.ts';
import { flows } from '../../src/flows.ts';

const cityAddressFlow = flows.cityAddress;

const allSteps = { agreedActions: true, managedMove: true, apPartTime: true, partnershipSupport: true };

describe('the add-in API', () => {
  let store: TestDatabase;
  let connector: MockConnector;
  let bot: TestBot;
  let keys: Awaited<ReturnType<typeof localKeys>>;
  let slipCase: string;
  let hbepCase: string;

  /** An Entra access token as the add-in would get it through nested app authentication. */
  const token = (claims: Parameters<typeof apiToken>[2] = {}, key?: Parameters<typeof apiToken>[3]) =>
    apiToken(keys, connector, claims, key);

  const call = async (path: string, bearer?: string, init: RequestInit = {}) => {
    const response = await fetch(`${bot.url}${path}`, {
      ...init,
      headers: {
        ...(bearer ? { authorization: `Bearer ${bearer}` } : {}),
        ...(init.body ? { 'content-type': 'application/json' } : {}),
      },
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };

  async function decided(
    overrides: Parameters<typeof newCase>[0],
    section: string,
    answers: Record<string, unknown>,
  ) {
    const record = await createCase(store.db, newCase({ section, ...overrides }), { id: 'c', name: 'C' });
    for (const [question, value] of Object.entries(answers)) {
      await updateCase(store.db, record.id, { id: 'c', name: 'C' }, (current) => {
        const answered = answerCase(cityAddressFlow, current, question, value, {});
        return answered.ok ? ok({ record: answered.value.record, events: answered.value.events }) : answered;
      });
    }
    return record.id;
  }

  beforeAll(async () => {
    store = await freshPglite();
    connector = await startConnector();
    ({ bot, keys } = await startValidatingBot(store.db, connector));
    slipCase = await decided(
      {
        student: 'API-1',
        keyLinkEmail: 'k.patel@beauchamp.example',
        fields: {
          student: 'API-1',
          schoolName: 'Beauchamp College',
          partnership: 'SLIP',
          keyLinkName: 'Mrs Patel',
          coordinatorName: 'Sam Lee',
        },
      },
      'B',
      { residency: 'city', stepsDone: allSteps },
    );
    hbepCase = await decided(
      { student: 'API-2', partnership: 'HBEP', schoolId: 'hastings-high-school' },
      'D',
      { residency: 'city', partnershipConvinced: true },
    );
    await decided({ student: 'API-3' }, 'A', { residency: 'county' });
    // The bot has been in the meeting's chat, and Teams knows who is in it.
    await recordChat(store.db, '19:meeting_abc@thread.v2', connector.url);
    connector.rosters['19:meeting_abc@thread.v2'] = [people.coordinator, people.member(1)];
  });
  afterAll(async () => {
    await bot.stop();
    await connector.close();
    await store.drop();
  });

  it('lists the coordinator’s own partnership’s cases with emails to draft, newest first', async () => {
    const response = await call('/api/cases', await token());
    expect(response.status).toBe(200);
    const cases = response.body.cases as CaseSummary[];
    expect(cases.map((item) => [item.student, item.emailsToDraft, item.outcome])).toEqual([
      ['API-1', 2, 'B.psp2b'],
    ]);
  });

  it('gives one case’s template fields, with what its outcome implies and the recipients', async () => {
    const response = await call(`/api/cases/${slipCase}`, await token());
    const detail = response.body as unknown as CaseDetail;
    expect(response.status).toBe(200);
    expect(detail.fields).toMatchObject({
      student: 'API-1',
      keyLinkName: 'Mrs Patel',
      pspMeeting: 'PSP2b',
      coordinatorName: 'Sam Lee',
    });
    expect(detail.emails).toEqual([
      expect.objectContaining({
        template: 'T1',
        to: 'school',
        drafted: false,
        recipient: { name: 'Mrs Patel', email: 'k.patel@beauchamp.example' },
      }),
      expect.objectContaining({
        template: 'T3',
        to: 'lps',
        drafted: false,
        recipient: { name: 'Mr Whittingham', email: null },
      }),
    ]);
  });

  it('hides another partnership’s case as if it did not exist', async () => {
    expect(await call(`/api/cases/${hbepCase}`, await token())).toEqual({
      status: 404,
      body: { error: 'No such case.' },
    });
    const other = await call(
      `/api/cases/${hbepCase}`,
      await token({ oid: people.otherCoordinator.aadObjectId }),
    );
    expect(other.status).toBe(200);
  });

  it('records a drafted email on the case, once the request is valid', async () => {
    const bad = await call(`/api/cases/${slipCase}/emails`, await token(), {
      method: 'POST',
      body: JSON.stringify({ template: 'T9', to: 'school' }),
    });
    expect(bad).toEqual({ status: 400, body: { error: 'template: expected one of T1, T2, T3, T4, T5' } });
    const unneeded = await call(`/api/cases/${slipCase}/emails`, await token(), {
      method: 'POST',
      body: JSON.stringify({ template: 'T4', to: 'lps' }),
    });
    expect(unneeded).toEqual({ status: 409, body: { error: 'This case does not need T4 to the LPS.' } });
    const drafted = await call(`/api/cases/${slipCase}/emails`, await token(), {
      method: 'POST',
      body: JSON.stringify({ template: 'T1', to: 'school' }),
    });
    expect(drafted.status).toBe(201);
    expect(
      (drafted.body.emails as { template: string; drafted: boolean }[]).map((email) => [
        email.template,
        email.drafted,
      ]),
    ).toEqual([
      ['T1', true],
      ['T3', false],
    ]);
    const history = await caseHistory(store.db, slipCase);
    expect(history.at(-1)).toMatchObject({
      kind: 'emailDrafted',
      actorName: 'Sam Lee',
      detail: { template: 'T1', to: 'school' },
    });
  });

  it.each([
    ['no token', async () => undefined, 401],
    ['a forged token', async () => token({}, (await generateKeyPair('RS256')).privateKey), 401],
    ['an expired token', async () => token({ exp: '-5m' }), 401],
    ['a token for another API (wrong audience)', async () => token({ aud: 'api://someone-else' }), 401],
    ['a token from another tenant', async () => token({ tid: 'f0f0f0f0-0000-4000-8000-000000000000' }), 403],
    // The tenant claim is allowed, but the token was issued by another tenant or another authority.
    [
      'an allowed tenant’s token issued by another tenant',
      async () => token({ iss: `${connector.url}/f0f0f0f0-0000-4000-8000-000000000000/v2.0` }),
      403,
    ],
    [
      'an allowed tenant’s token issued by another authority',
      async () => token({ iss: `https://login.example/${TENANT_ID}/v2.0` }),
      403,
    ],
    ['a token without the scope', async () => token({ scp: 'User.Read' }), 403],
    ['a panel member’s token', async () => token({ oid: people.member(1).aadObjectId }), 403],
  ])('refuses %s', async (_name, makeToken, status) => {
    const bearer = await makeToken();
    for (const [path, init] of [
      ['/api/cases', {}],
      [`/api/cases/${slipCase}`, {}],
      [
        `/api/cases/${slipCase}/emails`,
        { method: 'POST', body: JSON.stringify({ template: 'T3', to: 'lps' }) },
      ],
    ] as const) {
      const response = await call(path, bearer, init);
      expect(response.status).toBe(status);
      expect(typeof response.body.error).toBe('string');
    }
  });

  it('serves how to sign in to anyone, and the directory (staff names and addresses) only once signed in', async () => {
    const response = await call('/api/addin/config');
    expect(response.body).toEqual({
      auth: {
        kind: 'entra',
        clientId: CLIENT_ID,
        authority: `${connector.url}/${TENANT_ID}`,
        scopes: [`api://${CLIENT_ID}/Cases.ReadWrite`],
      },
    });
    expect((await call('/api/directory')).status).toBe(401);
    const directory = await call('/api/directory', await token({ oid: people.member(1).aadObjectId }));
    expect(directory.status).toBe(200);
    expect(directory.body.contacts).toMatchObject({ lps: { name: 'Leicester Partnership School' } });
  });

  describe('for the meeting side panel', () => {
    const meeting = encodeURIComponent('19:meeting_abc@thread.v2');

    it('adds a referral to a meeting’s agenda and lists the meeting’s cases with where each stands', async () => {
      const added = await call(`/api/conversations/${meeting}/cases`, await token(), {
        method: 'POST',
        body: JSON.stringify({
          partnership: 'SLIP',
          schoolId: 'wigston-college',
          student: 'AG-9',
          section: 'C',
        }),
      });
      expect(added.status).toBe(201);
      const listed = await call(`/api/conversations/${meeting}/cases`, await token());
      const cases = listed.body.cases as { student: string; standing: string }[];
      expect(cases.map((item) => [item.student, item.standing])).toEqual(
        expect.arrayContaining([
          ['API-1', 'Outcome: The school sets up a City PSP2b meeting'],
          ['AG-9', 'On the agenda'],
        ]),
      );
      // Another partnership's case in the same meeting is not listed.
      expect(cases.map((item) => item.student)).not.toContain('API-2');
    });

    it.each([
      [
        { partnership: 'SLIP', schoolId: 'wigston-college', student: 'John Smith', section: 'C' },
        400,
        'student: Use initials and/or a reference',
      ],
      [
        { partnership: 'SLIP', schoolId: 'hastings-high-school', student: 'AB', section: 'C' },
        400,
        'schoolId: Hastings High School is an HBEP school: choose HBEP, or a SLIP school.',
      ],
      [
        { partnership: 'HBEP', schoolId: 'hastings-high-school', student: 'AB', section: 'C' },
        403,
        'Only a coordinator of HBEP can add its referrals.',
      ],
      [{ partnership: 'SLIP', schoolId: 'wigston-college', student: 'AB', section: 'E' }, 400, 'section'],
      [
        { partnership: 'SLIP', schoolId: 'wigston-college', student: 'AB', section: 'C', extra: 1 },
        400,
        'Unrecognized key',
      ],
    ])('refuses the referral %j', async (body, status, message) => {
      const response = await call(`/api/conversations/${meeting}/cases`, await token(), {
        method: 'POST',
        body: JSON.stringify(body),
      });
      expect(response.status).toBe(status);
      expect(String(response.body.error)).toContain(message);
    });

    it('adds no referral to a meeting the coordinator is not in, nor to a chat the bot has never been in', async () => {
      const body = JSON.stringify({
        partnership: 'SLIP',
        schoolId: 'wigston-college',
        student: 'AB',
        section: 'C',
      });
      for (const chat of ['19:meeting_abc@thread.v2', '19:never-seen@thread.v2']) {
        const response = await call(
          `/api/conversations/${encodeURIComponent(chat)}/cases`,
          chat.includes('abc') ? await token({ oid: people.otherCoordinator.aadObjectId }) : await token(),
          { method: 'POST', body },
        );
        expect(response.status).toBe(403);
        expect(String(response.body.error)).toMatch(
          /only to a meeting you are in|Only a coordinator of SLIP/,
        );
      }
      const listed = await call(
        `/api/conversations/${encodeURIComponent('19:never-seen@thread.v2')}/cases`,
        await token(),
      );
      expect(listed.status).toBe(403);
    });

    const identifierRefusal =
      'student: Use initials and/or a reference, such as "J.S.", "JS 2291" or "REF-0042" — not the student’s name.';
    const singleLine = 'student: must be a single line of text without control characters';
    it.each([
      ['john smith', identifierRefusal],
      ['JOHN SMITH', identifierRefusal],
      ['Smith, John', identifierRefusal],
      ['John Smith 2', identifierRefusal],
      ['Sean McDonald', identifierRefusal],
      ["Niamh O'Brien", identifierRefusal],
      ['Mary-Jane Watts', identifierRefusal],
      ['J\u200DS', singleLine],
      ['JS\u20282291', singleLine],
      ['\u202EJS', singleLine],
    ])('refuses the referral of %j with what is allowed, and stores nothing', async (student, message) => {
      const stored = async () =>
        (await store.db.query<{ n: number }>('SELECT count(*)::int AS n FROM cases'))[0]?.n;
      const before = await stored();
      const response = await call(`/api/conversations/${meeting}/cases`, await token(), {
        method: 'POST',
        body: JSON.stringify({ partnership: 'SLIP', schoolId: 'wigston-college', student, section: 'C' }),
      });
      expect(response.status).toBe(400);
      expect(response.body.error).toBe(message);
      expect(await stored()).toBe(before);
    });

    it('adds referrals named by initials, a reference, or both', async () => {
      for (const student of ['J.S.', 'JS', 'J. S.', 'JS 2291', 'J.S. (ref 2291)', 'REF-0042', '2291']) {
        const response = await call(`/api/conversations/${meeting}/cases`, await token(), {
          method: 'POST',
          body: JSON.stringify({ partnership: 'SLIP', schoolId: 'wigston-college', student, section: 'C' }),
        });
        expect(response.status, student).toBe(201);
      }
    });

    it('shows the stage view to those in the case’s meeting and its coordinators, with the identifier and no names', async () => {
      for (const stranger of [people.otherCoordinator.aadObjectId, people.member(7).aadObjectId]) {
        const refused = await call(`/api/cases/${slipCase}/stage`, await token({ oid: stranger }));
        expect(refused).toEqual({ status: 404, body: { error: 'No such case.' } });
      }
      const stage = await call(
        `/api/cases/${slipCase}/stage`,
        await token({ oid: people.member(1).aadObjectId }),
      );
      expect(stage.status).toBe(200);
      expect(stage.body).toEqual({
        student: 'API-1',
        section: 'B. Second or third referral',
        answered: [
          {
            question: 'Is the student a City of Leicester resident?',
            answer: 'Yes – a City of Leicester address',
          },
          { question: 'Has the school done all of these?', answer: 'All done' },
        ],
        waitingFor: null,
        outcome: 'The school sets up a City PSP2b meeting',
      });
      expect((await call(`/api/cases/${slipCase}/stage`)).status).toBe(401);
    });

    it('shows a county-address case on the stage and in its meeting’s list under its own flow', async () => {
      const county = flows.countyAddress;
      const record = await createCase(
        store.db,
        newCase({
          student: 'CA-1',
          schoolId: 'city:beaumont-leys-school',
          section: 'R',
          flowId: county.id,
          flowVersion: county.version,
          fields: { student: 'CA-1', schoolName: 'Beaumont Leys School', partnership: 'SLIP' },
        }),
        { id: 'c', name: 'C' },
      );
      for (const [question, value] of [
        ['homeArea', 'blaby'],
        ['concern', 'belowTier4'],
      ] as const) {
        await updateCase(store.db, record.id, { id: 'c', name: 'C' }, (current) => {
          const answered = answerCase(county, current, question, value, {});
          return answered.ok
            ? ok({ record: answered.value.record, events: answered.value.events })
            : answered;
        });
      }
      const stage = await call(
        `/api/cases/${record.id}/stage`,
        await token({ oid: people.member(1).aadObjectId }),
      );
      expect(stage.body).toEqual({
        student: 'CA-1',
        section: 'A City school with a county-address child',
        answered: [
          { question: 'In which district does the child live?', answer: 'Blaby' },
          { question: 'What is the concern?', answer: 'Challenging behaviour, not yet at Tier 4 (PSP3)' },
        ],
        waitingFor: null,
        outcome: 'Refer to the Inclusion Forum where the child lives',
      });
      const listed = await call(
        `/api/conversations/${encodeURIComponent('19:meeting_abc@thread.v2')}/cases`,
        await token(),
      );
      expect(
        (listed.body.cases as { student: string; standing: string }[]).find(
          (item) => item.student === 'CA-1',
        ),
      ).toMatchObject({
        standing: 'Outcome: Refer to the Inclusion Forum where the child lives',
      });
    });
  });
});
