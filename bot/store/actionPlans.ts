import type { Actor, CaseEvent, CaseRecord } from '../../src/cases/case.ts';
import {
  continuedPlan,
  type ActionPlan,
  type PlanReview,
  type StoredPlan,
} from '../../src/plans/actionPlan.ts';
import { fail, ok, type Result } from '../../src/result.ts';
import type { PartnershipId } from '../../src/templates/fields.ts';
import { appendEvents, getCase, lockCase, toRecord, type CaseRow } from './cases.ts';
import type { Database, Queryable } from './database.ts';

/**
 * A case's action plans, as versions. The plan written in the meeting is version 1 and may be changed until it
 * is reviewed; a review that continues the plan writes the next version, and a reviewed version is never
 * changed again. The case row carries its latest version (`current_plan`) for its cards, written in the same
 * transaction.
 */

interface PlanRow {
  version: number;
  plan: ActionPlan;
  saves: number;
  saved_at: Date;
  saved_by_name: string | null;
  review: PlanReview | null;
  reviewed_at: Date | null;
  reviewed_by_name: string | null;
}

const toStored = (row: PlanRow): StoredPlan => ({
  version: row.version,
  plan: row.plan,
  saves: row.saves,
  savedAt: new Date(row.saved_at).toISOString(),
  savedByName: row.saved_by_name,
  review: row.review,
  reviewedAt: row.reviewed_at ? new Date(row.reviewed_at).toISOString() : null,
  reviewedByName: row.reviewed_by_name,
});

export interface PlanStoreRefusal {
  reason: 'caseNotFound' | 'noPlanToReview' | 'alreadyReviewed';
  message: string;
}

/** Every version of a case's plan, oldest first. */
export async function planVersions(db: Queryable, caseId: string): Promise<StoredPlan[]> {
  const rows = await db.query<PlanRow>('SELECT * FROM action_plans WHERE case_id = $1 ORDER BY version', [
    caseId,
  ]);
  return rows.map(toStored);
}

async function latest(tx: Queryable, caseId: string): Promise<StoredPlan | undefined> {
  const [row] = await tx.query<PlanRow>(
    'SELECT * FROM action_plans WHERE case_id = $1 ORDER BY version DESC LIMIT 1',
    [caseId],
  );
  return row ? toStored(row) : undefined;
}

/** Writes the case's latest plan onto its row, with the case's change and its history. */
async function finish(
  tx: Queryable,
  record: CaseRecord,
  stored: StoredPlan,
  actor: Actor,
  events: CaseEvent[],
): Promise<{ record: CaseRecord; plan: StoredPlan }> {
  await tx.query(
    'UPDATE cases SET current_plan = $2, revision = revision + 1, updated_at = now() WHERE id = $1',
    [record.id, JSON.stringify(stored)],
  );
  await appendEvents(tx, record, actor, events);
  const written = await getCase(tx, record.id);
  if (!written) throw new Error('The case disappeared while its plan was being saved');
  return { record: written, plan: stored };
}

/**
 * Saves the case's plan: changes the latest version while it is not reviewed, else writes the next version
 * (after a review, or the first plan).
 */
export async function savePlan(
  db: Database,
  caseId: string,
  plan: ActionPlan,
  actor: Actor,
): Promise<Result<{ record: CaseRecord; plan: StoredPlan }, PlanStoreRefusal>> {
  return db.transaction(async (tx) => {
    const record = await lockCase(tx, caseId);
    if (!record) return fail({ reason: 'caseNotFound' as const, message: 'No such case.' });
    const current = await latest(tx, caseId);
    const newVersion = !current || current.review !== null;
    const [row] = newVersion
      ? await tx.query<PlanRow>(
          'INSERT INTO action_plans (case_id, version, plan, saved_by_name) VALUES ($1, $2, $3, $4) RETURNING *',
          [caseId, (current?.version ?? 0) + 1, JSON.stringify(plan), actor.name],
        )
      : await tx.query<PlanRow>(
          `UPDATE action_plans SET plan = $3, saves = saves + 1, saved_at = now(), saved_by_name = $4
           WHERE case_id = $1 AND version = $2 RETURNING *`,
          [caseId, current.version, JSON.stringify(plan), actor.name],
        );
    if (!row) throw new Error('The plan was not stored');
    const stored = toStored(row);
    return ok(
      await finish(tx, record, stored, actor, [
        {
          kind: 'planSaved',
          detail: {
            version: stored.version,
            actions: plan.actions.length,
            reviewDate: plan.reviewDate,
            newVersion,
          },
        },
      ]),
    );
  });
}

/**
 * Records the review of the latest version. Continuing the plan writes the next version at once: the actions
 * not done yet, reviewed again about six weeks on (the coordinator revises it from the case card).
 */
export async function reviewPlan(
  db: Database,
  caseId: string,
  review: PlanReview,
  actor: Actor,
  reviewedOn: string,
  forumDates: readonly string[],
): Promise<Result<{ record: CaseRecord; plan: StoredPlan }, PlanStoreRefusal>> {
  return db.transaction(async (tx) => {
    const record = await lockCase(tx, caseId);
    if (!record) return fail({ reason: 'caseNotFound' as const, message: 'No such case.' });
    const current = await latest(tx, caseId);
    if (!current)
      return fail({ reason: 'noPlanToReview' as const, message: 'This case has no action plan to review.' });
    if (current.review)
      return fail({
        reason: 'alreadyReviewed' as const,
        message: `Version ${current.version} of the plan was already reviewed on ${current.reviewedAt?.slice(0, 10)}.`,
      });
    const [row] = await tx.query<PlanRow>(
      `UPDATE action_plans SET review = $3, reviewed_at = now(), reviewed_by_name = $4
       WHERE case_id = $1 AND version = $2 RETURNING *`,
      [caseId, current.version, JSON.stringify(review), actor.name],
    );
    if (!row) throw new Error('The review was not stored');
    const events: CaseEvent[] = [
      {
        kind: 'planReviewed',
        detail: { version: current.version, outcome: review.outcome, actions: review.actions },
      },
    ];
    let stored = toStored(row);
    if (review.outcome === 'continue') {
      const next = continuedPlan(stored, review, reviewedOn, forumDates);
      const [inserted] = await tx.query<PlanRow>(
        'INSERT INTO action_plans (case_id, version, plan, saved_by_name) VALUES ($1, $2, $3, $4) RETURNING *',
        [caseId, current.version + 1, JSON.stringify(next), actor.name],
      );
      if (!inserted) throw new Error('The next version was not stored');
      stored = toStored(inserted);
      events.push({
        kind: 'planSaved',
        detail: {
          version: stored.version,
          actions: next.actions.length,
          reviewDate: next.reviewDate,
          newVersion: true,
        },
      });
    }
    return ok(await finish(tx, record, stored, actor, events));
  });
}

/**
 * The partnerships' cases whose plan is due for review on `today` (YYYY-MM-DD): the latest version not reviewed,
 * its review date today or before. For the next forum's agenda ("To review").
 */
export async function casesToReview(
  db: Queryable,
  partnerships: readonly PartnershipId[],
  today: string,
): Promise<CaseRecord[]> {
  if (partnerships.length === 0) return [];
  const rows = await db.query<CaseRow>(
    `SELECT * FROM cases c
     WHERE c.partnership = ANY($1::text[]) AND c.withdrawn_at IS NULL
       AND c.current_plan IS NOT NULL AND c.current_plan -> 'review' = 'null'::jsonb
       AND c.current_plan -> 'plan' ->> 'reviewDate' <= $2
     ORDER BY c.current_plan -> 'plan' ->> 'reviewDate', c.id
     LIMIT 50`,
    [partnerships, today],
  );
  return rows.map(toRecord);
}
