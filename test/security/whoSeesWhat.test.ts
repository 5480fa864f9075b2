import { beforeEach, describe, expect, it } from 'vitest';
import { casesOfConversation } from '../../bot/store/cases.ts';
import { useBot } from '../helpers/harness.ts';
import { click, messageActivity, people, post, voteIdOn, type Person } from '../helpers/teams.ts';

/**
 * The privacy findings of "Who sees what", each reproduced as it was found: a view that must stay with one person
 * posted over the chat's shared card, and cards or lists given to people by id. Only Teams-shaped traffic over
 * loopback HTTP, as a client or an attacker would send it.
 */

const CHAT = '19:meeting-a@thread.v2';
const ELSEWHERE = '19:somewhere-else@thread.v2';
const outsider: Person = {
  id: '29:outsider',
  name: 'Pat Outside',
  aadObjectId: 'e0000000-0000-4000-8000-000000000001',
};
const anonymous: Person = { id: '29:anonymous-1', name: 'Anonymous' };

describe('who sees what, in Teams', () => {
  const h = useBot({}, (connector) => {
    connector.rosters[CHAT] = [
      people.coordinator,
      people.member(1),
      people.member(2),
      { ...people.guest, userRole: 'guest' },
    ];
    connector.rosters[ELSEWHERE] = [people.coordinator, people.otherCoordinator, outsider];
  });

  beforeEach(() => {
    h.connector.calls.length = 0;
  });

  async function caseWithVote(student: string) {
    const messageId = `card-${student}`;
    await click(
      h.bot,
      h.connector,
      people.coordinator,
      'case.start',
      {
        partnership: 'SLIP',
        schoolId: 'wigston-college',
        student,
        section: 'A',
      },
      messageId,
      CHAT,
    );
    const record = (await casesOfConversation(h.store.db, CHAT)).find((item) => item.student === student);
    if (!record) throw new Error('no case');
    const opened = await click(
      h.bot,
      h.connector,
      people.coordinator,
      'vote.open',
      { caseId: record.id, question: 'coreGroupDecision', withoutReview: true },
      messageId,
      CHAT,
    );
    return { caseId: record.id, voteId: voteIdOn(opened.text), messageId };
  }

  /** Sends an Action.Submit (a client without Universal Actions) and returns what the bot sent back to Teams. */
  async function submit(from: Person, data: Record<string, unknown>, messageId: string) {
    h.connector.calls.length = 0;
    const activity = {
      ...messageActivity(h.connector, from, '', CHAT),
      text: undefined,
      replyToId: messageId,
      value: data,
    };
    expect((await post(h.bot, activity)).status).toBe(200);
    const sent = h.connector.calls.filter((call) => call.method === 'POST' || call.method === 'PUT');
    return {
      sharedUpdates: sent.filter((call) => call.method === 'PUT').map((call) => JSON.stringify(call.body)),
      toChat: sent
        .filter((call) => call.method === 'POST' && call.search === '')
        .map((call) => JSON.stringify(call.body)),
      toOneOnly: sent
        .filter((call) => call.method === 'POST' && call.search.includes('isTargetedActivity=true'))
        .map((call) => call.body as { recipient?: { id?: string; isTargeted?: boolean } }),
    };
  }

  it('never posts a member’s own vote view over the shared card (Action.Submit): it goes to them alone', async () => {
    const { voteId, messageId } = await caseWithVote('PV-1');
    const sent = await submit(people.member(1), { verb: 'vote.cast', voteId, choice: 'backToIf' }, messageId);
    expect(sent.sharedUpdates.length).toBeGreaterThan(0);
    for (const update of sent.sharedUpdates) expect(update).not.toContain('Your vote');
    expect(sent.toChat).toEqual([]);
    expect(sent.toOneOnly).toHaveLength(1);
    expect(sent.toOneOnly[0]?.recipient).toMatchObject({ id: people.member(1).id, isTargeted: true });
    expect(JSON.stringify(sent.toOneOnly[0])).toContain('Your vote');
  });

  it('never posts the coordinator’s History card (who voted what) into the chat', async () => {
    const { caseId, voteId, messageId } = await caseWithVote('PV-2');
    await click(
      h.bot,
      h.connector,
      people.member(1),
      'vote.cast',
      { voteId, choice: 'backToIf' },
      messageId,
      CHAT,
    );
    // Let the vote's shared card update (sent in the background) land first.
    await new Promise((resolve) => setTimeout(resolve, 200));
    const sent = await submit(people.coordinator, { verb: 'case.history', caseId }, messageId);
    expect(sent.sharedUpdates).toEqual([]);
    expect(sent.toChat).toEqual([]);
    expect(sent.toOneOnly).toHaveLength(1);
    expect(JSON.stringify(sent.toOneOnly[0])).toContain('History');
  });

  it('gives a case or vote card by id to nobody who may not see it', async () => {
    const { caseId, voteId, messageId } = await caseWithVote('PV-3');
    const tries: [Person, string][] = [
      [{ ...people.guest }, CHAT],
      [anonymous, CHAT],
      [outsider, ELSEWHERE],
      [people.otherCoordinator, ELSEWHERE],
    ];
    for (const [person, chat] of tries) {
      for (const [verb, data] of [
        ['case.show', { caseId }],
        ['case.history', { caseId }],
        ['vote.refresh', { voteId }],
        ['vote.cast', { voteId, choice: 'backToIf' }],
      ] as const) {
        const card = await click(h.bot, h.connector, person, verb, data, messageId, chat);
        expect(card.text, `${verb} by ${person.name}`).not.toContain('PV');
        expect(card.text).not.toContain('Core Group decision');
      }
    }
  });

  it('shows the meeting stage to a guest of the chat nowhere, even when their token does not say guest', async () => {
    const { caseId } = await caseWithVote('PV-5');
    const stage = (who: Person) =>
      fetch(`${h.bot.url}/api/cases/${caseId}/stage`, {
        headers: { authorization: `Bearer dangerously-local:${who.aadObjectId}` },
      });
    expect((await stage(people.member(2))).status).toBe(200);
    const guest = await stage(people.guest);
    expect([guest.status, await guest.json()]).toEqual([404, { error: 'No such case.' }]);
  });

  it('forgets someone who leaves the chat, named by Teams id alone, and believes no mismatched ids', async () => {
    const { caseId, messageId } = await caseWithVote('PV-6');
    const leaver = people.member(2);
    expect(
      (await click(h.bot, h.connector, leaver, 'case.show', { caseId }, messageId, CHAT)).text,
    ).toContain('PV');
    h.connector.rosters[CHAT] = h.connector.rosters[CHAT]?.filter((member) => member.id !== leaver.id) ?? [];
    const left = {
      ...messageActivity(h.connector, people.coordinator, '', CHAT),
      type: 'conversationUpdate',
      text: undefined,
      membersRemoved: [{ id: leaver.id }],
    };
    expect((await post(h.bot, left)).status).toBe(200);
    expect(
      (await click(h.bot, h.connector, leaver, 'case.show', { caseId }, messageId, CHAT)).text,
    ).not.toContain('PV');
    // An activity naming a member's Teams id with someone else's object id is not taken for either.
    const forged = { ...people.member(1), aadObjectId: 'c0000000-0000-4000-8000-0000000000ff' };
    expect(
      (await click(h.bot, h.connector, forged, 'case.show', { caseId }, messageId, CHAT)).text,
    ).not.toContain('PV');
  });

  it('updates only a case’s own card, whichever card in the chat was clicked', async () => {
    const first = await caseWithVote('PV-7');
    await caseWithVote('PV-8');
    // Answering PV-8's vote question from PV-7's card must not put PV-8 over PV-7's card.
    h.connector.calls.length = 0;
    const other = (await casesOfConversation(h.store.db, CHAT)).find((record) => record.student === 'PV-8');
    await click(
      h.bot,
      h.connector,
      people.coordinator,
      'case.show',
      { caseId: other?.id },
      first.messageId,
      CHAT,
    );
    await click(
      h.bot,
      h.connector,
      people.coordinator,
      'case.answer',
      { caseId: other?.id, question: 'residency', value: 'city' },
      first.messageId,
      CHAT,
    );
    const updated = h.connector.calls.filter((call) => call.method === 'PUT').map((call) => call.path);
    expect(updated.length).toBeGreaterThan(0);
    expect(updated.every((path) => path.endsWith('/card-PV-8'))).toBe(true);

    // A case added before the meeting has no card yet: its first shared card is posted as its own.
    const added = await fetch(`${h.bot.url}/api/conversations/${encodeURIComponent(CHAT)}/cases`, {
      method: 'POST',
      headers: {
        authorization: `Bearer dangerously-local:${people.coordinator.aadObjectId}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify({
        partnership: 'SLIP',
        schoolId: 'wigston-college',
        student: 'PV 9',
        section: 'A',
      }),
    });
    const { id } = (await added.json()) as { id: string };
    h.connector.calls.length = 0;
    await click(
      h.bot,
      h.connector,
      people.coordinator,
      'case.answer',
      { caseId: id, question: 'residency', value: 'city' },
      'agenda-message',
      CHAT,
    );
    expect(h.connector.calls.filter((call) => call.method === 'PUT')).toEqual([]);
    const posted = h.connector.calls.filter(
      (call) => call.method === 'POST' && /\/activities$/.test(call.path),
    );
    expect(posted).toHaveLength(1);
    const ownCard = (await casesOfConversation(h.store.db, CHAT)).find(
      (record) => record.id === id,
    )?.cardActivityId;
    expect(ownCard).toMatch(/^sent-/);
  });

  it('lists in a chat only the cases of the partnerships the person coordinates', async () => {
    await caseWithVote('PV-4');
    // Another partnership's coordinator runs a case in the same chat.
    h.connector.rosters[CHAT]?.push(people.otherCoordinator);
    await click(
      h.bot,
      h.connector,
      people.otherCoordinator,
      'case.start',
      {
        partnership: 'HBEP',
        schoolId: 'hastings-high-school',
        student: 'HB-1',
        section: 'A',
      },
      'card-hb',
      CHAT,
    );
    const slip = await click(h.bot, h.connector, people.coordinator, 'case.list', {}, 'card-list', CHAT);
    expect(slip.text).toContain('PV\\\\-4');
    expect(slip.text).not.toContain('HB\\\\-1');
    const hbep = await click(h.bot, h.connector, people.otherCoordinator, 'case.list', {}, 'card-list', CHAT);
    expect(hbep.text).toContain('HB\\\\-1');
    expect(hbep.text).not.toContain('PV\\\\-4');
  });
});
