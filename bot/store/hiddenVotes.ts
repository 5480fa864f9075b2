import type { Queryable } from './database.ts';

/** A case's votes whose results are hidden and that are not closed yet: who chose what on them stays hidden. */
export async function votesStillHidden(db: Queryable, caseId: string): Promise<Set<string>> {
  const rows = await db.query<{ id: string }>(
    "SELECT id FROM votes WHERE case_id = $1 AND results_hidden AND status <> 'closed'",
    [caseId],
  );
  return new Set(rows.map((row) => row.id));
}
