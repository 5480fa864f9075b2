import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseHistory, createCase } from '../../bot/store/cases.ts';
import { castBallot, closeVote, declareInterest, getVote, openVote } from '../../bot/store/votes.ts';
import { ok } from '../../src/result.ts';
import { yesNoOptions } from '../../src/votes/vote.ts';
import { newCase } from '../helpers/cases.ts';
import { storeKinds, type TestDatabase } from '../helpers/databases.ts';

const coordinator = { id: '6f1c0a5e-0000-4000-8000-000000000001', name: 'Sam Lee' };
const members = Array.from({ length: 12 }, (_, i) => ({
  id: `a0000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
  name: `Member ${i + 1}`,
}));
const [representative, ...others] = members as [(typeof members)[number], ...typeof members];

describe.each(storeKinds)('recusal on $name', ({ fresh }) => {
  let store: TestDatabase;
  beforeAll(async () => {
    store = await fresh();
  });
  afterAll(async () => {
    await store.drop();
  });

  /** A yes/no vote on a new case: the representative of the referring school recused, the others eligible. */
  async function open({ anonymous = false, quorum = null as number | null } = {}) {
    const record = await createCase(store.db, newCase({ section: 'D', student: 'RS-1' }), coordinator);
    const opened = await openVote(
      store.db,
      {
        caseId: record.id,
        question: 'partnershipConvinced',
        options: yesNoOptions,
        anonymous,
        resultsHidden: false,
        quorum,
        eligible: others,
        recused: [{ ...representative, reason: 'representsReferringSchool' }],
      },
      coordinator,
    );
    if (!opened.ok) throw new Error(opened.error.message);
    return { caseId: record.id, vote: opened.value };
  }

  it('stores who is recused and why, refuses their ballot, and records it on the case', async () => {
    const { caseId, vote } = await open();
    expect(vote.eligible).toHaveLength(others.length);
    expect(vote.recused).toEqual([{ ...representative, reason: 'representsReferringSchool' }]);
    expect(await castBallot(store.db, vote.id, representative, 'yes')).toMatchObject({
      ok: false,
      error: { reason: 'recused' },
    });
    const history = await caseHistory(store.db, caseId);
    expect(history.filter((entry) => entry.kind === 'recused').map((entry) => entry.detail)).toEqual([
      {
        voteId: vote.id,
        memberId: representative.id,
        memberName: 'Member 1',
        reason: 'representsReferringSchool',
        ballotWithdrawn: false,
      },
    ]);
    // A declaration does not change why they are recused.
    expect(await declareInterest(store.db, vote.id, representative)).toMatchObject({
      ok: false,
      error: { reason: 'recused' },
    });
  });

  it('withdraws a named ballot on a declaration, so neither the tally nor the quorum counts it', async () => {
    const { vote } = await open({ quorum: 2 });
    await castBallot(store.db, vote.id, others[0]!, 'yes');
    await castBallot(store.db, vote.id, others[1]!, 'no');
    const declared = await declareInterest(store.db, vote.id, others[0]!);
    expect(declared.ok && declared.value.ballotWithdrawn).toBe(true);
    expect(declared.ok && declared.value.vote.tally).toEqual({ yes: 0, no: 1 });
    expect(declared.ok && declared.value.vote.voted.map((member) => member.name)).toEqual(['Member 3']);
    expect(declared.ok && declared.value.vote.eligible).toHaveLength(others.length - 1);
    const closed = await closeVote(store.db, vote.id, coordinator, (record) => ok({ record, events: [] }));
    expect(closed).toMatchObject({ ok: false, error: { reason: 'quorumNotMet' } });
  });

  it('refuses a declaration after an anonymous ballot, which cannot be found to withdraw, and allows one before', async () => {
    const { vote } = await open({ anonymous: true });
    await castBallot(store.db, vote.id, others[0]!, 'yes');
    expect(await declareInterest(store.db, vote.id, others[0]!)).toMatchObject({
      ok: false,
      error: { reason: 'votedAnonymously' },
    });
    const declared = await declareInterest(store.db, vote.id, others[1]!);
    expect(declared.ok && declared.value.ballotWithdrawn).toBe(false);
    const stored = await getVote(store.db, vote.id);
    expect(stored?.recused.map((member) => member.name)).toEqual(['Member 1', 'Member 3']);
    expect(stored?.voted).toHaveLength(1);
    expect(await castBallot(store.db, vote.id, others[1]!, 'no')).toMatchObject({
      ok: false,
      error: { reason: 'recused' },
    });
    expect((await getVote(store.db, vote.id))?.tally).toEqual({ yes: 1, no: 0 });
  });

  it.each([false, true])(
    'settles a ballot and a declaration at the same moment one way or the other (anonymous: %s)',
    async (anonymous) => {
      const { vote } = await open({ anonymous });
      await Promise.all(
        others.flatMap((member) => [
          castBallot(store.db, vote.id, member, 'yes'),
          declareInterest(store.db, vote.id, member),
        ]),
      );
      const recused = new Set(
        (
          await store.db.query<{ member_id: string }>(
            'SELECT member_id FROM vote_eligible WHERE vote_id = $1 AND recused IS NOT NULL',
            [vote.id],
          )
        ).map((row) => row.member_id),
      );
      const ballots = await store.db.query<{ member_id: string }>(
        'SELECT member_id FROM ballots WHERE vote_id = $1',
        [vote.id],
      );
      // Nobody recused has a ballot, and everyone else voted: each pair went one way or the other.
      expect(ballots.filter((ballot) => recused.has(ballot.member_id))).toEqual([]);
      expect(ballots.length + recused.size).toBe(members.length);
      expect((await getVote(store.db, vote.id))?.tally.yes).toBe(ballots.length);
    },
  );

  it('refuses a declaration once the vote is closed', async () => {
    const { vote } = await open();
    await castBallot(store.db, vote.id, others[0]!, 'yes');
    await closeVote(store.db, vote.id, coordinator, (record) => ok({ record, events: [] }));
    expect(await declareInterest(store.db, vote.id, others[1]!)).toMatchObject({
      ok: false,
      error: { reason: 'voteClosed' },
    });
  });
});
