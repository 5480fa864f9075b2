import { randomUUID } from 'node:crypto';
import {
  draftKey,
  type Actor,
  type CaseEvent,
  type CaseRecord,
  type NewCaseRecord,
} from '../../src/cases/case.ts';
import type { Answers } from '../../src/flow/answers.ts';
import type { RecipientRole } from '../../src/flow/definition.ts';
import { fail, ok, type Result } from '../../src/result.ts';
import type { TemplateId } from '../../src/templates/emailTemplates.ts';
import type { Fields, PartnershipId } from '../../src/templates/fields.ts';
import { retentionCutoff } from '../../src/cases/retention.ts';
import type { Database, Queryable } from './database.ts';
import type { StoredPlan } from '../../src/plans/actionPlan.ts';
import { FACT_COLUMNS } from './reportFacts.ts';

export interface CaseRow {
  id: string;
  partnership: PartnershipId;
  conversation_id: string;
  meeting_id: string | null;
  student_ref: string;
  school_id: string;
  section: string;
  flow_id: string;
  flow_version: string;
  answers: Answers;
  fields: Fields;
  key_link_email: string | null;
  outcome: string | null;
  extra_emails: { template: TemplateId; to: RecipientRole }[];
  prefilled: string[];
  card_activity_id: string | null;
  revision: number;
  created_by: string;
  created_at: Date;
  updated_at: Date;
  withdrawn_at?: Date | null;
  consent: boolean;
  current_plan: StoredPlan | null;
}

export const toRecord = (row: CaseRow): CaseRecord => ({
  id: row.id,
  partnership: row.partnership,
  conversationId: row.conversation_id,
  meetingId: row.meeting_id,
  student: row.student_ref,
  schoolId: row.school_id,
  section: row.section,
  flowId: row.flow_id,
  flowVersion: row.flow_version,
  answers: row.answers,
  fields: row.fields,
  keyLinkEmail: row.key_link_email,
  outcome: row.outcome,
  extraEmails: row.extra_emails,
  prefilled: row.prefilled,
  cardActivityId: row.card_activity_id,
  revision: row.revision,
  createdBy: row.created_by,
  createdAt: new Date(row.created_at),
  updatedAt: new Date(row.updated_at),
  withdrawnAt: row.withdrawn_at ? new Date(row.withdrawn_at) : null,
  consent: row.consent,
  plan: row.current_plan,
});

export interface HistoryEntry {
  at: Date;
  actorName: string | null;
  kind: CaseEvent['kind'];
  detail: Record<string, unknown>;
  flowVersion: string;
}

/** Appends events by one actor to a case's history. */
export async function appendEvents(
  tx: Queryable,
  record: Pick<CaseRecord, 'id'>,
  actor: Actor | null,
  events: readonly CaseEvent[],
) {
  await appendHistory(
    tx,
    record.id,
    events.map((event) => ({ actor, event })),
  );
}

/**
 * The one writer of a case's history (append-only: the database refuses changes), in one statement whatever the
 * number of entries, each with its own actor (a burst of ballots is many members' casts), in order and under the
 * case's flow version.
 */
export async function appendHistory(
  tx: Queryable,
  caseId: string,
  entries: readonly { actor: Actor | null; event: CaseEvent }[],
) {
  if (entries.length === 0) return;
  await tx.query(
    `INSERT INTO case_events (case_id, actor_id, actor_name, kind, detail, flow_version)
     SELECT c.id, e.actor_id, e.actor_name, e.kind, e.detail::jsonb, c.flow_version
     FROM unnest($2::text[], $3::text[], $4::text[], $5::text[]) WITH ORDINALITY AS e(actor_id, actor_name, kind, detail, n)
     CROSS JOIN cases c WHERE c.id = $1 ORDER BY e.n`,
    [
      caseId,
      entries.map(({ actor }) => actor?.id ?? null),
      entries.map(({ actor }) => actor?.name ?? null),
      entries.map(({ event }) => event.kind),
      entries.map(({ event }) => JSON.stringify(event.detail)),
    ],
  );
}

export async function createCase(db: Database, input: NewCaseRecord, actor: Actor): Promise<CaseRecord> {
  return db.transaction(async (tx) => {
    const [row] = await tx.query<CaseRow>(
      `INSERT INTO cases (id, partnership, conversation_id, meeting_id, student_ref, school_id, section, flow_id, flow_version, fields, created_by, key_link_email, consent, referral_number)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13,
         -- Which referral of this student by this school it is: reports count second and third referrals.
         (SELECT count(*)::int + 1 FROM cases WHERE school_id = $6 AND student_ref = $5 AND withdrawn_at IS NULL))
       RETURNING *`,
      [
        randomUUID(),
        input.partnership,
        input.conversationId,
        input.meetingId,
        input.student,
        input.schoolId,
        input.section,
        input.flowId,
        input.flowVersion,
        JSON.stringify(input.fields),
        actor.id,
        input.keyLinkEmail ?? null,
        input.consent ?? true,
      ],
    );
    if (!row) throw new Error('The case was not stored');
    const record = toRecord(row);
    await appendEvents(tx, record, actor, [
      {
        kind: 'created',
        detail: { section: input.section, partnership: input.partnership, schoolId: input.schoolId },
      },
    ]);
    return record;
  });
}

export async function getCase(db: Queryable, id: string): Promise<CaseRecord | undefined> {
  if (!isUuid(id)) return undefined;
  const [row] = await db.query<CaseRow>('SELECT * FROM cases WHERE id = $1', [id]);
  return row ? toRecord(row) : undefined;
}

export async function casesOfConversation(db: Queryable, conversationId: string): Promise<CaseRecord[]> {
  const rows = await db.query<CaseRow>(
    'SELECT * FROM cases WHERE conversation_id = $1 ORDER BY created_at, id',
    [conversationId],
  );
  return rows.map(toRecord);
}

export type CaseChange<E extends { reason: string }> = (
  record: CaseRecord,
) => Result<{ record: CaseRecord; events: CaseEvent[] }, E>;

/** Writes a changed case and its history inside a transaction that holds the case's row lock. */
export async function writeChange(
  tx: Queryable,
  record: CaseRecord,
  actor: Actor | null,
  events: readonly CaseEvent[],
) {
  const [row] = await tx.query<CaseRow>(
    `UPDATE cases SET answers = $2, fields = $3, outcome = $4, extra_emails = $5, prefilled = $6,
       decided_at = coalesce(decided_at, CASE WHEN $4::text IS NOT NULL THEN now() END),
       revision = revision + 1, updated_at = now()
     WHERE id = $1 RETURNING *`,
    [
      record.id,
      JSON.stringify(record.answers),
      JSON.stringify(record.fields),
      record.outcome,
      JSON.stringify(record.extraEmails),
      JSON.stringify(record.prefilled),
    ],
  );
  if (!row) throw new Error('The case disappeared while it was being changed');
  const written = toRecord(row);
  await appendEvents(tx, written, actor, events);
  return written;
}

export async function lockCase(tx: Queryable, id: string): Promise<CaseRecord | undefined> {
  if (!isUuid(id)) return undefined;
  const [row] = await tx.query<CaseRow>('SELECT * FROM cases WHERE id = $1 FOR UPDATE', [id]);
  return row ? toRecord(row) : undefined;
}

/**
 * Changes a case: the row is locked, the pure change runs on what is stored now, and the result and its
 * history are written in the same transaction, so concurrent changes from several bot processes never
 * overwrite each other.
 */
export async function updateCase<E extends { reason: string }>(
  db: Database,
  id: string,
  actor: Actor,
  change: CaseChange<E>,
): Promise<Result<CaseRecord, E | { reason: 'caseNotFound' }>> {
  return db.transaction(async (tx) => {
    const current = await lockCase(tx, id);
    if (!current) return fail({ reason: 'caseNotFound' as const });
    const changed = change(current);
    if (!changed.ok) return changed;
    return ok(await writeChange(tx, changed.value.record, actor, changed.value.events));
  });
}

/** Withdraws a case started in error: kept, with its history, marked withdrawn; withdrawing twice is once. */
export async function withdrawCase(
  db: Database,
  id: string,
  actor: Actor,
): Promise<Result<CaseRecord, { reason: 'caseNotFound' }>> {
  return db.transaction(async (tx) => {
    const current = await lockCase(tx, id);
    if (!current) return fail({ reason: 'caseNotFound' as const });
    if (current.withdrawnAt) return ok(current);
    const [row] = await tx.query<CaseRow>(
      'UPDATE cases SET withdrawn_at = now(), revision = revision + 1, updated_at = now() WHERE id = $1 RETURNING *',
      [id],
    );
    if (!row) throw new Error('The case disappeared while it was being withdrawn');
    const written = toRecord(row);
    await appendEvents(tx, written, actor, [{ kind: 'withdrawn', detail: {} }]);
    return ok(written);
  });
}

/** The emails drafted for each of the cases, as draft keys (see draftKey), in one query. */
export async function draftedEmails(
  db: Queryable,
  caseIds: readonly string[],
): Promise<Map<string, Set<string>>> {
  const rows = await db.query<{
    case_id: string;
    detail: { template: TemplateId; to: RecipientRole; plan?: { version: number; saves: number } };
  }>("SELECT case_id, detail FROM case_events WHERE case_id = ANY($1::uuid[]) AND kind = 'emailDrafted'", [
    caseIds,
  ]);
  const drafted = new Map(caseIds.map((id) => [id, new Set<string>()]));
  for (const row of rows) drafted.get(row.case_id)?.add(draftKey(row.detail, row.detail.plan));
  return drafted;
}

export async function setCardActivity(db: Queryable, id: string, activityId: string): Promise<void> {
  await db.query('UPDATE cases SET card_activity_id = $2 WHERE id = $1', [id, activityId]);
}

export async function caseHistory(db: Queryable, id: string): Promise<HistoryEntry[]> {
  const rows = await db.query<{
    at: Date;
    actor_name: string | null;
    kind: CaseEvent['kind'];
    detail: Record<string, unknown>;
    flow_version: string;
  }>('SELECT at, actor_name, kind, detail, flow_version FROM case_events WHERE case_id = $1 ORDER BY id', [
    id,
  ]);
  return rows.map((row) => ({
    at: new Date(row.at),
    actorName: row.actor_name,
    kind: row.kind,
    detail: row.detail,
    flowVersion: row.flow_version,
  }));
}

/** The advisory lock the purge holds, so that of several bot instances sharing a server only one purges. */
const PURGE_LOCK = 7_460_001;

/** The cases a purge takes: last changed before the cutoff, and not on legal hold. */
const EXPIRED = 'c.updated_at < $1 AND c.legal_hold_at IS NULL';

/**
 * Deletes the cases (with their history, votes and plans) last changed before the retention period (`years`
 * financial years, the current included), except those on legal hold. What each counted for in the reports is
 * kept as it goes, without anything that identifies it. While another instance is purging, this one purges nothing
 * (0). `reclaimSpace` then removes the deleted rows' bytes from the files.
 */
export async function purgeExpiredCases(db: Database, years: number, now = new Date()): Promise<number> {
  const cutoff = retentionCutoff(years, now);
  return db.transaction(async (tx) => {
    const [lock] = await tx.query<{ locked: boolean }>('SELECT pg_try_advisory_xact_lock($1) AS locked', [
      PURGE_LOCK,
    ]);
    if (!lock?.locked) return 0;
    await tx.query("SELECT set_config('app.retention_purge', 'on', true)");
    // The facts are kept up to date by the database, except after a bulk load that skipped them: work them out
    // once more for what goes, so nothing is kept from a stale one.
    await tx.query(`SELECT case_facts_refresh(ARRAY(SELECT c.id FROM cases c WHERE ${EXPIRED}))`, [cutoff]);
    // One statement keeps the facts of exactly the cases it deletes: as two, a legal hold (or a change) committed
    // between them kept a case whose fact had been copied already, and the reports counted it twice.
    const rows = await tx.query<{ id: string }>(
      `WITH purged AS (DELETE FROM cases c WHERE ${EXPIRED} RETURNING c.id),
       kept AS (INSERT INTO purged_case_facts (${FACT_COLUMNS})
         SELECT ${FACT_COLUMNS} FROM case_facts WHERE NOT withdrawn AND case_id IN (SELECT id FROM purged))
       SELECT id FROM purged`,
      [cutoff],
    );
    return rows.length;
  });
}

/** What a purge now would delete, by the financial year of each case's last change and its partnership. */
export async function purgeForecast(
  db: Queryable,
  years: number,
  now = new Date(),
): Promise<{ expired: { financialYear: string; partnership: string; cases: number }[]; held: number }> {
  const cutoff = retentionCutoff(years, now);
  // The UK financial year starts on 1 April (23:00 UTC on 31 March, in British Summer Time).
  const expired = await db.query<{ start_year: number; partnership: string; cases: number }>(
    `SELECT extract(year FROM (c.updated_at AT TIME ZONE 'UTC') + interval '1 hour' - interval '3 months')::int AS start_year,
            c.partnership, count(*)::int AS cases
     FROM cases c WHERE ${EXPIRED} GROUP BY 1, 2 ORDER BY 1, 2`,
    [cutoff],
  );
  const [held] = await db.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM cases c WHERE c.updated_at < $1 AND c.legal_hold_at IS NOT NULL',
    [cutoff],
  );
  return {
    expired: expired.map((row) => ({
      financialYear: `${row.start_year}/${String((row.start_year + 1) % 100).padStart(2, '0')}`,
      partnership: row.partnership,
      cases: row.cases,
    })),
    held: held?.n ?? 0,
  };
}

/** Every table a purge deletes from (the cascade from cases). */
const PURGED_TABLES = [
  'cases',
  'case_events',
  'votes',
  'vote_eligible',
  'ballots',
  'anonymous_counts',
  'action_plans',
];

/**
 * After a purge, makes the deleted rows unreadable on disk. DELETE and plain VACUUM only mark rows dead, and
 * their bytes stay in the table files: VACUUM FULL rewrites each table without them. The write-ahead log
 * recorded the rows too, so on PGlite the current segment is closed and a checkpoint removes it (PGlite runs
 * with wal_recycle off, so an old segment is deleted, not renamed for reuse with its bytes intact). A
 * PostgreSQL server manages its own WAL and backups; CHECKPOINT needs the pg_checkpoint role there, and
 * without it the server's next scheduled checkpoint does the same, so `checkpointed` says which happened.
 */
export async function reclaimSpace(db: Database): Promise<{ checkpointed: boolean }> {
  for (const table of PURGED_TABLES) await db.exec(`VACUUM FULL ${table}`);
  if (db.kind === 'pglite') await db.exec('SELECT pg_switch_wal()');
  try {
    await db.exec('CHECKPOINT');
    return { checkpointed: true };
  } catch (error) {
    if (db.kind === 'postgres' && (error as { code?: string }).code === '42501')
      return { checkpointed: false };
    throw error;
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (value: string) => UUID.test(value);
