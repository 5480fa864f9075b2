import type { Actor, CaseRecord } from '../../src/cases/case.ts';
import type { RecordEvent, RecordVote } from '../../src/records/decisionRecord.ts';
import type { CaseFact } from '../../src/reports/figures.ts';
import type { PartnershipId } from '../../src/templates/fields.ts';
import type { RecusalReason } from '../../src/votes/vote.ts';
import { appendEvents, getCase, lockCase } from './cases.ts';
import type { Database, Queryable } from './database.ts';
import { votesOfCase } from './votes.ts';
import { FACT_COLUMNS } from './reportFacts.ts';

/**
 * What reports and decision records read: one fact per case (nothing that identifies a child), the facts kept
 * for purged cases, a case's full record, the legal hold, and the log of record exports.
 */

/** A fact as JSON gives it: dates as ISO text. */
interface FactRow {
  partnership: PartnershipId;
  school_id: string;
  meeting_type: string | null;
  flow_id: string;
  section: string;
  outcome: string | null;
  referral_number: number;
  referred_at: string;
  decided_at: string | null;
  votes_held: number;
  split_votes: number;
  casting_decisions: number;
  core_group_outcome: string | null;
  emails_drafted: Record<string, number>;
  plans_written: number;
  plans_reviewed: number;
}

const toFact = (row: FactRow): CaseFact => ({
  partnership: row.partnership,
  schoolId: row.school_id,
  meetingType: row.meeting_type,
  flowId: row.flow_id,
  section: row.section,
  outcome: row.outcome,
  referralNumber: row.referral_number,
  referredAt: new Date(row.referred_at),
  decidedAt: row.decided_at ? new Date(row.decided_at) : null,
  votesHeld: row.votes_held,
  splitVotes: row.split_votes,
  castingDecisions: row.casting_decisions,
  coreGroupOutcome: row.core_group_outcome,
  emailsDrafted: row.emails_drafted,
  plansWritten: row.plans_written,
  plansReviewed: row.plans_reviewed,
});

/** Midnight in the UK at the start of a day (YYYY-MM-DD): 00:00 BST is 23:00 UTC the day before. */
export function ukDayStart(iso: string): Date {
  const utc = new Date(`${iso}T00:00:00Z`);
  const londonHour = Number(
    new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: '2-digit', hourCycle: 'h23' }).format(
      utc,
    ),
  );
  return new Date(utc.getTime() - londonHour * 3_600_000);
}

const dayAfter = (iso: string) =>
  new Date(new Date(`${iso}T00:00:00Z`).getTime() + 86_400_000).toISOString().slice(0, 10);

/**
 * The facts of the cases referred from `from` to `to` (UK dates, both included) in the partnerships given:
 * live cases (not withdrawn) and those kept from purged ones.
 */
export async function reportFacts(
  db: Queryable,
  partnerships: readonly PartnershipId[],
  from: string,
  to: string,
): Promise<CaseFact[]> {
  const bounds = [partnerships, ukDayStart(from), ukDayStart(dayAfter(to))];
  // As one JSON array: a County's term is some 14,000 facts, which PGlite hands over as rows several times slower.
  const [result] = await db.query<{ facts: FactRow[] }>(
    `SELECT coalesce(json_agg(f), '[]') AS facts FROM (
       SELECT ${FACT_COLUMNS} FROM case_facts
       WHERE partnership = ANY($1::text[]) AND referred_at >= $2 AND referred_at < $3 AND NOT withdrawn
       UNION ALL
       SELECT ${FACT_COLUMNS} FROM purged_case_facts
       WHERE partnership = ANY($1::text[]) AND referred_at >= $2 AND referred_at < $3) f`,
    bounds,
  );
  return (result?.facts ?? []).map(toFact);
}

/** Everything a case's decision record is made of. */
export async function decisionRecordData(db: Queryable, caseId: string) {
  const record = await getCase(db, caseId);
  if (!record) return undefined;
  const events = await db.query<{
    at: Date;
    actor_name: string | null;
    kind: string;
    detail: Record<string, unknown>;
  }>('SELECT at, actor_name, kind, detail FROM case_events WHERE case_id = $1 ORDER BY id', [caseId]);
  const votes: RecordVote[] = [];
  for (const vote of await votesOfCase(db, caseId)) {
    const ballots = vote.anonymous
      ? []
      : await db.query<{ name: string; choice: string }>(
          `SELECT e.member_name AS name, b.choice FROM ballots b
           JOIN vote_eligible e ON e.vote_id = b.vote_id AND e.member_id = b.member_id
           WHERE b.vote_id = $1 AND b.choice IS NOT NULL ORDER BY e.member_name, b.member_id`,
          [vote.id],
        );
    // A vote whose results are hidden shows nobody's choice in the record either until it closes.
    const shown = vote.resultsHidden && vote.status !== 'closed' ? [] : ballots;
    votes.push({
      ...vote,
      ballots: shown,
      recused: vote.recused.map((member) => ({ name: member.name, reason: member.reason as RecusalReason })),
    });
  }
  const [hold] = await db.query<{ legal_hold_at: Date | null; legal_hold_reason: string | null }>(
    'SELECT legal_hold_at, legal_hold_reason FROM cases WHERE id = $1',
    [caseId],
  );
  const recordEvents: RecordEvent[] = events.map((event) => ({
    at: new Date(event.at).toISOString(),
    by: event.actor_name,
    kind: event.kind,
    detail: event.detail,
  }));
  return {
    record,
    events: recordEvents,
    votes,
    legalHold: hold?.legal_hold_at
      ? { since: new Date(hold.legal_hold_at), reason: hold.legal_hold_reason }
      : null,
  };
}

/** The ids of a partnership's cases referred in a range (withdrawn ones included: they are records too). */
export async function caseIdsReferred(
  db: Queryable,
  partnerships: readonly PartnershipId[],
  from: string,
  to: string,
): Promise<string[]> {
  const rows = await db.query<{ id: string }>(
    `SELECT id FROM cases WHERE partnership = ANY($1::text[]) AND created_at >= $2 AND created_at < $3
     ORDER BY created_at, id`,
    [partnerships, ukDayStart(from), ukDayStart(dayAfter(to))],
  );
  return rows.map((row) => row.id);
}

/** Records who exported which records, when, and how many (clause 10.1). */
export async function logExport(
  db: Queryable,
  actor: Actor | null,
  entry: { partnership: string; from: string; to: string; cases: number; via: 'api' | 'command' },
): Promise<void> {
  await db.query(
    `INSERT INTO record_exports (actor_id, actor_name, partnership, range_from, range_to, cases, via)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [actor?.id ?? null, actor?.name ?? null, entry.partnership, entry.from, entry.to, entry.cases, entry.via],
  );
}

export async function exportLog(db: Queryable) {
  return db.query<{
    at: Date;
    actor_name: string | null;
    partnership: string;
    range_from: string;
    range_to: string;
    cases: number;
    via: string;
  }>(
    'SELECT at, actor_name, partnership, range_from::text, range_to::text, cases, via FROM record_exports ORDER BY id',
  );
}

/** Puts a case on legal hold (purge skips it) or releases it; both are recorded in its history. */
export async function setLegalHold(
  db: Database,
  caseId: string,
  hold: { on: true; reason: string } | { on: false },
  actor: Actor,
): Promise<CaseRecord | undefined> {
  return db.transaction(async (tx) => {
    const record = await lockCase(tx, caseId);
    if (!record) return undefined;
    await tx.query(
      'UPDATE cases SET legal_hold_at = $2, legal_hold_reason = $3, revision = revision + 1 WHERE id = $1',
      [caseId, hold.on ? new Date() : null, hold.on ? hold.reason : null],
    );
    await appendEvents(tx, record, actor, [
      hold.on
        ? { kind: 'legalHold', detail: { reason: hold.reason } }
        : { kind: 'legalHoldReleased', detail: {} },
    ]);
    return record;
  });
}
