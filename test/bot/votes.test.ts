import { describe, expect, it } from 'vitest';
import { caseHistory, casesOfConversation, getCase } from '../../bot/store/cases.ts';
import { getVote } from '../../bot/store/votes.ts';
import { serverUrl, type TestDatabase } from '../helpers/databases.ts';
import {
  click,
  invokeActivity,
  people,
  post,
  voteIdOn,
  type MockConnector,
  type Person,
} from '../helpers/teams.ts';
import { useBot, useTwoBotProcesses } from '../helpers/harness.ts';
import type { ReachableBot } from '../helpers/teams.ts';

const members = Array.from({ length: 60 }, (_, i) => people.member(i + 1));
const roster = [
  people.coordinator,
  ...members,
  { ...people.guest, userRole: 'guest' },
  { id: '28:bot', name: 'Inclusion Partnerships' },
];

/** Starts a section D case at the panel's question and opens the vote; returns ids. */
async function openPanelVote(
  bots: ReachableBot[],
  connector: MockConnector,
  db: TestDatabase['db'],
  student: string,
) {
  const [bot] = bots;
  if (!bot) throw new Error('no bot');
  const messageId = `card-${student}`;
  await click(
    bot,
    connector,
    people.coordinator,
    'case.start',
    { partnership: 'SLIP', schoolId: 'wigston-college', student, section: 'D' },
    messageId,
  );
  const record = (await casesOfConversation(db, '19:meeting-a@thread.v2')).find(
    (candidate) => candidate.student === student,
  );
  if (!record) throw new Error('case not stored');
  await click(
    bot,
    connector,
    people.coordinator,
    'case.answer',
    { caseId: record.id, question: 'residency', value: 'city' },
    messageId,
  );
  const opened = await click(
    bot,
    connector,
    people.coordinator,
    'vote.open',
    { caseId: record.id, question: 'partnershipConvinced' },
    messageId,
  );
  const voteId = voteIdOn(opened.text);
  if (!voteId) throw new Error(`no vote opened: ${opened.text}`);
  return { record, voteId, messageId, opened };
}

/** 60 members vote at once, spread over the bots; each answer must confirm the vote. */
async function burst(
  bots: ReachableBot[],
  connector: MockConnector,
  voteId: string,
  messageId: string,
  who: Person[] = members,
) {
  return Promise.all(
    who.map((member, i) =>
      click(
        bots[i % bots.length] as ReachableBot,
        connector,
        member,
        'vote.cast',
        { voteId, choice: i % 4 === 0 ? 'no' : 'yes' },
        messageId,
      ),
    ),
  );
}

describe('panel votes over loopback HTTP on PGlite', () => {
  const h = useBot({}, (connector) => {
    connector.roster = roster;
    // Small pages, so the roster takes several.
    connector.pageSize = 7;
  });

  it('counts 60 members voting at once exactly once each, and a retried burst not at all', async () => {
    const { voteId, messageId, opened } = await openPanelVote([h.bot], h.connector, h.store.db, 'V-60');
    expect(opened.text).toContain('0 of 61 members have voted.');
    // Every page of the paged member list was read; the deprecated unpaged list never.
    const rosterCalls = h.connector.calls.filter((call) => /\/(paged)?members$/i.test(call.path));
    expect(rosterCalls.some((call) => call.search.includes('continuationToken=56'))).toBe(true);
    expect(rosterCalls.every((call) => call.path.endsWith('/pagedMembers'))).toBe(true);
    const answers = await burst([h.bot], h.connector, voteId, messageId);
    expect(answers.every((answer) => answer.text.includes('Your vote is counted.'))).toBe(true);
    const retried = await burst([h.bot], h.connector, voteId, messageId);
    expect(retried.every((answer) => answer.text.includes('Your vote was already counted.'))).toBe(true);
    expect((await getVote(h.store.db, voteId))?.tally).toEqual({ yes: 45, no: 15 });
    expect(answers[0]?.text).toMatch(/Your vote: No/);
    expect(answers[1]?.text).toMatch(/Your vote: Yes/);
  });

  it('shows each member their own view, refuses guests and strangers, and only the coordinator can close', async () => {
    const { voteId, messageId, record } = await openPanelVote([h.bot], h.connector, h.store.db, 'V-2');
    const shared = h.connector.calls.filter((call) => call.method === 'PUT').pop();
    const sharedCard = (shared?.body as { attachments: { content: { refresh?: { userIds: string[] } } }[] })
      .attachments[0]?.content;
    // 61 eligible is more than Teams refreshes automatically: members get a Refresh button instead.
    expect(sharedCard?.refresh?.userIds).toEqual([]);
    expect(JSON.stringify(sharedCard)).not.toContain('Your vote');

    const guest = await click(
      h.bot,
      h.connector,
      people.guest,
      'vote.cast',
      { voteId, choice: 'yes' },
      messageId,
    );
    expect(guest.text).toContain('Only the panel members of this meeting can vote.');
    const stranger = await click(
      h.bot,
      h.connector,
      { id: '29:x', name: 'Stranger', aadObjectId: 'e0000000-0000-4000-8000-000000000001' },
      'vote.cast',
      { voteId, choice: 'yes' },
      messageId,
    );
    expect(stranger.text).toContain('Only the panel members of this meeting can vote.');

    await click(h.bot, h.connector, members[0]!, 'vote.cast', { voteId, choice: 'yes' }, messageId);
    const changed = await click(
      h.bot,
      h.connector,
      members[0]!,
      'vote.cast',
      { voteId, choice: 'no' },
      messageId,
    );
    expect(changed.text).toContain('Your vote: No');
    const view = await click(h.bot, h.connector, members[0]!, 'vote.refresh', { voteId }, messageId);
    expect(view.text).toContain('Your vote: No');
    expect(view.text).not.toContain('Close the vote');

    const memberClose = await click(h.bot, h.connector, members[1]!, 'vote.close', { voteId }, messageId);
    expect(memberClose.text).toContain('Only the coordinator can close the vote.');
    const memberAnswer = await click(
      h.bot,
      h.connector,
      members[1]!,
      'case.answer',
      { caseId: record.id, question: 'partnershipConvinced', value: true },
      messageId,
    );
    expect(memberAnswer.text).toContain('Only the coordinator can answer the questions.');

    const closed = await click(h.bot, h.connector, people.coordinator, 'vote.close', { voteId }, messageId);
    expect(closed.text).toContain('The panel decided: No (Yes 0, No 1).');
    expect(closed.text).toContain('Outcome: The Partnership is not convinced');
    expect((await getCase(h.store.db, record.id))?.outcome).toBe('D.notConvinced');

    const late = await click(
      h.bot,
      h.connector,
      members[2]!,
      'vote.cast',
      { voteId, choice: 'yes' },
      messageId,
    );
    expect(late.text).toContain('This vote has been closed: votes are no longer counted.');
    const kinds = (await caseHistory(h.store.db, record.id)).map((entry) => entry.kind);
    expect(kinds.slice(-3)).toEqual(['voteClosed', 'answered', 'decided']);
  });

  it('refuses to let another partnership’s coordinator in the case’s chat close its vote', async () => {
    const { voteId, messageId, record } = await openPanelVote([h.bot], h.connector, h.store.db, 'V-9');
    await click(h.bot, h.connector, members[0]!, 'vote.cast', { voteId, choice: 'yes' }, messageId);
    // Jo Hart coordinates HBEP; the case is SLIP's. In its chat she may follow it, but not run it.
    const shown = await click(h.bot, h.connector, people.otherCoordinator, 'case.show', {
      caseId: record.id,
    });
    expect(shown.text).toContain('Wigston College');
    const refused = await click(
      h.bot,
      h.connector,
      people.otherCoordinator,
      'vote.close',
      { voteId },
      messageId,
    );
    expect(refused.text).toContain('Only the coordinator can close the vote.');
    expect((await getVote(h.store.db, voteId))?.status).toBe('open');
    expect((await getCase(h.store.db, record.id))?.outcome).toBeNull();
    const kinds = (await caseHistory(h.store.db, record.id)).map((entry) => entry.kind);
    expect(kinds).not.toContain('voteClosed');
  });

  it('does not let a vote decide a case withdrawn while the vote was open', async () => {
    const { voteId, messageId, record } = await openPanelVote([h.bot], h.connector, h.store.db, 'V-12');
    await click(h.bot, h.connector, members[0]!, 'vote.cast', { voteId, choice: 'yes' }, messageId);
    await click(h.bot, h.connector, people.coordinator, 'case.withdraw', {
      caseId: record.id,
      confirm: true,
    });
    const closing = await click(h.bot, h.connector, people.coordinator, 'vote.close', { voteId }, messageId);
    expect(closing.text).toContain('This case was withdrawn: it is no longer run.');
    const withdrawn = await getCase(h.store.db, record.id);
    expect(withdrawn?.outcome).toBeNull();
    const [decided] = await h.store.db.query<{ decided_at: Date | null }>(
      'SELECT decided_at FROM cases WHERE id = $1',
      [record.id],
    );
    expect(decided?.decided_at).toBeNull();
    expect((await getVote(h.store.db, voteId))?.status).toBe('open');
    const kinds = (await caseHistory(h.store.db, record.id)).map((entry) => entry.kind);
    expect(kinds).not.toContain('voteClosed');
    // Nor does the vote take ballots or declarations any more: the case is no longer run.
    const late = await click(
      h.bot,
      h.connector,
      members[1]!,
      'vote.cast',
      { voteId, choice: 'no' },
      messageId,
    );
    expect(late.text).toContain('This case was withdrawn: its votes no longer count.');
    const declared = await click(h.bot, h.connector, members[2]!, 'vote.recuse', { voteId }, messageId);
    expect(declared.text).toContain('This case was withdrawn: its votes no longer count.');
    const ballots = await h.store.db.query<{ member_id: string }>(
      'SELECT member_id FROM ballots WHERE vote_id = $1',
      [voteId],
    );
    expect(ballots.map((row) => row.member_id)).toEqual([members[0]!.aadObjectId]);
  });

  it('asks the coordinator for a casting decision on a tie and records it as such', async () => {
    const { voteId, messageId, record } = await openPanelVote([h.bot], h.connector, h.store.db, 'V-3');
    await click(h.bot, h.connector, members[0]!, 'vote.cast', { voteId, choice: 'yes' }, messageId);
    await click(h.bot, h.connector, members[1]!, 'vote.cast', { voteId, choice: 'no' }, messageId);
    const tie = await click(h.bot, h.connector, people.coordinator, 'vote.close', { voteId }, messageId);
    expect(tie.text).toContain('The vote is tied: as coordinator, you have the casting decision.');
    // Once the tie is seen the vote takes no more ballots, so it cannot be left open until it goes one way.
    expect((await getVote(h.store.db, voteId))?.status).toBe('tied');
    const late = await click(
      h.bot,
      h.connector,
      members[2]!,
      'vote.cast',
      { voteId, choice: 'yes' },
      messageId,
    );
    expect(late.text).not.toContain('Your vote is counted.');
    expect((await getVote(h.store.db, voteId))?.tally).toEqual({ yes: 1, no: 1 });
    const decided = await click(
      h.bot,
      h.connector,
      people.coordinator,
      'vote.close',
      { voteId, casting: 'yes' },
      messageId,
    );
    expect(decided.text).toContain('on the coordinator’s casting decision');
    expect((await getCase(h.store.db, record.id))?.outcome).toBe('D.convinced');
    expect((await getVote(h.store.db, voteId))?.castingDecision).toBe(true);
  });

  it('runs a Core Group decision vote with its four outcomes', async () => {
    const { record, messageId } = await openPanelVote([h.bot], h.connector, h.store.db, 'V-4');
    // The panel question's vote is still open; the Core Group decision is a separate vote on the case.
    const opened = await click(
      h.bot,
      h.connector,
      people.coordinator,
      'vote.open',
      { caseId: record.id, question: 'coreGroupDecision', withoutReview: true },
      messageId,
    );
    expect(opened.text).toContain('Core Group decision on this referral');
    for (const label of [
      'Referral back to the Inclusion Forum',
      'School to continue using the advice shared at Core',
      'Partnership offers in-school support (Tier 2)',
    ]) {
      expect(opened.text).toContain(label);
    }
  });
});

describe.skipIf(!serverUrl)('panel votes with two bot processes on one PostgreSQL server', () => {
  const two = useTwoBotProcesses(
    (mock: MockConnector) => {
      mock.roster = roster;
    },
    { validateTokens: true },
  );
  const { bots } = two;

  it('validates every Teams token: an activity without one, or with a forged one, is refused', async () => {
    const activity = invokeActivity(two.connector, people.coordinator, 'case.list', {}, 'card-T');
    for (const bot of bots) {
      expect((await post({ url: bot.url }, activity)).status).toBe(401);
      expect((await post(bot, activity, await two.keys!.forge())).status).toBe(401);
      expect((await post(bot, activity)).status).toBe(200);
    }
  });

  it('counts 60 members voting at once across both processes exactly once each', async () => {
    const { voteId, messageId, record } = await openPanelVote(bots, two.connector, two.store.db, 'V-5');
    const answers = await burst(bots, two.connector, voteId, messageId);
    expect(answers.every((answer) => answer.text.includes('Your vote is counted.'))).toBe(true);
    await burst(bots, two.connector, voteId, messageId);
    expect((await getVote(two.store.db, voteId))?.tally).toEqual({ yes: 45, no: 15 });
    const ballots = await two.store.db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM ballots WHERE vote_id = $1',
      [voteId],
    );
    expect(ballots[0]?.n).toBe(60);
    // The second process closes the vote the first opened: state lives in the database, not in a process.
    const closed = await click(
      bots[1]!,
      two.connector,
      people.coordinator,
      'vote.close',
      { voteId },
      messageId,
    );
    expect(closed.text).toContain('The panel decided: Yes (Yes 45, No 15).');
    expect((await getCase(two.store.db, record.id))?.outcome).toBe('D.convinced');
    // Their updates of the shared vote card reached Teams with the bot's own token, from its managed identity.
    const updates = two.connector.calls.filter((call) => call.method === 'PUT');
    expect(updates.length).toBeGreaterThan(0);
    expect(updates.every((call) => call.authorization?.startsWith('Bearer ey'))).toBe(true);
  }, 60_000);
});
