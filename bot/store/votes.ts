import { randomUUID } from 'node:crypto';
import type { Actor, CaseEvent, CaseRecord } from '../../src/cases/case.ts';
import { fail, ok, type Result } from '../../src/result.ts';
import {
  decideVote,
  type RecusalReason,
  type Tally,
  type VoteDecision,
  type VoteOption,
  type VoteRefusal,
  type VoteView,
} from '../../src/votes/vote.ts';
import { appendEvents, appendHistory, getCase, isUuid, lockCase, writeChange } from './cases.ts';
import type { Database, Queryable } from './database.ts';

/** A panel member: Entra object id, display name and, when known, their Teams id (MRI) for card refresh. */
export type Member = VoteView['eligible'][number];
/** A member the vote was opened for who does not vote on it, and why. */
export type Recused = VoteView['recused'][number];

/** A stored vote: what the cards show, and the message that holds its card. */
export interface VoteRecord extends VoteView {
  cardActivityId: string | null;
}

interface VoteRow {
  id: string;
  case_id: string;
  question: string;
  options: VoteOption[];
  anonymous: boolean;
  results_hidden: boolean;
  quorum: number | null;
  status: 'open' | 'tied' | 'closed';
  result: string | null;
  tally: Tally | null;
  casting_decision: boolean;
  card_activity_id: string | null;
}

export type VoteFailure =
  | { reason: 'voteNotFound'; message: string }
  | { reason: 'voteClosed'; message: string }
  | { reason: 'notEligible'; message: string }
  | { reason: 'recused'; message: string }
  | { reason: 'votedAnonymously'; message: string }
  | { reason: 'invalidChoice'; message: string }
  | { reason: 'voteAlreadyOpen'; message: string }
  | { reason: 'caseNotFound'; message: string }
  | { reason: 'caseWithdrawn'; message: string };

const notFound = { reason: 'voteNotFound', message: 'This vote no longer exists.' } as const;
const closedAlready = {
  reason: 'voteClosed',
  message: 'This vote has been closed: votes are no longer counted.',
} as const;

const caseWithdrawn = {
  reason: 'caseWithdrawn',
  message: 'This case was withdrawn: its votes no longer count.',
} as const;

/**
 * A vote as casting and declaring read it: locked FOR SHARE so they wait for a close in progress, with whether
 * its case has been withdrawn (a withdrawn case is no longer run, so its open votes take nothing more).
 */
const OPEN_VOTE = `SELECT v.*, c.withdrawn_at IS NOT NULL AS case_withdrawn FROM votes v JOIN cases c ON c.id = v.case_id
  WHERE v.id = $1 FOR SHARE OF v`;

/** Why a recused member's ballot, or a second declaration, is refused. */
const recusedRefusal = (reason: RecusalReason): VoteFailure => ({
  reason: 'recused',
  message:
    reason === 'representsReferringSchool'
      ? 'You represent the referring school, so you do not vote on this case.'
      : 'You have declared an interest, so you do not vote on this case.',
});

async function counts(tx: Queryable, vote: VoteRow): Promise<Tally> {
  const rows = vote.anonymous
    ? await tx.query<{ choice: string; count: number }>(
        'SELECT choice, count FROM anonymous_counts WHERE vote_id = $1',
        [vote.id],
      )
    : await tx.query<{ choice: string; count: number }>(
        'SELECT choice, count(*)::int AS count FROM ballots WHERE vote_id = $1 GROUP BY choice',
        [vote.id],
      );
  return Object.fromEntries(rows.map((row) => [row.choice, Number(row.count)]));
}

/** A vote row as the cards see it; `voted` is filled by the caller. */
function recordOf(row: VoteRow, members: Members, tally: Tally): VoteRecord {
  return {
    id: row.id,
    caseId: row.case_id,
    question: row.question,
    options: row.options,
    anonymous: row.anonymous,
    resultsHidden: row.results_hidden,
    quorum: row.quorum,
    status: row.status,
    result: row.result,
    castingDecision: row.casting_decision,
    cardActivityId: row.card_activity_id,
    ...members,
    voted: [],
    tally: Object.fromEntries(row.options.map((option) => [option.id, tally[option.id] ?? 0])),
  };
}

/** Those the vote was opened for: who votes, and who is recused. */
interface Members {
  eligible: Member[];
  recused: Recused[];
}

/** Everyone the vote was opened for, in the order the cards list them. */
async function readMembers(tx: Queryable, voteId: string): Promise<Member[]> {
  const rows = await tx.query<{ member_id: string; member_name: string; member_mri: string | null }>(
    'SELECT member_id, member_name, member_mri FROM vote_eligible WHERE vote_id = $1 ORDER BY member_name, member_id',
    [voteId],
  );
  return rows.map((row) => ({
    id: row.member_id,
    name: row.member_name,
    ...(row.member_mri ? { mri: row.member_mri } : {}),
  }));
}

/** Who is recused now, and why. */
async function readRecusals(tx: Queryable, voteId: string): Promise<Map<string, RecusalReason>> {
  const rows = await tx.query<{ member_id: string; recused: RecusalReason }>(
    'SELECT member_id, recused FROM vote_eligible WHERE vote_id = $1 AND recused IS NOT NULL',
    [voteId],
  );
  return new Map(rows.map((row) => [row.member_id, row.recused]));
}

function splitMembers(members: readonly Member[], recusals: ReadonlyMap<string, RecusalReason>): Members {
  return {
    eligible: members.filter((member) => !recusals.has(member.id)),
    recused: members.flatMap((member) => {
      const reason = recusals.get(member.id);
      return reason ? [{ ...member, reason }] : [];
    }),
  };
}

async function load(tx: Queryable, row: VoteRow): Promise<VoteRecord> {
  const members = splitMembers(await readMembers(tx, row.id), await readRecusals(tx, row.id));
  const voted = await tx.query<{ member_id: string; member_name: string }>(
    `SELECT b.member_id, e.member_name FROM ballots b JOIN vote_eligible e ON e.vote_id = b.vote_id AND e.member_id = b.member_id
     WHERE b.vote_id = $1 ORDER BY e.member_name, b.member_id`,
    [row.id],
  );
  const tally = row.status !== 'open' && row.tally ? row.tally : await counts(tx, row);
  return {
    ...recordOf(row, members, tally),
    voted: voted.map((member) => ({ id: member.member_id, name: member.member_name })),
  };
}

export async function getVote(db: Queryable, id: string): Promise<VoteRecord | undefined> {
  if (!isUuid(id)) return undefined;
  const [row] = await db.query<VoteRow>('SELECT * FROM votes WHERE id = $1', [id]);
  return row ? load(db, row) : undefined;
}

/** The member's own choice, for their personal view of the card (never stored for an anonymous vote). */
export async function ownChoice(
  db: Queryable,
  voteId: string,
  memberId: string,
): Promise<string | null | undefined> {
  const [row] = await db.query<{ choice: string | null }>(
    'SELECT choice FROM ballots WHERE vote_id = $1 AND member_id = $2',
    [voteId, memberId],
  );
  return row === undefined ? undefined : row.choice;
}

export interface OpenVote {
  caseId: string;
  question: string;
  options: readonly VoteOption[];
  anonymous: boolean;
  /** Hide the tally until the vote closes; an anonymous vote hides it whatever this says. */
  resultsHidden: boolean;
  quorum: number | null;
  eligible: readonly Member[];
  /** Members who do not vote on this case from the start (the referring school's representatives). */
  recused?: readonly Recused[];
}

export async function openVote(
  db: Database,
  input: OpenVote,
  actor: Actor,
): Promise<Result<VoteRecord, VoteFailure>> {
  return db.transaction(async (tx) => {
    const record = await lockCase(tx, input.caseId);
    if (!record) return fail({ reason: 'caseNotFound', message: 'This case no longer exists.' });
    const [open] = await tx.query<{ id: string }>(
      "SELECT id FROM votes WHERE case_id = $1 AND question = $2 AND status <> 'closed'",
      [input.caseId, input.question],
    );
    if (open) return fail({ reason: 'voteAlreadyOpen', message: 'A vote on this question is already open.' });
    const id = randomUUID();
    const [row] = await tx.query<VoteRow>(
      `INSERT INTO votes (id, case_id, question, options, anonymous, results_hidden, quorum, opened_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING *`,
      [
        id,
        input.caseId,
        input.question,
        JSON.stringify(input.options),
        input.anonymous,
        input.anonymous || input.resultsHidden,
        input.quorum,
        actor.id,
      ],
    );
    const recused = input.recused ?? [];
    const members: (Member & { reason?: RecusalReason })[] = [...input.eligible, ...recused];
    await tx.query(
      `INSERT INTO vote_eligible (vote_id, member_id, member_name, member_mri, recused)
       SELECT $1, m.id, m.name, m.mri, m.recused
       FROM unnest($2::text[], $3::text[], $4::text[], $5::text[]) AS m(id, name, mri, recused)
       ON CONFLICT DO NOTHING`,
      [
        id,
        members.map((member) => member.id),
        members.map((member) => member.name),
        members.map((member) => member.mri ?? null),
        members.map((member) => member.reason ?? null),
      ],
    );
    await appendEvents(tx, record, actor, [
      {
        kind: 'voteOpened',
        detail: {
          voteId: id,
          question: input.question,
          anonymous: input.anonymous,
          quorum: input.quorum,
          eligible: input.eligible.length,
        },
      },
      ...recused.map((member): CaseEvent => ({
        kind: 'recused',
        detail: {
          voteId: id,
          memberId: member.id,
          memberName: member.name,
          reason: member.reason,
          ballotWithdrawn: false,
        },
      })),
    ]);
    if (!row) throw new Error('The vote was not stored');
    return ok(await load(tx, row));
  });
}

export async function setVoteCard(db: Queryable, voteId: string, activityId: string): Promise<void> {
  await db.query('UPDATE votes SET card_activity_id = $2 WHERE id = $1', [voteId, activityId]);
}

export interface CastResult {
  vote: VoteRecord;
  /** The vote's case, read in the same transaction (the vote card shows where the case stands). */
  record: CaseRecord;
  /** False when the request repeated a vote already counted (a retry), so nothing changed. */
  changed: boolean;
}

/** One member's choice on a vote, as clicked. */
export interface Cast {
  member: Actor;
  choice: string;
}

/**
 * Whom a vote was opened for never changes once it is open, so each process reads it once per vote; who of them
 * is recused may change (a declared interest), so that is read with each batch.
 */
const eligibleCache = new WeakMap<Database, Map<string, Member[]>>();
const ELIGIBLE_CACHE_SIZE = 200;

async function membersOf(db: Database, tx: Queryable, voteId: string): Promise<Member[]> {
  const cache = eligibleCache.get(db) ?? new Map<string, Member[]>();
  eligibleCache.set(db, cache);
  const cached = cache.get(voteId);
  if (cached) return cached;
  const members = await readMembers(tx, voteId);
  if (cache.size >= ELIGIBLE_CACHE_SIZE) cache.delete(cache.keys().next().value ?? '');
  cache.set(voteId, members);
  return members;
}

/**
 * Casts or changes a member's vote. The ballot's primary key (vote, member) makes a retried or concurrent
 * request count once; the vote row is read FOR SHARE so casting waits for a close in progress, and a vote
 * after closing is refused. An anonymous ballot records only that the member voted; its choice goes into a
 * count with no link to the member, so it cannot be changed afterwards.
 */
export async function castBallot(
  db: Database,
  voteId: string,
  member: Actor,
  choice: string,
): Promise<Result<CastResult, VoteFailure>> {
  const [result] = await castBallots(db, voteId, [{ member, choice }]);
  // Stryker disable next-line StringLiteral: unreachable, castBallots answers one result per cast
  if (!result) throw new Error('castBallots answered no cast');
  return result;
}

/**
 * Casts several ballots on one vote in one transaction, with the same rules as castBallot, and answers each
 * cast in order. A panel voting at once costs a handful of statements instead of a dozen per member: this is
 * what keeps a 60-member burst quick on the embedded store, which has a single connection.
 */
export async function castBallots(
  db: Database,
  voteId: string,
  casts: readonly Cast[],
): Promise<Result<CastResult, VoteFailure>[]> {
  const everyone = (failure: VoteFailure) => casts.map(() => fail(failure));
  if (!isUuid(voteId)) return everyone(notFound);
  return db.transaction(async (tx) => {
    const [vote] = await tx.query<VoteRow & { case_withdrawn: boolean }>(OPEN_VOTE, [voteId]);
    if (!vote) return everyone(notFound);
    if (vote.status !== 'open') return everyone(closedAlready);
    if (vote.case_withdrawn) return everyone(caseWithdrawn);
    const members = await membersOf(db, tx, voteId);
    const memberIds = new Set(members.map((member) => member.id));
    // This batch's members' rows are read FOR SHARE, so a declaration of interest in progress settles first.
    const recusalRows = await tx.query<{ member_id: string; recused: RecusalReason | null }>(
      `SELECT member_id, recused FROM vote_eligible
       WHERE vote_id = $1 AND (recused IS NOT NULL OR member_id = ANY($2::text[])) FOR SHARE`,
      // Stryker disable next-line ArrayDeclaration,ArrowFunction: the batch's own rows are read only to lock them against a declaration in progress; the lock cannot be observed without a race
      [voteId, [...new Set(casts.map((cast) => cast.member.id))]],
    );
    const recusals = new Map(
      recusalRows.flatMap((row) => (row.recused ? [[row.member_id, row.recused] as const] : [])),
    );
    const refusals = casts.map((cast): VoteFailure | undefined => {
      if (!vote.options.some((option) => option.id === cast.choice))
        return { reason: 'invalidChoice', message: 'That is not one of the options of this vote.' };
      if (!memberIds.has(cast.member.id))
        return { reason: 'notEligible', message: 'Only the panel members of this meeting can vote.' };
      const recused = recusals.get(cast.member.id);
      return recused ? recusedRefusal(recused) : undefined;
    });
    const accepted = casts.filter((_, i) => !refusals[i]);
    const voters = [...new Set(accepted.map((cast) => cast.member.id))];
    // Locks this batch's existing ballots; new ones are settled by the primary key on insert.
    const previous = await tx.query<{ member_id: string; choice: string | null }>(
      'SELECT member_id, choice FROM ballots WHERE vote_id = $1 AND member_id = ANY($2::text[]) FOR UPDATE',
      [voteId, voters],
    );
    const current = new Map(previous.map((row) => [row.member_id, row.choice]));
    const stored = vote.anonymous
      ? await storeAnonymous(tx, vote, accepted, current)
      : await storeNamed(tx, vote, accepted, current);
    const voted = await tx.query<{ member_id: string; choice: string | null }>(
      'SELECT member_id, choice FROM ballots WHERE vote_id = $1',
      [voteId],
    );
    const tally = vote.anonymous
      ? await counts(tx, vote)
      : Object.fromEntries(
          vote.options.map((option) => [option.id, voted.filter((row) => row.choice === option.id).length]),
        );
    const record = await getCase(tx, vote.case_id);
    // Stryker disable next-line StringLiteral: unreachable, a vote's case is deleted only with the vote
    if (!record) throw new Error('The vote has no case');
    const votedIds = new Set(voted.map((row) => row.member_id));
    const view: VoteRecord = {
      ...recordOf(vote, splitMembers(members, recusals), tally),
      voted: members.filter((member) => votedIds.has(member.id)).map(({ id, name }) => ({ id, name })),
    };
    let next = 0;
    return refusals.map((refusal): Result<CastResult, VoteFailure> => {
      if (refusal) return fail(refusal);
      // Stryker disable next-line BooleanLiteral: unreachable, the stores answer one flag per accepted cast
      return ok({ vote: view, record, changed: stored[next++] ?? false });
    });
  });
}

/** Stores named ballots (the last of a member's casts wins) and their history; answers "changed" per cast. */
async function storeNamed(
  tx: Queryable,
  vote: VoteRow,
  casts: readonly Cast[],
  current: Map<string, string | null>,
): Promise<boolean[]> {
  const changes = casts.map((cast) => {
    const changed = current.get(cast.member.id) !== cast.choice;
    // Stryker disable next-line ConditionalExpression: when unchanged, the member's current choice already is this one
    if (changed) current.set(cast.member.id, cast.choice);
    return changed;
  });
  const changedCasts = casts.filter((_, i) => changes[i]);
  const finalChoices = new Map(changedCasts.map((cast) => [cast.member.id, cast.choice]));
  // Stryker disable next-line ConditionalExpression,EqualityOperator: only saves a statement; an insert of no rows changes nothing
  if (finalChoices.size > 0) {
    await tx.query(
      `INSERT INTO ballots (vote_id, member_id, choice) SELECT $1, m, c FROM unnest($2::text[], $3::text[]) AS t(m, c)
       ON CONFLICT (vote_id, member_id) DO UPDATE SET choice = EXCLUDED.choice, cast_at = now()`,
      [vote.id, [...finalChoices.keys()], [...finalChoices.values()]],
    );
  }
  await appendHistory(
    tx,
    vote.case_id,
    changedCasts.map((cast) => ({
      actor: cast.member,
      event: { kind: 'voteCast', detail: { voteId: vote.id, choice: cast.choice } },
    })),
  );
  return changes;
}

/**
 * Stores anonymous ballots: a member's first cast counts and later ones change nothing. The insert's RETURNING
 * says which members were really new, so a ballot stored meanwhile by another process is not counted twice.
 * Nothing ties a member to a choice: the ballot row has no choice, the case's history records no anonymous
 * ballot (who voted would pair with the final tally, wholly so when one member votes or all agree), and every
 * option's count is rewritten, by zero for the options not chosen, so that which count row a transaction
 * changed (its xmin, read beside the ballot's) does not say what the member chose.
 */
async function storeAnonymous(
  tx: Queryable,
  vote: VoteRow,
  casts: readonly Cast[],
  current: Map<string, string | null>,
): Promise<boolean[]> {
  const firsts = new Map<string, Cast>();
  for (const cast of casts) {
    if (!current.has(cast.member.id) && !firsts.has(cast.member.id)) firsts.set(cast.member.id, cast);
  }
  const inserted =
    // Stryker disable next-line ConditionalExpression: only saves a statement; an insert of no rows changes nothing
    firsts.size === 0
      ? []
      : await tx.query<{ member_id: string }>(
          `INSERT INTO ballots (vote_id, member_id, choice) SELECT $1, m, NULL FROM unnest($2::text[]) AS t(m)
           ON CONFLICT DO NOTHING RETURNING member_id`,
          [vote.id, [...firsts.keys()]],
        );
  const counted = new Set(inserted.map((row) => row.member_id));
  const increments = new Map(vote.options.map((option) => [option.id, 0]));
  for (const id of counted) {
    // Stryker disable next-line StringLiteral: unreachable, every counted member has a first cast
    const choice = firsts.get(id)?.choice ?? '';
    increments.set(choice, (increments.get(choice) ?? 0) + 1);
  }
  // Stryker disable next-line ConditionalExpression,EqualityOperator: only saves a statement; adding zero to every count changes no count
  if (counted.size > 0) {
    await tx.query(
      `INSERT INTO anonymous_counts (vote_id, choice, count) SELECT $1, c, n FROM unnest($2::text[], $3::int[]) AS t(c, n)
       ON CONFLICT (vote_id, choice) DO UPDATE SET count = anonymous_counts.count + EXCLUDED.count`,
      [vote.id, [...increments.keys()], [...increments.values()]],
    );
  }
  return casts.map((cast) => counted.has(cast.member.id) && firsts.get(cast.member.id) === cast);
}

export interface Declaration {
  vote: VoteRecord;
  record: CaseRecord;
  /** True when a named ballot the member had cast was withdrawn. */
  ballotWithdrawn: boolean;
}

/**
 * A member declares an interest: from now on they do not vote on this vote, and a named ballot they had cast is
 * withdrawn, so neither the tally nor the quorum counts it. An anonymous ballot went into a count with no link to
 * the member, so it cannot be taken out: a member who has voted anonymously is refused (and the count never
 * drops), one who has not may declare. Their row of vote_eligible is locked first, so a ballot cast at the same
 * moment either is stored before (then withdrawn, or the declaration refused) or is refused after.
 */
export async function declareInterest(
  db: Database,
  voteId: string,
  member: Actor,
): Promise<Result<Declaration, VoteFailure>> {
  if (!isUuid(voteId)) return fail(notFound);
  return db.transaction(async (tx) => {
    const [vote] = await tx.query<VoteRow & { case_withdrawn: boolean }>(OPEN_VOTE, [voteId]);
    if (!vote) return fail(notFound);
    if (vote.status !== 'open') return fail(closedAlready);
    if (vote.case_withdrawn) return fail(caseWithdrawn);
    const [entry] = await tx.query<{ recused: RecusalReason | null }>(
      'SELECT recused FROM vote_eligible WHERE vote_id = $1 AND member_id = $2 FOR UPDATE',
      [voteId, member.id],
    );
    if (!entry)
      return fail({ reason: 'notEligible', message: 'Only the panel members of this meeting can vote.' });
    if (entry.recused) return fail(recusedRefusal(entry.recused));
    const [ballot] = await tx.query<{ member_id: string }>(
      'SELECT member_id FROM ballots WHERE vote_id = $1 AND member_id = $2 FOR UPDATE',
      [voteId, member.id],
    );
    if (ballot && vote.anonymous)
      return fail({
        reason: 'votedAnonymously',
        message:
          'You have already voted, and an anonymous vote cannot be linked to you, so it cannot be withdrawn. Please tell the coordinator about your interest.',
      });
    if (ballot)
      await tx.query('DELETE FROM ballots WHERE vote_id = $1 AND member_id = $2', [voteId, member.id]);
    await tx.query(
      "UPDATE vote_eligible SET recused = 'declaredInterest' WHERE vote_id = $1 AND member_id = $2",
      [voteId, member.id],
    );
    const record = await getCase(tx, vote.case_id);
    if (!record) throw new Error('The vote has no case');
    const ballotWithdrawn = ballot !== undefined;
    await appendEvents(tx, record, member, [
      {
        kind: 'recused',
        detail: {
          voteId,
          memberId: member.id,
          memberName: member.name,
          reason: 'declaredInterest',
          ballotWithdrawn,
        },
      },
    ]);
    return ok({ vote: await load(tx, vote), record, ballotWithdrawn });
  });
}

export type ApplyVoteResult = (
  record: CaseRecord,
  vote: VoteRecord,
  decision: VoteDecision,
) => Result<{ record: CaseRecord; events: CaseEvent[] }, { reason: string; message: string }>;

/**
 * Closes a vote, records the result and the tally, and applies the result to the case (answering the flow's
 * question) in the same transaction. A tie needs the coordinator's casting decision, recorded as such.
 */
export async function closeVote(
  db: Database,
  voteId: string,
  actor: Actor,
  apply: ApplyVoteResult,
  castingChoice?: string,
): Promise<
  Result<
    { vote: VoteRecord; record: CaseRecord; decision: VoteDecision },
    VoteFailure | VoteRefusal | { reason: string; message: string }
  >
> {
  if (!isUuid(voteId)) return fail(notFound);
  return db.transaction(async (tx) => {
    const [vote] = await tx.query<VoteRow>('SELECT * FROM votes WHERE id = $1 FOR UPDATE', [voteId]);
    if (!vote) return fail(notFound);
    if (vote.status === 'closed')
      return fail({ reason: 'voteClosed', message: 'This vote is already closed.' });
    const tally = vote.status === 'tied' && vote.tally ? vote.tally : await counts(tx, vote);
    const decided = decideVote(vote.options, tally, vote.quorum, castingChoice);
    if (!decided.ok) {
      // A tie, once seen, stops the vote: no more ballots until the casting decision.
      if (vote.status === 'open' && decided.error.tied)
        await tx.query("UPDATE votes SET status = 'tied', tally = $2 WHERE id = $1", [
          voteId,
          JSON.stringify(tally),
        ]);
      return decided;
    }
    const record = await lockCase(tx, vote.case_id);
    if (!record) return fail({ reason: 'caseNotFound', message: 'This case no longer exists.' });
    const before = await load(tx, vote);
    const applied = apply(record, before, decided.value);
    if (!applied.ok) return applied;
    const [closed] = await tx.query<VoteRow>(
      `UPDATE votes SET status = 'closed', result = $2, tally = $3, casting_decision = $4, closed_by = $5, closed_at = now()
       WHERE id = $1 RETURNING *`,
      [
        voteId,
        decided.value.result,
        JSON.stringify(decided.value.tally),
        decided.value.castingDecision,
        actor.id,
      ],
    );
    const events: CaseEvent[] = [
      {
        kind: 'voteClosed',
        detail: {
          voteId,
          result: decided.value.result,
          tally: decided.value.tally,
          castingDecision: decided.value.castingDecision,
        },
      },
      ...applied.value.events,
    ];
    const written = await writeChange(tx, applied.value.record, actor, events);
    if (!closed) throw new Error('The vote disappeared while it was being closed');
    return ok({ vote: await load(tx, closed), record: written, decision: decided.value });
  });
}

export async function votesOfCase(db: Queryable, caseId: string): Promise<VoteRecord[]> {
  if (!isUuid(caseId)) return [];
  const rows = await db.query<VoteRow>('SELECT * FROM votes WHERE case_id = $1 ORDER BY opened_at, id', [
    caseId,
  ]);
  return Promise.all(rows.map((row) => load(db, row)));
}
