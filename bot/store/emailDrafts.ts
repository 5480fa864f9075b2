import type { Actor, CaseEvent, CaseRecord } from '../../src/cases/case.ts';
import { appendEvents } from './cases.ts';
import type { Database } from './database.ts';

type EmailDrafted = Extract<CaseEvent, { kind: 'emailDrafted' }>;

/** Records that one of a case's emails was drafted: an entry in its history, and the case's last change. */
export async function recordEmailDrafted(
  db: Database,
  record: CaseRecord,
  actor: Actor,
  detail: EmailDrafted['detail'],
): Promise<void> {
  await db.transaction(async (tx) => {
    await appendEvents(tx, record, actor, [{ kind: 'emailDrafted', detail }]);
    await tx.query('UPDATE cases SET updated_at = now() WHERE id = $1', [record.id]);
  });
}
