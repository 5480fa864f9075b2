import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseHistory, createCase, getCase } from '../../bot/store/cases.ts';
import { createBallotBox } from '../../bot/store/ballotBox.ts';
import type { Database } from '../../bot/store/database.ts';
import {
  castBallot,
  castBallots,
  closeVote,
  getVote,
  openVote,
  ownChoice,
  type ApplyVoteResult,
} from '../../bot/store/votes.ts';
import { answerCase } from '../../src/cases/case.ts';
import { ok } from '../../src/result.ts';
import { coreGroupOptions, yesNoOptions } from '../../src/votes/vote.ts';
import { storeKinds, type TestDatabase } from '../helpers/databases.ts';
import { newCase } from '../helpers/cases.ts';
import { flows } from '../../src/flows.ts';

const cityAddressFlow = flows.cityAddress;

const coordinator = { id: '6f1c0a5e-0000-4000-8000-000000000001', name: 'Sam Lee' };
const members = Array.from({ length: 60 }, (_, i) => ({
  id: `a0000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
  name: `Member ${i + 1}`,
}));

/** Answers the D question with the vote's result, as the bot does. */
const answerWithResult: ApplyVoteResult = (record, vote, decision) => {
  const answered = answerCase(cityAddressFlow, record, vote.question, decision.result === 'yes', {}, vote.id);
  return answered.ok
    ? ok({ record: answered.value.record, events: answered.value.events })
    : { ok: false, error: { reason: answered.error.reason, message: answered.error.message } };
};
const recordOnly: ApplyVoteResult = (record) => ok({ record, events: [] });

describe.each(storeKinds)('votes on $name', ({ fresh }) => {
  let store: TestDatabase;
  beforeAll(async () => {
    store = await fresh();
  });
  afterAll(async () => {
    await store.drop();
  });

  /** Opens a vote on the case: by default a yes/no vote on partnershipConvinced for all 60 members. */
  function openOn(record: { id: string }, overrides: Partial<Parameters<typeof openVote>[1]> = {}) {
    const input = {
      caseId: record.id,
      question: 'partnershipConvinced',
      options: yesNoOptions,
      anonymous: false,
      resultsHidden: false,
      quorum: null,
      eligible: members,
    };
    return openVote(store.db, { ...input, ...overrides }, coordinator);
  }

  async function caseAtQuestionD() {
    const record = await createCase(store.db, newCase({ section: 'D', student: 'PEX-1' }), coordinator);
    await store.db.query(`UPDATE cases SET answers = '{"residency":"city"}'::jsonb WHERE id = $1`, [
      record.id,
    ]);
    return record;
  }

  it('counts 60 members voting at once exactly once each, and a retried burst not at all', async () => {
    const record = await caseAtQuestionD();
    const opened = await openOn(record);
    if (!opened.ok) throw new Error(opened.error.message);
    const voteId = opened.value.id;
    const choose = (i: number) => (i % 3 === 0 ? 'no' : 'yes');
    const first = await Promise.all(
      members.map((member, i) => castBallot(store.db, voteId, member, choose(i))),
    );
    expect(first.every((result) => result.ok && result.value.changed)).toBe(true);
    const retry = await Promise.all(
      members.map((member, i) => castBallot(store.db, voteId, member, choose(i))),
    );
    expect(retry.every((result) => result.ok && !result.value.changed)).toBe(true);
    const vote = await getVote(store.db, voteId);
    expect(vote?.tally).toEqual({ yes: 40, no: 20 });
    expect(vote?.voted).toHaveLength(60);
    const ballots = await store.db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM ballots WHERE vote_id = $1',
      [voteId],
    );
    expect(ballots[0]?.n).toBe(60);
  });

  it('lets a member change their vote until it closes, then refuses votes and applies the result to the case', async () => {
    const record = await caseAtQuestionD();
    const opened = await openOn(record, { eligible: members.slice(0, 3) });
    if (!opened.ok) throw new Error(opened.error.message);
    const id = opened.value.id;
    await castBallot(store.db, id, members[0]!, 'yes');
    await castBallot(store.db, id, members[1]!, 'yes');
    await castBallot(store.db, id, members[0]!, 'no');
    await castBallot(store.db, id, members[2]!, 'no');
    expect(await ownChoice(store.db, id, members[0]!.id)).toBe('no');
    expect((await getVote(store.db, id))?.tally).toEqual({ yes: 1, no: 2 });

    const closed = await closeVote(store.db, id, coordinator, answerWithResult);
    expect(closed).toMatchObject({
      ok: true,
      value: { decision: { result: 'no', castingDecision: false }, record: { outcome: 'D.notConvinced' } },
    });
    expect(await castBallot(store.db, id, members[1]!, 'no')).toEqual({
      ok: false,
      error: { reason: 'voteClosed', message: 'This vote has been closed: votes are no longer counted.' },
    });
    expect((await getCase(store.db, record.id))?.answers).toEqual({
      residency: 'city',
      partnershipConvinced: false,
    });
    const kinds = (await caseHistory(store.db, record.id)).map((entry) => entry.kind);
    expect(kinds).toEqual([
      'created',
      'voteOpened',
      'voteCast',
      'voteCast',
      'voteCast',
      'voteCast',
      'voteClosed',
      'answered',
      'decided',
    ]);
  });

  it('refuses members who are not eligible, unknown choices and a second open vote on the question', async () => {
    const record = await caseAtQuestionD();
    const opened = await openOn(record, { eligible: members.slice(0, 2) });
    if (!opened.ok) throw new Error(opened.error.message);
    expect(await castBallot(store.db, opened.value.id, members[5]!, 'yes')).toMatchObject({
      ok: false,
      error: { reason: 'notEligible' },
    });
    expect(await castBallot(store.db, opened.value.id, members[0]!, 'maybe')).toMatchObject({
      ok: false,
      error: { reason: 'invalidChoice' },
    });
    const again = await openOn(record);
    expect(again).toMatchObject({ ok: false, error: { reason: 'voteAlreadyOpen' } });
  });

  it('settles a tie only with the coordinator’s casting decision, recorded as such', async () => {
    const record = await caseAtQuestionD();
    const opened = await openOn(record, {
      question: 'coreGroupDecision',
      options: coreGroupOptions,
      quorum: 2,
      eligible: members.slice(0, 4),
    });
    if (!opened.ok) throw new Error(opened.error.message);
    const id = opened.value.id;
    await castBallot(store.db, id, members[0]!, 'inSchoolSupport');
    expect(await closeVote(store.db, id, coordinator, recordOnly)).toMatchObject({
      ok: false,
      error: { reason: 'quorumNotMet' },
    });
    await castBallot(store.db, id, members[1]!, 'backToIf');
    expect(await closeVote(store.db, id, coordinator, recordOnly)).toMatchObject({
      ok: false,
      error: { reason: 'tie', tied: ['backToIf', 'inSchoolSupport'] },
    });
    expect(await closeVote(store.db, id, coordinator, recordOnly, 'schoolContinues')).toMatchObject({
      ok: false,
      error: { reason: 'invalidCastingChoice' },
    });
    const closed = await closeVote(store.db, id, coordinator, recordOnly, 'inSchoolSupport');
    expect(closed).toMatchObject({
      ok: true,
      value: {
        decision: {
          result: 'inSchoolSupport',
          castingDecision: true,
          tally: { backToIf: 1, schoolContinues: 0, inSchoolSupport: 1, programmeManagement: 0 },
        },
      },
    });
    const stored = await store.db.query<{ casting_decision: boolean; result: string }>(
      'SELECT casting_decision, result FROM votes WHERE id = $1',
      [id],
    );
    expect(stored).toEqual([{ casting_decision: true, result: 'inSchoolSupport' }]);
  });

  it('stores no link between a member and a choice in an anonymous vote', async () => {
    const record = await caseAtQuestionD();
    const opened = await openOn(record, { anonymous: true, eligible: members.slice(0, 5) });
    if (!opened.ok) throw new Error(opened.error.message);
    const id = opened.value.id;
    await Promise.all(
      members.slice(0, 5).map((member, i) => castBallot(store.db, id, member, i < 3 ? 'yes' : 'no')),
    );
    // A second click (or a retry) by the same member does not count again, whatever it chooses.
    expect(await castBallot(store.db, id, members[0]!, 'no')).toMatchObject({
      ok: true,
      value: { changed: false },
    });
    expect((await getVote(store.db, id))?.tally).toEqual({ yes: 3, no: 2 });
    const ballots = await store.db.query<{ choice: string | null }>(
      'SELECT choice FROM ballots WHERE vote_id = $1',
      [id],
    );
    expect(ballots.map((ballot) => ballot.choice)).toEqual([null, null, null, null, null]);
    // Who voted is not in the history either: beside the final tally it would say who chose what.
    const history = await caseHistory(store.db, record.id);
    expect(history.filter((entry) => entry.kind === 'voteCast')).toEqual([]);
  });

  it('rewrites every count of an anonymous vote with each ballot, so the changed row is not the choice', async () => {
    const record = await caseAtQuestionD();
    const opened = await openOn(record, {
      anonymous: true,
      options: coreGroupOptions,
      question: 'coreGroupDecision',
      eligible: members.slice(0, 3),
    });
    if (!opened.ok) throw new Error(opened.error.message);
    const id = opened.value.id;
    const lastWriters = () =>
      store.db.query<{ xmin: string }>(
        'SELECT DISTINCT xmin::text AS xmin FROM anonymous_counts WHERE vote_id = $1',
        [id],
      );
    await castBallot(store.db, id, members[0]!, 'backToIf');
    await castBallot(store.db, id, members[1]!, 'inSchoolSupport');
    const [ballot] = await store.db.query<{ xmin: string }>(
      'SELECT xmin::text AS xmin FROM ballots WHERE vote_id = $1 AND member_id = $2',
      [id, members[1]!.id],
    );
    // Every count row was last written by the transaction of the last ballot, whatever it chose.
    expect(await lastWriters()).toEqual([{ xmin: ballot?.xmin }]);
    expect((await getVote(store.db, id))?.tally).toEqual({
      backToIf: 1,
      schoolContinues: 0,
      inSchoolSupport: 1,
      programmeManagement: 0,
    });
  });

  it('hides the results of every anonymous vote, and of a named vote when asked', async () => {
    const anonymous = await openOn(await caseAtQuestionD(), { anonymous: true, resultsHidden: false });
    const hidden = await openOn(await caseAtQuestionD(), { resultsHidden: true });
    const named = await openOn(await caseAtQuestionD());
    const shown = [anonymous, hidden, named].map((opened) => opened.ok && opened.value.resultsHidden);
    expect(shown).toEqual([true, true, false]);
    if (!hidden.ok) throw new Error(hidden.error.message);
    expect((await getVote(store.db, hidden.value.id))?.resultsHidden).toBe(true);
    await expect(
      store.db.query('UPDATE votes SET results_hidden = false WHERE id = $1', [
        anonymous.ok ? anonymous.value.id : '',
      ]),
    ).rejects.toThrow(/anonymous_votes_hide_results/);
  });

  it('stores a batch of ballots as the same casts one by one would, answering each in order', async () => {
    const record = await caseAtQuestionD();
    const opened = await openOn(record, { eligible: members.slice(0, 4) });
    if (!opened.ok) throw new Error(opened.error.message);
    const id = opened.value.id;
    await castBallot(store.db, id, members[3]!, 'no');
    const results = await castBallots(store.db, id, [
      { member: members[0]!, choice: 'yes' },
      { member: members[1]!, choice: 'maybe' },
      { member: members[0]!, choice: 'yes' },
      { member: members[5]!, choice: 'yes' },
      { member: members[0]!, choice: 'no' },
      { member: members[3]!, choice: 'no' },
      { member: members[2]!, choice: 'yes' },
    ]);
    expect(results.map((result) => (result.ok ? result.value.changed : result.error.reason))).toEqual([
      true,
      'invalidChoice',
      false,
      'notEligible',
      true,
      false,
      true,
    ]);
    const last = results[6];
    expect(last?.ok && last.value.vote.tally).toEqual({ yes: 1, no: 2 });
    expect(last?.ok && last.value.vote.voted.map((member) => member.name)).toEqual([
      'Member 1',
      'Member 3',
      'Member 4',
    ]);
    expect(last?.ok && last.value.record.id).toBe(record.id);
    expect(await ownChoice(store.db, id, members[0]!.id)).toBe('no');
    const history = (await caseHistory(store.db, record.id)).filter((entry) => entry.kind === 'voteCast');
    expect(history.map((entry) => entry.detail)).toEqual([
      { voteId: id, choice: 'no' },
      { voteId: id, choice: 'yes' },
      { voteId: id, choice: 'no' },
      { voteId: id, choice: 'yes' },
    ]);
  });

  it('counts a member once in an anonymous batch, however often they click', async () => {
    const record = await caseAtQuestionD();
    const opened = await openOn(record, { anonymous: true, eligible: members.slice(0, 3) });
    if (!opened.ok) throw new Error(opened.error.message);
    const id = opened.value.id;
    const results = await castBallots(store.db, id, [
      { member: members[0]!, choice: 'yes' },
      { member: members[0]!, choice: 'no' },
      { member: members[1]!, choice: 'no' },
    ]);
    expect(results.map((result) => result.ok && result.value.changed)).toEqual([true, false, true]);
    expect((await getVote(store.db, id))?.tally).toEqual({ yes: 1, no: 1 });
  });

  it('counts every ballot of an anonymous batch when several choose the same option', async () => {
    const record = await caseAtQuestionD();
    const opened = await openOn(record, { anonymous: true, eligible: members.slice(0, 5) });
    if (!opened.ok) throw new Error(opened.error.message);
    const results = await castBallots(store.db, opened.value.id, [
      { member: members[0]!, choice: 'yes' },
      { member: members[1]!, choice: 'yes' },
      { member: members[2]!, choice: 'no' },
      { member: members[3]!, choice: 'yes' },
      { member: members[4]!, choice: 'no' },
    ]);
    expect(results.map((result) => result.ok && result.value.changed)).toEqual([
      true,
      true,
      true,
      true,
      true,
    ]);
    expect(results.map((result) => result.ok && result.value.vote.voted.length)).toEqual([5, 5, 5, 5, 5]);
    expect((await getVote(store.db, opened.value.id))?.tally).toEqual({ yes: 3, no: 2 });
    // Refusals in a batch say why, and count nothing.
    const refused = await castBallots(store.db, opened.value.id, [
      { member: members[0]!, choice: 'maybe' },
      { member: members[10]!, choice: 'yes' },
    ]);
    expect(refused).toEqual([
      {
        ok: false,
        error: { reason: 'invalidChoice', message: 'That is not one of the options of this vote.' },
      },
      {
        ok: false,
        error: { reason: 'notEligible', message: 'Only the panel members of this meeting can vote.' },
      },
    ]);
    expect((await getVote(store.db, opened.value.id))?.tally).toEqual({ yes: 3, no: 2 });
  });

  it('stores a burst larger than one batch in two transactions, answering every ballot', async () => {
    const record = await caseAtQuestionD();
    const opened = await openOn(record);
    if (!opened.ok) throw new Error(opened.error.message);
    let transactions = 0;
    const counting: Database = {
      ...store.db,
      query: (sql, params) => store.db.query(sql, params),
      transaction: (work) => {
        transactions += 1;
        return store.db.transaction(work);
      },
    };
    const box = createBallotBox(counting);
    // 250 clicks from the 60 members: at most 200 ballots go in one transaction.
    const results = await Promise.all(
      Array.from({ length: 250 }, (_, i) =>
        box.cast(opened.value.id, members[i % 60]!, i < 60 ? 'yes' : 'no'),
      ),
    );
    expect(results.every((result) => result.ok)).toBe(true);
    expect(transactions).toBe(2);
    expect((await getVote(store.db, opened.value.id))?.tally).toEqual({ yes: 0, no: 60 });
  });

  it('tells every ballot of a batch when the store fails', async () => {
    const failing: Database = {
      ...store.db,
      transaction: () => Promise.reject(new Error('the store went away')),
    };
    const box = createBallotBox(failing);
    const casts = [
      box.cast(crypto.randomUUID(), members[0]!, 'yes'),
      box.cast(crypto.randomUUID(), members[1]!, 'no'),
    ];
    for (const cast of casts) await expect(cast).rejects.toThrow('the store went away');
  });

  it('counts an anonymous panel voting at once through the ballot box exactly once each', async () => {
    const record = await caseAtQuestionD();
    const opened = await openOn(record, { anonymous: true });
    if (!opened.ok) throw new Error(opened.error.message);
    const box = createBallotBox(store.db);
    const results = await Promise.all(
      members.map((member, i) => box.cast(opened.value.id, member, i % 3 === 0 ? 'no' : 'yes')),
    );
    expect(results.filter((result) => result.ok && result.value.changed).length).toBe(60);
    expect((await getVote(store.db, opened.value.id))?.tally).toEqual({ yes: 40, no: 20 });
    // A second burst by the same members changes nothing.
    await Promise.all(members.map((member) => box.cast(opened.value.id, member, 'no')));
    expect((await getVote(store.db, opened.value.id))?.tally).toEqual({ yes: 40, no: 20 });
  });

  it('puts ballots cast at the same moment into a few transactions, and delays none on its own', async () => {
    const record = await caseAtQuestionD();
    const opened = await openOn(record);
    if (!opened.ok) throw new Error(opened.error.message);
    let transactions = 0;
    const counting: Database = {
      ...store.db,
      query: (sql, params) => store.db.query(sql, params),
      transaction: (work) => {
        transactions += 1;
        return store.db.transaction(work);
      },
    };
    const box = createBallotBox(counting);
    const results = await Promise.all(
      members.map((member, i) => box.cast(opened.value.id, member, i % 2 === 0 ? 'yes' : 'no')),
    );
    expect(results.every((result) => result.ok && result.value.changed)).toBe(true);
    expect(transactions).toBeLessThanOrEqual(3);
    expect((await getVote(store.db, opened.value.id))?.tally).toEqual({ yes: 30, no: 30 });
    const alone = await box.cast(opened.value.id, members[0]!, 'no');
    expect(alone).toMatchObject({ ok: true, value: { changed: true, vote: { tally: { yes: 29, no: 31 } } } });
    expect(await box.cast('not-a-vote', members[0]!, 'yes')).toMatchObject({
      ok: false,
      error: { reason: 'voteNotFound' },
    });
  });
});
