import { describe, expect, it } from 'vitest';
import { createCase } from '../../bot/store/cases.ts';
import { cardVerbs } from '../../src/cards/actions.ts';
import { fieldsSchema } from '../../src/templates/fields.ts';
import { newCase } from '../helpers/cases.ts';
import { generatedIdentifier, generatedName, withInvisible } from '../helpers/names.ts';
import { seeded, STACK_TRACE } from '../helpers/random.ts';
import { click, invokeActivity, messageActivity, people } from '../helpers/teams.ts';
import { useBot } from '../helpers/harness.ts';

/** Everything stored, as text, to show nothing changed. */
async function snapshot(db: { query<T>(sql: string): Promise<T[]> }) {
  const tables = ['cases', 'case_events', 'votes', 'vote_eligible', 'ballots', 'anonymous_counts'];
  const rows = await Promise.all(tables.map((table) => db.query(`SELECT * FROM ${table} ORDER BY 1`)));
  return JSON.stringify(rows);
}

describe('fuzzing the bot and the API', () => {
  const harness = useBot();
  const random = seeded(20261122);

  it('answers thousands of random card actions and activities with no 5xx, no stack trace, and nothing stored changed', async () => {
    const { bot, connector, store } = harness;
    const existing = await createCase(
      store.db,
      newCase({ conversationId: '19:meeting-a@thread.v2', student: 'FZ-1' }),
      { id: 'c', name: 'C' },
    );
    const before = await snapshot(store.db);
    // Everyone but a coordinator with valid data: nothing they send may change what is stored.
    const senders = [
      people.member(1),
      people.guest,
      { id: '29:stranger', name: 'Stranger' },
      people.otherCoordinator,
    ];
    const statuses = new Map<number, number>();
    for (let i = 0; i < 2000; i++) {
      const verb = random.next() < 0.8 ? random.pick(cardVerbs) : random.value(1);
      const data =
        random.next() < 0.3
          ? {
              caseId: existing.id,
              question: random.pick(['residency', 'cityBapMember', 'x']),
              value: random.value(2),
            }
          : random.value(3);
      const activity =
        random.next() < 0.85
          ? invokeActivity(
              connector,
              random.pick(senders),
              String(verb),
              data as Record<string, unknown>,
              'card-fuzz',
            )
          : random.next() < 0.5
            ? {
                ...messageActivity(connector, random.pick(senders), String(random.value(1))),
                value: random.value(2),
              }
            : random.value(3);
      const response = await fetch(`${bot.url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(activity) ?? 'null',
      });
      const text = await response.text();
      statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
      expect(response.status, `request ${i}: ${text.slice(0, 200)}`).toBeLessThan(500);
      expect(text).not.toMatch(STACK_TRACE);
    }
    expect(await snapshot(store.db)).toBe(before);
    // The fuzz reached the handlers, not just the front door.
    expect(statuses.get(200)).toBeGreaterThan(1000);
  }, 300_000);

  it('answers thousands of random API requests with no 5xx and no stack trace', async () => {
    const { bot, store } = harness;
    const before = await snapshot(store.db);
    const [existing] = await store.db.query<{ id: string }>('SELECT id FROM cases LIMIT 1');
    const statuses = new Map<number, number>();
    const paths = [
      `/api/cases/${existing?.id}`,
      `/api/cases/${existing?.id}/emails`,
      `/api/cases/${existing?.id}/stage`,
      `/api/conversations/${encodeURIComponent('19:meeting-a@thread.v2')}/cases`,
      '/api/cases',
      '/api/cases/',
      '/api/cases/x',
      '/api/cases/00000000-0000-4000-8000-000000000000',
      '/api/cases/00000000-0000-4000-8000-000000000000/emails',
      '/api/cases/00000000-0000-4000-8000-000000000000/stage',
      '/api/conversations/x/cases',
      '/api/conversations/%E0%A4%A/cases',
      '/api/addin/config',
      '/api/nothing',
      '/addin/../../package.json',
      '/addin/%2e%2e/package.json',
      '/healthz',
    ];
    for (let i = 0; i < 2000; i++) {
      const method = random.pick(['GET', 'POST', 'PUT', 'DELETE']);
      const token = random.pick([
        '',
        'Bearer ',
        'Bearer x.y.z',
        `Bearer dangerously-local:${encodeURIComponent(String(random.value(0))).slice(0, 200)}`,
        'Basic abc',
      ]);
      const body = method === 'POST' ? (JSON.stringify(random.value(3)) ?? '') : undefined;
      const response = await fetch(`${bot.url}${random.pick(paths)}`, {
        method,
        headers: {
          ...(token ? { authorization: token } : {}),
          'content-type': random.pick(['application/json', 'text/plain']),
        },
        ...(body !== undefined ? { body } : {}),
      });
      const text = await response.text();
      expect(response.status, `request ${i}: ${text.slice(0, 200)}`).toBeLessThan(500);
      expect(text).not.toMatch(STACK_TRACE);
      expect(text).not.toContain('"devDependencies"');
      statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
    }
    // Many requests got past the sign-in and the method check to the handlers.
    const reached = [...statuses]
      .filter(([status]) => ![401, 403, 405].includes(status))
      .reduce((sum, [, count]) => sum + count, 0);
    expect(reached).toBeGreaterThan(100);
    expect(await snapshot(store.db)).toBe(before);
  }, 300_000);

  it('refuses a child’s name in hundreds of forms as a case’s identifier, from the card and the API, and stores none', async () => {
    const { bot, connector, store } = harness;
    const names = Array.from({ length: 300 }, () =>
      random.next() < 0.3 ? withInvisible(random, generatedName(random)) : generatedName(random),
    );
    const count = async () =>
      (await store.db.query<{ n: number }>('SELECT count(*)::int AS n FROM cases'))[0]?.n;
    const before = await count();
    const accepted: string[] = [];
    for (const [i, student] of names.entries()) {
      const referral = { partnership: 'SLIP', schoolId: 'wigston-college', student, section: 'A' };
      const card = await click(bot, connector, people.coordinator, 'case.start', referral, `name-${i}`);
      if (!card.text.includes('Student identifier: ')) accepted.push(`card: ${student}`);
      const api = await fetch(
        `${bot.url}/api/conversations/${encodeURIComponent('19:meeting-a@thread.v2')}/cases`,
        {
          method: 'POST',
          headers: {
            authorization: `Bearer dangerously-local:${people.coordinator.aadObjectId}`,
            'content-type': 'application/json',
          },
          body: JSON.stringify(referral),
        },
      );
      const body = (await api.json()) as { error?: string };
      if (api.status !== 400 || !body.error?.startsWith('student: '))
        accepted.push(`API (${api.status} ${body.error}): ${student}`);
    }
    expect(accepted).toEqual([]);
    expect(await count()).toBe(before);
  }, 300_000);

  it('accepts generated identifiers from the card and the API, and refuses each with an invisible character', async () => {
    const { bot, connector, store } = harness;
    const count = async () =>
      (await store.db.query<{ n: number }>('SELECT count(*)::int AS n FROM cases'))[0]?.n;
    const before = (await count()) ?? 0;
    const identifiers = Array.from({ length: 60 }, () => generatedIdentifier(random));
    const refused: string[] = [];
    for (const [i, student] of identifiers.entries()) {
      const referral = { partnership: 'SLIP', schoolId: 'wigston-college', student, section: 'A' };
      const card = await click(bot, connector, people.coordinator, 'case.start', referral, `id-${i}`);
      if (card.text.includes('Student identifier: ')) refused.push(`card: ${student}`);
      const api = await fetch(
        `${bot.url}/api/conversations/${encodeURIComponent('19:meeting-a@thread.v2')}/cases`,
        {
          method: 'POST',
          headers: {
            authorization: `Bearer dangerously-local:${people.coordinator.aadObjectId}`,
            'content-type': 'application/json',
          },
          body: JSON.stringify({ ...referral, student: withInvisible(random, student) }),
        },
      );
      if (api.status !== 400) refused.push(`API accepted an invisible character in: ${student}`);
    }
    expect(refused).toEqual([]);
    expect(await count()).toBe(before + identifiers.length);
  }, 300_000);

  it('refuses every generated name with an invisible character in every single-line field, and takes it without', () => {
    const fields = ['keyLinkName', 'student', 'schoolName', 'coordinatorName'] as const;
    for (let i = 0; i < 3000; i++) {
      const name = generatedName(random);
      const field = random.pick(fields);
      expect(fieldsSchema.safeParse({ [field]: name }).success, `${field}: ${name}`).toBe(true);
      const hidden = withInvisible(random, name);
      expect(fieldsSchema.safeParse({ [field]: hidden }).success, `${field}: ${JSON.stringify(hidden)}`).toBe(
        false,
      );
    }
  });
});
